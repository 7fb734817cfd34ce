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

describe('an appointment right after an answer whose way is online, by phone or by letter', () => {
  const NO_DESK_NL = /^Daarvoor hoeft u niet naar de balie\. Een afspraak is dus niet nodig\. In mijn antwoord staat: /;
  const NO_DESK_EN = /^You do not need to come to the desk for this, so you do not need an appointment\. My answer says: /;
  const HOURS = /dag en nacht|day and night/;
  it('the parking permit, remission, an objection, an allowance: no desk, and that way; not all the opening hours', async () => {
    await eachAfter(['parkeervergunning aanvragen'], ['moet ik een afspraak maken', 'is er een afspraak nodig?'], new RegExp(`${NO_DESK_NL.source}Een parkeervergunning vraagt u aan op www\\.voorbeeld\\.nl/parkeren\\.`), HOURS);
    await eachAfter(['can i get remission of municipal taxes'], ['do i need an appointment', 'do i need to make an appointment?'], new RegExp(`${NO_DESK_EN.source}Apply on www\\.voorbeeld\\.nl/kwijtschelding or call 14 0123\\.`), HOURS);
    await eachAfter(['bezwaar maken tegen besluit'], ['moet ik een afspraak maken?'], new RegExp(`${NO_DESK_NL.source}U kunt dat doen via www\\.voorbeeld\\.nl/bezwaar`), HOURS);
    await eachAfter(['how do i apply for rent allowance'], ['do i need an appointment'], new RegExp(`${NO_DESK_EN.source}You apply for an allowance in Mijn toeslagen on www\\.toeslagen\\.nl`), HOURS);
  });

  it('an answer that sends one to the desk keeps its own sentence on the appointment', async () => {
    await eachAfter(['paspoort verlengen'], ['moet ik een afspraak maken'], /^In mijn antwoord staat: Maak eerst een afspraak/);
  });

  it('nor after collecting, or an answer whose only way is a phone call to ask first: no "not needed" there', async () => {
    await eachAfter(['ik wil mijn rijbewijs verlengen', 'kan mn vader hem ophalen'], ['moet ik een afspraak maken'], /./, /Een afspraak is dus niet nodig/);
  });

  it('a crisis beside it keeps its crisis line', async () => {
    expect(await saidAfter(loket, ['parkeervergunning aanvragen'], 'moet ik een afspraak maken? ik wil niet meer leven')).toMatch(CRISIS);
  });
});

describe('an allowance of Dienst Toeslagen: how to apply, and what comes after', () => {
  it('the answer says where one applies', async () => {
    await eachAfter([], ['how do i apply for rent allowance'], /You apply for an allowance in Mijn toeslagen on www\.toeslagen\.nl, with your DigiD\./);
    await eachAfter([], ['zorgtoeslag aanvragen'], /U vraagt een toeslag aan in Mijn toeslagen op www\.toeslagen\.nl, met uw DigiD\./);
  });

  it('"ok en dan?": the letter, the monthly advance, changes passed on; not when the municipality pays a benefit', async () => {
    await eachAfter(['zorgtoeslag aanvragen'], ['ok en dan?', 'en daarna?'], /^Na uw aanvraag krijgt u een brief van Dienst Toeslagen\./, /rond de 1e van de maand/);
    await eachAfter(['how do i apply for rent allowance'], ['ok and then?', 'what happens next?'], /^After you apply, you get a letter from Dienst Toeslagen\./, /around the 1st/);
  });
});

describe('how much, right after an answer that says what it costs or what it depends on', () => {
  it('after the objection answer: that objecting is free, not how much social assistance one gets', async () => {
    await eachAfter(['bezwaar maken tegen besluit'], ['en hoeveel?', 'hoeveel?'], /^In mijn antwoord staat: Bezwaar maken is gratis\./, /bijstand/);
    await eachAfter(['how do i object to a decision'], ['and how much?', 'how much?'], /^My answer says: Objecting is free\./, /social assistance/);
  });

  it('after remission: what how much depends on, not the whole answer again', async () => {
    await eachAfter(['kwijtschelding gemeentelijke belastingen'], ['en hoeveel?'], /^In mijn antwoord staat: Hoeveel, hangt af van uw inkomen, uw spaargeld en uw vaste lasten\./, /medewerker vragen\?/);
    await eachAfter(['can i get remission of municipal taxes'], ['and how much?'], /^My answer says: How much depends on your income, your savings and your fixed costs\./, /Shall I ask a staff member/);
  });

  it('right after when a benefit is paid, it is still how much one gets', async () => {
    await eachAfter(['wanneer wordt de bijstand betaald'], ['en hoeveel?'], /^Hoeveel u krijgt, staat in de brief met het besluit/);
  });

  it('a crisis beside it keeps its crisis line', async () => {
    expect(await saidAfter(loket, ['bezwaar maken tegen besluit'], 'en hoeveel? ik wil niet meer leven')).toMatch(CRISIS);
  });
});

describe('"wat als ik te laat ben?" right after remission or an allowance', () => {
  const MONEY_LATE = /Is uw geld er nog niet|Has your money still not come/;
  it('is the citizen late, not money that did not come', async () => {
    await eachAfter(['kwijtschelding gemeentelijke belastingen'], ['wat als ik te laat ben', 'en als ik te laat ben?'], /./, MONEY_LATE);
    await eachAfter(['zorgtoeslag aanvragen'], ['wat als ik te laat ben'], /./, MONEY_LATE);
    await eachAfter(['can i get remission of municipal taxes'], ["what if i'm late?"], /./, MONEY_LATE);
  });

  it('a crisis beside it keeps its crisis line', async () => {
    expect(await saidAfter(loket, ['kwijtschelding gemeentelijke belastingen'], 'wat als ik te laat ben? ik wil niet meer leven')).toMatch(CRISIS);
  });

  it('money that is late is still that', async () => {
    await eachAfter(['wanneer wordt de bijstand betaald'], ['waarom zo laat', 'het is al te laat'], MONEY_LATE);
  });
});

describe('someone else doing it, right after an everyday answer', () => {
  const AUTHORISE_NL = /^Wilt u dat iemand anders iets voor u regelt bij de gemeente\?/;
  const AUTHORISE_EN = /^Do you want someone else to arrange things with the municipality for you\?/;
  it('after bulky waste or the parking permit: authorising someone, not that whole answer again', async () => {
    await eachAfter(['grofvuil ophalen'], ['kan mn moeder het voor mij doen'], AUTHORISE_NL, /grofvuil/);
    await eachAfter(['parkeervergunning aanvragen'], ['kan mn moeder het voor mij doen', 'mag mijn zoon het voor me aanvragen?'], AUTHORISE_NL, /kenteken/);
    await eachAfter(['how do i get rid of bulky waste'], ['can my mother do it for me'], AUTHORISE_EN, /bulky waste/);
  });

  // Right after registering a birth, someone else doing it is who may register a birth (fh: change_details/birth_someone_else).
  it('"can my wife do it?" without "for me": who may register the birth, not the crisis line and a person', async () => {
    await eachAfter(['how do i register the birth of my baby'], ['can my wife do it', 'can my husband do that?'], /^Usually one of the parents registers the birth\./, CRISIS);
    await eachAfter(['geboorte aangeven'], ['kan mijn man het doen?', 'kan mn vrouw dat regelen'], /^Meestal doet een van de ouders de aangifte van de geboorte\./, CRISIS);
  });

  it('a crisis beside it keeps its crisis line', async () => {
    expect(await saidAfter(loket, ['how do i register the birth of my baby'], 'can my wife do it? i want to end it all')).toMatch(CRISIS);
    expect(await saidAfter(loket, ['grofvuil ophalen'], 'kan mn moeder het voor mij doen, ik wil niet meer leven')).toMatch(CRISIS);
  });
});

describe('a payment plan typed as a search', () => {
  it('"betalingsregeling": after the acknowledgement of money worries, also the answer on a payment plan', async () => {
    await eachAfter([], ['betalingsregeling'], /Vraag dan een\s+betalingsregeling aan in Mijn Voorbeeld/);
    await eachAfter([], ['betalingsregeling gemeentebelasting'], /Gemeentelijke belastingen zijn bijvoorbeeld/);
  });

  it('a situation told is still only acknowledged, and a crisis beside it keeps its crisis line', async () => {
    await eachAfter([], ['ik heb schulden'], /^Ik hoor dat u geldzorgen heeft\.[^]*$/, /Mijn Voorbeeld/);
    expect(await saidAfter(loket, [], 'betalingsregeling ik wil niet meer leven')).toMatch(CRISIS);
  });
});

describe('a way said only for a case, quoted with that case', () => {
  it('"kan het ook telefonisch?" after the move: the phone is for when it does not work', async () => {
    await eachAfter(['ik ga verhuizen'], ['kan het ook telefonisch', 'kan ik het telefonisch doorgeven?'], /^In mijn antwoord staat: Lukt het niet\? Bel 14 0123, een medewerker helpt u graag\./);
    await eachAfter(['i am moving'], ['can i do it by phone?'], /^My answer says: Does it not work\? Call 14 0123 and a staff member will help you\./);
  });

  it('after the objection answer: the phone is to talk first', async () => {
    await eachAfter(['bezwaar maken tegen besluit'], ['kan het ook telefonisch'], /^In mijn antwoord staat: Wilt u eerst praten met een medewerker\? Bel 14 0123\./);
  });

  it('a crisis beside it keeps its crisis line', async () => {
    expect(await saidAfter(loket, ['ik ga verhuizen'], 'kan het ook telefonisch? ik wil niet meer leven')).toMatch(CRISIS);
  });
});

describe('what it costs, right after a narrower answer of the objection', () => {
  it('after how long an objection takes: that objecting is free (its intent\'s own answer)', async () => {
    await eachAfter(['bezwaar maken', 'hoe lang duurt het'], ['wat kost het', 'kost het iets?'], /^Bezwaar maken is gratis\./, ABOVE);
    await eachAfter(['how do i object', 'how long does it take?'], ['what does it cost?', 'and how much?'], /^Objecting is free\./, ABOVE);
  });

  it('a crisis beside it keeps its crisis line', async () => {
    expect(await saidAfter(loket, ['bezwaar maken', 'hoe lang duurt het'], 'wat kost het? ik wil niet meer leven')).toMatch(CRISIS);
  });
});

describe('the same for someone of the family, right after an everyday answer', () => {
  const CHECK_IN = /gaat het goed met u|are you all right|are you doing all right/i;
  it('"voor mn zoon ook?": no "gaat het goed met u?" after the answer', async () => {
    await eachAfter(['paspoort verlengen'], ['voor mn zoon ook?', 'en voor mijn dochter?'], /^Een paspoort of ID-kaart voor een kind/, CHECK_IN);
    await eachAfter(['ik ga verhuizen'], ['voor mn zoon ook?'], /./, CHECK_IN);
    await eachAfter(['kwijtschelding'], ['voor mn zoon ook?'], /./, CHECK_IN);
  });

  it('a crisis in or beside it keeps its crisis line', async () => {
    expect(await saidAfter(loket, ['paspoort verlengen'], 'voor mn zoon ook? ik wil niet meer leven')).toMatch(CRISIS);
    expect(await saidAfter(loket, ['kwijtschelding'], 'voor mijn kinderen als ik er niet meer ben')).toMatch(CRISIS);
  });
});

describe('an identity document and its renewal, typed as a search', () => {
  it('is how to apply, in the language written; not "Wat is uw zaaknummer?"', async () => {
    await eachAfter([], ['passport renewal', 'renew driving licence'], /^You apply for (a passport, ID card or driving licence|a new driving licence) at the desk/, /zaaknummer|case number/);
    await eachAfter([], ['id kaart verlengen', 'paspoort vernieuwen'], /^Een paspoort, ID-kaart of rijbewijs vraagt u aan bij de balie/, /zaaknummer/);
  });

  it('a topic typed in English as the first message is answered in English', async () => {
    await eachAfter([], ['payment plan'], /Can you not pay a bill, fine or tax assessment/);
    await eachAfter([], ['bulky waste'], /^Everything about waste is on www\.voorbeeld\.nl\/afval/);
    await eachAfter([], ['opening hours'], /^You can call us on 14 0123/);
  });

  it('a renewal of one\'s own asked after is still the case question', async () => {
    await eachAfter([], ['hoe staat het met mijn paspoort verlenging'], /zaaknummer/);
  });

  it('"appt needed?" is whether an appointment is needed, not the answer on papers', async () => {
    await eachAfter(['passport renewal'], ['appt needed?'], /^My answer says: First make an appointment/, /Which documents you need/);
    await eachAfter(['kwijtschelding'], ['appt needed?'], /Een afspraak is dus niet nodig\./, /Welke papieren/);
  });

  it('a crisis beside it keeps its crisis line', async () => {
    expect(await saidAfter(loket, [], 'passport renewal, i want to end it all')).toMatch(CRISIS);
  });
});

describe('what remission costs, right after its answer', () => {
  it('applying is free: that sentence, not the whole answer again and the offer of a person', async () => {
    await eachAfter(['kwijtschelding'], ['kost het iets?', 'kosten?', 'wat kost het?'], /^In mijn antwoord staat: [^]*Kwijtschelding aanvragen is gratis\./, /medewerker vragen\?/);
    await eachAfter(['can i get remission of municipal taxes'], ['is it free?', 'cost?'], /^My answer says: [^]*Applying for remission is free\./, /Shall I ask a staff member/);
  });

  it('a crisis beside it keeps its crisis line', async () => {
    expect(await saidAfter(loket, ['kwijtschelding'], 'kost het iets? ik wil niet meer leven')).toMatch(CRISIS);
  });
});

describe('a word of the answer asked again', () => {
  it('"can i park there?" after the town hall\'s address: its sentence on where to park, not the address again and a person', async () => {
    await eachAfter(['where are you'], ['can i park there', 'can i park there?'], /^My answer says: How to get there by bus, bike or car, and where to park/, /Shall I ask a staff member/);
  });

  it('a crisis beside it keeps its crisis line', async () => {
    expect(await saidAfter(loket, ['where are you'], 'can i park there, i want to end it all')).toMatch(CRISIS);
  });
});

describe('late to apply for an allowance', () => {
  it('"wat als ik te laat ben?" right after the allowances: until 1 September of the next year', async () => {
    await eachAfter(['zorgtoeslag aanvragen'], ['wat als ik te laat ben', 'en als ik te laat ben?'], /^Te laat met aanvragen\? Een toeslag over een jaar kunt u nog aanvragen tot 1 september van het jaar erna\./);
    await eachAfter(['how do i apply for rent allowance'], ["what if i'm late?"], /^Late to apply\? You can still apply for an allowance over a year until 1 September of the next year\./);
  });

  it('money that is late is not this, and a crisis beside it keeps its crisis line', async () => {
    await eachAfter(['wanneer wordt de huurtoeslag betaald'], ['het is te laat'], /./, /1 september/);
    expect(await saidAfter(loket, ['zorgtoeslag aanvragen'], 'wat als ik te laat ben? ik wil niet meer leven')).toMatch(CRISIS);
  });
});

describe('a question read as papers that names none, right after an everyday answer', () => {
  const PAPERS = /Welke papieren u nodig heeft|Which documents you need/;
  it('"moet ik thuis zijn?" after bulky waste: about that answer, not which papers an application needs', async () => {
    await eachAfter(['grofvuil laten ophalen', 'hoeveel kost dat'], ['moet ik thuis zijn'], /^Wat ik erover weet, staat in mijn antwoord hierboven\./, PAPERS);
    await eachAfter(['grofvuil'], ['moet ik het buiten zetten'], /./, PAPERS);
  });

  it('papers named are still the answer on papers', async () => {
    await eachAfter(['kwijtschelding'], ['moet ik papieren opsturen'], PAPERS);
  });

  it('a crisis beside it keeps its crisis line', async () => {
    expect(await saidAfter(loket, ['grofvuil'], 'moet ik thuis zijn, ik wil niet meer leven')).toMatch(CRISIS);
  });
});
