/**
 * Which SQLite statements one web turn runs, and how often: `node bin/run-ts.js bench/lib/turn-statements.ts`.
 * Loket on a temp SQLite file, 50 conversations sending the message mix at once (so the group commit
 * batches them, as under load), the turns given as the Direct Line route gives them (via the web
 * channel). Every statement run (run/get/all/iterate, transaction control and db.pragma included)
 * is counted by its SQL over 3,000 turns after a warm-up, then printed per turn, with the rows each
 * changed per turn (run only; an upsert that changes none wrote nothing).
 */
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MESSAGE_MIX } from './scenarios.ts';

const counts = new Map<string, number>();
/** Rows each statement changed (run's `changes`): a statement that changes none writes no page. */
const changed = new Map<string, number>();
let counting = false;
const count = (key: string) => {
  if (counting) counts.set(key, (counts.get(key) ?? 0) + 1);
};
{
  const probe = new Database(':memory:');
  const proto = Object.getPrototypeOf(probe.prepare('SELECT 1')) as Record<string, (...a: unknown[]) => unknown>;
  for (const method of ['run', 'get', 'all', 'iterate']) {
    const orig = proto[method]!;
    proto[method] = function (this: { source: string }, ...args: unknown[]) {
      const key = `${method.padEnd(7)} ${this.source.replace(/\s+/g, ' ').slice(0, 100)}`;
      count(key);
      const result = orig.apply(this, args);
      if (counting && method === 'run') changed.set(key, (changed.get(key) ?? 0) + ((result as { changes: number }).changes ?? 0));
      return result;
    };
  }
  probe.close();
}

const { createLoket } = await import('../../src/server/loket.ts');
const dir = mkdtempSync(join(tmpdir(), 'loket-statements-'));
const loket = await createLoket({ DATABASE_URL: `sqlite:${join(dir, 'loket.db')}`, LOG_LEVEL: 'silent', LOKET_NLU_CACHE: join(dir, 'nlu') });
const ids: string[] = [];
for (let i = 0; i < 50; i++) ids.push((await loket.service.open({ channel: 'web', welcome: true })).id);
let turns = 0;
const round = async (k: number) => {
  await Promise.all(ids.map((id, c) => loket.service.receive(id, {
    type: 'message', text: MESSAGE_MIX[k % MESSAGE_MIX.length]!, from: { id: `citizen-${c}`, role: 'user' }, locale: 'nl-NL',
    via: { channel: 'web', address: id },
  })));
  turns += ids.length;
};
for (let k = 0; k < 12; k++) await round(k);
counting = true;
const from = turns;
for (let k = 0; k < 60; k++) await round(k);
counting = false;
const n = turns - from;
console.log(`SQLite statements per turn (${n} turns, 50 conversations at once, mix of ${MESSAGE_MIX.length} messages), and rows they changed per turn:`);
let total = 0;
let rows = 0;
for (const [sql, v] of [...counts].sort((a, b) => b[1] - a[1])) {
  total += v;
  const c = changed.get(sql);
  rows += c ?? 0;
  console.log(`${(v / n).toFixed(3).padStart(8)}  ${c === undefined ? '        ' : (c / n).toFixed(3).padStart(8)}  ${sql}`);
}
console.log(`${(total / n).toFixed(3).padStart(8)}  ${(rows / n).toFixed(3).padStart(8)}  in all`);
await loket.close();
rmSync(dir, { recursive: true, force: true });
