/**
 * A second, blind held-out set (blind.{nl,en}.ndjson), written before reading the training examples and
 * kept apart from them: typos, SMS abbreviations, code-switching, rambling messages, all-caps, and
 * negated "scary" words for precision. Never copy its sentences (or close paraphrases) into dialogs/.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Lang, Recognizer } from '../../src/nlu/index.ts';
import { formatScores, score, type HeldoutItem, type Scores } from './heldout.ts';
import { sharedRecognizer } from './helpers.ts';

function readBlind(lang: Lang): HeldoutItem[] {
  const file = fileURLToPath(new URL(`./blind.${lang}.ndjson`, import.meta.url));
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim().length > 0)
    .map((l) => ({ ...(JSON.parse(l) as Omit<HeldoutItem, 'lang'>), lang }));
}

let recognizer: Recognizer;
const results = new Map<string, Scores>();

beforeAll(async () => {
  recognizer = await sharedRecognizer();
  const all: HeldoutItem[] = [];
  for (const lang of ['nl', 'en'] as Lang[]) {
    const items = readBlind(lang);
    all.push(...items);
    results.set(lang, score(items, predict));
  }
  results.set('all', score(all, predict));
  for (const [name, s] of results) console.log(formatScores(`blind ${name}`, s));
  console.log(`misclassified (all):\n  ${results.get('all')!.misses.join('\n  ')}`);
});

function predict(item: HeldoutItem): { intent: string; handoff: string | null } {
  const r = recognizer.parse(item.text);
  return { intent: r.intent.name, handoff: r.handoff?.reason ?? null };
}

describe('the recognizer on the blind set', () => {
  it('has at least 200 Dutch and 80 English blind sentences', () => {
    expect(results.get('nl')!.n).toBeGreaterThanOrEqual(200);
    expect(results.get('en')!.n).toBeGreaterThanOrEqual(80);
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
});
