/** WAL checkpoints run in a worker thread: the store's own connection never copies the WAL back in a commit. */
import Database from 'better-sqlite3';
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { initialState } from '../../src/dialog/texts.ts';
import { activityId } from '../../src/store/ids.ts';
import { openSqliteStore } from '../../src/store/sqlite.ts';
import type { ConversationRow, Store } from '../../src/store/types.ts';
import { tempDir } from '../support/loket.ts';

const NOW = '2026-11-28T12:00:00.000Z';
const stores: Store[] = [];
afterEach(async () => {
  for (const s of stores.splice(0)) await s.close();
});

const walBytes = (file: string) => {
  try {
    return statSync(`${file}-wal`).size;
  } catch {
    return 0;
  }
};

async function writeTurns(store: Store, rows: ConversationRow[], turns: number, text: string) {
  for (let i = 0; i < turns; i++) {
    await Promise.all(rows.map(async (r, k) => {
      const row = (await store.getConversation(r.id))!;
      const seq = row.lastSeq + 1;
      const activity = { type: 'message', id: activityId(row.id, seq), timestamp: NOW, conversation: { id: row.id }, from: { id: 'c', role: 'user' }, text: `${text} ${i} ${k}` };
      await store.commitTurn({ conversationId: row.id, expectedEtag: row.etag, state: { ...initialState(), turns: i }, activities: [{ seq, activity }], handoffs: [] }, NOW);
    }));
  }
}

/** Opens 20 conversations on `store` and writes 15 rounds of 10 turns of ~2 kB each; returns the largest WAL seen, in pages. */
async function largestWalWhileWriting(store: Store, file: string, prefix: string): Promise<number> {
  const rows = await Promise.all(Array.from({ length: 20 }, (_, i) => store.openConversation({ id: `${prefix}${i}`, channel: 'web', userId: null, now: NOW })));
  const filler = 'x'.repeat(2000);
  let maxWal = 0;
  for (let round = 0; round < 15; round++) {
    await writeTurns(store, rows, 10, filler);
    maxWal = Math.max(maxWal, walBytes(file));
    // A pause between rounds as between bursts of traffic; on a machine busy with other work the
    // checkpoint thread gets its turn in it (with 15 ms, one CI run under load saw 2,300 pages).
    await new Promise((r) => setTimeout(r, 40));
  }
  return maxWal / ((store.raw as Database.Database).pragma('page_size', { simple: true }) as number);
}

describe('the embedded store: WAL checkpoints in a worker', () => {
  it('keeps the WAL bounded under a steady stream of commits, and loses nothing', async () => {
    const file = join(tempDir(), 'loket.db');
    const store = openSqliteStore(file, { checkpoint: { everyMs: 10, restartFrames: 200 } });
    stores.push(store);
    // The store's own connection does not checkpoint.
    expect((store.raw as Database.Database).pragma('wal_autocheckpoint', { simple: true })).toBe(0);
    // 3,000 activities of ~2 kB are ~6 MB of pages; without checkpoints the WAL would hold them all.
    expect(await largestWalWhileWriting(store, file, 'c')).toBeLessThan(1500);
    // Everything is in the database, as a second connection sees it.
    const other = new Database(file, { readonly: true });
    try {
      expect((other.prepare('SELECT count(*) AS n FROM activities').get() as { n: number }).n).toBe(3000);
    } finally {
      other.close();
    }
  });

  it('with several processes on one file, the one that checkpoints keeps the WAL bounded for all', async () => {
    const file = join(tempDir(), 'loket.db');
    // The first worker of LOKET_WORKERS checkpoints; another opens the same file with checkpoint: false.
    const leader = openSqliteStore(file, { checkpoint: { everyMs: 10, restartFrames: 200 } });
    const other = openSqliteStore(file, { checkpoint: false });
    stores.push(other, leader);
    expect((other.raw as Database.Database).pragma('wal_autocheckpoint', { simple: true })).toBe(0);
    // Without the leader's checkpoints this WAL passes 4,000 pages; under a loaded machine ~1,100 were seen.
    expect(await largestWalWhileWriting(other, file, 'o')).toBeLessThan(2000);
    expect((await leader.listActivities('o7', 0, 1000)).length).toBe(150);
  });

  it('closes cleanly, and the data is there after a restart', async () => {
    const file = join(tempDir(), 'loket.db');
    const store = openSqliteStore(file);
    const [row] = await Promise.all([store.openConversation({ id: 'a', channel: 'web', userId: null, now: NOW })]);
    await writeTurns(store, [row!], 5, 'hallo');
    await store.close();
    const again = openSqliteStore(file);
    stores.push(again);
    expect(await again.getConversation('a')).toMatchObject({ lastSeq: 5 });
    expect(await again.listActivities('a', 0, 10)).toHaveLength(5);
  });
});
