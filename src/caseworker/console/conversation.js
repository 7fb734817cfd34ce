/**
 * The detail of one handoff: what it is about (reason, evidence, summary), who the citizen is
 * (verified identity, the case), internal notes, and the live transcript. Which actions show
 * depends on the state and on who holds the conversation.
 */
import { api } from './api.js';
import { $, append, clear, el, facts, formatDateTime, formatTime, highlight } from './dom.js';
import { switchDraft } from './drafts.js';
import { evidenceWords, shownOutcome } from './inbox.js';
import { channelLabel, evidenceLabel, flagLabel, outcomeLabel, priorityLabel, reasonLabel, stateLabel } from './labels.js';
import { displayName, rememberFromActivity } from './people.js';
import { renderCallback } from './callbacks.js';
import { isOlder } from './newer.js';
import { createReplyDue } from './reply-due.js';
import { createTranscript } from './transcript.js';

/** createDetail({ user }) → { open(id), update(h), message(conversationId, activity), noted(handoffId, note), current } */
export function createDetail({ user }) {
  let current = null;
  // A caseworker may say what the assistant missed in a citizen's message (lesson 5).
  const transcript = createTranscript($('transcript'), {
    onCorrect: (activityId, labels) => api.correct(current.conversationId, { activityId, ...labels }),
  });
  const replyDue = createReplyDue();
  let loading = 0;
  /** Recent socket messages, replayed after a transcript loads: nothing said during the fetch is lost. */
  const recent = [];

  async function open(id) {
    const ticket = ++loading;
    $('detail-placeholder').hidden = true;
    $('detail-body').hidden = false;
    hideError();
    // Until this one is loaded, nothing on screen belongs to another conversation and no action can
    // reach it: "Overnemen" pressed during the load took over the one opened before, or nothing at all.
    current = null;
    loadingView(true);
    let h, t;
    try {
      h = await api.handoff(id);
      t = await api.transcript(h.conversationId);
    } catch (err) {
      if (ticket === loading) $('detail-title').textContent = 'Gesprek niet geopend';
      throw err;
    }
    if (ticket !== loading) return; // another row was chosen meanwhile
    current = h;
    loadingView(false);
    // Its own drafts: a text typed for another citizen never stands in this one's reply box.
    switchDraft(h.id);
    $('detail-body').dataset.handoff = h.id;
    // Caseworker messages tell their writer's name: learn them before the head says who holds it.
    for (const a of t.activities) rememberFromActivity(a);
    renderAll(h);
    transcript.reset(t.activities, evidenceWords(h));
    for (const m of recent) if (m.conversationId === h.conversationId) transcript.add(m.activity);
    renderNotes(h.notes || []);
    $('detail-title').focus();
  }

  /** While a conversation loads: its title says so, and the actions, reply box and panels are away. */
  function loadingView(busy) {
    $('detail-body').setAttribute('aria-busy', String(busy));
    $('actions').hidden = busy;
    $('detail-grid').hidden = busy;
    if (!busy) return;
    clear($('detail-meta'));
    $('detail-title').textContent = 'Gesprek wordt geladen…';
  }

  function renderAll(h) {
    renderHead(h);
    renderInfo(h);
    renderActions(h);
    // After the actions: it offers "Afsluiten" only where the close action shows.
    renderCallback(h, user);
  }

  function renderHead(h) {
    const title = $('detail-title');
    append(clear(title), [
      el('span', { class: `badge badge--p${h.priority}` }, priorityLabel(h.priority)), ' ',
      reasonLabel(h.reason)]);
    const meta = $('detail-meta');
    append(clear(meta), [
      el('span', { class: `state state--${h.state}` }, stateLabel(h.state)),
      el('span', {}, channelLabel(h.channel)),
      el('span', {}, `Team ${h.team}`),
      // Only an active conversation is with someone; after release or close it was.
      h.assignee ? el('span', {}, `${h.state === 'active' ? 'Bij' : 'Behandeld door'} ${who(h.assignee)}`) : null,
      el('span', {}, `Gestart ${formatTime(h.createdAt)}`),
      h.returned ? el('span', { class: 'badge badge--returned' }, 'Terug in wachtrij: medewerker reageerde niet op tijd') : null,
      h.correctedFrom && h.reason !== 'distress' ? el('span', {}, `Geen crisis volgens ${who(h.correctedBy)}`) : null,
      shownOutcome(h) ? el('span', {}, `Uitkomst: ${outcomeLabel(h.outcome)}`) : null]);
  }

  /** "u" for the logged-in caseworker, else the colleague's name. */
  function who(username) {
    return username === user.username ? 'u' : displayName(username);
  }

  function renderInfo(h) {
    const words = evidenceWords(h);
    append(clear($('summary')), [highlight(h.summary || '', words)]);
    const ev = clear($('evidence'));
    for (const e of h.evidence || []) {
      const was = e.correctedFrom ? ` (eerst gezien als ${reasonLabel(e.correctedFrom).toLowerCase()})` : '';
      ev.appendChild(el('li', {}, el('span', { class: 'evidence__reason' }, `${reasonLabel(e.reason)}${was}: `), el('mark', {}, evidenceLabel(e.evidence)), el('span', { class: 'muted' }, ` · ${formatTime(e.at)}`)));
    }
    renderIdentity(h.identity);
    $('case-panel').hidden = !h.case;
    if (h.case) {
      facts($('case'), [
        ['Zaaknummer', h.case.number], ['Soort', h.case.type], ['Status', h.case.statusText],
        ['Besluit', h.case.decisionDate], ['Uiterlijk', h.case.decisionDue],
        ['Bijzonderheden', (h.case.flags || []).map(flagLabel).join(', ')],
      ]);
    }
    renderEarlier(h.earlier || []);
  }

  /** Handoffs of this conversation before this one: who held it, how it ended, what they noted. */
  function renderEarlier(earlier) {
    $('earlier-panel').hidden = earlier.length === 0;
    const list = clear($('earlier'));
    for (const e of earlier) {
      const head = `${reasonLabel(e.reason)} · ${e.assignee ? e.assigneeName || displayName(e.assignee) : 'door niemand opgepakt'} · ${formatDateTime(e.closedAt || e.queuedAt)}`;
      const notes = (e.notes || []).filter((n) => !n.text.startsWith('closed: '));
      list.appendChild(el('li', { class: 'note' },
        el('p', { class: 'note__who' }, head),
        e.outcome ? el('p', {}, `Uitkomst: ${outcomeLabel(e.outcome)}`) : null,
        ...notes.map((n) => el('p', { class: 'note__text' }, `${n.authorName || displayName(n.author)}: ${noteText(n.text)}`))));
    }
  }

  function renderIdentity(identity) {
    const box = clear($('identity'));
    if (!identity?.verified) {
      box.appendChild(el('p', { class: 'identity identity--no' }, 'Niet geverifieerd'));
      return;
    }
    box.appendChild(el('p', { class: 'identity identity--yes' }, identity.forOther ? 'Geverifieerd voor iemand anders (gegevens van die persoon)' : 'Geverifieerd'));
    box.appendChild(facts(el('dl', { class: 'facts' }), [
      ['Postcode', identity.postcode], ['Geboortedatum', identity.birthDate],
      ['Zaken', (identity.cases || []).join(', ')], ['Zaken van een ander (met diens gegevens)', (identity.others || []).join(', ') || undefined], ['Telefoon', identity.phone],
    ]));
  }

  function renderActions(h) {
    const mine = h.state === 'active' && h.assignee === user.username;
    const boss = user.role === 'supervisor' || user.role === 'admin';
    const open = h.state === 'queued' || h.state === 'active';
    $('claim').hidden = h.state !== 'queued';
    $('release-box').hidden = !(h.state === 'active' && (mine || boss));
    // A crisis nobody spoke with yet is not closed from the queue: take it over first (the server says so too).
    const crisis = h.reason === 'distress';
    // A waiting conversation of another team is that team's to close or move (the server refuses: HANDOFF_OTHER_TEAM); taking it over is fine.
    const ownQueue = h.state === 'queued' && (user.teams || []).includes(h.team);
    $('close-box').hidden = !(open && (mine || boss || ownQueue)) || (crisis && h.state === 'queued');
    // Handing back a crisis needs a note: how the citizen is, and what was agreed.
    $('release-note').required = crisis;
    $('release-note-label').textContent = crisis ? 'Interne notitie (verplicht bij een crisis: hoe gaat het met de burger, wat is afgesproken?)' : 'Interne notitie (optioneel)';
    $('transfer-box').hidden = !(open && (mine || boss || ownQueue));
    // A false crisis is corrected by who spoke with the citizen, or a supervisor (the server says so too).
    $('not-crisis-box').hidden = !(crisis && open && (mine || boss));
    for (const id of ['release-box', 'close-box', 'transfer-box', 'not-crisis-box']) if ($(id).hidden) $(id).open = false;
    $('reply-form').hidden = !mine;
    replyDue.show(mine ? h.replyDueAt : null);
    const locked = $('reply-locked');
    locked.hidden = mine;
    locked.textContent = h.state === 'queued' ? 'Neem het gesprek over om te antwoorden.'
      : h.state === 'active' ? `${capitalise(displayName(h.assignee))} voert dit gesprek.`
      : 'Dit gesprek is niet meer bij een medewerker.';
  }

  const noteKeys = new Set();
  const noteKey = (n) => `${n.author}|${n.at}|${n.text}`;

  function renderNotes(notes) {
    const list = clear($('notes'));
    noteKeys.clear();
    for (const n of notes) addNote(n);
    if (notes.length === 0) list.appendChild(el('li', { class: 'muted notes__empty' }, 'Nog geen notities.'));
  }

  /** Notes come from the detail call and from the socket; each shows once. */
  function addNote(n) {
    if (noteKeys.has(noteKey(n))) return;
    noteKeys.add(noteKey(n));
    const list = $('notes');
    list.querySelector('.notes__empty')?.remove();
    list.appendChild(el('li', { class: 'note' }, el('p', { class: 'note__who' }, `${displayName(n.author)} · ${formatDateTime(n.at)}`), el('p', { class: 'note__text' }, noteText(n.text))));
  }

  function hideError() {
    $('action-error').hidden = true;
  }

  return {
    open,
    get current() {
      return current;
    },
    /** A newer version of a handoff (from an action or the socket). */
    update(h) {
      if (!current || h.id !== current.id || isOlder(h, current)) return;
      // Socket views carry no case or notes; keep what the detail call gave.
      current = { ...current, ...h, case: h.case ?? current.case, notes: current.notes };
      renderAll(current);
    },
    message(conversationId, activity) {
      recent.push({ conversationId, activity });
      if (recent.length > 200) recent.shift();
      const learned = rememberFromActivity(activity);
      if (current && current.conversationId === conversationId) transcript.add(activity);
      if (learned && current) {
        renderHead(current);
        renderActions(current);
      }
    },
    /** Fetches the current handoff again and shows it; resolves with it. */
    async reload() {
      if (!current) return null;
      const h = await api.handoff(current.id);
      if (current?.id !== h.id || isOlder(h, current)) return h;
      current = h;
      renderAll(h);
      renderNotes(h.notes || []);
      return h;
    },
    /** Reloads the notes (actions such as close and transfer add one on the server). */
    async refreshNotes() {
      if (!current) return;
      const id = current.id;
      const h = await api.handoff(id);
      if (current?.id === id) renderNotes(h.notes || []);
    },
    noted(handoffId, note) {
      if (current && current.id === handoffId) addNote(note);
    },
    showError(text) {
      const p = $('action-error');
      p.textContent = text;
      p.hidden = false;
    },
    hideError,
  };
}

const capitalise = (s) => (s ? s.charAt(0).toUpperCase() + s.slice(1) : s);

/** The notes the server writes itself ("closed: …", "transfer to …: …") in Dutch; a caseworker's own note as written. */
function noteText(text) {
  const closed = /^closed: ([\s\S]*)$/.exec(text);
  if (closed) return `Afgesloten. Uitkomst: ${outcomeLabel(closed[1])}`;
  const moved = /^transfer to ([^:]+): ([\s\S]*)$/.exec(text);
  if (moved) return `Doorgezet naar ${displayName(moved[1])}: ${moved[2]}`;
  return text;
}
