/**
 * How long the caseworker still has to answer before the server returns the conversation to the
 * queue ("Terug in wachtrij: medewerker reageerde niet op tijd"). The deadline is the server's own
 * (replyDueAt on the handoff, src/handoff/reply-due.ts), so the console needs no timeout setting.
 *
 * The line sits by the reply box and is part of its description, so a screen reader hears it on
 * entering the box. It is no live region: it changes at most every 15 seconds, in whole minutes,
 * and only the last minute is said aloud, once (WCAG 2.2.1: the caseworker is warned in time).
 */
import { announce } from './alerts.js';
import { $ } from './dom.js';

const EVERY_MS = 15_000;
const LAST_MINUTE_MS = 60_000;
const THEN = 'anders gaat het gesprek terug naar de wachtrij.';

/**
 * The line for `ms` left. Whole minutes rounded down, so the time it names is never more than the
 * time there is: 4 min 59 s → "binnen 4 min".
 */
export function dueText(ms) {
  if (ms <= 0) return 'De tijd om te antwoorden is om. Het gesprek gaat terug naar de wachtrij.';
  if (ms <= LAST_MINUTE_MS) return `Nog minder dan een minuut: antwoord nu, ${THEN}`;
  return `Antwoord binnen ${Math.floor(ms / 60_000)} min, ${THEN}`;
}

/** createReplyDue() → { show(replyDueAt | null) }: null hides it (answered, not held, or not held by me). */
export function createReplyDue() {
  const line = $('reply-due');
  let due = null;
  let timer = null;
  /** The deadline whose last minute was announced: once per deadline, whatever re-renders. */
  let warned = null;

  function render() {
    if (due === null) return;
    const ms = Date.parse(due) - Date.now();
    const text = dueText(ms);
    // Unchanged text is not written again: nothing for assistive tech to pick up.
    if (line.textContent !== text) line.textContent = text;
    const urgent = ms <= LAST_MINUTE_MS;
    line.classList.toggle('reply-due--urgent', urgent);
    if (urgent && ms > 0 && warned !== due) {
      warned = due;
      announce(text);
    }
  }

  function show(replyDueAt) {
    if (replyDueAt === due) return;
    due = replyDueAt || null;
    line.hidden = due === null;
    clearInterval(timer);
    timer = null;
    if (due === null) {
      line.textContent = '';
      return;
    }
    render();
    timer = setInterval(render, EVERY_MS);
  }

  return { show };
}
