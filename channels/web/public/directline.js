/*
 * A small Direct Line 3.0 client for the chat page (no framework, no build step).
 * - start(): resumes the conversation kept in sessionStorage (token refreshed, history fetched, stream
 *   resumed after the saved watermark), or starts a new one.
 * - Activities arrive over the WebSocket stream; after a drop it reconnects with the watermark
 *   (1 s, 2 s, 4 s … 15 s). An expired or vanished conversation is replaced by a new one.
 *
 *     const dl = createDirectLine({ onActivity, onConnection, onReset, onHistory });
 *     dl.start();  dl.post({ type: 'message', text: 'hallo' });
 */
const API = '/v3/directline';
const STORAGE_KEY = 'loket.directline';
const MAX_RETRY_DELAY_MS = 15000;

/**
 * @param {{ onActivity(a: object): void, onConnection(state: 'connecting'|'online'|'reconnecting'|'restarted'|'failed'): void,
 *           onReset(): void, onHistory(loading: boolean): void }} hooks
 */
export function createDirectLine(hooks) {
  const state = { conversationId: null, token: null, watermark: 0, userId: null, ws: null, retries: 0, refreshTimer: null };
  let ready = Promise.reject(new Error('not started'));
  ready.catch(() => {});

  function api(method, path, body) {
    const headers = { Accept: 'application/json' };
    if (state.token) headers.Authorization = 'Bearer ' + state.token;
    const init = { method, headers };
    if (body !== undefined) {
      headers['Content-Type'] = 'application/json';
      init.body = JSON.stringify(body);
    }
    return fetch(API + path, init).then(
      (res) => res.json().catch(() => ({})).then((json) => {
        if (res.ok) return json;
        throw Object.assign(new Error((json.error && json.error.message) || res.statusText), { status: res.status, code: json.error && json.error.code });
      }),
      (cause) => {
        throw Object.assign(new Error('network: ' + cause), { status: 0 });
      },
    );
  }

  function save() {
    try {
      sessionStorage.setItem(STORAGE_KEY, JSON.stringify({ conversationId: state.conversationId, token: state.token, watermark: state.watermark, userId: state.userId }));
    } catch (e) { /* private mode: the chat works, it just does not survive a reload */ }
  }

  function load() {
    try { return JSON.parse(sessionStorage.getItem(STORAGE_KEY) || 'null'); } catch (e) { return null; }
  }

  function conversationPath(suffix) {
    return '/conversations/' + encodeURIComponent(state.conversationId) + suffix;
  }

  function start() {
    const saved = load();
    state.userId = (saved && saved.userId) || randomId('web-');
    hooks.onConnection('connecting');
    const resumed = saved && saved.conversationId && saved.token ? resume(saved) : Promise.reject(null);
    ready = resumed.catch((err) => {
      if (!err) return begin();
      hooks.onReset();
      return begin().then(() => hooks.onConnection('restarted'));
    });
    ready.catch(() => hooks.onConnection('failed'));
    return ready;
  }

  function begin() {
    state.token = null;
    return api('POST', '/conversations', { user: { id: state.userId }, locale: 'nl-NL' }).then((conv) => {
      adopt(conv);
      state.watermark = 0;
      save();
      connect(conv.streamUrl);
    });
  }

  function resume(saved) {
    state.conversationId = saved.conversationId;
    state.token = saved.token;
    return api('POST', '/tokens/refresh')
      .then((t) => {
        adopt(t);
        hooks.onHistory(true);
        return api('GET', conversationPath('/activities?watermark=0'));
      })
      .then((set) => {
        set.activities.forEach(hooks.onActivity);
        hooks.onHistory(false);
        state.watermark = Number(set.watermark) || 0;
        save();
        return reconnect();
      });
  }

  function adopt(t) {
    state.conversationId = t.conversationId;
    state.token = t.token;
    clearTimeout(state.refreshTimer);
    state.refreshTimer = setTimeout(refresh, Math.max(30, (Number(t.expires_in) || 1800) / 2) * 1000);
  }

  function refresh() {
    api('POST', '/tokens/refresh').then(
      (t) => { adopt(t); save(); },
      () => { state.refreshTimer = setTimeout(refresh, 120000); },
    );
  }

  function connect(url) {
    const ws = new WebSocket(url);
    state.ws = ws;
    ws.onopen = () => {
      state.retries = 0;
      hooks.onConnection('online');
    };
    ws.onmessage = (event) => {
      if (!event.data) return; // keep-alive
      let set;
      try { set = JSON.parse(event.data); } catch (e) { return; }
      (set.activities || []).forEach(hooks.onActivity);
      if (set.watermark) {
        state.watermark = Number(set.watermark) || state.watermark;
        save();
      }
    };
    ws.onclose = () => {
      if (state.ws !== ws) return;
      state.ws = null;
      retryLater();
    };
  }

  function reconnect() {
    return api('GET', conversationPath('?watermark=' + state.watermark)).then((conv) => {
      adopt(conv);
      save();
      connect(conv.streamUrl);
    });
  }

  function retryLater() {
    hooks.onConnection('reconnecting');
    const delay = Math.min(MAX_RETRY_DELAY_MS, 1000 * Math.pow(2, state.retries++));
    setTimeout(() => {
      reconnect().catch((err) => {
        // 403/404: the token expired or the conversation is gone; a new conversation is the way on.
        if (err.status !== 403 && err.status !== 404) return retryLater();
        ready = begin().then(() => hooks.onConnection('restarted'));
        ready.catch(retryLater);
      });
    }, delay);
  }

  /** Posts one activity once the conversation is ready; resolves to `{id}`. */
  function post(activity) {
    return ready.then(() => api('POST', conversationPath('/activities'), Object.assign({ from: { id: state.userId }, locale: 'nl-NL' }, activity)));
  }

  return { start, post };
}

export function randomId(prefix) {
  if (window.crypto && typeof window.crypto.randomUUID === 'function') return prefix + window.crypto.randomUUID();
  return prefix + Date.now().toString(36) + Math.random().toString(36).slice(2);
}
