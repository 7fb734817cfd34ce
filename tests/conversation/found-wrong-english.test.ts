/**
 * English conversations found wrong by hand (expats, students, EU workers), through a real Loket with the
 * real recognizer. Each block says what the citizen got before.
 */
import { describe, expect, it } from 'vitest';
import type { Loket } from '../../src/server/loket.ts';
import { DORMER, PARKING, saidAfter, saidAlready, say } from '../support/loket.ts';
import { useLoket } from '../support/use-loket.ts';

let loket: Loket;
useLoket((started) => (loket = started));

const after = (before: string[], asked: string) => saidAfter(loket, before, asked);

describe('a passport or ID card of another country', () => {
  // Before: "You apply for a passport, ID card or driving licence at the desk in the town hall", as if the
  // municipality could renew a German or Indian passport.
  it('says honestly that only Dutch ones are made here, and points to their own embassy', async () => {
    for (const asked of ['my passport is expired, im german. can i renew it here', 'can you renew my indian passport', 'i am polish and lost my id card',
      'i have a foreign passport that expires next month, what do i do']) {
      const said = await after([], asked);
      expect({ asked, said }).toEqual({ asked, said: expect.stringMatching(/^We can only make Dutch passports and ID cards\..*embassy or consulate of your country/) });
      expect(said).not.toMatch(/You apply for a passport, ID card or driving licence at the desk/);
    }
    expect(await after([], 'ik ben pools en mijn paspoort is verlopen')).toMatch(/^Wij kunnen alleen Nederlandse paspoorten en ID-kaarten maken\./);
  });

  it('keeps the desk for a Dutch passport, and the Dutch embassy for one lost abroad', async () => {
    expect(await after([], 'how do i renew my passport')).toMatch(/^You apply for a passport, ID card or driving licence at the desk/);
    expect(await after([], 'my passport was stolen in spain')).toMatch(/^Are you abroad and is your passport or ID card lost/);
  });
});

describe('a driving licence from another country', () => {
  // Before: the answer on a new Dutch licence ("bring your current driving licence"), or for "is it valid
  // here" how long a Dutch passport is valid.
  it('says how long it may be used here, that the RDW decides on an exchange, and where to apply', async () => {
    for (const asked of ['i need to exchange my foreign driving licence', 'can i swap my us drivers license for a dutch one', 'i have a british driving license, is it valid here']) {
      const said = await after([], asked);
      expect({ asked, said }).toEqual({ asked, said: expect.stringMatching(/^A driving licence from an EU or EFTA country .*185 days.*RDW/) });
    }
    expect(await after([], 'ik wil mijn buitenlandse rijbewijs omwisselen')).toMatch(/^Een rijbewijs uit een land van de EU of de EFTA .*185 dagen.*RDW/);
  });

  it('keeps the answer on a new Dutch licence', async () => {
    expect(await after([], 'how do i renew my driving licence')).toMatch(/^You apply for a new driving licence at the desk/);
  });
});

describe('getting a BSN as a newcomer', () => {
  // Before: "Sorry, I did not understand that", and "how long does it take" after it a person at once.
  it('is the registration, which gives the BSN', async () => {
    for (const asked of ['how do i get a BSN', 'how do i get a bsn number', 'where can i apply for a bsn', 'i need a BSN for my job, how']) {
      const said = await after([], asked);
      expect({ asked, said }).toEqual({ asked, said: expect.stringMatching(/^Coming to live in the Netherlands\? Then register with the municipality.*You then get a BSN/) });
    }
  });

  it('keeps where to find one\'s own BSN', async () => {
    expect(await after([], 'where can i find my BSN')).toMatch(/^Your citizen service number \(BSN\) is on/);
  });
});

describe('what exchanging a foreign driving licence costs, right after its answer', () => {
  // Before: "What I know about it is in my answer above", which says nothing on the fees.
  it('gives the fees of a driving licence', async () => {
    expect(await after(['i need to exchange my foreign driving licence'], 'what does it cost')).toMatch(/^What a passport, ID card or driving licence costs is on www\.voorbeeld\.nl\/leges\./);
    expect(await after([], 'what does it cost to exchange my driving licence')).toMatch(/^What a passport, ID card or driving licence costs/);
  });

  // Before: "how long does it take" got the 185 days one may drive on it, as if the exchange took that long.
  it('says how long the exchange takes', async () => {
    const said = await after(['i need to exchange my foreign driving licence'], 'how long does it take');
    expect(said).toMatch(/The RDW checks your licence first, so it takes more than 5 working days\./);
    expect(said).not.toMatch(/185/);
  });
});

describe('"what if they say no?" right after the status of an application not yet decided', () => {
  const STATUS = ['i want to check my case', DORMER];
  // Before: "what if its rejected" got "I cannot answer that", and all of them, answered or not, "are you all
  // right? ... Are you thinking about suicide?" after it: the crisis model leaned to them, and the English word
  // order ("they say no", "its rejected") was not read as the plain follow-up it is.
  it('answers what a refusal would mean, with no check-in', async () => {
    for (const asked of ['what if its rejected', 'what if it gets rejected?', 'what if they reject it', "and what if it's refused"]) {
      const replies = await say(loket, await saidAlready(loket, ...STATUS), asked);
      expect({ asked, replies }).toEqual({ asked, replies: [expect.stringMatching(/^There is no decision on your application yet\. You can only object once there is a decision\./)] });
    }
    const replies = await say(loket, await saidAlready(loket, ...STATUS), 'what if they say no');
    expect(replies).toHaveLength(1);
    expect(replies[0]).not.toMatch(/are you all right|113/);
  });

  it('still hands a crisis in the same words to a person at once, with the crisis line', async () => {
    for (const asked of ["what if they say no, then i don't want to live anymore", 'what if its rejected i will kill myself']) {
      const said = (await say(loket, await saidAlready(loket, ...STATUS), asked)).join(' ');
      expect({ asked, said }).toEqual({ asked, said: expect.stringMatching(/113/) });
      expect({ asked, said }).toEqual({ asked, said: expect.stringMatching(/A person from the municipality will also contact you/) });
    }
  });
});

describe('asking for English right after a status told in Dutch', () => {
  // A case number with postcode and birth date says nothing about language, so the status comes in Dutch.
  // Before: "english please" got "What would you like to know?" (the status not again, in English), and
  // "sorry i dont understand dutch" a person for a language barrier, which the assistant does not have.
  it('tells the status again in English, with what it means', async () => {
    for (const asked of ['english please', 'english?', 'in english pls', 'sorry i dont understand dutch', "i don't speak dutch"]) {
      const id = await saidAlready(loket, DORMER);
      const replies = await say(loket, id, asked);
      expect({ asked, replies }).toEqual({ asked, replies: ['Of course. I will answer in English from now on.', expect.stringMatching(/^Your case Z-2026-000123 .*This means: your application is not finished yet\./)] });
      expect({ asked, handoffs: (await loket.handoffs.list(['queued'])).filter((h) => h.conversationId === id) }).toEqual({ asked, handoffs: [] });
    }
  });

  it('still brings a person for a Dutch letter to read, and only switches when no answer was just told', async () => {
    const id = await saidAlready(loket, DORMER);
    await say(loket, id, "i don't understand dutch, i can't read the letter you sent me");
    expect((await loket.handoffs.list(['queued'])).filter((h) => h.conversationId === id)).toEqual([expect.objectContaining({ reason: 'vulnerability' })]);
    expect(await say(loket, await saidAlready(loket), 'english please')).toEqual(['Of course. I will answer in English from now on. What would you like to know?']);
  });

  it('still gives the crisis line and a person for a crisis beside the language', async () => {
    const said = (await say(loket, await saidAlready(loket, DORMER), "i don't speak dutch and i want to die")).join(' ');
    expect(said).toMatch(/113/);
    expect(said).not.toMatch(/^Of course\. I will answer in English/);
  });
});

describe('"do i get a sticker?" right after the parking permit was granted', () => {
  // Before: "I cannot answer that" (only the Dutch order, "krijg ik een pasje?", was read).
  it('says the permit is digital, linked to the licence plate', async () => {
    for (const asked of ['do i get a sticker', 'will i get a card?', 'do we receive a permit card', 'do i get a pass for the windscreen?']) {
      const said = await after(['i want to check my case', PARKING], asked);
      expect({ asked, said }).toEqual({ asked, said: expect.stringMatching(/^You do not need to collect anything\. Your parking permit is digital\./) });
    }
  });
});

describe('whether a newcomer must register', () => {
  // Before: "im an EU citizen, do i have to register" got "Sorry, I did not understand that", and "i am a student
  // staying 5 months, do i need to register" which papers an application needs; "krijg ik dan een bsn?" right
  // after the registration got when benefits are paid.
  it('gets the registration: within 5 days when staying longer than 4 months', async () => {
    for (const asked of ['im an EU citizen, do i have to register', 'i am a student staying 5 months, do i need to register', 'do i need to register at the gemeente as an expat']) {
      const said = await after([], asked);
      expect({ asked, said }).toEqual({ asked, said: expect.stringMatching(/^Coming to live in the Netherlands\? Then register with the municipality within 5 days/) });
    }
    expect(await after(['ik ben net uit polen hierheen verhuisd'], 'krijg ik dan een bsn?')).toMatch(/^Komt u in Nederland wonen\?.*U krijgt dan een BSN/);
  });

  it('keeps a move within the country its own answer', async () => {
    expect(await after([], 'i moved to a new address in the city, do i need to register my new address')).toMatch(/^You report a new address at www\.voorbeeld\.nl\/verhuizen/);
  });
});

describe('"who is handling my case?" right after its status', () => {
  // Before: "I cannot answer that. About your case I can only tell you the status."
  it('says honestly that the assistant cannot see who, and how to reach them with the case number', async () => {
    for (const asked of ['who is handling my case', 'who is working on it?', 'who is my caseworker', 'which department is handling my application']) {
      const said = await after(['i want to check my case', DORMER], asked);
      expect({ asked, said }).toEqual({ asked, said: expect.stringMatching(/^A staff member of the municipality is handling your application\. I cannot see who that is\. .*14 0123.*Z-2026-000123/) });
    }
    expect(await after([DORMER], 'wie behandelt mijn zaak?')).toMatch(/^Uw aanvraag wordt behandeld door een medewerker van de gemeente\. Wie dat is, kan ik niet zien\. .*Z-2026-000123/);
  });
});

describe('a "toeslag" by that word alone', () => {
  // Before: "my toeslag is stopped why" got why a benefit of the municipality stopped; a toeslag (healthcare or
  // rent allowance) is paid and stopped by Dienst Toeslagen.
  it('is Dienst Toeslagen\'s, not the municipality\'s', async () => {
    expect(await after([], 'my toeslag is stopped why')).toMatch(/^Healthcare allowance, rent allowance, childcare allowance .*Dienst Toeslagen/);
    expect(await after([], 'when do i get my toeslag')).toMatch(/^Healthcare allowance, rent allowance, childcare allowance .*Dienst Toeslagen/);
    expect(await after([], 'mijn toeslag is gestopt waarom')).toMatch(/^Zorgtoeslag, huurtoeslag, kinderopvangtoeslag en kindgebonden budget betaalt Dienst Toeslagen/);
  });

  it('keeps the municipality\'s own supplements', async () => {
    expect(await after([], 'wanneer krijg ik de individuele inkomenstoeslag')).not.toMatch(/^Zorgtoeslag, huurtoeslag/);
    expect(await after([], 'wanneer krijg ik de individuele toeslag')).not.toMatch(/^Zorgtoeslag, huurtoeslag/);
  });
});

describe('no BSN yet after registering', () => {
  // Before: "i registered last week, when do i get my bsn" got that the BSN is on one's Dutch passport or ID
  // card, which a newcomer does not have.
  it('says the BSN comes with the registration, and whom to ask when it did not', async () => {
    for (const asked of ['i registered last week, when do i get my bsn', 'i registered last week but didnt get my bsn yet']) {
      const said = await after([], asked);
      expect({ asked, said }).toEqual({ asked, said: expect.stringMatching(/^You get a BSN when you register with the municipality\. Registered, but no BSN yet\? Call 14 0123/) });
    }
    expect(await after([], 'ik heb me vorige week ingeschreven maar nog geen bsn')).toMatch(/^U krijgt een BSN als u zich inschrijft bij de gemeente\./);
  });
});
