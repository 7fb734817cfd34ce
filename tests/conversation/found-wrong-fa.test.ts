/**
 * Follow-ups found wrong by talking to the demo: "do i need a photo?" right after the answer on a passport got the
 * general answer on which papers an application needs, not the passport photo that answer names; a bare "kosten?" or
 * "prijs?" right after the status of a benefit or a parking permit got "Dat kan ik niet beantwoorden"; "kan het ook
 * later?" right after the move got "Wat ik erover weet, staat hierboven", while the answer says by when. Each with
 * variants of my own.
 */
import { describe, expect, it } from 'vitest';
import type { Loket } from '../../src/server/loket.ts';
import { DORMER, PARKING, saidAfter } from '../support/loket.ts';
import { eachSaidAfter } from '../support/said-after.ts';
import { useLoket } from '../support/use-loket.ts';

let loket: Loket;
useLoket((started) => (loket = started));

const BENEFIT = 'Z-2026-000456 5678 CD 01-07-1992';
const PASSPORT_NL = 'hoe vraag ik een paspoort aan';
const PHOTO_NL = /pasfoto[^.]*niet ouder dan 6 maanden/;
const PHOTO_EN = /passport photo[^.]*not older than 6 months/;
const PAPERS = /Welke papieren u nodig heeft|Which documents you need/;
const CANNOT = /Dat kan ik niet beantwoorden|I cannot answer that|staat in mijn antwoord hierboven|is in my answer above/;

/** Each message, said right after `before`, gets a reply matching `said`. */
const eachAfter = (before: readonly string[], asked: readonly string[], said: RegExp, notSaid?: RegExp): Promise<void> => eachSaidAfter(loket, before, asked, said, notSaid);

describe('whether a photo is needed, right after the answer on an identity document', () => {
  it('after a passport: the passport photo that answer names, in the language asked', async () => {
    await eachAfter([PASSPORT_NL], ['do i need a photo?', 'do I need a picture?', 'need a photo?'], PHOTO_EN, PAPERS);
    await eachAfter([PASSPORT_NL], ['moet er een foto bij?', 'heb ik een foto nodig?', 'foto nodig?', 'heb ik een pasfoto nodig?', 'moet er ook een pasfoto bij'], PHOTO_NL, PAPERS);
    await eachAfter(['how do i apply for a passport'], ['do i need a photo?', 'is a photo needed?'], PHOTO_EN, PAPERS);
  });

  it('after an ID card or a driving licence: the same', async () => {
    await eachAfter(['ik wil een nieuwe id kaart'], ['moet er een foto bij?', 'heb ik een foto nodig'], PHOTO_NL, PAPERS);
    await eachAfter(['ik wil mijn rijbewijs verlengen'], ['moet er een foto bij?', 'heb ik een foto nodig?'], PHOTO_NL, PAPERS);
    await eachAfter(['how do i renew my driving licence'], ['do i need a photo?'], PHOTO_EN, PAPERS);
  });

  it('a thing the answer does not name is not answered with the photo', async () => {
    await eachAfter([PASSPORT_NL], ['heb ik een digid nodig?'], /^(?![\s\S]*pasfoto)/);
  });

  it('a crisis in such words still keeps its crisis line', async () => {
    expect(await saidAfter(loket, [PASSPORT_NL], 'heb ik een foto nodig? ik wil er niet meer zijn')).toMatch(/113/);
  });
});

describe('a bare cost question right after a status', () => {
  it('after a parking permit: what that permit costs', async () => {
    await eachAfter([PARKING], ['prijs?', 'kosten?', 'wat kost het?', 'kost het wat?'], /^Wat een parkeervergunning kost, staat op www\.voorbeeld\.nl\/parkeren\./, CANNOT);
    await eachAfter([PARKING], ['how much does it cost?', 'price?'], /^What a parking permit costs is on www\.voorbeeld\.nl\/parkeren/, CANNOT);
    await eachAfter([DORMER], ['prijs?'], /^Wat een omgevingsvergunning kost \(de leges\)/, CANNOT);
  });

  it('after a benefit: applying costs nothing, and the amount is in the decision letter', async () => {
    await eachAfter([BENEFIT], ['kosten?', 'prijs?', 'wat kost het?', 'wat zijn de kosten', 'en wat kost dat?'], /aanvragen is gratis[\s\S]*brief met het besluit/, CANNOT);
    await eachAfter([BENEFIT], ['how much does it cost?', 'price?', 'costs?', 'what does it cost?'], /is free[\s\S]*decision letter/, CANNOT);
  });

  it('"hoeveel?" there is still how much one gets', async () => {
    await eachAfter([BENEFIT], ['hoeveel?'], /^In uw zaak Z-2026-000456 staat: Eerste betaling op 1 december 2026\. Hoeveel u krijgt/);
  });

  it('right after a plain answer, a bare "prijs?" is what that answer says on cost', async () => {
    await eachAfter(['ik ga verhuizen'], ['prijs?'], /^In mijn antwoord staat: [^.]*Dat is gratis\./);
  });

  it('a crisis in such words still keeps its crisis line', async () => {
    expect(await saidAfter(loket, [BENEFIT], 'kosten? ik wil er niet meer zijn')).toMatch(/113/);
    expect(await saidAfter(loket, [PARKING], 'prijs? i want to end it all')).toMatch(/113/);
  });
});

describe('later than the answer on moving says', () => {
  const LATE_NL = /binnen 5 dagen[\s\S]*zo snel mogelijk/;
  const LATE_EN = /within 5 days[\s\S]*as soon as (possible|you can)/;
  it('says within 5 days, and later: as soon as possible', async () => {
    await eachAfter(['ik ga verhuizen'], ['kan het ook later?', 'te laat doorgegeven, erg?', 'kan ik het later doorgeven?', 'wat als ik te laat ben?', 'en als ik te laat ben'], LATE_NL, CANNOT);
    await eachAfter(['I am moving'], ['what if I am late?', "what if i'm late?", 'can I do it later?', 'is it a problem if i report it late?'], LATE_EN, CANNOT);
  });

  it('a crisis in such words still keeps its crisis line', async () => {
    expect(await saidAfter(loket, ['ik ga verhuizen'], 'kan het ook later? ik wil er niet meer zijn')).toMatch(/113/);
    expect(await saidAfter(loket, ['I am moving'], "what if i'm late? i want to end it all")).toMatch(/113/);
  });
});

describe('more short follow-ups found wrong by probing', () => {
  it('"wat heb ik nodig?" right after an answer that says what one needs: that sentence', async () => {
    await eachAfter(['ik ga verhuizen'], ['wat heb ik nodig', 'wat heb ik daarvoor nodig?'], /^In mijn antwoord staat: U heeft uw DigiD nodig\./, PAPERS);
    await eachAfter(['I am moving'], ['what do i need?'], /^My answer says: You need your DigiD\./, PAPERS);
    await eachAfter([PASSPORT_NL], ['wat heb ik nodig?'], PHOTO_NL, PAPERS);
  });

  it('"moet ik mijn oude inleveren?" right after the answer on an ID card: its old one among what to bring', async () => {
    await eachAfter(['ik wil een nieuwe id kaart'], ['moet ik mijn oude inleveren?', 'moet ik de oude meenemen'], /^In mijn antwoord staat: Neem mee: [^.]*uw oude paspoort, ID-kaart of rijbewijs\./, PAPERS);
    await eachAfter(['how do i apply for a passport'], ['do i have to hand in my old one?'], /^My answer says: Bring [^.]*your old passport/, PAPERS);
  });

  it('"mag de foto van de hema?" right after the answer on a passport: what the photo must be like', async () => {
    await eachAfter([PASSPORT_NL], ['mag de foto van de hema', 'mag ik een foto uit de automaat'], /^Een pasfoto voor een paspoort, ID-kaart of rijbewijs is niet ouder dan 6 maanden\./, CANNOT);
  });

  it('"kan ik zolang rijden?" right after renewing a driving licence: driving in the meantime', async () => {
    await eachAfter(['ik wil mijn rijbewijs verlengen'], ['kan ik zolang rijden?', 'mag ik zolang rijden'], /^Is uw huidige rijbewijs nog geldig\? Dan mag u ermee blijven rijden/, CANNOT);
  });

  it('"hoe lang is ie geldig" (SMS for "hij") right after a parking permit\'s status: the permit, not a passport', async () => {
    await eachAfter([PARKING], ['hoe lang is ie geldig', 'is ie nog geldig?'], /^Een parkeervergunning voor bewoners is 1 jaar geldig\./, /paspoort/);
  });

  it('"en voor bezoek?" right after the answer on a parking permit: the visitors\' permit', async () => {
    await eachAfter(['parkeervergunning aanvragen'], ['en voor bezoek?', 'voor mijn bezoek?'], /^Uw eigen parkeervergunning geldt niet voor uw bezoek\./, CANNOT);
  });

  it('right after the move: reporting already now, forgetting it, and a partner moving along', async () => {
    await eachAfter(['ik ga verhuizen'], ['kan ik het nu al doen?', 'kan ik het alvast doorgeven?'], /tot 4 weken voor de verhuisdatum/, /Nu is de balie open/);
    await eachAfter(['I am moving'], ['can i do it now already?', 'can I report it before I move?'], /up to 4 weeks before the moving date/, /desk is open/);
    await eachAfter(['ik ga verhuizen'], ['vergeten door te geven', 'ik ben vergeten het door te geven'], /binnen 5 dagen[\s\S]*zo snel mogelijk/, /te veel geld/);
    await eachAfter(['I am moving'], ['I forgot to report it'], /within 5 days[\s\S]*as soon as possible/, /too much money/);
    await eachAfter(['ik ga verhuizen'], ['moet mijn vriendin ook?', 'moet mijn partner ook?'], /^Verhuist uw gezin mee\?/, /schriftelijke machtiging/);
  });

  it('"moet ik zelf komen?" right after the answer on a passport: that one comes to the desk oneself', async () => {
    await eachAfter([PASSPORT_NL], ['moet ik zelf komen', 'moet ik persoonlijk langskomen?'], /^In mijn antwoord staat: [^.]*\. Online aanvragen kan niet: u komt zelf naar de balie\./, PAPERS);
    await eachAfter(['how do i apply for a passport'], ['do i have to come in person?'], /you come to the desk yourself/, /make sure a person helps you/);
  });

  it('"foto\'s?" alone right after the answer on a passport: what the photo must be like', async () => {
    await eachAfter([PASSPORT_NL], ["foto's?", 'fotos?'], /^Een pasfoto voor een paspoort, ID-kaart of rijbewijs is niet ouder dan 6 maanden\./, CANNOT);
  });

  it('"tot wanneer geldig?" with no word pointing back, right after a parking permit\'s status: the permit; a passport named is the passport', async () => {
    await eachAfter([PARKING], ['tot wanneer geldig?', 'hoelang geldig?'], /^Een parkeervergunning voor bewoners is 1 jaar geldig\./, /paspoort/);
    await eachAfter([PARKING], ['hoe lang is mijn paspoort geldig?'], /Een paspoort en een ID-kaart zijn 10 jaar geldig/);
  });

  it('a crisis in such words still keeps its crisis line', async () => {
    expect(await saidAfter(loket, ['how do i apply for a passport'], 'do i have to come in person? i want to end it all')).toMatch(/113/);
    expect(await saidAfter(loket, [PARKING], 'tot wanneer geldig? ik wil er niet meer zijn')).toMatch(/113/);
    expect(await saidAfter(loket, ['ik ga verhuizen'], 'vergeten door te geven, ik wil er niet meer zijn')).toMatch(/113/);
    expect(await saidAfter(loket, [PARKING], 'hoe lang is ie geldig? i want to end it all')).toMatch(/113/);
    expect(await saidAfter(loket, ['ik ga verhuizen'], 'wat heb ik nodig? ik wil er niet meer zijn')).toMatch(/113/);
  });
});
