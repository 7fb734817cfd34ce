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

describe('what a Dutch word newcomers meet means, asked in English or Dutch', () => {
  it('"what is digid?": what DigiD is, and that it needs a BSN; not only where to apply', async () => {
    await eachAfter([], ['what is digid?', 'What is DigiD', 'whats digid'], /^DigiD \(digital identity\) is your login for the Dutch government\..*You need a BSN for it\./);
    await eachAfter(['hi i just moved here from spain, how do i get a BSN?'], ['what is digid?'], /^DigiD \(digital identity\) is your login/);
    await eachAfter([], ['wat is digid'], /^DigiD is uw digitale identiteit bij de overheid\./);
  });

  it('"whats an uittreksel": an official paper, proof of registration; not only where to apply', async () => {
    await eachAfter([], ['whats an uittreksel', 'what does uittreksel mean?', 'what is an uittreksel brp'], /^An uittreksel \(extract\) is an official paper from the municipality\..*proof of registration/);
    await eachAfter([], ['wat betekent uittreksel?'], /^Een uittreksel is een officieel papier van de gemeente\./);
  });

  it('"what is bijstand?": money to live on from the municipality; not when benefits are paid', async () => {
    await eachAfter([], ['what is bijstand?', 'what does bijstand mean'], /^Bijstand \(social assistance\) is money from the municipality to live on\./, /around the 1st of the month/);
    await eachAfter([], ['wat is bijstand'], /^Bijstand is geld van de gemeente om van te leven\./);
  });

  it('"what is huurtoeslag": help with the rent, paid by Dienst Toeslagen', async () => {
    await eachAfter([], ['what is huurtoeslag', 'what does huurtoeslag mean?'], /^Huurtoeslag \(rent allowance\) is money from the government for part of your rent.*not the municipality/);
  });

  it('"what does gemeente mean": the municipality; not "I did not understand"', async () => {
    await eachAfter([], ['what does gemeente mean', 'what is a gemeente?', 'what is the meaning of gemeentehuis'], /^Gemeente means municipality: the local government of your town or city\./, /did not understand/);
  });

  it('how to get DigiD stays the answer on DigiD', async () => {
    await eachAfter([], ['how do i get digid'], /^You apply for DigiD on www\.digid\.nl\./);
  });

  it('a crisis beside them keeps its crisis line', async () => {
    expect(await saidAfter(loket, [], 'what is digid? i want to die')).toMatch(CRISIS);
    expect(await saidAfter(loket, [], 'what does huurtoeslag mean, i dont want to live anymore')).toMatch(CRISIS);
  });
});

describe('parking, right after the town hall\'s address', () => {
  const SAME_AGAIN = /not answered here|Staat uw vraag hier niet in/;
  it('"is there parking": the sentence on where to park, not the whole answer and the offer of a person', async () => {
    await eachAfter(['hoi where is the town hall pls'], ['is there parking', 'is there parking?', 'where can i park'], /^My answer says: How to get there by bus, bike or car, and where to park, is on www\.voorbeeld\.nl\/contact\./, SAME_AGAIN);
    await eachAfter(['waar is het gemeentehuis'], ['is er parkeerplek?', 'is er parkeergelegenheid'], /^In mijn antwoord staat: Hoe u er komt met de bus, de fiets of de auto, en waar u kunt parkeren, staat op www\.voorbeeld\.nl\/contact\./, SAME_AGAIN);
  });

  it('a crisis beside it keeps its crisis line', async () => {
    expect(await saidAfter(loket, ['where is the town hall'], 'is there parking? i want to die')).toMatch(CRISIS);
  });
});
