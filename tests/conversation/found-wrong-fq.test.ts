/**
 * Found wrong (helper fq): "moet ik mijn huurcontract meenemen?" right after the move got the papers an application
 * needs (income, case number); "why?" right after a Dutch answer got Dutch, "waarom?" right after an English one English;
 * the same postcode sent twice while the birth date was asked got the question again without a word on it; "parking?"
 * right after the town hall's address got the parking permit; "is het te laat?" as a first message got the opening
 * hours and the check-in. A crisis said beside it keeps its crisis line.
 */
import { describe, expect, it } from 'vitest';
import type { Loket } from '../../src/server/loket.ts';
import { saidAfter, saidAlready, say } from '../support/loket.ts';
import { eachSaidAfter } from '../support/said-after.ts';
import { useLoket } from '../support/use-loket.ts';

let loket: Loket;
useLoket((started) => (loket = started));

const CRISIS = /113/;
const CHECK_IN = /gaat het goed met u\?|are you all right\?/;

/** Each message, said right after `before`, gets a reply matching `said`. */
const eachAfter = (before: readonly string[], asked: readonly string[], said: RegExp, notSaid?: RegExp): Promise<void> => eachSaidAfter(loket, before, asked, said, notSaid);

describe('the rental contract right after the move', () => {
  const MOVE_NL = 'ik ga verhuizen, wat moet ik doen?';
  const MOVE_EN = 'i am moving, what do i need to do?';
  it('whether to bring it, not the papers for an application', async () => {
    await eachAfter([MOVE_NL], ['moet ik mijn huurcontract meenemen?', 'wat moet ik meenemen?'], /^Meestal hoeft u geen huurcontract mee te nemen/, /bewijs van uw inkomen/);
    await eachAfter([MOVE_EN], ['do i need to bring my rental contract?', 'what do i need to bring?'], /^Usually you do not need to bring or send your rental contract/, /proof of income/);
  });

  it('so does the whole question as a first message', async () => {
    await eachAfter([], ['moet ik bij een verhuizing mijn huurcontract meenemen?'], /^Meestal hoeft u geen huurcontract/);
    await eachAfter([], ['do i need my rental contract when i move?'], /^Usually you do not need to bring or send your rental contract/);
  });

  it('a crisis beside it keeps its crisis line', async () => {
    expect(await saidAfter(loket, [MOVE_NL], 'moet ik mijn huurcontract meenemen? ik wil dood')).toMatch(CRISIS);
    expect(await saidAfter(loket, [MOVE_EN], 'do i need to bring my rental contract? i want to die')).toMatch(CRISIS);
  });
});

describe('a question word alone in the other language, right after an answer', () => {
  const PASSPORT_NL = 'hoe vraag ik een paspoort aan?';
  const PASSPORT_EN = 'how do i apply for a passport?';
  it('"why?", "where?" after a Dutch answer are answered in English', async () => {
    await eachAfter([PASSPORT_NL], ['why?'], /^This answer comes from/);
    await eachAfter([PASSPORT_NL], ['where?'], /^My answer says: You apply for a passport/);
  });

  it('"waarom?", "hoeveel?" after an English answer are answered in Dutch', async () => {
    await eachAfter([PASSPORT_EN], ['waarom?', 'hoezo?'], /^Dit antwoord komt uit/);
    await eachAfter([PASSPORT_EN], ['hoeveel?'], /^Wat een paspoort, ID-kaart of rijbewijs kost/);
  });

  it('so does a day alone after the opening hours: "tomorrow?" after Dutch, "vandaag?" after English', async () => {
    // (Whatever day it is: the phone line comes first.)
    await eachAfter(['wanneer zijn jullie open?'], ['tomorrow?'], /^You can call us on 14 0123/);
    await eachAfter(['when are you open?'], ['vandaag?'], /^U kunt ons bellen op 14 0123/);
  });

  it('"what?" stays in the conversation\'s language', async () => {
    await eachAfter([PASSPORT_NL], ['what?'], /^Wat ik erover weet/);
  });

  it('a crisis beside it keeps its crisis line', async () => {
    expect(await saidAfter(loket, [PASSPORT_NL], 'why? i want to die')).toMatch(CRISIS);
    expect(await saidAfter(loket, [PASSPORT_EN], 'waarom? ik wil dood')).toMatch(CRISIS);
  });
});

describe('the same postcode sent twice during the status check', () => {
  it('says it is there already, then asks the birth date', async () => {
    for (const [lang, known, asked] of [
      ['nl', /^Die heb ik al, dank u\. Wat is uw geboortedatum\?/, 'Z-2026-000123'],
      ['en', /^I already have that, thank you\. What is your date of birth\?/, 'status of my application Z-2026-000123'],
    ] as const) {
      const id = await saidAlready(loket, asked, '1234 AB');
      expect({ lang, replies: await say(loket, id, '1234 AB') }).toEqual({ lang, replies: [expect.stringMatching(known)] });
      expect((await say(loket, id, '15-03-1980')).join(' ')).toMatch(/Z-2026-000123/);
    }
  });

  it('so does the birth date sent twice while the postcode is asked', async () => {
    await eachAfter(['Z-2026-000123', '15-03-1980'], ['15-03-1980'], /^Die heb ik al, dank u\. Wat is uw postcode\?/);
  });

  it('another postcode is still a change', async () => {
    await eachAfter(['Z-2026-000123', '1234 AB'], ['1234 AC'], /^Dank u, dat heb ik aangepast\./);
  });

  it('a crisis beside it keeps its crisis line', async () => {
    expect(await saidAfter(loket, ['Z-2026-000123', '1234 AB'], '1234 AB ik wil dood')).toMatch(CRISIS);
    expect(await saidAfter(loket, ['status of my application Z-2026-000123', '1234 AB'], '1234 AB i want to die')).toMatch(CRISIS);
  });
});

describe('parking right after the town hall\'s address', () => {
  const WHERE = /^My answer says: How to get there by bus, bike or car, and where to park/;
  it('where to park there, not a parking permit', async () => {
    await eachAfter(['what is your address?'], ['parking?', 'parking', 'and parking?'], WHERE, /parking permit/);
    await eachAfter(['wat is jullie adres?'], ['parkeren?', 'parkeren'], /^In mijn antwoord staat: Hoe u er komt met de bus, de fiets of de auto, en waar u kunt parkeren/, /parkeervergunning/);
  });

  it('a permit or a fine named is still the permit or the fine', async () => {
    await eachAfter(['what is your address?'], ['parking permit', 'how do i get a parking permit?'], /^You apply for a parking permit/);
    await eachAfter(['wat is jullie adres?'], ['parkeerboete?'], /parkeerboete/);
  });

  it('a crisis beside it keeps its crisis line', async () => {
    expect(await saidAfter(loket, ['what is your address?'], 'parking? i want to die')).toMatch(CRISIS);
    expect(await saidAfter(loket, ['wat is jullie adres?'], 'parkeren? ik wil dood')).toMatch(CRISIS);
  });
});

describe('being too late, as a first message', () => {
  it('the answer on being late, without the check-in or "I do not understand"', async () => {
    await eachAfter([], ['is het te laat?', 'ben ik nu te laat?', 'ik ben te laat', 'ben ik te laat?'], /^Bent u bang dat u te laat bent\?/, CHECK_IN);
    await eachAfter([], ['is it too late?', 'am i too late?'], /^Are you afraid you are too late\?/, CHECK_IN);
  });

  it('a crisis beside it keeps its crisis line', async () => {
    expect(await saidAfter(loket, [], 'is het te laat? ik wil dood')).toMatch(CRISIS);
    expect(await saidAfter(loket, [], 'is it too late? i want to die')).toMatch(CRISIS);
  });
});

describe('an appointment asked right after the move', () => {
  it('none needed online, not how to make one', async () => {
    await eachAfter(['ik ga verhuizen'], ['moet ik een afspraak maken?', 'heb ik een afspraak nodig?'], /^Nee, u hoeft niet zelf te komen\. U geeft uw verhuizing online door/, /afspraak maakt u op www\.voorbeeld\.nl\/afspraak/);
    await eachAfter(['i am moving, what do i need to do?'], ['do i need to make an appointment?', 'do i need an appointment?'], /^No, you do not need to come in yourself\./);
  });

  it('"hoe maak ik een afspraak?" still asks how', async () => {
    expect(await saidAfter(loket, ['ik ga verhuizen'], 'hoe maak ik een afspraak?')).not.toMatch(/^Nee/);
  });

  it('a crisis beside it keeps its crisis line', async () => {
    expect(await saidAfter(loket, ['ik ga verhuizen'], 'moet ik een afspraak maken? ik wil dood')).toMatch(CRISIS);
  });
});

describe('"and if it doesn\'t arrive?" right after when a benefit is paid', () => {
  const PAID = 'when is my benefit paid?';
  it('the sentence on nothing paid, without the check-in', async () => {
    await eachAfter([PAID], ['and if it doesn\'t arrive?', 'what if the money doesn\'t come?'], /^My answer says: Nothing paid, or is the amount wrong\?/, /are you all right\?/);
  });

  it('words of its own still get the check-in', async () => {
    expect(await saidAfter(loket, [PAID], 'what if i never come back')).toMatch(/are you all right\?/);
  });

  it('a crisis beside it keeps its crisis line', async () => {
    expect(await saidAfter(loket, [PAID], 'and if it doesn\'t arrive? i want to die')).toMatch(CRISIS);
  });
});

describe('Dutch with an English verb', () => {
  it('"kan ik mijn afspraak cancellen?": changing or cancelling the appointment, not the opening hours', async () => {
    await eachAfter([], ['kan ik mijn afspraak cancellen?'], /^Wilt u uw afspraak verzetten of afzeggen\?/);
  });

  it('"ik ben gemoved, moet ik iets doen?": the move, not "Sorry, dat begrijp ik niet"', async () => {
    await eachAfter([], ['ik ben gemoved, moet ik iets doen?'], /^Een nieuw adres geeft u door via www\.voorbeeld\.nl\/verhuizen\. Dat is gratis\./);
  });

  it('"moet ik mijn kids ook doorgeven?" right after the move: the family moving along, not every kind of detail', async () => {
    await eachAfter(['ik ga verhuizen'], ['moet ik mijn kids ook doorgeven?'], /^Verhuist uw gezin mee\?/);
  });

  it('a crisis beside it keeps its crisis line', async () => {
    expect(await saidAfter(loket, ['ik ga verhuizen'], 'moet ik mijn kids ook doorgeven? ik wil dood')).toMatch(CRISIS);
    expect(await saidAfter(loket, [], 'kan ik mijn afspraak cancellen? ik wil dood')).toMatch(CRISIS);
    expect(await saidAfter(loket, [], 'ik ben gemoved ik wil dood')).toMatch(CRISIS);
  });
});

describe('a broken bin right after the waste answer', () => {
  it('how to report it, not the whole waste answer again', async () => {
    await eachAfter(['waar kan ik mijn grofvuil kwijt?'], ['mijn container is kapot'], /^Is uw container kapot of niet geleegd\? Meld het op www\.voorbeeld\.nl\/melding\./, /Over afval vindt u alles/);
    await eachAfter(['where can i get rid of bulky waste?'], ['my bin is broken'], /^Is your bin broken or not emptied\? Report it on www\.voorbeeld\.nl\/melding\./, /Everything about waste/);
  });

  it('when the bin is emptied is still the waste answer', async () => {
    await eachAfter([], ['wanneer wordt mijn container geleegd?'], /^Over afval vindt u alles/);
  });

  it('a crisis beside it keeps its crisis line', async () => {
    expect(await saidAfter(loket, ['waar kan ik mijn grofvuil kwijt?'], 'mijn container is kapot ik wil dood')).toMatch(CRISIS);
    expect(await saidAfter(loket, ['where can i get rid of bulky waste?'], 'my bin is broken i want to die')).toMatch(CRISIS);
  });
});

describe('the price asked right after the passport', () => {
  it('where the fees are, not only that the price depends on age', async () => {
    await eachAfter(['how do i apply for a passport?'], ['price?'], /^What a passport, ID card or driving licence costs is on www\.voorbeeld\.nl\/leges\./);
    await eachAfter(['hoe vraag ik een paspoort aan?'], ['ok en de prijs?', 'wat is de price?', 'en de price?'], /^Wat een paspoort, ID-kaart of rijbewijs kost, staat op www\.voorbeeld\.nl\/leges\./);
  });

  it('a crisis beside it keeps its crisis line', async () => {
    expect(await saidAfter(loket, ['how do i apply for a passport?'], 'price? i want to die')).toMatch(CRISIS);
    expect(await saidAfter(loket, ['hoe vraag ik een paspoort aan?'], 'ok en de prijs? ik wil dood')).toMatch(CRISIS);
  });
});

describe('why, asked in the other language right after a status', () => {
  it('the time of the look-up as that language writes it', async () => {
    await eachAfter(['Z-2026-000123 1234 AB 15-03-1980'], ['why?'], /^I looked up the status of case Z-2026-000123 in the municipality's case system at \d\d:\d\d\./);
    await eachAfter(['status of my application Z-2026-000123', '1234 AB', '15-03-1980'], ['waarom?'], /^Ik heb de status van zaak Z-2026-000123 opgezocht in het zaaksysteem van de gemeente, om \d{1,2}\.\d\d uur\./);
  });

  it('a crisis beside it keeps its crisis line', async () => {
    expect(await saidAfter(loket, ['Z-2026-000123 1234 AB 15-03-1980'], 'why? i want to die')).toMatch(CRISIS);
  });
});
