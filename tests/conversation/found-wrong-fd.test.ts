/**
 * Follow-ups found wrong by talking to the demo (helper fd): after a bijstand status, "wat zijn mijn plichten?",
 * "hoe lang krijg ik bijstand?", "kan ik het met terugwerkende kracht krijgen?", "en als ik ga werken?" got "Dat kan ik
 * niet beantwoorden" or the payment dates; after the answer on which papers to send, "wat als ik het niet heb?" got
 * "staat hierboven" and "gaat het goed met u?", "voor wanneer?" the case question, "hebben jullie het ontvangen?" when
 * benefits are paid, "hoe upload ik die?" the whole answer again; after a new bank account, "geldt dat ook voor mijn
 * uitkering?" the payment dates and "krijg ik een bevestiging?" "staat hierboven"; after a dormer's status, "hoe lang na
 * het besluit mag ik bouwen?" how to object, "can i start before the decision" that objecting waits for a decision, and
 * "kan dat ook online" the answer on a new address.
 */
import { describe, expect, it } from 'vitest';
import type { Loket } from '../../src/server/loket.ts';
import { DORMER, saidAfter } from '../support/loket.ts';
import { eachSaidAfter } from '../support/said-after.ts';
import { useLoket } from '../support/use-loket.ts';

let loket: Loket;
useLoket((started) => (loket = started));

const BENEFIT = 'Z-2026-000456 5678 CD 01-07-1992';
const PAPERS_NL = 'welke papieren heb ik nodig voor bijstand';
const PAPERS_EN = 'how do I send missing documents';
const CANNOT = /Dat kan ik niet beantwoorden|I cannot answer that|staat in mijn antwoord hierboven|is in my answer above/;
const CHECK_IN = /gaat het goed met u|are you all right/;
const CRISIS = /113/;

/** Each message, said right after `before`, gets a reply matching `said`, and none matching `notSaid`. */
const eachAfter = (before: readonly string[], asked: readonly string[], said: RegExp, notSaid?: RegExp): Promise<void> => eachSaidAfter(loket, before, asked, said, notSaid);

describe('right after a bijstand status (granted)', () => {
  it('duties: what the Participatiewet asks', async () => {
    await eachAfter([BENEFIT], ['wat zijn mijn plichten', 'wat zijn mijn verplichtingen?'], /^Krijgt u bijstand\? Dan heeft u ook plichten\.[\s\S]*4 weken per jaar/, CANNOT);
    await eachAfter([BENEFIT], ['what are my obligations', 'what are my duties?'], /^Do you get social assistance\? Then you also have duties\.[\s\S]*4 weeks a year/, CANNOT);
  });

  it('whether to apply for jobs (read as which papers): the duties', async () => {
    await eachAfter([BENEFIT], ['moet ik solliciteren', 'moet ik nog solliciteren?'], /^Krijgt u bijstand\? Dan heeft u ook plichten\./, /Welke papieren u nodig heeft/);
  });

  it('studying: what it means for the bijstand', async () => {
    await eachAfter([BENEFIT], ['mag ik studeren', 'kan ik studeren?'], /^Gaat u studeren\?/, CANNOT);
    await eachAfter([BENEFIT], ['can i study'], /^Are you going to study\?/, CANNOT);
  });

  it('travelling: the 4 weeks abroad, as "mag ik op vakantie?" gets; after a passport still the passport', async () => {
    await eachAfter([BENEFIT], ['mag ik reizen', 'can i travel'], /(4 weken per jaar|4 weeks a year)/, CANNOT);
    await eachAfter(['hoe vraag ik een paspoort aan'], ['mag ik reizen'], /^Is uw paspoort of ID-kaart nog geldig\?/);
  });

  it('"what do i have to do now": what the status means, not which papers an application needs', async () => {
    await eachAfter([BENEFIT], ['what do i have to do now', 'what do i need to do now?'], /^This means: you get what you applied for\./, /Which documents you need/);
  });

  it('how long it lasts: no end date of its own', async () => {
    await eachAfter([BENEFIT], ['hoelang krijg ik bijstand', 'hoe lang krijg ik de bijstand?', 'tot wanneer krijg ik bijstand'], /^Bijstand heeft geen vaste einddatum\./);
    await eachAfter([BENEFIT], ['how long will i get social assistance', 'how long does the bijstand last?'], /^Social assistance has no fixed end date\./);
  });

  it('backdated: from the day one reported, the letter says from when', async () => {
    await eachAfter([BENEFIT], ['kan ik het met terugwerkende kracht krijgen', 'met terugwerkende kracht?'], /^Bijstand krijgt u meestal vanaf de dag dat u zich bij ons meldde/, CANNOT);
    await eachAfter([BENEFIT], ['can i get it backdated', 'can i get money for the months before'], /^You usually get social assistance from the day you reported/);
  });

  it('starting work, a partner moving in, reporting income: the answer on passing on changes', async () => {
    await eachAfter([BENEFIT], ['en als ik ga werken?', 'mag mijn vriend bij mij wonen', 'mag mijn vriendin bij me komen wonen', 'moet ik inkomsten doorgeven'], /^Verandert er iets in uw werk, inkomen of gezin\?/, CANNOT);
    await eachAfter([BENEFIT], ['what if i start working', 'do i have to report income'], /^Is something changing in your work, income or household\?/, CANNOT);
  });

  it('a crisis said beside it keeps its crisis line', async () => {
    expect(await saidAfter(loket, [BENEFIT], 'wat zijn mijn plichten? ik wil niet meer leven')).toMatch(CRISIS);
    expect(await saidAfter(loket, [BENEFIT], 'how long will i get social assistance? i want to end it all')).toMatch(CRISIS);
  });
});

describe('right after the answer on which papers to send', () => {
  it('without a paper: say so before the date in the letter, with no check-in', async () => {
    await eachAfter([PAPERS_NL], ['wat als ik het niet heb', 'en als ik geen bankafschriften heb'], /^Heeft u een papier niet, of kunt u het niet krijgen\?/, CHECK_IN);
    await eachAfter([PAPERS_EN], ['what if i dont have it', 'what if i dont have it?'], /^Do you not have a document, or can you not get it\?/, CHECK_IN);
  });

  it('by when: the letter that asks for them says so', async () => {
    await eachAfter([PAPERS_NL], ['voor wanneer', 'wnr moet het binnen zijn', 'hoe lang heb ik de tijd'], /^Vragen wij u om papieren\? Dan staat in die brief vóór welke datum/, CANNOT);
    await eachAfter([PAPERS_EN], ['is there a deadline', 'what if i am late'], /^Do we ask you for documents\? Then that letter says by which date/, CANNOT);
  });

  it('whether they arrived: where to see what was uploaded', async () => {
    await eachAfter([PAPERS_NL], ['hebben jullie het ontvangen'], /^Heeft u uw papieren geüpload in Mijn Voorbeeld/);
    await eachAfter([PAPERS_EN], ['did you receive it'], /^Did you upload your documents in Mijn Voorbeeld/);
  });

  it('how to upload: the sentence on uploading, not the whole answer and a person', async () => {
    await eachAfter([PAPERS_NL], ['hoe upload ik die', 'hoe upload ik'], /^In mijn antwoord staat: U kunt papieren uploaden via Mijn Voorbeeld/, /Zal ik een medewerker vragen/);
    await eachAfter([PAPERS_EN], ['how do i upload'], /^My answer says: You can upload documents in Mijn Voorbeeld/, /Shall I ask a staff member/);
  });

  it('a crisis said beside it keeps its crisis line', async () => {
    expect(await saidAfter(loket, [PAPERS_NL], 'wat als ik het niet heb, ik wil niet meer leven')).toMatch(CRISIS);
    expect(await saidAfter(loket, [PAPERS_NL], 'hoe upload ik die? ik wil er niet meer zijn')).toMatch(CRISIS);
  });
});

describe('right after the answer on a new bank account', () => {
  it('whether the benefit goes there too, and that other bodies must be told apart', async () => {
    await eachAfter(['ik wil mijn iban wijzigen'], ['geldt dat ook voor mijn uitkering', 'wordt het ook voor mijn bijstand aangepast?'], /^Ja\. Wij betalen uw uitkering op het rekeningnummer[\s\S]*UWV, de SVB of\s+Dienst Toeslagen/);
    await eachAfter(['I have a new bank account'], ['will my benefit go to the new account', 'does it also change for my benefit'], /^Yes\. We pay your benefit into the account number/, /Shall I ask a staff member/);
  });

  it('a confirmation: the changed details show in Mijn Voorbeeld (also after a new phone number)', async () => {
    await eachAfter(['ik wil mijn iban wijzigen'], ['krijg ik een bevestiging', 'krijg ik bericht'], /^U past het zelf aan in Mijn Voorbeeld[\s\S]*Dat is uw bevestiging\./, CANNOT);
    await eachAfter(['ik heb een nieuw telefoonnummer'], ['krijg ik bericht?'], /Dat is uw bevestiging\./);
    await eachAfter(['I have a new bank account'], ['will i get a confirmation'], /That is your confirmation\./, /We usually pay benefits/);
  });

  it('a crisis said beside it keeps its crisis line', async () => {
    expect(await saidAfter(loket, ['ik wil mijn iban wijzigen'], 'krijg ik een bevestiging? ik wil niet meer leven')).toMatch(CRISIS);
  });
});

describe("right after a dormer's status (being decided)", () => {
  it('how long after the decision one may build: from when the permit holds', async () => {
    await eachAfter([DORMER], ['hoe lang na het besluit mag ik bouwen', 'mag ik meteen na het besluit beginnen?'], /^In de brief met het besluit staat vanaf wanneer de vergunning geldt\./);
    await eachAfter([DORMER], ['how long after the decision can i start'], /^The decision letter says from when the permit holds\./);
  });

  it('"hoelang duurt het nog" (in one word) as "hoe lang duurt het nog": what the status means, with its date, not the whole status again', async () => {
    await eachAfter([DORMER], ['hoelang duurt het nog', 'hoelang duurt dat nog?', 'hoelang gaat het nog duren'], /Uiterlijk 15 januari 2027 krijgt u een brief met het besluit/, /^Uw zaak Z-2026-000123 \(/);
  });

  it('starting before the decision, read as an objection: not yet', async () => {
    await eachAfter([DORMER], ['can i start before the decision', 'kan ik beginnen voor het besluit'], /^(Not yet|Nog niet)\./, /(You can only object|Bezwaar maken kan pas)/);
  });

  it('"kan dat ook online" is not the answer on a new address', async () => {
    await eachAfter([DORMER], ['kan dat ook online'], /Over uw zaak kan ik alleen de stand vertellen/, /nieuw adres/);
    await eachAfter([BENEFIT], ['kan dat ook online'], /Over uw zaak kan ik alleen de stand vertellen/, /nieuw adres/);
  });

  it('a crisis said beside it keeps its crisis line', async () => {
    expect(await saidAfter(loket, [DORMER], 'hoe lang na het besluit mag ik bouwen? ik wil niet meer leven')).toMatch(CRISIS);
    expect(await saidAfter(loket, [DORMER], 'can i start before the decision? i want to end it all')).toMatch(CRISIS);
    expect(await saidAfter(loket, [DORMER], 'hoelang duurt het nog? ik wil niet meer leven')).toMatch(CRISIS);
  });
});
