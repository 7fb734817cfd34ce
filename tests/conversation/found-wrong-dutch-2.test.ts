/**
 * Wrong answers found by probing Dutch conversations as citizens write them (SMS style, follow-ups right after
 * an answer or a status): "geldt ie ook voor mn vrouw haar auto" after the parking permit's status got "Dat kan
 * ik niet beantwoorden" and "gaat het goed met u?"; "tot hoe laat kan ik bellen" all the opening hours again.
 */
import { describe, expect, it } from 'vitest';
import type { Loket } from '../../src/server/loket.ts';
import { PARKING, saidAfter, saidAlready } from '../support/loket.ts';
import { useLoket } from '../support/use-loket.ts';

let loket: Loket;
useLoket((started) => (loket = started));

const CRISIS = /113/;
const CHECK_IN = /gaat het goed met u/i;

describe('another car or a motorbike, right after the parking permit', () => {
  it('"geldt ie ook voor mn vrouw haar auto" is the permit going with one licence plate, without a check-in', async () => {
    for (const before of [[PARKING], ['ik wil een parkeervergunning']]) {
      const said = await saidAfter(loket, before, 'geldt ie ook voor mn vrouw haar auto');
      expect({ before, said }).toEqual({ before, said: expect.stringMatching(/^Uw parkeervergunning hoort bij één kenteken\. Heeft u een andere auto\?/) });
      expect(said).not.toMatch(CHECK_IN);
    }
    expect(await saidAfter(loket, [PARKING], "does it also apply to my wife's car")).toMatch(/^Your parking permit goes with one licence plate\./);
  });

  it('"is hij ook geldig voor mijn motor" is the permit and another vehicle, not the answer on applying nor how long it holds', async () => {
    for (const asked of ['is hij ook geldig voor mijn motor', 'is ie ook geldig voor mn scooter?']) {
      const said = await saidAfter(loket, [PARKING], asked);
      expect({ asked, said }).toEqual({ asked, said: expect.stringMatching(/^Uw parkeervergunning hoort bij één kenteken: het kenteken dat op uw vergunning staat\..*motor of scooter/) });
    }
    // How long it holds is still that answer.
    expect(await saidAfter(loket, [PARKING], 'hoe lang is hij geldig')).toMatch(/^Een parkeervergunning voor bewoners is 1 jaar geldig\./);
  });

  it('still hands over a crisis in the same form', async () => {
    for (const asked of ['geldt ie ook voor mn vrouw haar auto, ik wil er niet meer zijn', 'geldt hij ook voor haar touw']) {
      expect({ asked, said: await saidAfter(loket, [PARKING], asked) }).toEqual({ asked, said: expect.stringMatching(CRISIS) });
    }
  });
});

describe('having bought it already, right after the answer on bijzondere bijstand', () => {
  it('"ik heb het al gekocht" is applying late, with no check-in after it', async () => {
    for (const asked of ['ik heb het al gekocht', 'ik heb het al betaald', 'maar ik heb de kosten al gemaakt']) {
      const said = await saidAfter(loket, ['ik wil bijzondere bijstand aanvragen'], asked);
      expect({ asked, said }).toEqual({ asked, said: expect.stringMatching(/^Heeft u de kosten al gemaakt\? Vraag de bijzondere bijstand dan zo snel mogelijk aan/) });
      expect(said).not.toMatch(CHECK_IN);
    }
    const english = await saidAfter(loket, ['I want to apply for special assistance'], 'I already bought it');
    expect(english).toMatch(/^Have you already made the costs\?/);
    expect(english).not.toMatch(/are you all right/i);
  });

  it('still hands over a crisis in the same form', async () => {
    for (const asked of ['ik heb het touw al gekocht', 'ik heb de pillen al gekocht']) {
      expect({ asked, said: await saidAfter(loket, ['ik wil bijzondere bijstand aanvragen'], asked) }).toEqual({ asked, said: expect.stringMatching(CRISIS) });
    }
  });
});

describe('when one can call', () => {
  it('"tot hoe laat kan ik bellen" is the phone number and its hours, briefly: not the desk and the offer of a person', async () => {
    for (const asked of ['tot hoe laat kan ik bellen', 'wanneer kan ik jullie bellen?', 'tot hoe laat zijn jullie telefonisch bereikbaar']) {
      const said = await saidAfter(loket, [], asked);
      expect({ asked, said }).toEqual({ asked, said: 'U kunt ons bellen op 14 0123, dag en nacht, elke dag.' });
    }
    expect(await saidAfter(loket, [], 'until when can i call you')).toBe('You can call us on 14 0123, day and night, every day.');
    // Where we are and when the desk is open is still the whole answer.
    expect(await saidAfter(loket, [], 'wanneer zijn jullie open')).toMatch(/De balie is open/);
  });
});

describe('parking at the town hall', () => {
  it('"is er parkeren bij het gemeentehuis" is where the town hall is and where to see about parking, not the opening hours', async () => {
    const said = await saidAfter(loket, [], 'is er parkeren bij het gemeentehuis');
    expect(said).toMatch(/^Het gemeentehuis staat op Voorbeeldplein 1, 1234 AA Voorbeeld\..*waar u kunt parkeren, staat op www\.voorbeeld\.nl\/contact\./);
  });
});

describe('how long it takes, right after an answer that says nothing about time', () => {
  it('after the VOG: that the answer does not say, where to see how it stands, and who may know; not "staat hierboven"', async () => {
    for (const asked of ['hoe lang duurt dat', 'hoelang duurt t?']) {
      const said = await saidAfter(loket, ['ik heb een vog nodig'], asked);
      expect({ asked, said }).toEqual({ asked, said: expect.stringMatching(/^Hoe lang het duurt, staat niet in mijn antwoord\. Wel staat erin: Hoe het met uw aanvraag staat, ziet u op www\.justis\.nl\./) });
      expect(said).not.toMatch(/hierboven/);
    }
    // After bulky waste, with nothing on where to see it either: that it does not know.
    expect(await saidAfter(loket, ['waar kan ik mijn grofvuil kwijt'], 'hoe lang duurt dat')).toMatch(/^Hoe lang het duurt, staat niet in mijn antwoord\. Dat weet ik dus niet\./);
  });

  it('still hands over a crisis in the same form', async () => {
    expect(await saidAfter(loket, ['ik heb een vog nodig'], 'hoe lang duurt het voordat ik dood ben')).toMatch(CRISIS);
  });
});

describe('a wheelchair at the town hall', () => {
  it('"is het gemeentehuis rolstoeltoegankelijk" gets an honest answer and no person for vulnerability', async () => {
    for (const asked of ['is het gemeentehuis rolstoeltoegankelijk', 'is het gemeentehuis rolstoeltoegankelijk?']) {
      const id = await saidAlready(loket);
      const { replies } = await loket.service.receive(id, { type: 'message', text: asked, from: { id: 'citizen' } });
      const said = replies.map((r) => r.activity.text ?? '').join(' ');
      expect({ asked, said }).toEqual({ asked, said: expect.stringMatching(/^Of het gemeentehuis goed toegankelijk is met een rolstoel, weet ik niet\..*Bel 14 0123 voordat u komt\./) });
      expect(replies.some((r) => (r.activity.channelData?.trace as { dialog?: string } | undefined)?.dialog === 'handoff')).toBe(false);
    }
    expect(await saidAfter(loket, [], 'is the town hall wheelchair accessible?')).toMatch(/^I do not know whether the town hall is easy to get into with a wheelchair\./);
  });

  it('still hands over when the citizen says they need help', async () => {
    const said = await saidAfter(loket, [], 'ik zit in een rolstoel en snap de brief niet, is het gemeentehuis rolstoeltoegankelijk');
    expect(said).toMatch(/medewerker/);
    expect(await saidAfter(loket, [], 'is het gemeentehuis rolstoeltoegankelijk, ik wil er niet meer zijn')).toMatch(CRISIS);
  });
});

describe('the funeral, while waiting for a person', () => {
  it('"wie regelt de begrafenis", "wie betaalt de begrafenis" get who arranges and pays one in general, not only the wait', async () => {
    for (const before of [['ik wil een mens spreken'], ['mijn vader is overleden']]) {
      for (const asked of ['wie regelt de begrafenis', 'wie betaalt de begrafenis']) {
        const said = await saidAfter(loket, before, asked);
        expect({ before, asked, said }).toEqual({ before, asked, said: expect.stringMatching(/Een uitvaart regelt u meestal met een uitvaartondernemer\..*Wie de uitvaart betaalt, hangt af van de situatie\./) });
      }
    }
    expect(await saidAfter(loket, [], 'who pays for the funeral?')).toMatch(/A funeral is usually arranged with a funeral director\./);
  });

  it('still hands over a crisis in the same form', async () => {
    expect(await saidAfter(loket, ['mijn vader is overleden'], 'wie regelt mijn begrafenis als ik er niet meer ben')).toMatch(CRISIS);
  });
});

describe('since when, right after an answer', () => {
  it('"sinds wanneer" after the payment answer says the answer names no date, not the question for a case number', async () => {
    for (const before of [['mijn uitkering is niet betaald'], ['wanneer wordt mijn bijstand betaald']]) {
      const said = await saidAfter(loket, before, 'sinds wanneer');
      expect({ before, said }).toEqual({ before, said: expect.stringMatching(/^Sinds wanneer, staat niet in mijn antwoord\./) });
      expect(said).not.toMatch(/zaaknummer\?/);
    }
    // After a status, its own date.
    expect(await saidAfter(loket, [PARKING], 'sinds wanneer')).toMatch(/De vergunning geldt vanaf 7 december 2026\./);
  });
});

describe('doing it online, right after the answer on a BRP extract', () => {
  it('"kan dat online" is the online application alone, not with the appointment that is for the desk', async () => {
    const said = await saidAfter(loket, ['ik wil een uittreksel'], 'kan dat online');
    expect(said).toMatch(/^In mijn antwoord staat: Een uittreksel uit de Basisregistratie Personen \(BRP\) vraagt u aan op www\.voorbeeld\.nl\/uittreksel\. Wilt u meer weten\?/);
    expect(said).not.toMatch(/afspraak/);
    // Collecting it at the desk still comes with the appointment.
    expect(await saidAfter(loket, ['ik wil een uittreksel'], 'kan ik het ophalen')).toMatch(/balie/);
  });
});

describe('SMS forms ("mn" for "mijn"), and the lost ID', () => {
  it('"ik ben mijn id kwijt", "ik ben mn id kwijt" get the answer on a new ID, not "Sorry, dat begrijp ik niet goed"', async () => {
    for (const asked of ['ik ben mijn id kwijt', 'ik ben mn id kwijt']) {
      expect({ asked, said: await saidAfter(loket, [], asked) }).toEqual({ asked, said: expect.stringMatching(/^Een paspoort, ID-kaart of rijbewijs vraagt u aan bij de balie.*Bent u het kwijt of is het gestolen\?/) });
    }
  });

  it('"moet mn zoon mee" after the passport is whether a child comes along, not which papers an application needs', async () => {
    for (const asked of ['moet mn zoon mee', 'moet mijn dochter ook mee']) {
      expect({ asked, said: await saidAfter(loket, ['ik wil mn paspoort verlengen'], asked) }).toEqual({ asked, said: expect.stringMatching(/^Vraagt u ook voor uw kind een paspoort of ID-kaart aan\? Dan komt uw kind zelf mee/) });
    }
  });

  it('"verhuizen mn kinderen dan automatisch mee" after the move is the household, not the move\'s answer again with a person offered', async () => {
    const said = await saidAfter(loket, ['ik ga verhuizen'], 'verhuizen mn kinderen dan automatisch mee');
    expect(said).toMatch(/^Verhuist uw gezin mee\? Dan geeft u de verhuizing voor iedereen tegelijk door/);
    expect(said).not.toMatch(/Zal ik een medewerker vragen/);
  });
});

describe('a fine of no kind named', () => {
  it('"ik heb een boete gekregen" asks whose fine it is and says where each goes, not "Sorry, dat begrijp ik niet goed"', async () => {
    expect(await saidAfter(loket, [], 'ik heb een boete gekregen')).toMatch(/^Van wie is de boete\?.*naheffingsaanslag.*bezwaar binnen 6 weken.*CJIB/);
    expect(await saidAfter(loket, [], 'i got a fine')).toMatch(/^Who is the fine from\?/);
    // A parking fine keeps its own answer.
    expect(await saidAfter(loket, [], 'ik heb een boete gekregen voor parkeren')).toMatch(/^Heeft u een parkeerboete van de gemeente gekregen/);
  });
});
