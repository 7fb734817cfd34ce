import { describe, expect, it } from 'vitest';
import { readHeldout } from './heldout.ts';
import { checkLabelledSet } from './labelled-set.ts';

describe('the recognizer on held-out messages', () => {
  const { results, recognizer: current } = checkLabelledSet('heldout', 'held-out');

  it('has at least 250 held-out sentences', () => {
    expect(results.get('all')!.n).toBeGreaterThanOrEqual(250);
  });

  it('detects the language of at least 98% of the held-out sentences of two or more words', () => {
    const recognizer = current();
    const items = [...readHeldout('nl'), ...readHeldout('en')].filter((i) => i.text.split(/\s+/).length >= 2);
    const wrong = items.filter((i) => recognizer.parse(i.text).lang !== i.lang);
    console.log(`language detection: ${items.length - wrong.length}/${items.length}; wrong: ${wrong.map((i) => i.text).join(' | ')}`);
    expect(wrong.length / items.length).toBeLessThanOrEqual(0.02);
  });
});
