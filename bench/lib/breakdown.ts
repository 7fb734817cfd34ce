/**
 * Where a Loket turn's CPU goes, without HTTP and without concurrency: one turn at a time, in this
 * process, measured with CPU time (process.cpuUsage) so that other load on the machine matters less.
 * Run by `bench/turns.ts --profile` (in its own process), or alone:
 *   node bin/run-ts.js bench/lib/breakdown.ts [--turns 3000]
 *
 *   nlu.parse          the recognizer on each message of the mix
 *   service.receive    a whole turn (lock, store, NLU, dialog, commit, announce), SQLite file, and the
 *                      same on ':memory:' (what the file I/O adds); store calls timed inside it
 *   pieces             formatTime (remembered per minute, texts.ts), token verify (HMAC), state JSON size
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import type { AddressInfo } from 'node:net';
import { createClient } from './http.ts';
import { bareScenario, loketScenario, MESSAGE_MIX } from './scenarios.ts';

export interface Breakdown {
  nluParseUs: Record<string, number>;
  nluParseMeanUs: number;
  receive: Array<{ db: string; turns: number; cpuUsPerTurn: number; wallUsPerTurn: number; httpCpuUsPerTurn: number; healthCpuUs: number; store: Record<string, { calls: number; usPerTurn: number; usPerCall: number }> }>;
  pieces: Record<string, number | string>;
  bareHttpCpuUs: number;
}

/** A bare Fastify POST /echo driven the same way (client in this process): the HTTP floor. */
async function bareHttpCost(n: number): Promise<number> {
  const { default: Fastify } = await import('fastify');
  const app = Fastify({ logger: false });
  app.post('/echo', async () => ({ id: '1' }));
  await app.listen({ host: '127.0.0.1', port: 0 });
  const client = createClient((app.server.address() as AddressInfo).port);
  const sc = bareScenario(client);
  const conns = await Promise.all(Array.from({ length: 50 }, () => sc.open(0)));
  for (let i = 0; i < 2000; i++) await sc.turn(conns[i % 50]!, i);
  const m = await cpuUsAsync(async () => {
    for (let i = 0; i < n; i++) await sc.turn(conns[i % 50]!, i);
  });
  client.close();
  await app.close();
  return Math.round(m.cpuUs / n);
}

function cpuUs<T>(fn: () => T): { us: number; result: T } {
  const c0 = process.cpuUsage();
  const result = fn();
  const c = process.cpuUsage(c0);
  return { us: c.user + c.system, result };
}

async function cpuUsAsync<T>(fn: () => Promise<T>): Promise<{ cpuUs: number; wallUs: number; result: T }> {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const result = await fn();
  const wallUs = (performance.now() - t0) * 1000;
  const c = process.cpuUsage(c0);
  return { cpuUs: c.user + c.system, wallUs, result };
}

/** Starts the inspector's CPU profiler in this process; the returned function stops it and writes the file. */
async function startProfile(): Promise<(file: string) => Promise<void>> {
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: 200 });
  await session.post('Profiler.start');
  return async (file) => {
    const { profile } = await session.post('Profiler.stop');
    writeFileSync(file, JSON.stringify(profile));
    session.disconnect();
  };
}

async function receiveCost(dbFile: string, turns: number, profileHttp?: string) {
  const { createLoket } = await import('../../src/server/loket.ts');
  const dir = mkdtempSync(join(tmpdir(), 'loket-breakdown-'));
  const loket = await createLoket({
    DATABASE_URL: dbFile === ':memory:' ? 'sqlite::memory:' : `sqlite:${join(dir, dbFile)}`,
    LOG_LEVEL: 'silent',
    LOKET_NLU_CACHE: join(dir, 'nlu'),
  });
  const timers = new Map<string, { n: number; ms: number }>();
  const wrap = (obj: Record<string, unknown>, prefix: string, depth: number) => {
    for (const name of Object.keys(obj)) {
      const orig = obj[name];
      if (orig && typeof orig === 'object' && depth > 0) wrap(orig as Record<string, unknown>, `${prefix}${name}.`, depth - 1);
      if (typeof orig !== 'function' || name === 'close') continue;
      const key = prefix + name;
      obj[name] = function (this: unknown, ...args: unknown[]) {
      const s = performance.now();
        try {
          return (orig as (...a: unknown[]) => unknown).apply(this, args);
        } finally {
          const e = timers.get(key) ?? { n: 0, ms: 0 };
          e.n++;
          e.ms += performance.now() - s;
          timers.set(key, e);
        }
      };
    }
  };
  wrap(loket.store as unknown as Record<string, unknown>, 'store.', 1);
  const convs: string[] = [];
  for (let i = 0; i < 50; i++) convs.push((await loket.service.open({ channel: 'web', welcome: true })).id);
  const send = (i: number) => loket.service.receive(convs[i % convs.length]!, {
    type: 'message', text: MESSAGE_MIX[Math.floor(i / convs.length) % MESSAGE_MIX.length]!, from: { id: `citizen-${i % convs.length}`, role: 'user' }, locale: 'nl-NL',
  });
  for (let i = 0; i < 600; i++) await send(i); // warm-up: JIT, caches, two passes of the mix
  timers.clear();
  const stopReceiveProfile = profileHttp ? await startProfile() : null;
  const m = await cpuUsAsync(async () => {
    for (let i = 600; i < 600 + turns; i++) await send(i);
  });
  if (stopReceiveProfile) await stopReceiveProfile(profileHttp!.replace(/(\.cpuprofile)?$/, '.receive.cpuprofile'));
  const storeTimers = new Map([...timers].map(([k, v]) => [k, { ...v }]));

  // The same turns through HTTP (Direct Line POST with Bearer token), client in this process too.
  await loket.app.listen({ host: '127.0.0.1', port: 0 });
  const port = (loket.app.server.address() as AddressInfo).port;
  const client = createClient(port);
  const sessions = await Promise.all(Array.from({ length: 50 }, () => loketScenario(client).open(0)));
  const sc = loketScenario(client);
  for (let i = 0; i < 600; i++) await sc.turn(sessions[i % 50]!, Math.floor(i / 50));
  const stopHttpProfile = profileHttp ? await startProfile() : null;
  const h = await cpuUsAsync(async () => {
    for (let i = 600; i < 600 + turns; i++) await sc.turn(sessions[i % 50]!, Math.floor(i / 50));
  });
  if (stopHttpProfile) await stopHttpProfile(profileHttp!);
  // Loket's app on a trivial route (GET /health): the per-request cost of its Fastify set-up
  // (plugins, hooks, logger) with no turn behind it.
  const conns = Array.from({ length: 50 }, () => client.connection());
  for (let i = 0; i < 1000; i++) await conns[i % 50]!.json('GET', '/health');
  const hh = await cpuUsAsync(async () => {
    for (let i = 0; i < turns; i++) await conns[i % 50]!.json('GET', '/health');
  });
  client.close();

  const state = (await loket.store.getConversation(convs[0]!))?.state;
  const out = {
    db: dbFile === ':memory:' ? 'sqlite :memory:' : 'sqlite file (WAL, synchronous=NORMAL)',
    turns,
    cpuUsPerTurn: Math.round(m.cpuUs / turns),
    wallUsPerTurn: Math.round(m.wallUs / turns),
    httpCpuUsPerTurn: Math.round(h.cpuUs / turns),
    healthCpuUs: Math.round(hh.cpuUs / turns),
    store: Object.fromEntries([...storeTimers].map(([k, v]) => [k, { calls: v.n, usPerTurn: Math.round((v.ms * 1000) / turns), usPerCall: Math.round((v.ms * 1000) / v.n) }])),
    stateJsonBytes: JSON.stringify(state ?? null).length,
  };
  await loket.close();
  rmSync(dir, { recursive: true, force: true });
  return out;
}

export async function breakdown(turns = 3000, profileHttp?: string): Promise<Breakdown> {
  // NLU alone.
  const { loadDialogSet, toTrainingData } = await import('../../src/dialog/loader.ts');
  const { createRecognizer } = await import('../../src/nlu/index.ts');
  const dir = mkdtempSync(join(tmpdir(), 'loket-nlu-'));
  const recognizer = await createRecognizer(toTrainingData(loadDialogSet('dialogs')), { cacheDir: dir });
  const nluParseUs: Record<string, number> = {};
  for (const msg of MESSAGE_MIX) {
    for (let i = 0; i < 300; i++) recognizer.parse(msg);
    const n = 2000;
    nluParseUs[msg] = Math.round(cpuUs(() => {
      for (let i = 0; i < n; i++) recognizer.parse(msg);
    }).us / n);
  }
  rmSync(dir, { recursive: true, force: true });
  const nluParseMeanUs = Math.round(Object.values(nluParseUs).reduce((a, b) => a + b, 0) / MESSAGE_MIX.length);

  // Pieces.
  const pieces: Record<string, number | string> = {};
  const { formatTime } = await import('../../src/dialog/texts.ts');
  const iso = new Date().toISOString();
  for (let i = 0; i < 200; i++) formatTime(iso, 'nl', 'Europe/Amsterdam');
  pieces['formatTime (the same minute again: remembered), µs'] = Math.round(cpuUs(() => {
    for (let i = 0; i < 2000; i++) formatTime(iso, 'nl', 'Europe/Amsterdam');
  }).us / 2000);
  const cached = new Intl.DateTimeFormat('nl-NL', { hour: '2-digit', minute: '2-digit', timeZone: 'Europe/Amsterdam' });
  pieces['same with a cached Intl.DateTimeFormat, µs'] = +(cpuUs(() => {
    for (let i = 0; i < 20000; i++) cached.format(new Date(iso));
  }).us / 20000).toFixed(2);
  try {
    const { signToken, verifyToken } = await import('../../channels/web/verify.ts');
    const t = signToken({ conversationId: 'c1', secret: 'x'.repeat(43), now: new Date(), ttlSeconds: 1800 });
    for (let i = 0; i < 500; i++) verifyToken(t.token, 'x'.repeat(43), new Date());
    pieces['verifyToken (HMAC-SHA256), µs'] = +(cpuUs(() => {
      for (let i = 0; i < 5000; i++) verifyToken(t.token, 'x'.repeat(43), new Date());
    }).us / 5000).toFixed(1);
  } catch (err) {
    pieces['verifyToken'] = `not measured: ${(err as Error).message}`;
  }

  const receive = [await receiveCost('loket.db', turns, profileHttp), await receiveCost(':memory:', turns)];
  for (const r of receive) pieces[`state JSON bytes after ${turns / 50 + 12} turns (${r.db})`] = r.stateJsonBytes;
  const bareHttpCpuUs = await bareHttpCost(Math.max(5000, turns));
  return { nluParseUs, nluParseMeanUs, receive, pieces, bareHttpCpuUs };
}

export function printBreakdown(b: Breakdown): void {
  console.log('\nTurn cost without HTTP, one turn at a time (CPU time; bench/lib/breakdown.ts):');
  console.log(`  nlu.parse per message (µs): ${Object.entries(b.nluParseUs).map(([m, us]) => `"${m}" ${us}`).join(', ')}; mean ${b.nluParseMeanUs}`);
  for (const r of b.receive) {
    console.log(`  service.receive on ${r.db}: ${r.cpuUsPerTurn} µs CPU/turn (${r.wallUsPerTurn} µs wall) over ${r.turns} turns; store calls inside (sync time per turn):`);
    for (const [name, v] of Object.entries(r.store).sort((a, b) => b[1].usPerTurn - a[1].usPerTurn)) {
      console.log(`    ${name.padEnd(28)} ${String(v.usPerTurn).padStart(5)} µs/turn  (${(v.calls / r.turns).toFixed(2)} calls/turn × ${v.usPerCall} µs)`);
    }
  }
  for (const r of b.receive) {
    console.log(`  via HTTP (${r.db}, Direct Line POST, client in the same process): ${r.httpCpuUsPerTurn} µs CPU/turn; a bare Fastify POST /echo the same way: ${b.bareHttpCpuUs} µs`);
    console.log(`    → Loket's HTTP + web channel layer above a bare route ≈ ${r.httpCpuUsPerTurn - r.cpuUsPerTurn - b.bareHttpCpuUs} µs/turn (HTTP turn − receive − bare route); GET /health on Loket's app: ${r.healthCpuUs} µs`);
  }
  for (const [k, v] of Object.entries(b.pieces)) console.log(`  ${k}: ${v}`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const { values } = parseArgs({ options: { turns: { type: 'string', default: '3000' }, 'profile-http': { type: 'string' } } });
  printBreakdown(await breakdown(Number(values.turns), values['profile-http']));
}
