/**
 * Our NLU against nlp.js (@nlpjs/nlp with @nlpjs/lang-nl and @nlpjs/lang-en-min), both trained on the
 * very same examples (exported by runNluExport), both scored on tests/nlu/heldout.*.ndjson.
 * Exits non-zero when ours is less accurate.
 *
 *   node bin/run-ts.js bench/nlu-vs-nlpjs/index.ts
 */
import { PassThrough } from 'node:stream';
import { runNluExport, type ExportedExample } from '../../src/cli/nlu-export.ts';
import { createRecognizer, readTrainingData, type Lang } from '../../src/nlu/index.ts';
import { readHeldout, score, type HeldoutItem } from '../../tests/nlu/heldout.ts';
import { loadNlpjs } from './nlpjs.ts';

async function exported(): Promise<ExportedExample[]> {
  const data = await readTrainingData('dialogs');
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  runNluExport(data, out);
  out.end();
  return Buffer.concat(chunks).toString('utf8').trim().split('\n').map((l) => JSON.parse(l) as ExportedExample);
}

function intentsOf(examples: ExportedExample[]) {
  const byId = new Map<string, { id: string; examples: Record<Lang, string[]> }>();
  for (const e of examples) {
    const entry = byId.get(e.intent) ?? { id: e.intent, examples: { nl: [], en: [] } };
    entry.examples[e.lang].push(e.text);
    byId.set(e.intent, entry);
  }
  return [...byId.values()];
}

const examples = await exported();
const items: HeldoutItem[] = [...readHeldout('nl'), ...readHeldout('en')];

let t0 = performance.now();
const ours = await createRecognizer({ intents: intentsOf(examples), lexicons: (await readTrainingData('dialogs')).lexicons });
const oursTrainMs = performance.now() - t0;
t0 = performance.now();
const nlpjs = await loadNlpjs(examples);
const nlpjsTrainMs = performance.now() - t0;

// Both get the language from the held-out file, so only intent classification is compared.
const oursScores = score(items, (i) => ({ intent: ours.parse(i.text, i.lang).intent.name, handoff: null }));
const nlpjsAnswers = new Map<string, string>();
t0 = performance.now();
for (const i of items) nlpjsAnswers.set(`${i.lang}:${i.text}`, await nlpjs.classify(i.text, i.lang));
const nlpjsRate = items.length / ((performance.now() - t0) / 1000);
const nlpjsScores = score(items, (i) => ({ intent: nlpjsAnswers.get(`${i.lang}:${i.text}`)!, handoff: null }));
t0 = performance.now();
for (let k = 0; k < 10; k++) for (const i of items) ours.parse(i.text, i.lang);
const oursRate = (items.length * 10) / ((performance.now() - t0) / 1000);

const byLang = (lang: Lang, pick: (i: HeldoutItem) => string): number => {
  const subset = items.filter((i) => i.lang === lang);
  return subset.filter((i) => pick(i) === i.intent).length / subset.length;
};
const pct = (x: number): string => `${(x * 100).toFixed(1)}%`.padStart(8);
const oursPick = (i: HeldoutItem): string => ours.parse(i.text, i.lang).intent.name;
const nlpjsPick = (i: HeldoutItem): string => nlpjsAnswers.get(`${i.lang}:${i.text}`)!;

console.log(`${examples.length} training examples, ${items.length} held-out messages`);
console.log('                 accuracy      nl      en   parses/s   training ms');
console.log(`  loket (ours)   ${pct(oursScores.intentAccuracy)}${pct(byLang('nl', oursPick))}${pct(byLang('en', oursPick))}${oursRate.toFixed(0).padStart(11)}${oursTrainMs.toFixed(0).padStart(14)}`);
console.log(`  nlp.js         ${pct(nlpjsScores.intentAccuracy)}${pct(byLang('nl', nlpjsPick))}${pct(byLang('en', nlpjsPick))}${nlpjsRate.toFixed(0).padStart(11)}${nlpjsTrainMs.toFixed(0).padStart(14)}`);
if (oursScores.intentAccuracy < nlpjsScores.intentAccuracy) {
  console.error('ours is less accurate than nlp.js');
  process.exitCode = 1;
}
