/**
 * WAL checkpoints off the event loop. SQLite's automatic checkpoint runs inside the commit that
 * crosses the threshold, so once every few thousand pages one turn's commit copies the whole WAL
 * back into the database file while every other request waits: that was the p99 of bench/turns.ts
 * (126 ms at 50 conversations against a p50 of 30 ms; 57 ms with checkpoints off).
 *
 * Here the store's own connection never checkpoints (`wal_autocheckpoint = 0`); a worker thread with
 * its own connection to the same file runs PASSIVE checkpoints, which never block writers or readers.
 * When a checkpoint has copied everything, the next writer starts the WAL from the beginning again, so
 * it does not grow. Should the worker fail, the store's connection goes back to checkpointing itself.
 */
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type Database from 'better-sqlite3';

export interface Checkpointer {
  /** Stops the worker (and closes its connection). */
  stop(): Promise<void>;
}

export interface CheckpointerOptions {
  /** How often the worker checkpoints. */
  everyMs?: number;
  /** WAL frames (pages) above which the worker waits for a gap and starts the WAL over (16,384 ≈ 64 MB). */
  restartFrames?: number;
  onError?(err: Error): void;
}

/** Runs in the worker (plain CommonJS, so it needs no TypeScript loader). */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.file);
db.pragma('busy_timeout = 0');
const timer = setInterval(() => {
  try {
    const [r] = db.pragma('wal_checkpoint(PASSIVE)');
    // Under a steady stream of commits a passive checkpoint may never find the WAL quiet enough to
    // start it over; past the limit, wait for a gap and restart it (writers wait only for the few
    // frames copied since the last passive run).
    if (r && r.log > workerData.restartFrames) {
      db.pragma('busy_timeout = 2000');
      try {
        db.pragma('wal_checkpoint(TRUNCATE)');
      } finally {
        db.pragma('busy_timeout = 0');
      }
    }
  } catch (err) {
    // SQLITE_BUSY: another connection is checkpointing, or no gap came; try again next time.
    if (err && err.code !== 'SQLITE_BUSY') throw err;
  }
}, workerData.everyMs);
parentPort.on('message', (m) => {
  if (m === 'stop') {
    clearInterval(timer);
    db.close();
    parentPort.postMessage('stopped');
  }
});
`;

/** The fallback when no worker runs: SQLite's default threshold (1,000 pages). */
const AUTO_CHECKPOINT_PAGES = 1000;

export function startCheckpointer(db: Database.Database, file: string, opts: CheckpointerOptions = {}): Checkpointer {
  const driver = createRequire(import.meta.url).resolve('better-sqlite3');
  db.pragma('wal_autocheckpoint = 0');
  const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { file, driver, everyMs: opts.everyMs ?? 100, restartFrames: opts.restartFrames ?? 16_384 } });
  worker.unref();
  let stopped = false;
  const fallBack = (err: Error) => {
    if (stopped) return;
    stopped = true;
    if (db.open) db.pragma(`wal_autocheckpoint = ${AUTO_CHECKPOINT_PAGES}`);
    opts.onError?.(err);
  };
  worker.on('error', fallBack);
  worker.on('exit', (code) => fallBack(new Error(`the checkpoint worker stopped (exit code ${code})`)));
  return {
    async stop() {
      if (stopped) return;
      stopped = true;
      await new Promise<void>((resolve) => {
        worker.once('exit', () => resolve());
        worker.on('message', (m) => {
          if (m === 'stopped') void worker.terminate();
        });
        worker.postMessage('stop');
      });
    },
  };
}
