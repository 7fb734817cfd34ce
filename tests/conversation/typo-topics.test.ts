/**
 * A topic named with a typo ("bijstnd", "paspooort is verlopn", "batterijn") got "Sorry, dat begrijp ik niet goed",
 * or the case-number question, where the same words spelt right get the topic's answer: the classifier reads the
 * words as the vocabulary puts them right, but the topics were named only by the words as written. Now the dialog
 * also names topics by the NLU's reading (ParseResult.fixed) when the words as written name none.
 */
import { describe, expect, it } from 'vitest';
import type { Loket } from '../../src/server/loket.ts';
import { saidAfter } from '../support/loket.ts';
import { useLoket } from '../support/use-loket.ts';

let loket: Loket;
useLoket((started) => (loket = started));

describe('a topic named with a typo', () => {
  it('gets the answer the right spelling gets', async () => {
    for (const [typed, right] of [
      ['hoe vraag ik bijstnd aan', 'hoe vraag ik bijstand aan'],
      ['mijn paspooort is verlopn', 'mijn paspoort is verlopen'],
      ['waar kan ik mn batterijn inleveren', 'waar kan ik mijn batterijen inleveren'],
      ['kan ik kwijtscheldng krijgen', 'kan ik kwijtschelding krijgen'],
    ] as const) {
      const got = await saidAfter(loket, [], typed);
      expect({ typed, got }).toEqual({ typed, got: await saidAfter(loket, [], right) });
      expect({ typed, got }).toEqual({ typed, got: expect.not.stringMatching(/begrijp ik niet|zaaknummer/) });
    }
  });

  it('a crisis with a typo beside it still gets the crisis line', async () => {
    expect(await saidAfter(loket, [], 'hoe vraag ik bijstnd aan, ik wil er niet meer zijn')).toMatch(/113/);
  });
});
