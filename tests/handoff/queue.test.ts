import { describe, expect, it } from 'vitest';
import { changedMeaningfully, movedBack, placeOf, waiting } from '../../src/handoff/queue.ts';
import type { Handoff } from '../../src/handoff/types.ts';

const base: Omit<Handoff, 'id' | 'priority' | 'queuedAt'> = {
  conversationId: 'c', channel: 'web', state: 'queued', reason: 'explicit_request', evidence: [], summary: '', identity: null,
  caseNumber: null, team: 'klantcontact', assignee: null, createdAt: '', claimedAt: null, lastCaseworkerReplyAt: null,
  lastCitizenMessageAt: null, closedAt: null, outcome: null, callback: null, callbackOffer: null, toldPosition: null, returned: false, version: 1,
};
const h = (id: string, priority: number, queuedAt: string, extra: Partial<Handoff> = {}): Handoff => ({ ...base, id, priority, queuedAt, ...extra });

describe('queue', () => {
  it('orders by priority, then by waiting time', () => {
    const line = waiting([h('a', 3, '2026-11-28T10:00:00Z'), h('b', 1, '2026-11-28T10:05:00Z'), h('c', 3, '2026-11-28T09:00:00Z')], '2026-11-28T11:00:00Z');
    expect(line.map((x) => x.id)).toEqual(['b', 'c', 'a']);
  });

  it('counts the place within the team and estimates the wait', () => {
    const all = [h('a', 3, '2026-11-28T10:00:00Z'), h('b', 3, '2026-11-28T10:01:00Z'), h('x', 1, '2026-11-28T10:00:00Z', { team: 'klachten' })];
    expect(placeOf('b', all, '2026-11-28T11:00:00Z', 4, 1)).toEqual({ position: 2, estimatedMinutes: 8 });
  });

  it('leaves scheduled callbacks out of the live line until their time', () => {
    const cb = h('cb', 3, '2026-11-28T09:00:00Z', { callback: { phone: '+31612345678', requestedAt: '', notBefore: '2026-11-30T07:30:00Z' } });
    expect(waiting([cb], '2026-11-28T11:00:00Z')).toEqual([]);
    expect(waiting([cb], '2026-11-30T08:00:00Z')).toHaveLength(1);
  });

  it('tells the citizen again only on a real change', () => {
    expect(changedMeaningfully({ position: 5, estimatedMinutes: 20 }, { position: 4, estimatedMinutes: 16 })).toBe(false);
    expect(changedMeaningfully({ position: 5, estimatedMinutes: 20 }, { position: 3, estimatedMinutes: 12 })).toBe(true);
    // Moved back: told from three places on, so a wait told is not a promise silently broken.
    expect(movedBack({ position: 1, estimatedMinutes: 4 }, { position: 3, estimatedMinutes: 12 })).toBe(false);
    expect(movedBack({ position: 1, estimatedMinutes: 4 }, { position: 4, estimatedMinutes: 16 })).toBe(true);
    expect(changedMeaningfully({ position: 2, estimatedMinutes: 8 }, { position: 1, estimatedMinutes: 4 })).toBe(true);
  });
});
