/**
 * The caseworker's answer that is due: after a claim (or a transfer to them) until their first reply,
 * and again after each citizen message they have not answered. The sweep returns a conversation to
 * the queue when it is overdue; the console shows the caseworker how long they still have.
 */
import type { Handoff } from './types.ts';

type Held = Pick<Handoff, 'state' | 'claimedAt' | 'lastCaseworkerReplyAt' | 'lastCitizenMessageAt'> & { callback?: Handoff['callback'] };

/**
 * Since when the citizen waits for the holder's answer; null when none is owed (answered, or not held).
 * A call the holder made for a callback request answers too, reached or not: they are on it (a
 * conversation they phoned about went back to the queue with "Sorry voor het wachten").
 */
export function awaitingReplySince(h: Held): string | null {
  if (h.state !== 'active' || !h.claimedAt) return null;
  const called = h.callback?.attempts?.at(-1)?.at;
  const answered = [h.lastCaseworkerReplyAt, called && called >= h.claimedAt ? called : null].filter((t): t is string => !!t).sort().at(-1);
  if (answered === undefined) return h.claimedAt;
  return h.lastCitizenMessageAt && h.lastCitizenMessageAt > answered ? h.lastCitizenMessageAt : null;
}

/**
 * When the conversation goes back to the queue without an answer (ISO), or null.
 *
 *     replyDueAt({ state: 'active', claimedAt: '…T10:00:00.000Z', lastCaseworkerReplyAt: null, … }, 300) // '…T10:05:00.000Z'
 */
export function replyDueAt(h: Held, timeoutSeconds: number): string | null {
  const since = awaitingReplySince(h);
  return since ? new Date(Date.parse(since) + timeoutSeconds * 1000).toISOString() : null;
}

/** Whether the answer is overdue at `now` (the sweep's test). */
export const isReplyOverdue = (h: Held, timeoutSeconds: number, now: string): boolean => {
  const due = replyDueAt(h, timeoutSeconds);
  return due !== null && Date.parse(now) > Date.parse(due);
};
