import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { placeOf } from '../../src/handoff/queue.ts';
import type { Handoff } from '../../src/handoff/types.ts';
import { openSqliteStore } from '../../src/store/sqlite.ts';

const base: Omit<Handoff, 'id' | 'priority' | 'queuedAt' | 'team' | 'state' | 'callback'> = {
  conversationId: 'c', channel: 'web', reason: 'explicit_request', evidence: [], summary: '', identity: null, caseNumber: null,
  assignee: null, createdAt: '', claimedAt: null, lastCaseworkerReplyAt: null, lastCitizenMessageAt: null, closedAt: null,
  outcome: null, callbackOffer: null, toldPosition: null, returned: false, version: 1,
};

describe('queue place counted by the store', () => {
  it('agrees with the queue order of src/handoff/queue.ts', async () => {
    const NOW = '2026-11-30T10:00:00.000Z';
    const row = fc.record({
      priority: fc.integer({ min: 1, max: 4 }),
      minute: fc.integer({ min: 0, max: 5 }),
      team: fc.constantFrom('a', 'b'),
      state: fc.constantFrom('queued', 'queued', 'active', 'closed'),
      later: fc.boolean(),
    });
    await fc.assert(fc.asyncProperty(fc.array(row, { minLength: 1, maxLength: 25 }), async (rows) => {
      const store = openSqliteStore(':memory:');
      const hs: Handoff[] = rows.map((r, i) => ({
        ...base, id: `h${String(i).padStart(3, '0')}`, priority: r.priority, team: r.team, state: r.state as Handoff['state'],
        queuedAt: `2026-11-30T09:0${r.minute}:00.000Z`,
        callback: r.later ? { phone: '+31612345678', requestedAt: NOW, notBefore: '2026-12-01T07:30:00.000Z' } : null,
      }));
      for (const h of hs) await store.handoffs.insert(h);
      for (const h of hs.filter((x) => x.state === 'queued' && !x.callback)) {
        const expected = placeOf(h.id, hs, NOW, 1, 1)!;
        const { ahead } = await store.handoffs.queuePlace(h, NOW);
        expect(ahead + 1).toBe(expected.position);
      }
      await store.close();
    }), { numRuns: 60 });
  });
});
