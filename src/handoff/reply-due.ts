/**
 * The caseworker's answer that is due: after a claim (or a transfer to them) until their first reply,
 * and again after each citizen message they have not answered. The sweep returns a conversation to
 * the queue when it is overdue; the console shows the caseworker how long they still have.
 */
import type { Handoff } from './types.ts';

type Held = Pick<Handoff, 'state' | 'claimedAt' | 'lastCaseworkerReplyAt' | 'lastCitizenMessageAt'>;

/** Since when the citizen waits for the holder's answer; null when none is owed (answered, or not held). */
export function awaitingReplySince(h: Held): string | null {
  if (h.state !== 'active' || !h.claimedAt) return null;
  if (h.lastCaseworkerReplyAt === null) return h.claimedAt;
  return h.lastCitizenMessageAt && h.lastCitizenMessageAt > h.lastCaseworkerReplyAt ? h.lastCitizenMessageAt : null;
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
