/**
 * Wrong answers found by probing Dutch conversations (documents, moving, objecting), each right after an
 * answer: "wat kost een nieuwe" after travelling without a valid ID got when a benefit is paid.
 */
import { describe, expect, it } from 'vitest';
import type { Loket } from '../../src/server/loket.ts';
import { saidAfter } from '../support/loket.ts';
import { useLoket } from '../support/use-loket.ts';

let loket: Loket;
useLoket((started) => (loket = started));

describe('the price of a new one, right after travelling without a valid passport or ID card', () => {
  it('is what the documents cost, not when a benefit is paid', async () => {
    for (const [before, asked] of [
      [['mijn id kaart is gestolen', 'kan ik intussen reizen'], 'hoeveel kost een nieuwe'],
      [['mijn paspoort is verlopen', 'kan ik nog op vakantie'], 'wat kost een nieuwe'],
      [['mijn paspoort is verlopen', 'kan ik nog op vakantie'], 'wat kost dat'],
    ] as const) {
      const said = await saidAfter(loket, before, asked);
      expect({ asked, said }).toEqual({ asked, said: expect.stringMatching(/^Wat een paspoort, ID-kaart of rijbewijs kost, staat op www\.voorbeeld\.nl\/leges/) });
    }
    expect(await saidAfter(loket, ['my passport has expired', 'can I still go on holiday'], 'how much is a new one')).toMatch(/^What a passport, ID card or driving licence costs/);
  });
});

describe('within what time, right after the move', () => {
  it('is the deadline of the answer (and how early), not a sentence that shares the word doorgeven', async () => {
    for (const asked of ['moet ik dat binnen een bepaalde tijd doorgeven', 'moet ik het binnen een bepaalde termijn doorgeven?']) {
      const said = await saidAfter(loket, ['ik ben verhuisd'], asked);
      expect({ asked, said }).toEqual({ asked, said: expect.stringMatching(/^In mijn antwoord staat: Doe dat binnen 5 dagen na uw verhuizing\./) });
    }
  });
});

describe('how long until one has it, right after the parking permit', () => {
  it('is what the answer says on it, without asking whether all is well', async () => {
    for (const asked of ['hoe lang duurt het voordat ik hem heb', 'hoe lang duurt het tot ik hem heb']) {
      const said = await saidAfter(loket, ['ik wil een parkeervergunning'], asked);
      expect({ asked, said }).toEqual({ asked, said: expect.stringMatching(/^In mijn antwoord staat: .*hoe lang het duurt\./) });
      expect(said).not.toMatch(/gaat het goed met u/i);
    }
  });

  it('still hands over a crisis in the same form', async () => {
    const said = await saidAfter(loket, ['ik wil een parkeervergunning'], 'hoe lang duurt het voordat ik dood ben');
    expect(said).toMatch(/113/);
    expect(said).not.toMatch(/^In mijn antwoord staat/);
  });
});

describe('e-mailing it, right after the objection answer', () => {
  it('is how that answer says to object, not our phone and opening hours', async () => {
    for (const asked of ['kan ik het ook mailen', 'kan ik het e-mailen?']) {
      const said = await saidAfter(loket, ['ik wil bezwaar maken'], asked);
      expect({ asked, said }).toEqual({ asked, said: expect.stringMatching(/^In mijn antwoord staat: U kunt dat doen via www\.voorbeeld\.nl\/bezwaar of met een brief/) });
    }
    expect(await saidAfter(loket, ['I want to object to a decision'], 'can i email it')).toMatch(/^My answer says: You can object at www\.voorbeeld\.nl\/bezwaar or by letter/);
  });
});

describe('another question on the extract, right after someone else collecting it', () => {
  it('is that case of the extract (how long it is valid), not how long a passport is valid', async () => {
    const said = await saidAfter(loket, ['ik heb een uittreksel nodig', 'kan mijn zoon het voor mij ophalen'], 'hoe lang is het geldig');
    expect(said).toMatch(/^Een uittreksel uit de BRP heeft geen vaste einddatum\./);
    expect(await saidAfter(loket, ['I need a proof of residence', 'can my wife pick it up'], 'how long is it valid')).toMatch(/^An extract from the BRP has no fixed end date\./);
  });
});

describe('paying the parking fine meanwhile, right after objecting to it', () => {
  it('is yes, on time: an objection does not delay the payment; not when a benefit is paid', async () => {
    for (const [before, asked] of [
      [['ik heb een boete gekregen voor parkeren', 'kan ik bezwaar maken'], 'moet ik eerst betalen'],
      [['ik heb een parkeerboete gekregen'], 'moet ik hem toch betalen?'],
    ] as const) {
      const said = await saidAfter(loket, before, asked);
      expect({ asked, said }).toEqual({ asked, said: expect.stringMatching(/^Ja\. Maakt u bezwaar tegen een parkeerboete .*Bezwaar maken geeft geen uitstel van betaling\./) });
    }
    expect(await saidAfter(loket, ['I got a parking fine'], 'do I still have to pay it')).toMatch(/^Yes\. .*An objection does not delay the payment\./);
    // Without the fine before it, the same words are no answer on a fine.
    expect(await saidAfter(loket, ['ik wil bijzondere bijstand aanvragen'], 'moet ik eerst betalen')).not.toMatch(/parkeerboete/);
  });
});

describe('parking in another neighbourhood, right after the parking permit', () => {
  it('is no: only in the permit zone at the address; not the answer on applying again', async () => {
    expect(await saidAfter(loket, ['ik wil een parkeervergunning'], 'mag ik ook parkeren in een andere wijk')).toMatch(/^Nee, niet overal\. Met uw parkeervergunning parkeert u alleen in het vergunninggebied bij uw adres\./);
    expect(await saidAfter(loket, ['I want a parking permit'], 'can I also park in another neighbourhood?')).toMatch(/^No, not everywhere\./);
    // Moving to another neighbourhood is the move.
    expect(await saidAfter(loket, [], 'ik verhuis naar een andere wijk')).not.toMatch(/vergunninggebied/);
  });
});

describe('the photo and the children, right after the answer on a passport', () => {
  it('"hoeveel foto s" and "mag ik zelf een foto maken" are about the passport photo, not when a benefit is paid', async () => {
    const said = await saidAfter(loket, ['mn paspoort is bijna verlopen wat moet ik doen'], 'hoeveel foto s');
    expect(said).toMatch(/^Een pasfoto voor een paspoort, ID-kaart of rijbewijs is niet ouder dan 6 maanden\./);
    expect(await saidAfter(loket, ['hoe vraag ik een paspoort aan'], 'mag ik zelf een foto maken')).toMatch(/fotograaf/);
  });

  it('"moeten mijn kinderen mee" is: only a child who gets one comes along; not which papers an application needs', async () => {
    for (const before of [['hoe vraag ik een paspoort aan'], ['mn paspoort is bijna verlopen wat moet ik doen', 'hoeveel foto s']]) {
      expect(await saidAfter(loket, before, 'moeten mijn kinderen mee')).toMatch(/^Vraagt u ook voor uw kind een paspoort of ID-kaart aan\? .*Vraagt u alleen voor uzelf aan\? Dan hoeft uw kind niet mee\./);
    }
    expect(await saidAfter(loket, ['how do i renew my passport'], 'do my kids have to come')).toMatch(/^Are you also applying for a passport or ID card for your child\?/);
  });
});
