/*
 * The composer: what the citizen types (or a button's words) goes out as a message. It shows at once,
 * marked pending until the server confirms it; one that fails is marked "not sent" and its text goes
 * back into the input, and one that fails while the connection is lost waits for it to come back.
 *
 *     const composer = startComposer({ post: (activity) => dl.post(activity), isReconnecting, markSeen });
 *     composer.showOwnEcho(activity);  composer.sendWaiting();  composer.forget();
 */
import { randomId } from './directline.js';
import { addMessage, els, hideError, setStatus, showError, showWhy, T } from './chat-view.js';

const WHY_TEXT = 'waarom?';
/**
 * The server refuses longer messages (MESSAGE_TOO_LONG); the page says so before sending. Both count
 * characters (code points), not UTF-16 units: an emoji is one character, though `length` says 2.
 */
const MAX_LENGTH = 4000;

/** Whitespace and characters never drawn (zero-width, direction marks): the server takes such a message as empty (MESSAGE_EMPTY). */
const SHOWS_NOTHING = /^[\s\p{Default_Ignorable_Code_Point}]*$/u;

function characterCount(text) {
  let count = 0;
  for (const _ of text) count++;
  return count;
}
/** A second Enter or click this soon after a send finds the input empty on purpose: no error for it. */
const DOUBLE_SEND_MS = 1500;

const ERROR_TEXT = {
  MESSAGE_TOO_LONG: T.tooLong,
  BODY_TOO_LARGE: T.tooLong,
  MESSAGE_EMPTY: T.empty,
  MESSAGE_NOT_TEXT: T.notText,
  ATTACHMENTS_NOT_SUPPORTED: T.files,
};

/** Messages shown before the server confirmed them: { clientId, text, typed, el, id, mark }. */
let pending = [];
/**
 * Messages whose sending failed while the connection was lost (still in `pending`): sent again by
 * themselves once it is back, with the same clientActivityID. That is safe even when the first one
 * did arrive and only its answer was lost: the server handles a message it already has only once.
 */
let waiting = [];
let lastSentAt = 0;
let tooLongShown = false;
/** What the input held after a failed message was put back in it (see keepInInput). */
let restoredInput = '';
/**
 * The connection, from startComposer: `post(activity)` sends one, `isReconnecting()` is true from a
 * lost connection until it is back, `markSeen(id)` keeps a delivered message's echo from showing twice.
 */
let connection = null;

/** Listens to the form and the buttons; returns what the connection's side needs. */
export function startComposer(conn) {
  connection = conn;
  els.form.addEventListener('submit', (event) => {
    event.preventDefault();
    const text = els.input.value;
    // The first Enter or click of a double one has sent the message and emptied the input.
    if (SHOWS_NOTHING.test(text) && Date.now() - lastSentAt < DOUBLE_SEND_MS) return;
    const length = characterCount(text);
    if (length > MAX_LENGTH) {
      // Keep every word in the input (no maxlength: it cuts a pasted text off without a word).
      warnTooLong(length);
      els.input.focus();
      return;
    }
    els.input.value = '';
    send(text, true);
  });

  // Said once when the text grows past the limit (an alert on every key would drown the rest), and
  // taken away again once it fits.
  els.input.addEventListener('input', () => {
    const length = characterCount(els.input.value);
    if (length > MAX_LENGTH && !tooLongShown) warnTooLong(length);
    else if (length <= MAX_LENGTH && tooLongShown) {
      tooLongShown = false;
      els.input.removeAttribute('aria-invalid');
      hideError();
    }
  });

  els.human.addEventListener('click', () => send(els.human.getAttribute('data-text')));
  els.why.addEventListener('click', () => send(WHY_TEXT));
  return { showOwnEcho, sendWaiting, forget };
}

function warnTooLong(length) {
  tooLongShown = true;
  els.input.setAttribute('aria-invalid', 'true');
  showError(T.tooLongBefore(length));
}

/** The server echoes the citizen's own messages; match the echo to the one already shown. */
function showOwnEcho(a) {
  const clientId = a.channelData && a.channelData.clientActivityID;
  const match = pending.find((p) => p.id === a.id || (clientId && p.clientId === clientId)) || pending.find((p) => p.text === a.text);
  if (match) delivered(match, a.id);
  else addMessage('user', T.you, a.text || '');
}

function delivered(p, id) {
  pending = pending.filter((q) => q !== p);
  waiting = waiting.filter((q) => q !== p);
  if (id) connection.markSeen(id);
  p.el.classList.remove('msg--pending');
  if (p.mark) unmarkWaiting(p);
}

/** A new conversation: nothing of the old one is waiting any more. */
function forget() {
  pending = [];
  waiting = [];
}

/** `typed`: the citizen wrote it in the input (not a button's words). */
function send(text, typed) {
  hideError();
  tooLongShown = false;
  els.input.focus();
  if (!text || SHOWS_NOTHING.test(text)) {
    showError(T.empty);
    return;
  }
  lastSentAt = Date.now();
  showWhy(false);
  const p = { clientId: randomId('c-'), text, typed: !!typed, el: addMessage('user', T.you, text), id: null, mark: null };
  p.el.classList.add('msg--pending');
  pending.push(p);
  // While the connection is lost the answer cannot come in yet: the status keeps saying so.
  setStatus(connection.isReconnecting() ? T.reconnecting : T.thinking);
  post(p);
}

/** Sends `p`; every try sends the same clientActivityID, so the server handles the message once. */
function post(p) {
  return connection.post({ type: 'message', text: p.text, channelData: { clientActivityID: p.clientId } }).then(
    (res) => {
      p.id = res.id;
      delivered(p, res.id);
      statusAfterSend();
    },
    (err) => {
      // No network while the page knows the connection is lost: it comes back by itself (the page
      // keeps trying), and the message goes along then. Otherwise it is the citizen's to send again.
      if (err.status === 0 && connection.isReconnecting()) waitForConnection(p);
      else notSent(p, err);
    },
  );
}

/** After a send: the status goes back to what the connection is doing. */
function statusAfterSend() {
  if (connection.isReconnecting()) setStatus(T.reconnecting);
  else if (els.status.textContent === T.thinking) setStatus('');
}

/** Marks `p` as waiting for the connection and says so; it stays in `pending`, so its echo still matches. */
function waitForConnection(p) {
  if (!p.mark) {
    p.mark = document.createElement('p');
    p.mark.className = 'msg__who';
    p.mark.textContent = T.waiting;
    p.el.appendChild(p.mark);
    p.el.classList.add('msg--waiting');
  }
  waiting.push(p);
  statusAfterSend();
  showError(T.offlineWaiting);
}

function unmarkWaiting(p) {
  p.mark.remove();
  p.mark = null;
  p.el.classList.remove('msg--waiting');
  if (!pending.some((q) => q.mark) && els.error.textContent === T.offlineWaiting) hideError();
}

/**
 * Sends what waited for the connection, one after the other in the order it was written. One whose
 * echo came in meanwhile (the first try did arrive) has been delivered and is skipped.
 */
function sendWaiting() {
  const queue = waiting;
  waiting = [];
  queue.reduce((before, p) => before.then(() => (pending.includes(p) ? post(p) : undefined)), Promise.resolve());
}

/** The message was not sent: marked so, and its text goes back into the input (see keepInInput). */
function notSent(p, err) {
  pending = pending.filter((q) => q !== p);
  waiting = waiting.filter((q) => q !== p);
  if (p.mark) unmarkWaiting(p);
  p.el.classList.remove('msg--pending');
  p.el.classList.add('msg--failed');
  const mark = document.createElement('p');
  mark.className = 'msg__who';
  mark.textContent = T.notSent;
  p.el.appendChild(mark);
  statusAfterSend();
  if (p.typed) keepInInput(p.text);
  else if (!els.input.value) els.input.value = p.text;
  showError(err.status === 0 ? T.offline : ERROR_TEXT[err.code] || T.sendFailed);
}

/**
 * A message that was not sent goes back into the input, so no typed word is lost. If the citizen has
 * typed something new meanwhile, the message that failed goes before it (it was written first); a
 * second failed message goes after the first one put back.
 */
function keepInInput(text) {
  const now = els.input.value;
  if (now === text) return;
  if (!now.trim()) els.input.value = text;
  else if (now === restoredInput) els.input.value = now + ' ' + text;
  else els.input.value = text + ' ' + now;
  restoredInput = els.input.value;
}
