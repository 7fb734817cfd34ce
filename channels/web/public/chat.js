/*
 * Loket chat widget: renders the conversation and sends what the citizen types, on top of the small
 * Direct Line client in directline.js. Every text from outside goes in with textContent, never as
 * markup. Labels are Dutch with English alongside.
 */
import { createDirectLine, randomId } from './directline.js';

const WHY_TEXT = 'waarom?';

const T = {
  bot: 'Assistent · Assistant',
  you: 'U · You',
  caseworker: 'Medewerker · Caseworker',
  why: 'Waarom? · Why?',
  // Read after the visible text, so the button's name starts with what is on it (WCAG 2.5.3).
  whyMore: ' Uitleg bij dit antwoord · Explain this answer',
  notSent: 'Niet verstuurd · Not sent',
  thinking: 'De assistent denkt na… · The assistant is thinking…',
  connecting: 'Verbinden… · Connecting…',
  reconnecting: 'Verbinding verbroken. Opnieuw verbinden… · Connection lost. Reconnecting…',
  restarted: 'Uw gesprek was verlopen. Er is een nieuw gesprek gestart. · Your conversation had expired. A new one has started.',
  startFailed: 'De chat kon niet starten. Probeer het later opnieuw of bel 14 0123. · The chat could not start. Please try again later or call 14 0123.',
  empty: 'Typ eerst een bericht. · Please type a message first.',
  tooLong: 'Uw bericht is te lang. Gebruik maximaal 4000 tekens. · Your message is too long. Use at most 4,000 characters.',
  notText: 'Uw bericht bevat tekens die wij niet kunnen lezen. · Your message contains characters we cannot read.',
  files: 'Bestanden sturen kan hier niet. · Files cannot be sent here.',
  offline: 'Versturen is niet gelukt. Controleer uw internetverbinding en probeer het opnieuw. · Sending failed. Check your connection and try again.',
  sendFailed: 'Versturen is niet gelukt. Probeer het opnieuw. · Sending failed. Please try again.',
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
};

let seen = new Set();
/** Messages shown before the server confirmed them: { clientId, text, el, id }. */
let pending = [];
let whyButton = null;

const dl = createDirectLine({
  onActivity: showActivity,
  onConnection(state) {
    if (state === 'connecting') setStatus(T.connecting);
    else if (state === 'online') setStatus('');
    else if (state === 'reconnecting') setStatus(T.reconnecting);
    else if (state === 'restarted') notice(T.restarted);
    else if (state === 'failed') {
      setStatus('');
      showError(T.startFailed);
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
      addMessage('caseworker', name ? T.caseworker + ': ' + name : T.caseworker, a.text || '');
      return;
    }
    dropNoticeSaying(a.text);
    const el = addMessage('bot', T.bot, a.text || '');
    if (a.channelData && a.channelData.trace) addWhyButton(el);
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

function dropNoticeSaying(text) {
  const last = els.log.lastElementChild;
  if (last && last.classList.contains('notice') && last.textContent === text) last.remove();
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
  if (id) seen.add(id);
  p.el.classList.remove('msg--pending');
}

// ---- rendering ----------------------------------------------------------------------------

function addMessage(kind, who, text) {
  const el = document.createElement('div');
  el.className = 'msg msg--' + kind;
  const whoEl = document.createElement('p');
  whoEl.className = 'msg__who';
  whoEl.textContent = who;
  const textEl = document.createElement('p');
  textEl.className = 'msg__text';
  textEl.textContent = text;
  el.append(whoEl, textEl);
  els.log.appendChild(el);
  scrollDown();
  return el;
}

/** Only the newest answer gets the button: "waarom?" explains the last answer. */
function addWhyButton(el) {
  if (whyButton) whyButton.remove();
  const b = document.createElement('button');
  b.type = 'button';
  b.className = 'button button--small msg__why';
  const more = document.createElement('span');
  more.className = 'visually-hidden';
  more.textContent = T.whyMore;
  b.append(T.why, more);
  b.addEventListener('click', () => send(WHY_TEXT));
  el.appendChild(b);
  whyButton = b;
  scrollDown();
}

function notice(text) {
  const p = document.createElement('p');
  p.className = 'notice';
  p.textContent = text;
  els.log.appendChild(p);
  scrollDown();
}

function clearLog() {
  els.log.textContent = '';
  seen = new Set();
  pending = [];
  whyButton = null;
}

function scrollDown() {
  els.log.scrollTop = els.log.scrollHeight;
}

function setStatus(text) {
  els.status.textContent = text;
}

function showError(text) {
  els.error.textContent = text;
  els.error.hidden = false;
}

function hideError() {
  els.error.hidden = true;
  els.error.textContent = '';
}

// ---- sending ------------------------------------------------------------------------------

function send(text) {
  hideError();
  els.input.focus();
  if (!text || !text.trim()) {
    showError(T.empty);
    return;
  }
  const p = { clientId: randomId('c-'), text, el: addMessage('user', T.you, text), id: null };
  p.el.classList.add('msg--pending');
  pending.push(p);
  setStatus(T.thinking);
  dl.post({ type: 'message', text, channelData: { clientActivityID: p.clientId } }).then(
    (res) => {
      p.id = res.id;
      delivered(p, res.id);
      setStatus('');
    },
    (err) => {
      pending = pending.filter((q) => q !== p);
      p.el.classList.remove('msg--pending');
      p.el.classList.add('msg--failed');
      const mark = document.createElement('p');
      mark.className = 'msg__who';
      mark.textContent = T.notSent;
      p.el.appendChild(mark);
      setStatus('');
      showError(err.status === 0 ? T.offline : ERROR_TEXT[err.code] || T.sendFailed);
      if (!els.input.value) els.input.value = text;
    },
  );
}

els.form.addEventListener('submit', (event) => {
  event.preventDefault();
  const text = els.input.value;
  els.input.value = '';
  send(text);
});

els.human.addEventListener('click', () => send(els.human.getAttribute('data-text')));

dl.start();
