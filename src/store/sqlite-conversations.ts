/**
 * Conversations and their activities in the embedded store, with two things that make a turn cheap:
 *
 * - **A row cache.** The parsed row (state, eTag, lastSeq) of recently used conversations is kept,
 *   so a turn reads and parses its row once, not on every `getConversation`. Every write in this
 *   process updates the cache after it commits. The eTag check stays in the commit's UPDATE, so a
 *   row written by another process (a stale cache entry) fails the commit with CONVERSATION_CONFLICT,
 *   the entry is dropped, and the pipeline re-runs the turn on the fresh row.
 * - **Group commit.** `commitTurn` queues the turn; every turn queued during one event-loop pass is
 *   written in ONE SQLite transaction (each in its own savepoint) in the next check phase. Each
 *   promise settles only after that transaction has committed: resolved when its turn is stored,
 *   rejected when its own savepoint failed (the others still commit) or when the whole transaction
 *   failed (then none of the batch is stored, and nothing committed earlier is touched).
 *
 * Rows handed out are shared with the cache: callers treat them as read-only (the dialog step is
 * pure and returns new states, so nobody needs to change one in place).
 */
import type Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { LRUCache } from 'lru-cache';
import { LoketError } from '../errors.ts';
import type { ActivityJson, ChannelId, StoredActivity } from '../conversation/types.ts';
import type { ConversationRow, Store, TurnCommit } from './types.ts';
import { activityId } from './ids.ts';
import { ATTACH_ADDRESS } from './sqlite-handoffs.ts';

interface ConvSql {
  id: string; channel: string; user_id: string | null; created_at: string; updated_at: string;
  state: string | null; etag: string; last_seq: number;
}

interface Pending {
  commit: TurnCommit;
  now: string;
  resolve(etag: string): void;
  reject(err: unknown): void;
}

type Written = { etag: string; lastSeq: number } | { err: unknown };

/** How long a batch waits for another process's write lock before its turns fail. */
const BUSY_GIVE_UP_MS = 5_000;

export type SqliteConversations = Pick<Store, 'openConversation' | 'getConversation' | 'appendActivities' | 'commitTurn' | 'listActivities'> & {
  /** Writes the queued turns now (before closing the database). */
  flush(): void;
};

export interface ConversationCacheOptions {
  /** Rows kept parsed in memory (least recently used go first). */
  cachedRows?: number;
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

export function sqliteConversations(db: Database.Database, opts: ConversationCacheOptions = {}): SqliteConversations {
  const q = {
    getConv: db.prepare<[string], ConvSql>('SELECT * FROM conversations WHERE id = ?'),
    insConv: db.prepare(
      'INSERT OR IGNORE INTO conversations (id, channel, user_id, created_at, updated_at, state, etag, last_seq) VALUES (?, ?, ?, ?, ?, NULL, ?, 0)',
    ),
    bumpConv: db.prepare('UPDATE conversations SET last_seq = ?, etag = ?, updated_at = ? WHERE id = ?'),
    commitConv: db.prepare('UPDATE conversations SET state = ?, last_seq = ?, etag = ?, updated_at = ? WHERE id = ? AND etag = ?'),
    commitState: db.prepare('UPDATE conversations SET state = ?, etag = ?, updated_at = ? WHERE id = ? AND etag = ? RETURNING last_seq'),
    insAct: db.prepare('INSERT INTO activities (conversation_id, seq, id, json, created_at) VALUES (?, ?, ?, ?, ?)'),
    listAct: db.prepare<[string, number, number], { seq: number; json: string }>(
      'SELECT seq, json FROM activities WHERE conversation_id = ? AND seq > ? ORDER BY seq LIMIT ?',
    ),
    insHandoff: db.prepare(
      'INSERT INTO handoff_requests (conversation_id, reason, evidence, priority, case_number, created_at) VALUES (?, ?, ?, ?, ?, ?)',
    ),
    attach: db.prepare(ATTACH_ADDRESS),
    insPhone: db.prepare('INSERT INTO verified_phones (phone, conversation_id, at) VALUES (?, ?, ?) ON CONFLICT(phone, conversation_id) DO UPDATE SET at = excluded.at'),
  };
  const cache = new LRUCache<string, ConversationRow>({ max: opts.cachedRows ?? 10_000 });

  const mustGet = (id: string): ConvSql => {
    const row = q.getConv.get(id);
    if (!row) throw new LoketError('CONVERSATION_NOT_FOUND', [id]);
    return row;
  };

  /** Changes a cached row after a write has committed (rows are shared, so a new object). */
  const recache = (id: string, changes: Partial<ConversationRow>) => {
    const row = cache.get(id);
    if (row) cache.set(id, { ...row, ...changes });
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
    return { stored, etag, lastSeq: seq };
  });

  /** One turn; called inside the batch's transaction, so this is a savepoint of its own. */
  const writeOne = db.transaction((c: TurnCommit, now: string): { etag: string; lastSeq: number } => {
    const etag = randomUUID();
    const state = JSON.stringify(c.state);
    const last = c.activities.at(-1);
    // A turn without activities keeps last_seq (and reads it back for the cache).
    const lastSeq = last
      ? q.commitConv.run(state, last.seq, etag, now, c.conversationId, c.expectedEtag).changes === 1 ? last.seq : null
      : ((q.commitState.get(state, etag, now, c.conversationId, c.expectedEtag) as { last_seq: number } | undefined)?.last_seq ?? null);
    if (lastSeq === null) {
      if (!q.getConv.get(c.conversationId)) throw new LoketError('CONVERSATION_NOT_FOUND', [c.conversationId]);
      throw new LoketError('CONVERSATION_CONFLICT');
    }
    for (const s of c.activities) q.insAct.run(c.conversationId, s.seq, s.activity.id, JSON.stringify(s.activity), now);
    for (const h of c.handoffs) q.insHandoff.run(c.conversationId, h.reason, h.evidence, h.priority, h.caseNumber ?? null, h.at);
    if (c.verifiedPhone) q.insPhone.run(c.verifiedPhone, c.conversationId, now);
    if (c.via) q.attach.run(c.via.channel, c.via.address, c.conversationId, now);
    return { etag, lastSeq };
  });

  const writeBatch = db.transaction((batch: Pending[]): Written[] =>
    batch.map((p) => {
      try {
        return writeOne(p.commit, p.now);
      } catch (err) {
        return { err };
      }
    }),
  );

  let queue: Pending[] = [];
  let scheduled = false;
  let busySince = 0;
  const busyTimeout = db.pragma('busy_timeout', { simple: true }) as number;
  const withoutWaiting = <T>(fn: () => T): T => {
    db.pragma('busy_timeout = 0');
    try {
      return fn();
    } finally {
      db.pragma(`busy_timeout = ${busyTimeout}`);
    }
  };

  /**
   * Writes the queue. Several processes may share the file (LOKET_WORKERS): the batch takes the write
   * lock up front (BEGIN IMMEDIATE) without waiting, and when another process holds it, the batch goes
   * back to the queue and is tried again a millisecond later, so the event loop never sleeps in
   * SQLite's busy handler. Only after BUSY_GIVE_UP_MS without the lock does the batch fail.
   */
  function flush(): void {
    scheduled = false;
    const batch = queue;
    queue = [];
    if (batch.length === 0) return;
    let written: Written[];
    try {
      written = withoutWaiting(() => writeBatch.immediate(batch));
      busySince = 0;
    } catch (err) {
      const now = Date.now();
      if ((err as { code?: string }).code === 'SQLITE_BUSY' && (busySince === 0 || now - busySince < BUSY_GIVE_UP_MS)) {
        if (busySince === 0) busySince = now;
        queue = batch.concat(queue);
        scheduled = true;
        setTimeout(flush, 1);
        return;
      }
      busySince = 0;
      // The transaction as a whole failed (BEGIN or COMMIT): nothing of this batch is stored.
      for (const p of batch) {
        cache.delete(p.commit.conversationId);
        p.reject(err);
      }
      return;
    }
    batch.forEach((p, i) => {
      const w = written[i]!;
      if ('err' in w) {
        cache.delete(p.commit.conversationId);
        p.reject(w.err);
      } else {
        recache(p.commit.conversationId, { state: p.commit.state, etag: w.etag, lastSeq: w.lastSeq, updatedAt: p.now });
        p.resolve(w.etag);
      }
    });
  }

  return {
    async openConversation({ id, channel, userId, now }) {
      q.insConv.run(id, channel, userId, now, now, randomUUID());
      const row = toRow(mustGet(id));
      cache.set(id, row);
      return row;
    },
    async getConversation(id) {
      const cached = cache.get(id);
      if (cached) return cached;
      const r = q.getConv.get(id);
      if (!r) return null;
      const row = toRow(r);
      cache.set(id, row);
      return row;
    },
    async appendActivities(conversationId, activities, now) {
      const { stored, etag, lastSeq } = append(conversationId, activities, now);
      recache(conversationId, { etag, lastSeq, updatedAt: now });
      return { stored, etag };
    },
    commitTurn(commit, now) {
      return new Promise<string>((resolve, reject) => {
        queue.push({ commit, now, resolve, reject });
        if (!scheduled) {
          scheduled = true;
          setImmediate(flush);
        }
      });
    },
    async listActivities(conversationId, afterSeq, limit) {
      return q.listAct.all(conversationId, afterSeq, limit).map((r) => ({ seq: r.seq, activity: JSON.parse(r.json) }));
    },
    flush,
  };
}
