/**
 * Follow-ups found wrong by probing the web chat after a status or an answer: "en daarna elke maand?" after a
 * benefit's status got "Dat kan ik niet beantwoorden"; "ik ben het er niet mee eens" after a granted decision the
 * general objection answer, and "i disagree" after a Dutch status a Dutch answer; "wanneer kan ik mijn rijbewijs
 * ophalen" how to apply; "do i also need to tell the tax office" after the move (9 words) the answer's sentence on
 * DigiD; "kan ik het online wijzigen?" after the dormer's status how to report a new address; "do i need to print
 * it" after the parking permit the documents to send; "is it linked to my car" a needless check-in; "wanneer hoor
 * ik meer" what the status means again; and questions on social housing and a landlord and registering
 * "Sorry, I did not understand that" or how to register on arrival. Each with variants of my own.
 */
import { describe, expect, it } from 'vitest';
import type { Loket } from '../../src/server/loket.ts';
import { DORMER, PARKING, saidAfter } from '../support/loket.ts';
import { useLoket } from '../support/use-loket.ts';

let loket: Loket;
useLoket((started) => (loket = started));

const BENEFIT = 'Z-2026-000456 5678 CD 01-07-1992';

/** Each message, said right after `before`, gets a reply matching `said`. */
async function eachAfter(before: readonly string[], asked: readonly string[], said: RegExp): Promise<void> {
  for (const a of asked) expect({ asked: a, said: await saidAfter(loket, before, a) }).toEqual({ asked: a, said: expect.stringMatching(said) });
}

describe('"en daarna elke maand?" right after the status of a benefit with its first payment', () => {
  it('says it is paid every month after the first payment', async () => {
    await eachAfter([BENEFIT], ['en daarna elke maand?', 'krijg ik het daarna elke maand', 'en de maanden daarna?', 'daarna elke mnd?', 'is dat maandelijks?', 'en de maand erna ook?'], /^Ja\. Na de 1e betaling krijgt u uw uitkering elke maand\./);
    await eachAfter([BENEFIT], ['and every month after that?', 'is it paid every month?', 'and after that monthly?', 'and the month after?'], /^Yes\. After the first payment you get your benefit every month\./);
  });

  it('not after a status with no payment in it', async () => {
    expect(await saidAfter(loket, [DORMER], 'en daarna elke maand?')).not.toMatch(/uitkering elke maand/);
  });
});

describe('not agreeing right after a granted decision', () => {
  it('says one may object only when the decision is not what was asked, and how', async () => {
    for (const status of [PARKING, BENEFIT]) {
      await eachAfter([status], ['ik ben het er niet mee eens', 'kan ik bezwaar maken?', 'niet mee eens'], /^U krijgt wat u heeft aangevraagd\. Bezwaar maken helpt dan alleen als het besluit niet is wat u vroeg\..*binnen 6 weken.*14 0123/);
    }
  });

  it('in English when the citizen writes English after a Dutch status', async () => {
    await eachAfter([PARKING], ['i disagree', 'I do not agree with this', 'can i object?'], /^You get what you applied for\. Objecting only helps if the decision is not what you asked for\./);
    await eachAfter([DORMER], ['i disagree'], /^There is no decision on your application yet\. You can only object once there is a decision\./);
  });
});

describe('"wanneer hoor ik meer" right after a status', () => {
  it('says when they hear, not what the status means', async () => {
    await eachAfter([DORMER], ['wanneer hoor ik meer', 'wanneer hoor ik iets?', 'wnr hoor ik wat'], /^U hoort van ons als er een besluit is\. U krijgt het besluit in een brief of e-mail\. In uw zaak Z-2026-000123 staat: Besluit uiterlijk 15 januari 2027\. Heeft u op die datum nog niets gekregen\? Bel dan 14 0123\./);
    await eachAfter([DORMER], ['when will i hear back', 'when do i hear from you?'], /^You will hear from us when there is a decision\. You get the decision in a letter or e-mail\. .*Besluit uiterlijk 15 januari 2027.*call 14 0123/);
  });
});

describe('the parking permit is digital', () => {
  it('"do i need to print it" after its status: nothing to print', async () => {
    await eachAfter([PARKING], ['do i need to print it', 'moet ik hem uitprinten?', 'moet ik het printen', 'should I print it out?'], /^(No, you do not need to print anything|Nee, u hoeft niets te printen)\. (Your parking permit is digital|Uw parkeervergunning is digitaal)/);
  });

  it('"do i need to print it" after the answer on applying: nothing to print, not that answer again', async () => {
    await eachAfter(['how do i get a parking permit'], ['do i need to print it', 'should i print it out'], /^No, you do not need to print anything\. Your parking permit is digital\./);
    await eachAfter(['ik wil een parkeervergunning'], ['moet ik hem printen', 'moet ik m uitprinten?'], /^Nee, u hoeft niets te printen\. Uw parkeervergunning is digitaal\./);
  });

  it('"is it linked to my car" just answers yes, with no check-in', async () => {
    for (const before of [[PARKING], ['how do i get a parking permit']]) {
      for (const asked of ['is it linked to my car', 'is it tied to my licence plate']) {
        const said = await saidAfter(loket, before, asked);
        expect({ asked, said }).toEqual({ asked, said: expect.stringMatching(/^Yes\. Your parking permit is linked to your car's licence plate/) });
        expect(said).not.toMatch(/are you all right|113/);
      }
    }
    expect(await saidAfter(loket, [PARKING], 'is hij gekoppeld aan mijn auto')).toMatch(/^Ja\. Uw parkeervergunning hoort bij het kenteken van uw auto/);
  });

  it('a crisis in the same words still gets the crisis line', async () => {
    expect(await saidAfter(loket, [PARKING], 'is it linked to my car, i want to end my life')).toMatch(/113/);
  });
});

describe('changing the application right after its status', () => {
  it('the dormer, in Dutch as in English: how to change the application, not a new address', async () => {
    await eachAfter([DORMER], ['kan ik het online wijzigen?', 'kan ik het nog wijzigen', 'kan ik t nog aanpassen', 'kan ik nog iets veranderen?'], /^Wilt u iets veranderen aan uw aanvraag, zoals de tekening\?/);
    expect(await saidAfter(loket, [DORMER], 'can i still change it')).toMatch(/^Do you want to change something in your application/);
  });

  it('the parking permit likewise: how to change the permit', async () => {
    await eachAfter([PARKING], ['kan ik het online wijzigen?', 'kan ik hem wijzigen'], /^Wilt u iets veranderen aan uw parkeervergunning of uw aanvraag/);
    await eachAfter([PARKING], ['can i still change it'], /^Do you want to change something in your parking permit or your application/);
  });

  it('a new address asked in so many words keeps its answer', async () => {
    expect(await saidAfter(loket, [DORMER], 'kan ik mijn adres wijzigen')).toMatch(/^Een nieuw adres geeft u door/);
  });
});

describe('other bodies told of a move, asked in English one word longer', () => {
  it('gets the same answer as the Dutch question', async () => {
    expect(await saidAfter(loket, ['ik ben verhuisd'], 'moet ik het ook aan de belastingdienst doorgeven')).toMatch(/^Nee\. Instanties van de overheid/);
    await eachAfter(['ik ben verhuisd'], ['do i also need to tell the tax office', 'do i need to tell the tax office too'], /^No\. Government bodies, such as the tax office/);
    await eachAfter(['I moved house'], ['do i also need to tell the tax office', 'do I have to tell the tax office too?'], /^No\. Government bodies, such as the tax office/);
  });
});

describe('collecting a driving licence (or passport) that was applied for', () => {
  const COLLECT_NL = /^Uw nieuwe paspoort, ID-kaart of rijbewijs is meestal ongeveer 5 werkdagen na de aanvraag klaar\. U haalt het op bij de balie.*afspraak.*Kijk in de brief of e-mail van de gemeente, of bel 14 0123\./;
  const COLLECT_EN = /^Your new passport, ID card or driving licence is usually ready about 5 working days after you apply\. You collect it at the desk.*appointment.*call 14 0123\./;
  it('says when and how, not how to apply', async () => {
    await eachAfter([], ['wanneer kan ik mijn rijbewijs ophalen', 'wnr kan ik mn rijbewijs ophalen?', 'wanneer kan ik mijn paspoort ophalen', 'wanneer mag ik mijn rijbewijs afhalen', 'is mijn rijbewijs al klaar om op te halen'], COLLECT_NL);
    await eachAfter([], ['when can i pick up my driving licence', 'when can I collect my new passport?'], COLLECT_EN);
  });

  it('where to collect it, and someone else collecting it, keep their own answers', async () => {
    expect(await saidAfter(loket, [], 'waar kan ik mijn rijbewijs ophalen')).toMatch(/^Uw paspoort, ID-kaart of rijbewijs haalt u op bij de balie/);
    expect(await saidAfter(loket, [], 'mag mijn man mijn rijbewijs ophalen?')).not.toMatch(COLLECT_NL);
  });
});

describe('social housing, and a landlord and registering at an address', () => {
  it('points to housing corporations and the regional housing site: the municipality keeps no waiting list', async () => {
    await eachAfter([], ['how do i register with a housing corporation', 'how long is the waiting list for social housing', 'im looking for a rental home'], /^You rent social housing from a housing corporation \(woningcorporatie\)\..*WoonNet.*The municipality does not keep a list of who is waiting\..*14 0123/);
    await eachAfter([], ['ik wil me inschrijven voor een sociale huurwoning', 'hoe lang is de wachtlijst voor een huurwoning', 'hoe kom ik aan een sociale huurwoning', 'ik zoek een huurwoning', 'wachtlijst sociale huur hoe lang'], /^Een huis met sociale huur huurt u van een woningcorporatie\..*WoonNet.*Wie er wacht en hoe lang, houdt de gemeente niet bij\..*14 0123/);
  });

  it('a landlord cannot register or deregister anyone: one\'s own duty, and the municipality investigates', async () => {
    await eachAfter([], ['my landlord deregistered me', 'the landlord took me off the register'], /^A landlord cannot deregister you\..*checks the address\..*your own duty \(Wet BRP\).*14 0123/);
    await eachAfter([], ['mijn huisbaas heeft mij uitgeschreven', 'verhuurder heeft me uitgeschreven uit de brp'], /^Een verhuurder kan u niet uitschrijven\..*onderzoek naar het adres\..*14 0123/);
    await eachAfter([], ['my landlord says i dont have to register', 'landlord wont let me register'], /^In the Netherlands you must register at the address where you live\. That is the law \(Wet BRP\)\. Your landlord cannot forbid that\..*14 0123/);
    await eachAfter([], ['mijn verhuurder zegt dat ik me niet mag inschrijven', 'de verhuurder wil niet dat ik me inschrijf'], /^In Nederland moet u zich inschrijven op het adres waar u woont\..*14 0123/);
  });

  it('a crisis in the same words still gets the crisis line', async () => {
    expect(await saidAfter(loket, [], 'ik sta al jaren op de wachtlijst voor een sociale huurwoning en ik wil niet meer leven')).toMatch(/113/);
    expect(await saidAfter(loket, [], 'my landlord deregistered me and i want to end my life')).toMatch(/113/);
  });
});

describe('found nearby, probing variants of my own', () => {
  it('"wanneer weet ik meer", "hoe lang moet ik nog wachten" right after a status: when news comes, not the status again', async () => {
    await eachAfter([DORMER], ['wanneer weet ik meer', 'hoe lang moet ik nog wachten'], /^U hoort van ons als er een besluit is\..*15 januari 2027/);
    await eachAfter([DORMER], ['when will i know', 'how long do i have to wait'], /^You will hear from us when there is a decision\..*15 januari 2027/);
  });

  it('"do i need a sticker" right after the parking permit\'s status: it is digital', async () => {
    await eachAfter([PARKING], ['do i need a sticker', 'krijg ik een vignet'], /(Your parking permit is digital|Uw parkeervergunning is digitaal)/);
  });
});

describe('found nearby: collecting, and a landlord, in other words', () => {
  it('collecting an ID card or a licence in SMS style or with a typo: when and how, not the case number', async () => {
    await eachAfter([], ['wanneer kan ik mijn id kaart ophalen', 'wanneer kn ik mn rijbwijs ophalen', 'rijbewijs ophalen wanneer'], /^Uw nieuwe paspoort, ID-kaart of rijbewijs is meestal ongeveer 5 werkdagen na de aanvraag klaar\./);
    await eachAfter([], ['when can i pickup my passport'], /^Your new passport, ID card or driving licence is usually ready about 5 working days after you apply\./);
  });

  it('"can my wife pick up my passport" (read surely as the case question): who may collect it, not the case number', async () => {
    expect(await saidAfter(loket, [], 'can my wife pick up my passport')).toMatch(/^You collect a passport or ID card yourself\./);
  });

  it('"removed me from the brp", "hoef me niet in te schrijven": the landlord\'s answers', async () => {
    expect(await saidAfter(loket, [], 'my landlord removed me from the brp')).toMatch(/^A landlord cannot deregister you\./);
    expect(await saidAfter(loket, [], 'huisbaas zegt ik hoef me niet in te schrijven')).toMatch(/^In Nederland moet u zich inschrijven op het adres waar u woont\./);
  });
});

describe('found nearby: a home needed urgently, and what registering costs', () => {
  it('urgency and a house to rent get the social housing answer, with priority via 14 0123', async () => {
    await eachAfter([], ['ik heb dringend een huis nodig', 'urgentie aanvragen voor een woning'], /^Een huis met sociale huur huurt u van een woningcorporatie\..*eerder een woning kunt krijgen/);
    await eachAfter([], ['where can i find a house to rent'], /^You rent social housing from a housing corporation/);
  });

  it('"moet ik daarvoor betalen" right after it: the regional site says whether registering costs money', async () => {
    expect(await saidAfter(loket, ['ik wil me inschrijven voor een sociale huurwoning'], 'moet ik daarvoor betalen')).toMatch(/of inschrijven geld kost/);
  });

  it('losing one\'s home still brings a person first', async () => {
    expect(await saidAfter(loket, [], 'ik word over 2 weken dakloos en sta op de wachtlijst voor een huurwoning')).toMatch(/^Ik hoor dat u geen huis heeft, of dat u uw huis dreigt kwijt te raken\./);
  });
});

describe('found nearby: more ways to ask when news comes, and the permit and other cars', () => {
  it('"wanneer hoor ik er meer over", "ok en wanneer hoor ik dan iets", "when will you let me know": when news comes', async () => {
    await eachAfter([DORMER], ['wanneer hoor ik er meer over', 'ok en wanneer hoor ik dan iets'], /^U hoort van ons als er een besluit is\./);
    await eachAfter([DORMER], ['when will you let me know'], /^You will hear from us when there is a decision\./);
  });

  it('"is it connected to my licence plate" and "does it work for any car" after the permit\'s status', async () => {
    expect(await saidAfter(loket, [PARKING], 'is it connected to my licence plate')).toMatch(/^Yes\. Your parking permit is linked to your car's licence plate/);
    expect(await saidAfter(loket, [PARKING], 'does it work for any car')).toMatch(/^Your parking permit goes with one licence plate: the plate on your permit\. It only applies to that vehicle\./);
  });
});

describe('found nearby: "does it cost anything" right after an answer that says', () => {
  it('quotes that answer\'s sentence on cost, not what municipal services cost in general', async () => {
    expect(await saidAfter(loket, ['how do i register with a housing corporation'], 'does it cost anything')).toMatch(/^My answer says: .*whether registering costs money\./);
    expect(await saidAfter(loket, ['I moved house'], 'does it cost anything')).toMatch(/^My answer says: It is free\./);
  });
});
