/**
 * One conversation as the caseworker reads it: citizen, assistant and caseworker messages styled
 * apart, handoff events as small system lines, and under each assistant message its trace (why it
 * said that) in a collapsed <details>. Everything is text; nothing the citizen typed becomes markup.
 */
import { clear, el, formatTime, highlight } from './dom.js';
import { INTENTS, intentLabel, MESSAGE_REASONS, reasonLabel } from './labels.js';

/**
 * createTranscript(list, { onCorrect }) → { reset(activities, evidenceWords), add(activity) }
 * onCorrect(activityId, { reason?, intent? }) → Promise: a caseworker's correction of a citizen message.
 */
export function createTranscript(list, { onCorrect } = {}) {
  const seen = new Set();
  let words = [];

  function reset(activities, evidenceWords) {
    clear(list);
    seen.clear();
    words = evidenceWords;
    list.setAttribute('aria-busy', 'true');
    for (const a of activities) add(a, false);
    list.setAttribute('aria-busy', 'false');
    scrollDown();
  }

  function add(a, scroll = true) {
    if (!a || (a.id && seen.has(a.id))) return;
    if (a.id) seen.add(a.id);
    const item = render(a, words, onCorrect);
    if (!item) return;
    list.appendChild(item);
    if (scroll) scrollDown();
  }

  function scrollDown() {
    list.scrollTop = list.scrollHeight;
  }

  return { reset, add };
}

function render(a, words, onCorrect) {
  if (a.type === 'event') return eventLine(a);
  if (a.type !== 'message') return null;
  const role = a.from?.role;
  if (role === 'user') {
    const item = message('citizen', `Burger${via(a)}`, a, highlight(a.text ?? '', words));
    if (onCorrect && a.id && a.text) item.appendChild(correctForm(a.id, onCorrect));
    return item;
  }
  if (role === 'caseworker') return message('caseworker', `Medewerker · ${a.from?.name ?? a.from?.id ?? ''}`, a, a.text ?? '');
  const item = message('bot', 'Assistent', a, a.text ?? '');
  const trace = a.channelData?.trace;
  if (trace) item.appendChild(traceDetails(trace));
  return item;
}

const CHANNELS = { sms: 'sms', whatsapp: 'WhatsApp', slack: 'Slack', web: 'webchat', directline: 'webchat' };

/** By which channel the citizen wrote this message (a conversation can span several). */
function via(a) {
  const name = CHANNELS[a.channelId];
  return name ? ` · via ${name}` : '';
}

function message(kind, who, a, body) {
  return el('div', { class: `msg msg--${kind}`, 'data-id': a.id },
    el('p', { class: 'msg__who' }, who, el('time', { class: 'msg__time', datetime: a.timestamp }, formatTime(a.timestamp))),
    el('p', { class: 'msg__text' }, body));
}

const EVENT_TEXT = {
  'handoff.initiate': 'Overdracht naar een medewerker gestart',
  accepted: 'Medewerker heeft het gesprek overgenomen',
  completed: 'Overdracht beëindigd',
  failed: 'Geen medewerker beschikbaar',
};

function eventLine(a) {
  const key = a.name === 'handoff.status' ? a.value?.state : a.name;
  const text = EVENT_TEXT[key];
  if (!text) return null;
  return el('div', { class: 'msg msg--event', 'data-id': a.id }, el('p', {}, `${text} · ${formatTime(a.timestamp)}`));
}

/** The bot's trace (CONTRACTS §4): dialog, step, intent, confidence, reason, dialogVersion, sources. */
function traceDetails(t) {
  const rows = [
    ['Dialoog', t.dialog],
    ['Stap', t.step],
    ['Intentie', t.intent && intentLabel(t.intent)],
    ['Zekerheid', typeof t.confidence === 'number' ? `${Math.round(t.confidence * 100)}%` : ''],
    ['Reden', t.reason && reasonLabel(t.reason)],
    ['Versie', t.dialogVersion],
    ['Bronnen', (t.sources || []).map((s) => (s.kind ? `${s.kind}: ${s.ref ?? ''}` : String(s.ref ?? s))).join(', ')],
  ].filter(([, v]) => v !== undefined && v !== null && v !== '');
  const dl = el('dl', { class: 'trace__facts' });
  for (const [k, v] of rows) dl.append(el('dt', {}, k), el('dd', {}, String(v)));
  return el('details', { class: 'trace' }, el('summary', {}, `Waarom? ${t.dialog ?? ''}${t.step ? ' / ' + t.step : ''}`), dl);
}

let formNo = 0;

/**
 * "Heeft de assistent dit goed begrepen?": the special situation this message showed (or none) and what
 * the citizen asked. Saved as a correction that contact-centre staff turn into examples.
 */
function correctForm(activityId, onCorrect) {
  const n = ++formNo;
  const reason = el('select', { id: `correct-reason-${n}` },
    el('option', { value: '' }, '— laat zo —'),
    el('option', { value: 'none' }, 'Geen bijzondere situatie'),
    ...MESSAGE_REASONS.map((r) => el('option', { value: r }, reasonLabel(r))));
  const intent = el('select', { id: `correct-intent-${n}` },
    el('option', { value: '' }, '— laat zo —'),
    ...Object.entries(INTENTS).map(([id, label]) => el('option', { value: id }, label)));
  const status = el('p', { class: 'correct__status', role: 'status' });
  const form = el('form', { class: 'correct__form' },
    el('label', { for: reason.id }, 'Bijzondere situatie'), reason,
    el('label', { for: intent.id }, 'Vraag van de burger'), intent,
    el('button', { type: 'submit' }, 'Opslaan'), status);
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const labels = {};
    if (reason.value) labels.reason = reason.value;
    if (intent.value) labels.intent = intent.value;
    if (!labels.reason && !labels.intent) {
      status.textContent = 'Kies een situatie of een vraag.';
      return;
    }
    try {
      await onCorrect(activityId, labels);
      status.textContent = 'Opgeslagen. Dank u: zo leert de assistent.';
    } catch (err) {
      status.textContent = `Niet opgeslagen: ${err.message}`;
    }
  });
  return el('details', { class: 'correct' }, el('summary', {}, 'Heeft de assistent dit goed begrepen?'), form);
}
