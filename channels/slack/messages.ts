/**
 * Which Slack message shows which handoff (handoff id ↔ channel + ts), so the message can be updated
 * and a thread reply can be traced back to its handoff. SQLite when the store has a handle, memory
 * otherwise (tests of the table itself, or a store without one).
 */
import type { Database } from 'better-sqlite3';

export interface HandoffMessage {
  handoffId: string;
  conversationId: string;
  channel: string;
  ts: string;
  /** The signature of what the message shows now (see blocks.ts `renderHandoff`). */
  rendered: string;
}

export interface HandoffMessageTable {
  get(handoffId: string): Promise<HandoffMessage | null>;
  /** The handoff whose message is the parent of this thread. */
  byThread(channel: string, threadTs: string): Promise<HandoffMessage | null>;
  /** Inserts or replaces the row of this handoff. */
  save(message: HandoffMessage): Promise<void>;
}

export function memoryHandoffMessages(): HandoffMessageTable {
  const rows = new Map<string, HandoffMessage>();
  return {
    async get(handoffId) {
      return rows.get(handoffId) ?? null;
    },
    async byThread(channel, threadTs) {
      return [...rows.values()].find((m) => m.channel === channel && m.ts === threadTs) ?? null;
    },
    async save(message) {
      rows.set(message.handoffId, { ...message });
    },
  };
}

const SCHEMA = `
CREATE TABLE IF NOT EXISTS slack_handoff_messages (
  handoff_id TEXT PRIMARY KEY, conversation_id TEXT NOT NULL, channel TEXT NOT NULL, ts TEXT NOT NULL,
  rendered TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS slack_handoff_messages_thread ON slack_handoff_messages (channel, ts);
`;

interface Row { handoff_id: string; conversation_id: string; channel: string; ts: string; rendered: string }

const toMessage = (r: Row): HandoffMessage => ({ handoffId: r.handoff_id, conversationId: r.conversation_id, channel: r.channel, ts: r.ts, rendered: r.rendered });

export function sqliteHandoffMessages(db: Database): HandoffMessageTable {
  db.exec(SCHEMA);
  const q = {
    get: db.prepare<[string], Row>('SELECT * FROM slack_handoff_messages WHERE handoff_id = ?'),
    byThread: db.prepare<[string, string], Row>('SELECT * FROM slack_handoff_messages WHERE channel = ? AND ts = ?'),
    save: db.prepare(
      `INSERT INTO slack_handoff_messages (handoff_id, conversation_id, channel, ts, rendered) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT(handoff_id) DO UPDATE SET channel = excluded.channel, ts = excluded.ts, rendered = excluded.rendered`,
    ),
  };
  return {
    async get(handoffId) {
      const r = q.get.get(handoffId);
      return r ? toMessage(r) : null;
    },
    async byThread(channel, threadTs) {
      const r = q.byThread.get(channel, threadTs);
      return r ? toMessage(r) : null;
    },
    async save(m) {
      q.save.run(m.handoffId, m.conversationId, m.channel, m.ts, m.rendered);
    },
  };
}
