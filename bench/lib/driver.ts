/**
 * The load generator: N virtual conversations, each an async loop that first opens its session
 * (not timed) and then sends turns back to back — a closed loop, one turn in flight per conversation.
 * Turns that finish during the warm-up are not counted; then every turn that finishes inside the
 * measuring window is counted, and its latency (request start → response fully read) recorded.
 */
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';

export interface Scenario<S> {
  /** Opens one virtual conversation (e.g. POST …/conversations → token). Not timed. */
  open(index: number): Promise<S>;
  /** One full turn, resolved when the turn is complete by the target's definition. */
  turn(session: S, turnNo: number): Promise<void>;
}

export interface LoadOptions {
  concurrency: number;
  warmupMs: number;
  durationMs: number;
  /** How many conversations are opened at the same time during set-up. */
  openParallelism?: number;
  /** Called when the measuring window opens and closes (e.g. to read CPU counters). */
  onWindow?: (phase: 'start' | 'end') => void;
}

export interface LoadResult {
  concurrency: number;
  durationS: number;
  turns: number;
  turnsPerSec: number;
  p50Ms: number;
  p90Ms: number;
  p99Ms: number;
  maxMs: number;
  meanMs: number;
  errors: number;
  errorSamples: string[];
}

export function percentile(sorted: Float64Array | number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i]!;
}

export async function runLoad<S>(scenario: Scenario<S>, opts: LoadOptions): Promise<LoadResult> {
  const { concurrency, warmupMs, durationMs } = opts;
  const errorSamples: string[] = [];
  const noteError = (err: unknown) => {
    if (errorSamples.length < 5) errorSamples.push(String((err as Error)?.message ?? err));
  };

  // Set-up: open every conversation first, a few at a time, so the measured phase only sees turns.
  const sessions: S[] = new Array(concurrency);
  const par = Math.max(1, Math.min(opts.openParallelism ?? 20, concurrency));
  let next = 0;
  await Promise.all(Array.from({ length: par }, async () => {
    while (next < concurrency) {
      const i = next++;
      for (let attempt = 0; ; attempt++) {
        try {
          sessions[i] = await scenario.open(i);
          break;
        } catch (err) {
          if (attempt >= 3) throw new Error(`could not open conversation ${i}: ${(err as Error).message}`);
          await sleep(50);
        }
      }
    }
  }));

  const latencies = new Float64Array(4_000_000);
  let n = 0;
  const t0 = performance.now();
  const measureFrom = t0 + warmupMs;
  const measureTo = measureFrom + durationMs;
  let measuredErrors = 0;
  const timers = opts.onWindow
    ? [setTimeout(() => opts.onWindow!('start'), warmupMs), setTimeout(() => opts.onWindow!('end'), warmupMs + durationMs)]
    : [];

  await Promise.all(sessions.map(async (session) => {
    let turnNo = 0;
    for (;;) {
      const start = performance.now();
      if (start >= measureTo) return;
      try {
        await scenario.turn(session, turnNo++);
        const end = performance.now();
        if (end >= measureFrom && end < measureTo && n < latencies.length) latencies[n++] = end - start;
      } catch (err) {
        const end = performance.now();
        if (end >= measureFrom && end < measureTo) measuredErrors++;
        noteError(err);
        await sleep(20); // no hot error loop
      }
    }
  }));
  for (const t of timers) clearTimeout(t);

  const sorted = latencies.slice(0, n).sort();
  let sum = 0;
  for (const v of sorted) sum += v;
  const durationS = durationMs / 1000;
  return {
    concurrency,
    durationS,
    turns: n,
    turnsPerSec: n / durationS,
    p50Ms: percentile(sorted, 50),
    p90Ms: percentile(sorted, 90),
    p99Ms: percentile(sorted, 99),
    maxMs: n ? sorted[n - 1]! : NaN,
    meanMs: n ? sum / n : NaN,
    errors: measuredErrors,
    errorSamples,
  };
}
