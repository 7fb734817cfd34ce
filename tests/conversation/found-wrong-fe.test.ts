/**
 * Follow-ups found wrong by talking to the demo after an everyday question (not a case status), in English and in
 * SMS-style Dutch: "is het gratis?" right after the passport got "Wat ik erover weet, staat hierboven", while its fees
 * have an answer; "kost dat wat?" and "wat als ik te laat ben?" right after registering a birth got the same, while
 * the answer is known. Each with variants of my own.
 */
import { describe, expect, it } from 'vitest';
import type { Loket } from '../../src/server/loket.ts';
import { saidAfter } from '../support/loket.ts';
import { eachSaidAfter } from '../support/said-after.ts';
import { useLoket } from '../support/use-loket.ts';

let loket: Loket;
useLoket((started) => (loket = started));

const ABOVE = /staat in mijn antwoord hierboven|is in my answer above|Dat kan ik niet beantwoorden|I cannot answer that/;
const CRISIS = /113/;

/** Each message, said right after `before`, gets a reply matching `said`. */
const eachAfter = (before: readonly string[], asked: readonly string[], said: RegExp, notSaid?: RegExp): Promise<void> => eachSaidAfter(loket, before, asked, said, notSaid);

describe('whether it is free, right after an answer that has no word of it', () => {
  it('after a passport: what it costs, and where the price is', async () => {
    await eachAfter(['paspoort verlengen'], ['is het gratis', 'is dat gratis?', 'kost dat geld?'], /^Wat een paspoort, ID-kaart of rijbewijs kost, staat op www\.voorbeeld\.nl\/leges/, ABOVE);
    await eachAfter(['how do i renew my passport'], ['is it free', 'is that free?'], /^What a passport, ID card or driving licence costs is on www\.voorbeeld\.nl\/leges/, ABOVE);
  });

  it('after a parking permit: where its price is', async () => {
    await eachAfter(['parkeervergunning aanvragen'], ['is het gratis'], /^Wat een parkeervergunning kost, staat op www\.voorbeeld\.nl\/parkeren/, ABOVE);
  });

  it('an answer that says it still has its own sentence quoted', async () => {
    await eachAfter(['how do i get rid of bulky waste'], ['is it free'], /^Having bulky waste collected is free 4 times a year\. Taking it/);
    await eachAfter(['bezwaar maken tegen besluit'], ['is het gratis'], /Bezwaar maken is gratis\./);
  });

  it('a crisis beside it keeps its crisis line', async () => {
    expect(await saidAfter(loket, ['paspoort verlengen'], 'is het gratis? ik wil niet meer leven')).toMatch(CRISIS);
  });
});

describe('registering a birth: its cost, and being late', () => {
  it('is free', async () => {
    await eachAfter(['geboorte aangeven'], ['kost dat wat', 'is het gratis?', 'moet ik ervoor betalen?'], /^In mijn antwoord staat: Aangifte doen is gratis\./, ABOVE);
    await eachAfter(['how do i register the birth of my baby'], ['is it free', 'does it cost anything?'], /^My answer says: Registering the birth is free\./, ABOVE);
  });

  it('late: still, as soon as one can', async () => {
    await eachAfter(['geboorte aangeven'], ['wat als ik te laat ben', 'en als ik te laat ben?'], /Bent u te laat\? Doe het dan zo snel mogelijk alsnog\./, ABOVE);
    await eachAfter(['how do i register the birth of my baby'], ["what if i'm late?", 'what if i am late'], /Are you late\? Then still do it as soon as you can\./, ABOVE);
  });
});

describe('an appointment, where to go, and coming oneself, right after the passport or its fees', () => {
  it('"mot ik n afspraak maken" (SMS): the answer\'s own sentence on the appointment, not all about appointments', async () => {
    await eachAfter(['paspoort verlengen'], ['mot ik n afspraak maken', 'moet ik n afspraak maken?', 'is er n afspraak nodig'], /^In mijn antwoord staat: Maak eerst een afspraak via www\.voorbeeld\.nl of bel 14 0123\./, /Kies daarna een dag/);
  });

  it('"waar moet ik heen?": the desk the answer names, not all the opening hours', async () => {
    await eachAfter(['paspoort verlengen'], ['waar moet ik heen', 'waar moet ik dan naartoe?'], /^In mijn antwoord staat: Een paspoort, ID-kaart of rijbewijs vraagt u aan bij de balie in het gemeentehuis\./, /dag en nacht/);
    await eachAfter(['how do i renew my passport'], ['where do i have to go?', 'where do i go?'], /^My answer says: You apply for a passport, ID card or driving licence at the desk in the town hall\./, /day and night/);
  });

  it('"moet ik zelf komen?" after the fees: that one comes oneself, not where one pays', async () => {
    await eachAfter(['paspoort verlengen', 'wat kost het'], ['moet ik zelf komen', 'moet ik persoonlijk langskomen?'], /^Online aanvragen kan niet: u komt zelf naar de balie\./, /pinpas/);
    await eachAfter(['how do i renew my driving licence', 'how much does it cost'], ['do i have to come in person?'], /^You cannot apply online: you come to the desk yourself\./, /debit card/);
  });

  it('a crisis beside them keeps its crisis line', async () => {
    expect(await saidAfter(loket, ['paspoort verlengen', 'wat kost het'], 'moet ik zelf komen? ik wil niet meer leven')).toMatch(CRISIS);
    expect(await saidAfter(loket, ['paspoort verlengen'], 'waar moet ik heen, ik wil er niet meer zijn')).toMatch(CRISIS);
  });
});
