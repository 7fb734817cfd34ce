/**
 * Reads `NluTrainingData` straight from a dialogs folder (intents/*.yaml, lexicons/*.yaml), without
 * schema checks. The dialog loader is the real way in; tests, benches and tools use this one.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse } from 'yaml';
import type { Lang, NluTrainingData } from './types.ts';

async function readYamlFiles(dir: string): Promise<unknown[]> {
  let names: string[];
  try {
    names = (await readdir(dir)).filter((n) => n.endsWith('.yaml') || n.endsWith('.yml')).sort();
  } catch {
    return [];
  }
  return Promise.all(names.map(async (n) => parse(await readFile(join(dir, n), 'utf8')) as unknown));
}

const texts = (list: unknown): string[] => (Array.isArray(list) ? list.filter((s): s is string => typeof s === 'string') : []);

/** Example: `const data = await readTrainingData('dialogs')`. */
export async function readTrainingData(dialogsDir: string): Promise<NluTrainingData> {
  const intents: NluTrainingData['intents'] = [];
  for (const doc of await readYamlFiles(join(dialogsDir, 'intents'))) {
    const d = doc as { kind?: unknown; id?: unknown; examples?: Partial<Record<Lang, unknown>> } | null;
    if (d?.kind !== 'intent' || typeof d.id !== 'string') continue;
    intents.push({ id: d.id, examples: { nl: texts(d.examples?.nl), en: texts(d.examples?.en) } });
  }
  const lexicons = (await readYamlFiles(join(dialogsDir, 'lexicons'))).filter(
    (doc) => (doc as { kind?: unknown } | null)?.kind === 'lexicon',
  );
  return { intents, lexicons };
}
