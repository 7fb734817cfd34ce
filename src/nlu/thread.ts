/**
 * The recognizer in a worker thread, so a turn's NLU (~80 µs of CPU) runs beside the event loop
 * instead of in it. The main thread trains (or loads) the model first and writes it to the NLU cache;
 * the worker loads the same model from there and answers parses in batches: every parse asked for in
 * one pass of the event loop goes over in one message and comes back in one.
 *
 *   const nlu = await startNluThread(trainingData, { cacheDir }, fallback);
 *   const result = await nlu.parse('hoe staat het met mijn aanvraag');
 *
 * Should the worker fail, parses fall back to `fallback` (the same model in this thread).
 */
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Lang, NluTrainingData, ParseResult, Recognizer } from './types.ts';

/** What the conversation core needs from the NLU: one parse at a time, possibly elsewhere. */
export interface NluService {
  parse(text: string, lang?: Lang): Promise<ParseResult>;
  close(): Promise<void>;
}

/** The recognizer in this thread (tests, in-memory stores, and the fallback). */
export function inlineNlu(recognizer: Recognizer): NluService {
  return {
    parse: async (text, lang) => recognizer.parse(text, lang),
    close: async () => {},
  };
}

interface Request {
  id: number;
  text: string;
  lang?: Lang;
}

/** Runs in the worker (CommonJS; it registers the TypeScript loader itself, as bin/loket.js does). */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
(async () => {
  const { register } = await import(workerData.tsxApi);
  register();
  const { createRecognizer } = await import(workerData.recognizer);
  const recognizer = await createRecognizer(workerData.data, { cacheDir: workerData.cacheDir });
  parentPort.on('message', (batch) => {
    parentPort.postMessage(batch.map((r) => ({ id: r.id, result: recognizer.parse(r.text, r.lang) })));
  });
  parentPort.postMessage('ready');
})().catch((err) => {
  parentPort.postMessage({ failed: String((err && err.stack) || err) });
});
`;

export interface NluThreadOptions {
  /** The NLU cache folder the main thread has written the model to. */
  cacheDir: string;
  /** How long the worker may take to load the model. */
  startTimeoutMs?: number;
  onError?(err: Error): void;
}

export async function startNluThread(data: NluTrainingData, opts: NluThreadOptions, fallback: Recognizer): Promise<NluService> {
  const require = createRequire(import.meta.url);
  const worker = new Worker(WORKER_SOURCE, {
    eval: true,
    workerData: {
      data,
      cacheDir: opts.cacheDir,
      // The ESM build of tsx's API (its CommonJS build resolves its loader wrongly from a worker).
      tsxApi: pathToFileURL(require.resolve('tsx/esm/api').replace(/\.cjs$/, '.mjs')).href,
      recognizer: new URL('./recognizer.ts', import.meta.url).href,
    },
  });
  worker.unref();

  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('the NLU worker did not start in time')), opts.startTimeoutMs ?? 60_000);
    const onMessage = (m: unknown) => {
      if (m === 'ready') {
        clearTimeout(timer);
        worker.off('message', onMessage);
        resolve();
      } else if (typeof m === 'object' && m !== null && 'failed' in m) {
        clearTimeout(timer);
        reject(new Error(`the NLU worker failed to start: ${(m as { failed: string }).failed}`));
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
  let queue: Request[] = [];
  let scheduled = false;
  let broken = false;
  const waiting = new Map<number, { resolve(r: ParseResult): void; text: string; lang?: Lang }>();

  const failOver = (err: Error) => {
    if (broken) return;
    broken = true;
    opts.onError?.(err);
    // Whatever was in flight is parsed here instead: no turn waits for a dead worker.
    for (const [id, w] of waiting) {
      waiting.delete(id);
      w.resolve(fallback.parse(w.text, w.lang));
    }
  };
  worker.on('message', (answers: Array<{ id: number; result: ParseResult }>) => {
    for (const a of answers) {
      const w = waiting.get(a.id);
      waiting.delete(a.id);
      w?.resolve(a.result);
    }
  });
  worker.on('error', failOver);
  worker.on('exit', (code) => failOver(new Error(`the NLU worker stopped (exit code ${code})`)));

  const send = () => {
    scheduled = false;
    const batch = queue;
    queue = [];
    if (broken) {
      for (const r of batch) {
        const w = waiting.get(r.id);
        waiting.delete(r.id);
        w?.resolve(fallback.parse(r.text, r.lang));
      }
      return;
    }
    worker.postMessage(batch);
    worker.ref();
  };
  // Keep the process alive only while parses are in flight.
  worker.on('message', () => {
    if (waiting.size === 0) worker.unref();
  });

  return {
    parse(text, lang) {
      if (broken) return Promise.resolve(fallback.parse(text, lang));
      return new Promise<ParseResult>((resolve) => {
        const id = nextId++;
        waiting.set(id, { resolve, text, ...(lang ? { lang } : {}) });
        queue.push({ id, text, ...(lang ? { lang } : {}) });
        if (!scheduled) {
          scheduled = true;
          setImmediate(send);
        }
      });
    },
    async close() {
      broken = true;
      await worker.terminate();
      for (const [id, w] of waiting) {
        waiting.delete(id);
        w.resolve(fallback.parse(w.text, w.lang));
      }
    },
  };
}
