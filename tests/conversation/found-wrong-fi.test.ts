/**
 * The case-status conversation, found wrong by talking to the demo (helper fi): "why do u need that" and "wrm wil je
 * dat wete" while a fact was asked got "I do not see a case number"; "klopt dat wel?" right after a status got the
 * answer on payments; "dat is niet mijn zaak" got the whole status again; "wat betekent dat?" right after a case
 * flagged for a person got the answer on payments.
 */
import { describe, expect, it } from 'vitest';
import type { Loket } from '../../src/server/loket.ts';
import { DORMER, saidAfter } from '../support/loket.ts';
import { eachSaidAfter } from '../support/said-after.ts';
import { useLoket } from '../support/use-loket.ts';

let loket: Loket;
useLoket((started) => (loket = started));

const CRISIS = /113/;
const ASKED = 'hoe staat het met mijn aanvraag';
const ASKED_EN = 'what is the status of my application';
const FLAGGED = 'Z-2026-000789 1234 AB 30-11-1975';
const PAYMENTS_OR_STATUS = /uitkering betalen|pay benefits|Uw zaak Z-2026|Your case Z-2026/;

/** Each message, said right after `before`, gets a reply matching `said`. */
const eachAfter = (before: readonly string[], asked: readonly string[], said: RegExp, notSaid?: RegExp): Promise<void> => eachSaidAfter(loket, before, asked, said, notSaid);

describe('why a fact is asked, in chat shorthand', () => {
  it('"why do u need that", "wrm wil je dat wete": why the number or the postcode and birth date are asked', async () => {
    await eachAfter([ASKED_EN], ['why do u need that', 'y do u need that'], /^With the case number I find your application/);
    await eachAfter([ASKED], ['wrm wil je dat wete', 'waarom wil je da weten'], /^Met het zaaknummer vind ik uw aanvraag/);
    await eachAfter([ASKED, 'Z-2026-000123'], ['wrm wil je dat wete'], /^Ik vraag uw postcode en geboortedatum/);
  });

  it('a crisis beside it keeps its crisis line', async () => {
    expect(await saidAfter(loket, [ASKED], 'wrm wil je dat wete ik wil dood')).toMatch(CRISIS);
  });
});

describe('right after a status: doubting it, or saying it is not one\'s case', () => {
  it('"klopt dat wel?", "is that right?": the status is as the case system has it, and a person can look', async () => {
    await eachAfter([DORMER], ['klopt dat wel', 'klopt dat wel?', 'weet je dat zeker?', 'dat klopt niet'], /^Ik lees de status zo uit het zaaksysteem van de gemeente\./, PAYMENTS_OR_STATUS);
    await eachAfter([DORMER], ['is that right?', 'are you sure?'], /^I read the status as it is in the municipality's case system\./, PAYMENTS_OR_STATUS);
  });

  it('"dat is niet mijn zaak", "i never applied for that": how the case was found, the letter\'s number, or a person', async () => {
    await eachAfter([DORMER], ['dat is niet mijn zaak', 'dit is niet mijn aanvraag', 'ik heb geen dakkapel aangevraagd', 'ik heb dat nooit aangevraagd'], /^Ik vond zaak Z-2026-000123 met het zaaknummer dat u stuurde\.[^]*Typ dan: medewerker\./, /In behandeling/);
    await eachAfter([DORMER], ["that's not my case", 'i never applied for that'], /^I found case Z-2026-000123 with the case number you sent\./, /In behandeling/);
  });

  it('a crisis beside it keeps its crisis line', async () => {
    expect(await saidAfter(loket, [DORMER], 'klopt dat wel? ik wil dood')).toMatch(CRISIS);
    expect(await saidAfter(loket, [DORMER], "that's not my case, i want to die")).toMatch(CRISIS);
  });
});

describe('waiting for a person about a flagged case', () => {
  it('"wat betekent dat?": a person answers for this case, not the answer on payments', async () => {
    await eachAfter([FLAGGED], ['wat betekent dat', 'wat betekent dat?', 'hoe bedoel je?'], /^Over deze zaak geeft een medewerker het antwoord, niet ik\./, /uitkering/);
    await eachAfter([FLAGGED], ['what does that mean?'], /^For this case a staff member gives the answer, not me\./, /benefits/);
  });

  it('"wat moet ik nu doen?": nothing, a person looks at the case', async () => {
    await eachAfter([FLAGGED], ['wat moet ik nu doen', 'wat moet ik doen?'], /^U hoeft nu niets te doen\. Een medewerker kijkt in uw zaak/);
  });

  it('a crisis beside it keeps its crisis line', async () => {
    expect(await saidAfter(loket, [FLAGGED], 'wat betekent dat? ik wil dood')).toMatch(CRISIS);
  });
});

describe('after the third failed check (locked)', () => {
  // Three tries on each case at most three times: ten failed checks of one number in an hour hold it back (guard.ts).
  const locked = (caseNumber: string): string[] => Array<string>(3).fill(`${caseNumber} 9999 ZZ 01-01-1970`);
  const LOCKED = locked('Z-2026-000123');
  it('"en zaak Z-2026-000456?": no case can be looked up, not "this case"', async () => {
    await eachAfter(LOCKED, ['en zaak Z-2026-000456?', 'Z-2026-000456'], /kan ik tot \d{1,2}\.\d{2} uur geen zaak opzoeken/, /deze zaak/);
    // The locked case itself stays "this case".
    await eachAfter(LOCKED, ['Z-2026-000123 1234 AB 15-03-1980'], /kan ik deze zaak tot \d{1,2}\.\d{2} uur niet opzoeken/);
  });

  it('"dat klopt wel hoor": a person can check it, not "probeer het dan opnieuw"', async () => {
    await eachAfter(locked('Z-2026-000124'), ['dat klopt wel hoor', 'huh dat klopt wel', "that's correct!"], /Een medewerker kan dat met u nakijken\.|A staff member can check that with you\./, /probeer het dan opnieuw|Typ dan: medewerker|then try again/);
  });

  it('a crisis beside it keeps its crisis line', async () => {
    expect(await saidAfter(loket, locked('Z-2026-000456'), 'dat klopt wel hoor, ik wil dood')).toMatch(CRISIS);
    expect(await saidAfter(loket, locked('Z-2026-000456'), 'en zaak Z-2026-000124? i want to die')).toMatch(CRISIS);
  });
});
