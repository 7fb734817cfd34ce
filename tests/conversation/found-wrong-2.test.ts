/**
 * More conversations found wrong by hand, through a real Loket with the real recognizer: a question
 * written behind a thanks with no question mark ("dank je wel, en hoe lang is die geldig") got "Graag
 * gedaan" and the feedback question, and the question was lost; "waar stuur ik de brief heen" after the
 * objection answer got the papers answer; "ik wil graag weten hoe ik een uitkering aanvraag" was asked its
 * case number; "en een paspoort?" after how long an ID card is valid got how to apply for a passport; "waar
 * is dat" after the opening hours got all of them again and the offer of a person; "en daarna" after how
 * long an objection or a passport takes got "gaat het goed met u?" (the check-in for a crisis); "wat moet ik
 * doen" after the move got "Dat is gratis. Doe dat binnen 5 dagen"; "hoe laat" after the opening hours got
 * them all again and the offer of a person; "how long does that usually take" after the dormer's status got
 * "I am not sure I understand you".
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Loket } from '../../src/server/loket.ts';
import { fixedClock } from '../../src/clock.ts';
import { OPEN_TUESDAY, PARKING, saidAfter, saidAlready, say, startLoket } from '../support/loket.ts';

let loket: Loket;
beforeAll(async () => {
  loket = await startLoket();
});
afterAll(async () => {
  await loket.close();
});

const after = (before: string[], asked: string) => saidAfter(loket, before, asked);

describe('a question behind a thanks, without a question mark', () => {
  it('is answered, with no "Graag gedaan" and no feedback question', async () => {
    const said = await after([PARKING], 'dank je wel, en hoe lang is die geldig');
    expect(said).toMatch(/^Een parkeervergunning voor bewoners is 1 jaar geldig\./);
    expect(said).not.toMatch(/Graag gedaan|Hoe tevreden/);
    // What it costs is a question for payments, as on its own: the fees of a building permit after its status.
    const cost = await after(['Z-2026-000123 1234 AB 15-03-1980'], 'bedankt en wat kost zo n vergunning');
    expect(cost).toMatch(/^Wat een omgevingsvergunning kost \(de leges\)/);
    expect(cost).not.toMatch(/Graag gedaan|Hoe tevreden|Dat kan ik niet beantwoorden/);
    const en = await after(['what does a passport cost'], 'thanks and how long does it take');
    expect(en).toMatch(/5 working days/);
    expect(en).not.toMatch(/How satisfied/);
  });

  it('a thanks with no question is still a thanks, and a goodbye still a goodbye', async () => {
    expect(await after(['wanneer zijn jullie open?'], 'dank je wel, wat een goede hulp')).toMatch(/^Graag gedaan!.*Hoe tevreden/);
    expect(await after(['wanneer zijn jullie open?'], 'bedankt en tot ziens')).toMatch(/^Tot ziens!.*Hoe tevreden/);
  });
});

describe('where to send the letter, right after the objection answer', () => {
  it('quotes its sentence with the address, not the papers answer', async () => {
    for (const asked of ['waar stuur ik de brief heen', 'waar stuur ik die brief naartoe?']) {
      const said = await after(['hoe maak ik bezwaar'], asked);
      expect({ asked, said }).toEqual({ asked, said: expect.stringMatching(/^In mijn antwoord staat: .*met een brief aan Gemeente Voorbeeld, Voorbeeldplein 1/) });
      expect(said).not.toMatch(/Welke papieren/);
    }
    const en = await after(['how do I object to a decision'], 'where do I send the letter');
    expect(en).toMatch(/by letter to Gemeente Voorbeeld, Voorbeeldplein 1/);
    expect(en).not.toMatch(/Which documents/);
  });
});

describe('how to apply, asked in a clause ("hoe ik een uitkering aanvraag")', () => {
  it('gets how to apply for an income, not the question for a case number', async () => {
    for (const asked of ['hallo, ik wil graag weten hoe ik een uitkering aanvraag. en hoe lang duurt dat?', 'weet u hoe ik een uitkering aanvraag']) {
      const said = await after([], asked);
      expect({ asked, said }).toEqual({ asked, said: expect.stringMatching(/^Bent u uw werk kwijt\?.*bijstand aanvragen.*binnen 8 weken/) });
      expect(said).not.toMatch(/zaaknummer/);
    }
  });

  it('an application of ones own still asks for the case', async () => {
    expect(await after([], 'mijn uitkering aanvraag duurt lang')).toMatch(/zaaknummer/);
  });
});

describe('"en een paspoort?" right after how long an ID card is valid', () => {
  it('is that question for the passport, not how to apply for one', async () => {
    for (const asked of ['en een paspoort', 'en mijn paspoort?']) {
      const said = await after(['hoe lang is een id kaart geldig'], asked);
      expect({ asked, said }).toEqual({ asked, said: expect.stringMatching(/^Hoe lang iets geldig is.*Een paspoort en een ID-kaart zijn 10 jaar geldig/) });
    }
    expect(await after(['how long is an id card valid'], 'and a passport?')).toMatch(/^How long something is valid.*A passport and an ID card are valid for 10 years/);
  });

  it('more said about the thing is not the same question', async () => {
    expect(await after(['hoe lang is mijn rijbewijs geldig'], 'en mijn paspoort is weg')).not.toMatch(/^Hoe lang iets geldig is/);
  });
});

describe('"waar is dat" right after the opening hours', () => {
  it('quotes the sentence with the address, without the offer of a person', async () => {
    const said = await say(loket, await saidAlready(loket, 'wanneer zijn jullie open'), 'waar is dat');
    expect(said.join(' ')).toMatch(/^In mijn antwoord staat: De balie .*Voorbeeldplein 1, 1234 AA Voorbeeld\./);
    expect(said.join(' ')).not.toMatch(/Zal ik een medewerker vragen/);
    expect(await after(['when are you open'], 'where is that?')).toMatch(/^My answer says: The desk .*Voorbeeldplein 1/);
  });

  it('after an answer without the address, the desk with its address as before', async () => {
    expect(await after(['paspoort aanvragen'], 'waar is dat dan')).toMatch(/Voorbeeldplein 1/);
  });
});

describe('"en daarna" right after how long something takes', () => {
  it('gets the answer\'s time, and no check-in for a crisis', async () => {
    for (const [before, asked] of [['hoe lang duurt bezwaar', 'en daarna'], ['hoe lang duurt een paspoort', 'wat gebeurt er daarna'], ['hoe lang duurt een paspoort', 'en daarna?']]) {
      const said = await after([before!], asked!);
      expect({ asked, said }).toEqual({ asked, said: expect.stringMatching(/^In mijn antwoord staat: .*binnen 6 weken|^In mijn antwoord staat: .*5 werkdagen/) });
      expect(said).not.toMatch(/gaat het goed met u|\b113\b/);
    }
  });

  it('a crisis before it keeps its handoff', async () => {
    expect(await after([], 'hoe lang duurt het om dood te gaan')).toMatch(/113/);
  });
});

describe('"wat moet ik doen" right after the answer on a move', () => {
  it('quotes where to report the new address, not "Dat is gratis"', async () => {
    for (const before of ['ik ben verhuisd', 'hoi ik ben verhuisd maar mijn post komt nog steeds op oud adres']) {
      const said = await after([before], 'wat moet ik doen');
      expect({ before, said }).toEqual({ before, said: expect.stringMatching(/^In mijn antwoord staat: Een nieuw adres geeft u door via www\.voorbeeld\.nl\/verhuizen\./) });
      expect(said).not.toMatch(/gratis/);
    }
  });
});

describe('"hoe laat" right after the opening hours', () => {
  it('is today\'s hours, as "tot hoe laat" is; no offer of a person', async () => {
    const open = await startLoket({ LOKET_OFFICE_HOURS: 'mon-fri 08:30-17:00' }, { clock: fixedClock(OPEN_TUESDAY) });
    try {
      for (const asked of ['hoe laat', 'hoe laat?', 'hoe laat gaan jullie open']) {
        const said = await say(open, await saidAlready(open, 'wanneer zijn jullie open'), asked);
        expect({ asked, said }).toEqual({ asked, said: [expect.stringMatching(/vandaag tot 17\.00 uur/)] });
      }
      expect((await say(open, await saidAlready(open, 'when are you open'), 'what time?'))[0]).toMatch(/today until 17:00/i);
    } finally {
      await open.close();
    }
  });
});

describe('"how long does that usually take" right after a status that is no decision yet', () => {
  it('says what the status means, with the date of the decision', async () => {
    const DORMER = 'Z-2026-000123 1234 AB 15-03-1980';
    for (const asked of ['how long does that usually take', 'ok and how long does that usually take']) {
      const said = await after([DORMER], asked);
      expect({ asked, said }).toEqual({ asked, said: expect.stringMatching(/^This means: your application is not finished yet\..*15 January 2027/) });
    }
    expect(await after([DORMER], 'hoe lang duurt dat meestal')).toMatch(/^Dat betekent: uw aanvraag is nog niet klaar\..*15 januari 2027/);
  });
});
