/**
 * Questions after a case's status and the words it uses, found by stop 48's exploration: "hoeveel krijg
 * ik dan?" after what a dwangsom is got the bijstand amounts; "hoe doe ik dat, een ingebrekestelling
 * sturen?" got the answer on papers; "kan ik nu al parkeren dan?" after a parking permit's status got
 * how to apply for one; "mag ik al beginnen met bouwen?" while the dormer is decided got "Dat kan ik
 * niet beantwoorden". Through a real Loket.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { fixedClock } from '../../src/clock.ts';
import type { Loket } from '../../src/server/loket.ts';
import { OPEN_TUESDAY as TUESDAY, saidAlready, say, startLoket } from '../support/loket.ts';

let loket: Loket | undefined;
afterEach(async () => {
  await loket?.close();
  loket = undefined;
});

async function afterStatus(l: Loket, caseNumber: string, facts: string): Promise<string> {
  const id = await saidAlready(l, `hoe staat het met ${caseNumber}`);
  expect((await say(l, id, facts)).join(' ')).toContain(caseNumber);
  return id;
}

describe('after a case past its term: the dwangsom and the notice of default', () => {
  it('gives the dwangsom per day after what it is, and how to send a notice of default, in both languages', async () => {
    loket = await startLoket({}, { clock: fixedClock(TUESDAY) });
    const id = await afterStatus(loket, 'Z-2025-004242', '9012 EF 29-02-1968');
    expect((await say(loket, id, 'wat is een dwangsom'))[0]).toMatch(/^Een dwangsom is geld/);
    expect(await say(loket, id, 'hoeveel krijg ik dan')).toEqual([expect.stringMatching(/^De dwangsom is de eerste 2 weken 23 euro per dag\. De 2 weken daarna is het 35 euro per dag\. Daarna 45 euro per dag\. Samen is het hoogstens 1\.442 euro\./)]);
    expect(await say(loket, id, 'hoe doe ik dat, een ingebrekestelling sturen?')).toEqual([expect.stringMatching(/^Met een ingebrekestelling .*Stuur een brief of e-mail/)]);
    expect(await say(loket, id, 'how do i send a notice of default?')).toEqual([expect.stringMatching(/^With an ingebrekestelling .*Send a letter or email/)]);
    expect((await say(loket, id, 'what is a dwangsom?'))[0]).toMatch(/^A dwangsom \(penalty payment\)/);
    expect(await say(loket, id, 'how much do i get then?')).toEqual([expect.stringMatching(/^The dwangsom is 23 euros a day for the first 2 weeks\./)]);
  });

  it('"hoeveel krijg ik dan?" with no term just explained is still about payments', async () => {
    loket = await startLoket({}, { clock: fixedClock(TUESDAY) });
    const id = await saidAlready(loket, 'wanneer krijg ik mijn bijstand');
    expect((await say(loket, id, 'hoeveel krijg ik dan'))[0]).toMatch(/^Hoeveel u krijgt/);
  });

  it('a bare "en hoeveel?" after the payment date is the amount, not the payment dates again', async () => {
    loket = await startLoket({}, { clock: fixedClock(TUESDAY) });
    const afterDates = await saidAlready(loket, 'wanneer wordt de bijstand betaald');
    expect((await say(loket, afterDates, 'en hoeveel?'))[0]).toMatch(/^Hoeveel u krijgt, staat in de brief met het besluit/);
    const id = await afterStatus(loket, 'Z-2026-000456', '5678 CD 01-07-1992');
    expect((await say(loket, id, 'en hoeveel')).join(' ')).toContain('Hoeveel u krijgt, staat in de brief met het besluit');
    expect((await say(loket, await saidAlready(loket, 'when is the social assistance paid'), 'and how much?'))[0]).toMatch(/^How much you get is in the decision letter/);
  });
});

describe('"already?" after a status with a date', () => {
  it('a permit granted from a date: "kan ik nu al parkeren?" gets that date', async () => {
    loket = await startLoket({}, { clock: fixedClock(TUESDAY) });
    const id = await afterStatus(loket, 'Z-2026-000124', '1234 AB 15-03-1980');
    expect(await say(loket, id, 'kan ik nu al parkeren dan?')).toEqual(['In uw zaak Z-2026-000124 staat: De vergunning geldt vanaf 7 december 2026.']);
    expect(await say(loket, id, 'can i park there already?')).toEqual([expect.stringMatching(/7 december 2026/)]);
  });

  it('an application still being decided: "mag ik al beginnen met bouwen?" gets not yet, and when the decision comes', async () => {
    loket = await startLoket({}, { clock: fixedClock(TUESDAY) });
    const id = await afterStatus(loket, 'Z-2026-000123', '1234 AB 15-03-1980');
    expect(await say(loket, id, 'mag ik al beginnen met bouwen?')).toEqual(['Nog niet. Over uw aanvraag is nog geen besluit. Begin pas als u het besluit heeft en daarin staat dat u het mag. In uw zaak Z-2026-000123 staat: Besluit uiterlijk 15 januari 2027.']);
  });
});

describe('"waar haal ik de vergunning op?" after a status: nothing to collect', () => {
  it('a granted parking permit: digital, on the licence plate, from its date; in SMS shorthand and in English too', async () => {
    loket = await startLoket({}, { clock: fixedClock(TUESDAY) });
    const id = await afterStatus(loket, 'Z-2026-000124', '1234 AB 15-03-1980');
    const digital = 'U hoeft niets op te halen. Uw parkeervergunning is digitaal. Hij hoort bij het kenteken van uw auto. Een controleur ziet aan uw kenteken dat u een vergunning heeft. Een kaart achter de voorruit is niet nodig. In uw zaak Z-2026-000124 staat: De vergunning geldt vanaf 7 december 2026.';
    expect(await say(loket, id, 'en waar haal ik de vergunning op')).toEqual([digital]);
    expect(await say(loket, id, 'moet ik m ophalen')).toEqual([digital]);
    expect(await say(loket, id, 'wnnr gaat ie in')).toEqual(['In uw zaak Z-2026-000124 staat: De vergunning geldt vanaf 7 december 2026.']);
    expect(await say(loket, id, 'where do i pick it up?')).toEqual([expect.stringMatching(/^You do not need to collect anything\. Your parking permit is digital\..*7 december 2026/)]);
    expect(await say(loket, id, 'do i need to put something behind the windscreen')).toEqual([expect.stringMatching(/You do not need a card behind the windscreen\./)]);
    expect(await say(loket, id, 'moet ik een kaart achter de voorruit leggen?')).toEqual([digital]);
  });

  it('an application still being decided: nothing yet, and when the decision comes; "wnnr" reads as "wanneer"', async () => {
    loket = await startLoket({}, { clock: fixedClock(TUESDAY) });
    const id = await afterStatus(loket, 'Z-2026-000123', '1234 AB 15-03-1980');
    expect(await say(loket, id, 'wnnr krijg ik bericht')).toEqual(['In uw zaak Z-2026-000123 staat: Besluit uiterlijk 15 januari 2027.']);
    expect(await say(loket, id, 'en waar haal ik de vergunning op')).toEqual(['Er is nog geen besluit. U hoeft nu niets op te halen. Als er een besluit is, krijgt u een brief. In uw zaak Z-2026-000123 staat: Besluit uiterlijk 15 januari 2027.']);
  });

  it('money is not collected: "waar haal ik het geld op?" after a benefit gets its payment date', async () => {
    loket = await startLoket({}, { clock: fixedClock(TUESDAY) });
    const id = await afterStatus(loket, 'Z-2026-000456', '5678 CD 01-07-1992');
    const said = (await say(loket, id, 'waar haal ik het geld op')).join(' ');
    expect(said).toMatch(/^In uw zaak Z-2026-000456 staat: Eerste betaling op 1 december 2026\./);
    expect(said).not.toContain('niets op te halen');
  });
});
