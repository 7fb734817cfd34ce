/**
 * The writer thread: with a database file the conversation writes run in a worker thread. When it
 * dies (here: stopped at once, at different moments of a batch), no turn is lost or written twice,
 * and the store goes on writing on its own connection.
 */
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { initialState } from '../../src/dialog/texts.ts';
import { activityId } from '../../src/store/ids.ts';
import { openSqliteStore, type SqliteStore } from '../../src/store/sqlite.ts';
import type { ConversationRow } from '../../src/store/types.ts';
import { tempDir } from '../support/loket.ts';

const NOW = '2026-11-28T12:00:00.000Z';
const stores: SqliteStore[] = [];
afterEach(async () => {
  for (const s of stores.splice(0)) await s.close();
});

async function withWriter(): Promise<{ store: SqliteStore; file: string }> {
  const file = join(tempDir(), 'loket.db');
  const store = openSqliteStore(file, { writerThread: true });
  stores.push(store);
  for (let i = 0; i < 500 && !store.writerThread(); i++) await new Promise((r) => setTimeout(r, 10));
  expect(store.writerThread()?.alive).toBe(true);
  return { store, file };
}

function turn(row: ConversationRow, text: string) {
  const seq = row.lastSeq + 1;
  return {
    conversationId: row.id, expectedEtag: row.etag, state: { ...initialState(), turns: seq }, handoffs: [],
    activities: [{ seq, activity: { type: 'message', id: activityId(row.id, seq), timestamp: NOW, conversation: { id: row.id }, from: { id: 'c', role: 'user' }, text } }],
  };
}

const count = (file: string) => {
  const db = new Database(file, { readonly: true });
  try {
    return (db.prepare('SELECT count(*) AS n FROM activities').get() as { n: number }).n;
  } finally {
    db.close();
  }
};

describe('the SQLite writer thread', () => {
  it('writes turns, appends and new conversations', async () => {
    const { store, file } = await withWriter();
    const row = await store.openConversation({ id: 'a', channel: 'web', userId: null, now: NOW });
    const { stored } = await store.appendActivities('a', [{ type: 'message', conversation: { id: 'a' }, from: { id: 'loket', role: 'bot' }, text: 'welkom' }], NOW);
    expect(stored).toMatchObject([{ seq: 1, activity: { id: 'a|0000001', text: 'welkom' } }]);
    await store.commitTurn(turn((await store.getConversation('a'))!, 'hallo'), NOW);
    expect(await store.listActivities('a', 0, 10)).toHaveLength(2);
    expect(count(file)).toBe(2);
    expect(row.lastSeq).toBe(0);
  });

  for (const when of ['before the batch is sent', 'just after it is sent', 'a moment later']) {
    it(`loses no turn and writes none twice when it dies ${when}`, async () => {
      const { store, file } = await withWriter();
      const rows = await Promise.all(Array.from({ length: 30 }, (_, i) => store.openConversation({ id: `c${i}`, channel: 'web', userId: null, now: NOW })));
      const commits = rows.map((r) => store.commitTurn(turn(r, `bericht ${r.id}`), NOW));
      const writer = store.writerThread()!;
      if (when === 'just after it is sent') await new Promise((r) => setImmediate(r));
      if (when === 'a moment later') await new Promise((r) => setTimeout(r, 2));
      await writer.kill();
      await Promise.all(commits);
      expect(count(file)).toBe(30);
      // Later turns go on, on the store's own connection.
      await store.commitTurn(turn((await store.getConversation('c0'))!, 'nog een'), NOW);
      await store.appendActivities('c1', [{ type: 'message', conversation: { id: 'c1' }, from: { id: 'loket', role: 'bot' }, text: 'ok' }], NOW);
      expect(count(file)).toBe(32);
      expect((await store.listActivities('c0', 0, 10)).map((s) => s.seq)).toEqual([1, 2]);
    });
  }
});
