import { copyFile, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createRecognizer, MODEL_VERSION } from '../../src/nlu/index.ts';
import { cacheFile, cacheKey } from '../../src/nlu/cache.ts';
import { readHeldout } from './heldout.ts';
import { trainingData } from './helpers.ts';
import { NLU_CACHE } from '../support/nlu-cache.ts';

const dirs: string[] = [];
afterAll(async () => {
  for (const d of dirs) await rm(d, { recursive: true, force: true });
});

async function tempDir(): Promise<string> {
  const d = await mkdtemp(join(tmpdir(), 'loket-nlu-cache-'));
  dirs.push(d);
  return d;
}

/**
 * A folder holding only the cache entry of the shipped dialogs, copied from the run's cache (the
 * global setup trained it; the first test checks that such an entry parses as training does).
 */
async function filledCache(): Promise<string> {
  const key = cacheKey(await trainingData(), MODEL_VERSION);
  const dir = await tempDir();
  await copyFile(cacheFile(NLU_CACHE, key), cacheFile(dir, key));
  return dir;
}

/** A training set small enough to train in a moment. */
const SMALL = { lexicons: [], intents: [{ id: 'greeting', examples: { nl: ['hallo', 'hoi', 'goedemorgen'], en: ['hello', 'hi'] } }, { id: 'none', examples: { nl: ['de kat is weg'], en: ['the cat is gone'] } }] };

/** These tests train the shipped model (~25 s alone on a 2-core machine, longer beside the other suites). */
const TRAINS = 240_000;

describe('the model cache', () => {
  it('writes the model once and loads it on the second start, with identical results', async () => {
    const cacheDir = await tempDir();
    const data = await trainingData();
    const t0 = performance.now();
    const cold = await createRecognizer(data, { cacheDir });
    const coldMs = performance.now() - t0;
    const files = await readdir(cacheDir);
    expect(files.filter((f) => f.endsWith('.json'))).toHaveLength(1);
    const t1 = performance.now();
    const warm = await createRecognizer(data, { cacheDir });
    const warmMs = performance.now() - t1;
    console.log(`start-up: cold ${coldMs.toFixed(0)} ms, cached ${warmMs.toFixed(0)} ms`);
    expect(warmMs).toBeLessThan(coldMs);
    const texts = [...readHeldout('nl'), ...readHeldout('en')].map((i) => i.text);
    for (const text of texts) expect(warm.parse(text)).toEqual(cold.parse(text));
  }, TRAINS);

  it('says when it trains (before and after) and stays quiet when it reads the cache', async () => {
    const cacheDir = await filledCache();
    const data = await trainingData();
    const cached: unknown[] = [];
    await createRecognizer(data, { cacheDir, onTrain: (e) => cached.push(e) });
    expect(cached).toEqual([]);
    const trained: Array<{ phase: string; examples?: number; ms?: number }> = [];
    await createRecognizer(SMALL, { cacheDir, onTrain: (e) => trained.push(e) });
    expect(trained.map((e) => e.phase)).toEqual(['start', 'done']);
    expect(trained[0]).toEqual({ phase: 'start', examples: 7 });
    expect(trained[1]!.ms).toBeGreaterThanOrEqual(0);
  });

  // A small set is enough to see a changed set trained anew and a damaged file replaced: training the
  // shipped set twice more took over a minute of CI.
  it('trains again when the training data changes', async () => {
    const cacheDir = await tempDir();
    await createRecognizer(SMALL, { cacheDir });
    const changed = { ...SMALL, intents: SMALL.intents.map((i) => (i.id === 'greeting' ? { ...i, examples: { ...i.examples, nl: [...i.examples.nl, 'goeiesmorgens'] } } : i)) };
    await createRecognizer(changed, { cacheDir });
    expect((await readdir(cacheDir)).filter((f) => f.endsWith('.json'))).toHaveLength(2);
  });

  it('ignores a damaged cache file and trains instead', async () => {
    const cacheDir = await tempDir();
    await writeFile(cacheFile(cacheDir, cacheKey(SMALL, MODEL_VERSION)), JSON.stringify({ version: MODEL_VERSION, model: { classes: ['x'], features: [], weights: 'AAAA' } }));
    const r = await createRecognizer(SMALL, { cacheDir });
    expect(r.parse('hallo').intent.name).toBe('greeting');
  });
});
