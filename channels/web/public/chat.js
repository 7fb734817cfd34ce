/*
 * Loket chat widget: renders the conversation and sends what the citizen types, on top of the small
 * Direct Line client in directline.js. Every text from outside goes in with textContent, never as
 * markup. Labels are Dutch with English alongside.
 */
import { createDirectLine, randomId } from './directline.js';

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
/** How long "connected again" stays in the status line before it is taken away. */
const BACK_ONLINE_MS = 5000;

const T = {
  bot: 'Assistent · Assistant',
  you: 'U · You',
  caseworker: 'Medewerker · Caseworker',
  notSent: 'Niet verstuurd · Not sent',
  waiting: 'Wordt verstuurd zodra de verbinding er weer is · Will be sent once the connection is back',
  thinking: 'De assistent denkt na… · The assistant is thinking…',
  connecting: 'Verbinden… · Connecting…',
  reconnecting: 'Verbinding verbroken. Opnieuw verbinden… · Connection lost. Reconnecting…',
  online: 'Verbinding is er weer. · Connected again.',
  restarted: 'Uw gesprek was verlopen. Er is een nieuw gesprek gestart. · Your conversation had expired. A new one has started.',
  startFailed:
    'De chat kon niet starten. Laad de pagina opnieuw of probeer het later nog eens. U kunt ons ook bellen op 14 0123. · ' +
    'The chat could not start. Reload the page or try again later. You can also call us on 14 0123.',
  empty: 'Typ eerst een bericht. · Please type a message first.',
  tooLongBefore: (n) =>
    `Uw bericht is te lang: ${n.toLocaleString('nl-NL')} tekens. Er passen maximaal 4000 tekens in één bericht. Maak het korter of stuur het in delen. · ` +
    `Your message is too long: ${n.toLocaleString('en-GB')} characters. A message can have at most 4,000 characters. Please shorten it or send it in parts.`,
  tooLong: 'Uw bericht is te lang. Gebruik maximaal 4000 tekens. · Your message is too long. Use at most 4,000 characters.',
  notText: 'Uw bericht bevat tekens die wij niet kunnen lezen. · Your message contains characters we cannot read.',
  files: 'Bestanden sturen kan hier niet. · Files cannot be sent here.',
  offline:
    'Versturen is niet gelukt. Uw bericht staat nog in het tekstvak. Controleer uw internetverbinding en probeer het opnieuw. · ' +
    'Sending failed. Your message is still in the text box. Check your connection and try again.',
  sendFailed: 'Versturen is niet gelukt. Probeer het opnieuw. · Sending failed. Please try again.',
  offlineWaiting:
    'Er is geen verbinding. Uw bericht wordt vanzelf verstuurd zodra de verbinding er weer is. · ' +
    'There is no connection. Your message will be sent by itself once the connection is back.',
  handoffInitiate: 'U wordt doorverbonden met een medewerker. · Connecting you to a caseworker.',
  handoffAccepted: 'Een medewerker is in het gesprek gekomen. · A caseworker has joined the conversation.',
  handoffFailed: 'Er is nu geen medewerker beschikbaar. · No caseworker is available right now.',
  handoffCompleted: 'Het gesprek met de medewerker is afgerond. · The conversation with the caseworker has ended.',
};

const ERROR_TEXT = {
  MESSAGE_TOO_LONG: T.tooLong,
  BODY_TOO_LARGE: T.tooLong,
  MESSAGE_EMPTY: T.empty,
  MESSAGE_NOT_TEXT: T.notText,
  ATTACHMENTS_NOT_SUPPORTED: T.files,
};

const els = {
  log: document.getElementById('log'),
  status: document.getElementById('status'),
  error: document.getElementById('error'),
  form: document.getElementById('composer'),
  input: document.getElementById('input'),
  human: document.getElementById('human'),
  whyRow: document.getElementById('why-row'),
  why: document.getElementById('why'),
};

let seen = new Set();
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
/** True from a lost connection until it is back: the status line says so, and sending does not hide it. */
let reconnecting = false;
let backOnlineTimer = null;

const dl = createDirectLine({
  onActivity: showActivity,
  onConnection(state) {
    if (state === 'connecting') setStatus(T.connecting);
    else if (state === 'online') {
      // Only after a lost connection, and only in the status line (role="status", polite): a notice
      // in the log as well would be read out twice. It goes away by itself after a few seconds.
      if (reconnecting) showForAWhile(T.online);
      else setStatus('');
      reconnecting = false;
      sendWaiting();
    } else if (state === 'reconnecting') {
      reconnecting = true;
      setStatus(T.reconnecting);
    } else if (state === 'restarted') notice(T.restarted);
    else if (state === 'failed') {
      reconnecting = false;
      setStatus('');
      showError(T.startFailed, true);
    }
  },
  onReset: clearLog,
  onHistory(loading) {
    els.log.setAttribute('aria-busy', String(loading)); // the history is not read out again
  },
});

// ---- activities ---------------------------------------------------------------------------

function showActivity(a) {
  if (!a || !a.id || seen.has(a.id)) return;
  seen.add(a.id);
  if (a.type === 'message') {
    const role = a.from && a.from.role;
    if (role === 'user') return showOwnEcho(a);
    if (role === 'caseworker') {
      const name = a.from.name;
      addMessage('caseworker', name ? T.caseworker + ': ' + name : T.caseworker, a.text || '', a.locale);
      showWhy(false); // "waarom?" would go to the caseworker, not explain an answer
      return;
    }
    // The handoff event came first with the same words and is already in the log (and read out):
    // a second copy would be announced twice.
    if (lastNoticeSays(a.text)) return showWhy(false);
    addMessage('bot', T.bot, a.text || '', a.locale);
    showWhy(!!(a.channelData && a.channelData.trace));
    return;
  }
  if (a.type === 'event' && (a.name === 'handoff.initiate' || a.name === 'handoff.status')) {
    const text = handoffText(a);
    if (!lastBotSays(text)) notice(text);
  }
}

function handoffText(a) {
  const value = a.value || {};
  if (typeof value.message === 'string' && value.message) return value.message;
  if (value.state === 'accepted') return T.handoffAccepted;
  if (value.state === 'failed') return T.handoffFailed;
  if (value.state === 'completed') return T.handoffCompleted;
  return T.handoffInitiate;
}

// A handoff status often comes both as an event and as a bot message with the same words;
// the citizen should read it once.
function lastBotSays(text) {
  const last = els.log.lastElementChild;
  return !!last && last.classList.contains('msg--bot') && last.querySelector('.msg__text').textContent === text;
}

function lastNoticeSays(text) {
  const last = els.log.lastElementChild;
  return !!last && last.classList.contains('notice') && last.textContent === text;
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
  if (id) seen.add(id);
  p.el.classList.remove('msg--pending');
  if (p.mark) unmarkWaiting(p);
}

// ---- rendering ----------------------------------------------------------------------------

/**
 * One message. `locale` (the activity's) marks the language of the text, so a screen reader reads
 * English answers in English (WCAG 3.1.2); dir="auto" lets Arabic or Hebrew run right to left.
 * Answers and caseworker messages get their phone numbers and web addresses as links.
 */
function addMessage(kind, who, text, locale) {
  const el = document.createElement('div');
  el.className = 'msg msg--' + kind;
  const whoEl = document.createElement('p');
  whoEl.className = 'msg__who';
  whoEl.textContent = who;
  const textEl = document.createElement('p');
  textEl.className = 'msg__text';
  textEl.dir = 'auto';
  const lang = languageOf(locale);
  if (lang && kind !== 'user') textEl.lang = lang; // the citizen's own locale is always nl-NL, whatever they wrote
  if (kind === 'user') textEl.textContent = text;
  else textEl.append(...withLinks(text));
  el.append(whoEl, textEl);
  els.log.appendChild(el);
  scrollDown(el);
  return el;
}

/** 'en-US' → 'en'; anything that does not look like a language tag → ''. */
function languageOf(locale) {
  const m = /^([a-z]{2,3})(?:[-_][a-z0-9]{1,8})*$/i.exec(locale || '');
  return m ? m[1].toLowerCase() : '';
}

// Web addresses (https://…, www.…) and Dutch phone numbers: 14 0123, 0800-0113, 0900-8844,
// 06-12345678, 010-1234567, and 112 / 113 standing alone (not inside a case number or an amount).
const LINKS = new RegExp(
  String.raw`(\bhttps?:\/\/[^\s<>"]+|\bwww\.[^\s<>"]+)` +
    String.raw`|(?<![\w€.,-])(14 ?0\d{2,3}|0[89]00[- ]?\d{4,7}|06[- ]?\d{8}|0\d{2}[- ]?\d{7}|0\d{3}[- ]?\d{6}|11[23])(?![\w-]|[.,]\d)`,
  'g',
);

/**
 * The text as text nodes and <a> elements. Only the matched text goes into a link (as textContent)
 * and only tel: and http(s): links are made, so nothing from outside becomes markup or script.
 */
function withLinks(text) {
  const nodes = [];
  let at = 0;
  for (const m of text.matchAll(LINKS)) {
    let found = m[0];
    let href;
    if (m[1]) {
      found = found.replace(/[.,;:!?)\]'"]+$/, ''); // the sentence's full stop is not part of the address
      href = webAddress(found);
    } else {
      href = 'tel:' + found.replace(/\D/g, '');
    }
    if (!href) continue;
    if (m.index > at) nodes.push(text.slice(at, m.index));
    const a = document.createElement('a');
    a.href = href;
    a.textContent = found;
    if (m[1]) {
      // A new tab, so the conversation stays open in this one.
      a.target = '_blank';
      a.rel = 'noopener noreferrer';
    }
    nodes.push(a);
    at = m.index + found.length;
  }
  if (at < text.length) nodes.push(text.slice(at));
  return nodes;
}

function webAddress(text) {
  try {
    const url = new URL(/^www\./i.test(text) ? 'https://' + text : text);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : '';
  } catch (e) {
    return '';
  }
}

/** "Waarom?" explains the newest answer; it is offered only while that answer is the last word. */
function showWhy(show) {
  if (els.whyRow.hidden === !show) return;
  els.whyRow.hidden = !show;
  scrollDown();
}

function notice(text) {
  const p = document.createElement('p');
  p.className = 'notice';
  p.textContent = text;
  els.log.appendChild(p);
  scrollDown(p);
}

function clearLog() {
  els.log.textContent = '';
  seen = new Set();
  pending = [];
  waiting = [];
  showWhy(false);
}

/**
 * Shows the newest message `el`. Normally the log scrolls inside the page. On a short screen the
 * whole page scrolls instead (chat.css): then as much of the composer as fits, but never past the
 * start of the new message.
 */
function scrollDown(el) {
  els.log.scrollTop = els.log.scrollHeight;
  const bottom = document.documentElement.scrollHeight - window.innerHeight;
  if (!el || bottom <= 0) return;
  window.scrollTo(0, Math.min(bottom, el.getBoundingClientRect().top + window.scrollY - 8));
}

/**
 * The status line is a live region: writing the same words again (every reconnect attempt writes
 * "reconnecting") could have them read out again, so only a change is written.
 */
function setStatus(text) {
  clearTimeout(backOnlineTimer);
  if (els.status.textContent !== text) els.status.textContent = text;
}

/** A status that is taken away after BACK_ONLINE_MS, unless something else has been said since. */
function showForAWhile(text) {
  setStatus(text);
  backOnlineTimer = setTimeout(() => {
    if (els.status.textContent === text) els.status.textContent = '';
  }, BACK_ONLINE_MS);
}

/** After a send: the status goes back to what the connection is doing. */
function statusAfterSend() {
  if (reconnecting) setStatus(T.reconnecting);
  else if (els.status.textContent === T.thinking) setStatus('');
}

/** `withLinks`: a phone number in the text becomes a tel: link (only for our own texts). */
function showError(text, withLinksInIt) {
  if (withLinksInIt) {
    els.error.textContent = '';
    els.error.append(...withLinks(text));
  } else {
    els.error.textContent = text;
  }
  els.error.hidden = false;
}

function hideError() {
  els.error.hidden = true;
  els.error.textContent = '';
}

// ---- sending ------------------------------------------------------------------------------

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
  setStatus(reconnecting ? T.reconnecting : T.thinking);
  post(p);
}

/** Sends `p`; every try sends the same clientActivityID, so the server handles the message once. */
function post(p) {
  return dl.post({ type: 'message', text: p.text, channelData: { clientActivityID: p.clientId } }).then(
    (res) => {
      p.id = res.id;
      delivered(p, res.id);
      statusAfterSend();
    },
    (err) => {
      // No network while the page knows the connection is lost: it comes back by itself (the page
      // keeps trying), and the message goes along then. Otherwise it is the citizen's to send again.
      if (err.status === 0 && reconnecting) waitForConnection(p);
      else notSent(p, err);
    },
  );
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

function warnTooLong(length) {
  tooLongShown = true;
  els.input.setAttribute('aria-invalid', 'true');
  showError(T.tooLongBefore(length));
}

els.human.addEventListener('click', () => send(els.human.getAttribute('data-text')));
els.why.addEventListener('click', () => send(WHY_TEXT));

dl.start();
