/**
 * The SMS/WhatsApp channel's own tables: every outbound message with its Twilio sid, status,
 * attempts and last error; and who said STOP. In the embedded SQLite file when the store hands over
 * its better-sqlite3 handle (`store.raw`), otherwise in memory (a store without one).
 *
 * A body is kept only while it may still have to be sent again; once the message is delivered or
 * has failed for good only its SHA-256 stays.
 */
import type Database from 'better-sqlite3';
import type { TwilioChannelId } from './inbound.ts';
import { writeTransaction } from '../../src/store/sqlite-tx.ts';

export type OutboundStatus =
  | 'pending' | 'accepted' | 'queued' | 'sending' | 'sent' | 'delivered' | 'read'
  | 'retrying' | 'failed' | 'undelivered' | 'suppressed';

export interface OutboundRow {
  id: string;
  sid: string | null;
  conversationId: string | null;
  activityId: string | null;
  /** 0, 1, … when one reply went out as several messages. */
  part: number;
  channel: TwilioChannelId;
  to: string;
  body: string | null;
  bodySha256: string;
  segments: number;
  encoding: string;
  status: OutboundStatus;
  attempts: number;
  lastError: string | null;
  createdAt: string;
  updatedAt: string;
}

export type OutboundPatch = Partial<Pick<OutboundRow, 'sid' | 'status' | 'attempts' | 'lastError' | 'body'>>;

export interface SmsTables {
  insertOutbound(row: OutboundRow): Promise<void>;
  updateOutbound(id: string, patch: OutboundPatch, now: string): Promise<void>;
  bySid(sid: string): Promise<OutboundRow | null>;
  /**
   * Marks the message with this sid as about to be sent again, once: false when it was already
   * claimed, has another sid by now, or has ended (so a repeated failure callback is no second send).
   */
  claimRetry(id: string, sid: string, lastError: string, now: string): Promise<boolean>;
  /** Newest last; all of them when `to` is absent (tests, support). */
  listOutbound(filter?: { to?: string; conversationId?: string }): Promise<OutboundRow[]>;
  setOptOut(channel: TwilioChannelId, address: string, optedOut: boolean, keyword: string, now: string): Promise<void>;
  isOptedOut(channel: TwilioChannelId, address: string): Promise<boolean>;
}

export const SMS_SCHEMA = `
CREATE TABLE IF NOT EXISTS sms_outbound (
  id TEXT PRIMARY KEY, sid TEXT, conversation_id TEXT, activity_id TEXT, part INTEGER NOT NULL,
  channel TEXT NOT NULL, to_address TEXT NOT NULL, body TEXT, body_sha256 TEXT NOT NULL,
  segments INTEGER NOT NULL, encoding TEXT NOT NULL, status TEXT NOT NULL, attempts INTEGER NOT NULL,
  last_error TEXT, created_at TEXT NOT NULL, updated_at TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS sms_outbound_sid ON sms_outbound (sid);
CREATE INDEX IF NOT EXISTS sms_outbound_to ON sms_outbound (to_address, created_at);
CREATE TABLE IF NOT EXISTS sms_optouts (
  channel TEXT NOT NULL, address TEXT NOT NULL, opted_out INTEGER NOT NULL, keyword TEXT NOT NULL,
  changed_at TEXT NOT NULL, PRIMARY KEY (channel, address));
`;

interface Sql {
  id: string; sid: string | null; conversation_id: string | null; activity_id: string | null; part: number;
  channel: string; to_address: string; body: string | null; body_sha256: string; segments: number; encoding: string;
  status: string; attempts: number; last_error: string | null; created_at: string; updated_at: string;
}

const fromSql = (r: Sql): OutboundRow => ({
  id: r.id, sid: r.sid, conversationId: r.conversation_id, activityId: r.activity_id, part: r.part,
  channel: r.channel as TwilioChannelId, to: r.to_address, body: r.body, bodySha256: r.body_sha256,
  segments: r.segments, encoding: r.encoding, status: r.status as OutboundStatus, attempts: r.attempts,
  lastError: r.last_error, createdAt: r.created_at, updatedAt: r.updated_at,
});

/** The tables in the store's SQLite file when it has one, else in memory. */
export function smsTablesFor(raw: unknown): SmsTables {
  return isSqlite(raw) ? sqliteSmsTables(raw) : memorySmsTables();
}

function isSqlite(raw: unknown): raw is Database.Database {
  return typeof raw === 'object' && raw !== null && typeof (raw as { prepare?: unknown }).prepare === 'function' && typeof (raw as { exec?: unknown }).exec === 'function';
}

export function sqliteSmsTables(db: Database.Database): SmsTables {
  db.exec(SMS_SCHEMA);
  const q = {
    ins: db.prepare(`INSERT INTO sms_outbound (id, sid, conversation_id, activity_id, part, channel, to_address, body, body_sha256, segments, encoding, status, attempts, last_error, created_at, updated_at)
      VALUES (@id, @sid, @conversation_id, @activity_id, @part, @channel, @to_address, @body, @body_sha256, @segments, @encoding, @status, @attempts, @last_error, @created_at, @updated_at)`),
    get: db.prepare<[string], Sql>('SELECT * FROM sms_outbound WHERE id = ?'),
    upd: db.prepare('UPDATE sms_outbound SET sid = ?, status = ?, attempts = ?, last_error = ?, body = ?, updated_at = ? WHERE id = ?'),
    claim: db.prepare(`UPDATE sms_outbound SET status = 'retrying', last_error = ?, updated_at = ?
      WHERE id = ? AND sid = ? AND status NOT IN ('retrying', 'failed', 'undelivered', 'delivered', 'read', 'suppressed')`),
    bySid: db.prepare<[string], Sql>('SELECT * FROM sms_outbound WHERE sid = ? ORDER BY rowid DESC LIMIT 1'),
    all: db.prepare<[], Sql>('SELECT * FROM sms_outbound ORDER BY rowid'),
    byTo: db.prepare<[string], Sql>('SELECT * FROM sms_outbound WHERE to_address = ? ORDER BY rowid'),
    byConv: db.prepare<[string], Sql>('SELECT * FROM sms_outbound WHERE conversation_id = ? ORDER BY rowid'),
    setOpt: db.prepare(`INSERT INTO sms_optouts (channel, address, opted_out, keyword, changed_at) VALUES (?, ?, ?, ?, ?)
      ON CONFLICT(channel, address) DO UPDATE SET opted_out = excluded.opted_out, keyword = excluded.keyword, changed_at = excluded.changed_at`),
    getOpt: db.prepare<[string, string], { opted_out: number }>('SELECT opted_out FROM sms_optouts WHERE channel = ? AND address = ?'),
  };
  // One read-modify-write per patch, in a transaction so two callbacks for one message do not interleave.
  const update = writeTransaction(db, (id: string, patch: OutboundPatch, now: string) => {
    const r = q.get.get(id);
    if (!r) return;
    const next = { ...fromSql(r), ...patch };
    q.upd.run(next.sid, next.status, next.attempts, next.lastError, next.body, now, id);
  });
  return {
    async insertOutbound(row) {
      q.ins.run({
        id: row.id, sid: row.sid, conversation_id: row.conversationId, activity_id: row.activityId, part: row.part,
        channel: row.channel, to_address: row.to, body: row.body, body_sha256: row.bodySha256, segments: row.segments,
        encoding: row.encoding, status: row.status, attempts: row.attempts, last_error: row.lastError,
        created_at: row.createdAt, updated_at: row.updatedAt,
      });
    },
    async updateOutbound(id, patch, now) {
      update(id, patch, now);
    },
    async bySid(sid) {
      const r = q.bySid.get(sid);
      return r ? fromSql(r) : null;
    },
    async claimRetry(id, sid, lastError, now) {
      return q.claim.run(lastError, now, id, sid).changes === 1;
    },
    async listOutbound(filter = {}) {
      const rows = filter.to ? q.byTo.all(filter.to) : filter.conversationId ? q.byConv.all(filter.conversationId) : q.all.all();
      return rows.map(fromSql);
    },
    async setOptOut(channel, address, optedOut, keyword, now) {
      q.setOpt.run(channel, address, optedOut ? 1 : 0, keyword, now);
    },
    async isOptedOut(channel, address) {
      return q.getOpt.get(channel, address)?.opted_out === 1;
    },
  };
}

const ENDED = new Set<OutboundStatus>(['retrying', 'failed', 'undelivered', 'delivered', 'read', 'suppressed']);

export function memorySmsTables(): SmsTables {
  const rows: OutboundRow[] = [];
  const optOuts = new Map<string, boolean>();
  const key = (channel: string, address: string) => `${channel}:${address}`;
  return {
    async insertOutbound(row) {
      rows.push({ ...row });
    },
    async updateOutbound(id, patch, now) {
      const r = rows.find((x) => x.id === id);
      if (r) Object.assign(r, patch, { updatedAt: now });
    },
    async bySid(sid) {
      const r = [...rows].reverse().find((x) => x.sid === sid);
      return r ? { ...r } : null;
    },
    async claimRetry(id, sid, lastError, now) {
      const r = rows.find((x) => x.id === id && x.sid === sid);
      if (!r || ENDED.has(r.status)) return false;
      Object.assign(r, { status: 'retrying', lastError, updatedAt: now });
      return true;
    },
    async listOutbound(filter = {}) {
      return rows.filter((r) => (!filter.to || r.to === filter.to) && (!filter.conversationId || r.conversationId === filter.conversationId)).map((r) => ({ ...r }));
    },
    async setOptOut(channel, address, optedOut) {
      optOuts.set(key(channel, address), optedOut);
    },
    async isOptedOut(channel, address) {
      return optOuts.get(key(channel, address)) === true;
    },
  };
}
