/**
 * Write transactions on the store's file. Other connections commit at any moment (the writer and
 * checkpoint threads, other LOKET_WORKERS processes), so a transaction that would write takes the
 * write lock when it begins (BEGIN IMMEDIATE) and waits its turn there. A deferred one that read
 * first would fail at its first write with "database is locked" instead of waiting.
 * Inside another transaction it is a savepoint, as with better-sqlite3's own.
 */
import type Database from 'better-sqlite3';

export function writeTransaction<A extends unknown[], R>(db: Database.Database, fn: (...args: A) => R): (...args: A) => R {
  const tx = db.transaction(fn);
  return (...args: A) => tx.immediate(...args);
}
