/**
 * Found wrong (helper fs): case facts typed nearly right got "Ik zie geen zaaknummer / postcode / datum in uw bericht"
 * (or, as a first message, "Sorry, dat begrijp ik niet goed"): "zaak 123", "1234", "15 maart", "vijftien maart 1980".
 * "Z-2O26-OOO123" (a letter O for a zero) got "Een zaaknummer begint met een Z". A birth date in the future was checked
 * and counted as a failed try. Three failed tries on one case said "kan ik deze zaak … niet opzoeken", and then no other
 * case could be looked up either. Verification stays whole: nothing here says which fact did not match.
 */
import { describe, expect, it } from 'vitest';
import type { Loket } from '../../src/server/loket.ts';
import { saidAfter, saidAlready, say } from '../support/loket.ts';
import { eachSaidAfter } from '../support/said-after.ts';
import { useLoket } from '../support/use-loket.ts';

let loket: Loket;
useLoket((started) => (loket = started));

const CRISIS = /113/;
const ASK = 'hoe staat het met mijn aanvraag?';
const ASK_EN = 'what is the status of my application?';
const NUMBER = 'Z-2026-000123';
const STATUS = /^Uw zaak Z-2026-000123 \(Omgevingsvergunning \(dakkapel\)\): In behandeling/;
const NOT_SEEN = /Ik zie geen|I do not see|begrijp ik niet|do not understand/;
const MISMATCH = /komen niet overeen|do not match/;

/** Each message, said right after `before`, gets a reply matching `said` and none matching `notSaid`. */
const eachAfter = (before: readonly string[], asked: readonly string[], said: RegExp, notSaid?: RegExp): Promise<void> => eachSaidAfter(loket, before, asked, said, notSaid);

describe('a case number without its year', () => {
  it('asks for the whole number, as the first message and while the number is asked', async () => {
    await eachAfter([], ['zaak 123', 'zaaknummer 123'], /^Dat zaaknummer is niet compleet\. Er staat ook een jaar in, bijvoorbeeld Z-2026-000123\./, NOT_SEEN);
    await eachAfter([ASK], ['123', 'zaak 123', 'mijn zaaknummer is 123'], /^Dat zaaknummer is niet compleet\. Er staat ook een jaar in/, NOT_SEEN);
    await eachAfter([ASK_EN], ['case 123', '123'], /^That case number is not complete\. It also has a year in it/, NOT_SEEN);
  });

  it('the whole number sent next goes on to postcode and birth date', async () => {
    expect(await saidAfter(loket, [ASK, 'zaak 123'], NUMBER)).toMatch(/postcode en uw geboortedatum/);
  });

  it('a crisis beside it keeps its crisis line', async () => {
    expect(await saidAfter(loket, [ASK], 'zaak 123 ik wil dood')).toMatch(CRISIS);
    expect(await saidAfter(loket, [ASK_EN], 'case 123 i want to die')).toMatch(CRISIS);
  });
});

describe('a case number with a letter O for a zero', () => {
  it('is that case number', async () => {
    await eachAfter([ASK], ['Z-2O26-OOO123', 'z2o26ooo123'], /postcode en uw geboortedatum/, /herken ik niet|begint met een Z/);
    expect(await saidAfter(loket, [ASK, 'Z-2O26-OOO123'], '1234 AB 15-03-1980')).toMatch(STATUS);
    expect(await saidAfter(loket, [], 'hoe staat het met Z-2O26-OOO123? 1234 AB 15-03-1980')).toMatch(STATUS);
  });

  it('a crisis beside it keeps its crisis line', async () => {
    expect(await saidAfter(loket, [ASK], 'Z-2O26-OOO123 ik wil dood')).toMatch(CRISIS);
  });
});

describe('a postcode without its letters', () => {
  it('says a postcode has 2 letters too, not "Ik zie geen postcode"', async () => {
    await eachAfter([ASK, NUMBER], ['1234'], /^Een postcode heeft 4 cijfers en 2 letters\. Stuur de hele postcode en de geboortedatum\./, NOT_SEEN);
    await eachAfter([ASK, NUMBER, '15-03-1980'], ['1234', 'postcode 1234'], /^Een postcode heeft 4 cijfers en 2 letters, bijvoorbeeld 1234 AB\. Stuur de hele postcode\./, NOT_SEEN);
    await eachAfter([ASK, NUMBER], ['1234 15-03-1980'], /^Een postcode heeft 4 cijfers en 2 letters, bijvoorbeeld 1234 AB\./);
    await eachAfter([ASK_EN, NUMBER], ['1234'], /^A postcode has 4 digits and 2 letters\./, NOT_SEEN);
  });

  it('not for the digits of a case number ("Z 2026 000123")', async () => {
    await eachAfter([ASK], ['Z 2026 000123', 'z 2026 123'], /^Om te controleren dat u het bent: wat is uw postcode en uw geboortedatum\?/);
  });

  it('the whole postcode sent next is checked with the birth date given', async () => {
    expect(await saidAfter(loket, [ASK, NUMBER, '15-03-1980', '1234'], '1234 AB')).toMatch(STATUS);
  });

  it('a crisis beside it keeps its crisis line', async () => {
    expect(await saidAfter(loket, [ASK, NUMBER], '1234 ik wil dood')).toMatch(CRISIS);
  });
});

describe('a birth date without its year, or in words', () => {
  const ASKED = [ASK, NUMBER, '1234 AB'];
  it('asks for the year, not "Ik zie geen datum"', async () => {
    await eachAfter(ASKED, ['15 maart', '15-3', '15/03'], /^Ik mis het jaar\. Stuur de hele geboortedatum, met het jaar erbij\./, NOT_SEEN);
    await eachAfter([ASK, NUMBER], ['1234 AB 15 maart'], /^Ik mis het jaar\./);
    await eachAfter([ASK_EN, NUMBER, '1234 AB'], ['15 March', 'March 15th'], /^The year is missing\./, NOT_SEEN);
  });

  it('asks for it in numbers when written in words', async () => {
    await eachAfter(ASKED, ['vijftien maart 1980', 'de vijftiende maart 1980'], /^Die datum kan ik niet goed lezen\. Schrijf de geboortedatum in cijfers/, NOT_SEEN);
    await eachAfter([ASK_EN, NUMBER, '1234 AB'], ['fifteenth of March 1980'], /^I cannot read that date well\./, NOT_SEEN);
  });

  it('asks for day and month to a year alone, without a check-in on how the citizen is', async () => {
    await eachAfter(ASKED, ['1980', 'maart 1980', 'sorry ik bedoel 1980', 'ik ben 46', '46 jaar'], /^Stuur de hele geboortedatum: dag, maand en jaar\. Bijvoorbeeld: 15-03-1980\.$/);
    await eachAfter([ASK, NUMBER], ['1234 AB 1980'], /^Stuur de hele geboortedatum: dag, maand en jaar\./);
    await eachAfter([ASK_EN, NUMBER, '1234 AB'], ['1980', "i'm 46 years old"], /^Please send the whole date of birth: day, month and year\./);
  });

  it('is no miss: after a message not understood, it is not "Een medewerker helpt u verder"', async () => {
    const id = await saidAlready(loket, ...ASKED, 'blabla');
    expect((await say(loket, id, '15 maart')).join(' ')).toMatch(/^Ik mis het jaar\./);
    expect((await say(loket, id, 'blabla')).join(' ')).toMatch(/^Ik zie geen datum in uw bericht\./);
    expect((await say(loket, id, '15-03-1980')).join(' ')).toMatch(STATUS);
    expect(await saidAfter(loket, [ASK, 'blabla'], 'zaak 123')).toMatch(/^Dat zaaknummer is niet compleet\./);
    expect(await saidAfter(loket, [ASK, NUMBER, 'blabla'], '1234')).toMatch(/^Een postcode heeft 4 cijfers en 2 letters\./);
  });

  it('says a date that does not exist does not', async () => {
    await eachAfter(ASKED, ['30-02-1980', '29-02-1981', '31/04/1980'], /^Die datum bestaat niet\. Kijk de geboortedatum nog even na\./, NOT_SEEN);
    await eachAfter([ASK, NUMBER], ['1234 AB 30-02-1980'], /^Die datum bestaat niet\./);
    await eachAfter([ASK_EN, NUMBER, '1234 AB'], ['30-02-1980'], /^That date does not exist\./);
    expect(await saidAfter(loket, ASKED, '30-02-1980 ik wil dood')).toMatch(CRISIS);
  });

  it('the whole date sent next gives the status', async () => {
    expect(await saidAfter(loket, [...ASKED, '15 maart'], '15-03-1980')).toMatch(STATUS);
  });

  it('a crisis beside it keeps its crisis line', async () => {
    expect(await saidAfter(loket, ASKED, '15 maart ik wil dood')).toMatch(CRISIS);
    expect(await saidAfter(loket, [ASK_EN, NUMBER, '1234 AB'], '15 March i want to die')).toMatch(CRISIS);
    expect(await saidAfter(loket, ASKED, 'sorry ik bedoel 1980 ik wil dood')).toMatch(CRISIS);
  });
});

describe('a birth date in the future', () => {
  it('is said to be none, and not checked', async () => {
    await eachAfter([ASK, NUMBER, '1234 AB'], ['15-03-2090'], /^Die datum ligt in de toekomst\. Dat kan geen geboortedatum zijn\. Wat is uw geboortedatum\?/, MISMATCH);
    await eachAfter([ASK, NUMBER], ['1234 AB 15-03-2090'], /^Die datum ligt in de toekomst\./, MISMATCH);
    await eachAfter([ASK_EN, NUMBER, '1234 AB'], ['15-03-2090'], /^That date is in the future, so it cannot be a date of birth\./, MISMATCH);
  });

  it('counts as no failed try: three of them lock nothing', async () => {
    const id = await saidAlready(loket, ASK, NUMBER, '1234 AB', '15-03-2090', '15-03-2091', '15-03-2092');
    expect((await say(loket, id, '15-03-1980')).join(' ')).toMatch(STATUS);
  });

  it('a crisis beside it keeps its crisis line', async () => {
    expect(await saidAfter(loket, [ASK, NUMBER, '1234 AB'], '15-03-2090 ik wil dood')).toMatch(CRISIS);
  });
});

describe('three failed checks of one case', () => {
  const FAILED = [ASK, NUMBER, '1234 AB 15-03-1981', '1234 AB 15-03-1982'];
  it('say that no case can be looked up, as the next case number then hears', async () => {
    const id = await saidAlready(loket, ...FAILED);
    const locked = (await say(loket, id, '1234 AB 15-03-1983')).join(' ');
    expect(locked).toMatch(/kan ik tot \d{1,2}\.\d{2} uur geen zaak opzoeken/);
    expect(locked).not.toMatch(/deze zaak|komen niet overeen/);
    expect((await say(loket, id, 'Z-2026-000456 5678 CD 01-07-1992')).join(' ')).toMatch(/geen zaak opzoeken/);
    // "waarom?" says the same rule.
    expect((await say(loket, id, 'waarom?')).join(' ')).toMatch(/Klopt het 3 keer niet\? Dan zoek ik 15 minuten geen zaak op\./);
  });

  it('a crisis beside the third try keeps its crisis line', async () => {
    expect(await saidAfter(loket, FAILED, '1234 AB 15-03-1983 ik wil dood')).toMatch(CRISIS);
  });
});

describe("someone else's case", () => {
  const MOTHER = 'hoe staat het met de aanvraag van mijn moeder?';
  it('"waarom?" to the question for its number speaks of that person, not "uw aanvraag" and "de zaak van u"', async () => {
    await eachAfter([MOTHER], ['waarom?', 'waarom wil je dat weten?'], /^Met het zaaknummer vind ik de aanvraag in ons systeem\. Daarna vraag ik de postcode en geboortedatum van de persoon voor wie de aanvraag is\./, /uw aanvraag|van u is/);
    await eachAfter(["what is the status of my mother's application?"], ['why?'], /^With the case number I find the application in our system\./, /your application|is yours/);
  });

  it('"weet ik niet" to that person\'s postcode or birth date is not "nagaan wie u bent"', async () => {
    await eachAfter([MOTHER, 'Z-2026-000456'], ['dat weet ik niet'], /^Geen probleem\. De postcode staat op de brief over de aanvraag, bij het adres\. Weet u het niet\? Dan kijkt een medewerker wat er kan\./, /wie u bent/);
    await eachAfter([MOTHER, 'Z-2026-000456', '5678 CD'], ['weet ik niet'], /^Geen probleem\. Weet u de geboortedatum niet\? Dan kijkt een medewerker wat er kan\./, /wie u bent/);
  });

  it('the status after that person\'s facts stays as it was', async () => {
    expect(await saidAfter(loket, [MOTHER, 'Z-2026-000456'], '5678 CD 01-07-1992')).toMatch(/^Zaak Z-2026-000456 \(Bijstandsuitkering\)/);
  });

  it('a crisis beside it keeps its crisis line', async () => {
    expect(await saidAfter(loket, [MOTHER], 'waarom? ik wil dood')).toMatch(CRISIS);
    expect(await saidAfter(loket, [MOTHER, 'Z-2026-000456'], 'dat weet ik niet, ik wil dood')).toMatch(CRISIS);
  });
});

describe('two case numbers, with postcode and birth date that match only one', () => {
  const TWO = 'hoe staat het met Z-2026-000123 en Z-2026-000456?';
  it('after the status of the one, says the other does not belong to them; "en de andere?" does not ask its number again', async () => {
    const id = await saidAlready(loket, TWO);
    const told = (await say(loket, id, '1234 AB 15-03-1980')).join(' ');
    expect(told).toMatch(STATUS);
    expect(told).toMatch(/U noemde ook zaak Z-2026-000456\. Die zaak hoort niet bij deze postcode en geboortedatum\./);
    const other = (await say(loket, id, 'en de andere?')).join(' ');
    expect(other).not.toMatch(/Wat is het zaaknummer/);
    expect(other).toMatch(/^Dit zaaknummer hoort niet bij de postcode en geboortedatum die u eerder gaf\./);
  });

  it('a crisis beside the facts keeps its crisis line', async () => {
    expect(await saidAfter(loket, [TWO], '1234 AB 15-03-1980 ik wil dood')).toMatch(CRISIS);
  });
});

describe("someone else's case named as theirs after one's own status", () => {
  const OWN = 'Z-2026-000123 1234 AB 15-03-1980';
  it("\"my mother's application\", \"mijn moeders aanvraag\": that person's details are asked, and the status is not \"your case\"", async () => {
    for (const [asked, ask, told] of [
      ["and my mother's application Z-2026-000456?", /^Asking for someone else\?/, /^Case Z-2026-000456 \(Bijstandsuitkering\)/],
      ['en mijn moeders aanvraag Z-2026-000456?', /^Vraagt u het voor iemand anders\?/, /^Zaak Z-2026-000456 \(Bijstandsuitkering\)/],
      ["en mijn moeder d'r aanvraag Z-2026-000456?", /^Vraagt u het voor iemand anders\?/, /^Zaak Z-2026-000456 \(Bijstandsuitkering\)/],
    ] as const) {
      const id = await saidAlready(loket, OWN);
      expect({ asked, said: (await say(loket, id, asked)).join(' ') }).toEqual({ asked, said: expect.stringMatching(ask) });
      expect({ asked, said: (await say(loket, id, '5678 CD 01-07-1992')).join(' ') }).toEqual({ asked, said: expect.stringMatching(told) });
    }
  });

  it('a crisis beside it keeps its crisis line', async () => {
    expect(await saidAfter(loket, [OWN], "and my mother's application Z-2026-000456? i want to die")).toMatch(CRISIS);
  });
});
