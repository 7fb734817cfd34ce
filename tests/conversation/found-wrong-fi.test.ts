/**
 * The case-status conversation, found wrong by talking to the demo (helper fi): "why do u need that" and "wrm wil je
 * dat wete" while a fact was asked got "I do not see a case number"; "klopt dat wel?" right after a status got the
 * answer on payments; "dat is niet mijn zaak" got the whole status again; "wat betekent dat?" right after a case
 * flagged for a person got the answer on payments.
 */
import { describe, expect, it } from 'vitest';
import type { Loket } from '../../src/server/loket.ts';
import { saidAfter } from '../support/loket.ts';
import { eachSaidAfter } from '../support/said-after.ts';
import { useLoket } from '../support/use-loket.ts';

let loket: Loket;
useLoket((started) => (loket = started));

const CRISIS = /113/;
const ASKED = 'hoe staat het met mijn aanvraag';
const ASKED_EN = 'what is the status of my application';

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
