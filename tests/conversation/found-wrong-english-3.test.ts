/**
 * English conversations found wrong by probing, third round (first questions of newcomers and students, and
 * follow-ups right after a status), through a real Loket with the real recognizer. Each block says what the
 * citizen got before.
 */
import { describe, expect, it } from 'vitest';
import type { Loket } from '../../src/server/loket.ts';
import { DORMER, PARKING, saidAfter, saidAlready } from '../support/loket.ts';
import { useLoket } from '../support/use-loket.ts';

let loket: Loket;
useLoket((started) => (loket = started));

const after = (before: string[], asked: string) => saidAfter(loket, before, asked);
const CRISIS = /113/;

describe('a dog brought to the town hall', () => {
  // Before: "can i bring my dog to the town hall" got the opening hours; "mag mijn hond mee naar het gemeentehuis"
  // that one may bring someone to the appointment. The dialogs have no facts on pets in the building.
  it('says honestly it does not know, and who can tell: no opening hours, no rule made up', async () => {
    for (const asked of ['can i bring my dog to the town hall', 'are dogs allowed in the town hall', 'can i take my dog to my appointment']) {
      const said = await after([], asked);
      expect({ asked, said }).toEqual({ asked, said: expect.stringMatching(/^I do not know whether you can bring a dog or another pet into the town hall\. .*Call 14 0123 before you come\./) });
    }
    for (const asked of ['mag mijn hond mee naar het gemeentehuis', 'mag ik mijn hond meenemen naar de balie']) {
      const said = await after([], asked);
      expect({ asked, said }).toEqual({ asked, said: expect.stringMatching(/^Of u een hond of ander huisdier mee mag nemen in het gemeentehuis, weet ik niet\./) });
    }
  });

  it('keeps the dog tax and bringing a person their own answers', async () => {
    expect(await after([], 'how much is the dog tax')).not.toMatch(/pet into the town hall/);
    expect(await after([], 'hoeveel is de hondenbelasting')).not.toMatch(/huisdier mee/);
    expect(await after([], 'can i bring a friend to my appointment')).not.toMatch(/pet into the town hall/);
    expect(await after([], 'kan ik honderd euro meenemen naar de balie')).not.toMatch(/huisdier mee/);
  });

  it('still hands over a crisis in the same form', async () => {
    for (const asked of ['can i bring my dog to the town hall, i want to end my life', 'mag mijn hond mee naar het gemeentehuis, ik wil er niet meer zijn']) {
      expect({ asked, said: await after([], asked) }).toEqual({ asked, said: expect.stringMatching(CRISIS) });
    }
  });
});

describe('parking a bike at the station', () => {
  // Before: "where can i park my bike at the station" got the town hall's address and hours; "waar kan ik mijn fiets
  // parkeren bij het station" how to apply for a parking permit.
  it('says honestly it only knows the town hall, and where to look', async () => {
    for (const asked of ['where can i park my bike at the station', 'where can i park at the train station', 'where do i park my bicycle near the station']) {
      const said = await after([], asked);
      expect({ asked, said }).toEqual({ asked, said: expect.stringMatching(/^I do not know where you can park at the station\. I only have information about parking at the town hall\..*www\.ns\.nl/) });
    }
    expect(await after([], 'waar kan ik mijn fiets parkeren bij het station')).toMatch(/^Waar u bij het station kunt parkeren, weet ik niet\./);
  });

  it('keeps parking at the town hall and a bike taken away their own answers', async () => {
    expect(await after([], 'where can i park my bike')).toMatch(/^The town hall is at Voorbeeldplein 1/);
    expect(await after([], 'my bike was removed at the station')).toMatch(/^Was your bike removed by the municipality\?/);
  });

  it('still hands over a crisis in the same form', async () => {
    expect(await after([], 'where can i park my bike at the station, i want to jump in front of the train')).toMatch(CRISIS);
  });
});

describe('what a BSN is', () => {
  // Before: "what is a bsn" and "wat is een bsn" got "Sorry, I did not understand that"; "wat is een burgerservicenummer"
  // and "what is a citizen service number" the opening hours; "wat is een bsn nummer" where one's own is written.
  it('explains the citizen service number, how you get it and where it is written', async () => {
    for (const asked of ['what is a bsn', 'whats a bsn', 'what does bsn mean', 'what is a citizen service number', 'what does bsn stand for', 'what is a bsn number?']) {
      const said = await after([], asked);
      expect({ asked, said }).toEqual({ asked, said: expect.stringMatching(/^The BSN \(burgerservicenummer, citizen service number\) is your personal number for the Dutch government\..*You get it when you register with the municipality\..*passport or ID card/) });
    }
    for (const asked of ['wat is een bsn', 'wat is een burgerservicenummer', 'wat betekent bsn', 'wat is een bsn nummer']) {
      const said = await after([], asked);
      expect({ asked, said }).toEqual({ asked, said: expect.stringMatching(/^Het burgerservicenummer \(BSN\) is uw persoonlijke nummer bij de overheid\..*U krijgt het als u zich inschrijft bij de gemeente\./) });
    }
  });

  it('keeps where one\'s own is written, and how a newcomer gets one, their own answers', async () => {
    expect(await after([], 'what is my bsn')).toMatch(/^Your citizen service number \(BSN\) is on your Dutch passport or ID card/);
    expect(await after([], 'wat is mijn bsn')).toMatch(/^Uw burgerservicenummer \(BSN\) staat op uw Nederlandse paspoort of ID-kaart/);
    expect(await after([], 'how do i get a bsn')).toMatch(/^Coming to live in the Netherlands\?/);
  });

  it('still hands over a crisis in the same form', async () => {
    expect(await after([], 'what is a bsn, i want to end my life')).toMatch(CRISIS);
    expect(await after([], 'wat is een bsn? ik wil er niet meer zijn')).toMatch(CRISIS);
  });
});

describe('a landlord who does not allow registering', () => {
  // Before: "my landlord does not allow me to register" and "mijn huisbaas wil niet dat ik me inschrijf" got "Sorry, I did not
  // understand that"; "mijn verhuurder wil niet dat ik me inschrijf op het adres" how to report a move.
  it('says one must register where one lives, that the landlord cannot forbid it, and offers a person', async () => {
    for (const asked of ['my landlord does not allow me to register', 'my landlord wont let me register', 'my landlord says i cannot register at his address', 'landlord does not want me to register',
      'the main occupant wont give me a letter for registration']) {
      const said = await after([], asked);
      expect({ asked, said }).toEqual({ asked, said: expect.stringMatching(/^In the Netherlands you must register at the address where you live\. .*Your landlord cannot forbid that\..*Or type: staff member\./) });
    }
    for (const asked of ['mijn huisbaas wil niet dat ik me inschrijf', 'mijn verhuurder wil niet dat ik me inschrijf op het adres', 'ik mag me niet inschrijven van mijn huisbaas']) {
      const said = await after([], asked);
      expect({ asked, said }).toEqual({ asked, said: expect.stringMatching(/^In Nederland moet u zich inschrijven op het adres waar u woont\. .*Uw verhuurder mag dat niet verbieden\..*Of typ: medewerker\./) });
    }
  });

  it('keeps a landlord who does not repair, and a move, their own answers', async () => {
    expect(await after([], 'my landlord won\'t fix the mould')).toMatch(/^Do you have mould, damp, a leak or another defect/);
    expect(await after([], 'how do i register my new address')).toMatch(/^You report a new address at www\.voorbeeld\.nl\/verhuizen/);
  });

  it('still hands over a crisis in the same form', async () => {
    expect(await after([], 'my landlord does not allow me to register, i want to end my life')).toMatch(CRISIS);
    expect(await after([], 'mijn huisbaas wil niet dat ik me inschrijf, ik wil er niet meer zijn')).toMatch(CRISIS);
  });
});

describe('stopping one\'s bijstand', () => {
  // Before: "i want to stop my bijstand" got "Sorry, I did not understand that"; "ik wil mijn bijstand stoppen" and "hoe stop ik
  // mijn uitkering" the answer on every kind of detail (a new address, a bank account, a name), which says nothing of stopping.
  it('says to report it in Mijn Voorbeeld, or call and a staff member helps', async () => {
    for (const asked of ['i want to stop my bijstand', 'how do i stop my social assistance', 'i want to cancel my benefit', 'i no longer need bijstand']) {
      const said = await after([], asked);
      expect({ asked, said }).toEqual({ asked, said: expect.stringMatching(/^Is something changing in your work, income or household\? Or do you want to stop your benefit\? Report it straight away in Mijn Voorbeeld/) });
    }
    for (const asked of ['ik wil mijn bijstand stoppen', 'hoe stop ik mijn uitkering', 'ik heb geen bijstand meer nodig']) {
      const said = await after([], asked);
      expect({ asked, said }).toEqual({ asked, said: expect.stringMatching(/^Verandert er iets in uw werk, inkomen of gezin\? Of wilt u stoppen met uw uitkering\?/) });
    }
  });

  it('keeps a benefit that stopped its own answer, and gives it for when it stops', async () => {
    expect(await after([], 'my bijstand stopped why')).toMatch(/^Is your benefit stopping, or has it stopped\? The decision letter says why\./);
    expect(await after([], 'mijn bijstand is gestopt, waarom?')).toMatch(/^Stopt uw uitkering, of is die gestopt\?/);
    // Before: when benefits are paid.
    expect(await after([], 'when will my uitkering stop')).toMatch(/^Is your benefit stopping, or has it stopped\?/);
    expect(await after([], 'wanneer gaat mijn uitkering stoppen')).toMatch(/^Stopt uw uitkering, of is die gestopt\?/);
  });

  it('still hands over a crisis in the same form', async () => {
    expect(await after([], 'i want to stop my bijstand, i want to end my life')).toMatch(CRISIS);
    expect(await after([], 'ik wil mijn bijstand stoppen, ik wil er niet meer zijn')).toMatch(CRISIS);
  });
});

describe('a student from abroad registering an address', () => {
  // Before: "i am an international student, how do i register my address" and the like got how to report a move
  // online with DigiD, which a newcomer does not have yet; only "a student from abroad" was read as coming from abroad.
  it('gets the first registration at the desk, as a newcomer', async () => {
    for (const asked of ['i am an international student, how do i register my address', 'im an exchange student, i need to register my address',
      'i came here to study, where do i register my address', 'i moved here to study, how do i register', 'international student where to register address',
      'i am a foreign student and i moved into a room, how do i report my address', 'i am a student from abroad, where do i register']) {
      const said = await after([], asked);
      expect({ asked, said }).toEqual({ asked, said: expect.stringMatching(/^Coming to live in the Netherlands\? Then register with the municipality within 5 days of arrival\./) });
    }
  });

  it('keeps a student moving within the town the move\'s answer', async () => {
    expect(await after([], 'i am a student and i moved to another room, how do i change my address')).toMatch(/^You report a new address at www\.voorbeeld\.nl\/verhuizen/);
  });

  it('still hands over a crisis in the same form', async () => {
    expect(await after([], 'i am an international student, how do i register my address, i want to end my life')).toMatch(CRISIS);
  });
});

describe('"can i do it online" right after a status goes the way "kan ik het online doen?" goes', () => {
  // Before: a rule of its own for the English reading (changing one's details, unsure) gave the same words, but as an answer
  // of change_details that counted no miss: a second message not understood asked again, where the Dutch one brings a person.
  const traced = async (id: string, text: string) => (await loket.service.receive(id, { type: 'message', text, from: { id: 'citizen' } })).replies.map((r) => {
    const t = r.activity.channelData?.trace as { step?: string; intent?: string } | undefined;
    return `${t?.step} ${t?.intent}`;
  });

  it('is a message not placed, about the case, in both languages; the next miss brings a person in both', async () => {
    for (const [status, asked, again] of [[DORMER, 'can i do it online', 'hmm'], [PARKING, 'can i check it online', 'hmm'], [DORMER, 'kan ik het online doen?', 'hmm']]) {
      const id = await saidAlready(loket, asked!.startsWith('kan') ? 'ik wil mijn aanvraag checken' : 'i want to check my case', status!);
      expect({ asked, traces: await traced(id, asked!) }).toEqual({ asked, traces: ['fallback_after_case none'] });
      expect({ asked, traces: await traced(id, again!) }).toEqual({ asked, traces: [expect.stringMatching(/^not_understood /)] });
    }
  });

  it('still hands over a crisis in the same form', async () => {
    expect(await after(['i want to check my case', DORMER], 'can i do it online, i want to end my life')).toMatch(CRISIS);
  });
});

describe('changing the application, right after the dormer\'s status', () => {
  // Before: "can i still change it" and "can i change it online" got the answer on a new address, bank account or name.
  it('says how to change an application that has no decision yet', async () => {
    for (const asked of ['can i still change it', 'can i change it online']) {
      const said = await after(['i want to check my case', DORMER], asked);
      expect({ asked, said }).toEqual({ asked, said: expect.stringMatching(/^Do you want to change something in your application, such as the drawing\? Usually you can, as long as there is no decision yet\./) });
    }
  });

  it('keeps "change it online" after the bank account answer that answer\'s own', async () => {
    expect(await after(['how do i change my bank account'], 'can i change it online')).toMatch(/bank account number yourself in Mijn Voorbeeld/);
  });

  it('still hands over a crisis in the same form', async () => {
    expect(await after(['i want to check my case', DORMER], 'can i still change it, i want to end my life')).toMatch(CRISIS);
  });
});

describe('"what happens if they say no" right after the dormer\'s status', () => {
  // Before: the answer on a negative advice, then "Just to be sure: are you all right? … Are you thinking about suicide?"
  // (the crisis model alone leaned to it); "what if they say no" got no such question.
  it('gets the answer on a negative advice, with no check-in', async () => {
    for (const [asked, answer, checkIn] of [['what happens if they say no', /^Is the advice of the welstandscommissie negative\?/, /are you all right/i],
      ['wat gebeurt er als ze nee zeggen', /^Is het advies van de welstandscommissie negatief\?/, /gaat het goed met u/i]] as const) {
      const said = await after(['i want to check my case', DORMER], asked);
      expect({ asked, said }).toEqual({ asked, said: expect.stringMatching(answer) });
      expect({ asked, said }).toEqual({ asked, said: expect.not.stringMatching(checkIn) });
    }
  });

  it('still hands over a crisis in the same form', async () => {
    expect(await after(['i want to check my case', DORMER], 'what happens if they say no, then i will end my life')).toMatch(CRISIS);
    expect(await after(['ik wil mijn aanvraag checken', DORMER], 'wat gebeurt er als ze nee zeggen, dan wil ik er niet meer zijn')).toMatch(CRISIS);
  });
});

describe('registering a death', () => {
  // Before: "how do i report a death" got how to report a new address; "how do i register a death" "Sorry, I did not understand
  // that"; "my father died, how do i register his death" condolences, a person, and how to report a new address.
  it('says the death is registered with the municipality, usually by the funeral director, and who helps', async () => {
    for (const asked of ['how do i report a death', 'how do i register a death', 'my father died, how do i register his death']) {
      const said = await after([], asked);
      expect({ asked, said }).toEqual({ asked, said: expect.stringMatching(/When someone dies, the death is registered with the municipality where the person died\. Usually the funeral director does this for you\./) });
      expect({ asked, said }).toEqual({ asked, said: expect.not.stringMatching(/new address/) });
    }
    expect(await after([], 'hoe doe ik aangifte van overlijden')).toMatch(/Als iemand overlijdt, doet u aangifte bij de gemeente waar hij of zij is overleden\./);
  });

  it('still hands over a crisis in the same form', async () => {
    expect(await after([], 'how do i register a death, i want to end my life')).toMatch(CRISIS);
  });
});

describe('registering a baby', () => {
  // Before: "do i need to register my baby" got which papers an application needs ("Often it is a valid ID and proof of income").
  it('gets how to register the birth', async () => {
    for (const asked of ['do i need to register my baby', 'how do i register my baby']) {
      const said = await after([], asked);
      expect({ asked, said }).toEqual({ asked, said: expect.stringMatching(/^Has your child been born\? Then register the birth within 3 working days/) });
      expect({ asked, said }).toEqual({ asked, said: expect.not.stringMatching(/proof of income/) });
    }
  });

  it('keeps a passport for one\'s baby the passport\'s answer', async () => {
    expect(await after([], 'i need a passport for my baby')).not.toMatch(/register(ed)? the birth|registration of the birth/i);
  });

  it('still hands over a crisis in the same form', async () => {
    expect(await after([], 'do i need to register my baby, i want to end my life')).toMatch(CRISIS);
  });
});
