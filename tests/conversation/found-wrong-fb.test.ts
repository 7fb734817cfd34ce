/**
 * Follow-ups found wrong by talking to the demo: "moet ik dan eerst betalen?" right after the answer on objecting (to a
 * municipal tax assessment) got when a benefit is paid; "mijn vader is overleden, wat moet ik doen?" got only the
 * condolences, where "… wat moet ik regelen?" also got what the registration of the death arranges by itself. Each with
 * variants of my own, and a crisis said in the same place.
 */
import { describe, expect, it } from 'vitest';
import type { Loket } from '../../src/server/loket.ts';
import { saidAfter } from '../support/loket.ts';
import { useLoket } from '../support/use-loket.ts';

let loket: Loket;
useLoket((started) => (loket = started));

const CRISIS = /113.*112/;

/** Each message, said right after `before`, gets a reply matching `said`. */
async function eachAfter(before: readonly string[], asked: readonly string[], said: RegExp, notSaid?: RegExp): Promise<void> {
  for (const a of asked) {
    const got = await saidAfter(loket, before, a);
    expect({ asked: a, said: got }).toEqual({ asked: a, said: expect.stringMatching(said) });
    if (notSaid) expect({ asked: a, said: got }).not.toEqual({ asked: a, said: expect.stringMatching(notSaid) });
  }
}

describe('a death told with "wat moet ik doen?"', () => {
  const AFTER_DEATH_NL = /^Gecondoleerd met uw verlies\..* Als iemand overlijdt, doet de uitvaartondernemer meestal de aangifte bij de gemeente\./;

  it('gets the condolences and what the registration of the death arranges by itself, as "… wat moet ik regelen?" does', async () => {
    await eachAfter([], ['mijn vader is overleden, wat moet ik doen?', 'mijn vader is overleden, wat moet ik nu doen?', 'mn vader is overleden wat moet ik doen',
      'mijn moeder is gisteren overleden. wat moet ik doen', 'mijn man is overleden, wat moeten we doen?'], AFTER_DEATH_NL);
  });

  it('so does the benefit of who died named with it; not debts told beside the death', async () => {
    await eachAfter([], ['mijn vader is overleden, wat moet ik doen met zijn uitkering?'], AFTER_DEATH_NL);
    await eachAfter([], ['mijn vader is overleden en ik kan de huur niet betalen, wat moet ik doen'], /schuldhulp/, /uitvaartondernemer/);
  });

  it('keeps the crisis line alone when a crisis is told beside the death', async () => {
    for (const asked of ['mijn vader is overleden, wat moet ik doen? ik wil er niet meer zijn', 'mijn vader is overleden en ik wil ook dood, wat moet ik doen']) {
      const said = await saidAfter(loket, [], asked);
      expect({ asked, said }).toEqual({ asked, said: expect.stringMatching(CRISIS) });
      expect({ asked, said }).not.toEqual({ asked, said: expect.stringMatching(/uitvaartondernemer/) });
    }
  });
});
