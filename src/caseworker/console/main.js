/**
 * The caseworker console: log in, then a live inbox (events socket + GET /handoffs) and the detail
 * of the chosen handoff. Plain ES modules, no build step: api (HTTP), events (socket), inbox,
 * conversation + transcript (detail), actions (the verbs), alerts (sound, notification, live region).
 */
import { api } from './api.js';
import { wireActions } from './actions.js';
import { alertNew, notificationState, unlock, unlockAudio } from './alerts.js';
import { createDetail } from './conversation.js';
import { $ } from './dom.js';
import { connectEvents } from './events.js';
import { awaitsAnswer, createInbox } from './inbox.js';
import { reasonLabel, ROLES } from './labels.js';
import { displayName, rememberName } from './people.js';
import { ensureSession, logout } from './session.js';
import { isOlder } from './newer.js';
import { createViews } from './views.js';

const CONNECTION = { connecting: 'Verbinden…', open: 'Live', reconnecting: 'Verbinding verbroken, opnieuw verbinden…' };

async function start() {
  // The login click is a user gesture: a good moment to allow sound and ask for notifications.
  $('login-form').addEventListener('submit', () => void unlock());
  const user = await ensureSession();
  // Shown only when the form was needed (not after a reload with a live session).
  const loggedInByForm = !$('login-view').hidden;
  $('login-view').hidden = true;
  $('app-view').hidden = false;
  // The login form just disappeared under the keyboard focus: land on the inbox (WCAG 2.4.3).
  if (loggedInByForm) $('inbox-title').focus();
  rememberName(user.username, user.name);
  // Colleagues show by name ("Bij Sanne"), not by username, for every caseworker.
  const { items: colleagues } = await api.colleagues().catch(() => ({ items: [] }));
  for (const u of colleagues) rememberName(u.username, u.name);
  // After a reload the session is back without a click; the first click or key allows sound again.
  const wake = () => void unlockAudio();
  document.addEventListener('pointerdown', wake, { once: true });
  document.addEventListener('keydown', wake, { once: true });
  $('user-name').textContent = `${user.name} · ${ROLES[user.role] ?? user.role}`;

  const detail = createDetail({ user });
  const inbox = createInbox({
    user,
    onSelect: (id) => {
      // Its own address (#/gesprek/<id>): a reload opens it again, and a colleague can be sent the link.
      if (linkedId() !== id) history.replaceState(null, '', `#/gesprek/${id}`);
      views.showDetail();
      return detail.open(id).catch((err) => detail.showError(err.message));
    },
  });
  const views = createViews({ inbox });
  /** Last known state per handoff id: a handoff is new to us when it turns 'queued' from anything else. */
  const states = new Map();
  let loadedOpen = false;
  /** Per handoff held by this caseworker: when the citizen last wrote, as last seen. */
  const lastWrote = new Map();
  const signalIfNew = (h) => {
    const before = states.get(h.id);
    states.set(h.id, h.state);
    if (h.state === 'queued' && before !== 'queued') alertFor(h);
    // A citizen writing in a conversation this caseworker holds: as loud as a new one when it is a
    // crisis, unless that conversation is open on a screen they are looking at.
    const seen = lastWrote.get(h.id);
    const wrote = remember(h);
    if (wrote && wrote !== seen && awaitsAnswer(h) && !(document.visibilityState === 'visible' && inbox.selectedId === h.id)) alertWrote(h);
  };
  /** Notes what is known of `h` now, without an alarm; returns when the citizen last wrote in it, if this caseworker holds it. */
  const remember = (h) => {
    states.set(h.id, h.state);
    const wrote = h.state === 'active' && h.assignee === user.username ? h.lastCitizenMessageAt ?? null : null;
    lastWrote.set(h.id, wrote);
    return wrote;
  };
  const onHandoff = (h) => {
    // The answer to our own action, overtaken by a later write the socket already brought.
    if (isOlder(h, inbox.get(h.id) ?? detail.current)) return;
    inbox.upsert(h);
    detail.update(h);
    remember(h); // our own action: no alarm for it
  };
  wireActions({ detail, user, onHandoff, views });
  wireNotifyButton();
  // Opened by its address (a reload, or a link pasted into the bar): that conversation, open or closed.
  const linked = linkedId();
  if (linked) inbox.select(linked);
  window.addEventListener('hashchange', () => {
    const id = linkedId();
    if (id && id !== inbox.selectedId) inbox.select(id);
  });
  $('logout').addEventListener('click', () => {
    events.close();
    void logout();
  });

  const load = async (view = inbox.view) => {
    const { items } = await (view === 'callbacks' ? api.callbacks() : api.handoffs(view === 'closed' ? 'closed' : undefined));
    inbox.setItems(items, view);
    if (view === 'open') {
      // After a reconnect, handoffs that came in while the socket was down are signalled too.
      for (const h of items) (loadedOpen ? signalIfNew(h) : remember(h));
      loadedOpen = true;
    }
  };
  window.addEventListener('loket:unauthenticated', () => location.reload());
  wireTabs(load);

  const events = connectEvents({
    onStatus: (state) => {
      const p = $('connection');
      p.dataset.state = state;
      p.textContent = CONNECTION[state];
    },
    onUnauthenticated: () => location.reload(),
    onEvent: (msg) => {
      if (msg.type === 'hello') return void load().catch(() => undefined);
      if (msg.type === 'message') return detail.message(msg.conversationId, msg.activity);
      if (msg.type === 'handoff.noted') {
        // A colleague passed a conversation to me: say so, as for a new one.
        if (msg.transferredTo === user.username && msg.note?.author !== user.username) alertTransferred(msg.handoffId, msg.note);
        return detail.noted(msg.handoffId, msg.note);
      }
      if (msg.type?.startsWith('handoff.') && msg.handoff) {
        inbox.upsert(msg.handoff);
        detail.update(msg.handoff);
        signalIfNew(msg.handoff);
      }
    },
  });
}

/** The conversation the address names (#/gesprek/<id>), if any. */
function linkedId() {
  const m = /^#\/gesprek\/([0-9a-f-]{36})$/i.exec(location.hash);
  return m ? m[1] : null;
}

/** A colleague transferred a conversation to this caseworker: it is theirs now, the citizen waits. */
function alertTransferred(handoffId, note) {
  alertNew({
    title: 'Een collega zette een gesprek naar u door',
    body: `Van ${displayName(note.author)}. Open het in de lijst.`,
    tag: `${handoffId}:transferred`,
    urgent: false,
  });
}

function alertWrote(h) {
  alertNew({
    title: h.priority === 1 ? 'Spoed: de burger schreef in uw gesprek' : 'Nieuw bericht in uw gesprek',
    body: `${reasonLabel(h.reason)} · team ${h.team}`,
    tag: `${h.id}:wrote`,
    urgent: h.priority === 1,
  });
}

function alertFor(h) {
  alertNew({
    title: h.priority === 1 ? 'Spoed: nieuw gesprek' : h.returned ? 'Gesprek terug in de wachtrij' : 'Nieuw gesprek in de wachtrij',
    body: `${reasonLabel(h.reason)} · team ${h.team}`,
    tag: h.id,
    urgent: h.priority === 1,
  });
}

function wireTabs(load) {
  const tabs = { open: $('tab-open'), callbacks: $('tab-callbacks'), closed: $('tab-closed') };
  for (const [view, button] of Object.entries(tabs)) {
    button.addEventListener('click', () => {
      for (const [v, b] of Object.entries(tabs)) b.setAttribute('aria-pressed', String(v === view));
      void load(view);
    });
  }
}

function wireNotifyButton() {
  const button = $('notify-toggle');
  const show = (state) => {
    button.textContent = state === 'granted' ? 'Meldingen staan aan' : state === 'denied' ? 'Meldingen geblokkeerd (titel knippert)' : 'Meldingen aanzetten';
    button.disabled = state === 'granted' || state === 'denied' || state === 'unsupported';
  };
  show(notificationState());
  button.addEventListener('click', async () => show(await unlock()));
}

start().catch((err) => {
  console.error(err);
  const p = $('login-error');
  p.textContent = 'De console kon niet starten. Herlaad de pagina.';
  p.hidden = false;
  $('login-view').hidden = false;
});
