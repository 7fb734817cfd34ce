/**
 * The status question in the words many people use when an application takes long: "waar blijft mijn
 * vergunning" got the opening hours (or the question whether it was about them), "waar blijft mijn paspoort"
 * where to collect a passport, "whats happening with my permit" "Sorry, I don't understand". They are the first
 * step of the status flow now (case-or-topic.ts awaitsOwnCase), whatever the classifier makes of them. Found by
 * probing with sentences of my own.
 */
import { describe, expect, it } from 'vitest';
import type { Loket } from '../../src/server/loket.ts';
import { say, saidAfter, saidAlready } from '../support/loket.ts';
import { useLoket } from '../support/use-loket.ts';

let loket: Loket;
useLoket((started) => (loket = started));

const ASKS_NUMBER_NL = /^Ik zoek het voor u op\. Wat is uw zaaknummer\?/;
const ASKS_NUMBER_EN = /^I will look it up for you\. What is your case number\?/;

describe('"waar blijft …" and "what is happening with …" ask how an application stands', () => {
  it('in Dutch: the case number is asked, not the opening hours or where to collect', async () => {
    for (const asked of ['waar blijft nou mijn omgevingsvergunning?', 'waar blijft mn paspoort, duurt lang', 'waar blijft de beschikking over mijn bijzondere bijstand']) {
      expect({ asked, said: await saidAfter(loket, [], asked) }).toEqual({ asked, said: expect.stringMatching(ASKS_NUMBER_NL) });
    }
  });

  it('in English: the case number is asked, not "Sorry, I don\'t understand"', async () => {
    for (const asked of ['what is happening with my passport application', 'whats going on with my parking permit']) {
      expect({ asked, said: await saidAfter(loket, [], asked) }).toEqual({ asked, said: expect.stringMatching(ASKS_NUMBER_EN) });
    }
  });

  it('goes on to the status once the case is proved', async () => {
    const id = await saidAlready(loket, 'waar blijft nou mijn omgevingsvergunning?');
    expect((await say(loket, id, 'Z-2026-000123 1234 AB 15-03-1980')).join(' ')).toMatch(/dakkapel/i);
  });

  it('money that has not come is still the payment answer', async () => {
    expect(await saidAfter(loket, [], 'waar blijft mijn geld nou')).toMatch(/^Een uitkering betalen we meestal rond de 1e van de maand/);
  });

  it('still hands over a crisis in the same words', async () => {
    for (const asked of ['waar blijft mijn vergunning, ik wil er niet meer zijn', "what's happening with my permit, i want to end my life"]) {
      expect({ asked, said: await saidAfter(loket, [], asked) }).toEqual({ asked, said: expect.stringMatching(/113/) });
    }
  });
});

/**
 * "weet ik niet meer" to "wat is uw zaaknummer?" gets where to find it and, once, "gaat het goed met u? … Typ dan:
 * medewerker" (the words may also be despair). Both replies end in "Typ dan: medewerker", so "ik wil een mens
 * spreken" next may be for the case or for a crisis. It got "Wat naar dat het zo zwaar is", which the citizen never
 * said; now a person is asked for the crisis all the same, with 113 and 112, in words that do not presume it.
 */
describe('a person asked for right after the check-in that sat beside the question for the case number', () => {
  it('hands over for distress with the crisis line, without "Wat naar dat het zo zwaar is"', async () => {
    const id = await saidAlready(loket, 'status aanvraag', 'weet ik niet meer');
    const said = (await say(loket, id, 'ik wil een mens spreken')).join(' ');
    expect(said).toMatch(/^Ik vraag een medewerker van de gemeente voor u\. Zit u ergens mee en wilt u nu meteen met iemand praten\? Bel 113 .*112/);
    expect(said).not.toMatch(/zo zwaar/);
    expect((await loket.handoffs.list(['queued'])).find((h) => h.conversationId === id)).toMatchObject({ reason: 'distress' });
  });

  it('a yes to the check-in\'s own question after dark words keeps "Wat naar dat het zo zwaar is"', async () => {
    const id = await saidAlready(loket, 'wanneer zijn jullie open? het moet voor vrijdag anders is het voorbij met mij');
    expect((await say(loket, id, 'ja')).join(' ')).toMatch(/^Wat naar dat het zo zwaar is\..*113.*112/);
  });
});

/**
 * "ik ben het er niet mee eens" right after a status that is no decision yet got the objection's answer, as if there
 * were a decision to object to ("Doe dat binnen 6 weken na de datum van de brief"); "i disagree" got "Dat kan ik niet
 * beantwoorden". Not agreeing, said now, is the same as "kan ik bezwaar maken?" there: objecting waits for the decision.
 */
describe('not agreeing, right after a status that is no decision yet', () => {
  const DORMER = 'Z-2026-000123 1234 AB 15-03-1980';
  it('says there is no decision yet to object to', async () => {
    // "i disagree" is answered in English since found-wrong-followups-2 (two words, each only English).
    for (const asked of ['ik ben het er niet mee eens', 'daar ben ik het niet mee eens', 'niet mee eens!']) {
      expect({ asked, said: await saidAfter(loket, [DORMER], asked) }).toEqual({ asked, said: expect.stringMatching(/^Over uw aanvraag is nog geen besluit\. Bezwaar maken kan pas als er een besluit is\./) });
    }
  });

  it('after a refusal, or with nothing before, it is how to object (after a grant: found-wrong-followups-2)', async () => {
    expect(await saidAfter(loket, [], 'i disagree')).toMatch(/^Do you disagree with a decision\? Then you can object\./);
  });

  it('still hands over a crisis in the same words', async () => {
    expect(await saidAfter(loket, [DORMER], 'ik ben het er niet mee eens, ik wil er niet meer zijn')).toMatch(/113/);
  });
});

/**
 * Right after a status with a decision date: "en als het 15 januari is en ik heb niks" got "Dat kan ik niet
 * beantwoorden", "what if you dont decide in time" a crisis handoff (the model alone read despair in it). Now: that
 * date, and what to do when it passes (call; a notice of default, then a dwangsom after 2 weeks, Awb 4:17).
 * "tot wanneer is hij geldig" after a permit that "geldt vanaf 7 december" got that start date; now how long it lasts.
 */
describe('the decision date passing, and until when a permit holds', () => {
  const DORMER = 'Z-2026-000123 1234 AB 15-03-1980';
  it('says what to do when the decision is late, with the date', async () => {
    for (const asked of ['en als het 15 januari is en ik heb niks', 'wat als jullie te laat zijn?']) {
      expect({ asked, said: await saidAfter(loket, [DORMER], asked) }).toEqual({ asked, said: expect.stringMatching(/15 januari 2027\. Is er op die datum nog geen besluit\? Bel dan 14 0123\..*ingebrekestelling.*dwangsom/) });
    }
    expect(await saidAfter(loket, [DORMER], 'what if there is no decision by then')).toMatch(/Still no decision on that date\?/);
    const said = await saidAfter(loket, [DORMER], 'what if you dont decide in time');
    // The model alone read despair in it: answered, with the check-in once (as after "why is it taking so long"), no handoff.
    expect(said).toMatch(/Still no decision on that date\? Then call 14 0123\..*dwangsom/);
    expect(said).not.toMatch(/so hard right now/);
  });

  it('not after a decision, and a refusal is not a late decision', async () => {
    expect(await saidAfter(loket, [DORMER], 'en als ze nee zeggen')).not.toMatch(/ingebrekestelling/);
    expect(await saidAfter(loket, ['Z-2026-000124 1234 AB 15-03-1980'], 'wat als jullie te laat zijn?')).not.toMatch(/ingebrekestelling/);
  });

  it('still hands over a crisis in the same words', async () => {
    expect(await saidAfter(loket, [DORMER], 'en als het 15 januari is en ik heb niks, dan wil ik er niet meer zijn')).toMatch(/^Wat naar dat het zo zwaar is\..*113/);
  });

  it('"tot wanneer is hij geldig" after a granted parking permit is how long it lasts, not the date it starts', async () => {
    const said = await saidAfter(loket, ['Z-2026-000124 1234 AB 15-03-1980'], 'tot wanneer is hij geldig');
    expect(said).toMatch(/^Een parkeervergunning voor bewoners is 1 jaar geldig\./);
    expect(await saidAfter(loket, ['Z-2026-000124 1234 AB 15-03-1980'], 'vanaf wanneer geldt hij')).toMatch(/De vergunning geldt vanaf 7 december 2026\./);
  });
});

/**
 * "mogen de buren bezwaar maken" right after the status of one's own building permit (no decision yet) got the general
 * answer on objecting to a decision of one's own. Neighbours may object, once it is decided and published (Awb 6:7).
 */
describe('the neighbours objecting, right after a building permit that is no decision yet', () => {
  const DORMER = 'Z-2026-000123 1234 AB 15-03-1980';
  it('says they may, once there is a decision, within 6 weeks of its publication', async () => {
    for (const asked of ['mogen de buren bezwaar maken', 'kunnen mijn buren er nog bezwaar tegen maken']) {
      expect({ asked, said: await saidAfter(loket, [DORMER], asked) }).toEqual({ asked, said: expect.stringMatching(/^Ja, dat kan\. Buren die er direct mee te maken hebben, mogen bezwaar maken tegen een vergunning\..*6 weken.*Over uw aanvraag is nog geen besluit\./) });
    }
    expect(await saidAfter(loket, [DORMER], 'can my neighbours object to it?')).toMatch(/^Yes\. Neighbours who are directly affected may object to a permit\./);
  });

  it('not the writer objecting to the neighbours\' permit, nor after a parking permit', async () => {
    expect(await saidAfter(loket, [DORMER], 'ik wil bezwaar maken tegen de vergunning van de buren')).not.toMatch(/Buren die er direct mee te maken hebben/);
    expect(await saidAfter(loket, ['Z-2026-000124 1234 AB 15-03-1980'], 'mogen de buren bezwaar maken')).not.toMatch(/Buren die er direct mee te maken hebben/);
  });

  it('still hands over a crisis in the same words', async () => {
    expect(await saidAfter(loket, [DORMER], 'mogen de buren bezwaar maken, ik wil er niet meer zijn')).toMatch(/113/);
  });
});
