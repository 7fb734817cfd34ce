/** Handoffs, notes, caseworker accounts and sessions in the embedded SQLite store. */
import type Database from 'better-sqlite3';
import type { Handoff, Note } from '../handoff/types.ts';
import { AFTER_TURN_LEASE_MS, type AfterTurnTable, type Correction, type CorrectionTable, type Feedback, type FeedbackTable, type Address, type AddressTable, type HandoffTable, type SessionTable, type User, type UserTable } from './types.ts';
import type { ChannelId } from '../conversation/types.ts';
import type { HandoffRecord } from '../dialog/types.ts';

export const HANDOFF_SCHEMA = `
CREATE TABLE IF NOT EXISTS handoffs (
  id TEXT PRIMARY KEY, conversation_id TEXT NOT NULL, state TEXT NOT NULL, team TEXT NOT NULL,
  priority INTEGER NOT NULL, queued_at TEXT NOT NULL, version INTEGER NOT NULL, json TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS handoffs_conversation ON handoffs (conversation_id, state);
CREATE INDEX IF NOT EXISTS handoffs_state ON handoffs (state, priority, queued_at);
CREATE TABLE IF NOT EXISTS handoff_notes (
  id INTEGER PRIMARY KEY AUTOINCREMENT, handoff_id TEXT NOT NULL, author TEXT NOT NULL, text TEXT NOT NULL, at TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS users (
  username TEXT PRIMARY KEY, name TEXT NOT NULL, role TEXT NOT NULL, teams TEXT NOT NULL,
  password_hash TEXT NOT NULL, created_at TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS addresses (
  channel TEXT NOT NULL, address TEXT NOT NULL, conversation_id TEXT NOT NULL, last_seen TEXT NOT NULL,
  PRIMARY KEY (channel, address));
CREATE INDEX IF NOT EXISTS addresses_conversation ON addresses (conversation_id, last_seen);
CREATE TABLE IF NOT EXISTS feedback (
  id INTEGER PRIMARY KEY AUTOINCREMENT, conversation_id TEXT NOT NULL, score INTEGER NOT NULL, comment TEXT NOT NULL,
  about TEXT NOT NULL, channel TEXT NOT NULL, at TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS nlu_corrections (
  conversation_id TEXT NOT NULL, activity_id TEXT NOT NULL, by_user TEXT NOT NULL, text TEXT NOT NULL, lang TEXT NOT NULL,
  assistant_intent TEXT, assistant_reason TEXT, intent TEXT, reason TEXT, at TEXT NOT NULL, dialog_version TEXT,
  PRIMARY KEY (activity_id, by_user));
-- After-turn work kept until it is done (AfterTurnTable); claimed_at/claimed_by: when and by whom it was
-- taken (NULL: free); last_seq: the seq of the turn's last activity.
CREATE TABLE IF NOT EXISTS after_turn (
  activity_id TEXT PRIMARY KEY, conversation_id TEXT NOT NULL, json TEXT NOT NULL, last_seq INTEGER NOT NULL,
  created_at TEXT NOT NULL, claimed_at TEXT, claimed_by TEXT);
CREATE TABLE IF NOT EXISTS sessions (
  token_hash TEXT PRIMARY KEY, username TEXT NOT NULL, csrf TEXT NOT NULL, expires_at TEXT NOT NULL);
`;

export function sqliteHandoffs(db: Database.Database): HandoffTable {
  const q = {
    ins: db.prepare('INSERT INTO handoffs (id, conversation_id, state, team, priority, queued_at, version, json) VALUES (?, ?, ?, ?, ?, ?, ?, ?)'),
    get: db.prepare<[string], { json: string }>('SELECT json FROM handoffs WHERE id = ?'),
    place: db.prepare<[number, number, string, string, string, string, string], { ahead: number | null; total: number }>(`
      SELECT SUM(CASE WHEN priority < ? OR (priority = ? AND (queued_at < ? OR (queued_at = ? AND id < ?))) THEN 1 ELSE 0 END) AS ahead,
             COUNT(*) AS total
      FROM handoffs
      WHERE state = 'queued' AND team = ?
        AND coalesce(json_extract(json, '$.callback.notBefore'), '') <= ?`),
    latest: db.prepare<[string], { json: string }>('SELECT json FROM handoffs WHERE conversation_id = ? ORDER BY queued_at DESC, rowid DESC LIMIT 1'),
    requests: db.prepare<[number, string, number], { id: number; conversation_id: string; reason: string; evidence: string; priority: number; case_number: string | null; created_at: string; team: string | null }>(
      // By the index on created_at (the window is minutes; the table keeps every request), then sorted by id.
      'SELECT * FROM handoff_requests INDEXED BY handoff_requests_created WHERE id > ? AND created_at >= ? ORDER BY id LIMIT ?'),
    ofConversation: db.prepare<[string], { json: string }>('SELECT json FROM handoffs WHERE conversation_id = ? ORDER BY queued_at, rowid'),
    open: db.prepare<[string], { json: string }>("SELECT json FROM handoffs WHERE conversation_id = ? AND state IN ('queued', 'active') ORDER BY queued_at DESC LIMIT 1"),
    upd: db.prepare('UPDATE handoffs SET state = ?, team = ?, priority = ?, queued_at = ?, version = ?, json = ? WHERE id = ? AND version = ?'),
    insNote: db.prepare('INSERT INTO handoff_notes (handoff_id, author, text, at) VALUES (?, ?, ?, ?)'),
    notes: db.prepare<[string], { author: string; text: string; at: string; handoff_id: string }>('SELECT * FROM handoff_notes WHERE handoff_id = ? ORDER BY id'),
  };
  const parse = (r: { json: string } | undefined): Handoff | null => (r ? (JSON.parse(r.json) as Handoff) : null);
  return {
    async insert(h) {
      q.ins.run(h.id, h.conversationId, h.state, h.team, h.priority, h.queuedAt, h.version, JSON.stringify(h));
    },
    async get(id) {
      return parse(q.get.get(id));
    },
    async openFor(conversationId) {
      return parse(q.open.get(conversationId));
    },
    async queuePlace(h, now) {
      const r = q.place.get(h.priority, h.priority, h.queuedAt, h.queuedAt, h.id, h.team, now);
      return { ahead: r?.ahead ?? 0, total: r?.total ?? 0 };
    },
    async requestsAfter(afterId, since, limit) {
      return q.requests.all(afterId, since, limit).map((r) => ({
        id: r.id,
        conversationId: r.conversation_id,
        record: { reason: r.reason as HandoffRecord['reason'], evidence: r.evidence, priority: r.priority, at: r.created_at, ...(r.case_number ? { caseNumber: r.case_number } : {}), ...(r.team ? { team: r.team } : {}) },
      }));
    },
    async ofConversation(conversationId) {
      return q.ofConversation.all(conversationId).map((r) => JSON.parse(r.json) as Handoff);
    },
    async latestFor(conversationId) {
      return parse(q.latest.get(conversationId));
    },
    async list({ states, team, limit = 500 }) {
      const where: string[] = [];
      const args: Array<string | number> = [];
      if (states?.length) {
        where.push(`state IN (${states.map(() => '?').join(', ')})`);
        args.push(...states);
      }
      if (team) {
        where.push('team = ?');
        args.push(team);
      }
      const sql = `SELECT json FROM handoffs ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY priority, queued_at LIMIT ?`;
      return db.prepare<Array<string | number>, { json: string }>(sql).all(...args, limit).map((r) => JSON.parse(r.json) as Handoff);
    },
    async update(next) {
      const res = q.upd.run(next.state, next.team, next.priority, next.queuedAt, next.version, JSON.stringify(next), next.id, next.version - 1);
      return res.changes === 1;
    },
    async addNote(n) {
      q.insNote.run(n.handoffId, n.author, n.text, n.at);
    },
    async notes(handoffId) {
      return q.notes.all(handoffId).map((r): Note => ({ handoffId: r.handoff_id, author: r.author, text: r.text, at: r.at }));
    },
  };
}

export function sqliteUsers(db: Database.Database): UserTable {
  type Row = { username: string; name: string; role: string; teams: string; password_hash: string; created_at: string };
  const toUser = (r: Row): User => ({ username: r.username, name: r.name, role: r.role as User['role'], teams: JSON.parse(r.teams), createdAt: r.created_at });
  const q = {
    ins: db.prepare('INSERT OR IGNORE INTO users (username, name, role, teams, password_hash, created_at) VALUES (?, ?, ?, ?, ?, ?)'),
    get: db.prepare<[string], Row>('SELECT * FROM users WHERE username = ?'),
    list: db.prepare<[], Row>('SELECT * FROM users ORDER BY username'),
    count: db.prepare<[], { n: number }>('SELECT count(*) AS n FROM users'),
  };
  return {
    async insert(u, hash) {
      return q.ins.run(u.username, u.name, u.role, JSON.stringify(u.teams), hash, u.createdAt).changes === 1;
    },
    async get(username) {
      const r = q.get.get(username);
      return r ? { ...toUser(r), passwordHash: r.password_hash } : null;
    },
    async list() {
      return q.list.all().map(toUser);
    },
    async count() {
      return q.count.get()?.n ?? 0;
    },
  };
}

export function sqliteSessions(db: Database.Database): SessionTable {
  type Row = { token_hash: string; username: string; csrf: string; expires_at: string };
  const q = {
    ins: db.prepare('INSERT INTO sessions (token_hash, username, csrf, expires_at) VALUES (?, ?, ?, ?)'),
    get: db.prepare<[string], Row>('SELECT * FROM sessions WHERE token_hash = ?'),
    del: db.prepare('DELETE FROM sessions WHERE token_hash = ?'),
  };
  return {
    async insert(s) {
      q.ins.run(s.tokenHash, s.username, s.csrf, s.expiresAt);
    },
    async get(tokenHash) {
      const r = q.get.get(tokenHash);
      return r ? { tokenHash: r.token_hash, username: r.username, csrf: r.csrf, expiresAt: r.expires_at } : null;
    },
    async delete(tokenHash) {
      q.del.run(tokenHash);
    },
  };
}

/**
 * How stale an address's last_seen may be left. Every web turn comes by its address, and rewriting
 * the row (and its index entry) each time only moved last_seen on by seconds. Nothing reads last_seen
 * but the order of a conversation's addresses (AddressTable.list), and ATTACH_ADDRESS keeps that
 * order exact whatever this is.
 */
export const ADDRESS_SEEN_GRANULARITY_MS = 10 * 60_000;

/**
 * Records (channel, address) as used by a conversation now; also run inside a turn's commit (named
 * parameters: attachParams). The row is left as it is only when nothing it tells would change: the
 * address already belongs to this conversation, was seen less than ADDRESS_SEEN_GRANULARITY_MS ago,
 * and is already the conversation's most recently used address (every other one seen strictly
 * earlier), so it stays first. Decided inside the write, so it holds with other processes writing too.
 */
export const ATTACH_ADDRESS = `INSERT INTO addresses (channel, address, conversation_id, last_seen) VALUES (@channel, @address, @conversationId, @now)
  ON CONFLICT(channel, address) DO UPDATE SET conversation_id = excluded.conversation_id, last_seen = excluded.last_seen
  WHERE addresses.conversation_id <> excluded.conversation_id
    OR addresses.last_seen <= @staleBefore
    OR EXISTS (SELECT 1 FROM addresses AS other WHERE other.conversation_id = excluded.conversation_id
      AND other.last_seen >= addresses.last_seen AND NOT (other.channel = excluded.channel AND other.address = excluded.address))`;

export function attachParams(channel: ChannelId, address: string, conversationId: string, now: string) {
  return { channel, address, conversationId, now, staleBefore: new Date(Date.parse(now) - ADDRESS_SEEN_GRANULARITY_MS).toISOString() };
}

export function sqliteAddresses(db: Database.Database): AddressTable {
  type Row = { channel: string; address: string; conversation_id: string; last_seen: string };
  const q = {
    find: db.prepare<[string, string], { conversation_id: string }>('SELECT conversation_id FROM addresses WHERE channel = ? AND address = ?'),
    attach: db.prepare(ATTACH_ADDRESS),
    list: db.prepare<[string], Row>('SELECT * FROM addresses WHERE conversation_id = ? ORDER BY last_seen DESC, rowid DESC'),
  };
  return {
    async find(channel, address) {
      return q.find.get(channel, address)?.conversation_id ?? null;
    },
    async attach(conversationId, channel, address, now) {
      q.attach.run(attachParams(channel, address, conversationId, now));
    },
    async list(conversationId) {
      return q.list.all(conversationId).map((r): Address => ({ channel: r.channel as ChannelId, address: r.address, conversationId: r.conversation_id, lastSeen: r.last_seen }));
    },
  };
}

/** Written with a turn (sqlite-writes.ts), held by its own process from the commit on. */
export const INSERT_AFTER_TURN = `INSERT OR REPLACE INTO after_turn (activity_id, conversation_id, json, last_seq, created_at, claimed_at, claimed_by)
  VALUES (@activityId, @conversationId, @json, @lastSeq, @now, @now, @token)`;

export function sqliteAfterTurn(db: Database.Database): AfterTurnTable {
  type Taken = { conversation_id: string; json: string; last_seq: number };
  const q = {
    claim: db.prepare<[string, string, string, string], Taken>(
      'UPDATE after_turn SET claimed_at = ?, claimed_by = ? WHERE activity_id = ? AND (claimed_at IS NULL OR claimed_at < ?) RETURNING conversation_id, json, last_seq'),
    loose: db.prepare<[string, string, number], { activity_id: string }>(
      'SELECT activity_id FROM after_turn WHERE (claimed_at IS NULL OR claimed_at < ?) AND created_at >= ? ORDER BY created_at LIMIT ?'),
    release: db.prepare('UPDATE after_turn SET claimed_at = NULL, claimed_by = NULL WHERE activity_id = ? AND claimed_by = ?'),
    done: db.prepare('DELETE FROM after_turn WHERE activity_id = ? AND claimed_by = ?'),
    prune: db.prepare('DELETE FROM after_turn WHERE created_at < ?'),
  };
  const leaseFrom = (now: string) => new Date(Date.parse(now) - AFTER_TURN_LEASE_MS).toISOString();
  return {
    async claim(activityId, now, token) {
      const r = q.claim.get(now, token, activityId, leaseFrom(now));
      return r ? { conversationId: r.conversation_id, json: r.json, lastSeq: r.last_seq } : null;
    },
    async loose(now, since, limit) {
      return q.loose.all(leaseFrom(now), since, limit).map((r) => r.activity_id);
    },
    async release(activityId, token) {
      q.release.run(activityId, token);
    },
    async done(activityId, token) {
      q.done.run(activityId, token);
    },
    async prune(before) {
      return q.prune.run(before).changes;
    },
  };
}

export function sqliteFeedback(db: Database.Database): FeedbackTable {
  type Row = { conversation_id: string; score: number; comment: string; about: string; channel: string; at: string };
  const list = db.prepare<[string, number], Row>('SELECT * FROM feedback WHERE at >= ? ORDER BY at DESC LIMIT ?');
  return {
    async list({ since = '', limit = 500 }) {
      return list.all(since, limit).map((r): Feedback => ({ conversationId: r.conversation_id, score: r.score, comment: r.comment, about: r.about, channel: r.channel as ChannelId, at: r.at }));
    },
  };
}

export function sqliteCorrections(db: Database.Database): CorrectionTable {
  type Row = {
    conversation_id: string; activity_id: string; by_user: string; text: string; lang: string; assistant_intent: string | null;
    assistant_reason: string | null; intent: string | null; reason: string | null; at: string; dialog_version: string | null;
  };
  const upsert = db.prepare(`INSERT INTO nlu_corrections (conversation_id, activity_id, by_user, text, lang, assistant_intent, assistant_reason, intent, reason, at, dialog_version)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
    ON CONFLICT (activity_id, by_user) DO UPDATE SET intent = excluded.intent, reason = excluded.reason, at = excluded.at`);
  const list = db.prepare<[string, number], Row>('SELECT * FROM nlu_corrections WHERE at >= ? ORDER BY at DESC, rowid DESC LIMIT ?');
  const one = db.prepare<[string, string], Row>('SELECT * FROM nlu_corrections WHERE activity_id = ? AND by_user = ?');
  const toCorrection = (r: Row): Correction => ({
    conversationId: r.conversation_id, activityId: r.activity_id, text: r.text, lang: r.lang === 'en' ? 'en' : 'nl',
    assistant: { intent: r.assistant_intent, reason: r.assistant_reason }, intent: r.intent, reason: r.reason,
    by: r.by_user, at: r.at, dialogVersion: r.dialog_version,
  });
  return {
    async upsert(c) {
      upsert.run(c.conversationId, c.activityId, c.by, c.text, c.lang, c.assistant.intent, c.assistant.reason, c.intent, c.reason, c.at, c.dialogVersion);
    },
    async of(activityId, by) {
      const r = one.get(activityId, by);
      return r ? toCorrection(r) : null;
    },
    async list({ since = '', limit = 1000 }) {
      return list.all(since, limit).map(toCorrection);
    },
  };
}
