/**
 * The caseworker's verbs on the open handoff: claim, reply, note, release, close, transfer, and
 * "Geen crisis?" (a false crisis corrected). Each
 * shows the server's own message when it says no (for example who already has the conversation).
 */
import { announce } from './alerts.js';
import { keepDraft, wireDrafts } from './drafts.js';
import { api } from './api.js';
import { wireCallbackAttempts } from './callbacks.js';
import { $, formatTime } from './dom.js';
import { NOT_CRISIS_REASONS, notCrisisLabel, OUTCOMES, outcomeLabel, priorityLabel, reasonLabel, TEAMS } from './labels.js';
import { displayName } from './people.js';
import { awaitsAnswer } from './inbox.js';

/** Whether keyboard focus is gone: on <body>, or on an element that an action just hid. */
function focusLost() {
  const e = document.activeElement;
  if (!e || e === document.body || !e.isConnected) return true;
  return typeof e.checkVisibility === 'function' ? !e.checkVisibility() : e.getClientRects().length === 0;
}

/**
 * After an action the form it came from is often hidden (released, closed, transferred): focus goes
 * to the detail title, which is described by the new state line (WCAG 2.4.3), and the result is said.
 */
function landOnDetail(said) {
  $('detail-title').focus();
  if (said) announce(said);
}

/**
 * After sending from a box by its button, focus goes back to the box for the next message: the
 * button was disabled while sending, which drops keyboard focus (and a click on it meant the same).
 * A caseworker who went elsewhere meanwhile keeps their place.
 */
function backToBox(box, button) {
  if (focusLost() || document.activeElement === button) box.focus();
}

/**
 * wireActions({ detail, user, onHandoff, views }) — onHandoff(h) gets every handoff an action returns;
 * views (views.js) brings a narrow screen back to the list after closing.
 */
export function wireActions({ detail, user, onHandoff, views }) {
  /** Runs `fn` for the current handoff with the form's button disabled; shows refusals. */
  const act = (button, fn) => async (event) => {
    event?.preventDefault();
    const h = detail.current;
    if (!h || button?.disabled) return;
    detail.hideError();
    if (button) button.disabled = true;
    try {
      const result = await fn(h);
      if (result && result.id) onHandoff(result);
      return true;
    } catch (err) {
      detail.showError(err.message || 'Dat lukte niet.');
      // 409: someone else changed it first; show how it is now (the message stays).
      if (err.status === 409) await detail.reload().then(onHandoff, () => undefined);
      return false;
    } finally {
      if (button) button.disabled = false;
      // Never leave a keyboard user on <body> (the refusal itself is in the role="alert" above the actions).
      if (focusLost()) landOnDetail();
    }
  };

  $('claim').addEventListener('click', act($('claim'), async (h) => {
    const claimed = await api.claim(h.id);
    setTimeout(() => $('reply-text').focus(), 0);
    return claimed;
  }));

  wireDrafts();
  const replyText = $('reply-text');
  const sendReply = act($('reply-send'), async (h) => {
    const result = await api.reply(h.id, replyText.value);
    replyText.value = '';
    keepDraft();
    backToBox(replyText, $('reply-send'));
    return result;
  });
  $('reply-form').addEventListener('submit', sendReply);
  replyText.addEventListener('keydown', (e) => {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) sendReply(e);
  });

  const noteText = $('note-text');
  $('note-form').addEventListener('submit', act($('note-add'), async (h) => {
    await api.note(h.id, noteText.value);
    noteText.value = '';
    keepDraft();
    backToBox(noteText, $('note-add'));
    await detail.refreshNotes();
    return null;
  }));

  const releaseForm = $('release-form');
  releaseForm.addEventListener('submit', act(releaseForm.querySelector('button'), async (h) => {
    const note = $('release-note').value.trim();
    const released = await api.release(h.id, note || undefined);
    $('release-note').value = '';
    $('release-box').open = false;
    onHandoff(released);
    await detail.refreshNotes();
    landOnDetail('Gesprek teruggegeven aan de assistent.');
    return released;
  }));

  const closeForm = $('close-form');
  // No outcome chosen beforehand: one click on "Gesprek afsluiten" must not file a conversation as solved.
  $('close-outcome').append(new Option('Kies een uitkomst', ''));
  for (const [value, label] of Object.entries(OUTCOMES)) $('close-outcome').append(new Option(label, value));
  // Opening it: a fresh choice for another conversation. On the summary's click, before the box opens:
  // the toggle event comes a moment after the click, and an outcome chosen in that moment (a quick hand,
  // a busy machine) was wiped, so "Afsluiten" then did nothing for want of an outcome.
  let closing = null;
  $('close-box').querySelector('summary').addEventListener('click', () => {
    if ($('close-box').open) return;
    const h = detail.current;
    if (h?.id !== closing) $('close-outcome').value = '';
    closing = h?.id ?? null;
  });
  // Open: a warning when the citizen's last message has no answer yet.
  $('close-box').addEventListener('toggle', () => {
    // Closed: no warning left standing for the next opening, which may be after the answer was sent
    // (the toggle event comes a moment after the click; until then the old warning would show).
    if (!$('close-box').open) return void ($('close-waiting').hidden = true);
    const h = detail.current;
    const waiting = h ? awaitsAnswer(h) : false;
    $('close-waiting').hidden = !waiting;
    if (waiting) $('close-waiting').textContent = `Let op: de burger wacht nog op uw antwoord (sinds ${formatTime(h.lastCitizenMessageAt)}). Wie afsluit, laat die vraag liggen.`;
  });
  closeForm.addEventListener('submit', act(closeForm.querySelector('button'), async (h) => {
    const extra = $('close-text').value.trim();
    const closed = await api.close(h.id, extra ? `${$('close-outcome').value}: ${extra}` : $('close-outcome').value);
    $('close-text').value = '';
    $('close-outcome').value = '';
    $('close-box').open = false;
    onHandoff(closed);
    await detail.refreshNotes();
    const said = `Gesprek afgesloten. Uitkomst: ${outcomeLabel(closed.outcome ?? '')}.`;
    // On a narrow screen the conversation is done with: back to the list it left, for the next one.
    if (views.narrow) {
      views.showList();
      announce(said);
    } else landOnDetail(said);
    return closed;
  }));

  wireTransfer({ act, detail, user, onHandoff });
  wireNotCrisis({ act, detail, onHandoff });
  wireCallbackAttempts({ act, onHandoff });

  // Past the transcript: to the reply box, or (when the caseworker cannot reply) to the internal note.
  $('skip-transcript').addEventListener('click', (e) => {
    e.preventDefault();
    ($('reply-form').hidden ? $('note-text') : replyText).focus();
  });

  // Escape closes an open action form and puts focus back on its button.
  for (const box of document.querySelectorAll('details.action')) {
    box.addEventListener('keydown', (e) => {
      if (e.key !== 'Escape' || !box.open) return;
      box.open = false;
      box.querySelector('summary').focus();
    });
    // Opening one action closes the others, and focus goes to its first field.
    box.addEventListener('toggle', () => {
      if (!box.open) return;
      for (const other of document.querySelectorAll('details.action')) if (other !== box) other.open = false;
      box.querySelector('textarea, input, select')?.focus();
    });
  }
}

function wireTransfer({ act, detail, user, onHandoff }) {
  const form = $('transfer-form');
  const target = $('transfer-target');
  const label = $('transfer-target-label');
  const teams = $('transfer-teams');
  for (const t of new Set([...user.teams, ...TEAMS])) teams.append(new Option(t, t));
  const kind = () => form.querySelector('input[name="transfer-kind"]:checked').value;
  const users = $('transfer-users');
  let usersLoaded = false;

  form.addEventListener('change', async (e) => {
    if (e.target.name !== 'transfer-kind') return;
    const toPerson = kind() === 'caseworker';
    label.textContent = toPerson ? 'Medewerker (kies een naam)' : 'Team';
    target.setAttribute('list', toPerson ? 'transfer-users' : 'transfer-teams');
    target.value = '';
    // Every caseworker may list colleagues (/colleagues), so a conversation goes to a name, not a guessed username.
    if (toPerson && !usersLoaded) {
      usersLoaded = true;
      const { items } = await api.colleagues().catch(() => ({ items: [] }));
      for (const u of items) if (u.username !== user.username) users.append(new Option(`${u.name} (${u.username})`, u.username));
    }
  });

  form.addEventListener('submit', act(form.querySelector('button[type="submit"]'), async (h) => {
    const to = target.value.trim();
    const note = $('transfer-note').value;
    const moved = await api.transfer(h.id, kind() === 'caseworker' ? { caseworker: to, note } : { team: to, note });
    target.value = '';
    $('transfer-note').value = '';
    $('transfer-box').open = false;
    onHandoff(moved);
    await detail.refreshNotes();
    landOnDetail(`Gesprek doorgezet naar ${kind() === 'caseworker' ? displayName(to) : `team ${to}`}.`);
    return moved;
  }));
}

/** "Geen crisis?": what a false crisis was instead, and why; afterwards the head shows the new reason and priority. */
function wireNotCrisis({ act, detail, onHandoff }) {
  const form = $('not-crisis-form');
  const reason = $('not-crisis-reason');
  // No reason chosen beforehand: a crisis is not talked down by one click.
  reason.append(new Option('Kies wat het wel is', ''));
  for (const r of NOT_CRISIS_REASONS) reason.append(new Option(notCrisisLabel(r), r));
  form.addEventListener('submit', act(form.querySelector('button[type="submit"]'), async (h) => {
    const corrected = await api.correctCrisis(h.id, { reason: reason.value, note: $('not-crisis-note').value });
    reason.value = '';
    $('not-crisis-note').value = '';
    $('not-crisis-box').open = false;
    onHandoff(corrected);
    await detail.refreshNotes();
    landOnDetail(`Geen crisis. Nu: ${reasonLabel(corrected.reason)}, ${priorityLabel(corrected.priority)}.`);
    return corrected;
  }));
}
