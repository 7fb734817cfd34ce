/*
 * What the chat page shows: its words, the messages in the log, the status line and the error line.
 * Every text from outside goes in with textContent, never as markup; only phone numbers and web
 * addresses become links (withLinks). Labels are Dutch with English alongside.
 */

/** How long "connected again" stays in the status line before it is taken away. */
const BACK_ONLINE_MS = 5000;

export const T = {
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

export const els = {
  log: document.getElementById('log'),
  status: document.getElementById('status'),
  error: document.getElementById('error'),
  form: document.getElementById('composer'),
  input: document.getElementById('input'),
  human: document.getElementById('human'),
  whyRow: document.getElementById('why-row'),
  why: document.getElementById('why'),
};

let backOnlineTimer = null;

// ---- the log ------------------------------------------------------------------------------

/**
 * One message. `locale` (the activity's) marks the language of the text, so a screen reader reads
 * English answers in English (WCAG 3.1.2); dir="auto" lets Arabic or Hebrew run right to left.
 * Answers and caseworker messages get their phone numbers and web addresses as links.
 */
export function addMessage(kind, who, text, locale) {
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
export function showWhy(show) {
  if (els.whyRow.hidden === !show) return;
  els.whyRow.hidden = !show;
  scrollDown();
}

export function notice(text) {
  const p = document.createElement('p');
  p.className = 'notice';
  p.textContent = text;
  els.log.appendChild(p);
  scrollDown(p);
}

// A handoff status often comes both as an event and as a bot message with the same words;
// the citizen should read it once.
export function lastBotSays(text) {
  const last = els.log.lastElementChild;
  return !!last && last.classList.contains('msg--bot') && last.querySelector('.msg__text').textContent === text;
}

export function lastNoticeSays(text) {
  const last = els.log.lastElementChild;
  return !!last && last.classList.contains('notice') && last.textContent === text;
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

// ---- the status and error lines -----------------------------------------------------------

/**
 * The status line is a live region: writing the same words again (every reconnect attempt writes
 * "reconnecting") could have them read out again, so only a change is written.
 */
export function setStatus(text) {
  clearTimeout(backOnlineTimer);
  if (els.status.textContent !== text) els.status.textContent = text;
}

/** A status that is taken away after BACK_ONLINE_MS, unless something else has been said since. */
export function showForAWhile(text) {
  setStatus(text);
  backOnlineTimer = setTimeout(() => {
    if (els.status.textContent === text) els.status.textContent = '';
  }, BACK_ONLINE_MS);
}

/** `withLinks`: a phone number in the text becomes a tel: link (only for our own texts). */
export function showError(text, withLinksInIt) {
  if (withLinksInIt) {
    els.error.textContent = '';
    els.error.append(...withLinks(text));
  } else {
    els.error.textContent = text;
  }
  els.error.hidden = false;
}

export function hideError() {
  els.error.hidden = true;
  els.error.textContent = '';
}
