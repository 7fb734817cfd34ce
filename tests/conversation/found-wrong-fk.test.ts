/**
 * Found wrong by talking to the demo as English-speaking newcomers (expats, students) who mix Dutch words into their
 * English and write SMS style: "do i need an afspraak?" right after registering from abroad got all the opening hours.
 * Each with variants of my own.
 */
import { describe, expect, it } from 'vitest';
import type { Loket } from '../../src/server/loket.ts';
import { saidAfter } from '../support/loket.ts';
import { eachSaidAfter } from '../support/said-after.ts';
import { useLoket } from '../support/use-loket.ts';

let loket: Loket;
useLoket((started) => (loket = started));

const CRISIS = /113/;
const HOURS = /day and night|dag en nacht/;
const eachAfter = (before: readonly string[], asked: readonly string[], said: RegExp, notSaid?: RegExp): Promise<void> => eachSaidAfter(loket, before, asked, said, notSaid);

describe('"afspraak" in an English question about an appointment', () => {
  it('after registering from abroad, the passport, the parking permit: the answer\'s own sentence, not all the opening hours', async () => {
    await eachAfter(['hi i just moved here from spain, how do i get a BSN?'], ['do i need an afspraak?', 'afspraak needed?', 'do i have to make an afspraak'], /^My answer says: Make an appointment at www\.voorbeeld\.nl\/inschrijven or call 14 0123\./, HOURS);
    await eachAfter(['how do i renew my passport'], ['do i need an afspraak', 'is an afspraak required?'], /^My answer says: First make an appointment on www\.voorbeeld\.nl or call 14 0123\./, HOURS);
    await eachAfter(['how do i apply for a parking permit'], ['do i need an afspraak?'], /^You do not need to come to the desk for this, so you do not need an appointment\./, HOURS);
  });

  it('a crisis beside it keeps its crisis line', async () => {
    expect(await saidAfter(loket, ['hi i just moved here from spain, how do i get a BSN?'], 'do i need an afspraak? i want to die')).toMatch(CRISIS);
  });
});
