/**
 * Short follow-ups right after a case's status, and messages in a language the assistant does not read,
 * through a real Loket with the real recognizer: "wat kost dat?" after a parking permit's status is about
 * that permit, "en voor mn vrouw?" is the same question for her case, Arabic gets an honest answer in
 * both languages and, the second time, a person (whose summary says an interpreter may be needed).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Loket } from '../../src/server/loket.ts';
import { saidAlready, say, startLoket } from '../support/loket.ts';

let loket: Loket;
beforeAll(async () => {
  loket = await startLoket();
});
afterAll(async () => {
  await loket.close();
});

const conversation = (...before: string[]) => saidAlready(loket, ...before);
const PARKING = ['Z-2026-000124 1234 AB 15-03-1980'];
const DORMER = ['Z-2026-000123 1234 AB 15-03-1980'];

describe('a short question right after a case status is about that case', () => {
  it("answers 'wat kost dat?' and 'kosten?' after a parking permit's status with the permit's fees, not the benefit dates", async () => {
    for (const asked of ['wat kost dat?', 'kosten?']) {
      const replies = (await say(loket, await conversation(...PARKING), asked)).join(' ');
      expect({ asked, replies }).toEqual({ asked, replies: expect.stringContaining('Wat een parkeervergunning kost') });
      expect(replies).not.toContain('uitkering');
    }
    // "hoeveel moet ik betalen?" too; but a question naming another thing is about that thing.
    expect((await say(loket, await conversation(...PARKING), 'hoeveel moet ik betalen?')).join(' ')).toContain('Wat een parkeervergunning kost');
    expect((await say(loket, await conversation(...PARKING), 'wat kost een paspoort?')).join(' ')).toContain('Wat een paspoort, ID-kaart of rijbewijs kost');
  });

  it("answers 'wat kost dat?' after a building permit's status with the permit's fees", async () => {
    const replies = (await say(loket, await conversation(...DORMER), 'wat kost dat?')).join(' ');
    expect(replies).toContain('Wat een omgevingsvergunning kost');
    expect(replies).not.toContain('uitkering');
  });

  it("answers 'hoe lang is hij geldig?' after a parking permit's status with how long a permit holds, not the passport nor the permit's whole answer", async () => {
    // The narrower answer on the permit's validity (parking_validity), as right after the permit's own answer;
    // before, the permit's whole answer (how to apply, the DigiD, the licence plate) with the year in its middle.
    // "is mijn vergunning nog geldig?" got the passport's validity: "geldig" was an ID document's word, a permit named or not.
    for (const asked of ['hoe lang is hij geldig?', 'hoe lang is die geldig?', 'moet ik hem verlengen?', 'how long is it valid?', 'is mijn vergunning nog geldig?', 'is my permit still valid?']) {
      const replies = (await say(loket, await conversation(...PARKING), asked)).join(' ');
      expect({ asked, replies }).toEqual({ asked, replies: expect.stringMatching(/^(Een parkeervergunning voor bewoners is 1 jaar geldig\.|A residents' parking permit is valid for 1 year\.)/) });
      expect(replies).not.toMatch(/paspoort|passport|vraagt u aan|you apply/i);
    }
    // Where it holds, the same way.
    expect((await say(loket, await conversation(...PARKING), 'waar mag ik ermee parkeren?')).join(' ')).toMatch(/^Met een parkeervergunning parkeert u in het vergunninggebied bij uw adres\./);
    // Asked on its own, the passport's validity as before.
    expect((await say(loket, await conversation(), 'hoe lang is mijn paspoort geldig')).join(' ')).toContain('10 jaar geldig');
  });

  it("takes 'en voor mn vrouw?' as the same question for her case: her number, then her postcode and birth date", async () => {
    for (const asked of ['en voor mn vrouw?', 'and for my wife?', 'van mijn moeder ook?']) {
      const id = await conversation(...PARKING);
      const replies = (await say(loket, id, asked)).join(' ');
      expect({ asked, replies }).toEqual({ asked, replies: expect.stringMatching(/Wat is het zaaknummer\?|What is the case number\?/) });
      if (asked !== 'en voor mn vrouw?') continue;
      expect((await say(loket, id, 'Z-2026-000456')).join(' ')).toContain('de persoon voor wie de aanvraag is');
      expect((await say(loket, id, '5678 CD 01-07-1992')).join(' ')).toContain('Zaak Z-2026-000456 (Bijstandsuitkering)');
    }
  });

  it("answers 'wnnr hoor ik meer' and 'wnr krijg ik de brief', as written in an SMS, with when the letter comes", async () => {
    // "wnnr hoor ik meer" gets when news comes, no longer what the status means (found-wrong-followups-2).
    for (const [asked, said] of [['wnnr hoor ik meer', 'In uw zaak Z-2026-000123 staat: Besluit uiterlijk 15 januari 2027.'], ['wnr krijg ik de brief', 'Uiterlijk 15 januari 2027 krijgt u een brief met het besluit']]) {
      const replies = (await say(loket, await conversation('Z-2026-000123 1234 AB 15-03-1980'), asked!)).join(' ');
      expect({ asked, replies }).toEqual({ asked, replies: expect.stringContaining(said!) });
    }
  });

  it('leaves a longer message about someone else to what it asks', async () => {
    const replies = (await say(loket, await conversation(...PARKING), 'mijn vrouw wil weten wanneer de uitkering betaald wordt')).join(' ');
    expect(replies).not.toMatch(/^Ik zoek het voor u op\. Wat is het zaaknummer\?/);
  });

  it("answers 'waarom duurt dat zo lang dan' (and as an SMS, or after 'waarom?') with why it cannot see why, not with when benefits are paid", async () => {
    for (const said of [['waarom duurt dat zo lang dan'], ['waarom?', 'waarom duurt dat zo lang dan'], ['waarom duurt t nog zo lang'], ['wrm duurt het zo lang nou??']]) {
      const id = await conversation(...DORMER);
      let replies = '';
      for (const m of said) replies = (await say(loket, id, m)).join(' ');
      expect({ said, replies }).toEqual({ said, replies: expect.stringMatching(/^Waarom het zo lang duurt, kan ik niet zien\. .*Uiterlijk 15 januari 2027 krijgt u een brief met het besluit\./) });
    }
  });

  it("answers 'waarom is het nog niet klaar?' with why it cannot see why and a check-in once, not with a crisis handoff the learned model alone heard", async () => {
    for (const said of ['waarom is het nog niet klaar', 'waarom is het nog steeds niet klaar?']) {
      const id = await conversation(...DORMER);
      const replies = await say(loket, id, said);
      expect({ said, replies }).toEqual({ said, replies: [expect.stringMatching(/^Waarom het zo lang duurt, kan ik niet zien\./), expect.stringMatching(/^Ik vraag het voor de zekerheid: gaat het goed met u\?/)] });
      expect({ said, handoffs: (await loket.handoffs.list(['queued'])).filter((h) => h.conversationId === id) }).toEqual({ said, handoffs: [] });
    }
  });

  it("explains the status for a stretched why ('whyyy', 'waaromm'), not with when benefits are paid", async () => {
    for (const said of ['whyyy', 'waaromm', 'hoezoo?']) {
      const replies = (await say(loket, await conversation(...DORMER), said)).join(' ');
      expect({ said, replies }).toEqual({ said, replies: expect.stringMatching(/^Ik heb de status van zaak Z-2026-000123 opgezocht in het zaaksysteem/) });
    }
  });

  it("answers how long a passport takes, how to apply for a permit, or how long a passport is valid, not with the question for 'die andere aanvraag'", async () => {
    for (const [before, asked, said] of [
      [DORMER, 'hoe lang duurt een paspoort?', /^Een paspoort, ID-kaart of rijbewijs is meestal ongeveer 5 werkdagen na de aanvraag klaar\./],
      [DORMER, 'hoe vraag ik een parkeervergunning aan', /^Een parkeervergunning vraagt u aan op www\.voorbeeld\.nl\/parkeren\./],
      [DORMER, 'is mijn paspoort nog geldig', /^Hoe lang iets geldig is, staat op het document zelf/],
      [PARKING, 'when will my passport be ready', /^A passport, ID card or driving licence is usually ready about 5 working days/],
    ] as const) {
      const replies = (await say(loket, await conversation(...before), asked)).join(' ');
      expect({ asked, replies }).toEqual({ asked, replies: expect.stringMatching(said) });
    }
    // Still another case: "en mijn dakkapel?" after the parking permit's status.
    expect((await say(loket, await conversation(...PARKING), 'en mijn dakkapel?')).join(' ')).toMatch(/^Ik zoek het graag voor u op\. Wat is het zaaknummer van die andere aanvraag\?/);
  });
});

describe('a message in a language the assistant does not read', () => {
  it('says in Dutch and English which languages it reads and that a person with an interpreter can help; the second time, a person', async () => {
    const id = await conversation();
    const first = (await say(loket, id, 'مرحبا، أريد أن أعرف حالة طلبي')).join(' ');
    expect(first).toContain('ik begrijp alleen Nederlands en Engels');
    expect(first).toContain('I only understand Dutch and English');
    expect(first).toContain('tolk');
    expect((await loket.handoffs.list(['queued'])).some((h) => h.conversationId === id)).toBe(false);
    await say(loket, id, 'هل يمكنني التحدث مع موظف');
    const h = (await loket.handoffs.list(['queued'])).find((x) => x.conversationId === id);
    expect(h?.summary).toContain('misschien is een tolk nodig');
  });

  it('still takes a case number written in another script, and says first, in both languages, that a person with an interpreter can help', async () => {
    const replies = await say(loket, await conversation(), 'здравствуйте, статус заявки Z-2026-000123 пожалуйста');
    expect(replies).toHaveLength(2);
    expect(replies[0]).toContain('I only understand Dutch and English');
    expect(replies[0]).toContain('tolk');
    expect(replies[1]).toMatch(/postcode/);
    // Not while waiting for a person: the message is kept for them, as any other.
    const waiting = await conversation();
    await say(loket, waiting, 'ik wil een medewerker spreken');
    expect((await say(loket, waiting, 'здравствуйте, я жду')).join(' ')).not.toContain('tolk');
  });

  it('says so for another language in Latin letters too; a person takes over the second time, told which language', async () => {
    const id = await conversation();
    const first = (await say(loket, id, 'Bonjour, je voudrais savoir où en est ma demande')).join(' ');
    expect(first).toContain('I only understand Dutch and English');
    expect(first).not.toMatch(/zaaknummer/);
    await say(loket, id, 'Je ne comprends pas, pouvez-vous m’aider?');
    const h = (await loket.handoffs.list(['queued'])).find((x) => x.conversationId === id);
    expect(h?.summary).toContain('Schrijft in het Frans: misschien is een tolk nodig.');
  });

  it('hands over a special situation written in another language, and says in both languages that an interpreter can be arranged', async () => {
    const id = await conversation();
    const replies = await say(loket, id, 'Mein Mann ist gestorben, was muss ich tun?');
    expect(replies[0]).toMatch(/Gecondoleerd/);
    expect(replies[1]).toBe('U schrijft in een andere taal. De medewerker kan een tolk regelen. · You are writing in another language. The staff member can arrange an interpreter.');
    expect((await loket.handoffs.list(['queued'])).find((x) => x.conversationId === id)?.summary).toContain('Duits');
  });

  it('offers an interpreter, and English, for a language barrier', async () => {
    const replies = await say(loket, await conversation(), 'ik spreek geen nederlands');
    expect(replies[1]).toContain('De medewerker kan een tolk regelen. Is Engels makkelijker voor u? Typ dan: English.');
    expect(replies[1]).toContain('The staff member can arrange an interpreter.');
    // The name of the language alone also switches outside a wait.
    expect((await say(loket, await conversation(), 'Engels?'))[0]).toMatch(/^Of course\. I will answer in English/);
  });

  it('keeps the usual answer for emoji, and for Dutch with a word in another script', async () => {
    expect((await say(loket, await conversation(), '😀😀')).join(' ')).not.toContain('alleen Nederlands en Engels');
    // Two characters are a word in Chinese ("hello").
    expect((await say(loket, await conversation(), '你好')).join(' ')).toContain('alleen Nederlands en Engels');
    expect((await say(loket, await conversation(), 'hoe staat het met mijn aanvraag, шукрия')).join(' ')).toContain('zaaknummer');
  });
});

describe('why the decision just told was taken', () => {
  it('answers "waarom is die toegekend?" after a grant with where the reasons are (the decision letter) and a person who can explain them, not the status again', async () => {
    for (const [facts, asked, said] of [
      [PARKING, 'waarom is die toegekend?', /^Waarom uw aanvraag is toegekend, kan ik niet zien\. .*In de brief met het besluit staat waarom\. .*Wilt u dat een medewerker het uitlegt\? Typ dan: medewerker\.$/],
      [['Z-2026-000456 5678CD 01-07-1992'], 'waarom is het toegekend?', /^Waarom uw aanvraag is toegekend, kan ik niet zien\./],
      [PARKING, 'waarom heb ik hem gekregen', /^Waarom uw aanvraag is toegekend/],
      // A refusal asked of a grant: what the status is (toegekend), with no payment dates and no check-in.
      [PARKING, 'waarom is het afgewezen?', /^Waarom uw aanvraag is toegekend/],
    ] as const) {
      const id = await conversation(...facts);
      const replies = await say(loket, id, asked);
      expect({ asked, replies }).toEqual({ asked, replies: [expect.stringMatching(said)] });
    }
    const id = await saidAlready(loket, 'what is the status of my application', ...PARKING);
    expect(await say(loket, id, 'why was it approved?')).toEqual([expect.stringMatching(/^I cannot see why your application was granted\. .*The decision letter says why\. .*Would you like a staff member to explain it\?/)]);
  });

  it('answers "waarom is het afgewezen?" while there is no decision yet with that, not the payment dates and the crisis check-in', async () => {
    const replies = await say(loket, await conversation(...DORMER), 'waarom is het afgewezen?');
    expect(replies).toEqual([expect.stringMatching(/^Er is nog geen besluit over uw aanvraag\. Dat betekent: uw aanvraag is nog niet klaar\./)]);
  });
});
