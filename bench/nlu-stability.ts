/**
 * How far one edit to dialogs/ reaches: trains the NLU on the dialogs as they are and on the dialogs
 * with one small edit of the kind a contact centre makes, and counts the labelled texts in tests/nlu
 * whose intent or situations changed. An edit should move what it is about and little else; before
 * the training order was drawn from each sample's content (classifier.ts), adding one example
 * reshuffled every epoch, and each of these edits changed 48–104 texts, crises among them.
 *
 *   node bin/run-ts.js bench/nlu-stability.ts [--edits add-intent,remove-intent,add-crisis,add-english]
 *
 * Trains once per edit plus once for the dialogs as they are (about 40 s each on this machine); no
 * model cache is read or written.
 */
import { readdirSync } from 'node:fs';
import { createRecognizer, readTrainingData, type NluTrainingData } from '../src/nlu/index.ts';
import { readHeldout, type LabelledSet } from '../tests/nlu/heldout.ts';
import type { Lang } from '../src/nlu/types.ts';

type Examples = { examples: Record<Lang, string[]> };
type LexiconDoc = { id: string } & Record<Lang, { examples?: string[] }>;

/** The edits: each changes a deep copy of the training data. */
const EDITS: Record<string, { says: string; apply(data: NluTrainingData): void }> = {
  'add-intent': {
    says: 'one Dutch example added to case_status: "waar blijft mijn vergunning nou"',
    apply: (d) => intent(d, 'case_status').examples.nl.unshift('waar blijft mijn vergunning nou'),
  },
  'add-english': {
    says: 'one English example added to documents: "what papers do i need to bring for a new id card"',
    apply: (d) => intent(d, 'documents').examples.en.unshift('what papers do i need to bring for a new id card'),
  },
  'remove-intent': {
    says: 'the fifth Dutch example of payment removed',
    apply: (d) => void intent(d, 'payment').examples.nl.splice(4, 1),
  },
  'add-crisis': {
    says: 'one English crisis example added to the distress lexicon: "i have written letters to everyone i love and put them in a drawer"',
    apply: (d) => {
      const lexicon = (d.lexicons as LexiconDoc[]).find((l) => l.id === 'distress' && l.en.examples);
      if (!lexicon) throw new Error('no distress lexicon with English examples');
      lexicon.en.examples!.unshift('i have written letters to everyone i love and put them in a drawer');
    },
  },
};

function intent(data: NluTrainingData, id: string): Examples {
  const found = data.intents.find((i) => i.id === id);
  if (!found) throw new Error(`no intent ${id} in dialogs/`);
  return found as Examples;
}

const argv = process.argv.slice(2);
const editsAt = argv.indexOf('--edits');
const chosen = editsAt >= 0 ? (argv[editsAt + 1] ?? '').split(',').filter(Boolean) : Object.keys(EDITS);
for (const name of chosen) if (!EDITS[name]) throw new Error(`unknown edit ${name}; known: ${Object.keys(EDITS).join(', ')}`);

const folder = new URL('../tests/nlu/', import.meta.url);
const items = readdirSync(folder)
  .filter((f) => f.endsWith('.ndjson'))
  .sort()
  .flatMap((f) => {
    const [set, lang] = f.split('.') as [LabelledSet, Lang];
    return readHeldout(lang, set);
  });

/** What the NLU says of each labelled text: its intent and its situations, as one string. */
async function readings(data: NluTrainingData): Promise<string[]> {
  const t0 = performance.now();
  const recognizer = await createRecognizer(data);
  const out = items.map((item) => {
    const r = recognizer.parse(item.text);
    return `${r.intent.name}\t${r.handoffs.map((h) => h.reason).join(',')}`;
  });
  console.log(`  trained and read ${items.length} texts in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  return out;
}

const data = await readTrainingData('dialogs');
console.log(`NLU stability: ${items.length} labelled texts (tests/nlu/*.ndjson)\n\nthe dialogs as they are`);
const before = await readings(data);
const rows: string[] = [];
for (const name of chosen) {
  const edit = EDITS[name]!;
  const copy = structuredClone(data);
  edit.apply(copy);
  console.log(`\n${name}: ${edit.says}`);
  const after = await readings(copy);
  let intents = 0;
  let situations = 0;
  const changed: string[] = [];
  after.forEach((line, i) => {
    if (line === before[i]) return;
    const [wasIntent, wasSituations] = before[i]!.split('\t');
    const [intentNow, situationsNow] = line.split('\t');
    if (wasIntent !== intentNow) intents++;
    if (wasSituations !== situationsNow) situations++;
    changed.push(`    ${wasIntent} [${wasSituations}] → ${intentNow} [${situationsNow}]  ${items[i]!.text.slice(0, 100)}`);
  });
  console.log(`  changed: ${changed.length} texts (intent ${intents}, situations ${situations})`);
  for (const line of changed.slice(0, 12)) console.log(line);
  if (changed.length > 12) console.log(`    … and ${changed.length - 12} more`);
  rows.push(`${name.padEnd(14)} ${String(changed.length).padStart(5)} ${String(intents).padStart(7)} ${String(situations).padStart(11)}`);
}
console.log(`\nedit           texts  intent  situations   (changed, of ${items.length})`);
for (const row of rows) console.log(row);
