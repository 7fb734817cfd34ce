/**
 * Found wrong by talking to the demo (helper fr), while the citizen waits for a person: a case number given for the
 * person started the check, and "het gaat om mijn dakkapel" then got "Ik zie geen postcode … Wilt u liever een
 * medewerker spreken?"; "is er iets mis?" after a flagged case got only "Ik heb uw bericht bewaard"; "wnnr wordt t
 * betaald" after the bijstand status got "Dat kan ik niet beantwoorden"; "kan ik later terugkomen?" got no answer;
 * "wnnr ben ik aan de beurt" was kept as a message; "call me instead" after a no to the callback got the queue, not the
 * call; "can you text me instead" was kept, or read as a phone number written wrong; "will I get it?" about a flagged
 * case got the answer on benefit payments; "ik wil nie meer wachten", "laat mar", "nvm", "bel me ff", "hb geen tijd" and
 * "ik wacht al een uur!" were kept as messages. A crisis said beside each keeps its crisis line.
 */
import { describe, expect, it } from 'vitest';
import type { Loket } from '../../src/server/loket.ts';
import { saidAfter, saidAlready, say, toldAfter } from '../support/loket.ts';
import { eachSaidAfter } from '../support/said-after.ts';
import { useLoket } from '../support/use-loket.ts';

let loket: Loket;
useLoket((started) => (loket = started));

const CRISIS = /113/;
const PERSON = 'ik wil een mens spreken';
const FLAGGED = 'Z-2026-000789 1234 AB 30-11-1975'; // goes to a person
const BENEFIT = 'Z-2026-000456 5678 CD 01-07-1992'; // bijstand, granted, first payment 1 December 2026
const KEPT = /Ik heb uw bericht bewaard|I have saved your message/;

const eachAfter = (before: readonly string[], asked: readonly string[], said: RegExp, notSaid?: RegExp): Promise<void> => eachSaidAfter(loket, before, asked, said, notSaid);

describe('a case number given while waiting for a person, and what it is about', () => {
  it('the words about it are kept for the person, not "Ik zie geen postcode … Wilt u liever een medewerker spreken?"', async () => {
    await eachAfter([PERSON, 'Z-2026-000123'], ['het gaat om mijn dakkapel', 'het gaat over de dakkapel'], /^Ik heb uw bericht bewaard\./, /Ik zie geen|medewerker spreken\?/);
    await eachAfter(['i want to talk to a person', 'Z-2026-000123'], ['it is about my dormer window'], /^I have saved your message\./, /I do not see|talk to a person\?/);
  });

  it('postcode and birth date after it still give the status', async () => {
    const id = await saidAlready(loket, PERSON, 'Z-2026-000123', 'het gaat om mijn dakkapel');
    expect((await say(loket, id, '1234 AB 15-03-1980')).join(' ')).toMatch(/Besluit uiterlijk 15 januari 2027/);
  });

  it('not waiting, the question for postcode and birth date comes again as before', async () => {
    expect(await saidAfter(loket, ['Z-2026-000123'], 'het gaat om mijn dakkapel')).toMatch(/^Ik zie geen postcode of geboortedatum/);
  });

  it('a crisis beside it keeps its crisis line', async () => {
    expect(await saidAfter(loket, [PERSON, 'Z-2026-000123'], 'het gaat om mijn dakkapel ik wil dood')).toMatch(CRISIS);
  });
});

describe('"is er iets mis?" while waiting for a person about a flagged case', () => {
  const SAID = /^Dat kan ik niet zien\. Ik zie alleen dat een medewerker deze zaak persoonlijk met u bekijkt\./;
  it('what the assistant can and cannot see, not only "Ik heb uw bericht bewaard"', async () => {
    await eachAfter([FLAGGED], ['is er iets mis?', 'is er iets mis met mijn zaak?', 'heb ik iets fout gedaan?', 'is er iets niet in orde'], SAID, KEPT);
    await eachAfter([FLAGGED, 'nee'], ['is er iets mis?'], SAID, KEPT);
    await eachAfter([FLAGGED], ['is something wrong?', 'is there a problem with my case?', 'did i do something wrong'], /^I cannot see that\. I only see that a staff member will look at this case with you in person\./, KEPT);
  });

  it('waiting for another reason, it is kept as before', async () => {
    expect(await saidAfter(loket, [PERSON], 'is er iets mis?')).not.toMatch(/Dat kan ik niet zien/);
  });

  it('a crisis beside it keeps its crisis line', async () => {
    expect(await saidAfter(loket, [FLAGGED], 'is er iets mis? ik wil dood')).toMatch(CRISIS);
    expect(await saidAfter(loket, [FLAGGED], 'is something wrong? i want to die')).toMatch(CRISIS);
  });
});

describe('"wnnr wordt t betaald" right after the bijstand status', () => {
  it('the payment date of the status, not "Dat kan ik niet beantwoorden"', async () => {
    await eachAfter([BENEFIT], ['wnnr wordt t betaald', 'wanneer wordt het uitbetaald?', 'wnr word t betaald'], /1 december 2026/, /kan ik niet beantwoorden/);
    await eachAfter([BENEFIT], ['when will it be paid?', 'when is it paid'], /1 december 2026/, /cannot answer/);
  });

  it('a crisis beside it keeps its crisis line', async () => {
    expect(await saidAfter(loket, [BENEFIT], 'wnnr wordt t betaald ik wil dood')).toMatch(CRISIS);
  });
});

describe('"kan ik later terugkomen?" while waiting for a person', () => {
  it('yes, the place in the queue is kept; not only "Ik heb uw bericht bewaard"', async () => {
    await eachAfter([PERSON], ['kan ik later terugkomen?', 'ik heb geen tijd meer, kan ik later terugkomen?', 'kan ik morgen terug komen', 'ik heb geen tijd meer'], /^U kunt gerust later terugkomen\. U blijft in de wachtrij\./, KEPT);
    await eachAfter(['i want to talk to a person'], ['can i come back later?', "i don't have time now, can i come back later"], /^You are welcome to come back later\. You stay in the queue\./, KEPT);
  });

  it('a crisis beside it keeps its crisis line', async () => {
    expect(await saidAfter(loket, [PERSON], 'kan ik later terugkomen? ik wil dood')).toMatch(CRISIS);
  });
});

describe('the wait asked in SMS spelling', () => {
  it('"wnnr ben ik aan de beurt": where the wait stands, not kept as a message', async () => {
    for (const asked of ['wnnr ben ik aan de beurt', 'wnr komt er iemand?']) {
      const id = await saidAlready(loket, PERSON, 'nee');
      const told = await toldAfter(loket, id, asked, /wachtrij/);
      expect({ asked, told }).toEqual({ asked, told: [expect.stringMatching(/^U staat nog in de wachtrij\./)] });
    }
  });

  it('a crisis beside it keeps its crisis line', async () => {
    expect(await saidAfter(loket, [PERSON], 'wnnr ben ik aan de beurt ik wil dood')).toMatch(CRISIS);
  });
});

describe('a call asked for after a no to the callback', () => {
  it('"call me instead", "kunnen jullie me niet gewoon bellen": the number asked, not the queue', async () => {
    await eachAfter(['i want to talk to a person', 'no'], ['call me instead', 'just call me please'], /^Which phone number can we call you on\?/);
    await eachAfter([PERSON, 'nee'], ['kunnen jullie me niet gewoon bellen', 'bel me liever'], /^Op welk telefoonnummer kunnen we u bellen\?/);
  });

  it('a no to a call stays a no', async () => {
    expect(await saidAfter(loket, [PERSON, 'nee'], 'jullie hoeven me niet te bellen')).not.toMatch(/telefoonnummer/);
  });

  it('a crisis beside it keeps its crisis line', async () => {
    expect(await saidAfter(loket, ['i want to talk to a person', 'no'], 'call me instead i want to die')).toMatch(CRISIS);
  });
});

describe('"can you text me instead" while waiting for a person', () => {
  // First: the SMS channel registered below stays on for the rest of this file.
  it('with no SMS: that it cannot, and that a person answers here', async () => {
    await eachAfter(['i want to talk to a person'], ['can you text me instead'], /^Continuing on another channel is not possible right now\. A staff member will answer here\./, KEPT);
  });

  it('with SMS on: the link code to go on by SMS, also when the phone number was asked', async () => {
    loket.delivery.register('sms', { async send() {} });
    await eachAfter(['i want to talk to a person'], ['can you text me instead', 'can you text me?'], /LINK \d+/, KEPT);
    await eachAfter(['i want to talk to a person', 'yes'], ['can you text me instead'], /LINK \d+/, /I do not see a phone number/);
    await eachAfter([PERSON], ['kunnen jullie me een sms sturen?', 'kan het ook via sms?'], /LINK \d+/, KEPT);
  });

  it('a crisis beside it keeps its crisis line', async () => {
    expect(await saidAfter(loket, ['i want to talk to a person'], 'can you text me instead i want to die')).toMatch(CRISIS);
  });
});

describe('the outcome asked while waiting about a flagged case', () => {
  it('"krijg ik het wel?", "will I get it?": the person gives that answer, not the answer on payments nor only "bewaard"', async () => {
    await eachAfter([FLAGGED], ['krijg ik het wel?', 'wordt het goedgekeurd?', 'gaat het door?'], /^Over deze zaak geeft een medewerker het antwoord, niet ik\./, KEPT);
    await eachAfter([FLAGGED], ['will i get it?', 'will it be approved?', "why can't you tell me?"], /^For this case a staff member gives the answer, not me\./, /We usually pay benefits|I have saved your message/);
  });

  it('a crisis beside it keeps its crisis line', async () => {
    expect(await saidAfter(loket, [FLAGGED], 'will i get it? i want to die')).toMatch(CRISIS);
  });
});

describe('a cancel, a call or no time in SMS spelling and short words while waiting', () => {
  it('"ik wil nie meer wachten", "laat mar", "nvm", "forget it": out of the queue, not kept', async () => {
    await eachAfter([PERSON, 'nee'], ['ik wil nie meer wachten', 'laat mar', 'nvm'], /^Goed, u staat niet meer in de wachtrij\./);
    await eachAfter(['i want to talk to a person', 'no'], ['forget it', 'nvm'], /^All right, you are no longer in the queue\./);
  });

  it('"bel me ff": the number asked; "hb geen tijd": the place is kept', async () => {
    await eachAfter([PERSON, 'nee'], ['bel me ff'], /^Op welk telefoonnummer kunnen we u bellen\?/);
    await eachAfter([PERSON, 'nee'], ['hb geen tijd'], /^U kunt gerust later terugkomen\./);
  });

  it('a wait after a crisis is not ended by them', async () => {
    expect(await saidAfter(loket, ['ik wil dood'], 'laat mar')).toMatch(CRISIS);
  });
});

describe('"ik wacht al een uur!" while waiting for a person', () => {
  it('sorry, and where the wait stands; not only "Ik heb uw bericht bewaard"', async () => {
    await eachAfter([PERSON, 'nee'], ['ik wacht al een uur!', 'dit duurt echt te lang', 'ik zit hier al een half uur te wachten'], /^Sorry dat u zo lang moet wachten\.$/, KEPT);
    await eachAfter(['i want to talk to a person', 'no'], ["i've been waiting for an hour", 'still waiting'], /^Sorry you have to wait so long\.$/, KEPT);
    const id = await saidAlready(loket, PERSON, 'nee');
    expect(await toldAfter(loket, id, 'ik wacht al een uur!', /wachtrij/)).toEqual([expect.stringMatching(/^Sorry/), expect.stringMatching(/^U staat nog in de wachtrij\./)]);
  });

  it('a crisis beside it keeps its crisis line', async () => {
    expect(await saidAfter(loket, [PERSON, 'nee'], 'ik wacht al een uur ik wil dood')).toMatch(CRISIS);
  });
});

describe('the wait asked about the person, and a day for a call booked', () => {
  it('"how long will the person take?": where the wait stands, not kept as a message', async () => {
    for (const asked of ['how long will the person take?', 'ok and how long will the person take?']) {
      const id = await saidAlready(loket, 'i want to talk to a person', 'no');
      const told = await toldAfter(loket, id, asked, /queue/);
      expect({ asked, told }).toEqual({ asked, told: [expect.stringMatching(/^You are still in the queue\./)] });
    }
  });

  it('"kan het ook morgen?" once a call is booked: which time, not "Ik heb uw bericht bewaard"', async () => {
    await eachAfter([PERSON, 'ja', '0612345678'], ['kan het ook morgen', 'liever morgen'], /^Hoe laat komt het u uit\? Schrijf bijvoorbeeld: morgen om 10 uur\./, KEPT);
    await eachAfter(['i want to talk to a person', 'yes', '0612345678'], ['can it be tomorrow?'], /^What time suits you\?/, KEPT);
  });

  it('a crisis beside it keeps its crisis line', async () => {
    expect(await saidAfter(loket, [PERSON, 'ja', '0612345678'], 'kan het ook morgen ik wil dood')).toMatch(CRISIS);
  });
});

describe('the wait, a call and thanks in SMS spelling (English)', () => {
  it('"hw long", "r u there?", "any1 there?", "wnr kom je": where the wait stands, not the case question, the hours or "kept"', async () => {
    for (const [before, asked, said] of [
      ['i want to talk to a person', 'hw long', /^You are still in the queue\./],
      ['i want to talk to a person', 'r u there?', /^You are still in the queue\./],
      ['i want to talk to a person', 'any1 there?', /^You are still in the queue\./],
      [PERSON, 'wnr kom je', /^U staat nog in de wachtrij\./],
    ] as const) {
      const id = await saidAlready(loket, before, before === PERSON ? 'nee' : 'no');
      const told = await toldAfter(loket, id, asked, /queue|wachtrij/);
      expect({ asked, told }).toEqual({ asked, told: [expect.stringMatching(said)] });
    }
  });

  it('"plz call me", "cn u call me": the number asked; "k bedankt": thanks back, no offer of a person', async () => {
    await eachAfter(['i want to talk to a person', 'no'], ['plz call me', 'cn u call me'], /^Which phone number can we call you on\?/);
    await eachAfter([PERSON, 'nee'], ['k bedankt', 'oki thnx'], /^Graag gedaan!$/, /medewerker spreken|talk to a staff member/);
  });

  it('a crisis beside it keeps its crisis line', async () => {
    expect(await saidAfter(loket, ['i want to talk to a person', 'no'], 'r u there? i want to die')).toMatch(CRISIS);
  });
});
