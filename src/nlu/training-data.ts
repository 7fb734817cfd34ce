/**
 * Reads `NluTrainingData` straight from a dialogs folder (intents/*.yaml, lexicons/*.yaml), without
 * schema checks. The dialog loader is the real way in; tests, benches and tools use this one.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse } from 'yaml';
import { compileLexicons, type CompiledLexicon } from './lexicon.ts';
import { tokenize } from './text.ts';
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

/**
 * The words of the answers and messages in these documents (`kind: intent` and `kind: messages`): every
 * `nl`/`en` text outside `examples`, tokenized, each word once, sorted (the same list from any order of files).
 */
export function ownWords(docs: readonly unknown[]): string[] {
  const words = new Set<string>();
  const walk = (value: unknown, key: string): void => {
    if (typeof value === 'string') {
      if (key === 'nl' || key === 'en') for (const t of tokenize(value)) if (t.norm.length >= 2 && !/\d/.test(t.norm)) words.add(t.norm);
    } else if (Array.isArray(value)) {
      for (const v of value) walk(v, '');
    } else if (value !== null && typeof value === 'object') {
      for (const [k, v] of Object.entries(value)) if (k !== 'examples') walk(v, k);
    }
  };
  for (const doc of docs) {
    const kind = (doc as { kind?: unknown } | null)?.kind;
    if (kind === 'intent' || kind === 'messages') walk(doc, '');
  }
  return [...words].sort();
}

/** Example: `const data = await readTrainingData('dialogs')`. */
export async function readTrainingData(dialogsDir: string): Promise<NluTrainingData> {
  const intents: NluTrainingData['intents'] = [];
  const intentDocs = await readYamlFiles(join(dialogsDir, 'intents'));
  const messageDocs = [...await readYamlFiles(dialogsDir), ...await readYamlFiles(join(dialogsDir, 'flows'))];
  for (const doc of intentDocs) {
    const d = doc as { kind?: unknown; id?: unknown; examples?: Partial<Record<Lang, unknown>> } | null;
    if (d?.kind !== 'intent' || typeof d.id !== 'string') continue;
    intents.push({ id: d.id, examples: { nl: texts(d.examples?.nl), en: texts(d.examples?.en) } });
  }
  const lexicons = (await readYamlFiles(join(dialogsDir, 'lexicons'))).filter(
    (doc) => (doc as { kind?: unknown } | null)?.kind === 'lexicon',
  );
  return { intents, lexicons, words: ownWords([...intentDocs, ...messageDocs]) };
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
