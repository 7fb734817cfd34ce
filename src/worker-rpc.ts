/**
 * Calls into a worker thread that runs one of our TypeScript modules (the NLU, the SQLite writer).
 * Every call made in one pass of the event loop goes over in one message and the answers come back
 * in one, so a busy server pays the crossing once per pass, not once per call.
 *
 *   main:    const rpc = await startWorkerModule(new URL('./thread-worker.ts', import.meta.url), data);
 *            const result = await rpc.call('parse', { text });
 *   worker:  serveCalls(async (data) => ({ parse: (args) => … }));
 *
 * Errors cross as data: a LoketError comes back as a LoketError with its code, anything else as an
 * Error with its message and code. When the worker dies, every call in flight and every later call
 * fails with WORKER_STOPPED (the caller decides what to fall back to).
 */
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { isLoketError, LoketError, type ErrorCode } from './errors.ts';

type Call = { id: number; op: string; args: unknown };
type Answer = { id: number; ok: unknown } | { id: number; err: WireError };
type WireError = { loket: ErrorCode; args: Array<string | number> } | { message: string; code?: string };

export interface WorkerRpc {
  call<T>(op: string, args: unknown): Promise<T>;
  /** Whether the worker still answers. */
  readonly alive: boolean;
  /** Lets the calls already sent finish, then stops the worker. */
  close(): Promise<void>;
  /** Stops the worker at once, as a crash would: calls in flight fail with WORKER_STOPPED. */
  kill(): Promise<void>;
}

export interface WorkerOptions {
  startTimeoutMs?: number;
  /** The worker died after it had started. */
  onExit?(err: Error): void;
}

/** Registers the TypeScript loader (as bin/loket.js does), then imports the module. */
const BOOTSTRAP = `
const { parentPort, workerData } = require('node:worker_threads');
(async () => {
  const { register } = await import(workerData.tsxApi);
  register();
  await import(workerData.module);
})().catch((err) => {
  parentPort.postMessage({ failed: String((err && err.stack) || err) });
});
`;

/** The ESM build of tsx's API (its CommonJS build resolves its loader wrongly from a worker). */
function tsxApi(): string {
  return pathToFileURL(createRequire(import.meta.url).resolve('tsx/esm/api').replace(/\.cjs$/, '.mjs')).href;
}

export async function startWorkerModule(module: URL, data: unknown, opts: WorkerOptions = {}): Promise<WorkerRpc> {
  const worker = new Worker(BOOTSTRAP, { eval: true, workerData: { tsxApi: tsxApi(), module: module.href, data } });
  worker.unref();
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${module.pathname}: the worker did not start in time`)), opts.startTimeoutMs ?? 60_000);
    const onMessage = (m: unknown) => {
      if (m === 'ready' || (typeof m === 'object' && m !== null && 'failed' in m)) {
        clearTimeout(timer);
        worker.off('message', onMessage);
        if (m === 'ready') resolve();
        else reject(new Error(`${module.pathname}: the worker failed to start: ${(m as { failed: string }).failed}`));
      }
    };
    worker.on('message', onMessage);
    worker.once('error', (err) => {
      clearTimeout(timer);
      reject(err);
    });
  }).catch(async (err: Error) => {
    await worker.terminate();
    throw err;
  });

  let nextId = 0;
  let queue: Call[] = [];
  let scheduled = false;
  let alive = true;
  const waiting = new Map<number, { resolve(v: unknown): void; reject(e: unknown): void }>();

  const stopped = (why: Error) => {
    if (!alive) return;
    alive = false;
    for (const [id, w] of waiting) {
      waiting.delete(id);
      w.reject(new LoketError('WORKER_STOPPED', [why.message]));
    }
    opts.onExit?.(why);
  };
  worker.on('message', (answers: Answer[]) => {
    for (const a of answers) {
      const w = waiting.get(a.id);
      if (!w) continue;
      waiting.delete(a.id);
      if ('ok' in a) w.resolve(a.ok);
      else w.reject(revive(a.err));
    }
    if (waiting.size === 0) worker.unref();
  });
  worker.on('error', stopped);
  worker.on('exit', (code) => stopped(new Error(`the worker stopped (exit code ${code})`)));

  const send = () => {
    scheduled = false;
    const batch = queue;
    queue = [];
    if (!alive) return;
    worker.ref(); // keep the process alive while calls are in flight
    worker.postMessage(batch);
  };

  return {
    get alive() {
      return alive;
    },
    call<T>(op: string, args: unknown): Promise<T> {
      if (!alive) return Promise.reject(new LoketError('WORKER_STOPPED', ['the worker has stopped']));
      return new Promise<T>((resolve, reject) => {
        const id = nextId++;
        waiting.set(id, { resolve: resolve as (v: unknown) => void, reject });
        queue.push({ id, op, args });
        if (!scheduled) {
          scheduled = true;
          setImmediate(send);
        }
      });
    },
    async close() {
      if (queue.length) send();
      // Let the calls already sent finish (a writer's commit must not be cut off).
      while (waiting.size > 0 && alive) await new Promise((r) => setTimeout(r, 1));
      alive = false;
      await worker.terminate();
    },
    async kill() {
      await worker.terminate();
    },
  };
}

function revive(e: WireError): Error {
  if ('loket' in e) return new LoketError(e.loket, e.args);
  const err = new Error(e.message) as Error & { code?: string };
  if (e.code) err.code = e.code;
  return err;
}

function toWire(err: unknown): WireError {
  if (isLoketError(err)) return { loket: err.code, args: err.args };
  const e = err as { message?: string; code?: string };
  return { message: String(e?.message ?? err), ...(typeof e?.code === 'string' ? { code: e.code } : {}) };
}

/**
 * Worker side: builds the handlers from the data the main thread passed, then answers calls. Each
 * batch is answered in order; an async handler is awaited before the next call of the batch runs.
 */
export function serveCalls(setup: (data: unknown) => Promise<Record<string, (args: never) => unknown>>): void {
  if (isMainThread || !parentPort) throw new Error('serveCalls runs in a worker thread');
  const port = parentPort;
  void setup((workerData as { data: unknown }).data).then(
    (handlers) => {
      port.on('message', async (batch: Call[]) => {
        const answers: Answer[] = [];
        for (const c of batch) {
          try {
            const fn = handlers[c.op];
            if (!fn) throw new Error(`unknown call ${c.op}`);
            const out = fn(c.args as never);
            answers.push({ id: c.id, ok: out instanceof Promise ? await out : out });
          } catch (err) {
            answers.push({ id: c.id, err: toWire(err) });
          }
        }
        port.postMessage(answers);
      });
      port.postMessage('ready');
    },
    (err: unknown) => port.postMessage({ failed: String((err as Error)?.stack ?? err) }),
  );
}
