/**
 * The embedded store: one SQLite file (WAL mode) through better-sqlite3. Synchronous underneath,
 * wrapped in the async Store interface.
 */
import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { randomUUID } from 'node:crypto';
import { LoketError } from '../errors.ts';
import type { ActivityJson, ChannelId, StoredActivity } from '../conversation/types.ts';
import type { CaseRow, CaseTable, ConversationRow, Store, TurnCommit } from './types.ts';
import { activityId } from './ids.ts';
import { CODES_SCHEMA, sqliteCodes } from './sqlite-codes.ts';
import { HANDOFF_SCHEMA, sqliteFeedback, sqliteAddresses, sqliteHandoffs, sqliteSessions, sqliteUsers } from './sqlite-handoffs.ts';

const SCHEMA = `
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS conversations (
  id TEXT PRIMARY KEY, channel TEXT NOT NULL, user_id TEXT,
  created_at TEXT NOT NULL, updated_at TEXT NOT NULL,
  state TEXT, etag TEXT NOT NULL, last_seq INTEGER NOT NULL DEFAULT 0);
CREATE TABLE IF NOT EXISTS activities (
  conversation_id TEXT NOT NULL, seq INTEGER NOT NULL, id TEXT NOT NULL, json TEXT NOT NULL,
  created_at TEXT NOT NULL, PRIMARY KEY (conversation_id, seq));
CREATE TABLE IF NOT EXISTS handoff_requests (
  id INTEGER PRIMARY KEY AUTOINCREMENT, conversation_id TEXT NOT NULL, reason TEXT NOT NULL,
  evidence TEXT NOT NULL, priority INTEGER NOT NULL, case_number TEXT, created_at TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS processed (key TEXT PRIMARY KEY, created_at TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS cases (number TEXT PRIMARY KEY, json TEXT NOT NULL);
`;

interface ConvSql {
  id: string; channel: string; user_id: string | null; created_at: string; updated_at: string;
  state: string | null; etag: string; last_seq: number;
}

function toRow(r: ConvSql): ConversationRow {
  return {
    id: r.id,
    channel: r.channel as ChannelId,
    userId: r.user_id,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    state: r.state ? JSON.parse(r.state) : null,
    etag: r.etag,
    lastSeq: r.last_seq,
  };
}

/** Opens (and creates) the SQLite store at `file`; `:memory:` for tests. */
export function openSqliteStore(file: string): Store {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('busy_timeout = 5000');
  db.exec(SCHEMA);
  db.exec(HANDOFF_SCHEMA);
  db.exec(CODES_SCHEMA);

  const q = {
    getConv: db.prepare<[string], ConvSql>('SELECT * FROM conversations WHERE id = ?'),
    insConv: db.prepare(
      'INSERT OR IGNORE INTO conversations (id, channel, user_id, created_at, updated_at, state, etag, last_seq) VALUES (?, ?, ?, ?, ?, NULL, ?, 0)',
    ),
    bumpConv: db.prepare('UPDATE conversations SET last_seq = ?, etag = ?, updated_at = ? WHERE id = ?'),
    commitConv: db.prepare('UPDATE conversations SET state = ?, last_seq = ?, etag = ?, updated_at = ? WHERE id = ? AND etag = ?'),
    insAct: db.prepare('INSERT INTO activities (conversation_id, seq, id, json, created_at) VALUES (?, ?, ?, ?, ?)'),
    listAct: db.prepare<[string, number, number], { seq: number; json: string }>(
      'SELECT seq, json FROM activities WHERE conversation_id = ? AND seq > ? ORDER BY seq LIMIT ?',
    ),
    insHandoff: db.prepare(
      'INSERT INTO handoff_requests (conversation_id, reason, evidence, priority, case_number, created_at) VALUES (?, ?, ?, ?, ?, ?)',
    ),
    insProcessed: db.prepare('INSERT OR IGNORE INTO processed (key, created_at) VALUES (?, ?)'),
    getMeta: db.prepare<[string], { value: string }>('SELECT value FROM meta WHERE key = ?'),
    insMeta: db.prepare('INSERT OR IGNORE INTO meta (key, value) VALUES (?, ?)'),
    getCase: db.prepare<[string], { json: string }>('SELECT json FROM cases WHERE number = ?'),
    upsertCase: db.prepare('INSERT INTO cases (number, json) VALUES (?, ?) ON CONFLICT(number) DO UPDATE SET json = excluded.json'),
    countCases: db.prepare<[], { n: number }>('SELECT count(*) AS n FROM cases'),
  };

  const mustGet = (id: string): ConvSql => {
    const row = q.getConv.get(id);
    if (!row) throw new LoketError('CONVERSATION_NOT_FOUND', [id]);
    return row;
  };

  const append = db.transaction((conversationId: string, activities: ActivityJson[], now: string) => {
    const row = mustGet(conversationId);
    let seq = row.last_seq;
    const stored: StoredActivity[] = activities.map((a) => {
      seq += 1;
      const activity = { ...a, id: a.id ?? activityId(conversationId, seq), timestamp: a.timestamp ?? now };
      q.insAct.run(conversationId, seq, activity.id, JSON.stringify(activity), now);
      return { seq, activity };
    });
    const etag = randomUUID();
    q.bumpConv.run(seq, etag, now, conversationId);
    return { stored, etag };
  });

  const commit = db.transaction((c: TurnCommit, now: string) => {
    const last = c.activities.at(-1);
    const row = mustGet(c.conversationId);
    const lastSeq = last ? last.seq : row.last_seq;
    const etag = randomUUID();
    const res = q.commitConv.run(JSON.stringify(c.state), lastSeq, etag, now, c.conversationId, c.expectedEtag);
    if (res.changes !== 1) throw new LoketError('CONVERSATION_CONFLICT');
    for (const s of c.activities) {
      q.insAct.run(c.conversationId, s.seq, s.activity.id, JSON.stringify(s.activity), now);
    }
    for (const h of c.handoffs) {
      q.insHandoff.run(c.conversationId, h.reason, h.evidence, h.priority, h.caseNumber ?? null, h.at);
    }
    return etag;
  });

  const cases: CaseTable = {
    async get(number) {
      const r = q.getCase.get(number);
      return r ? (JSON.parse(r.json) as CaseRow) : null;
    },
    async upsert(row) {
      q.upsertCase.run(row.number, JSON.stringify(row));
    },
    async count() {
      return q.countCases.get()?.n ?? 0;
    },
  };

  return {
    async openConversation({ id, channel, userId, now }) {
      q.insConv.run(id, channel, userId, now, now, randomUUID());
      return toRow(mustGet(id));
    },
    async getConversation(id) {
      const r = q.getConv.get(id);
      return r ? toRow(r) : null;
    },
    async appendActivities(conversationId, activities, now) {
      return append(conversationId, activities, now);
    },
    async commitTurn(c, now) {
      return commit(c, now);
    },
    async listActivities(conversationId, afterSeq, limit) {
      return q.listAct.all(conversationId, afterSeq, limit).map((r) => ({ seq: r.seq, activity: JSON.parse(r.json) }));
    },
    async markProcessed(key, now) {
      return q.insProcessed.run(key, now).changes === 1;
    },
    async secret(name, make) {
      q.insMeta.run(`secret:${name}`, make());
      return q.getMeta.get(`secret:${name}`)!.value;
    },
    cases,
    handoffs: sqliteHandoffs(db),
    addresses: sqliteAddresses(db),
    codes: sqliteCodes(db),
    feedback: sqliteFeedback(db),
    users: sqliteUsers(db),
    sessions: sqliteSessions(db),
    raw: db,
    async close() {
      db.close();
    },
  };
}
