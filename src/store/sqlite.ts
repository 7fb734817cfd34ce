/**
 * The embedded store: one SQLite file (WAL mode) through better-sqlite3. Synchronous underneath,
 * wrapped in the async Store interface. Conversations (row cache, group commit) are in
 * sqlite-conversations.ts.
 */
import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { CaseRow, CaseTable, Store } from './types.ts';
import { startCheckpointer, type CheckpointerOptions } from './checkpointer.ts';
import { CLIENT_IDS_KEPT, configureConnection } from './sqlite-writes.ts';
import { sqliteConversations, type ConversationCacheOptions, type SqliteConversations } from './sqlite-conversations.ts';
import { CODES_SCHEMA, sqliteChecks, sqliteCodes } from './sqlite-codes.ts';
import { HANDOFF_SCHEMA, sqliteAfterTurn, sqliteCorrections, sqliteFeedback, sqliteAddresses, sqliteHandoffs, sqliteSessions, sqliteUsers } from './sqlite-handoffs.ts';

const SCHEMA = `
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS conversations (
  id TEXT PRIMARY KEY, channel TEXT NOT NULL, user_id TEXT,
  created_at TEXT NOT NULL, updated_at TEXT NOT NULL,
  state TEXT, etag TEXT NOT NULL, last_seq INTEGER NOT NULL DEFAULT 0);
-- client_id: the channelData.clientActivityID of the activity (a string), NULL when it has none; the
-- latest are also on the conversation's row (client_ids), which is how a retried message is found.
CREATE TABLE IF NOT EXISTS activities (
  conversation_id TEXT NOT NULL, seq INTEGER NOT NULL, id TEXT NOT NULL, json TEXT NOT NULL,
  created_at TEXT NOT NULL, client_id TEXT, PRIMARY KEY (conversation_id, seq));
CREATE TABLE IF NOT EXISTS handoff_requests (
  id INTEGER PRIMARY KEY AUTOINCREMENT, conversation_id TEXT NOT NULL, reason TEXT NOT NULL,
  evidence TEXT NOT NULL, priority INTEGER NOT NULL, case_number TEXT, created_at TEXT NOT NULL);
-- The sweep reads the requests of the last minutes (src/handoff/forgotten.ts).
CREATE INDEX IF NOT EXISTS handoff_requests_created ON handoff_requests (created_at);
CREATE TABLE IF NOT EXISTS processed (key TEXT PRIMARY KEY, created_at TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS cases (number TEXT PRIMARY KEY, json TEXT NOT NULL);
`;

/**
 * The id their client gave the citizen's messages (channelData.clientActivityID), in a column the
 * writes fill from the activity they already hold. It was an index on json_extract(json, …), which
 * made SQLite parse the JSON of every activity stored. Files made before the column get it here,
 * filled from the JSON, in one write transaction that checks first, so of two processes starting on
 * the file only one does it. How a retry is found: keepClientIdsOnConversations.
 */
function addClientIdColumn(db: Database.Database): void {
  const migrate = db.transaction(() => {
    if (db.prepare<[], { name: string }>('PRAGMA table_info(activities)').all().some((c) => c.name === 'client_id')) return;
    db.exec(`ALTER TABLE activities ADD COLUMN client_id TEXT;
      UPDATE activities SET client_id = json_extract(json, '$.channelData.clientActivityID')
        WHERE json_type(json, '$.channelData.clientActivityID') = 'text';
      DROP INDEX IF EXISTS activities_by_client_id;`);
  });
  migrate.immediate();
}

/**
 * The client ids of a conversation's latest messages on its row (ClientIds in sqlite-writes.ts), in
 * place of an index on activities.client_id: that index took a page write per turn at the commit
 * (bench/README.md). Files made with the index get the column, filled from it for every conversation,
 * and lose the index; in one write transaction that checks first, as above.
 */
function keepClientIdsOnConversations(db: Database.Database): void {
  const done = () => db.prepare<[], { name: string }>('PRAGMA table_info(conversations)').all().some((c) => c.name === 'client_ids');
  // Done on every start but the first: no write lock for it then.
  if (done()) return;
  const migrate = db.transaction(() => {
    if (done()) return;
    db.exec('ALTER TABLE conversations ADD COLUMN client_ids TEXT');
    db.prepare(`UPDATE conversations SET client_ids = (
        SELECT json_group_array(json_array(client_id, seq)) FROM (
          SELECT client_id, seq FROM activities a WHERE a.conversation_id = conversations.id AND a.client_id IS NOT NULL
          ORDER BY a.seq DESC LIMIT ?))
      WHERE EXISTS (SELECT 1 FROM activities a WHERE a.conversation_id = conversations.id AND a.client_id IS NOT NULL)`).run(CLIENT_IDS_KEPT);
    db.exec('DROP INDEX IF EXISTS activities_client_id');
  });
  migrate.immediate();
}

/** Opens (and creates) the SQLite store at `file`; `:memory:` for tests. */
export interface SqliteStoreOptions extends ConversationCacheOptions {
  /** The checkpoint worker failed; the store checkpoints on its own connection from then on. */
  onCheckpointError?(err: Error): void;
  /**
   * Checkpoint settings, or false when another process on the same file runs the checkpoints (the
   * workers of LOKET_WORKERS other than the first): this one then never checkpoints inline either.
   */
  checkpoint?: Omit<CheckpointerOptions, 'onError'> | false;
  /** false: no writer or checkpoint thread (a short-lived store, like the cluster primary's preparation). */
  threads?: boolean;
  /**
   * true: conversation writes run in a writer thread on its own connection (LOKET_WRITER_THREAD=on).
   * Default false: the group commit runs on this connection, which costs less CPU per turn than the
   * hop to the thread and back (bench/turns.ts), since WAL commits with synchronous=NORMAL do not sync.
   */
  writerThread?: boolean;
}

/** The embedded store; `writerThread` is there for tests that stop it. */
export type SqliteStore = Store & Pick<SqliteConversations, 'writerThread'>;

export function openSqliteStore(file: string, opts: SqliteStoreOptions = {}): SqliteStore {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const db = new Database(file);
  configureConnection(db);
  db.exec(SCHEMA);
  // Files made before the requests kept their team (src/handoff/forgotten.ts reads it back). Another
  // process starting on the same file may add it first.
  if (!db.prepare<[], { name: string }>('PRAGMA table_info(handoff_requests)').all().some((c) => c.name === 'team')) {
    try {
      db.exec('ALTER TABLE handoff_requests ADD COLUMN team TEXT');
    } catch (err) {
      if (!/duplicate column/i.test((err as Error).message)) throw err;
    }
  }
  addClientIdColumn(db);
  keepClientIdsOnConversations(db);
  db.exec(HANDOFF_SCHEMA);
  db.exec(CODES_SCHEMA);

  // WAL checkpoints in a worker thread, so no commit ever waits for one (checkpointer.ts).
  const threads = file !== ':memory:' && opts.threads !== false;
  const checkpointer = threads && opts.checkpoint !== false ? startCheckpointer(db, file, { ...opts.checkpoint, onError: opts.onCheckpointError }) : null;
  if (threads && opts.checkpoint === false) db.pragma('wal_autocheckpoint = 0');
  const conversations = sqliteConversations(db, threads && opts.writerThread ? { ...opts, writerFile: file } : opts);
  const q = {
    insProcessed: db.prepare('INSERT OR IGNORE INTO processed (key, created_at) VALUES (?, ?)'),
    getMeta: db.prepare<[string], { value: string }>('SELECT value FROM meta WHERE key = ?'),
    insMeta: db.prepare('INSERT OR IGNORE INTO meta (key, value) VALUES (?, ?)'),
    getCase: db.prepare<[string], { json: string }>('SELECT json FROM cases WHERE number = ?'),
    upsertCase: db.prepare('INSERT INTO cases (number, json) VALUES (?, ?) ON CONFLICT(number) DO UPDATE SET json = excluded.json'),
    countCases: db.prepare<[], { n: number }>('SELECT count(*) AS n FROM cases'),
  };

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
    openConversation: conversations.openConversation,
    getConversation: conversations.getConversation,
    appendActivities: conversations.appendActivities,
    commitTurn: conversations.commitTurn,
    listActivities: conversations.listActivities,
    findActivityByClientId: conversations.findActivityByClientId,
    writerThread: conversations.writerThread,
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
    checks: sqliteChecks(db),
    feedback: sqliteFeedback(db),
    afterTurn: sqliteAfterTurn(db),
    corrections: sqliteCorrections(db),
    users: sqliteUsers(db),
    sessions: sqliteSessions(db),
    raw: db,
    async close() {
      await conversations.drain();
      await checkpointer?.stop();
      db.close();
    },
  };
}
