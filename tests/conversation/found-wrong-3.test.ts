/**
 * A third round of conversations found wrong by hand, through a real Loket with the real recognizer:
 * "kan mijn vrouw ook een vergunning krijgen" after the status of a parking permit got "Dat kan ik niet
 * beantwoorden", though "een vergunning" there is a parking permit, whose answer there is; "bedankt, wat kost
 * dat?" after the move got the general costs, not "Dat is gratis"; "moet ik dat hier doorgeven" after a move
 * to another town quoted the sentence on reporting early; "en voor mijn dochter?" after a passport's fees
 * and "en voor een kind" after what to bring got "staat hierboven"; "waarom duurt het zo lang" after the
 * payment dates and "moet hij mee" after a child's ID card got the answer again; "kan dat ook zaterdag"
 * after the answer on making an appointment got all the hours, not that the desk is closed then.
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

describe('"een vergunning" right after the status of a parking permit', () => {
  it('is a parking permit: its answer on how to apply', async () => {
    for (const asked of ['kan mijn vrouw ook een vergunning krijgen', 'hoe vraag ik een vergunning aan voor mijn tweede auto']) {
      const said = await after([PARKING], asked);
      expect({ asked, said }).toEqual({ asked, said: expect.stringMatching(/^Een parkeervergunning vraagt u aan op www\.voorbeeld\.nl\/parkeren/) });
    }
    expect(await after([PARKING], 'can my wife get a permit too')).toMatch(/^You apply for a parking permit/);
    // And right after that answer: still a parking permit.
    expect(await after([PARKING, 'kan mijn vrouw ook een vergunning krijgen'], 'hoe vraag ik een vergunning aan voor mijn tweede auto')).toMatch(/^Een parkeervergunning vraagt u aan/);
  });

  it('without a status before it, a permit is still not placed as parking', async () => {
    expect(await after([], 'kan mijn vrouw ook een vergunning krijgen')).not.toMatch(/parkeervergunning vraagt u aan/);
  });
});

describe('a cost question behind a thanks, right after the move', () => {
  it("quotes that answer's own words on cost, as the question alone does", async () => {
    expect(await after(['ik ga verhuizen'], 'bedankt, wat kost dat?')).toMatch(/^In mijn antwoord staat: Dat is gratis\./);
    expect(await after(['ik ga verhuizen'], 'thanks, what does that cost?')).toMatch(/^My answer says: It is free\./);
  });
});

describe('"moet ik dat hier doorgeven" right after the move to another town', () => {
  it('quotes the sentence on which municipality, not the one on reporting early', async () => {
    const said = await after(['ik wil verhuizen naar amsterdam'], 'moet ik dat hier doorgeven');
    expect(said).toMatch(/^In mijn antwoord staat: Verhuist u naar een andere gemeente\? Dan geeft u het door aan uw nieuwe gemeente\./);
    expect(said).not.toMatch(/eerder doorgeven/);
    expect(await after(['I am moving to amsterdam'], 'do I report it here?')).toMatch(/Then you report it to your new municipality\./);
  });
});

describe('"en voor mijn dochter?" right after a passport\'s fees or what to bring', () => {
  it("gets what holds for a child: the fees, or what to bring for a child", async () => {
    const fees = await after(['wat kost een paspoort'], 'en voor mijn dochter?');
    expect(fees).toMatch(/^Voor een kind jonger dan 18 kost een paspoort of ID-kaart minder.*Uw kind komt zelf mee.*Beide ouders met gezag/);
    expect(await after(['how much does a passport cost'], 'and for my son?')).toMatch(/^For a child under 18, a passport or ID card costs less/);
    const bring = await after(['wat moet ik meenemen voor een paspoort'], 'en voor een kind');
    expect(bring).toMatch(/^Een paspoort of ID-kaart voor een kind vraagt u aan.*Uw kind komt zelf mee/);
    expect(bring).not.toMatch(/staat in mijn antwoord hierboven/);
  });
});

describe('"waarom duurt het zo lang" after the payment dates, "moet hij mee" after a child\'s ID card', () => {
  it('why it takes long: that it cannot see why, and a person who can look; not the same answer again', async () => {
    const said = await after(['wanneer wordt mijn uitkering betaald'], 'waarom duurt het zo lang');
    expect(said).toMatch(/^Waarom het bij u zo lang duurt, kan ik niet zien\..*Een medewerker kan voor u kijken/);
    expect(said).not.toMatch(/rond de 1e van de maand|Staat uw vraag hier niet in/);
    expect(await after(['when is my benefit paid'], 'why is it taking so long')).toMatch(/^I cannot see why it is taking so long for you\./);
  });

  it('the child comes along to the desk', async () => {
    const said = await after(['id kaart aanvragen kind 8 jaar'], 'moet hij mee');
    expect(said).toMatch(/^In mijn antwoord staat: Uw kind komt zelf mee, ook een baby\./);
    expect(said).not.toMatch(/Staat uw vraag hier niet in/);
    expect(await after(['ik wil een paspoort voor mijn dochter'], 'moet zij zelf ook mee?')).toMatch(/Uw kind komt zelf mee/);
  });
});

describe('"kan dat ook zaterdag" right after the answer on making an appointment', () => {
  it("is the desk's Saturday: closed, not all the hours again", async () => {
    // On a Tuesday, with the phone open day and night (as in these tests) and with the desk's hours for the contact too.
    for (const settings of [{}, { LOKET_OFFICE_HOURS: 'mon-fri 08:30-17:00' }] as Array<Record<string, string>>) {
      const l = await startLoket(settings, { clock: fixedClock(OPEN_TUESDAY) });
      try {
        const said = (await say(l, await saidAlready(l, 'ik wil een afspraak maken'), 'kan dat ook zaterdag')).join(' ');
        expect(said).toMatch(/^Op zaterdag 28 november is de balie dicht\./);
        expect(said).not.toMatch(/U kunt ons bellen op 14 0123/);
        expect((await say(l, await saidAlready(l, 'how do i make an appointment'), 'can i come on saturday?')).join(' ')).toMatch(/^On Saturday 28 November the desk is closed\./);
      } finally {
        await l.close();
      }
    }
  });
});
