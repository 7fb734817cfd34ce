/**
 * The checks every labelled test set gets (held-out and blind): scores per language printed, intent
 * accuracy ≥ 0.92, special situations recall ≥ 0.97 at precision ≥ 0.85, distress every time.
 */
import { beforeAll, expect, it } from 'vitest';
import type { Lang, Recognizer } from '../../src/nlu/index.ts';
import { formatScores, readHeldout, score, type HeldoutItem, type LabelledSet, type Scores } from './heldout.ts';
import { sharedRecognizer } from './helpers.ts';

export function checkLabelledSet(set: LabelledSet, title: string): { results: Map<string, Scores>; recognizer: () => Recognizer } {
  let recognizer: Recognizer;
  const results = new Map<string, Scores>();
  const predict = (item: HeldoutItem) => {
    const r = recognizer.parse(item.text);
    return { intent: r.intent.name, handoff: r.handoff?.reason ?? null };
  };

  beforeAll(async () => {
    recognizer = await sharedRecognizer();
    const all: HeldoutItem[] = [];
    for (const lang of ['nl', 'en'] as Lang[]) {
      const items = readHeldout(lang, set);
      all.push(...items);
      results.set(lang, score(items, predict));
    }
    results.set('all', score(all, predict));
    for (const [name, s] of results) console.log(formatScores(`${title} ${name}`, s));
    console.log(`misclassified (all):\n  ${results.get('all')!.misses.join('\n  ')}`);
  });

  for (const lang of ['nl', 'en', 'all']) {
    it(`classifies intents with accuracy ≥ 0.92 (${lang})`, () => {
      expect(results.get(lang)!.intentAccuracy).toBeGreaterThanOrEqual(0.92);
    });
  }

  it('finds special situations with recall ≥ 0.97 at precision ≥ 0.85', () => {
    const s = results.get('all')!;
    expect(s.handoffRecall).toBeGreaterThanOrEqual(0.97);
    expect(s.handoffPrecision).toBeGreaterThanOrEqual(0.85);
  });

  it('finds distress every time', () => {
    expect(results.get('all')!.byReason.distress!.recall).toBe(1);
  });

  it('keeps precision ≥ 0.85 for every reason', () => {
    for (const [reason, r] of Object.entries(results.get('all')!.byReason)) {
      expect({ reason, precision: r.precision >= 0.85 }).toEqual({ reason, precision: true });
    }
  });

  return { results, recognizer: () => recognizer };
}
