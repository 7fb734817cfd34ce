/** The handoff requests stored with turns, as the sweep for lost ones reads them (src/handoff/forgotten.ts). */
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { initialState } from '../../src/dialog/texts.ts';
import { openSqliteStore } from '../../src/store/sqlite.ts';
import { tempDir } from '../support/loket.ts';

describe('handoff requests in the embedded store', () => {
  it('opens a file made before a request kept its team, adds the column, and reads old and new requests back', async () => {
    const file = join(tempDir(), 'old.db');
    const old = new Database(file);
    old.exec(`CREATE TABLE handoff_requests (
      id INTEGER PRIMARY KEY AUTOINCREMENT, conversation_id TEXT NOT NULL, reason TEXT NOT NULL,
      evidence TEXT NOT NULL, priority INTEGER NOT NULL, case_number TEXT, created_at TEXT NOT NULL)`);
    old.prepare('INSERT INTO handoff_requests (conversation_id, reason, evidence, priority, case_number, created_at) VALUES (?, ?, ?, ?, ?, ?)')
      .run('c1', 'complaint', 'klacht', 2, null, '2026-12-02T09:00:00.000Z');
    old.close();
    const store = openSqliteStore(file, { threads: false });
    try {
      const conv = await store.openConversation({ id: 'c2', channel: 'web', userId: null, now: '2026-12-02T09:01:00.000Z' });
      await store.commitTurn({
        conversationId: 'c2', expectedEtag: conv.etag, state: initialState(), activities: [],
        handoffs: [{ reason: 'complaint', evidence: 'klacht', priority: 2, at: '2026-12-02T09:01:00.000Z', team: 'klachten' }],
      }, '2026-12-02T09:01:00.000Z');
      const read = await store.handoffs.requestsAfter(0, '2026-12-02T08:00:00.000Z', 10);
      expect(read.map((r) => ({ conversationId: r.conversationId, team: r.record.team }))).toEqual([{ conversationId: 'c1', team: undefined }, { conversationId: 'c2', team: 'klachten' }]);
      // Only from `since` on, and after the id given.
      expect(await store.handoffs.requestsAfter(0, '2026-12-02T09:00:30.000Z', 10)).toHaveLength(1);
      expect(await store.handoffs.requestsAfter(read[1]!.id, '2026-12-02T08:00:00.000Z', 10)).toEqual([]);
    } finally {
      await store.close();
    }
  });
});
