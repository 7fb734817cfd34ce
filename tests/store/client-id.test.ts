/**
 * The citizen's messages by their channelData.clientActivityID (findActivityByClientId): each in a column
 * of its own that the writes fill, and the latest 16 on the conversation's row, which is how a retry is
 * found (no index on the activities). Also for files made when an index on the JSON, and later one on
 * the column, found them.
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
      expect(indexes).toEqual(['sqlite_autoindex_activities_1']);
      expect(db.prepare('SELECT seq, client_id FROM activities ORDER BY seq').all()).toEqual([
        { seq: 1, client_id: 'old-1' }, { seq: 2, client_id: null }, { seq: 3, client_id: null },
      ]);
      expect(db.prepare('SELECT client_ids FROM conversations').get()).toEqual({ client_ids: '[["old-1",1]]' });
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

  it('opens a file made with the index on the column: fills the conversations\' lists from it (latest 16) and drops the index', async () => {
    const file = join(tempDir(), 'indexed.db');
    const old = new Database(file);
    old.exec(`CREATE TABLE conversations (
        id TEXT PRIMARY KEY, channel TEXT NOT NULL, user_id TEXT, created_at TEXT NOT NULL, updated_at TEXT NOT NULL,
        state TEXT, etag TEXT NOT NULL, last_seq INTEGER NOT NULL DEFAULT 0);
      CREATE TABLE activities (
        conversation_id TEXT NOT NULL, seq INTEGER NOT NULL, id TEXT NOT NULL, json TEXT NOT NULL,
        created_at TEXT NOT NULL, client_id TEXT, PRIMARY KEY (conversation_id, seq));
      CREATE INDEX activities_client_id ON activities (conversation_id, client_id) WHERE client_id IS NOT NULL;`);
    const conv = old.prepare('INSERT INTO conversations VALUES (?, ?, NULL, ?, ?, NULL, ?, ?)');
    conv.run('c1', 'web', NOW, NOW, 'e1', 40);
    conv.run('c2', 'web', NOW, NOW, 'e2', 1);
    conv.run('c3', 'web', NOW, NOW, 'e3', 0);
    const ins = old.prepare('INSERT INTO activities VALUES (?, ?, ?, ?, ?, ?)');
    for (let seq = 1; seq <= 40; seq++) {
      const clientId = seq % 2 === 1 ? `m-${seq}` : null;
      ins.run('c1', seq, `c1|${seq}`, JSON.stringify({ ...message(`bericht ${seq}`, clientId ? { clientActivityID: clientId } : undefined), id: `c1|${seq}` }), NOW, clientId);
    }
    ins.run('c2', 1, 'c2|1', JSON.stringify({ ...message('hallo'), id: 'c2|1' }), NOW, null);
    old.close();

    const store = openSqliteStore(file, { threads: false });
    try {
      const db = store.raw as Database.Database;
      expect(db.prepare<[], { name: string }>("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'activities'").all().map((r) => r.name))
        .toEqual(['sqlite_autoindex_activities_1']);
      const lists = db.prepare<[], { id: string; client_ids: string | null }>('SELECT id, client_ids FROM conversations ORDER BY id').all();
      // Newest first: the odd seqs 39 down to 9.
      expect(JSON.parse(lists[0]!.client_ids!)).toEqual(Array.from({ length: 16 }, (_, i) => [`m-${39 - 2 * i}`, 39 - 2 * i]));
      expect(lists.slice(1)).toEqual([{ id: 'c2', client_ids: null }, { id: 'c3', client_ids: null }]);
      expect((await store.findActivityByClientId('c1', 'm-39'))?.activity.text).toBe('bericht 39');
      expect((await store.findActivityByClientId('c1', 'm-9'))?.seq).toBe(9);
      // Older than the latest 16: a client retries what it is sending, not what it sent long ago.
      expect(await store.findActivityByClientId('c1', 'm-7')).toBeNull();
      expect(await store.findActivityByClientId('c2', 'm-39')).toBeNull();
      expect(await store.findActivityByClientId('c3', 'm-39')).toBeNull();
    } finally {
      await store.close();
    }
  });

  it('keeps the latest 16 through turns and appends, also when the turn\'s commit has to read the list', async () => {
    // One cached row: opening c2 pushes c1 out, so c1's next commit does not know its list and reads it.
    const store = openSqliteStore(':memory:', { cachedRows: 1 });
    try {
      const db = store.raw as Database.Database;
      const stored = () => JSON.parse(db.prepare<[], { client_ids: string }>("SELECT client_ids FROM conversations WHERE id = 'c1'").get()!.client_ids) as Array<[string, number]>;
      let etag = (await store.openConversation({ id: 'c1', channel: 'web', userId: null, now: NOW })).etag;
      let seq = 0;
      for (let i = 1; i <= 20; i++) {
        if (i === 12) await store.openConversation({ id: 'c2', channel: 'web', userId: null, now: NOW });
        if (i % 5 === 0) {
          const { stored } = await store.appendActivities('c1', [message(`los ${i}`, { clientActivityID: `a-${i}` })], NOW);
          seq = stored.at(-1)!.seq;
          etag = (await store.getConversation('c1', { fresh: true }))!.etag;
          continue;
        }
        const received = { seq: seq + 1, activity: { ...message(`vraag ${i}`, { clientActivityID: `t-${i}` }), id: `c1|${seq + 1}`, timestamp: NOW } };
        const reply = { seq: seq + 2, activity: { type: 'message', from: bot, conversation: { id: 'c1' }, text: `antwoord ${i}`, replyToId: received.activity.id, id: `c1|${seq + 2}`, timestamp: NOW } };
        etag = await store.commitTurn({ conversationId: 'c1', expectedEtag: etag, state: initialState(), activities: [received, reply], handoffs: [] }, NOW);
        seq += 2;
        // The commit that read the list wrote it with its own message first.
        if (i === 12) expect(stored()[0]).toEqual(['t-12', seq - 1]);
      }
      const list = stored();
      expect(list.map(([id]) => id)).toEqual(Array.from({ length: 16 }, (_, i) => `${(20 - i) % 5 === 0 ? 'a' : 't'}-${20 - i}`));
      for (let i = 5; i <= 20; i++) expect((await store.findActivityByClientId('c1', `${i % 5 === 0 ? 'a' : 't'}-${i}`))?.activity.text).toBe(`${i % 5 === 0 ? 'los' : 'vraag'} ${i}`);
      expect(await store.findActivityByClientId('c1', 't-4')).toBeNull();
    } finally {
      await store.close();
    }
  });
});
