/**
 * Follow-ups found wrong by talking to the demo: deferral of payment right after objecting got when a benefit is
 * paid, and whether there is a form the general answer on papers; a fine right after the move got the parking
 * fine; when to pay right after the parking permit's status got where its price is; with the contact centre open day
 * and night, "ook op zaterdag?" got the whole hours answer again; "how many times a year?" right after bulky waste got
 * "staat hierboven"; "wie is de burgemeester" was not understood. Each with variants of my own.
 */
import { describe, expect, it } from 'vitest';
import type { Loket } from '../../src/server/loket.ts';
import { PARKING, saidAfter } from '../support/loket.ts';
import { eachSaidAfter } from '../support/said-after.ts';
import { useLoket } from '../support/use-loket.ts';

let loket: Loket;
useLoket((started) => (loket = started));

const CRISIS = /113/;
const OBJECT_NL = 'ik wil bezwaar maken tegen mijn aanslag';
const OBJECT_EN = 'I want to object to my tax assessment';
const BENEFIT_DATES = /Een uitkering betalen we|A benefit is paid|We usually pay a benefit/;
const ABOVE = /staat in mijn antwoord hierboven|is in my answer above|Sorry, dat begrijp ik niet|Sorry, I did not understand/;

/** Each message, said right after `before`, gets a reply matching `said`. */
const eachAfter = (before: readonly string[], asked: readonly string[], said: RegExp, notSaid?: RegExp): Promise<void> => eachSaidAfter(loket, before, asked, said, notSaid);

describe('deferral of payment, right after the answer on objecting', () => {
  const DEFER_NL = /^Bezwaar maken geeft niet vanzelf uitstel van betaling\. U kunt wel om uitstel vragen\..*gemeentelijke belastingen.*aanmaning/;
  const DEFER_EN = /^An objection does not by itself delay the payment\. But you can ask for a deferral of payment.*municipal taxes.*reminder \(aanmaning\)/;

  it('says an objection does not delay paying by itself, how to ask for deferral, and what not paying brings', async () => {
    await eachAfter([OBJECT_NL], ['kan ik uitstel krijgen?', 'en als ik niet betaal?', 'kan ik later betalen?', 'uitstel van betaling?', 'wat als ik niet betaal'], DEFER_NL, BENEFIT_DATES);
    await eachAfter([OBJECT_EN], ['can I get a deferral?', 'what if I do not pay?', "and if i don't pay?", 'can I pay later?'], DEFER_EN, ABOVE);
    // After how long an objection takes, the same.
    await eachAfter([OBJECT_NL, 'hoe lang duurt dat?'], ['kan ik uitstel krijgen?'], DEFER_NL);
  });

  it('right after the parking fine, the same', async () => {
    await eachAfter(['ik heb een parkeerboete gekregen'], ['kan ik uitstel krijgen?', 'en als ik niet betaal?'], DEFER_NL, BENEFIT_DATES);
    await eachAfter(['I got a parking fine'], ['what if I do not pay?'], DEFER_EN);
  });

  it('more time for the objection itself is not deferral of payment', async () => {
    await eachAfter([OBJECT_NL], ['kan ik uitstel krijgen voor mijn bezwaar'], /./, /uitstel van betaling/);
  });

  it('whether to pay meanwhile keeps its own answer', async () => {
    await eachAfter([OBJECT_NL], ['moet ik dan eerst betalen?'], /^Ja\. .*Bezwaar maken geeft geen uitstel van betaling\./);
  });

  it('a crisis beside it still gets the crisis line', async () => {
    expect(await saidAfter(loket, [OBJECT_NL], 'kan ik uitstel krijgen? ik wil niet meer leven')).toMatch(CRISIS);
  });
});

describe('whether there is a form, right after an answer that says how', () => {
  const HOW_NL = /^In mijn antwoord staat: U kunt dat doen via www\.voorbeeld\.nl\/bezwaar of met een brief aan Gemeente Voorbeeld[^.]*\. Schrijf erin over welk besluit het gaat/;
  const PAPERS = /Welke papieren u nodig heeft|Which documents you need/;

  it('after objecting: its site or a letter, and what to write in it', async () => {
    await eachAfter([OBJECT_NL], ['moet ik een formulier invullen?', 'is er een formulier?', 'heb ik een formulier nodig', 'formulier nodig?', 'moet ik n formulier invullen'], HOW_NL, PAPERS);
    await eachAfter([OBJECT_EN], ['do I need to fill in a form?', 'is there a form?', 'do i need a form'], /^My answer says: You can object at www\.voorbeeld\.nl\/bezwaar or by letter[^.]*\. Write in it which decision/, PAPERS);
  });

  it('after the move: its site, or the desk without DigiD', async () => {
    await eachAfter(['ik ga verhuizen'], ['moet ik een formulier invullen?'], /^In mijn antwoord staat: Een nieuw adres geeft u door via www\.voorbeeld\.nl\/verhuizen\./, PAPERS);
  });

  it('a first message keeps the answer on papers', async () => {
    expect(await saidAfter(loket, [], 'moet ik een formulier invullen?')).toMatch(PAPERS);
  });

  it('a crisis beside it still gets the crisis line', async () => {
    expect(await saidAfter(loket, [OBJECT_NL], 'moet ik een formulier invullen? ik wil er niet meer zijn')).toMatch(CRISIS);
  });
});

describe('a fine, right after the answer on moving', () => {
  const FINE_NL = /^Geef uw verhuizing binnen 5 dagen na de verhuizing door, via www\.voorbeeld\.nl\/verhuizen\. Doet u dat te laat of helemaal niet\? Dan kan de gemeente u een boete geven, van hoogstens 325 euro\..*zo snel mogelijk/;
  const FINE_EN = /^Report your move within 5 days of moving, at www\.voorbeeld\.nl\/verhuizen\. If you report it late or not at all, the municipality can give you a fine, of at most 325 euros\..*as soon as possible/;
  const PARKING_FINE = /naheffingsaanslag|parkeerboete|parking fine|CJIB/;

  it('says within 5 days, that late or not at all may be fined, and as soon as possible', async () => {
    await eachAfter(['ik ga verhuizen'], ['krijg ik een boete?', 'krijg ik een boete als ik te laat ben?', 'kan ik een boete krijgen', 'boete?'], FINE_NL, PARKING_FINE);
    await eachAfter(['I am moving'], ['will I get a fine?', 'can I be fined?', 'is there a penalty?'], FINE_EN, PARKING_FINE);
    // Right after reporting late, the same.
    await eachAfter(['ik ga verhuizen', 'kan het ook later?'], ['krijg ik een boete?'], FINE_NL);
  });

  it('not reporting it at all is the same, not what not reporting a change in income brings', async () => {
    await eachAfter(['ik ga verhuizen'], ['wat als ik het niet doorgeef?'], FINE_NL, /te veel geld/);
    await eachAfter(['I am moving'], ["what happens if I dont report it?"], FINE_EN, ABOVE);
  });

  it('asked as a first message, the same', async () => {
    await eachAfter([], ['krijg ik een boete als ik mijn verhuizing te laat doorgeef'], FINE_NL, /Van wie is de boete/);
    await eachAfter([], ['will i get fined if i report my move late', 'is there a fine if i report my move late'], FINE_EN);
  });

  it('later without a fine named keeps the answer on reporting late', async () => {
    await eachAfter(['ik ga verhuizen'], ['kan het ook later?'], /^Geef uw verhuizing binnen 5 dagen na de verhuizing door, via www\.voorbeeld\.nl\/verhuizen\. Bent u te laat\?/);
  });

  it('a crisis beside it still gets the crisis line', async () => {
    expect(await saidAfter(loket, ['ik ga verhuizen'], 'krijg ik een boete? ik wil niet meer leven')).toMatch(CRISIS);
  });
});

describe('when to pay, right after the parking permit', () => {
  const PAY_NL = /^Hoe en wanneer u de parkeervergunning betaalt, staat in de brief met het besluit over uw vergunning\./;
  const PAY_EN = /^How and when you pay for the parking permit is in the letter with the decision on your permit\./;

  it('says the decision letter says how and when', async () => {
    await eachAfter([PARKING], ['wanneer moet ik betalen?', 'wanneer betaal ik?', 'wnr moet ik betalen'], PAY_NL, BENEFIT_DATES);
    await eachAfter([PARKING], ['when do I have to pay?', 'when do i pay', 'when is the payment due?'], PAY_EN, BENEFIT_DATES);
    await eachAfter([PARKING], ['moet ik per jaar betalen?', 'wnr moet ik t betalen'], PAY_NL, BENEFIT_DATES);
    await eachAfter(['hoe vraag ik een parkeervergunning aan'], ['wanneer moet ik betalen?'], PAY_NL);
  });

  it('its cost and the benefit status keep their answers', async () => {
    await eachAfter([PARKING], ['wat kost het?'], /^Wat een parkeervergunning kost, staat op www\.voorbeeld\.nl\/parkeren\./);
    await eachAfter(['Z-2026-000456 5678 CD 01-07-1992'], ['wanneer betaal ik?'], /^In uw zaak Z-2026-000456 staat: Eerste betaling op 1 december 2026\./);
  });

  it('a crisis beside it still gets the crisis line', async () => {
    expect(await saidAfter(loket, [PARKING], 'wanneer moet ik betalen? ik wil niet meer leven')).toMatch(CRISIS);
  });
});

describe('a day, right after the hours of a contact centre open day and night', () => {
  it('says one can call that day too, and the desk\'s day, not the whole answer again', async () => {
    await eachAfter(['wanneer zijn jullie open'], ['ook op zaterdag?', 'en zaterdag?', 'op zaterdag ook?'], /^U kunt ons bellen op 14 0123, ook op zaterdag \d+ \w+: dag en nacht\. Op zaterdag \d+ \w+ is de balie dicht\./, /Voor de balie maakt u eerst een afspraak/);
    await eachAfter(['what are your opening hours'], ['are you open on sunday?', 'and sunday?'], /^You can call us on 14 0123, on Sunday \d+ \w+ too: day and night\. On Sunday \d+ \w+ the desk is closed\./);
  });

  it('a first question on a day keeps the whole answer', async () => {
    expect(await saidAfter(loket, [], 'zijn jullie zaterdag open')).toMatch(/^U kunt ons bellen op 14 0123, dag en nacht, elke dag\./);
  });

  it('a crisis beside it still gets the crisis line', async () => {
    expect(await saidAfter(loket, ['wanneer zijn jullie open'], 'ook op zaterdag? ik wil niet meer leven')).toMatch(CRISIS);
  });
});

describe('how often, right after the answer on bulky waste', () => {
  const TIMES_NL = /Grofvuil laten ophalen is 4 keer per jaar gratis\./;
  const TIMES_EN = /Having bulky waste collected is free 4 times a year\./;

  it('says how often it is free, in the language asked', async () => {
    await eachAfter(['hoe kan ik grofvuil laten ophalen'], ['how many times a year?', 'how often can I do that?'], TIMES_EN, ABOVE);
    await eachAfter(['hoe kan ik grofvuil laten ophalen', 'grofvuil laten ophalen'], ['hoe vaak per jaar?', 'hoe vaak?', 'hoeveel keer per jaar?'], TIMES_NL, ABOVE);
    await eachAfter(['where can I leave bulky waste', 'grofvuil laten ophalen'], ['how often?'], TIMES_EN, ABOVE);
  });

  it('right after the cost of bulky waste: that sentence, not the whole answer and a person', async () => {
    await eachAfter(['wat kost grofvuil ophalen?'], ['hoeveel keer per jaar?'], /^In mijn antwoord staat: Grofvuil laten ophalen is 4 keer per jaar gratis\./, /medewerker vragen\? Antwoord met ja of nee/);
  });

  it('the question itself gets the answer on bulky waste, not the office hours, and its appointment after it', async () => {
    expect(await saidAfter(loket, [], 'hoe kan ik grofvuil laten ophalen')).toMatch(/Wilt u grofvuil laten ophalen\? Maak een afspraak op www\.voorbeeld\.nl\/grofvuil/);
    await eachAfter(['hoe kan ik grofvuil laten ophalen', 'waar is de milieustraat'], ['hoe maak ik een afspraak?'], /^In mijn antwoord staat: Maak een afspraak op www\.voorbeeld\.nl\/grofvuil/);
    await eachAfter(['where is the recycling centre'], ['how do i make an appointment?'], /^My answer says: Make an appointment on www\.voorbeeld\.nl\/grofvuil/);
  });

  it('a crisis beside it still gets the crisis line', async () => {
    expect(await saidAfter(loket, ['hoe kan ik grofvuil laten ophalen'], 'how many times a year? i want to end it all')).toMatch(CRISIS);
  });
});

describe('who the mayor is', () => {
  it('says the assistant knows no names, where they are, and what the college and the council are', async () => {
    await eachAfter([], ['wie is de burgemeester', 'wie is eigenlijk de burgemeester hier', 'hoe heet de burgemeester', 'wie zijn de wethouders', 'wie is de burgmeester', 'wie is de wethouder van zorg', 'wie zit er in de gemeenteraad'], /^Namen van mensen weet ik niet\. Wie de burgemeester, de wethouders en de raadsleden zijn, ziet u op www\.voorbeeld\.nl\./);
    await eachAfter([], ['who is the mayor', 'who is the mayor here', 'what is the name of the mayor?', 'who is the alderman for housing'], /^I do not know the names of people\. Who the mayor, the aldermen and the council members are, you can see on www\.voorbeeld\.nl\./);
  });

  it('a crisis beside it still gets the crisis line', async () => {
    expect(await saidAfter(loket, [], 'wie is de burgemeester? ik wil niet meer leven')).toMatch(CRISIS);
  });
});
