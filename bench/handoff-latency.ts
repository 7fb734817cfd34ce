/**
 * How long a handoff takes from the citizen's message to the caseworker's console: the time from
 * sending "ik wil een medewerker spreken" over Direct Line until the console's live socket
 * (/api/v1/events) announces the queued handoff. Real server on a real port, SQLite on disk.
 *
 *   node bin/run-ts.js bench/handoff-latency.ts [--count 300] [--conc 1,20]
 */
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import WebSocket from 'ws';
import { createLoket } from '../src/server/loket.ts';

const arg = (name: string, def: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1]! : def;
};
const COUNT = Number(arg('count', '300'));
const LEVELS = arg('conc', '1,20').split(',').map(Number);

const dir = mkdtempSync(join(tmpdir(), 'loket-bench-handoff-'));
const loket = await createLoket({
  DATABASE_URL: `sqlite:${join(dir, 'loket.db')}`, LOG_LEVEL: 'silent', LOKET_OFFICE_HOURS: 'always',
  LOKET_SWEEP_SECONDS: '0', LOKET_ADMIN_USER: 'bench', LOKET_ADMIN_PASSWORD: 'bench-password-1', LOKET_NLU_CACHE: join(dir, 'nlu'),
});
const base = await loket.app.listen({ port: 0, host: '127.0.0.1' });

const post = async (path: string, body: unknown, token?: string) => {
  const res = await fetch(base + path, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
  return res.json() as Promise<Record<string, string>>;
};

const { token: cwToken } = await post('/api/v1/auth/login', { username: 'bench', password: 'bench-password-1' });
const socket = new WebSocket(`${base.replace('http', 'ws')}/api/v1/events?token=${cwToken}`);
await new Promise((resolve, reject) => { socket.once('message', resolve); socket.once('error', reject); });
const waiting = new Map<string, (at: number) => void>();
socket.on('message', (raw) => {
  const msg = JSON.parse(String(raw)) as { type: string; handoff?: { conversationId: string } };
  if (msg.type === 'handoff.queued' && msg.handoff) waiting.get(msg.handoff.conversationId)?.(performance.now());
});

async function oneHandoff(): Promise<number> {
  const conv = await post('/v3/directline/conversations', {});
  const seen = new Promise<number>((resolve) => waiting.set(conv.conversationId!, resolve));
  const t0 = performance.now();
  await post(`/v3/directline/conversations/${conv.conversationId}/activities`, { type: 'message', from: { id: 'citizen' }, text: 'ik wil een medewerker spreken' }, conv.token);
  const t1 = await seen;
  waiting.delete(conv.conversationId!);
  return t1 - t0;
}

const pct = (xs: number[], p: number) => xs[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))]!;
const results: Array<{ conc: number; count: number; p50: number; p99: number; max: number }> = [];
await oneHandoff(); // warm-up
for (const conc of LEVELS) {
  const times: number[] = [];
  let left = COUNT;
  await Promise.all(Array.from({ length: conc }, async () => {
    while (left-- > 0) times.push(await oneHandoff());
  }));
  times.sort((a, b) => a - b);
  results.push({ conc, count: times.length, p50: pct(times, 50), p99: pct(times, 99), max: times.at(-1)! });
}

console.log('\nhandoff: citizen message → console live inbox (Direct Line POST → /api/v1/events handoff.queued)');
console.log('conc  count   p50 ms   p99 ms   max ms');
for (const r of results) console.log(`${String(r.conc).padStart(4)}  ${String(r.count).padStart(5)}  ${r.p50.toFixed(1).padStart(7)}  ${r.p99.toFixed(1).padStart(7)}  ${r.max.toFixed(1).padStart(7)}`);
mkdirSync('bench/results', { recursive: true });
writeFileSync('bench/results/handoff-latency.json', JSON.stringify(results, null, 2));
socket.close();
await loket.close();
