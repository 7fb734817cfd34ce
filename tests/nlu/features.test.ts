import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/nlu/analyze.ts';
import { extractFeatures, FeatureNumbers, INTENT_FEATURES, SITUATION_FEATURES, type FeatureVector } from '../../src/nlu/features.ts';
import type { EntityType } from '../../src/nlu/types.ts';

/** Numbers whose one reader writes down each key as it is numbered, so a vector can be read back as keys. */
function recordingNumbers(): { numbers: FeatureNumbers<'keys'>; keys: string[] } {
  const keys: string[] = [];
  const numbers = new FeatureNumbers({ keys: (key: string) => keys.push(key) - 1 });
  return { numbers, keys };
}

const asEntries = (v: FeatureVector, column: Int32Array, keys: readonly string[]): Array<[string, number]> => v.ids.map((id, i) => [keys[column[id]!]!, v.values[i]!]);

const MESSAGES: Array<{ text: string; lang: 'nl' | 'en'; types?: EntityType[] }> = [
  { text: 'wnr krijg ik geld van de bijstand', lang: 'nl' },
  { text: 'Mijn aanvraag Z-2026-000123 van 15-03-2026, hoe staat het ermee? ik wacht ik wacht ik wacht', lang: 'nl', types: ['case_number', 'date', 'case_number'] },
  { text: 'I paid 250 euros on 12 march and 250 again, where is my money', lang: 'en', types: ['date'] },
  { text: 'ok', lang: 'nl' },
  { text: '', lang: 'en', types: ['phone'] },
  { text: Array.from({ length: 150 }, (_, i) => `woord${i % 7} en nog ${i}`).join(' '), lang: 'nl' },
];

describe('numbered features', () => {
  it('are the keys and values of extractFeatures, in the same order (so the models add them up the same)', () => {
    const { numbers, keys } = recordingNumbers();
    for (const weights of [INTENT_FEATURES, SITUATION_FEATURES]) {
      for (const { text, lang, types = [] } of MESSAGES) {
        numbers.startMessage();
        const terms = analyze(text, lang, null);
        const v = numbers.vector(terms, types, weights);
        expect(asEntries(v, numbers.column('keys'), keys)).toEqual([...extractFeatures(terms, types, weights)]);
      }
    }
  });

  it('give a feature seen again the number it had', () => {
    const { numbers } = recordingNumbers();
    const terms = analyze('wanneer wordt de bijstand betaald', 'nl', null);
    const first = numbers.vector(terms, [], INTENT_FEATURES);
    numbers.startMessage();
    const again = numbers.vector(terms, [], INTENT_FEATURES);
    expect(again).toEqual(first);
  });
});
