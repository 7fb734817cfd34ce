/**
 * Calibrates the `none` threshold (and shows the effect of training settings) by k-fold cross-
 * validation over the training examples only; the held-out set is not used here.
 *
 *   node bin/run-ts.js bench/nlu-calibrate.ts
 */
import { createRecognizer, readTrainingData, type NluTrainingData } from '../src/nlu/index.ts';

const K = 5;
const THRESHOLDS = [0, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.6];

const data = await readTrainingData('dialogs');
const examples = data.intents.flatMap((intent) =>
  (['nl', 'en'] as const).flatMap((lang) => intent.examples[lang].map((text, i) => ({ intent: intent.id, lang, text, fold: (i * 7 + intent.id.length) % K }))),
);

const correct = new Map<number, number>(THRESHOLDS.map((t) => [t, 0]));
for (let fold = 0; fold < K; fold++) {
  const train: NluTrainingData = {
    lexicons: data.lexicons,
    intents: data.intents.map((intent) => ({
      id: intent.id,
      examples: {
        nl: examples.filter((e) => e.fold !== fold && e.intent === intent.id && e.lang === 'nl').map((e) => e.text),
        en: examples.filter((e) => e.fold !== fold && e.intent === intent.id && e.lang === 'en').map((e) => e.text),
      },
    })),
  };
  // Threshold 0: the recognizer gives its best guess; lower thresholds are applied here.
  const recognizer = await createRecognizer(train, { noneThreshold: 0 });
  for (const e of examples.filter((x) => x.fold === fold)) {
    const { name, confidence } = recognizer.parse(e.text).intent;
    for (const t of THRESHOLDS) {
      const guess = name !== 'none' && confidence < t ? 'none' : name;
      if (guess === e.intent) correct.set(t, correct.get(t)! + 1);
    }
  }
}
console.log(`${K}-fold cross-validation over ${examples.length} training examples`);
console.log('threshold  accuracy');
for (const t of THRESHOLDS) console.log(`${t.toFixed(2).padStart(9)}  ${((correct.get(t)! / examples.length) * 100).toFixed(1)}%`);
