/**
 * Who may act on a handoff beyond taking it over: a supervisor or admin always; otherwise whoever
 * holds the conversation. The handoff service (close, release, transfer), call attempts and a crisis
 * said to be none share it.
 */
import { LoketError, type ErrorCode } from '../errors.ts';
import type { User } from '../store/types.ts';
import type { Handoff } from './types.ts';

/** A supervisor or admin: may act on any conversation, also one still waiting. */
export const isLead = (user: User): boolean => user.role === 'supervisor' || user.role === 'admin';

/**
 * Refuses a caseworker who does not hold `h`: `whenQueued` while it still waits (take it over first),
 * HANDOFF_NOT_YOURS when a colleague has it. A lead passes.
 */
export function mustHold(h: Handoff, user: User, whenQueued: ErrorCode): void {
  if (isLead(user)) return;
  if (h.state === 'queued') throw new LoketError(whenQueued);
  if (h.assignee !== user.username) throw new LoketError('HANDOFF_NOT_YOURS', [h.assignee ?? 'nobody']);
}
