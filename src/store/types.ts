/**
 * Storage behind one interface, so the embedded SQLite store and PostgreSQL (several instances) are
 * interchangeable. Every method is async even where SQLite is not, for that reason.
 */
import type { ActivityJson, ChannelId, ConversationRecord, StoredActivity } from '../conversation/types.ts';
import type { CaseRecord, DialogState, HandoffRecord } from '../dialog/types.ts';
import type { Handoff, HandoffState, Note } from '../handoff/types.ts';

export interface ConversationRow extends ConversationRecord {
  state: DialogState | null;
  /** Changes on every write; a commit with a stale eTag fails with CONVERSATION_CONFLICT. */
  etag: string;
  /** seq of the last stored activity (0 when none). */
  lastSeq: number;
}

export interface TurnCommit {
  conversationId: string;
  expectedEtag: string;
  state: DialogState;
  /** Outbound activities with their ids already assigned (seq = lastSeq + 1 …). */
  activities: StoredActivity[];
  handoffs: HandoffRecord[];
  /**
   * The conversation's verified phone number, recorded with the turn (CodeTable.recordVerifiedPhone).
   * Its time is renewed only when the one stored is VERIFIED_PHONE_REFRESH_MS old or more.
   */
  verifiedPhone?: string;
  /** The channel address the citizen's message came by, recorded as the last used one (AddressTable.attach) in the same commit. */
  via?: { channel: ChannelId; address: string };
  /** Feedback the citizen gave in this turn: stored with the turn, so nothing after the commit can lose it. */
  feedback?: FeedbackWrite[];
  /**
   * Work to do after the turn (the handoff's part of it), kept by the citizen message's activity id until
   * it is done (AfterTurnTable), held by this process (`token`) from the commit on.
   */
  afterTurn?: { activityId: string; json: string; token: string };
}

/** A score, or words the citizen sent after it in a message of their own, added to that score's comment. */
export type FeedbackWrite =
  | { kind: 'score'; score: number; comment: string; about: string; channel: ChannelId; at: string }
  | { kind: 'comment'; about: string; comment: string };

/**
 * After-turn work kept in the store (TurnCommit.afterTurn) until it is done: when it fails, the client's
 * retry of the message (answered as a repeat, by whichever process it reaches) does it then, and work
 * whose process stopped is found by the sweep once its lease has run out. Whoever takes it holds it
 * under a token of their own; only that token lets it go or marks it done.
 */
export interface AfterTurnTable {
  /**
   * Takes the kept work of this message for `token`: null when there is none or another holds it (took
   * it less than AFTER_TURN_LEASE_MS ago; the turn's own process holds it from the commit on).
   * `lastSeq`: the seq of the turn's last activity (what came after it came later).
   */
  claim(activityId: string, now: string, token: string): Promise<{ conversationId: string; json: string; lastSeq: number } | null>;
  /** Kept work nobody holds (let go, or its lease ran out before `now`), made at or after `since`: activity ids, oldest first. */
  loose(now: string, since: string, limit: number): Promise<string[]>;
  /** Lets go of work that failed, so a retry may take it at once. */
  release(activityId: string, token: string): Promise<void>;
  done(activityId: string, token: string): Promise<void>;
  /** Forgets work kept since before `before`; how many. */
  prune(before: string): Promise<number>;
}

/** How long taken after-turn work is left to the process that took it before another may take it. */
export const AFTER_TURN_LEASE_MS = 30_000;

/**
 * A verified phone's stored time (what findByVerifiedPhone's `since` compares with) is renewed by a
 * turn only once it is this old: a conversation verified on the web can be continued from that phone
 * (CONTINUE_WITHIN_MS in src/conversation/pipeline.ts) until between that window minus this and the
 * window itself after its last turn, never longer. Renewing it on every turn cost a write per turn.
 */
export const VERIFIED_PHONE_REFRESH_MS = 10 * 60_000;

export interface Store {
  /** Creates the conversation, or returns the existing one with that id. */
  openConversation(input: { id: string; channel: ChannelId; userId: string | null; now: string }): Promise<ConversationRow>;
  /**
   * The row; it may be shared with a cache, so treat it (and its state) as read-only. `fresh` reads
   * what is stored now, past a cache that another process's writes may have left behind (the turn
   * itself needs no such read: a stale row fails its commit on the eTag).
   */
  getConversation(id: string, opts?: { fresh?: boolean }): Promise<ConversationRow | null>;
  /** Appends activities outside a turn (the citizen's message, a welcome). Returns them with seq and the new eTag. */
  appendActivities(conversationId: string, activities: ActivityJson[], now: string): Promise<{ stored: StoredActivity[]; etag: string }>;
  /**
   * Writes a turn's state, activities (the citizen's message and the replies) and handoff records
   * in one transaction; resolves with the new eTag only once they are committed. Rejects with
   * CONVERSATION_CONFLICT when the stored eTag is no longer `expectedEtag`.
   */
  commitTurn(commit: TurnCommit, now: string): Promise<string>;
  listActivities(conversationId: string, afterSeq: number, limit: number): Promise<StoredActivity[]>;
  /**
   * The activity of this conversation stored with `channelData.clientActivityID` = `clientActivityId`
   * (the id a Direct Line client gives each message it sends, and sends again when it retries it), or
   * null; the first stored when there are several. Only the conversation's latest 16 messages with
   * such an id are looked at (a client retries what it is sending, not what it sent long ago).
   * `asOf`: the eTag of the row the caller holds. When the store knows the ids stored under that
   * eTag it answers from them without reading the file, so a copy another process stored since is
   * not seen; a turn run on that row then fails its commit (CONVERSATION_CONFLICT), after which the
   * caller asks again without `asOf`. Without it the answer is what is stored now.
   */
  findActivityByClientId(conversationId: string, clientActivityId: string, asOf?: string): Promise<StoredActivity | null>;
  /** Records that `key` was processed; false if it had been already (webhook retries). */
  markProcessed(key: string, now: string): Promise<boolean>;
  /** A named secret, created with `make()` on first use and the same on every later start. */
  secret(name: string, make: () => string): Promise<string>;
  /** The embedded case table (the demo case source reads it). */
  cases: CaseTable;
  handoffs: HandoffTable;
  addresses: AddressTable;
  codes: CodeTable;
  /** Failed checks of case facts over all conversations (src/cases/guard.ts). */
  checks: CheckTable;
  feedback: FeedbackTable;
  afterTurn: AfterTurnTable;
  corrections: CorrectionTable;
  users: UserTable;
  sessions: SessionTable;
  /**
   * The driver handle underneath (the better-sqlite3 `Database` of the embedded store), for channel
   * tables kept next to their channel (channels/sms/sqlite.ts). Absent on stores that have none.
   */
  raw?: unknown;
  close(): Promise<void>;
}

/** A case as the embedded table keeps it: a CaseRecord without where and when it was read. */
export type CaseRow = Omit<CaseRecord, 'source' | 'fetchedAt'>;

export interface CaseTable {
  get(number: string): Promise<CaseRow | null>;
  upsert(row: CaseRow): Promise<void>;
  count(): Promise<number>;
}

export interface HandoffTable {
  insert(h: Handoff): Promise<void>;
  get(id: string): Promise<Handoff | null>;
  /** The queued or active handoff of a conversation, if any. */
  openFor(conversationId: string): Promise<Handoff | null>;
  /** How many waiting handoffs of its team are ahead of `h` (queue order), and how many wait in all. */
  queuePlace(h: Handoff, now: string): Promise<{ ahead: number; total: number }>;
  /** The conversation's most recent handoff, whatever its state. */
  latestFor(conversationId: string): Promise<Handoff | null>;
  /**
   * The handoff requests stored with turns (TurnCommit.handoffs), with an id above `afterId` and made at
   * or after `since`, in id order (src/handoff/forgotten.ts looks for those whose handoff never came).
   */
  requestsAfter(afterId: number, since: string, limit: number): Promise<Array<{ id: number; conversationId: string; record: HandoffRecord }>>;
  /** Every handoff of the conversation, oldest first (what a caseworker who takes over again should know). */
  ofConversation(conversationId: string): Promise<Handoff[]>;
  list(filter: { states?: HandoffState[]; team?: string; limit?: number }): Promise<Handoff[]>;
  /** Writes `next` if the stored version is still `next.version - 1`; false when someone changed it first. */
  update(next: Handoff): Promise<boolean>;
  addNote(note: Note): Promise<void>;
  notes(handoffId: string): Promise<Note[]>;
}

export type Role = 'caseworker' | 'supervisor' | 'admin';

export interface User {
  username: string;
  name: string;
  role: Role;
  teams: string[];
  createdAt: string;
}

export interface UserTable {
  /** Creates the user; false when the username is taken. */
  insert(user: User, passwordHash: string): Promise<boolean>;
  get(username: string): Promise<(User & { passwordHash: string }) | null>;
  list(): Promise<User[]>;
  count(): Promise<number>;
}

export interface Session {
  /** sha256 of the bearer token; the token itself is never stored. */
  tokenHash: string;
  username: string;
  csrf: string;
  expiresAt: string;
}

export interface SessionTable {
  insert(s: Session): Promise<void>;
  get(tokenHash: string): Promise<Session | null>;
  delete(tokenHash: string): Promise<void>;
}

/** Where a citizen can be reached: a channel and the address on it (phone number, Slack user, web conversation). */
export interface Address {
  channel: ChannelId;
  address: string;
  conversationId: string;
  lastSeen: string;
}

export interface AddressTable {
  /** The conversation this address belongs to, if any. */
  find(channel: ChannelId, address: string): Promise<string | null>;
  /** Ties the address to the conversation (moving it from another one) and marks it as just used. */
  attach(conversationId: string, channel: ChannelId, address: string, now: string): Promise<void>;
  /** The conversation's addresses, most recently used first. */
  list(conversationId: string): Promise<Address[]>;
}

/** One-time codes. Only hashes are stored; the caller hashes (so the salt policy lives in one place). */
export interface CodeTable {
  /** Stores a new SMS verification code for this case in this conversation; earlier ones stop working. */
  issueVerification(conversationId: string, caseNumber: string, codeHash: string, expiresAt: string): Promise<void>;
  /** True once for the right, unexpired code with tries left; a wrong code uses up a try. */
  checkVerification(conversationId: string, caseNumber: string, codeHash: string, now: string, maxTries: number): Promise<boolean>;
  issueLink(codeHash: string, conversationId: string, expiresAt: string): Promise<void>;
  /** The conversation the link code belongs to (once), or null. */
  redeemLink(codeHash: string, now: string): Promise<string | null>;
  /** Remembers that this phone number is the verified number of a conversation (for continuing by SMS). */
  recordVerifiedPhone(phone: string, conversationId: string, now: string): Promise<void>;
  findByVerifiedPhone(phone: string, since: string): Promise<string | null>;
}

/** Checks of a case number's facts that failed (or are under way), in every conversation. */
export interface CheckTable {
  /**
   * In one transaction: with fewer than `limit` checks of this number at or after `since`, records one
   * at `at` and gives its id (older ones may go); else gives the times of the newest `limit`, newest first.
   */
  reserve(caseNumber: string, at: string, since: string, limit: number): Promise<{ id: number } | { times: string[] }>;
  /** The check no longer counts (its facts matched). */
  forget(id: number): Promise<void>;
}

export interface Feedback {
  conversationId: string;
  score: number;
  comment: string;
  /** `contact` (after a goodbye) or `handoff:<id>` (after a caseworker ended it). */
  about: string;
  channel: ChannelId;
  at: string;
}

/** Scores and comments are written with the turn that gave them (TurnCommit.feedback); this reads them. */
export interface FeedbackTable {
  list(filter: { since?: string; limit?: number }): Promise<Feedback[]>;
}

/**
 * A caseworker's correction of what the assistant made of one citizen message (lesson 5): the
 * situation it showed (`none`: no special situation, a false alarm) and/or what the citizen asked.
 * Contact-centre staff export them and add them to the dialogs' examples.
 */
export interface Correction {
  conversationId: string;
  activityId: string;
  text: string;
  lang: 'nl' | 'en';
  /** What the assistant made of it (the trace of its first reply), when it replied. */
  assistant: { intent: string | null; reason: string | null };
  /** The caseworker's labels; null where they left it as it was. */
  intent: string | null;
  reason: string | null;
  by: string;
  at: string;
  dialogVersion: string | null;
}

export interface CorrectionTable {
  /** One per message and caseworker: a second correction of the same message replaces the first. */
  upsert(c: Correction): Promise<void>;
  /** The correction of this message by this caseworker, if any. */
  of(activityId: string, by: string): Promise<Correction | null>;
  list(filter: { since?: string; limit?: number }): Promise<Correction[]>;
}
