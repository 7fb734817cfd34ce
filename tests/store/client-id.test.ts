/**
 * The citizen's messages by their channelData.clientActivityID (findActivityByClientId), kept in a column
 * of their own that the writes fill: also for files made when an index on the JSON found them.
 */
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { initialState } from '../../src/dialog/texts.ts';
import { openSqliteStore } from '../../src/store/sqlite.ts';
import { tempDir } from '../support/loket.ts';

const NOW = '2026-12-06T10:00:00.000Z';
const user = { id: 'u1', role: 'user' as const };
const bot = { id: 'loket', name: 'Loket', role: 'bot' as const };
const message = (text: string, channelData?: Record<string, unknown>) => ({ type: 'message', from: user, conversation: { id: 'c1' }, text, ...(channelData ? { channelData } : {}) });

describe('activities by their client id in the embedded store', () => {
  it('opens a file made with the index on the JSON: finds the messages stored then, by a column filled from it', async () => {
    const file = join(tempDir(), 'old.db');
    const old = new Database(file);
    old.exec(`CREATE TABLE activities (
        conversation_id TEXT NOT NULL, seq INTEGER NOT NULL, id TEXT NOT NULL, json TEXT NOT NULL,
        created_at TEXT NOT NULL, PRIMARY KEY (conversation_id, seq));
      CREATE INDEX activities_by_client_id
        ON activities (conversation_id, json_extract(json, '$.channelData.clientActivityID'))
        WHERE json_extract(json, '$.channelData.clientActivityID') IS NOT NULL;
      CREATE TABLE conversations (
        id TEXT PRIMARY KEY, channel TEXT NOT NULL, user_id TEXT, created_at TEXT NOT NULL, updated_at TEXT NOT NULL,
        state TEXT, etag TEXT NOT NULL, last_seq INTEGER NOT NULL DEFAULT 0);`);
    old.prepare('INSERT INTO conversations VALUES (?, ?, NULL, ?, ?, NULL, ?, 3)').run('c1', 'web', NOW, NOW, 'e1');
    const ins = old.prepare('INSERT INTO activities VALUES (?, ?, ?, ?, ?)');
    ins.run('c1', 1, 'c1|1', JSON.stringify({ ...message('hallo', { clientActivityID: 'old-1' }), id: 'c1|1' }), NOW);
    ins.run('c1', 2, 'c1|2', JSON.stringify({ ...message('een getal', { clientActivityID: 7 }), id: 'c1|2' }), NOW);
    ins.run('c1', 3, 'c1|3', JSON.stringify({ type: 'message', from: bot, conversation: { id: 'c1' }, text: 'dag', id: 'c1|3' }), NOW);
    old.close();

    const store = openSqliteStore(file, { threads: false });
    try {
      expect((await store.findActivityByClientId('c1', 'old-1'))?.activity.text).toBe('hallo');
      // Only string ids were ever looked up (the pipeline passes strings): a number is no id.
      expect(await store.findActivityByClientId('c1', '7')).toBeNull();
      const db = store.raw as Database.Database;
      const indexes = db.prepare<[], { name: string }>("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'activities'").all().map((r) => r.name);
      expect(indexes).toContain('activities_client_id');
      expect(indexes).not.toContain('activities_by_client_id');
      expect(db.prepare('SELECT seq, client_id FROM activities ORDER BY seq').all()).toEqual([
        { seq: 1, client_id: 'old-1' }, { seq: 2, client_id: null }, { seq: 3, client_id: null },
      ]);
    } finally {
      await store.close();
    }
    // A second start finds the column and leaves the rows as they are.
    const again = openSqliteStore(file, { threads: false });
    try {
      expect((await again.findActivityByClientId('c1', 'old-1'))?.seq).toBe(1);
    } finally {
      await again.close();
    }
  });

  it('fills the column in a turn\'s commit and in an append, for string ids only, and finds the first copy', async () => {
    const store = openSqliteStore(':memory:');
    try {
      const conv = await store.openConversation({ id: 'c1', channel: 'web', userId: null, now: NOW });
      const received = { seq: 1, activity: { ...message('hoe staat het met mijn aanvraag', { clientActivityID: 'turn-1' }), id: 'c1|1', timestamp: NOW } };
      const reply = { seq: 2, activity: { type: 'message', from: bot, conversation: { id: 'c1' }, text: 'Welk zaaknummer?', replyToId: 'c1|1', id: 'c1|2', timestamp: NOW } };
      await store.commitTurn({ conversationId: 'c1', expectedEtag: conv.etag, state: initialState(), activities: [received, reply], handoffs: [] }, NOW);
      await store.appendActivities('c1', [message('LINK 1234 5678', { clientActivityID: 'append-1' }), message('getal', { clientActivityID: 3 })], NOW);
      await store.appendActivities('c1', [message('nog eens', { clientActivityID: 'turn-1' })], NOW);

      expect((await store.findActivityByClientId('c1', 'turn-1'))?.activity.text).toBe('hoe staat het met mijn aanvraag');
      expect((await store.findActivityByClientId('c1', 'append-1'))?.seq).toBe(3);
      expect(await store.findActivityByClientId('c1', '3')).toBeNull();
      expect(await store.findActivityByClientId('c2', 'turn-1')).toBeNull();
      const db = store.raw as Database.Database;
      expect(db.prepare('SELECT seq, client_id FROM activities ORDER BY seq').all()).toEqual([
        { seq: 1, client_id: 'turn-1' }, { seq: 2, client_id: null }, { seq: 3, client_id: 'append-1' }, { seq: 4, client_id: null }, { seq: 5, client_id: 'turn-1' },
      ]);
    } finally {
      await store.close();
    }
  });
});
