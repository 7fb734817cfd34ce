/**
 * After-turn work kept with a turn (TurnCommit.afterTurn) until it is done, in the embedded store, the
 * writer thread's connection included: held by the turn's token from the commit on, free to take once
 * let go of or once its lease has run out, let go of or done only by whoever holds it, and pruned.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { initialState } from '../../src/dialog/texts.ts';
import { openSqliteStore } from '../../src/store/sqlite.ts';
import { tempDir } from '../support/loket.ts';

const T0 = '2026-12-02T09:00:00.000Z';
const plus = (ms: number) => new Date(Date.parse(T0) + ms).toISOString();

describe.each([false, true])('after-turn work in the embedded store (writer thread: %s)', (writerThread) => {
  it('is held by the turn, taken by one at a time after release or lease, and pruned', async () => {
    const store = openSqliteStore(join(tempDir(), 'work.db'), { writerThread });
    try {
      const conv = await store.openConversation({ id: 'c1', channel: 'web', userId: null, now: T0 });
      const work = JSON.stringify({ effects: [{ type: 'queue_status' }] });
      const activity = (seq: number) => ({ seq, activity: { type: 'message', id: `c1|${seq}`, from: { id: 'u', role: 'user' as const }, conversation: { id: 'c1' }, text: 'x', timestamp: T0 } });
      await store.commitTurn({
        conversationId: 'c1', expectedEtag: conv.etag, state: initialState(), activities: [activity(1), activity(2)], handoffs: [],
        afterTurn: { activityId: 'c1|1', json: work, token: 'turn' },
        feedback: [{ kind: 'score', score: 5, comment: '', about: 'contact', channel: 'web', at: T0 }, { kind: 'comment', about: 'contact', comment: 'top' }],
      }, T0);
      expect(await store.feedback.list({})).toEqual([{ conversationId: 'c1', score: 5, comment: 'top', about: 'contact', channel: 'web', at: T0 }]);
      // The turn holds it from the commit on: not loose, not to be taken, until its lease runs out.
      expect(await store.afterTurn.loose(plus(29_000), T0, 10)).toEqual([]);
      expect(await store.afterTurn.claim('c1|1', plus(29_000), 'retry')).toBeNull();
      expect(await store.afterTurn.loose(plus(31_000), T0, 10)).toEqual(['c1|1']);
      expect(await store.afterTurn.claim('c1|1', plus(31_000), 'retry')).toEqual({ conversationId: 'c1', json: work, lastSeq: 2 });
      // The turn, late, can neither let go of it nor mark it done: the retry holds it now.
      await store.afterTurn.release('c1|1', 'turn');
      await store.afterTurn.done('c1|1', 'turn');
      expect(await store.afterTurn.claim('c1|1', plus(32_000), 'sweep')).toBeNull();
      await store.afterTurn.release('c1|1', 'retry');
      expect(await store.afterTurn.loose(plus(33_000), T0, 10)).toEqual(['c1|1']);
      expect(await store.afterTurn.claim('c1|1', plus(33_000), 'sweep')).not.toBeNull();
      await store.afterTurn.done('c1|1', 'sweep');
      expect(await store.afterTurn.claim('c1|1', plus(90_000), 'late')).toBeNull();
      expect(await store.afterTurn.claim('unknown', plus(90_000), 'late')).toBeNull();
      // Made before `since`: no longer loose for the sweep; pruned before `before`.
      const row = (await store.getConversation('c1'))!;
      await store.commitTurn({ conversationId: 'c1', expectedEtag: row.etag, state: initialState(), activities: [], handoffs: [], afterTurn: { activityId: 'c1|3', json: work, token: 'turn' } }, plus(60_000));
      expect(await store.afterTurn.loose(plus(3600_000), plus(60_001), 10)).toEqual([]);
      expect(await store.afterTurn.prune(plus(60_000))).toBe(0);
      expect(await store.afterTurn.prune(plus(60_001))).toBe(1);
      expect(await store.afterTurn.claim('c1|3', plus(3600_000), 'late')).toBeNull();
    } finally {
      await store.close();
    }
  });
});
