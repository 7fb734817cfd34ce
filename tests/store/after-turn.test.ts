/**
 * After-turn work kept with a turn (TurnCommit.afterTurn) until it is done, in the embedded store, the
 * writer thread's connection included: held by the turn's process from the commit on, free to take for
 * a retry once released or once its lease has run out, and forgotten by the sweep after a day.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { initialState } from '../../src/dialog/texts.ts';
import { openSqliteStore } from '../../src/store/sqlite.ts';
import { tempDir } from '../support/loket.ts';

const T0 = '2026-12-02T09:00:00.000Z';
const plus = (ms: number) => new Date(Date.parse(T0) + ms).toISOString();

describe.each([false, true])('after-turn work in the embedded store (writer thread: %s)', (writerThread) => {
  it('is held by the turn, taken once after release or lease, and pruned', async () => {
    const store = openSqliteStore(join(tempDir(), 'work.db'), { writerThread });
    try {
      const conv = await store.openConversation({ id: 'c1', channel: 'web', userId: null, now: T0 });
      const work = JSON.stringify({ effects: [{ type: 'queue_status' }] });
      await store.commitTurn({
        conversationId: 'c1', expectedEtag: conv.etag, state: initialState(), activities: [], handoffs: [],
        afterTurn: { activityId: 'c1|000001', json: work },
        feedback: [{ kind: 'score', score: 5, comment: '', about: 'contact', channel: 'web', at: T0 }, { kind: 'comment', about: 'contact', comment: 'top' }],
      }, T0);
      expect(await store.feedback.list({})).toEqual([{ conversationId: 'c1', score: 5, comment: 'top', about: 'contact', channel: 'web', at: T0 }]);
      // The turn's own process holds it from the commit on.
      expect(await store.afterTurn.claim('c1|000001', plus(29_000))).toBeNull();
      expect(await store.afterTurn.claim('c1|000001', plus(31_000))).toBe(work);
      // Taken: nobody else may have it, until it is released.
      expect(await store.afterTurn.claim('c1|000001', plus(32_000))).toBeNull();
      await store.afterTurn.release('c1|000001');
      expect(await store.afterTurn.claim('c1|000001', plus(33_000))).toBe(work);
      await store.afterTurn.done('c1|000001');
      await store.afterTurn.release('c1|000001');
      expect(await store.afterTurn.claim('c1|000001', plus(90_000))).toBeNull();
      expect(await store.afterTurn.claim('unknown', plus(90_000))).toBeNull();

      const row = (await store.getConversation('c1'))!;
      await store.commitTurn({ conversationId: 'c1', expectedEtag: row.etag, state: initialState(), activities: [], handoffs: [], afterTurn: { activityId: 'c1|000002', json: work } }, plus(60_000));
      expect(await store.afterTurn.prune(plus(60_000))).toBe(0);
      expect(await store.afterTurn.prune(plus(60_001))).toBe(1);
      expect(await store.afterTurn.claim('c1|000002', plus(3600_000))).toBeNull();
    } finally {
      await store.close();
    }
  });
});
