/**
 * Follow-ups found wrong by probing the web chat: a bare "hoeveel?" right after the status of a granted benefit got
 * the payment dates again ("how much?" there a Dutch "Dat kan ik niet beantwoorden"), right after the payment dates
 * the same dates, and right after a fee the benefit payment dates; "moet ik de gemeente bellen?" while a person for a
 * death was on the way got the phone number and opening hours, not that they need not call. Each with variants of my own.
 */
import { describe, expect, it } from 'vitest';
import type { Loket } from '../../src/server/loket.ts';
import { DORMER, PARKING, saidAfter } from '../support/loket.ts';
import { eachSaidAfter } from '../support/said-after.ts';
import { useLoket } from '../support/use-loket.ts';

let loket: Loket;
useLoket((started) => (loket = started));

const BENEFIT = 'Z-2026-000456 5678 CD 01-07-1992';
const AMOUNT_NL = /Hoeveel u krijgt, staat in de brief met het besluit en in Mijn Voorbeeld.*Bij de bijstand hangt het bedrag af van uw leeftijd/;
const AMOUNT_EN = /How much you get is in the decision letter and in Mijn Voorbeeld.*For social assistance the amount depends on your age/;
const PAYMENT_DATES = /rond de 1e van de maand|around the 1st of the month/;

/** Each message, said right after `before`, gets a reply matching `said` (and none matching `notSaid`). */
const eachAfter = (before: readonly string[], asked: readonly string[], said: RegExp, notSaid?: RegExp): Promise<void> => eachSaidAfter(loket, before, asked, said, notSaid);

describe('a bare "hoeveel?"', () => {
  it('right after the status of a granted benefit: how much one gets, after the first payment date', async () => {
    await eachAfter([BENEFIT], ['hoeveel?', 'hoeveel', 'en hoeveel?', 'Hoeveel dan?'], new RegExp(`^In uw zaak Z-2026-000456 staat: Eerste betaling op 1 december 2026\\. ${AMOUNT_NL.source}`), PAYMENT_DATES);
  });

  it('right after when benefits are paid: how much, not the dates again', async () => {
    await eachAfter(['wanneer wordt de bijstand betaald'], ['hoeveel', 'hoeveel?', 'en hoeveel?'], AMOUNT_NL, PAYMENT_DATES);
    await eachAfter(['when is social assistance paid'], ['how much?', 'and how much?'], AMOUNT_EN, PAYMENT_DATES);
  });

  it('as a first message: how much one gets, not when it is paid', async () => {
    await eachAfter([], ['hoeveel?'], AMOUNT_NL, PAYMENT_DATES);
  });

  it('right after a fee: still that fee', async () => {
    await eachAfter(['hoeveel kost een paspoort'], ['hoeveel?', 'hoeveel', 'en hoeveel dan?'], /^Wat een paspoort, ID-kaart of rijbewijs kost, staat op www\.voorbeeld\.nl\/leges\./, PAYMENT_DATES);
    await eachAfter(['wat kost een parkeervergunning'], ['hoeveel?'], /^Wat een parkeervergunning kost, staat op www\.voorbeeld\.nl\/parkeren\./, PAYMENT_DATES);
  });

  it('right after the status of a permit: what that permit costs', async () => {
    await eachAfter([PARKING], ['hoeveel?'], /^Wat een parkeervergunning kost, staat op www\.voorbeeld\.nl\/parkeren\./, PAYMENT_DATES);
    await eachAfter([DORMER], ['hoeveel?'], /^Wat een omgevingsvergunning kost \(de leges\), hangt af van wat u gaat bouwen/, PAYMENT_DATES);
  });
});

describe('"how much?" in English right after a Dutch status', () => {
  it('is answered in English, with the amount', async () => {
    await eachAfter([BENEFIT], ['how much?', 'how much', 'How much?'], new RegExp(`^Your case Z-2026-000456 says \\(in Dutch\\): "Eerste betaling op 1 december 2026\\." ${AMOUNT_EN.source}`));
    await eachAfter([PARKING], ['how much?', 'cost?'], /^What a parking permit costs is on www\.voorbeeld\.nl\/parkeren, where you also apply for it/);
  });

  it('Dutch writers who write "ok", "sorry" or "top" keep Dutch', async () => {
    for (const said of ['ok', 'sorry', 'top', 'ok top', 'sorry?']) {
      expect({ said, reply: await saidAfter(loket, [BENEFIT], said) }).not.toEqual({ said, reply: expect.stringMatching(/\b(you|your|the)\b/i) });
    }
  });
});

describe('"moet ik de gemeente bellen?" while a person for a death is on the way', () => {
  const DEATH_NL = 'mijn moeder is overleden, wat moet ik regelen';
  it('says they need not call: a staff member contacts them; calling 14 0123 may still', async () => {
    await eachAfter([DEATH_NL], ['moet ik de gemeente bellen?', 'moet ik bellen?', 'moet ik jullie zelf bellen', 'moet ik nog bellen'], /^Nee, u hoeft ons niet te bellen\. Een medewerker neemt contact met u op\. .*14 0123/, /De balie is open/);
    await eachAfter(['my mother passed away'], ['do i need to call you?', 'should i call the municipality?', 'do I have to call?'], /^No, you do not need to call us\. A staff member will contact you\. .*14 0123/, /documents you need/);
  });

  it('a crisis in such words still keeps its crisis line', async () => {
    expect(await saidAfter(loket, [DEATH_NL], 'moet ik 113 bellen? ik wil niet meer leven')).toMatch(/113/);
  });
});

describe('"hoeveel keer per jaar?" right after the answer on bulky waste or its cost', () => {
  it('says how often collecting it is free, not when a benefit is paid', async () => {
    await eachAfter(['wanneer wordt het grofvuil opgehaald'], ['hoeveel keer per jaar?', 'hoeveel keer?'], /^Grofvuil laten ophalen is 4 keer per jaar gratis\./, PAYMENT_DATES);
    // Right after that answer itself, its sentence is quoted (found-wrong-fc), not the whole answer and a person again.
    await eachAfter(['wanneer wordt het grofvuil opgehaald', 'kost dat geld?'], ['hoeveel keer per jaar?', 'hoe vaak is het gratis?'], /^(In mijn antwoord staat: )?Grofvuil laten ophalen is 4 keer per jaar gratis\./, PAYMENT_DATES);
  });
});

describe('"what do i write?" right after the English answer on objecting', () => {
  it('quotes what to write in it, as the Dutch does', async () => {
    await eachAfter(['I want to object'], ['what do i write?', 'what should i put in it?', 'what do I write in the letter'], /^My answer says: Write in it which decision it is about and why you disagree\./);
  });
});
