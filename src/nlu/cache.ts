/**
 * The trained model on disk, keyed by a hash of the training data and the model code version, so a
 * restart with the same dialogs skips training. A missing, unreadable or stale file just means
 * training again; failing to write one is not an error either.
 */
import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { NluTrainingData } from './types.ts';

export function cacheKey(data: NluTrainingData, codeVersion: string): string {
  const h = createHash('sha256');
  h.update(codeVersion);
  h.update('\0');
  h.update(JSON.stringify(data.intents));
  h.update('\0');
  h.update(JSON.stringify(data.lexicons));
  h.update('\0');
  h.update(JSON.stringify(data.words ?? []));
  return h.digest('hex').slice(0, 32);
}

/** The cache file of one trained model. */
export const cacheFile = (dir: string, key: string): string => join(dir, `nlu-model-${key}.json`);

export async function readCached<T>(dir: string, key: string): Promise<T | null> {
  try {
    return JSON.parse(await readFile(cacheFile(dir, key), 'utf8')) as T;
  } catch {
    return null;
  }
}

export async function writeCached(dir: string, key: string, value: unknown): Promise<void> {
  try {
    await mkdir(dir, { recursive: true });
    const file = cacheFile(dir, key);
    const tmp = `${file}.${process.pid}.tmp`;
    await writeFile(tmp, JSON.stringify(value));
    await rename(tmp, file);
  } catch {
    // A read-only disk costs a slower next start, nothing more.
  }
}
