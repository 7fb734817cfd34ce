/**
 * Child-process entry for one bench target: `node bin/run-ts.js bench/lib/target-server.ts KIND`
 * (started by bench/lib/targets.ts with an IPC channel). Each target gets its own process, so the
 * three servers are measured the same way: one Node process serving, the load generator in another.
 *
 *   bare   — Fastify, one `POST /echo` route returning `{id}` (the ceiling)
 *   persist — Fastify with Loket's SQLite store alone: each turn commits what a Loket turn commits
 *            (the citizen's activity, one reply with its trace, the new state), with no NLU, dialog
 *            or botbuilder-core: the floor of a turn that is persisted before it is answered
 *   loket  — createLoket() on a fresh temp SQLite file, as in production (one process)
 *   loket-workers — `loket serve` with LOKET_WORKERS = cores (primary + workers, one SQLite file)
 *   nlpjs  — the nlp.js Direct Line bot (bench/nlpjs-bot)
 *
 * IPC: sends {type:'ready', port, info} once listening; answers {type:'stats'} with {type:'stats', stats}
 * (Loket only, when BENCH_TIMING=1: time spent in store calls and in the service); {type:'profile-start'}
 * / {type:'profile-stop', file} record a CPU profile of that window; on {type:'stop'} closes and exits 0.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { AddressInfo } from 'node:net';
import { Session } from 'node:inspector/promises';
import { writeFileSync } from 'node:fs';

type Msg = { type: 'stats' } | { type: 'stop' } | { type: 'reset' } | { type: 'profile-start' } | { type: 'profile-stop'; file: string };

interface Started {
  port: number;
  info: Record<string, unknown>;
  close(): Promise<void>;
  stats?(): Record<string, unknown>;
  reset?(): void;
}

const kind = process.argv[2];

async function startBare(): Promise<Started> {
  const { default: Fastify } = await import('fastify');
  const app = Fastify({ logger: false });
  let n = 0;
  app.post('/echo', async () => ({ id: String(++n) }));
  await app.listen({ host: '127.0.0.1', port: 0 });
  return { port: (app.server.address() as AddressInfo).port, info: { fastify: app.version }, close: () => app.close() };
}

async function startPersist(): Promise<Started> {
  const { default: Fastify } = await import('fastify');
  const { randomUUID } = await import('node:crypto');
  const { openSqliteStore } = await import('../../src/store/sqlite.ts');
  const { initialState } = await import('../../src/dialog/texts.ts');
  const dir = mkdtempSync(join(tmpdir(), 'loket-bench-persist-'));
  const store = openSqliteStore(join(dir, 'loket.db'));
  const app = Fastify({ logger: false });
  const bot = { id: 'loket', name: 'Loket', role: 'bot' };
  // A reply and a state the size of Loket's (a reply with its trace ~0.8 kB, the state ~0.7 kB).
  const trace = { dialog: 'case_status', step: 'answer', intent: 'case_status', confidence: 0.93, dialogVersion: 'bench', sources: [{ kind: 'rule' as const, ref: 'case-status-verified' }, { kind: 'case' as const, ref: 'Z-2026-000123', system: 'embedded', at: new Date().toISOString() }] };
  const replyText = 'Uw zaak Z-2026-000123 (Omgevingsvergunning (dakkapel)): In behandeling: advies welstandscommissie gevraagd. Besluit uiterlijk 15 januari 2027. Wilt u weten waarom ik dit zeg? Vraag dan: waarom?';
  app.post('/conversations', async () => {
    const id = randomUUID();
    await store.openConversation({ id, channel: 'web', userId: null, now: new Date().toISOString() });
    return { id };
  });
  app.post<{ Params: { id: string }; Body: { text?: string; channelData?: { clientActivityID?: string } } }>('/conversations/:id/turn', async (req) => {
    const row = await store.getConversation(req.params.id);
    if (!row) throw new Error('unknown conversation');
    // As Loket does with webchat's clientActivityID: a retried message is answered from the store, once.
    const clientActivityID = String(req.body?.channelData?.clientActivityID ?? '');
    const before = await store.findActivityByClientId(row.id, clientActivityID);
    if (before) return { id: before.activity.id };
    const now = new Date().toISOString();
    const conversation = { id: row.id };
    const received = { seq: row.lastSeq + 1, activity: { type: 'message', conversation, from: { id: 'citizen', role: 'user' }, recipient: bot, channelId: 'web', text: String(req.body?.text ?? ''), channelData: { clientActivityID }, id: `${row.id}|${row.lastSeq + 1}`, timestamp: now } };
    const reply = { seq: row.lastSeq + 2, activity: { type: 'message', from: bot, conversation, text: replyText, textFormat: 'plain', locale: 'nl-NL', channelData: { trace }, replyToId: received.activity.id, id: `${row.id}|${row.lastSeq + 2}`, timestamp: now } };
    const state = { ...initialState(), facts: { caseNumber: 'Z-2026-000123', postcode: '1234 AB', birthDate: '1980-03-15' }, lastAnswer: { trace, explain: { nl: replyText, en: replyText } } };
    await store.commitTurn({ conversationId: row.id, expectedEtag: row.etag, state, activities: [received, reply], handoffs: [] }, now);
    return { id: received.activity.id };
  });
  await app.listen({ host: '127.0.0.1', port: 0 });
  return {
    port: (app.server.address() as AddressInfo).port,
    info: { fastify: app.version, db: join(dir, 'loket.db') },
    close: async () => {
      await app.close();
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Wall time of the synchronous part of calls (the SQLite work of the store is synchronous). */
class Timers {
  private readonly t = new Map<string, { n: number; ms: number }>();
  add(name: string, ms: number) {
    const e = this.t.get(name) ?? { n: 0, ms: 0 };
    e.n++;
    e.ms += ms;
    this.t.set(name, e);
  }
  snapshot() {
    return Object.fromEntries([...this.t].map(([k, v]) => [k, { calls: v.n, totalMs: +v.ms.toFixed(1), meanUs: +((v.ms / v.n) * 1000).toFixed(1) }]));
  }
  reset() {
    this.t.clear();
  }
}

async function startLoket(): Promise<Started> {
  const { createLoket } = await import('../../src/server/loket.ts');
  const dir = mkdtempSync(join(tmpdir(), 'loket-bench-'));
  const t0 = performance.now();
  // Settings from the environment, as `loket serve` (the cluster target) reads them, so both Loket
  // targets can be compared under LOKET_NLU_THREAD=off or LOKET_WRITER_THREAD=on; the bench's own last.
  const loket = await createLoket({
    ...process.env,
    DATABASE_URL: `sqlite:${join(dir, 'loket.db')}`,
    LOG_LEVEL: 'silent',
    LOKET_NLU_CACHE: process.env.BENCH_NLU_CACHE || join(dir, 'nlu'),
  });
  const bootMs = performance.now() - t0;
  const timers = new Timers();
  if (process.env.BENCH_TIMING === '1') {
    // Sync time of each store call (better-sqlite3 is synchronous under the async Store interface).
    const store = loket.store as unknown as Record<string, unknown>;
    for (const name of ['getConversation', 'appendActivities', 'commitTurn', 'listActivities', 'openConversation']) {
      const orig = store[name] as (...a: unknown[]) => unknown;
      store[name] = function (this: unknown, ...args: unknown[]) {
        const s = performance.now();
        try {
          return orig.apply(this, args);
        } finally {
          timers.add(`store.${name}`, performance.now() - s);
        }
      };
    }
    // Whole service.receive (lock + store + NLU + dialog + commit), awaited.
    const svc = loket.service as unknown as Record<string, unknown>;
    const receive = svc.receive as (...a: unknown[]) => Promise<unknown>;
    svc.receive = async function (this: unknown, ...args: unknown[]) {
      const s = performance.now();
      try {
        return await receive.apply(this, args);
      } finally {
        timers.add('service.receive (awaited)', performance.now() - s);
      }
    };
    // Every request, from Fastify's onRequest to onResponse.
    loket.app.addHook('onRequest', async (req) => {
      (req as unknown as { benchT0: number }).benchT0 = performance.now();
    });
    loket.app.addHook('onResponse', async (req) => {
      const s = (req as unknown as { benchT0?: number }).benchT0;
      if (s !== undefined) timers.add(`http ${req.method} ${req.routeOptions.url ?? '?'}`, performance.now() - s);
    });
  }
  await loket.app.listen({ host: '127.0.0.1', port: 0 });
  const port = (loket.app.server.address() as AddressInfo).port;
  return {
    port,
    info: { bootMs: Math.round(bootMs), db: join(dir, 'loket.db'), dialogVersion: loket.dialogs.version },
    close: async () => {
      await loket.close();
      rmSync(dir, { recursive: true, force: true });
    },
    stats: () => timers.snapshot(),
    reset: () => timers.reset(),
  };
}

/**
 * `loket serve` itself with LOKET_WORKERS=N (default: the number of cores): a primary and N worker
 * processes on one port and one SQLite file (src/server/cluster.ts). The CPU meter counts the whole
 * process tree.
 */
async function startLoketWorkers(): Promise<Started> {
  const { spawn } = await import('node:child_process');
  const { createServer } = await import('node:net');
  const os = await import('node:os');
  const workers = process.env.BENCH_WORKERS || String(os.availableParallelism());
  const port = await new Promise<number>((res, rej) => {
    const srv = createServer().listen(0, '127.0.0.1', () => {
      const p = (srv.address() as AddressInfo).port;
      srv.close(() => res(p));
    }).on('error', rej);
  });
  const dir = mkdtempSync(join(tmpdir(), 'loket-bench-'));
  const t0 = performance.now();
  const { SERVER_NODE_FLAGS } = await import('../../src/server/node-flags.ts');
  // As `npm start` runs it.
  const extra = process.env.BENCH_LOKET_FLAGS ? process.env.BENCH_LOKET_FLAGS.split(' ') : [];
  const child = spawn(process.execPath, [...SERVER_NODE_FLAGS, ...extra, 'bin/loket.js', 'serve'], {
    cwd: join(import.meta.dirname, '../..'),
    env: {
      ...process.env, LOKET_WORKERS: workers, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'silent',
      DATABASE_URL: `sqlite:${join(dir, 'loket.db')}`, LOKET_NLU_CACHE: process.env.BENCH_NLU_CACHE || join(dir, 'nlu'),
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise<void>((res, rej) => {
    let out = '';
    child.stdout!.on('data', (b: Buffer) => {
      out += b.toString();
      if (out.includes('Health:')) res();
    });
    child.once('exit', (code) => rej(new Error(`loket serve exited with ${code}: ${out}`)));
  });
  return {
    port,
    info: { workers: Number(workers), bootMs: Math.round(performance.now() - t0), db: join(dir, 'loket.db') },
    close: async () => {
      await new Promise<void>((res) => {
        child.once('exit', () => res());
        child.kill('SIGTERM');
      });
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function trainingData() {
  // The same examples Loket's NLU trains on: the dialog loader's view of dialogs/.
  try {
    const { loadDialogSet, toTrainingData } = await import('../../src/dialog/loader.ts');
    return { source: 'loadDialogSet(dialogs) + toTrainingData', data: toTrainingData(loadDialogSet('dialogs')) };
  } catch (err) {
    const { readTrainingData } = await import('../../src/nlu/training-data.ts');
    return { source: `readTrainingData(dialogs) (loader failed: ${(err as Error).message.split('\n')[0]})`, data: await readTrainingData('dialogs') };
  }
}

async function startNlpjs(): Promise<Started> {
  const { startNlpjsBot } = await import('../nlpjs-bot/bot.ts');
  const { source, data } = await trainingData();
  const bot = await startNlpjsBot(data);
  return { port: bot.port, info: { trainingData: source, intents: bot.intents, examples: bot.examples, trainMs: Math.round(bot.trainMs) }, close: bot.close };
}

async function main() {
  const starters: Record<string, () => Promise<Started>> = { bare: startBare, persist: startPersist, loket: startLoket, 'loket-workers': startLoketWorkers, nlpjs: startNlpjs };
  const start = kind ? starters[kind] : undefined;
  if (!start) throw new Error(`unknown target "${kind}" (bare | persist | loket | loket-workers | nlpjs)`);
  const s = await start();
  let inspector: Session | null = null;
  process.on('message', async (m: Msg) => {
    // CPU profile of exactly the measured window (the inspector's Profiler, as --cpu-prof uses).
    if (m.type === 'profile-start') {
      inspector = new Session();
      inspector.connect();
      await inspector.post('Profiler.enable');
      await inspector.post('Profiler.setSamplingInterval', { interval: 200 });
      await inspector.post('Profiler.start');
      if (process.env.BENCH_HEAP_PROFILE) {
        await inspector.post('HeapProfiler.enable');
        await inspector.post('HeapProfiler.startSampling', { samplingInterval: 4096, includeObjectsCollectedByMajorGC: true, includeObjectsCollectedByMinorGC: true } as never);
      }
    }
    if (m.type === 'profile-stop' && inspector) {
      const { profile } = await inspector.post('Profiler.stop');
      writeFileSync(m.file, JSON.stringify(profile));
      if (process.env.BENCH_HEAP_PROFILE) {
        const { profile: heap } = await inspector.post('HeapProfiler.stopSampling');
        writeFileSync(m.file.replace(/\.cpuprofile$/, '.heapprofile'), JSON.stringify(heap));
      }
      inspector.disconnect();
      inspector = null;
      process.send?.({ type: 'profile-written', file: m.file });
    }
    if (m.type === 'stats') process.send?.({ type: 'stats', stats: s.stats?.() ?? {} });
    if (m.type === 'reset') s.reset?.();
    if (m.type === 'stop') {
      await s.close().catch(() => {});
      process.exit(0);
    }
  });
  process.on('disconnect', () => process.exit(0));
  process.send?.({ type: 'ready', port: s.port, info: s.info });
}

main().catch((err) => {
  process.send?.({ type: 'failed', error: String((err as Error)?.stack ?? err) });
  setTimeout(() => process.exit(1), 50);
});
