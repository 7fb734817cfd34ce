/**
 * Wrong answers found by probing Dutch conversations as citizens write them (SMS style, right after a status
 * or an answer): "en wat als ze nee zeggen" after the word welstandscommissie was explained (itself after the
 * dormer's status) got "Dat kan ik niet beantwoorden"; "ik vind het onterecht" after the parking fine and "die
 * is veel te hoog" after the municipal taxes got "staat hierboven"; "ik wil mijn rijbewijs halen" only where to
 * collect one; "ik kom uit polen en wil me inschrijven" "Sorry, dat begrijp ik niet goed"; "moet ik ook iets
 * doen voor mijn kinderen" after the move which papers an application needs; "geldt ie ook voor mn fiets" after
 * the parking permit's status "Dat kan ik niet beantwoorden"; "en zondag?" after the recycling centre "staat
 * hierboven"; "ik heb een boete gekregen voor mijn container" the answer on waste collection.
 */
import { describe, expect, it } from 'vitest';
import type { Loket } from '../../src/server/loket.ts';
import { DORMER, PARKING, saidAfter } from '../support/loket.ts';
import { useLoket } from '../support/use-loket.ts';

let loket: Loket;
useLoket((started) => (loket = started));

const CRISIS = /113/;
const CHECK_IN = /gaat het goed met u/i;
const WELSTAND_NO = /^Is het advies van de welstandscommissie negatief\? Dan kan de gemeente de vergunning weigeren\..*binnen 6 weken bezwaar maken/;

describe('a refusal, right after the word of the dormer\'s status was explained', () => {
  it('"en wat als ze nee zeggen" is what follows a negative advice and a refusal (objecting), not "Dat kan ik niet beantwoorden"', async () => {
    for (const [explained, asked] of [
      ['wat is een welstandscommissie', 'en wat als ze nee zeggen'],
      ['wie is dat', 'en wat als ze nee zeggen'],
      ['wat is een welstandscommissie', 'wat als de welstandscommissie nee zegt'],
    ] as const) {
      const said = await saidAfter(loket, [DORMER, explained], asked);
      expect({ explained, asked, said }).toEqual({ explained, asked, said: expect.stringMatching(WELSTAND_NO) });
    }
    // Straight after the status, as before.
    expect(await saidAfter(loket, [DORMER], 'en wat als ze nee zeggen')).toMatch(WELSTAND_NO);
  });

  it('still hands over a crisis in the same form', async () => {
    expect(await saidAfter(loket, [DORMER, 'wat is een welstandscommissie'], 'en wat als ze nee zeggen, dan wil ik er niet meer zijn')).toMatch(CRISIS);
  });
});

describe('disagreeing, right after an answer that says how to object', () => {
  it('"ik vind het onterecht" after the parking fine is that answer\'s own way to object (www.voorbeeld.nl/parkeren), not "staat hierboven"', async () => {
    for (const asked of ['ik vind het onterecht', 'dat is niet eerlijk', 'ik vind die boete onterecht', 'onterecht!']) {
      const said = await saidAfter(loket, ['ik heb een parkeerboete gekregen'], asked);
      expect({ asked, said }).toEqual({ asked, said: expect.stringMatching(/^Wat u dan kunt doen, staat in mijn antwoord: .*Maak dan bezwaar binnen 6 weken na de datum van de aanslag, via www\.voorbeeld\.nl\/parkeren\..*Daar gaat u in beroep: zie www\.cjib\.nl\./) });
      expect(said).not.toMatch(/hierboven|www\.voorbeeld\.nl\/bezwaar/);
    }
    // Read as objecting (as before): the parking fine's own way, in its whole answer.
    expect(await saidAfter(loket, ['ik heb een parkeerboete gekregen'], 'ik ben het er niet mee eens')).toMatch(/Maak dan bezwaar binnen 6 weken na de datum van de aanslag, via www\.voorbeeld\.nl\/parkeren\./);
  });

  it('"die is veel te hoog" after the municipal taxes is objecting to the assessment, and remission for a low income', async () => {
    for (const asked of ['die is veel te hoog', 'het bedrag is te hoog', 'ik vind het onterecht']) {
      const said = await saidAfter(loket, ['ik heb een aanslag gemeentelijke belastingen gekregen'], asked);
      expect({ asked, said }).toEqual({ asked, said: expect.stringMatching(/^Wat u dan kunt doen, staat in mijn antwoord: .*Bent u het niet eens met de aanslag of de WOZ-waarde\? Maak dan binnen 6 weken bezwaar\./) });
      expect(said).not.toMatch(/hierboven/);
    }
    expect(await saidAfter(loket, ['ik heb een aanslag gemeentelijke belastingen gekregen'], 'die is veel te hoog')).toMatch(/Heeft u een laag inkomen\? Dan kunt u kwijtschelding vragen\./);
    // Unfair is no money worry: objecting alone.
    expect(await saidAfter(loket, ['ik heb een aanslag gemeentelijke belastingen gekregen'], 'ik vind het onterecht')).not.toMatch(/kwijtschelding/);
  });

  it('an answer that says nothing on objecting keeps what it said before', async () => {
    expect(await saidAfter(loket, ['ik wil een paspoort aanvragen'], 'ik vind het onterecht')).not.toMatch(/^Wat u dan kunt doen/);
  });

  it('still hands over a crisis in the same form', async () => {
    for (const asked of ['ik vind het onterecht, ik wil er niet meer zijn', 'die is veel te hoog, ik maak er een eind aan']) {
      expect({ asked, said: await saidAfter(loket, ['ik heb een parkeerboete gekregen'], asked) }).toEqual({ asked, said: expect.stringMatching(CRISIS) });
    }
  });
});

describe('getting a driving licence', () => {
  it('"ik wil mijn rijbewijs halen" is the exams at the CBR, and collecting one already applied for: both', async () => {
    for (const asked of ['ik wil mijn rijbewijs halen', 'ik wil mn rijbewijs halen', 'ik wil mijn rijbewijs halen hoe moet dat']) {
      const said = await saidAfter(loket, [], asked);
      expect({ asked, said }).toEqual({ asked, said: expect.stringMatching(/^Wilt u uw rijbewijs halen, dus examen doen\? Dat doet u bij het CBR.*Heeft u uw rijbewijs al aangevraagd en wilt u het ophalen\? Dat doet u bij de balie/) });
    }
    expect(await saidAfter(loket, [], 'i want to get my driving licence')).toMatch(/^You get a driving licence by passing the tests at the CBR/);
    // When one can collect it is still the desk's answer.
    for (const asked of ['waar kan ik mijn rijbewijs ophalen', 'hoe laat kan ik mijn rijbewijs halen']) expect(await saidAfter(loket, [], asked)).toMatch(/^Uw paspoort, ID-kaart of rijbewijs haalt u op bij de balie/);
    for (const asked of ['ik ben geslaagd voor mijn rijexamen, wat nu', 'ik ga mijn rijbewijs halen']) expect(await saidAfter(loket, [], asked)).toMatch(/^Een rijbewijs halen doet u bij het CBR/);
  });
});

describe('registering, coming from abroad', () => {
  it('"ik kom uit polen en wil me inschrijven" is a first registration at the desk, not "Sorry, dat begrijp ik niet goed"', async () => {
    for (const asked of ['ik kom uit polen en wil me inschrijven', 'kom uit roemenie, wil me inschrijven', 'ik kom uit spanje hoe schrijf ik me in']) {
      const said = await saidAfter(loket, [], asked);
      expect({ asked, said }).toEqual({ asked, said: expect.stringMatching(/^Komt u in Nederland wonen\? Schrijf u dan in bij de gemeente, binnen 5 dagen na aankomst\./) });
    }
    // A student from abroad (it was right before; kept so).
    expect(await saidAfter(loket, [], 'ik ben student en kom uit het buitenland, waar moet ik me inschrijven')).toMatch(/^Komt u in Nederland wonen\?/);
    // Moving within the country is still the move.
    expect(await saidAfter(loket, [], 'ik kom uit utrecht en wil me inschrijven op mijn nieuwe adres')).not.toMatch(/^Komt u in Nederland wonen/);
  });
});

describe('the children, right after the move', () => {
  it('"moet ik ook iets doen voor mijn kinderen" is the children in the same report, not which papers an application needs', async () => {
    for (const asked of ['moet ik ook iets doen voor mijn kinderen', 'moet ik iets doen voor mn kinderen', 'en voor de kinderen?']) {
      const said = await saidAfter(loket, ['ik ga verhuizen'], asked);
      expect({ asked, said }).toEqual({ asked, said: expect.stringMatching(/^Verhuist uw gezin mee\? Dan geeft u de verhuizing voor iedereen tegelijk door/) });
    }
    // After the passport, for a child is still a child's passport.
    expect(await saidAfter(loket, ['ik wil een paspoort aanvragen'], 'en voor mijn kinderen?')).toMatch(/^Een paspoort of ID-kaart voor een kind/);
  });
});

describe('a bike, right after the parking permit', () => {
  it('"geldt ie ook voor mn fiets" is that a bike needs no parking permit, without a check-in', async () => {
    for (const before of [[PARKING], ['ik wil een parkeervergunning']]) {
      for (const asked of ['geldt ie ook voor mn fiets', 'is hij ook voor mijn fiets?', 'en voor de bakfiets?']) {
        const said = await saidAfter(loket, before, asked);
        expect({ before, asked, said }).toEqual({ before, asked, said: expect.stringMatching(/^Voor een fiets heeft u geen parkeervergunning nodig\./) });
        expect(said).not.toMatch(CHECK_IN);
      }
    }
    expect(await saidAfter(loket, [PARKING], 'does it also work for my bike')).toMatch(/^You do not need a parking permit for a bicycle\./);
    // Someone else's car and a motorbike keep their answers.
    expect(await saidAfter(loket, [PARKING], 'geldt ie ook voor mn vrouw haar auto')).toMatch(/^Uw parkeervergunning hoort bij één kenteken\. Heeft u een andere auto\?/);
    expect(await saidAfter(loket, [PARKING], 'is hij ook geldig voor mijn motor')).toMatch(/motor of scooter/);
    // A bike taken away is the depot.
    expect(await saidAfter(loket, [], 'mijn fiets is weggehaald')).toMatch(/fietsdepot/);
  });

  it('still hands over a crisis in the same form', async () => {
    expect(await saidAfter(loket, [PARKING], 'geldt ie ook voor mn fiets, ik wil er niet meer zijn')).toMatch(CRISIS);
  });
});

describe('a day, right after the recycling centre', () => {
  it('"en zondag?" is what the answer says on when it is open, not "staat hierboven" nor the office\'s hours', async () => {
    for (const before of ['waar is de milieustraat', 'hoe laat is de milieustraat open']) {
      for (const asked of ['en zondag?', 'op zaterdag ook?', 'en zondag']) {
        const said = await saidAfter(loket, [before], asked);
        expect({ before, asked, said }).toEqual({ before, asked, said: expect.stringMatching(/^In mijn antwoord staat: Waar de milieustraat is en wanneer die open is, staat op www\.voorbeeld\.nl\/afval\./) });
        expect(said).not.toMatch(/hierboven|gemeentehuis|balie/);
      }
    }
    // After the office's own hours a day is still the office's.
    expect(await saidAfter(loket, ['wanneer zijn jullie open'], 'en zondag?')).toMatch(/^U kunt ons bellen op 14 0123/);
  });
});

describe('a fine for the waste container', () => {
  it('says whose fine it may be and how to object, not when the container is emptied', async () => {
    for (const asked of ['ik heb een boete gekregen voor mijn container', 'boete gehad voor afval naast de container', 'ik kreeg een afvalboete']) {
      const said = await saidAfter(loket, [], asked);
      expect({ asked, said }).toEqual({ asked, said: expect.stringMatching(/^Heeft u een boete gekregen voor afval\?.*www\.cjib\.nl.*binnen 6 weken na de datum van de brief bezwaar, via www\.voorbeeld\.nl\/bezwaar/) });
      expect(said).not.toMatch(/wanneer uw container wordt geleegd/);
    }
    expect(await saidAfter(loket, [], 'i got a fine for my bin')).toMatch(/^Did you get a fine for waste\?/);
    // A parking fine and a fine of no kind keep their answers.
    expect(await saidAfter(loket, [], 'ik heb een parkeerboete gekregen')).toMatch(/^Heeft u een parkeerboete van de gemeente gekregen/);
    expect(await saidAfter(loket, [], 'ik heb een boete gekregen')).toMatch(/^Van wie is de boete\?/);
    // The container itself still gets the waste answer: its narrower case, how to report it (waste_bin, fq).
    expect(await saidAfter(loket, [], 'mijn container is niet geleegd')).toMatch(/^Is uw container kapot of niet geleegd\? Meld het op www\.voorbeeld\.nl\/melding\./);
  });

  it('still hands over a crisis in the same form', async () => {
    expect(await saidAfter(loket, [], 'ik heb een boete gekregen voor mijn container en ik wil er niet meer zijn')).toMatch(CRISIS);
  });
});

describe('a van or a move, right after the parking permit (found while probing)', () => {
  it('"kan ik m ook voor me bestelbus gebruiken" is the permit and another vehicle, not "Dat kan ik niet beantwoorden"', async () => {
    for (const asked of ['kan ik m ook voor me bestelbus gebruiken', 'geldt ie ook voor het busje']) {
      const said = await saidAfter(loket, [PARKING], asked);
      expect({ asked, said }).toEqual({ asked, said: expect.stringMatching(/^Uw parkeervergunning hoort bij één kenteken: het kenteken dat op uw vergunning staat\./) });
      expect(said).not.toMatch(CHECK_IN);
    }
  });

  it('"en als ik verhuis" is the permit that belongs to the address, not only how to report a move', async () => {
    for (const before of [[PARKING], ['ik wil een parkeervergunning']]) {
      for (const asked of ['en als ik verhuis', 'wat als ik ga verhuizen?']) {
        const said = await saidAfter(loket, before, asked);
        expect({ before, asked, said }).toEqual({ before, asked, said: expect.stringMatching(/^Uw parkeervergunning hoort bij uw adres\./) });
      }
    }
    // With nothing before it, a move is still the move.
    expect(await saidAfter(loket, [], 'ik ga verhuizen')).toMatch(/^Een nieuw adres geeft u door/);
  });

  it('still hands over a crisis in the same form', async () => {
    expect(await saidAfter(loket, [PARKING], 'en als ik verhuis naar het spoor')).toMatch(CRISIS);
  });
});

describe('more right after a status (found while probing)', () => {
  it('"krijg ik een brief" is the status in plain words, which says when the letter comes; not "Dat kan ik niet beantwoorden"', async () => {
    expect(await saidAfter(loket, [PARKING], 'krijg ik een brief')).toMatch(/^Dat betekent: u krijgt wat u heeft aangevraagd\. U krijgt ook een brief met het besluit, of u heeft die al\./);
    expect(await saidAfter(loket, [DORMER], 'krijg ik nog een brief?')).toMatch(/Uiterlijk 15 januari 2027 krijgt u een brief met het besluit\./);
  });

  it('"kan mn zoon er ook mee parkeren" is the permit that goes with the licence plate, not how to apply for one', async () => {
    for (const asked of ['kan mn zoon er ook mee parkeren', 'mag mijn vrouw hem ook gebruiken']) {
      const said = await saidAfter(loket, [PARKING], asked);
      expect({ asked, said }).toEqual({ asked, said: expect.stringMatching(/^Uw parkeervergunning hoort bij het kenteken dat erop staat, niet bij een persoon\./) });
    }
    // Visitors keep their own answer.
    expect(await saidAfter(loket, [PARKING], 'mag mijn bezoek ook parkeren')).toMatch(/^Uw eigen parkeervergunning geldt niet voor uw bezoek\./);
  });

  it('"wat als ik al begonnen ben" after the dormer\'s status is to stop until the decision, and to call; not "Dat kan ik niet beantwoorden"', async () => {
    for (const asked of ['wat als ik al begonnen ben', 'de aannemer is al begonnen']) {
      const said = await saidAfter(loket, [DORMER], asked);
      expect({ asked, said }).toEqual({ asked, said: expect.stringMatching(/^Bent u al begonnen met bouwen\? Er is nog geen besluit over uw aanvraag\..*Bel 14 0123 en noem uw zaaknummer/) });
    }
  });

  it('still hands over a crisis in the same form', async () => {
    expect(await saidAfter(loket, [DORMER], 'wat als ik al begonnen ben met afscheid nemen, ik wil er niet meer zijn')).toMatch(CRISIS);
  });
});

describe('finding work, right after the bijstand\'s status (found while probing)', () => {
  it('"moet ik iets doorgeven als ik werk vind" is passing on a change in work, not which papers an application needs', async () => {
    for (const asked of ['moet ik iets doorgeven als ik werk vind', 'en als ik een baan vind?']) {
      const said = await saidAfter(loket, ['Z-2026-000456 5678 CD 01-07-1992'], asked);
      expect({ asked, said }).toEqual({ asked, said: expect.not.stringMatching(/^Welke papieren u nodig heeft/) });
      expect(said).toMatch(/doorgeven|geef .* door/i);
    }
    // Not finding any is no change to pass on.
    expect(await saidAfter(loket, [], 'ik kan geen werk vinden')).not.toMatch(/^Verandert er iets in uw werk/);
  });
});

describe('the tax office, right after the move (found while probing)', () => {
  it('"moet ik het ook aan de belastingdienst doorgeven" is that government bodies get the new address from the BRP, not the sentence on reporting early', async () => {
    for (const asked of ['moet ik het ook aan de belastingdienst doorgeven', 'en de toeslagen?', 'moet ik duo ook laten weten']) {
      const said = await saidAfter(loket, ['ik ga verhuizen'], asked);
      expect({ asked, said }).toEqual({ asked, said: expect.stringMatching(/^Nee\. Instanties van de overheid, zoals de Belastingdienst, Dienst Toeslagen, DUO, de SVB en het UWV, krijgen uw nieuwe adres vanzelf/) });
    }
    expect(await saidAfter(loket, ['I am moving'], 'do i need to tell the tax office')).toMatch(/^No\. Government bodies, such as the tax office/);
  });
});

describe('not agreeing, asked right after the parking fine (found while probing)', () => {
  it('"en als ik het er niet mee eens ben?" is the fine\'s own way to object (www.voorbeeld.nl/parkeren), not the general objection page', async () => {
    for (const asked of ['en als ik het er niet mee eens ben?', 'wat als ik het niet eens ben']) {
      const said = await saidAfter(loket, ['ik heb een parkeerboete gekregen'], asked);
      expect({ asked, said }).toEqual({ asked, said: expect.stringMatching(/Maak dan bezwaar binnen 6 weken na de datum van de aanslag, via www\.voorbeeld\.nl\/parkeren\./) });
      expect(said).not.toMatch(/www\.voorbeeld\.nl\/bezwaar/);
    }
    // With nothing before it, the general objection.
    expect(await saidAfter(loket, [], 'en als ik het er niet mee eens ben?')).toMatch(/www\.voorbeeld\.nl\/bezwaar/);
  });

  it('still hands over a crisis in the same form', async () => {
    expect(await saidAfter(loket, ['ik heb een parkeerboete gekregen'], 'en als ik het er niet mee eens ben, dan wil ik er niet meer zijn')).toMatch(CRISIS);
  });
});

describe('paying for it, right after the parking permit\'s status (found while probing)', () => {
  it('"moet ik er iets voor betalen" is what a parking permit costs, not when a benefit is paid', async () => {
    for (const asked of ['moet ik er iets voor betalen', 'moet ik daar wat voor betalen']) {
      const said = await saidAfter(loket, [PARKING], asked);
      expect({ asked, said }).toEqual({ asked, said: expect.stringMatching(/^Wat een parkeervergunning kost, staat op www\.voorbeeld\.nl\/parkeren\./) });
      expect(said).not.toMatch(/uitkering/);
    }
  });
});
