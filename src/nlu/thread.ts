/**
 * The recognizer in a worker thread, so a turn's NLU (~80 µs of CPU) runs beside the event loop
 * instead of in it. The main thread trains (or loads) the model first and writes it to the NLU cache;
 * the worker (thread-worker.ts) loads the same model from there. Parses asked for in one pass of the
 * event loop cross in one message (src/worker-rpc.ts).
 *
 *   const nlu = await startNluThread(trainingData, { cacheDir }, fallback);
 *   const result = await nlu.parse('hoe staat het met mijn aanvraag');
 *
 * Should the worker fail, parses fall back to `fallback` (the same model in this thread).
 */
import { startWorkerModule } from '../worker-rpc.ts';
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

export interface NluThreadOptions {
  /** The NLU cache folder the main thread has written the model to. */
  cacheDir: string;
  onError?(err: Error): void;
}

export async function startNluThread(trainingData: NluTrainingData, opts: NluThreadOptions, fallback: Recognizer): Promise<NluService> {
  const rpc = await startWorkerModule(new URL('./thread-worker.ts', import.meta.url), { trainingData, cacheDir: opts.cacheDir }, {
    ...(opts.onError ? { onExit: opts.onError } : {}),
  });
  return {
    async parse(text, lang) {
      if (!rpc.alive) return fallback.parse(text, lang);
      try {
        return await rpc.call<ParseResult>('parse', lang ? { text, lang } : { text });
      } catch {
        // The worker stopped with this parse in flight: no turn waits for a dead worker.
        return fallback.parse(text, lang);
      }
    },
    close: () => rpc.close(),
  };
}
