/**
 * The suggestion: when the intent is `none` only because the best intent was not sure enough, the parse
 * names that intent, so the assistant can ask "gaat uw vraag over …?" (tests/dialog/step.test.ts).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_NONE_THRESHOLD, type Recognizer } from '../../src/nlu/index.ts';
import { SUGGESTION_FLOOR } from '../../src/nlu/recognizer.ts';
import { toParseLine } from '../../src/cli/parse.ts';
import { readHeldout } from './heldout.ts';
import { sharedRecognizer, trainingData } from './helpers.ts';
import { createRecognizer } from '../../src/nlu/recognizer.ts';
import { NLU_CACHE } from '../support/nlu-cache.ts';

let recognizer: Recognizer;
beforeAll(async () => {
  recognizer = await sharedRecognizer();
});

describe('the suggestion of an unsure parse', () => {
  it('comes only with `none`, no situation, and a best intent between the floor and the none threshold', () => {
    const sets = ['heldout', 'apart1', 'apart2', 'apart7', 'apart12', 'apart18', 'apart29', 'apart37'] as const;
    const texts = sets.flatMap((set) => [...readHeldout('nl', set), ...readHeldout('en', set)]).map((i) => i.text);
    let suggested = 0;
    for (const text of texts) {
      const r = recognizer.parse(text);
      if (!r.suggestion) continue;
      suggested++;
      expect({ text, intent: r.intent.name, handoffs: r.handoffs.length }).toEqual({ text, intent: 'none', handoffs: 0 });
      expect(r.suggestion.name).not.toBe('none');
      expect(r.suggestion.confidence).toBeGreaterThanOrEqual(SUGGESTION_FLOOR);
      expect(r.suggestion.confidence).toBeLessThan(DEFAULT_NONE_THRESHOLD);
    }
    console.log(`suggestions: ${suggested} of ${texts.length} messages`);
    expect(suggested).toBeGreaterThan(0);
  });

  it('stays below the none threshold as printed, also where it lies within a rounding of it', async () => {
    // With the threshold set to a suggestion's own (rounded) confidence, the unrounded one may lie
    // just under it: the intent is still `none`, and the suggestion must not print as the threshold.
    const data = await trainingData();
    const texts = (['heldout', 'apart1', 'apart2', 'apart7', 'apart12', 'apart18', 'apart29', 'apart37'] as const).flatMap((set) => [...readHeldout('nl', set), ...readHeldout('en', set)]).map((i) => i.text);
    const suggested = texts.map((text) => ({ text, s: recognizer.parse(text).suggestion })).filter((x) => x.s).slice(0, 8);
    expect(suggested.length).toBe(8);
    for (const { text, s } of suggested) {
      const strict = await createRecognizer(data, { cacheDir: NLU_CACHE, noneThreshold: s!.confidence });
      const r = strict.parse(text);
      if (r.suggestion) expect({ text, below: r.suggestion.confidence < s!.confidence }).toEqual({ text, below: true });
    }
    // Eight recognizers built from the cache: about 20 s on a quiet machine, over 30 s on a busy one.
  }, 120_000);

  it('stays out of the `loket parse` line (CONTRACTS.md §3)', () => {
    const r = { ...recognizer.parse('hallo'), suggestion: { name: 'payment', confidence: 0.2 } };
    expect(Object.keys(toParseLine(r))).toEqual(['text', 'lang', 'intent', 'entities', 'handoff']);
  });
});
