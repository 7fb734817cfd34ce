/**
 * The caseworker API (CONTRACTS §5) as the console uses it: the HttpOnly session cookie on every
 * call, and the session's CSRF token on every POST (the server refuses cookie POSTs without it).
 */

export class ApiError extends Error {
  constructor(status, code, message) {
    super(message);
    this.status = status;
    this.code = code;
  }
}

let csrf = null;

/** Remembers the CSRF token from login or /auth/me. */
export function setCsrf(token) {
  csrf = token || null;
}

async function request(method, path, body) {
  // Refusals in Dutch, as the rest of the console (the code stays the same).
  const headers = { Accept: 'application/json', 'Accept-Language': 'nl' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (method !== 'GET' && csrf) headers['X-CSRF-Token'] = csrf;
  let res;
  try {
    res = await fetch(path, { method, headers, credentials: 'same-origin', body: body === undefined ? undefined : JSON.stringify(body) });
  } catch {
    throw new ApiError(0, 'NETWORK', 'De server is niet bereikbaar. Controleer de verbinding en probeer het opnieuw.');
  }
  const json = await res.json().catch(() => ({}));
  if (!res.ok) {
    // The session ended (expired, logged out elsewhere): the page goes back to the login form.
    if (res.status === 401 && !path.startsWith('/api/v1/auth/')) window.dispatchEvent(new Event('loket:unauthenticated'));
    throw new ApiError(res.status, json.error?.code ?? 'HTTP_' + res.status, json.error?.message ?? res.statusText);
  }
  return json;
}

const enc = encodeURIComponent;
const post = (path, body = {}) => request('POST', path, body);

export const api = {
  async login(username, password) {
    const r = await post('/api/v1/auth/login', { username, password });
    setCsrf(r.csrfToken);
    return r;
  },
  async me() {
    const r = await request('GET', '/api/v1/auth/me');
    setCsrf(r.csrfToken);
    return r;
  },
  async logout() {
    try {
      await post('/api/v1/auth/logout');
    } finally {
      setCsrf(null);
    }
  },
  handoffs: (state) => request('GET', '/api/v1/handoffs' + (state ? `?state=${enc(state)}` : '')),
  /** The open handoffs with a callback request, the earliest "niet vóór" first. */
  callbacks: () => request('GET', '/api/v1/handoffs?callback=true'),
  handoff: (id) => request('GET', `/api/v1/handoffs/${enc(id)}`),
  transcript: (conversationId) => request('GET', `/api/v1/conversations/${enc(conversationId)}/transcript`),
  claim: (id) => post(`/api/v1/handoffs/${enc(id)}/claim`),
  reply: (id, text) => post(`/api/v1/handoffs/${enc(id)}/messages`, { text }),
  note: (id, text) => post(`/api/v1/handoffs/${enc(id)}/notes`, { text }),
  release: (id, note) => post(`/api/v1/handoffs/${enc(id)}/release`, note ? { note } : {}),
  close: (id, outcome) => post(`/api/v1/handoffs/${enc(id)}/close`, { outcome }),
  callbackAttempt: (id, outcome, note) => post(`/api/v1/handoffs/${enc(id)}/callback-attempts`, note ? { outcome, note } : { outcome }),
  transfer: (id, to) => post(`/api/v1/handoffs/${enc(id)}/transfer`, to),
  correctCrisis: (id, body) => post(`/api/v1/handoffs/${enc(id)}/reason`, body),
  users: () => request('GET', '/api/v1/users'),
  colleagues: () => request('GET', '/api/v1/colleagues'),
  correct: (conversationId, body) => post(`/api/v1/conversations/${enc(conversationId)}/corrections`, body),
};
