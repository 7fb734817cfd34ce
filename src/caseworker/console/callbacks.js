/**
 * Callbacks in the console: the "Terugbellen" view of the inbox (the calls to make, the earliest
 * "niet vóór" first), and in the detail the calls made so far with the buttons to record the next
 * one ("Gebeld: bereikt", "Gebeld: geen gehoor"). After a call that reached the citizen the console
 * suggests closing the conversation with an outcome; after the third unanswered call the citizen was
 * told by the server how to reach us (src/handoff/callback-attempts.ts).
 */
import { announce } from './alerts.js';
import { api } from './api.js';
import { $, clear, el, facts, formatDateTime } from './dom.js';
import { reasonLabel, stateLabel } from './labels.js';
import { displayName } from './people.js';

/** After this many unanswered calls the citizen got the server's message (UNANSWERED_CALLS_TOLD). */
const TOLD_AFTER = 3;
const OUTCOME_WORDS = { reached: 'Gebeld: bereikt', no_answer: 'Gebeld: geen gehoor' };

/** The same order as the server's callbackOrder (src/caseworker/views.ts): the earliest "niet vóór" first. */
export const callbackOrder = (a, b) =>
  (a.callback?.notBefore ?? '').localeCompare(b.callback?.notBefore ?? '') ||
  (a.callback?.requestedAt ?? '').localeCompare(b.callback?.requestedAt ?? '') ||
  a.id.localeCompare(b.id);

const attemptsOf = (h) => h.callback?.attempts ?? [];
const unanswered = (h) => attemptsOf(h).filter((a) => a.outcome === 'no_answer').length;

/** "Nog niet gebeld", "1 belpoging (geen gehoor)", "3 belpogingen (laatste: bereikt)". */
export function attemptsLabel(h) {
  const all = attemptsOf(h);
  if (all.length === 0) return 'Nog niet gebeld';
  const last = all[all.length - 1].outcome === 'reached' ? 'bereikt' : 'geen gehoor';
  return all.length === 1 ? `1 belpoging (${last})` : `${all.length} belpogingen (laatste: ${last})`;
}

/** A row of the "Terugbellen" view: number, not before when, why, team, how many calls so far, and with whom it is. */
export function callbackRow(h, { user, selected, select }) {
  const with_ = h.state === 'active' && h.assignee ? `Bij ${h.assignee === user.username ? 'u' : displayName(h.assignee)}` : stateLabel(h.state);
  const button = el('button', { type: 'button', class: 'row__button', 'data-id': h.id, 'aria-current': h.id === selected ? 'true' : 'false', onclick: () => select(h.id) },
    el('span', { class: 'row__top' },
      el('span', { class: 'row__phone' }, h.callback.phone),
      el('span', { class: 'row__notbefore' }, 'niet vóór ', el('time', { datetime: h.callback.notBefore }, formatDateTime(h.callback.notBefore)))),
    el('span', { class: 'row__reason' }, reasonLabel(h.reason)),
    el('span', { class: 'row__meta' },
      el('span', {}, `Team ${h.team}`),
      el('span', { class: 'row__attempts' }, attemptsLabel(h)),
      el('span', {}, with_)));
  return el('li', { class: `row row--callback row--${h.state}`, 'data-reason': h.reason }, button);
}

/** May this caseworker record a call on `h`: whoever holds it, or a supervisor or admin (the server's rule). */
function mayRecord(h, user) {
  if (h.state !== 'queued' && h.state !== 'active') return false;
  if (user.role === 'supervisor' || user.role === 'admin') return true;
  return h.state === 'active' && h.assignee === user.username;
}

/** The detail's callback panel: the request, the calls made, and the buttons for the next one. */
export function renderCallback(h, user) {
  $('callback-panel').hidden = !h.callback;
  if (!h.callback) return;
  facts($('callback'), [['Telefoon', h.callback.phone], ['Niet vóór', formatDateTime(h.callback.notBefore)], ['Gevraagd', formatDateTime(h.callback.requestedAt)]]);
  const list = clear($('callback-attempts'));
  for (const a of attemptsOf(h)) {
    list.appendChild(el('li', { class: `note attempt attempt--${a.outcome}` },
      el('p', { class: 'note__who' }, OUTCOME_WORDS[a.outcome] ?? a.outcome, ' · ', el('time', { datetime: a.at }, formatDateTime(a.at)), ` · ${displayName(a.by)}`),
      a.note ? el('p', { class: 'note__text' }, a.note) : null));
  }
  if (list.children.length === 0) list.appendChild(el('li', { class: 'muted notes__empty' }, 'Nog niet gebeld.'));

  const open = h.state === 'queued' || h.state === 'active';
  const may = mayRecord(h, user);
  $('callback-form').hidden = !may;
  const locked = $('callback-locked');
  locked.hidden = !open || may;
  locked.textContent = h.state === 'queued' ? 'Neem het gesprek over om een belpoging vast te leggen.'
    : `${displayName(h.assignee)} heeft dit gesprek. Alleen die collega of een leidinggevende legt een belpoging vast.`;

  const last = attemptsOf(h).at(-1);
  const reached = open && last?.outcome === 'reached';
  const told = unanswered(h) >= TOLD_AFTER;
  const advice = $('callback-advice');
  advice.hidden = !(reached || (open && told));
  advice.textContent = reached ? 'De burger is bereikt. Sluit het gesprek af met een uitkomst.'
    : `${unanswered(h)} keer geen gehoor. De burger kreeg een bericht: we hebben drie keer gebeld, en zo kunt u ons bereiken.`;
  // The close form itself is the action's: offered here only to whoever may close (the same rule as the "Afsluiten" button).
  $('callback-close').hidden = !(reached || (open && told)) || $('close-box').hidden;
}

/** Wires the two call buttons and the "Afsluiten" suggestion; `act` is the actions' runner (errors, busy button). */
export function wireCallbackAttempts({ act, onHandoff }) {
  $('callback-form').addEventListener('submit', (e) => e.preventDefault());
  const note = $('callback-note');
  for (const [id, outcome] of [['callback-reached', 'reached'], ['callback-no-answer', 'no_answer']]) {
    const button = $(id);
    button.addEventListener('click', act(button, async (h) => {
      const saved = await api.callbackAttempt(h.id, outcome, note.value.trim() || undefined);
      note.value = '';
      onHandoff(saved);
      if (outcome === 'reached') {
        announce('Belpoging vastgelegd: bereikt. Sluit het gesprek af met een uitkomst.');
        // The suggestion is the next step: focus goes there when this caseworker may close.
        if (!$('callback-close').hidden) $('callback-close').focus();
      } else {
        const n = unanswered(saved);
        announce(n === TOLD_AFTER ? 'Belpoging vastgelegd: geen gehoor. Dit was de derde keer: de burger kreeg een bericht hoe u te bereiken bent.' : `Belpoging vastgelegd: geen gehoor (${n} keer).`);
      }
      return null;
    }));
  }
  $('callback-close').addEventListener('click', () => {
    // As the caseworker would open it (a fresh outcome for this conversation); its toggle handler puts focus on the outcome.
    if (!$('close-box').open) $('close-box').querySelector('summary').click();
  });
}
