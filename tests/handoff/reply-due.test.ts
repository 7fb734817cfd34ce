/** When the holder's answer is due (src/handoff/reply-due.ts): the rule the sweep and the console share. */
import { describe, expect, it } from 'vitest';
import { awaitingReplySince, isReplyOverdue, replyDueAt } from '../../src/handoff/reply-due.ts';

const CLAIMED = '2026-11-24T09:00:00.000Z';
const held = { state: 'active' as const, claimedAt: CLAIMED, lastCaseworkerReplyAt: null, lastCitizenMessageAt: null };

describe('replyDueAt', () => {
  it('counts from the claim until the first reply', () => {
    expect(replyDueAt(held, 300)).toBe('2026-11-24T09:05:00.000Z');
  });

  it('owes nothing once answered, and counts again from a citizen message after the answer', () => {
    const answered = { ...held, lastCaseworkerReplyAt: '2026-11-24T09:01:00.000Z', lastCitizenMessageAt: '2026-11-24T09:00:30.000Z' };
    expect(awaitingReplySince(answered)).toBeNull();
    expect(replyDueAt({ ...answered, lastCitizenMessageAt: '2026-11-24T09:02:00.000Z' }, 60)).toBe('2026-11-24T09:03:00.000Z');
  });

  it('owes nothing while queued or after the end', () => {
    expect(replyDueAt({ ...held, state: 'queued' }, 300)).toBeNull();
    expect(replyDueAt({ ...held, state: 'closed' }, 300)).toBeNull();
  });

  it('is overdue only after the due moment, as the sweep returned it before', () => {
    expect(isReplyOverdue(held, 300, '2026-11-24T09:05:00.000Z')).toBe(false);
    expect(isReplyOverdue(held, 300, '2026-11-24T09:05:00.001Z')).toBe(true);
  });

  it('counts a call made for a callback as an answer, reached or not; not one made before this claim', () => {
    const call = (at: string, outcome: 'reached' | 'no_answer') => ({ callback: { phone: '+31612345678', notBefore: CLAIMED, requestedAt: CLAIMED, attempts: [{ at, by: 'anna', outcome }] } });
    expect(awaitingReplySince({ ...held, ...call('2026-11-24T09:03:00.000Z', 'no_answer') })).toBeNull();
    expect(awaitingReplySince({ ...held, ...call('2026-11-24T09:03:00.000Z', 'reached'), lastCitizenMessageAt: '2026-11-24T09:04:00.000Z' })).toBe('2026-11-24T09:04:00.000Z');
    // A colleague's call before this caseworker took it over (a transfer) answers nothing of theirs.
    expect(awaitingReplySince({ ...held, ...call('2026-11-24T08:50:00.000Z', 'reached') })).toBe(CLAIMED);
  });
});
