/**
 * Conversations and their activities in the embedded store, with two things that make a turn cheap:
 *
 * - **A row cache.** The parsed row (state, eTag, lastSeq) of recently used conversations is kept,
 *   so a turn reads and parses its row once, not on every `getConversation`. Every write in this
 *   process updates the cache after it commits. The eTag check stays in the commit's UPDATE, so a
 *   row written by another process (a stale cache entry) fails the commit with CONVERSATION_CONFLICT,
 *   the entry is dropped, and the pipeline re-runs the turn on the fresh row.
 * - **Group commit.** `commitTurn` queues the turn; every turn queued during one event-loop pass is
 *   written in ONE SQLite transaction in the next check phase. Each promise settles only after that
 *   transaction has committed: resolved when its turn is stored, rejected when its own writes failed
 *   (they are undone, the others still commit: sqlite-writes.ts) or when the whole transaction
 *   failed (then none of the batch is stored, and nothing committed earlier is touched).
 *
 * - **A writer thread, when asked** (`writerFile`, LOKET_WRITER_THREAD=on). The writes then run in a
 *   worker thread on its own connection (sqlite-writer-worker.ts), so SQLite's work and the WAL
 *   writes happen beside the event loop; the event loop only turns states and activities into JSON.
 *   Until that thread is up, or should it stop, the same writes (sqlite-writes.ts) run on the store's
 *   own connection. Off by default: the hop there and back costs more CPU than a WAL commit.
 *
 * Rows handed out are shared with the cache: callers treat them as read-only (the dialog step is
 * pure and returns new states, so nobody needs to change one in place).
 */
import type Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { LRUCache } from 'lru-cache';
import { isLoketError, LoketError, type ErrorCode } from '../errors.ts';
import type { ChannelId } from '../conversation/types.ts';
import { extended } from '../objects.ts';
import { startWorkerModule, type WorkerRpc } from '../worker-rpc.ts';
import { VERIFIED_PHONE_REFRESH_MS, type ConversationRow, type Store, type TurnCommit } from './types.ts';
import { clientIdOf, conversationWrites, parseClientIds, withClientIds, type ClientIds, type ConversationWrites, type ConvSql, type WireTurn, type WireWritten } from './sqlite-writes.ts';

interface Pending {
  wire: WireTurn;
  commit: TurnCommit;
  /** The conversation's client ids after this turn, when the turn knew them (wire.clientIds parsed). */
  clientIds?: ClientIds;
  resolve(etag: string): void;
  reject(err: unknown): void;
}

/** How long a batch waits for another process's write lock before its turns fail. */
const BUSY_GIVE_UP_MS = 5_000;

export type SqliteConversations = Pick<Store, 'openConversation' | 'getConversation' | 'appendActivities' | 'commitTurn' | 'listActivities' | 'findActivityByClientId'> & {
  /** Writes what is queued and waits for what is in flight (before closing the database). */
  drain(): Promise<void>;
  /** The writer thread, once it is up (tests stop it to see the store carry on). */
  writerThread(): WorkerRpc | null;
};

export interface ConversationCacheOptions {
  /** Rows kept parsed in memory (least recently used go first). */
  cachedRows?: number;
  /** The database file: its writes run in a writer thread. Absent (`:memory:`): on this connection. */
  writerFile?: string;
  onWriterError?(err: Error): void;
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

/** Async writes: in the writer thread, or on this connection. */
interface Writes {
  open(input: Parameters<ConversationWrites['open']>[0]): Promise<ConvSql>;
  append(input: Parameters<ConversationWrites['append']>[0]): Promise<ReturnType<ConversationWrites['append']>>;
  commit(batch: WireTurn[]): Promise<WireWritten[]>;
}

/**
 * On this connection. Several processes may share the file (LOKET_WORKERS): a commit takes the write
 * lock up front without waiting (the event loop must never sleep in SQLite's busy handler); when
 * another process holds it, SQLITE_BUSY goes back to flush(), which tries again a millisecond later.
 */
function localWrites(db: Database.Database): Writes {
  const w = conversationWrites(db);
  const busyTimeout = db.pragma('busy_timeout', { simple: true }) as number;
  return {
    open: async (input) => w.open(input),
    append: async (input) => w.append(input),
    async commit(batch) {
      db.pragma('busy_timeout = 0');
      try {
        return w.commit(batch);
      } finally {
        db.pragma(`busy_timeout = ${busyTimeout}`);
      }
    },
  };
}

function threadWrites(rpc: WorkerRpc): Writes {
  return {
    open: (input) => rpc.call('open', input),
    append: (input) => rpc.call('append', input),
    commit: (batch) => rpc.call('commit', batch),
  };
}

function failure(f: { code: string; message: string; args?: Array<string | number> }): Error {
  if (f.args) return new LoketError(f.code as ErrorCode, f.args);
  return Object.assign(new Error(f.message), { code: f.code });
}

export function sqliteConversations(db: Database.Database, opts: ConversationCacheOptions = {}): SqliteConversations {
  const listAct = db.prepare<[string, number, number], { seq: number; json: string }>(
    'SELECT seq, json FROM activities WHERE conversation_id = ? AND seq > ? ORDER BY seq LIMIT ?',
  );
  const getConv = db.prepare<[string], ConvSql>('SELECT * FROM conversations WHERE id = ?');
  const getAct = db.prepare<[string, number], { seq: number; json: string }>('SELECT seq, json FROM activities WHERE conversation_id = ? AND seq = ?');
  // The conversation's row holds the client ids of its latest messages (ClientIds in sqlite-writes.ts);
  // the activity is then read by its key. Always from the file, so a copy another process stored is found.
  // Nearly every message is new: first a look for the entry's text (`["<id>",`, which only an entry with
  // that id contains, as a JSON string has no bare quote), about 1.5 µs against 8 for json_each.
  const mayHaveClientId = db.prepare<[string, string], { found: number }>('SELECT 1 AS found FROM conversations WHERE id = ? AND instr(client_ids, ?) > 0');
  const byClientId = db.prepare<{ id: string; clientId: string }, { seq: number; json: string }>(
    `SELECT seq, json FROM activities WHERE conversation_id = @id AND seq = (
      SELECT j.value ->> 1 FROM conversations c, json_each(c.client_ids) j
        WHERE c.id = @id AND j.value ->> 0 = @clientId ORDER BY j.value ->> 1 LIMIT 1)`,
  );
  const cache = new LRUCache<string, ConversationRow>({ max: opts.cachedRows ?? 10_000 });
  /**
   * The verified phone this process last wrote for a conversation, and when, as long as the row still
   * has the eTag of that write (`etag`). Only the conversation's own commits write its verified phone,
   * so a commit on that eTag (which fails if anyone wrote the row since) knows the stored time exactly,
   * and leaves out the write while it is less than VERIFIED_PHONE_REFRESH_MS old. Lost on a restart
   * or an eTag this process did not make: the next turn then writes it again.
   */
  const phones = new LRUCache<string, { etag: string; phone: string; at: number }>({ max: opts.cachedRows ?? 10_000 });
  /**
   * The client ids stored on a conversation's row under `etag`, so a turn's commit can write the new
   * list without reading the row (set from every read and write of the row in this process).
   */
  const clientIds = new LRUCache<string, { etag: string; ids: ClientIds }>({ max: opts.cachedRows ?? 10_000 });
  const fromSql = (r: ConvSql): ConversationRow => {
    clientIds.set(r.id, { etag: r.etag, ids: parseClientIds(r.client_ids) });
    return toRow(r);
  };

  const local = localWrites(db);
  let thread: Writes | null = null;
  let rpc: WorkerRpc | null = null;
  const writes = (): Writes => (thread && rpc?.alive ? thread : local);
  const writerReady: Promise<void> = opts.writerFile
    ? startWorkerModule(new URL('./sqlite-writer-worker.ts', import.meta.url), { file: opts.writerFile }, { ...(opts.onWriterError ? { onExit: opts.onWriterError } : {}) }).then(
      (r) => {
        rpc = r;
        thread = threadWrites(r);
      },
      (err: Error) => opts.onWriterError?.(err),
    )
    : Promise.resolve();

  /** Changes a cached row after a write has committed (rows are shared, so a new object). */
  const recache = (id: string, changes: Partial<ConversationRow>) => {
    const row = cache.get(id);
    if (row) cache.set(id, extended(row, changes) as ConversationRow);
  };

  /** After a commit: what the stored verified phone is now, under the commit's eTag. */
  const rememberPhone = (p: Pending) => {
    const id = p.commit.conversationId;
    const phone = p.commit.verifiedPhone;
    const seen = phones.get(id);
    if (p.wire.verifiedPhone) phones.set(id, { etag: p.wire.etag, phone: p.wire.verifiedPhone, at: Date.parse(p.wire.now) });
    else if (phone && seen?.etag === p.commit.expectedEtag && seen.phone === phone) phones.set(id, { ...seen, etag: p.wire.etag });
    else phones.delete(id);
  };

  /** The turn's verified phone, unless the stored one is the same and recent (see `phones`). */
  const phoneToWrite = (c: TurnCommit, now: string): string | undefined => {
    if (!c.verifiedPhone) return undefined;
    const seen = phones.get(c.conversationId);
    const fresh = seen?.etag === c.expectedEtag && seen.phone === c.verifiedPhone && Date.parse(now) - seen.at < VERIFIED_PHONE_REFRESH_MS;
    return fresh ? undefined : c.verifiedPhone;
  };

  /** After a commit: the list stored under its eTag, when known. */
  const rememberClientIds = (p: Pending, fromCommit: ClientIds | undefined) => {
    const id = p.commit.conversationId;
    const seen = clientIds.get(id);
    const ids = p.clientIds ?? fromCommit ?? (p.wire.clientIds === undefined && !p.wire.activities.some((a) => a.clientId !== null) && seen?.etag === p.commit.expectedEtag ? seen.ids : null);
    if (ids) clientIds.set(id, { etag: p.wire.etag, ids });
    else clientIds.delete(id);
  };

  let queue: Pending[] = [];
  let scheduled = false;
  let inFlight = 0;
  let busySince = 0;

  const schedule = (delayMs: number) => {
    scheduled = true;
    if (delayMs > 0) setTimeout(flush, delayMs);
    else setImmediate(flush);
  };

  /** Writes the queue as one batch; turns queued meanwhile form the next one. */
  async function flush(): Promise<void> {
    scheduled = false;
    const batch = queue;
    queue = [];
    if (batch.length === 0) return;
    inFlight++;
    try {
      let written: WireWritten[];
      try {
        written = await writes().commit(batch.map((p) => p.wire));
        busySince = 0;
      } catch (err) {
        const now = Date.now();
        if ((err as { code?: string }).code === 'SQLITE_BUSY' && (busySince === 0 || now - busySince < BUSY_GIVE_UP_MS)) {
          if (busySince === 0) busySince = now;
          queue = batch.concat(queue);
          if (!scheduled) schedule(1);
          return;
        }
        busySince = 0;
        if (isLoketError(err, 'WORKER_STOPPED')) {
          // The writer thread died with this batch. What it committed carries the new eTag; the
          // rest is written again on this connection (writes() no longer picks the thread).
          const again: Pending[] = [];
          for (const p of batch) {
            const row = getConv.get(p.commit.conversationId);
            if (row?.etag === p.wire.etag) {
              recache(p.commit.conversationId, { state: p.commit.state, etag: p.wire.etag, lastSeq: row.last_seq, updatedAt: p.wire.now });
              clientIds.set(row.id, { etag: row.etag, ids: parseClientIds(row.client_ids) });
              p.resolve(p.wire.etag);
            } else again.push(p);
          }
          queue = again.concat(queue);
          if (!scheduled) schedule(0);
          return;
        }
        // The transaction as a whole failed (BEGIN or COMMIT): nothing of this batch is stored.
        for (const p of batch) {
          cache.delete(p.commit.conversationId);
          clientIds.delete(p.commit.conversationId);
          p.reject(err);
        }
        return;
      }
      batch.forEach((p, i) => {
        const w = written[i]!;
        if ('failed' in w) {
          cache.delete(p.commit.conversationId);
          clientIds.delete(p.commit.conversationId);
          p.reject(failure(w.failed));
        } else {
          recache(p.commit.conversationId, { state: p.commit.state, etag: p.wire.etag, lastSeq: w.lastSeq, updatedAt: p.wire.now });
          rememberPhone(p);
          rememberClientIds(p, w.clientIds);
          p.resolve(p.wire.etag);
        }
      });
    } finally {
      inFlight--;
    }
  }

  return {
    async openConversation({ id, channel, userId, now }) {
      const row = fromSql(await writes().open({ id, channel, userId, now, etag: randomUUID() }));
      cache.set(id, row);
      return row;
    },
    async getConversation(id, opts) {
      const cached = opts?.fresh ? undefined : cache.get(id);
      if (cached) return cached;
      const r = getConv.get(id);
      if (!r) return null;
      const row = fromSql(r);
      cache.set(id, row);
      return row;
    },
    async appendActivities(conversationId, activities, now) {
      const etag = randomUUID();
      let appended: ReturnType<ConversationWrites['append']>;
      try {
        appended = await writes().append({ conversationId, activities, now, etag });
      } catch (err) {
        if (!isLoketError(err, 'WORKER_STOPPED')) throw err;
        // The writer thread died with it: read back what it committed, or write it here.
        const row = getConv.get(conversationId);
        appended = row?.etag === etag
          // What it replaced is not known: '' matches no cached row, so the cache entry is dropped.
          ? { stored: listAct.all(conversationId, row.last_seq - activities.length, activities.length).map((r) => ({ seq: r.seq, activity: JSON.parse(r.json) })), lastSeq: row.last_seq, replaced: '', clientIds: parseClientIds(row.client_ids) }
          : await local.append({ conversationId, activities, now, etag });
      }
      const { stored, lastSeq, replaced } = appended;
      clientIds.set(conversationId, { etag, ids: appended.clientIds });
      // A cached row another process has written past (LOKET_WORKERS) must not take the new eTag: the
      // next turn here would then commit on that old state and wipe the other process's turns.
      if (cache.get(conversationId)?.etag === replaced) recache(conversationId, { etag, lastSeq, updatedAt: now });
      else cache.delete(conversationId);
      // Appending writes no verified phone: what is known of it holds under the new eTag.
      const seen = phones.get(conversationId);
      if (seen?.etag === replaced) phones.set(conversationId, { ...seen, etag });
      return { stored, etag };
    },
    commitTurn(c, now) {
      // The JSON is made here, so the writer thread gets strings (cheap to pass over).
      const wire: WireTurn = {
        conversationId: c.conversationId,
        expectedEtag: c.expectedEtag,
        etag: randomUUID(),
        state: JSON.stringify(c.state),
        activities: c.activities.map((a) => ({ seq: a.seq, id: a.activity.id, json: JSON.stringify(a.activity), clientId: clientIdOf(a.activity) })),
        handoffs: c.handoffs,
        now,
      };
      // Set one by one, not spread in: adding keys after a spread is slow on Node 20 (src/objects.ts).
      const phone = phoneToWrite(c, now);
      if (phone) wire.verifiedPhone = phone;
      // The new list of client ids, from the one stored under the eTag this turn started from; when
      // that is not known here, the commit reads it (sqlite-writes.ts).
      const seen = clientIds.get(c.conversationId);
      const ids = seen?.etag === c.expectedEtag ? withClientIds(seen.ids, wire.activities) : null;
      if (ids) wire.clientIds = JSON.stringify(ids);
      if (c.via) wire.via = c.via;
      if (c.feedback?.length) wire.feedback = c.feedback;
      if (c.afterTurn) wire.afterTurn = c.afterTurn;
      return new Promise<string>((resolve, reject) => {
        queue.push(ids ? { wire, commit: c, clientIds: ids, resolve, reject } : { wire, commit: c, resolve, reject });
        if (!scheduled) schedule(0);
      });
    },
    async listActivities(conversationId, afterSeq, limit) {
      return listAct.all(conversationId, afterSeq, limit).map((r) => ({ seq: r.seq, activity: JSON.parse(r.json) }));
    },
    async findActivityByClientId(conversationId, clientActivityId, asOf) {
      const known = asOf === undefined ? undefined : clientIds.get(conversationId);
      if (known && known.etag === asOf) {
        let seq: number | null = null;
        for (const [id, s] of known.ids) if (id === clientActivityId && (seq === null || s < seq)) seq = s;
        if (seq === null) return null;
        const r = getAct.get(conversationId, seq);
        return r ? { seq: r.seq, activity: JSON.parse(r.json) } : null;
      }
      if (!mayHaveClientId.get(conversationId, `[${JSON.stringify(clientActivityId)},`)) return null;
      const r = byClientId.get({ id: conversationId, clientId: clientActivityId });
      return r ? { seq: r.seq, activity: JSON.parse(r.json) } : null;
    },
    writerThread: () => rpc,
    async drain() {
      await writerReady;
      while (queue.length > 0 || inFlight > 0) {
        if (queue.length > 0 && !scheduled) await flush();
        else await new Promise((r) => setTimeout(r, 1));
      }
      if (rpc) {
        const r: WorkerRpc = rpc;
        rpc = null;
        if (r.alive) await r.call('close', null).catch(() => {});
        await r.close();
      }
    },
  };
}
