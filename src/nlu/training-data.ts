/**
 * Reads `NluTrainingData` straight from a dialogs folder (intents/*.yaml, lexicons/*.yaml), without
 * schema checks. The dialog loader is the real way in; tests, benches and tools use this one.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse } from 'yaml';
import { compileLexicons, type CompiledLexicon } from './lexicon.ts';
import type { Lang, MessageHandoffReason, NluTrainingData } from './types.ts';

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

/** One example of an intent: from the intent's file, or an `examples_asking` example of a situation (`situation`). */
export interface IntentExample {
  text: string;
  lang: Lang;
  intent: string;
  situation?: MessageHandoffReason;
}

/**
 * Every example the intent classifier learns from: the intents' own, then the situation examples that
 * also ask something (`examples_asking` in a lexicon), so that a crisis around a question does not
 * hide the question. `loket nlu export` prints the same list. `lexicons`: the data's lexicons, when
 * the caller has compiled them already.
 */
export function intentExamples(data: NluTrainingData, lexicons: readonly CompiledLexicon[] = compileLexicons(data.lexicons)): IntentExample[] {
  const own = data.intents.flatMap((intent) => (['nl', 'en'] as const).flatMap((lang) =>
    (intent.examples[lang] ?? []).map((text): IntentExample => ({ text, lang, intent: intent.id }))));
  const asking = lexicons.flatMap((lex) => lex.examples.flatMap((e): IntentExample[] =>
    (e.intent === undefined ? [] : [{ text: e.text, lang: e.lang, intent: e.intent, situation: lex.reason }])));
  return [...own, ...asking];
}
