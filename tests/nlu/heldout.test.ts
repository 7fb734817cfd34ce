import { beforeAll, describe, expect, it } from 'vitest';
import type { Lang, Recognizer } from '../../src/nlu/index.ts';
import { formatScores, readHeldout, score, type HeldoutItem, type Scores } from './heldout.ts';
import { sharedRecognizer } from './helpers.ts';

let recognizer: Recognizer;
const results = new Map<string, Scores>();

beforeAll(async () => {
  recognizer = await sharedRecognizer();
  const all: HeldoutItem[] = [];
  for (const lang of ['nl', 'en'] as Lang[]) {
    const items = readHeldout(lang);
    all.push(...items);
    results.set(lang, score(items, predict));
  }
  results.set('all', score(all, predict));
  for (const [name, s] of results) console.log(formatScores(`held-out ${name}`, s));
  console.log(`misclassified (all):\n  ${results.get('all')!.misses.join('\n  ')}`);
});

function predict(item: HeldoutItem): { intent: string; handoff: string | null } {
  const r = recognizer.parse(item.text);
  return { intent: r.intent.name, handoff: r.handoff?.reason ?? null };
}

describe('the recognizer on held-out messages', () => {
  it('has at least 250 held-out sentences', () => {
    expect(results.get('all')!.n).toBeGreaterThanOrEqual(250);
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

  it('detects the language of at least 98% of the held-out sentences of two or more words', () => {
    const items = [...readHeldout('nl'), ...readHeldout('en')].filter((i) => i.text.split(/\s+/).length >= 2);
    const wrong = items.filter((i) => recognizer.parse(i.text).lang !== i.lang);
    console.log(`language detection: ${items.length - wrong.length}/${items.length}; wrong: ${wrong.map((i) => i.text).join(' | ')}`);
    expect(wrong.length / items.length).toBeLessThanOrEqual(0.02);
  });
});
