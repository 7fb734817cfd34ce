/**
 * Practical questions that got the wrong answer or none, through a real Loket with the real recognizer:
 * the documents of someone who died, ending a parking permit (also told with a death), and damage by
 * something in the street (a frustration handoff before: "schade" was read as "schande"). And the first
 * answer to frustration, which names no feeling the citizen did not name ("ik ben niet boos, wel
 * teleurgesteld" was answered with "Ik begrijp dat u boos bent").
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Loket } from '../../src/server/loket.ts';
import { saidAlready, say, startLoket } from '../support/loket.ts';
import { atWork } from '../support/at-work.ts';

let loket: Loket;
beforeAll(async () => {
  loket = await startLoket();
  await atWork(loket);
});
afterAll(async () => {
  await loket.close();
});

/** The replies to `text` in a new conversation, and the reasons of the handoffs it made. */
async function ask(text: string): Promise<{ replies: string; reasons: string[] }> {
  const id = await saidAlready(loket);
  const replies = (await say(loket, id, text)).join(' ');
  const reasons = (await loket.handoffs.list(['queued'])).filter((h) => h.conversationId === id).map((h) => h.reason);
  return { replies, reasons };
}

describe('practical answers', () => {
  it('tells what happens to the passport of someone who died, after the condolences, not how to apply for one', async () => {
    for (const text of ['mijn moeder is overleden, moet ik haar paspoort inleveren?', 'wat moet ik doen met het rijbewijs van mijn overleden vader', 'my husband died, what do I do with his passport?']) {
      const { replies, reasons } = await ask(text);
      expect({ text, replies }).toEqual({ text, replies: expect.stringMatching(/^(Gecondoleerd|I am sorry for your loss).*(uitvaartondernemer|funeral director)/) });
      expect({ text, replies }).not.toEqual({ text, replies: expect.stringMatching(/pasfoto|passport photo/) });
      expect(reasons).toEqual(['bereavement']);
    }
    expect((await ask('hoe vraag ik een paspoort aan')).replies).toContain('pasfoto');
  });

  it('answers "ik heb hulp nodig bij het huishouden" with Wmo support, not "dat begrijp ik niet"; "hoe lang duurt dat?" then is its terms', async () => {
    for (const text of ['Ik heb hulp nodig bij het huishouden, ik ben 84 en kan niet meer goed lopen', 'ik heb hulp nodig in het huishouden']) {
      const id = await saidAlready(loket);
      const replies = (await say(loket, id, text)).join(' ');
      expect({ text, replies }).toEqual({ text, replies: expect.stringMatching(/^Heeft u hulp nodig om thuis te kunnen blijven wonen\?/) });
      expect((await say(loket, id, 'hoe lang duurt dat?')).join(' ')).toMatch(/Binnen 6 weken praten we met u/);
    }
  });

  it('takes a letter "but it\'s in Dutch" to a person who can explain it, not the greeting; asking whether to write in Dutch is no such need', async () => {
    const { replies, reasons } = await ask('Hello, I received a letter from the municipality about my taxes but its in Dutch');
    expect(reasons).toEqual(['vulnerability']);
    // In English: "in Dutch" there names what they cannot read, not the language they ask for.
    expect(replies).toMatch(/^I want you to get good help/);
    expect((await ask('may I write to you in English, or must it be in Dutch?')).reasons).toEqual([]);
  });

  it('tells a newcomer asking for a BSN to register at the desk, not which papers an application needs nor the move reported online', async () => {
    for (const [text, expected] of [['I am new here, do I need a BSN?', /^Coming to live in the Netherlands\?/], ['ik ben net verhuisd naar nederland, heb ik een bsn nodig?', /^Komt u in Nederland wonen\?/]] as const) {
      const { replies } = await ask(text);
      expect({ text, replies }).toEqual({ text, replies: expect.stringMatching(expected) });
    }
  });

  it('answers "ik wil bijstand aanvragen" with the bijstand at the municipality first, not the WW at UWV; a lost job named still gets WW first', async () => {
    for (const [text, expected] of [
      ['ik wil bijstand aanvragen', /^Heeft u te weinig geld om van te leven\? Dan kunt u bijstand aanvragen bij de gemeente\..*www\.voorbeeld\.nl\/bijstand.*Bent u net uw baan kwijt\? Vraag dan eerst WW aan bij het UWV/],
      ['hoe vraag ik bijstand aan?', /^Heeft u te weinig geld om van te leven\?/],
      ['I want to apply for social assistance', /^Do you have too little money to live on\? Then you can apply for social assistance \(bijstand\) at the municipality\..*Have you just lost your job\? Then first apply for unemployment benefit \(WW\)/],
    ] as const) {
      const { replies, reasons } = await ask(text);
      expect({ text, replies, reasons }).toEqual({ text, replies: expect.stringMatching(expected), reasons: [] });
    }
    expect((await ask('ik ben mijn baan kwijt, kan ik bijstand krijgen?')).replies).toMatch(/^Bent u uw werk kwijt\? Vraag dan eerst een WW-uitkering aan bij het UWV/);
  });

  it('tells where to get a waste pass for the container, in either language, not only where all of the waste is told', async () => {
    for (const [text, expected] of [
      ['waar krijg ik een afvalpas', /^Met de afvalpas \(milieupas\) opent u de ondergrondse container.*Vraag een pas aan op www\.voorbeeld\.nl\/afvalpas\./],
      ['ik ben mijn milieupas kwijt', /^Met de afvalpas/],
      ['hoe kom ik aan een pasje voor de container?', /^Met de afvalpas/],
      ['where do I get a waste pass', /^With the waste pass \(afvalpas or milieupas\) you open the underground container.*www\.voorbeeld\.nl\/afvalpas\./],
      ['I lost my card for the container', /^With the waste pass/],
    ] as const) {
      const { replies, reasons } = await ask(text);
      expect({ text, replies, reasons }).toEqual({ text, replies: expect.stringMatching(expected), reasons: [] });
    }
    expect((await ask('waar kan ik mijn grofvuil kwijt')).replies).toMatch(/^Over afval vindt u alles op www\.voorbeeld\.nl\/afval\./);
  });

  it('hands a complaint about the neighbours or the waste to a person, and says the route that meets it now too (Buurtbemiddeling, the report form)', async () => {
    for (const [text, expected] of [
      ['I want to complain about my neighbour noise', /^I am sorry to hear that\. A person will handle your complaint\..*www\.voorbeeld\.nl\/buurtbemiddeling/],
      ['ik heb een klacht over het afval dat niet is opgehaald', /^Wat vervelend\. Een medewerker neemt uw klacht in behandeling\. Wilt u iets melden, zoals afval.*Dat kan ook direct op www\.voorbeeld\.nl\/melding\.$/],
    ] as const) {
      const { replies, reasons } = await ask(text);
      expect({ text, replies, reasons }).toEqual({ text, replies: expect.stringMatching(expected), reasons: ['complaint'] });
    }
    // A complaint about anything else: the complaint's own words alone.
    expect((await ask('ik wil een klacht indienen over een medewerker')).replies).toBe('Wat vervelend dat u niet tevreden bent. Een medewerker neemt uw klacht in behandeling.');
  });

  it('tells what happens to the passport of someone who died when asked later, while waiting for the person', async () => {
    const id = await saidAlready(loket);
    await say(loket, id, 'mijn vader is overleden');
    expect((await say(loket, id, 'moet ik zijn paspoort inleveren?')).join(' ')).toMatch(/^Is iemand overleden\? Dan levert u het paspoort of de ID-kaart in/);
    // One's own passport is still one's own.
    expect((await say(loket, id, 'en mijn eigen paspoort is verlopen, hoe vraag ik een nieuwe aan?')).join(' ')).not.toMatch(/Is iemand overleden/);
  });

  it('says what to bring for a driving licence after a question about one, not the list for every identity document', async () => {
    for (const [first, then] of [['ik wil mijn rijbewijs verlengen', 'wat moet ik meenemen'], ['wat kost een rijbewijs', 'wat moet ik meenemen?'], ['how do i renew my driving licence', 'what do i need to bring?']] as const) {
      const id = await saidAlready(loket, first);
      const replies = (await say(loket, id, then)).join(' ');
      expect({ first, replies }).toEqual({ first, replies: expect.stringMatching(/(Neem mee: uw huidige rijbewijs, een geldig paspoort of een geldige ID-kaart en een goede pasfoto|Bring your current driving licence, a valid passport or ID card and a good passport photo)/) });
      expect({ first, replies }).toEqual({ first, replies: expect.not.stringMatching(/paspoort, ID-kaart of rijbewijs|passport, ID card or driving licence/) });
    }
    // The fees after it are still the fees; a passport named beside the licence still gets the answer on all of them.
    const id = await saidAlready(loket, 'ik wil mijn rijbewijs verlengen');
    expect((await say(loket, id, 'wat kost dat?')).join(' ')).toContain('www.voorbeeld.nl/leges');
    expect((await ask('ik ben mijn rijbewijs en paspoort kwijt')).replies).toContain('uw oude paspoort, ID-kaart of rijbewijs');
  });

  it('answers "en zijn rijbewijs?" after the answer on the passport of someone who died: a licence is not handed in; not kept for the person', async () => {
    for (const [death, passport, licence] of [
      ['mijn vader is overleden', 'moet ik zijn paspoort inleveren?', 'en zijn rijbewijs?'],
      ['mijn moeder is overleden', 'moet ik haar paspoort inleveren?', 'en het rijbewijs?'],
      ['my father died', 'do I have to hand in his passport?', 'and his driving licence?'],
    ] as const) {
      const id = await saidAlready(loket, death, passport);
      const replies = (await say(loket, id, licence)).join(' ');
      expect({ licence, replies }).toEqual({ licence, replies: expect.stringMatching(/^(Het rijbewijs van iemand die is overleden, hoeft u niet in te leveren|The driving licence of someone who died does not need to be handed in)/) });
      expect({ licence, replies }).toEqual({ licence, replies: expect.not.stringMatching(/bewaard|saved your message/) });
    }
  });

  it('answers "kan ik met de bus komen?" while waiting for a person with how to get here, as other practical questions then; the place in the queue stays', async () => {
    for (const [person, asked, expected] of [
      ['ik wil een medewerker spreken', 'kan ik met de bus komen?', /^Het gemeentehuis staat op Voorbeeldplein 1, 1234 AA Voorbeeld\..*Hoe u er komt met de bus, de fiets of de auto, en waar u kunt parkeren, staat op www\.voorbeeld\.nl\/contact\.$/],
      ['ik wil een medewerker spreken', 'hoe kom ik er met de bus?', /^Het gemeentehuis staat op Voorbeeldplein 1/],
      ['I want to speak to a person', 'can I come by bus?', /^The town hall is at Voorbeeldplein 1, 1234 AA Voorbeeld\..*How to get there by bus, bike or car, and where to park, is on www\.voorbeeld\.nl\/contact\.$/],
    ] as const) {
      const id = await saidAlready(loket, person);
      const replies = await say(loket, id, asked);
      expect({ asked, replies }).toEqual({ asked, replies: [expect.stringMatching(expected)] });
      expect({ asked, handoffs: (await loket.handoffs.list(['queued'])).filter((h) => h.conversationId === id).map((h) => h.reason) }).toEqual({ asked, handoffs: ['explicit_request'] });
    }
    // A request for a person in the lexicon's words is still that ("kan ik met iemand praten?").
    const id = await saidAlready(loket, 'ik wil een medewerker spreken');
    expect((await say(loket, id, 'kan ik met iemand praten?')).join(' ')).not.toMatch(/Voorbeeldplein/);
  });

  it('answers "kan ik met de bus komen?" with how to get here when nobody waits for a person too, by bike or car as well, without a handoff', async () => {
    for (const [asked, expected] of [
      ['kan ik met de bus komen?', /^Het gemeentehuis staat op Voorbeeldplein 1, 1234 AA Voorbeeld\..*Hoe u er komt met de bus, de fiets of de auto/],
      ['kan ik met de fiets komen?', /^Het gemeentehuis staat op Voorbeeldplein 1/],
      ['can I come by car?', /^The town hall is at Voorbeeldplein 1, 1234 AA Voorbeeld\..*How to get there by bus, bike or car/],
    ] as const) {
      const id = await saidAlready(loket);
      expect({ asked, replies: await say(loket, id, asked) }).toEqual({ asked, replies: [expect.stringMatching(expected)] });
      expect({ asked, handoffs: (await loket.handoffs.list(['queued'])).filter((h) => h.conversationId === id) }).toEqual({ asked, handoffs: [] });
    }
    // Asking for a person in the request lexicon's words is still that.
    expect((await say(loket, await saidAlready(loket), 'kan ik met iemand praten?')).join(' ')).not.toMatch(/Voorbeeldplein/);
  });

  it('answers "is er parkeerplek?" after the opening hours, and "can I park there", with where the town hall is and where parking is told; a parking permit keeps its own answer', async () => {
    const id = await saidAlready(loket, 'wanneer is het gemeentehuis open');
    expect(await say(loket, id, 'is er parkeerplek?')).toEqual([expect.stringMatching(/^Het gemeentehuis staat op Voorbeeldplein 1,.*en waar u kunt parkeren, staat op www\.voorbeeld\.nl\/contact\.$/)]);
    for (const asked of ['waar kan ik parkeren als ik naar het gemeentehuis kom', 'kan ik daar parkeren']) {
      expect({ asked, replies: await say(loket, await saidAlready(loket), asked) }).toEqual({ asked, replies: [expect.stringMatching(/^Het gemeentehuis staat op Voorbeeldplein 1/)] });
    }
    expect(await say(loket, await saidAlready(loket), 'is there parking at the town hall?')).toEqual([expect.stringMatching(/^The town hall is at Voorbeeldplein 1.*and where to park, is on www\.voorbeeld\.nl\/contact\.$/)]);
    expect((await say(loket, await saidAlready(loket), 'ik wil een parkeervergunning aanvragen')).join(' ')).toMatch(/www\.voorbeeld\.nl\/parkeren/);
  });

  it('answers "waar kan ik parkeren?" right after the parking permit with where the permit holds, not the town hall\'s route', async () => {
    for (const [first, asked, expected] of [
      ['hoe vraag ik een parkeervergunning aan', 'waar kan ik parkeren?', /^Met een parkeervergunning parkeert u in het vergunninggebied bij uw adres\..*www\.voorbeeld\.nl\/parkeren/],
      ['ik wil een parkeervergunning aanvragen', 'waar mag ik dan parkeren?', /^Met een parkeervergunning parkeert u in het vergunninggebied/],
      ['welke papieren heb ik nodig voor een parkeervergunning', 'waar kan ik parkeren?', /^Met een parkeervergunning parkeert u in het vergunninggebied/],
      ['how do I apply for a parking permit', 'where can I park?', /^With a parking permit you park in the permit zone around your address\./],
    ] as const) {
      const id = await saidAlready(loket, first);
      expect({ first, asked, replies: await say(loket, id, asked) }).toEqual({ first, asked, replies: [expect.stringMatching(expected)] });
    }
    // Not right after the permit: where to park at the town hall, as before.
    const id = await saidAlready(loket, 'wanneer is het gemeentehuis open');
    expect(await say(loket, id, 'waar kan ik parkeren?')).toEqual([expect.stringMatching(/^Het gemeentehuis staat op Voorbeeldplein 1/)]);
  });

  it('answers "moet ik me uitschrijven?" right after the answer on moving abroad with yes and how, not that whole answer again and the offer of a person', async () => {
    for (const [first, asked, expected] of [
      ['ik ga emigreren naar spanje', 'moet ik me uitschrijven?', /^Ja\. Uitschrijven doet u door uw vertrek door te geven\. Dat moet als u minstens 8 maanden weggaat\..*5 dagen voor uw vertrek.*www\.voorbeeld\.nl\/emigreren/],
      ['ik ga in het buitenland wonen', 'moet ik me dan afmelden', /^Ja\. Uitschrijven doet u door uw vertrek door te geven\./],
      ['we are moving abroad next year', 'do I have to deregister?', /^Yes\. You deregister by reporting your departure\. You must do this if you leave for at least 8 months\./],
    ] as const) {
      const id = await saidAlready(loket, first);
      const replies = await say(loket, id, asked);
      expect({ first, asked, replies }).toEqual({ first, asked, replies: [expect.stringMatching(expected)] });
      expect(replies.join(' ')).not.toMatch(/Toeslagen|medewerker vragen|ask for a staff member/);
    }
    // Said first, with the move abroad in it: the whole answer.
    expect((await say(loket, await saidAlready(loket), 'ik ga emigreren, moet ik me uitschrijven?')).join(' ')).toMatch(/^Gaat u in het buitenland wonen\?/);
  });

  it('answers "hoeveel kost t" (SMS) right after an answer from what that answer says on cost, not the dates benefits are paid', async () => {
    for (const [first, asked, expected] of [
      ['ik ga verhuizen', 'hoeveel kost t', /^In mijn antwoord staat: Dat is gratis\./],
      ['ik ben het niet eens met mijn woz waarde', 'wat kost t?', /^In mijn antwoord staat: Dat is gratis\./],
      ['ik ga verhuizen', "kost 't geld?", /^In mijn antwoord staat: Dat is gratis\./],
    ] as const) {
      const id = await saidAlready(loket, first);
      const replies = await say(loket, id, asked);
      expect({ first, asked, replies }).toEqual({ first, asked, replies: [expect.stringMatching(expected)] });
    }
    // After Wmo support: its own contribution (the Wmo answer says nothing on cost), not the benefit dates nor "staat hierboven".
    for (const [first, asked, expected] of [
      ['ik heb hulp nodig in het huishouden', 'hoeveel kost t', /^Voor de meeste Wmo-ondersteuning betaalt u een eigen bijdrage\. Dat is hoogstens ongeveer 21 euro per maand\. U betaalt die niet aan de gemeente, maar aan het CAK\./],
      ['ik heb hulp nodig in het huishouden', 'moet ik ervoor betalen?', /^Voor de meeste Wmo-ondersteuning betaalt u een eigen bijdrage\./],
      ['I need help with the housework', 'what does it cost?', /^For most Wmo support you pay an own contribution \(eigen bijdrage\)\. That is at most about 21 euros a month\./],
    ] as const) {
      const replies = await say(loket, await saidAlready(loket, first), asked);
      expect({ first, asked, replies }).toEqual({ first, asked, replies: [expect.stringMatching(expected)] });
    }
    // How long it takes is still the answer's own terms.
    expect((await say(loket, await saidAlready(loket, 'ik heb hulp nodig in het huishouden'), 'hoe lang duurt dat?')).join(' ')).toMatch(/Binnen 6 weken praten we met u/);
  });

  it('answers "hoe lang is die geldig" right after the parking permit with how long a permit holds, not "staat hierboven"', async () => {
    for (const [first, asked, expected] of [
      ['ik wil een parkeervergunning', 'hoe lang is die geldig', /^Een parkeervergunning voor bewoners is 1 jaar geldig\. Zolang u de vergunning betaalt, verlengen wij hem\s+elk jaar vanzelf\./],
      ['ik wil een parkeervergunning', 'moet ik hem elk jaar verlengen?', /^Een parkeervergunning voor bewoners is 1 jaar geldig\./],
      ['I want a parking permit', 'how long is it valid?', /^A residents' parking permit is valid for 1 year\. As long as you pay for it, we renew it automatically/],
      // The permit's answer among the papers (documents) says the same, and is followed up the same.
      ['welke papieren heb ik nodig voor een parkeervergunning?', 'hoe lang is die geldig', /^Een parkeervergunning voor bewoners is 1 jaar geldig\./],
    ] as const) {
      const replies = await say(loket, await saidAlready(loket, first), asked);
      expect({ first, asked, replies }).toEqual({ first, asked, replies: [expect.stringMatching(expected)] });
    }
    // Asked first, it is the same; a passport's validity stays the passport's.
    expect((await ask('hoe lang is mijn parkeervergunning geldig')).replies).toMatch(/^Een parkeervergunning voor bewoners is 1 jaar geldig/);
    expect((await say(loket, await saidAlready(loket, 'ik wil een nieuwe id kaart'), 'hoe lang is die geldig')).join(' ')).toMatch(/^Hoe lang iets geldig is, staat op het document zelf/);
  });

  it('answers "kan mn moeder dat voor mij doen?" right after a practical answer with authorising someone, not "staat hierboven" nor that answer again', async () => {
    for (const [first, asked, expected] of [
      ['hoe vraag ik bijstand aan', 'kan mn zoon dat voor mij doen', /^Wilt u dat iemand anders iets voor u regelt bij de gemeente\?.*DigiD Machtigen/],
      ['ik ga verhuizen', 'kan mn moeder dat voor mij doen', /^Wilt u dat iemand anders iets voor u regelt/],
      ['hoe vraag ik een paspoort aan', 'kan mn moeder dat voor mij doen', /Een paspoort of ID-kaart vraagt u wel zelf aan en haalt u zelf op\./],
      ['kan ik kwijtschelding krijgen', 'kan mijn dochter dat voor me regelen?', /^Wilt u dat iemand anders iets voor u regelt/],
    ] as const) {
      const id = await saidAlready(loket, first);
      const replies = await say(loket, id, asked);
      expect({ first, asked, first_reply: replies[0] }).toEqual({ first, asked, first_reply: expect.stringMatching(expected) });
    }
  });

  it('asks no "gaat het goed met u?" after "kan mn zoon dat voor mij doen": someone else doing it is no crisis', async () => {
    for (const [first, asked, expected] of [
      ['hoe vraag ik bijstand aan', 'kan mn zoon dat voor mij doen', /^Wilt u dat iemand anders iets voor u regelt/],
      ['I want to apply for social assistance', 'can my son do it for me', /^Do you want someone else to arrange things/],
    ] as const) {
      const id = await saidAlready(loket, first);
      const replies = await say(loket, id, asked);
      expect({ first, asked, replies }).toEqual({ first, asked, replies: [expect.stringMatching(expected)] });
    }
  });

  it('answers "kan mn moeder hem voor mij ophalen" right after the ID card with who may collect it, not the ID card answer again', async () => {
    // Without "voor mij" the relative alone says it: "mn" is SMS for mijn, for each relative the list names.
    for (const asked of ['kan mn moeder hem voor mij ophalen', 'kan mn zoon hem voor mij ophalen', 'kan mn moeder hem ophalen', 'mag mn vader hem ophalen?']) {
      const id = await saidAlready(loket, 'ik wil een nieuwe id kaart');
      const replies = await say(loket, id, asked);
      expect({ asked, replies }).toEqual({ asked, replies: [expect.stringMatching(/^Een paspoort of ID-kaart haalt u zelf op\..*Iemand anders mag het niet voor u ophalen\./)] });
    }
  });

  it('tells how to end a parking permit, also when a death is told with it', async () => {
    expect((await ask('hoe zeg ik mijn parkeervergunning op?')).replies).toContain('zegt u op via www.voorbeeld.nl/parkeren');
    const { replies, reasons } = await ask('mijn vader is vorige week overleden. hoe zeg ik zijn parkeervergunning op?');
    expect(replies).toMatch(/^Gecondoleerd.*zegt u op via www\.voorbeeld\.nl\/parkeren/);
    expect(reasons).toEqual(['bereavement']);
    expect((await ask('hoe vraag ik een parkeervergunning aan')).replies).toContain('vraagt u aan');
    // A death told without a question still gets the condolences and the person only.
    expect((await ask('mijn vader is vorige week overleden, hij had een parkeervergunning')).replies).not.toContain('zegt u op');
  });

  it('tells bereaved parents that the tax bill in their child\'s name is the estate\'s, not the general tax or dog tax text; a pet that died is the dog tax', async () => {
    const estate = /^Gecondoleerd.*De belasting van iemand die is overleden, wordt betaald uit de erfenis\./;
    const daughter = await ask('onze dochter is in september overleden en nu krijgen we een aanslag gemeentelijke belastingen op haar naam. moeten wij dat betalen?');
    expect(daughter.replies).toMatch(estate);
    expect(daughter.replies).not.toContain('Gemeentelijke belastingen zijn bijvoorbeeld');
    expect(daughter.reasons).toEqual(['bereavement']);
    const son = await ask('mijn zoon is overleden en er komt nog steeds een aanslag hondenbelasting op zijn naam');
    expect(son.replies).toMatch(estate);
    expect((await ask('our son died in august and now there is a municipal tax bill in his name. do we have to pay it?')).replies).toMatch(/^I am sorry for your loss\..*The tax of someone who has died is paid from the estate\./);
    // Without a death: the general answers, as before.
    expect((await ask('kan ik de ozb in termijnen betalen?')).replies).not.toContain('erfenis');
    const dog = await ask('mijn hond is overleden, hoe meld ik hem af voor de hondenbelasting');
    expect(dog.replies).toMatch(/^Heeft u een hond gekregen, of heeft u geen hond meer\?/);
    expect(dog.replies).not.toContain('erfenis');
  });

  it('tells that a parking permit belongs to the address when someone moved, not only how to report the move', async () => {
    expect((await ask('ik ben verhuisd binnen de gemeente, moet ik iets met mijn parkeervergunning?')).replies).toMatch(/^Uw parkeervergunning hoort bij uw adres\..*nieuwe vergunning/);
    expect((await ask('i moved to a new address in town, what about my parking permit?')).replies).toMatch(/^Your parking permit belongs to your address\./);
    expect((await ask('ik ben verhuisd')).replies).toMatch(/^Een nieuw adres geeft u door/);
    expect((await ask('hoe zeg ik mijn parkeervergunning op')).replies).toContain('zegt u op via www.voorbeeld.nl/parkeren');
    // Asked after the move's answer: the move is said already. A question of its own (the fees) is still that question.
    for (const [after, expected] of [['moet ik ook iets met mijn parkeervergunning', /^Uw parkeervergunning hoort bij uw adres\./], ['en mijn parkeervergunning?', /^Uw parkeervergunning hoort bij uw adres\./], ['wat kost een parkeervergunning eigenlijk', /^Wat een parkeervergunning kost/]] as const) {
      const id = await saidAlready(loket);
      expect((await say(loket, id, 'ik ben verhuisd')).join(' ')).toMatch(/^Een nieuw adres geeft u door/);
      expect({ after, said: (await say(loket, id, after)).join(' ') }).toEqual({ after, said: expect.stringMatching(expected) });
    }
  });

  it('answers who may collect a passport, ID card or driving licence; "kan iemand anders hem ophalen" and "can someone else pick it up" are no request for a person', async () => {
    const id = await saidAlready(loket);
    expect((await say(loket, id, 'ik moet een nieuw paspoort')).join(' ')).toMatch(/vraagt u aan bij de balie/);
    expect((await say(loket, id, 'kan iemand anders hem ophalen')).join(' ')).toMatch(/^Een paspoort of ID-kaart haalt u zelf op\..*machtiging/);
    expect((await loket.handoffs.list(['queued'])).filter((h) => h.conversationId === id)).toEqual([]);
    for (const text of ['mag mijn zoon mijn paspoort ophalen']) expect({ text, said: (await ask(text)).replies }).toEqual({ text, said: expect.stringMatching(/^Een paspoort of ID-kaart haalt u zelf op\./) });
    // A driving licence may sometimes be collected by someone else (found-wrong-followups-3).
    for (const text of ['kan iemand anders mijn rijbewijs ophalen?', 'mag mijn man mijn rijbewijs ophalen?']) expect({ text, said: (await ask(text)).replies }).toEqual({ text, said: expect.stringMatching(/^Uw rijbewijs mag soms iemand anders voor u ophalen\./) });
    // Anyone named as collecting, in either language, first or after the passport's answer.
    for (const text of ['mijn dochter van 8 heeft een nieuw paspoort nodig, kan haar vader het ophalen?']) expect({ text, said: (await ask(text)).replies }).toEqual({ text, said: expect.stringMatching(/^Een paspoort of ID-kaart haalt u zelf op\./) });
    for (const text of ['can my husband pick up my passport for me', 'can someone else collect my passport?', 'my passport is ready, can my wife collect it?']) expect({ text, said: (await ask(text)).replies }).toEqual({ text, said: expect.stringMatching(/^You collect a passport or ID card yourself\./) });
    const en = await saidAlready(loket, 'I need a new passport');
    expect((await say(loket, en, 'can someone else pick it up for me')).join(' ')).toMatch(/^You collect a passport or ID card yourself\./);
    expect((await loket.handoffs.list(['queued'])).filter((h) => h.conversationId === en)).toEqual([]);
    // One's own collecting is the passport's answer; collecting the bulky waste is the waste's; a person asked for is still a person.
    expect((await ask('wanneer kan ik mijn paspoort ophalen')).replies).not.toContain('haalt u zelf op');
    expect((await ask('wanneer kan ik mijn paspoort ophalen voor mijn vakantie')).replies).not.toContain('haalt u zelf op');
    expect((await ask('kan iemand mijn grofvuil ophalen?')).replies).toContain('www.voorbeeld.nl/afval');
    expect((await ask('kan iemand mij bellen')).reasons).toEqual(['explicit_request']);
  });

  it('answers "ik wil mijn gegevens inzien" and "welke gegevens hebben jullie van mij?" with what is kept and how to ask for it (AVG), not a change of details or which papers to send', async () => {
    for (const text of ['ik wil mijn gegevens inzien', 'welke gegevens hebben jullie van mij?', 'hoe kan ik mijn gegevens opvragen bij de gemeente']) {
      expect({ text, ...(await ask(text)) }).toEqual({ text, replies: expect.stringMatching(/^Wij gebruiken uw gegevens om uw vraag te beantwoorden\..*www\.voorbeeld\.nl\/privacy/), reasons: [] });
    }
    for (const text of ['I want to see my data', 'what data do you have about me?', 'can I get a copy of my data']) {
      expect({ text, ...(await ask(text)) }).toEqual({ text, replies: expect.stringMatching(/^We use your details to answer your question\..*www\.voorbeeld\.nl\/privacy/), reasons: [] });
    }
    expect((await ask('ik wil mijn gegevens wijzigen')).replies).toMatch(/Mijn Voorbeeld/);
    expect((await ask('welke papieren heb ik nodig voor bijzondere bijstand?')).replies).toMatch(/^Welke papieren u nodig heeft/);
  });

  it('tells how to claim damage by a hole in the road or a paving stone, and a hole without damage is a street report', async () => {
    for (const text of ['ik heb schade aan mijn auto door een gat in de weg, hoe dien ik een claim in?', 'mijn fiets is kapot door een losliggende stoeptegel, kan ik de schade verhalen?', 'my car was damaged by a pothole, can I claim?']) {
      const { replies, reasons } = await ask(text);
      expect({ text, replies }).toEqual({ text, replies: expect.stringContaining('www.voorbeeld.nl/schade') });
      expect({ text, reasons }).toEqual({ text, reasons: [] });
    }
    expect((await ask('er ligt een gat in de weg bij mij in de straat')).replies).toContain('www.voorbeeld.nl/melding');
  });
});

describe('money follow-ups', () => {
  /** The replies to each message in turn, in one new conversation. */
  async function talk(...messages: string[]): Promise<string[]> {
    const id = await saidAlready(loket);
    const out: string[] = [];
    for (const m of messages) out.push((await say(loket, id, m)).join(' '));
    return out;
  }

  it('answers "en als ik het niet kan betalen?" after the taxes, a fee or money to pay back with a payment plan, remission and debt help', async () => {
    for (const first of ['hoeveel is de afvalstoffenheffing', 'wat kost een omgevingsvergunning', 'ik moet 800 euro terugbetalen']) {
      const [, then] = await talk(first, 'en als ik het niet kan betalen');
      expect({ first, then }).toEqual({ first, then: expect.stringMatching(/^Kunt u het niet betalen\? Vraag dan een betalingsregeling aan.*kwijtschelding.*schuldhulp/) });
    }
  });

  it('tells how many instalments is agreed, after paying back or a payment plan, not the benefit payment dates', async () => {
    const [, terms, cannot] = await talk('ik moet 800 euro terugbetalen', 'hoeveel termijnen mag ik', 'en als ik het niet kan betalen');
    expect(terms).toMatch(/^Hoeveel u per maand betaalt en hoe lang, spreken we met u af/);
    expect(cannot).toMatch(/^Kunt u het niet betalen\?/);
    expect((await talk('kan ik de boete in termijnen betalen', 'hoeveel per maand?'))[1]).toMatch(/^Hoeveel u per maand betaalt/);
  });

  it('tells how money paid too much comes back, after the answer on what it was paid for', async () => {
    const [, back] = await talk('ik heb te veel betaald voor mijn paspoort', 'hoe krijg ik mijn geld terug');
    expect(back).toMatch(/^Heeft u te veel of twee keer betaald aan de gemeente\? Dan krijgt u het geld terug\./);
    expect(back).not.toMatch(/uitkering/);
  });

  it('answers "ik wil een dakkapel bouwen" with the permit check, and "wat kost dat?" after it with the permit fees', async () => {
    const [check, cost] = await talk('ik wil een dakkapel bouwen', 'wat kost dat');
    expect(check).toMatch(/^Of u een vergunning nodig heeft, ziet u met de Vergunningcheck/);
    expect(cost).toMatch(/^Wat een omgevingsvergunning kost \(de leges\)/);
  });
});

describe('a passport lost abroad, and whom to call for the AOW', () => {
  it('sends someone abroad to the embassy for an emergency passport, not to our desk', async () => {
    for (const text of ['mijn paspoort is gestolen in spanje, ik moet morgen terug vliegen', 'ik zit in het buitenland en mijn paspoort is verlopen', 'my passport was stolen in france']) {
      const { replies } = await ask(text);
      expect({ text, replies }).toEqual({ text, replies: expect.stringMatching(/ambassade|embassy/) });
      expect({ text, replies }).not.toEqual({ text, replies: expect.stringMatching(/balie in het gemeentehuis|desk in the town hall/) });
    }
    expect((await ask('mijn paspoort is verlopen, wat nu')).replies).not.toMatch(/ambassade/);
  });

  it('names the SVB for "wie moet ik dan bellen?" after the AOW answer', async () => {
    const id = await saidAlready(loket);
    await say(loket, id, 'wanneer krijg ik mijn aow');
    expect((await say(loket, id, 'wie moet ik dan bellen')).join(' ')).toMatch(/^In mijn antwoord staat: U kunt de SVB bellen: het nummer staat op www\.svb\.nl\./);
  });
});

describe('no money for food while a person of debt support is not there yet', () => {
  it('says where to get food after the acknowledgement, and again for "wat moet ik dan doen tot maandag?"; not for debts alone', async () => {
    const id = await saidAlready(loket);
    const first = await say(loket, id, 'ik heb geen geld voor eten dit weekend');
    expect(first[0]).toMatch(/geldzorgen/);
    expect(first[1]).toMatch(/^Heeft u vandaag of dit weekend geen geld voor eten\? Ga dan naar de voedselbank/);
    // A question, not a goodbye ("tot maandag" made the classifier read one).
    const meanwhile = (await say(loket, id, 'wat moet ik dan doen tot maandag')).join(' ');
    expect(meanwhile).toMatch(/voedselbank/);
    expect(meanwhile).not.toMatch(/Tot ziens/);
    expect((await say(loket, id, 'ok tot maandag')).join(' ')).not.toMatch(/voedselbank/);
    const debts = await saidAlready(loket);
    expect((await say(loket, debts, 'ik heb schulden en de deurwaarder komt')).join(' ')).not.toMatch(/voedselbank/);
    expect((await say(loket, debts, 'wat moet ik dan doen')).join(' ')).not.toMatch(/voedselbank/);
  });
});

describe('the acknowledgement of frustration', () => {
  it('says sorry and that a person looks at it, without telling a disappointed or impatient citizen they are angry', async () => {
    for (const [text, sorry] of [
      ['ik ben niet boos maar wel teleurgesteld, dit duurt al 3 maanden', /^Het spijt me dat het zo loopt\..*Een medewerker kijkt persoonlijk naar uw vraag\.$/],
      ['ik ben echt teleurgesteld in jullie, dit duurt veel te lang', /^Het spijt me dat het zo loopt\./],
      ['I am not angry, just disappointed. This has taken three months', /^I am sorry about how this has gone\..*A person will look at your question personally\.$/],
    ] as const) {
      const { replies, reasons } = await ask(text);
      expect({ text, reasons }).toEqual({ text, reasons: ['frustration'] });
      expect(replies, text).toMatch(sorry);
      expect(replies, text).not.toMatch(/\bboos\b|\bangry\b/i);
    }
  });
});

describe('what an answer did not say, asked right after it', () => {
  it('"wat kost dat?" after waste gets the cost of bulky waste; "hoe lang duurt dat?" after remission the decision term; "hoe lang van tevoren?" after a move how early', async () => {
    for (const [first, asked, expected] of [
      // The waste answer says nothing on cost: "Wat ik erover weet, staat in mijn antwoord hierboven".
      ['waar kan ik mijn grofvuil kwijt', 'wat kost dat?', /^Grofvuil laten ophalen is 4 keer per jaar gratis\. Daarna kost het 25 euro per keer\. Maak een afspraak op www\.voorbeeld\.nl\/grofvuil/],
      ['where can I leave my bulky waste', 'what does that cost?', /^Having bulky waste collected is free 4 times a year\./],
      // Remission named no time at all.
      ['ik wil kwijtschelding aanvragen', 'hoe lang duurt dat?', /^In mijn antwoord staat: U krijgt binnen 8 weken een brief met ons besluit\./],
      ['how do I apply for remission', 'how long does that take?', /^My answer says: You get a letter with our decision within 8 weeks\./],
      // The move named only the 5 days after it.
      ['ik ga verhuizen, hoe geef ik dat door', 'hoe lang van tevoren?', /^In mijn antwoord staat: Doe dat binnen 5 dagen na uw verhuizing\. U mag het ook al eerder doorgeven, tot 4 weken voor de verhuisdatum\./],
      ['I am moving, how do I report it', 'how long before?', /up to 4 weeks before the moving date/],
    ] as const) {
      const id = await saidAlready(loket, first);
      expect({ first, asked, replies: await say(loket, id, asked) }).toEqual({ first, asked, replies: [expect.stringMatching(expected)] });
    }
    // How early one may report a move is no time it takes; the waste tax keeps the taxes' answer.
    expect((await say(loket, await saidAlready(loket, 'ik ga verhuizen, hoe geef ik dat door'), 'hoe lang duurt het?')).join(' ')).not.toMatch(/4 weken/);
    expect((await ask('wat kost de afvalstoffenheffing')).replies).toMatch(/^Gemeentelijke belastingen zijn bijvoorbeeld/);
  });

  it('tells where to ask for a birth, marriage or death certificate, which the BRP extract is not; "dat begrijp ik niet" before', async () => {
    for (const text of ['ik wil mijn geboorteakte', 'hoe kom ik aan een uittreksel van mijn huwelijksakte', 'waar vraag ik een afschrift van de geboorteakte van mijn zoon aan', 'I need my birth certificate', 'where do I get a marriage certificate']) {
      const { replies, reasons } = await ask(text);
      expect({ text, replies }).toEqual({ text, replies: expect.stringMatching(/^(Een geboorteakte, huwelijksakte of overlijdensakte vraagt u aan bij de gemeente waar|You ask for a birth, marriage or death certificate at the municipality where).*(www\.voorbeeld\.nl\/akte)/) });
      expect(reasons).toEqual([]);
    }
    // The extract of the personal records stays its own answer.
    expect((await ask('hoe vraag ik een uittreksel BRP aan')).replies).toMatch(/^Een uittreksel uit de Basisregistratie Personen/);
  });

  it('"kan t eerder?" right after when a benefit is paid gets that it is paid on a fixed day, and what can be done for money today; "staat hierboven" before', async () => {
    for (const [first, asked, answer] of [
      ['wnr wordt bijstand gestort', 'kan t eerder', /^Eerder uitbetalen kan meestal niet\..*Bel dan 14 0123\..*vanzelf een voorschot\.$/],
      ['when is my benefit paid', 'can i get it sooner', /^Paying earlier is usually not possible\./],
    ] as const) {
      const id = await saidAlready(loket, first);
      expect({ asked, replies: (await say(loket, id, asked)).join(' ') }).toEqual({ asked, replies: expect.stringMatching(answer) });
    }
    expect((await ask('kan mijn uitkering eerder gestort worden')).replies).toMatch(/^Eerder uitbetalen kan meestal niet\./);
  });

  it('a passport for a baby or child gets that the child comes along and both parents agree; "hoe oud mag de pasfoto zijn?" the photo rules, not which papers an application needs', async () => {
    for (const text of ['ik moet een paspoort aanvragen voor mijn baby', 'mijn dochter heeft een id kaart nodig', 'I need a passport for my son']) {
      expect({ text, replies: (await ask(text)).replies }).toEqual({ text, replies: expect.stringMatching(/^(Een paspoort of ID-kaart voor een kind|You apply for a passport or ID card for a child).*(beide ouders met gezag|both parents with parental authority)/) });
    }
    // Collecting one's child's passport stays who may collect it.
    expect((await ask('mag ik het paspoort van mijn zoon ophalen')).replies).toMatch(/^Een paspoort of ID-kaart haalt u zelf op\./);
    const id = await saidAlready(loket, 'hoe vraag ik een paspoort aan');
    expect((await say(loket, id, 'hoe oud mag de pasfoto zijn')).join(' ')).toMatch(/^Een pasfoto voor een paspoort, ID-kaart of rijbewijs is niet ouder dan 6 maanden\./);
    expect((await ask('what are the rules for a passport photo')).replies).toMatch(/^A passport photo for a passport/);
    // Applying, with the photo named beside it: the document's whole answer.
    expect((await ask('ik wil een paspoort aanvragen, moet ik een pasfoto meenemen')).replies).toMatch(/^Een paspoort, ID-kaart of rijbewijs vraagt u aan/);
  });
});
