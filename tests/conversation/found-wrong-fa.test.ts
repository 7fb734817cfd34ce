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
async function eachAfter(before: readonly string[], asked: readonly string[], said: RegExp, notSaid?: RegExp): Promise<void> {
  for (const a of asked) {
    const got = await saidAfter(loket, before, a);
    expect({ asked: a, said: got }).toEqual({ asked: a, said: expect.stringMatching(said) });
    if (notSaid) expect({ asked: a, said: got }).not.toEqual({ asked: a, said: expect.stringMatching(notSaid) });
  }
}

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
    await eachAfter([BENEFIT], ['kosten?', 'prijs?', 'wat kost het?', 'kost het wat?', 'wat zijn de kosten'], /aanvragen is gratis[\s\S]*brief met het besluit/, CANNOT);
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
