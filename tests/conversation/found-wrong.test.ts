/**
 * Conversations found wrong by hand, through a real Loket with the real recognizer: "hoe lang is hij
 * geldig?" after the dormer's status got the passport's validity; "en dan?" after a status got "Dat kan ik
 * niet beantwoorden"; "fijn" or "top" after an answer got the goodbye and the feedback question; "voor het
 * paspoort" after moving an appointment got collecting the passport; "kan dat bij jullie" after the papers
 * answer got the change of address.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../src/clock.ts';
import type { Loket } from '../../src/server/loket.ts';
import { DORMER, OPEN_TUESDAY, PARKING, saidAfter, saidAlready, say, startLoket } from '../support/loket.ts';

let loket: Loket;
beforeAll(async () => {
  loket = await startLoket();
});
afterAll(async () => {
  await loket.close();
});

const after = (before: string[], asked: string) => saidAfter(loket, before, asked);

describe('how long a building permit holds, right after its status', () => {
  it('says it may be withdrawn when not used, and to look in the decision letter; not the passport', async () => {
    for (const asked of ['hoe lang is hij geldig?', 'hoelang is die geldig', 'verloopt hij?']) {
      const said = await after([DORMER], asked);
      expect({ asked, said }).toEqual({ asked, said: expect.stringMatching(/^Een omgevingsvergunning .*intrekken.*besluit/) });
      expect(said).not.toMatch(/paspoort/i);
    }
    // Asked with no status before it, too (not "vergunning" in "omgevingsvergunning" for the passport's validity).
    expect(await after([], 'hoe lang is een omgevingsvergunning geldig?')).toMatch(/^Een omgevingsvergunning heeft meestal geen einddatum\./);
    const en = await after([DORMER], 'how long is it valid?');
    expect(en).toMatch(/^A building permit .*withdraw.*decision/);
    expect(en).not.toMatch(/passport/i);
  });

  it('keeps the parking permit its own answer', async () => {
    expect(await after([PARKING], 'hoe lang is hij geldig?')).toMatch(/^Een parkeervergunning voor bewoners is 1 jaar geldig\./);
  });
});

describe('"en dan?" right after a status: what comes next for that status', () => {
  it('while decided: the letter by the decision date, nothing to do now, and what if it does not come', async () => {
    for (const asked of ['en dan?', 'en daarna?', 'ok en dan']) {
      const said = await after([DORMER], asked);
      expect({ asked, said }).toEqual({ asked, said: expect.stringMatching(/^Eerst neemt een medewerker een besluit over uw aanvraag\..*15 januari 2027.*brief/) });
    }
  });

  it('after a grant: nothing to do, the letter, and the date of the status; in English too', async () => {
    expect(await after([PARKING], 'en daarna?')).toMatch(/^U hoeft niets meer te doen\..*In uw zaak Z-2026-000124 staat: De vergunning geldt vanaf 7 december 2026\./);
    expect(await after(['what is the status of Z-2026-000456', '5678 CD 01-07-1992'], 'and then?')).toMatch(/^You do not need to do anything else\..*1 december 2026/);
  });

  it('asks no "gaat het goed met u?" after it', async () => {
    const id = await saidAlready(loket, PARKING);
    expect(await say(loket, id, 'en daarna?')).toEqual([expect.stringMatching(/^U hoeft niets meer te doen\./)]);
  });
});

describe('a nod after an answer is no goodbye', () => {
  it('"fijn", "fijn!", "top", "mooi" get the nod, and no feedback question', async () => {
    for (const said of ['fijn', 'fijn!', 'top', 'mooi', 'Top!', 'super']) {
      const replies = await say(loket, await saidAlready(loket, 'wanneer zijn jullie open?'), said);
      expect({ said, replies }).toEqual({ said, replies: ['Fijn. Heeft u nog een vraag? Stel hem gerust.'] });
    }
  });

  it('a goodbye in words is still one', async () => {
    const replies = await say(loket, await saidAlready(loket, 'wanneer zijn jullie open?'), 'fijn, dank je, doei');
    expect(replies.join(' ')).toMatch(/Tot ziens!.*Hoe tevreden bent u/);
  });
});

describe('a short qualification keeps the question before it', () => {
  it('"voor het paspoort" after moving an appointment: moving that appointment, not collecting the passport', async () => {
    for (const asked of ['voor het paspoort', 'voor mijn rijbewijs', 'het is voor mijn id kaart']) {
      const said = await after(['ik wil mijn afspraak verzetten'], asked);
      expect({ asked, said }).toEqual({ asked, said: expect.stringMatching(/^Wilt u uw afspraak verzetten of afzeggen\?/) });
    }
    expect(await after(['I need to cancel my appointment'], 'for my passport')).toMatch(/^Want to move or cancel your appointment\?/);
  });

  it('"kan dat bij jullie" after the papers answer: where it can be done at the municipality', async () => {
    for (const asked of ['kan dat bij jullie', 'kan dat ook op het gemeentehuis?']) {
      const said = await after(['welke papieren heb ik nodig'], asked);
      expect({ asked, said }).toEqual({ asked, said: expect.stringMatching(/langsbrengen: Voorbeeldplein 1/) });
      expect(said).not.toMatch(/adres geeft u door|verhuiz/);
    }
  });
});

describe('a narrower case right after an answer on its topic, found by probing', () => {
  it('"kan ik hem opzeggen?" after the parking permit (its answer, its status) is ending it, not "staat hierboven"', async () => {
    for (const before of [['hoe vraag ik een parkeervergunning aan'], [PARKING]]) {
      const said = await after(before, 'kan ik hem opzeggen');
      expect({ before, said }).toEqual({ before, said: expect.stringMatching(/^Uw parkeervergunning zegt u op via www\.voorbeeld\.nl\/parkeren/) });
    }
  });

  it('"hoe lang is hij geldig?" after the fees of a parking permit is the parking permit\'s, not the building permit\'s', async () => {
    const said = await after(['wat kost een parkeervergunning'], 'hoe lang is hij geldig');
    expect(said).toMatch(/^Een parkeervergunning voor bewoners is 1 jaar geldig\./);
  });

  it('"hoeveel per maand" after when the bijstand is paid asks its amount, not the terms of a payment plan', async () => {
    expect(await after(['wanneer wordt de bijstand betaald'], 'hoeveel per maand')).toMatch(/^Hoeveel u krijgt/);
    expect(await after(['when is social assistance paid'], 'how much a month?')).toMatch(/^How much you get/);
    // Right after paying back or a payment plan it is still the plan's terms.
    expect(await after(['kan ik de boete in termijnen betalen'], 'hoeveel per maand?')).toMatch(/^Hoeveel u per maand betaalt/);
  });
});

describe('follow-ups on an answer, found by probing', () => {
  it('"waarom zo duur?" after the fees is why they are what they are (the rule), not the benefit payment dates', async () => {
    for (const asked of ['waarom zo duur', 'waarom is het zo duur?', 'why so expensive?']) {
      const said = await after(['wat kost een paspoort'], asked);
      expect({ asked, said }).toEqual({ asked, said: expect.stringMatching(/legesverordening|fees regulation/) });
      expect(said).not.toMatch(/uitkering|benefit/i);
    }
  });

  it('"wanneer moet ik dat doen?" after the move is the answer\'s own when ("binnen 5 dagen"), not "staat hierboven"', async () => {
    expect(await after(['ik ga verhuizen'], 'wanneer moet ik dat doen')).toMatch(/^In mijn antwoord staat: Doe dat binnen 5 dagen na uw verhuizing\./);
    expect(await after(['ik ga verhuizen'], 'when do I have to do that?')).toMatch(/^My answer says: Do this within 5 days of moving\./);
  });

  it('"mrgn ook?" (SMS for "morgen") after the opening hours is tomorrow\'s hours, as "morgen ook?" is', async () => {
    const open = await startLoket({ LOKET_OFFICE_HOURS: 'mon-fri 08:30-17:00' }, { clock: fixedClock(OPEN_TUESDAY) });
    try {
      const id = await saidAlready(open, 'wnr zijn jullie open');
      expect(await say(open, id, 'mrgn ook?')).toEqual(['Op woensdag 25 november zijn we open van 8.30 tot 17.00 uur.']);
      expect((await say(open, await saidAlready(open), 'are you open tmrw?'))[0]).toMatch(/^On Wednesday 25 November we are open from 8:30 to 17:00\./);
    } finally {
      await open.close();
    }
  });
});

describe('short reactions right after a status or an answer, found by probing', () => {
  it('"en?", "so?" after a status are its next step; "huh?", "what?" what it means (a second miss brought a person)', async () => {
    expect(await after([PARKING], 'en?')).toMatch(/^U hoeft niets meer te doen\./);
    expect(await after([PARKING], 'huh?')).toMatch(/^Dat betekent: u krijgt wat u heeft aangevraagd\./);
    expect(await after(['what is the status of Z-2026-000123', '1234 AB 15-03-1980'], 'so?')).toMatch(/^First a staff member makes a decision/);
    expect(await after(['what is the status of Z-2026-000123', '1234 AB 15-03-1980'], 'what?')).toMatch(/^This means: your application is not finished yet\./);
    expect(await after(['hoe vraag ik een id kaart aan'], 'en?')).toMatch(/^Na de aanvraag wordt uw paspoort, ID-kaart of rijbewijs gemaakt\./);
  });

  it('"is dat alles?" right after an answer is no crisis handoff: the answer, and once "gaat het goed met u?" with the crisis line', async () => {
    for (const before of [[PARKING], ['wanneer zijn jullie open']]) {
      const said = await after(before, 'is dat alles?');
      expect({ before, said }).toEqual({ before, said: expect.stringMatching(/gaat het goed met u\?.*113/) });
      expect(said).not.toMatch(/Wat naar dat het zo zwaar is/);
    }
    // Alone, or "is dit alles?", it stays what the crisis model read: the crisis line and a person at once.
    expect(await after([], 'is dat alles')).toMatch(/^Wat naar dat het zo zwaar is\./);
    expect(await after(['wanneer zijn jullie open'], 'is dit alles')).toMatch(/^Wat naar dat het zo zwaar is\./);
  });
});

describe('"kan het sneller?" right after an answer that says when we decide', () => {
  it('after remission: that term, it mostly cannot go faster, a person for an urgent reason; not when the bijstand is paid', async () => {
    const said = await after(['hoe vraag ik kwijtschelding aan'], 'kan het sneller');
    expect(said).toMatch(/^In mijn antwoord staat: U krijgt binnen 8 weken een brief met ons besluit\. Sneller kan meestal niet/);
    expect(said).not.toMatch(/uitbetalen/);
    expect(await after(['how do I apply for remission'], 'can it go faster?')).toMatch(/^My answer says: .*8 weeks.*Usually it cannot go faster/);
    // A decision on money we pay keeps the answer on paying earlier, with the advance for money needed now.
    expect(await after(['hoe vraag ik bijstand aan'], 'kan het sneller')).toMatch(/^Eerder uitbetalen kan meestal niet\..*voorschot/);
  });
});

describe('"kan dat ook op papier?" after the move', () => {
  it('is the answer\'s own words on doing it without DigiD (the desk), with their condition; not which papers to send', async () => {
    expect(await after(['hoe geef ik mn verhuizing door'], 'kan dat ook op papier')).toMatch(/^In mijn antwoord staat: Heeft u geen DigiD\? Dan kan het ook aan de balie\./);
    expect(await after(['hoe geef ik mn verhuizing door'], 'can I do it on paper?')).toMatch(/^My answer says: No DigiD\? Then you can also do it at the desk\./);
  });
});

describe('ending the parking permit right after its status, asked as people write it', () => {
  it('"hoe zeg ik hem op", "kan ik m opzeggen" (SMS "m": hem), "how do I cancel it": how to end it, and no "gaat het goed met u?"', async () => {
    for (const asked of ['hoe zeg ik hem op', 'hoe zeg ik m op', 'kan ik m opzeggen', 'hoe zeg ik t op', 'hoe kan ik m opzeggen?']) {
      const replies = await say(loket, await saidAlready(loket, PARKING), asked);
      expect({ asked, replies }).toEqual({ asked, replies: [expect.stringMatching(/^Uw parkeervergunning zegt u op via www\.voorbeeld\.nl\/parkeren/)] });
    }
    for (const asked of ['how do I cancel it', 'can I cancel it?']) {
      const replies = await say(loket, await saidAlready(loket, PARKING), asked);
      expect({ asked, replies }).toEqual({ asked, replies: [expect.stringMatching(/^You end your parking permit via www\.voorbeeld\.nl\/parkeren/)] });
    }
  });

  it('keeps a crisis in its own words a crisis', async () => {
    expect(await after([PARKING], 'how do I end it')).toMatch(/113/);
  });
});

describe('"kan het sneller?" right after the fees of a document', () => {
  it('after a passport\'s or ID card\'s fees: the urgent procedure, not paying a benefit earlier', async () => {
    for (const [before, asked] of [['wat kost een paspoort', 'kan het sneller?'], ['wat kost een id kaart', 'kan het sneller'], ['hoeveel kost een paspoort', 'kan dat sneller'], ['wat kost een paspoort', 'kan t sneller'], ['hoe vraag ik een paspoort aan', 'kan het sneller?']] as const) {
      const said = await after([before], asked);
      expect({ before, said }).toEqual({ before, said: expect.stringMatching(/^Heeft u uw paspoort.*snel nodig\? Vraag dan bij de aanvraag naar spoed\..*noodpaspoort/) });
      expect(said).not.toMatch(/uitbetalen|uitkering/);
    }
    const en = await after(['how much does a passport cost'], 'can it go faster?');
    expect(en).toMatch(/^Do you need your passport.*quickly\? Then ask for the urgent procedure when you apply\./);
    expect(en).not.toMatch(/Paying earlier/);
  });

  it('after a driving licence\'s fees: its urgent procedure', async () => {
    expect(await after(['wat kost een rijbewijs'], 'kan het sneller')).toMatch(/^Heeft u uw rijbewijs snel nodig\? Vraag dan bij de aanvraag naar spoed\./);
  });

  it('after fees with no quicker way known: says so honestly, and offers a person; not paying a benefit earlier', async () => {
    for (const before of ['wat kost een parkeervergunning', 'wat kost een uittreksel']) {
      const said = await after([before], 'kan het sneller?');
      expect({ before, said }).toEqual({ before, said: expect.stringMatching(/^Of het sneller kan, weet ik niet\..*medewerker/) });
    }
    expect(await after(['what does a parking permit cost'], 'can it be faster')).toMatch(/^I do not know whether it can go faster\./);
  });
});

describe('what a general question was for, right after its answer', () => {
  it('"wat kost dat?" then "voor een paspoort": the passport\'s fees, not how to apply for one', async () => {
    for (const [before, asked] of [['wat kost dat', 'voor een paspoort'], ['wat kost dat', 'een paspoort'], ['wat kost het', 'het is voor een paspoort'], ['moet ik iets betalen', 'voor een id kaart']] as const) {
      const said = await after([before], asked);
      expect({ before, asked, said }).toEqual({ before, asked, said: expect.stringMatching(/^Wat een paspoort, ID-kaart of rijbewijs kost, staat op www\.voorbeeld\.nl\/leges\./) });
    }
    expect(await after(['what does it cost'], 'for a passport')).toMatch(/^What a passport, ID card or driving licence costs is on www\.voorbeeld\.nl\/leges\./);
  });

  it('"voor een parkeervergunning" after it: the parking permit\'s fees', async () => {
    expect(await after(['wat kost dat?'], 'voor een parkeervergunning')).toMatch(/^Wat een parkeervergunning kost, staat op www\.voorbeeld\.nl\/parkeren\./);
  });
});

describe('"kan ik ze per post sturen?" right after the papers answer', () => {
  it('is the answer\'s sentence on sending them (by post, our address), not uploading them', async () => {
    for (const asked of ['kan ik ze per post sturen', 'kan dat per post', 'mag ik ze met de post sturen?', 'kan ik ze ook per post opsturen', 'kan ik ze per brief sturen']) {
      const said = await after(['welke papieren heb ik nodig'], asked);
      expect({ asked, said }).toEqual({ asked, said: expect.stringMatching(/^In mijn antwoord staat: U mag ze ook opsturen of langsbrengen: Voorbeeldplein 1, 1234 AA Voorbeeld\./) });
    }
    expect(await after(['which documents do I need'], 'can I send them by post')).toMatch(/^My answer says: .*send or bring them to Voorbeeldplein 1/);
  });
});

describe('"dat snap ik niet" right after an answer', () => {
  it('is no handoff for a vulnerable citizen: sorry, ask it in your own words, or a person (ja brings one)', async () => {
    for (const before of ['wanneer zijn jullie open', 'hoe vraag ik een paspoort aan', 'ik ga verhuizen']) {
      for (const asked of ['dat snap ik niet', 'dat begrijp ik niet', 'snap ik niet', 'ik snap het niet.', 'sorry dat begrijp ik niet']) {
        const replies = await say(loket, await saidAlready(loket, before), asked);
        expect({ before, asked, replies }).toEqual({ before, asked, replies: [expect.stringMatching(/^Sorry, dat was niet duidelijk\..*eigen woorden.*Zal ik een medewerker vragen\? Antwoord met ja of nee\.$/)] });
      }
    }
    const id = await saidAlready(loket, 'ik ga verhuizen', 'dat snap ik niet');
    expect((await say(loket, id, 'ja')).join(' ')).toMatch(/medewerker/i);
    expect(await after(['I am moving house'], "I don't understand")).toMatch(/^Sorry, that was not clear\..*Shall I ask a staff member\?/);
  });

  it('after a status: the status in plain words', async () => {
    expect(await after([PARKING], 'dat snap ik niet')).toMatch(/^Dat betekent: u krijgt wat u heeft aangevraagd\./);
  });

  it('with no answer before it, a person explains it, as before', async () => {
    expect(await after([], 'dat snap ik niet')).toMatch(/Een medewerker legt het u graag rustig uit\./);
  });
});

describe('"hoe lang duurt dat?" right after the move', () => {
  it('says the answer names no time it takes, with what it does say on time, and who knows; not "staat hierboven"', async () => {
    for (const [before, asked] of [['ik ga verhuizen', 'hoe lang duurt dat'], ['ik ga verhuizen', 'hoelang duurt t'], ['hoe geef ik mn verhuizing door', 'hoe lang duurt het?']] as const) {
      const said = await after([before], asked);
      expect({ before, asked, said }).toEqual({ before, asked, said: expect.stringMatching(/^Hoe lang het duurt, staat niet in mijn antwoord\. Wel staat erin: Doe dat binnen 5 dagen na uw verhuizing\..*medewerker/) });
    }
    expect(await after(['I am moving house'], 'how long does that take')).toMatch(/^My answer does not say how long it takes\. It does say: Do this within 5 days of moving\./);
  });
});

describe('the move asked in English', () => {
  it('"how do I report my move?" gets the move\'s answer with the desk for those without DigiD, as the Dutch question does', async () => {
    expect(await after([], 'hoe geef ik mijn verhuizing door')).toMatch(/Heeft u geen DigiD\? Dan kan het ook aan de balie\./);
    for (const asked of ['how do I report my move', 'how do I report a move?', 'where can i report my move']) {
      const said = await after([], asked);
      expect({ asked, said }).toEqual({ asked, said: expect.stringMatching(/^You report a new address at www\.voorbeeld\.nl\/verhuizen\. It is free\..*No DigiD\? Then you can also do it at the desk\./) });
    }
    expect(await after([], 'I want to move my appointment')).toMatch(/^Want to move or cancel your appointment\?/);
  });
});
