/**
 * A second, blind held-out set (blind.{nl,en}.ndjson), written before reading the training examples and
 * kept apart from them: typos, SMS abbreviations, code-switching, rambling messages, all-caps, and
 * negated "scary" words for precision. Never copy its sentences (or close paraphrases) into dialogs/.
 */
import { describe, expect, it } from 'vitest';
import { checkLabelledSet } from './labelled-set.ts';

describe('the recognizer on the blind set', () => {
  const { results } = checkLabelledSet('blind', 'blind');

  it('has at least 200 Dutch and 80 English blind sentences', () => {
    expect(results.get('nl')!.n).toBeGreaterThanOrEqual(200);
    expect(results.get('en')!.n).toBeGreaterThanOrEqual(80);
  });
});
