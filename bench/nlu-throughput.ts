/**
 * NLU speed in process: start-up without cache, with a cold cache and with a warm cache, then parses
 * per second over the held-out messages (as written, and with a fresh random typo in every message so
 * the memo caches cannot help).
 *
 *   node bin/run-ts.js bench/nlu-throughput.ts
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRecognizer, readTrainingData, type Recognizer } from '../src/nlu/index.ts';
import { readHeldout } from '../tests/nlu/heldout.ts';

const SECONDS = 3;

async function timed<T>(fn: () => Promise<T>): Promise<[T, number]> {
  const t0 = performance.now();
  const value = await fn();
  return [value, performance.now() - t0];
}

/**
 * Parses per second of wall time and per second of CPU time used by this process. On a shared or
 * busy machine the wall-time figure drops with the load; the CPU-time one says what one core does.
 */
function throughput(recognizer: Recognizer, texts: string[]): { wall: number; cpu: number } {
  let n = 0;
  const cpu0 = process.cpuUsage();
  const end = performance.now() + SECONDS * 1000;
  while (performance.now() < end) {
    for (let i = 0; i < 100; i++) recognizer.parse(texts[n++ % texts.length]!);
  }
  const used = process.cpuUsage(cpu0);
  return { wall: n / SECONDS, cpu: n / ((used.user + used.system) / 1e6) };
}

let seed = 7;
const random = (): number => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);

/** Swaps two neighbouring letters somewhere in the text. */
function withTypo(text: string): string {
  if (text.length < 4) return text;
  const i = 1 + Math.floor(random() * (text.length - 3));
  return text.slice(0, i) + text[i + 1] + text[i] + text.slice(i + 2);
}

const data = await readTrainingData('dialogs');
const cacheDir = await mkdtemp(join(tmpdir(), 'loket-nlu-bench-'));
try {
  const [, noCacheMs] = await timed(() => createRecognizer(data));
  const [, coldMs] = await timed(() => createRecognizer(data, { cacheDir }));
  const [recognizer, cachedMs] = await timed(() => createRecognizer(data, { cacheDir }));
  const texts = [...readHeldout('nl'), ...readHeldout('en')].map((i) => i.text);
  for (let i = 0; i < 2000; i++) recognizer.parse(texts[i % texts.length]!);
  const plain = throughput(recognizer, texts);
  const typos = Array.from({ length: 200_000 }, (_, i) => withTypo(texts[i % texts.length]!));
  const unique = throughput(recognizer, typos);
  console.log('NLU throughput (one core, in process)');
  console.log(`  start-up, no cache          ${noCacheMs.toFixed(0).padStart(8)} ms`);
  console.log(`  start-up, cold cache        ${coldMs.toFixed(0).padStart(8)} ms (trains and writes the model)`);
  console.log(`  start-up, cached            ${cachedMs.toFixed(0).padStart(8)} ms`);
  console.log('                              wall time  CPU time');
  console.log(`  parses/s, held-out texts    ${plain.wall.toFixed(0).padStart(8)}  ${plain.cpu.toFixed(0).padStart(8)}`);
  console.log(`  parses/s, fresh typo each   ${unique.wall.toFixed(0).padStart(8)}  ${unique.cpu.toFixed(0).padStart(8)}`);
  const [load] = (await import('node:os')).loadavg();
  console.log(`  (load average ${load!.toFixed(1)} on ${(await import('node:os')).cpus().length} cores while measuring)\n`);
  if (plain.cpu < 5000) {
    console.error('below the 5,000 parses/s target');
    process.exitCode = 1;
  }
} finally {
  await rm(cacheDir, { recursive: true, force: true });
}
