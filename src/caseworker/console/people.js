/**
 * Display names of caseworkers by username. The handoff API only gives the username of whoever holds
 * a conversation; the console learns names from the login (its own user), the account list (admins)
 * and caseworker messages in transcripts (first name), and falls back to the username.
 */

const names = new Map();

/** Remembers a name; a full name (from an account) is not replaced by a first name from a message. Returns true when it is new. */
export function rememberName(username, name, { full = true } = {}) {
  if (!username || !name || !name.trim()) return false;
  const known = names.get(username);
  if (known?.full && !full) return false;
  if (known && known.full === full && known.name === name.trim()) return false;
  names.set(username, { name: name.trim(), full });
  return true;
}

/** From a transcript activity: a caseworker message says who wrote it ("caseworker:sanne", "Sanne"). */
export function rememberFromActivity(a) {
  if (a?.type !== 'message' || a.from?.role !== 'caseworker') return false;
  const id = String(a.from.id ?? '');
  // "Medewerker": an account without a person's name (src/handoff/announce.ts shownName); its username says more to a colleague.
  if (a.from.name === 'Medewerker') return false;
  return id.startsWith('caseworker:') ? rememberName(id.slice('caseworker:'.length), a.from.name, { full: false }) : false;
}

export const displayName = (username) => names.get(username)?.name ?? username;
