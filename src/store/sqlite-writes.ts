/**
 * The writes of the conversation tables, on plain data (JSON strings, ids and eTags made by the
 * caller), so they run the same on the store's own connection and in the writer thread
 * (sqlite-writer.ts): open a conversation, append activities, and commit a batch of turns in one
 * transaction (a turn that fails undoes only its own writes).
 */
import type Database from 'better-sqlite3';
import type { ActivityJson, ChannelId, StoredActivity } from '../conversation/types.ts';
import type { HandoffRecord } from '../dialog/types.ts';
import { LoketError } from '../errors.ts';
import { activityId } from './ids.ts';
import { ATTACH_ADDRESS, attachParams, INSERT_AFTER_TURN } from './sqlite-handoffs.ts';
import type { FeedbackWrite } from './types.ts';
import { writeTransaction } from './sqlite-tx.ts';

/** A score, written with the turn that gave it: conversation_id, score, comment, about, channel, at. */
const INSERT_FEEDBACK = 'INSERT INTO feedback (conversation_id, score, comment, about, channel, at) VALUES (?, ?, ?, ?, ?, ?)';
/** Words added to the conversation's last score about `about` (named parameters: conversationId, about, text). */
const ADD_FEEDBACK_COMMENT = `UPDATE feedback SET comment = CASE comment WHEN '' THEN @text ELSE substr(comment || ' ' || @text, 1, 1000) END
    WHERE id = (SELECT max(id) FROM feedback WHERE conversation_id = @conversationId AND about = @about)`;

/** A turn's write failed after some of it was written: the batch runs again, each turn in a savepoint. */
class PartlyWritten extends Error {
  constructor(readonly error: unknown) {
    super('a turn failed part-way through its writes');
  }
}

export interface ConvSql {
  id: string; channel: string; user_id: string | null; created_at: string; updated_at: string;
  state: string | null; etag: string; last_seq: number;
  /** The client ids of its latest messages as JSON (see ClientIds); NULL before the first. */
  client_ids: string | null;
}

/**
 * The channelData.clientActivityID of a conversation's latest messages that had one, with their seq,
 * newest first, at most CLIENT_IDS_KEPT: kept on the conversation's row, which every turn writes
 * anyway, so a retried message is found (findActivityByClientId) without an index on the
 * activities. An index entry per message cost a page write per turn at the commit (bench/README.md).
 * A client retries the message it is sending, so the last few are the ones that can come again.
 */
export type ClientIds = Array<[clientId: string, seq: number]>;
export const CLIENT_IDS_KEPT = 16;

/** The list after `activities` were stored, or null when none of them has a client id (the list stays). */
export function withClientIds(before: ClientIds, activities: ReadonlyArray<{ seq: number; clientId: string | null }>): ClientIds | null {
  let after: ClientIds | null = null;
  for (const a of activities) {
    if (a.clientId === null) continue;
    after = [[a.clientId, a.seq] as [string, number]].concat(after ?? before);
  }
  return after && after.length > CLIENT_IDS_KEPT ? after.slice(0, CLIENT_IDS_KEPT) : after;
}

export function parseClientIds(json: string | null): ClientIds {
  return json ? (JSON.parse(json) as ClientIds) : [];
}

/** One turn, ready to write: the state and activities already JSON, the new eTag chosen. */
export interface WireTurn {
  conversationId: string;
  expectedEtag: string;
  etag: string;
  state: string;
  /** `clientId`: the activity's channelData.clientActivityID when it is a string (clientIdOf). */
  activities: Array<{ seq: number; id: string; json: string; clientId: string | null }>;
  /**
   * The conversation's client ids after this turn (JSON of ClientIds), made by the caller from the
   * list it knows under `expectedEtag`. Absent when no activity has one, or when the caller did not
   * know the list: then the commit reads it from the row and adds the turn's.
   */
  clientIds?: string;
  handoffs: HandoffRecord[];
  verifiedPhone?: string;
  via?: { channel: ChannelId; address: string };
  feedback?: FeedbackWrite[];
  afterTurn?: { activityId: string; json: string; token: string };
  now: string;
}

/** A turn's outcome: its last seq, or why it was not written (as data, so it crosses threads). */
export type WireWritten = { lastSeq: number; clientIds?: ClientIds } | { failed: { code: string; message: string; args?: Array<string | number> } };

export interface ConversationWrites {
  open(input: { id: string; channel: ChannelId; userId: string | null; now: string; etag: string }): ConvSql;
  /**
   * `replaced`: the eTag the row had before (a process's cached row is current only if it had that one);
   * `clientIds`: the conversation's list after the append.
   */
  append(input: { conversationId: string; activities: ActivityJson[]; now: string; etag: string }): { stored: StoredActivity[]; lastSeq: number; replaced: string; clientIds: ClientIds };
  /** All turns in one write transaction; throws (nothing written) when the transaction itself fails. */
  commit(batch: WireTurn[]): WireWritten[];
}

/** The activities.client_id of an activity: its channelData.clientActivityID, if that is a string. */
export function clientIdOf(activity: ActivityJson): string | null {
  const id = activity.channelData?.clientActivityID;
  return typeof id === 'string' ? id : null;
}

/** The settings of every connection to the store's file (the store's own and the writer thread's). */
export function configureConnection(db: Database.Database): void {
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('busy_timeout = 5000');
  // Measured with bench/turns.ts: a 64 MB page cache takes µs off every turn.
  db.pragma('cache_size = -65536');
  // Pages read through a memory map (up to 256 MB of the file), not copied into the page cache: a
  // connection whose cache another process's commit made stale (LOKET_WORKERS) reads them again
  // cheaply. bench/turns.ts, two runs each way, CPU µs per turn @50/@200: one process
  // 232/222 and 239/207 → 210/210 and 174/205; ×2 processes 265/234 and 309/233 → 250/197 and 249/206.
  db.pragma('mmap_size = 268435456');
}

export function conversationWrites(db: Database.Database): ConversationWrites {
  const q = {
    getConv: db.prepare<[string], ConvSql>('SELECT * FROM conversations WHERE id = ?'),
    insConv: db.prepare(
      'INSERT OR IGNORE INTO conversations (id, channel, user_id, created_at, updated_at, state, etag, last_seq) VALUES (?, ?, ?, ?, ?, NULL, ?, 0)',
    ),
    bumpConv: db.prepare('UPDATE conversations SET last_seq = ?, etag = ?, updated_at = ? WHERE id = ?'),
    commitConv: db.prepare('UPDATE conversations SET state = ?, last_seq = ?, etag = ?, updated_at = ? WHERE id = ? AND etag = ?'),
    commitConvIds: db.prepare('UPDATE conversations SET state = ?, last_seq = ?, etag = ?, updated_at = ?, client_ids = ? WHERE id = ? AND etag = ?'),
    getIds: db.prepare<[string], { client_ids: string | null }>('SELECT client_ids FROM conversations WHERE id = ?'),
    setIds: db.prepare('UPDATE conversations SET client_ids = ? WHERE id = ?'),
    commitState: db.prepare('UPDATE conversations SET state = ?, etag = ?, updated_at = ? WHERE id = ? AND etag = ? RETURNING last_seq'),
    insAct: db.prepare('INSERT INTO activities (conversation_id, seq, id, json, created_at, client_id) VALUES (?, ?, ?, ?, ?, ?)'),
    insHandoff: db.prepare(
      'INSERT INTO handoff_requests (conversation_id, reason, evidence, priority, case_number, created_at, team) VALUES (?, ?, ?, ?, ?, ?, ?)',
    ),
    attach: db.prepare(ATTACH_ADDRESS),
    insFeedback: db.prepare(INSERT_FEEDBACK),
    addComment: db.prepare(ADD_FEEDBACK_COMMENT),
    insAfterTurn: db.prepare(INSERT_AFTER_TURN),
    insPhone: db.prepare('INSERT INTO verified_phones (phone, conversation_id, at) VALUES (?, ?, ?) ON CONFLICT(phone, conversation_id) DO UPDATE SET at = excluded.at'),
  };

  const mustGet = (id: string): ConvSql => {
    const row = q.getConv.get(id);
    if (!row) throw new LoketError('CONVERSATION_NOT_FOUND', [id]);
    return row;
  };

  const append = writeTransaction(db, ({ conversationId, activities, now, etag }: { conversationId: string; activities: ActivityJson[]; now: string; etag: string }) => {
    const before = mustGet(conversationId);
    let seq = before.last_seq;
    const stored: StoredActivity[] = activities.map((a) => {
      seq += 1;
      const activity = { ...a, id: a.id ?? activityId(conversationId, seq), timestamp: a.timestamp ?? now };
      q.insAct.run(conversationId, seq, activity.id, JSON.stringify(activity), now, clientIdOf(activity));
      return { seq, activity };
    });
    q.bumpConv.run(seq, etag, now, conversationId);
    const ids = parseClientIds(before.client_ids);
    const after = withClientIds(ids, stored.map((s) => ({ seq: s.seq, clientId: clientIdOf(s.activity) })));
    if (after) q.setIds.run(JSON.stringify(after), conversationId);
    return { stored, lastSeq: seq, replaced: before.etag, clientIds: after ?? ids };
  });

  /**
   * One turn, inside the batch's transaction. Its first statement is the eTag-checked UPDATE: a turn
   * refused there (stale eTag, no such conversation) has written nothing, so it needs no savepoint to
   * be undone. Any error after that (or a failing statement) throws PartlyWritten.
   */
  const writeOne = (c: WireTurn): { lastSeq: number; clientIds?: ClientIds } => {
    const last = c.activities.at(-1);
    let lastSeq: number | null;
    try {
      // A turn without activities keeps last_seq (and reads it back for the cache).
      if (!last) lastSeq = (q.commitState.get(c.state, c.etag, c.now, c.conversationId, c.expectedEtag) as { last_seq: number } | undefined)?.last_seq ?? null;
      else {
        const changed = c.clientIds === undefined
          ? q.commitConv.run(c.state, last.seq, c.etag, c.now, c.conversationId, c.expectedEtag).changes
          : q.commitConvIds.run(c.state, last.seq, c.etag, c.now, c.clientIds, c.conversationId, c.expectedEtag).changes;
        lastSeq = changed === 1 ? last.seq : null;
      }
    } catch (err) {
      throw new PartlyWritten(err);
    }
    if (lastSeq === null) {
      if (!q.getConv.get(c.conversationId)) throw new LoketError('CONVERSATION_NOT_FOUND', [c.conversationId]);
      throw new LoketError('CONVERSATION_CONFLICT');
    }
    let clientIds: ClientIds | null = null;
    try {
      for (const a of c.activities) q.insAct.run(c.conversationId, a.seq, a.id, a.json, c.now, a.clientId);
      // The caller did not know the list under its eTag: the row's (the eTag matched, so it is that one).
      if (c.clientIds === undefined && c.activities.some((a) => a.clientId !== null)) {
        clientIds = withClientIds(parseClientIds(q.getIds.get(c.conversationId)?.client_ids ?? null), c.activities);
        q.setIds.run(JSON.stringify(clientIds), c.conversationId);
      }
      for (const h of c.handoffs) q.insHandoff.run(c.conversationId, h.reason, h.evidence, h.priority, h.caseNumber ?? null, h.at, h.team ?? null);
      if (c.verifiedPhone) q.insPhone.run(c.verifiedPhone, c.conversationId, c.now);
      if (c.via) q.attach.run(attachParams(c.via.channel, c.via.address, c.conversationId, c.now));
      for (const f of c.feedback ?? []) {
        if (f.kind === 'score') q.insFeedback.run(c.conversationId, f.score, f.comment, f.about, f.channel, f.at);
        else q.addComment.run({ conversationId: c.conversationId, about: f.about, text: f.comment });
      }
      if (c.afterTurn) q.insAfterTurn.run({ ...c.afterTurn, conversationId: c.conversationId, lastSeq, now: c.now });
    } catch (err) {
      throw new PartlyWritten(err);
    }
    return clientIds ? { lastSeq, clientIds } : { lastSeq };
  };
  /** The same in a savepoint of its own, so a failure undoes only this turn's writes. */
  const writeOneAlone = db.transaction((c: WireTurn): { lastSeq: number; clientIds?: ClientIds } => {
    try {
      return writeOne(c);
    } catch (err) {
      throw err instanceof PartlyWritten ? err.error : err;
    }
  });
  const failedOf = (err: unknown): WireWritten => {
    const e = err as { code?: string; message?: string; args?: Array<string | number> };
    return { failed: { code: String(e.code ?? 'STORE_FAILED'), message: String(e.message ?? err), ...(err instanceof LoketError ? { args: err.args } : {}) } };
  };

  /**
   * The batch without savepoints (two statements less per turn): a refused turn has written nothing.
   * A turn that fails after it wrote (rare: a constraint, a full disk) throws PartlyWritten, which rolls
   * the whole transaction back; the batch then runs again with each turn in its own savepoint, so that
   * turn alone fails and the others commit, as before.
   */
  const commitPlain = writeTransaction(db, (batch: WireTurn[]): WireWritten[] =>
    batch.map((c) => {
      try {
        return writeOne(c);
      } catch (err) {
        if (err instanceof PartlyWritten) throw err;
        return failedOf(err);
      }
    }),
  );
  const commitInSavepoints = writeTransaction(db, (batch: WireTurn[]): WireWritten[] =>
    batch.map((c) => {
      try {
        return writeOneAlone(c);
      } catch (err) {
        return failedOf(err);
      }
    }),
  );
  const commit = (batch: WireTurn[]): WireWritten[] => {
    try {
      return commitPlain(batch);
    } catch (err) {
      if (!(err instanceof PartlyWritten)) throw err;
      return commitInSavepoints(batch);
    }
  };

  return {
    open({ id, channel, userId, now, etag }) {
      q.insConv.run(id, channel, userId, now, now, etag);
      return mustGet(id);
    },
    append,
    commit,
  };
}
