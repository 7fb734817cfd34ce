/** One-time codes in the embedded store: SMS verification codes and cross-channel link codes. */
import type Database from 'better-sqlite3';
import type { CheckTable, CodeTable } from './types.ts';
import { writeTransaction } from './sqlite-tx.ts';

export const CODES_SCHEMA = `
CREATE TABLE IF NOT EXISTS verification_codes (
  id INTEGER PRIMARY KEY AUTOINCREMENT, conversation_id TEXT NOT NULL, case_number TEXT NOT NULL,
  code_hash TEXT NOT NULL, expires_at TEXT NOT NULL, tries INTEGER NOT NULL DEFAULT 0, used INTEGER NOT NULL DEFAULT 0);
CREATE INDEX IF NOT EXISTS verification_codes_conv ON verification_codes (conversation_id, case_number);
CREATE TABLE IF NOT EXISTS link_codes (code_hash TEXT PRIMARY KEY, conversation_id TEXT NOT NULL, expires_at TEXT NOT NULL, used INTEGER NOT NULL DEFAULT 0);
CREATE TABLE IF NOT EXISTS failed_checks (case_number TEXT NOT NULL, at TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS failed_checks_case ON failed_checks (case_number, at);
CREATE INDEX IF NOT EXISTS failed_checks_at ON failed_checks (at);
CREATE TABLE IF NOT EXISTS verified_phones (phone TEXT NOT NULL, conversation_id TEXT NOT NULL, at TEXT NOT NULL, PRIMARY KEY (phone, conversation_id));
`;

export function sqliteCodes(db: Database.Database): CodeTable {
  type Row = { id: number; code_hash: string; expires_at: string; tries: number; used: number };
  const q = {
    retire: db.prepare('UPDATE verification_codes SET used = 1 WHERE conversation_id = ? AND case_number = ? AND used = 0'),
    ins: db.prepare('INSERT INTO verification_codes (conversation_id, case_number, code_hash, expires_at) VALUES (?, ?, ?, ?)'),
    latest: db.prepare<[string, string], Row>('SELECT * FROM verification_codes WHERE conversation_id = ? AND case_number = ? AND used = 0 ORDER BY id DESC LIMIT 1'),
    bump: db.prepare('UPDATE verification_codes SET tries = tries + 1 WHERE id = ?'),
    use: db.prepare('UPDATE verification_codes SET used = 1 WHERE id = ? AND used = 0'),
    insLink: db.prepare('INSERT OR REPLACE INTO link_codes (code_hash, conversation_id, expires_at, used) VALUES (?, ?, ?, 0)'),
    getLink: db.prepare<[string], { conversation_id: string; expires_at: string; used: number }>('SELECT * FROM link_codes WHERE code_hash = ?'),
    useLink: db.prepare('UPDATE link_codes SET used = 1 WHERE code_hash = ? AND used = 0'),
    insPhone: db.prepare('INSERT INTO verified_phones (phone, conversation_id, at) VALUES (?, ?, ?) ON CONFLICT(phone, conversation_id) DO UPDATE SET at = excluded.at'),
    findPhone: db.prepare<[string, string], { conversation_id: string }>('SELECT conversation_id FROM verified_phones WHERE phone = ? AND at >= ? ORDER BY at DESC LIMIT 1'),
  };
  const issue = writeTransaction(db, (conversationId: string, caseNumber: string, codeHash: string, expiresAt: string) => {
    q.retire.run(conversationId, caseNumber);
    q.ins.run(conversationId, caseNumber, codeHash, expiresAt);
  });
  const check = writeTransaction(db, (conversationId: string, caseNumber: string, codeHash: string, now: string, maxTries: number) => {
    const row = q.latest.get(conversationId, caseNumber);
    if (!row || row.expires_at <= now || row.tries >= maxTries) return false;
    if (row.code_hash !== codeHash) {
      q.bump.run(row.id);
      return false;
    }
    return q.use.run(row.id).changes === 1;
  });
  const redeem = writeTransaction(db, (codeHash: string, now: string) => {
    const row = q.getLink.get(codeHash);
    if (!row || row.used || row.expires_at <= now) return null;
    q.useLink.run(codeHash);
    return row.conversation_id;
  });
  return {
    async issueVerification(conversationId, caseNumber, codeHash, expiresAt) {
      issue(conversationId, caseNumber, codeHash, expiresAt);
    },
    async checkVerification(conversationId, caseNumber, codeHash, now, maxTries) {
      return check(conversationId, caseNumber, codeHash, now, maxTries);
    },
    async issueLink(codeHash, conversationId, expiresAt) {
      q.insLink.run(codeHash, conversationId, expiresAt);
    },
    async redeemLink(codeHash, now) {
      return redeem(codeHash, now);
    },
    async recordVerifiedPhone(phone, conversationId, now) {
      q.insPhone.run(phone, conversationId, now);
    },
    async findByVerifiedPhone(phone, since) {
      return q.findPhone.get(phone, since)?.conversation_id ?? null;
    },
  };
}

/** Checks of case facts that failed or are under way, over all conversations (src/cases/guard.ts). */
export function sqliteChecks(db: Database.Database): CheckTable {
  const q = {
    ins: db.prepare('INSERT INTO failed_checks (case_number, at) VALUES (?, ?)'),
    // Every number's checks older than the window: numbers that never fail again do not stay forever.
    forgetOld: db.prepare('DELETE FROM failed_checks WHERE at < ?'),
    forget: db.prepare('DELETE FROM failed_checks WHERE rowid = ?'),
    recent: db.prepare<[string, string, number], { at: string }>('SELECT at FROM failed_checks WHERE case_number = ? AND at >= ? ORDER BY at DESC LIMIT ?'),
  };
  const reserve = writeTransaction(db, (caseNumber: string, at: string, since: string, limit: number): { id: number } | { times: string[] } => {
    const times = q.recent.all(caseNumber, since, limit).map((r) => r.at);
    if (times.length >= limit) return { times };
    q.forgetOld.run(since);
    return { id: Number(q.ins.run(caseNumber, at).lastInsertRowid) };
  });
  return {
    async reserve(caseNumber, at, since, limit) {
      return reserve(caseNumber, at, since, limit);
    },
    async forget(id) {
      q.forget.run(id);
    },
  };
}
