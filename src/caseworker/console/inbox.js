/**
 * The inbox: handoffs in the server's order (waiting crises first, then own teams, then priority,
 * then who waited longest; the closed list the most recently ended first), kept live from the events
 * socket, with a wait clock that ticks every second.
 */
import { callbackOrder, callbackRow } from './callbacks.js';
import { $, clear, el, formatDateTime, formatTime, formatWait, highlight } from './dom.js';
import { channelLabel, evidenceLabel, outcomeLabel, priorityLabel, reasonLabel, stateLabel } from './labels.js';
import { displayName } from './people.js';
import { isOlder } from './newer.js';

/** A crisis nobody has taken yet: first in every inbox, whatever its team. */
const waitingCrisis = (h) => h.state === 'queued' && h.reason === 'distress';

/** The same order as the server's inboxOrder (src/caseworker/views.ts), for live updates. */
export function inboxOrder(myTeams) {
  const mine = new Set(myTeams);
  return (a, b) =>
    Number(!waitingCrisis(a)) - Number(!waitingCrisis(b)) ||
    Number(!mine.has(a.team)) - Number(!mine.has(b.team)) ||
    a.priority - b.priority ||
    a.queuedAt.localeCompare(b.queuedAt) ||
    a.id.localeCompare(b.id);
}

/** The same order as the server's closedOrder (src/caseworker/views.ts): the most recently ended first. */
export const closedOrder = (a, b) => (b.closedAt || '').localeCompare(a.closedAt || '') || b.id.localeCompare(a.id);

export const evidenceWords = (h) => (h.evidence || []).map((e) => e.evidence);

/** Held, and the citizen wrote after the caseworker's last answer (or since it was taken over). */
export const awaitsAnswer = (h) =>
  h.state === 'active' && Boolean(h.lastCitizenMessageAt) && h.lastCitizenMessageAt > (h.lastCaseworkerReplyAt || h.claimedAt || '');

/** The outcome, unless the state already says it ("Teruggegeven" needs no "Uitkomst: teruggegeven"). */
export const shownOutcome = (h) => Boolean(h.outcome) && !(h.state === 'released' && h.outcome === 'released');

const ended = (h) => h.state === 'closed' || h.state === 'released';

/**
 * When it ended and who handled it, for the closed list: "Afgesloten op za 5 dec, 14:03" and
 * "Behandeld door Anna de Vries" (the holder's name; one closed from the queue, its closer's).
 */
function endedMeta(h) {
  const by = h.assignee ? `Behandeld door ${displayName(h.assignee)}` : h.closedBy ? `Afgesloten door ${displayName(h.closedBy)}` : 'Door niemand opgepakt';
  return [
    el('span', { class: 'row__ended' }, `${stateLabel(h.state)}`, h.closedAt ? [' op ', el('time', { datetime: h.closedAt }, formatDateTime(h.closedAt))] : null),
    el('span', { class: 'row__handler' }, by),
  ];
}

/** Said after "Inbox" in the heading that names the list (hidden on screen: the pressed tab shows it). */
const VIEW_NAMES = { open: '', callbacks: ', terugbellen', closed: ', afgesloten' };
const EMPTY = {
  open: 'Geen gesprekken. Nieuwe gesprekken verschijnen hier vanzelf.',
  callbacks: 'Niemand hoeft teruggebeld te worden. Nieuwe terugbelverzoeken verschijnen hier vanzelf.',
  closed: 'Geen gesprekken. Nieuwe gesprekken verschijnen hier vanzelf.',
};

/** createInbox({ user, onSelect }) → { setItems, upsert, remove, get, select, selectedId, view } */
export function createInbox({ user, onSelect }) {
  const list = $('inbox-list');
  const empty = $('inbox-empty');
  const count = $('inbox-count');
  /** id → { h, baseWait, at } : the wait clock counts on from the server's waitedSeconds. */
  const items = new Map();
  let selected = null;
  let view = 'open';
  const order = inboxOrder(user.teams);

  const isOpen = (h) => h.state === 'queued' || h.state === 'active';
  // "Terugbellen": the open ones with a callback request, the earliest "niet vóór" first.
  const shows = (h) => (view === 'open' ? isOpen(h) : view === 'callbacks' ? isOpen(h) && Boolean(h.callback) : ended(h));

  function setItems(handoffs, nextView = view) {
    view = nextView;
    items.clear();
    for (const h of handoffs) items.set(h.id, { h, baseWait: h.waitedSeconds ?? 0, at: Date.now() });
    render();
  }

  /** Adds or updates one handoff; true when it was not in the inbox before. */
  function upsert(h) {
    const known = items.has(h.id);
    if (known && isOlder(h, items.get(h.id).h)) return false;
    if (!shows(h)) {
      if (known) remove(h.id);
      return false;
    }
    items.set(h.id, { h, baseWait: h.waitedSeconds ?? 0, at: Date.now() });
    render();
    return !known;
  }

  function remove(id) {
    items.delete(id);
    render();
  }

  function render() {
    const calls = view === 'callbacks';
    const sorted = [...items.values()].map((i) => i.h).sort(calls ? callbackOrder : view === 'closed' ? closedOrder : order);
    // Keep keyboard focus on the same row across re-renders.
    const focused = list.contains(document.activeElement) ? document.activeElement.getAttribute('data-id') : null;
    clear(list);
    for (const h of sorted) list.appendChild(calls ? callbackRow(h, { user, selected, select }) : row(h));
    if (focused) list.querySelector(`[data-id="${CSS.escape(focused)}"]`)?.focus();
    $('inbox-view').textContent = VIEW_NAMES[view];
    empty.textContent = EMPTY[view];
    empty.hidden = sorted.length > 0;
    count.textContent = `(${sorted.length})`;
    tick();
  }

  function row(h) {
    const mine = h.assignee === user.username;
    const waiting = awaitsAnswer(h);
    const classes = ['row', `row--p${h.priority}`, `row--${h.state}`, h.returned ? 'row--returned' : '', mine ? 'row--mine' : '', waiting ? 'row--awaits' : ''].filter(Boolean).join(' ');
    const button = el('button', { type: 'button', class: 'row__button', 'data-id': h.id, 'aria-current': h.id === selected ? 'true' : 'false', onclick: () => select(h.id) },
      el('span', { class: 'row__top' },
        el('span', { class: `badge badge--p${h.priority}` }, priorityLabel(h.priority)),
        el('span', { class: 'row__reason' }, reasonLabel(h.reason)),
        // The ticking clock is hidden from screen readers (it would change the button's name every
        // second); they hear since when the citizen waits instead.
        h.state === 'queued' ? el('span', { class: 'row__wait', 'data-wait': h.id, title: 'Wachttijd', 'aria-hidden': 'true' }, '') : null,
        h.state === 'queued' && h.queuedAt ? el('span', { class: 'visually-hidden' }, `, wacht sinds ${formatTime(h.queuedAt)}`) : null),
      el('span', { class: 'row__evidence' }, highlight(h.summary || '', evidenceWords(h))),
      h.evidence?.length ? el('span', { class: 'row__words' }, 'Signaal: ', ...joinMarks(evidenceWords(h).map(evidenceLabel))) : null,
      el('span', { class: 'row__meta' },
        el('span', {}, channelLabel(h.channel)),
        el('span', {}, `Team ${h.team}`),
        ended(h) ? endedMeta(h) : el('span', {}, h.state === 'active' && h.assignee ? `Bij ${mine ? 'u' : displayName(h.assignee)}` : stateLabel(h.state)),
        h.returned ? el('span', { class: 'badge badge--returned' }, 'Terug in wachtrij') : null,
        waiting ? el('span', { class: 'badge badge--awaits' }, `Burger wacht op antwoord sinds ${formatTime(h.lastCitizenMessageAt)}`) : null,
        h.callback ? el('span', { class: 'badge badge--callback' }, `Terugbellen ${h.callback.phone} · niet vóór ${formatDateTime(h.callback.notBefore)}`) : null,
        shownOutcome(h) ? el('span', {}, `Uitkomst: ${outcomeLabel(h.outcome)}`) : null));
    return el('li', { class: classes, 'data-reason': h.reason }, button);
  }

  function joinMarks(words) {
    const out = [];
    [...new Set(words)].forEach((w, i) => {
      if (i > 0) out.push(', ');
      out.push(el('mark', {}, w));
    });
    return out;
  }

  /** Updates the wait clocks in place (no re-render, so focus and screen readers are undisturbed). */
  function tick() {
    for (const span of list.querySelectorAll('[data-wait]')) {
      const i = items.get(span.getAttribute('data-wait'));
      if (i) span.textContent = formatWait(i.baseWait + (Date.now() - i.at) / 1000);
    }
  }
  setInterval(tick, 1000);

  function select(id) {
    selected = id;
    for (const b of list.querySelectorAll('.row__button')) b.setAttribute('aria-current', b.getAttribute('data-id') === id ? 'true' : 'false');
    if (id) onSelect(id);
  }

  return {
    setItems,
    upsert,
    remove,
    select,
    get: (id) => items.get(id)?.h ?? null,
    has: (id) => items.has(id),
    get selectedId() {
      return selected;
    },
    get view() {
      return view;
    },
  };
}
