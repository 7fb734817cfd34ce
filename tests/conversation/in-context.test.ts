/**
 * A message read in the light of the question just asked (src/dialog/concern.ts readInContext), through a
 * real Loket with the real recognizer: "weet ik niet meer" to "wat is uw zaaknummer?" is not a crisis
 * (but still gets the check-in once), while any other word of a crisis still hands off.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Loket } from '../../src/server/loket.ts';
import { saidAlready, say, startLoket } from '../support/loket.ts';
import { atWork } from '../support/at-work.ts';

// One Loket for the file (starting one per case took most of its time); each case is a conversation of its own.
let loket: Loket;
beforeAll(async () => {
  loket = await startLoket();
  await atWork(loket);
});
afterAll(async () => {
  await loket.close();
});

/** A new conversation that has said these messages. */
async function conversation(...before: string[]) {
  return { loket, id: await saidAlready(loket, ...before) };
}
const asked = (...before: string[]) => conversation('hoe staat het met mijn aanvraag', ...before);
/** The handoffs still queued for that conversation. */
const queued = async (id: string) => (await loket.handoffs.list(['queued'])).filter((h) => h.conversationId === id);

describe('a message read in the light of the question just asked', () => {
  it('takes "weet ik niet meer" or "ik heb het niet" to the question for the case number as not having it, and checks in once', async () => {
    for (const said of ['weet ik niet meer', 'sorry, het nummer weet ik echt niet meer', 'i dont know anymore']) {
      const { id } = await asked();
      const replies = (await say(loket, id, said)).join(' ');
      expect({ said, replies }).toEqual({ said, replies: expect.stringMatching(/(staat bovenaan de brief|at the top of the letter).*(gaat het goed met u|are you all right).*113/) });
      expect({ said, handoffs: await queued(id) }).toEqual({ said, handoffs: [] });
    }
  });

  it('takes "hoeft niet meer" or "laat maar" to the question for the case number as not wanting it, and checks in once; with crisis words, a crisis', async () => {
    for (const said of ['hoeft niet meer', 'laat maar', 'nee het hoeft al niet meer']) {
      const { id } = await asked();
      const replies = (await say(loket, id, said)).join(' ');
      expect({ said, replies }).toEqual({ said, replies: expect.stringContaining('dan zoek ik het niet op') });
      expect({ said, handoffs: await queued(id) }).toEqual({ said, handoffs: [] });
    }
    expect((await say(loket, (await asked()).id, 'hoeft niet meer')).join(' ')).toMatch(/gaat het goed met u\?.*113/);
    const crisis = (await asked()).id;
    await say(loket, crisis, 'het hoeft niet meer, ik wil niet meer leven');
    expect(await queued(crisis)).toEqual([expect.objectContaining({ reason: 'distress' })]);
  });

  it('takes a nod before a question of its own as that question, not as a yes to a person; right after the check-in, a yes still', async () => {
    const { id } = await asked('Z-2026-000123', 'ik heb geen postcode');
    expect((await say(loket, id, 'ok hoe kom ik daar achter')).join(' ')).not.toContain('Ik zorg dat een medewerker u helpt');
    expect(await queued(id)).toEqual([]);
    // A nod before a question about the person, or with "graag", is still a yes.
    for (const yes of ['ok wanneer belt de medewerker?', 'ok graag, kan dat vandaag nog?', 'oké, kunnen jullie me helpen?']) {
      const other = (await asked('Z-2026-000123', 'ik heb geen postcode')).id;
      await say(loket, other, yes);
      expect({ yes, handoffs: await queued(other) }).toEqual({ yes, handoffs: [expect.objectContaining({ reason: 'explicit_request' })] });
    }
    // Right after the check-in ("gaat het goed met u?") any yes may be a crisis: it hands off for distress.
    for (const yes of ['ok hoe kom ik daar achter', 'oke, wat gebeurt er dan?']) {
      const checked = (await asked('Z-2026-000123', 'weet ik niet meer')).id;
      await say(loket, checked, yes);
      expect({ yes, handoffs: await queued(checked) }).toEqual({ yes, handoffs: [expect.objectContaining({ reason: 'distress' })] });
    }
  });

  it('takes "and if they say no?" after the objection answer as the question of an appeal, in English and Dutch, not as despair', async () => {
    for (const [first, then, expected] of [
      ['how do i object to a decision', 'and if they say no?', /appeal to the court/],
      ['how do i object to a decision', 'what if they reject it?', /appeal to the court/],
      ['hoe maak ik bezwaar', 'en als ze weigeren?', /in beroep gaan bij de rechtbank/],
      ['hoe maak ik bezwaar', 'en als het wordt afgewezen?', /in beroep gaan bij de rechtbank/],
    ] as const) {
      const { id } = await conversation(first);
      const replies = (await say(loket, id, then)).join(' ');
      expect({ then, replies }).toEqual({ then, replies: expect.stringMatching(expected) });
      expect({ then, replies }).toEqual({ then, replies: expect.not.stringMatching(/\b113\b/) });
      expect({ then, handoffs: await queued(id) }).toEqual({ then, handoffs: [] });
    }
    // After an answer on something asked for (remission, social assistance), a refusal of it is objected to: the first step, not the court, nor "Wat ik erover weet".
    for (const [first, then] of [['hoe vraag ik kwijtschelding aan', 'en als het wordt afgewezen?'], ['ik wil bijstand aanvragen', 'wat als ze nee zeggen']] as const) {
      const { id } = await conversation(first);
      const replies = (await say(loket, id, then)).join(' ');
      expect({ then, replies }).toEqual({ then, replies: expect.stringMatching(/^Bent u het niet eens met een besluit\? Dan kunt u bezwaar maken\./) });
    }
    // Not after another answer, and never with words of a crisis.
    for (const [first, then] of [['wat zijn jullie openingstijden', 'and if they say no?'], ['how do i object to a decision', 'if it is rejected i will end it'], ['how do i object to a decision', 'what if they reject me']] as const) {
      const { id } = await conversation(first);
      const replies = (await say(loket, id, then)).join(' ');
      expect({ then, replies }).toEqual({ then, replies: expect.stringContaining('113') });
    }
  });

  it('explains a failed check when asked "wat betekent dat?", "what does that mean?" or "welke klopt niet?", without saying which', async () => {
    for (const then of ['wat betekent dat?', 'hoe bedoel je?', 'welke klopt niet?', 'what does that mean?']) {
      const { id } = await conversation('Z-2026-000123', '1111 AA 01-01-1990');
      const replies = (await say(loket, id, then)).join(' ');
      expect({ then, replies }).toEqual({ then, replies: expect.stringMatching(/alle drie kloppen|all three match/) });
    }
  });

  it('answers "huh dat klopt wel" after a failed check with where to look and who can check, without saying which, and the check goes on', async () => {
    for (const then of ['huh dat klopt wel', 'dat is toch goed?', 'maar het klopt echt', 'that is correct!']) {
      // Another case than the tests above: failed checks of one case count over all conversations (the guard).
      const { id } = await conversation('Z-2026-000456', '5678 CD 02-07-1992');
      const replies = (await say(loket, id, then)).join(' ');
      expect({ then, replies }).toEqual({ then, replies: expect.stringMatching(/^(Dat kan\. Soms staat er in ons systeem iets anders|That may be so\. Sometimes our system)/) });
      expect(replies).not.toMatch(/zaaknummer in uw bericht|geboortedatum klopt|postcode klopt/);
      if (then === 'huh dat klopt wel') expect((await say(loket, id, '5678 CD 01-07-1992')).join(' ')).toContain('Eerste betaling');
    }
  });

  it('answers "ik heb een brief", "welk nummer?" or "waar staat dat nummer" to the question for the case number with where it is written', async () => {
    for (const then of ['ik heb een brief', 'welk nummer?', 'waar staat dat nummer', 'which number?']) {
      const { id } = await conversation('hoe staat het met mijn aanvraag');
      expect({ then, replies: (await say(loket, id, then)).join(' ') }).toEqual({ then, replies: expect.stringMatching(/^(Uw zaaknummer staat bovenaan de brief|Your case number is at the top of the letter)/) });
    }
  });

  it('remembers that the case is someone else\'s when the message that said so also handed over', async () => {
    const { id } = await conversation('mijn vader is dement, ik wil zijn aanvraag regelen');
    expect((await say(loket, id, 'het zaaknummer is Z-2026-000123')).join(' ')).toContain('van de persoon voor wie de aanvraag is');
  });

  it('takes "ok bedankt" to the check-in as "I am fine, thank you"; "ja graag" is still a yes to a person, for distress', async () => {
    // A question with words the crisis model leans to without finding a crisis: the answer, then the check-in.
    const checkedIn = async () => {
      const { id } = await conversation();
      expect((await say(loket, id, 'wanneer zijn jullie open? het moet voor vrijdag anders is het voorbij met mij')).join(' ')).toContain('Zal ik een medewerker vragen?');
      return id;
    };
    for (const fine of ['ok bedankt', 'ok thanks']) {
      const id = await checkedIn();
      expect({ fine, replies: (await say(loket, id, fine)).join(' ') }).toEqual({ fine, replies: expect.not.stringMatching(/\b113\b/) });
      expect({ fine, handoffs: await queued(id) }).toEqual({ fine, handoffs: [] });
    }
    const id = await checkedIn();
    await say(loket, id, 'ja graag');
    expect(await queued(id)).toEqual([expect.objectContaining({ reason: 'distress' })]);
  });

  it('answers "kan ik pinnen?" and "can i pay by card?" after the cost of a passport from that answer', async () => {
    expect((await say(loket, (await conversation('wat kost een paspoort')).id, 'kan ik pinnen?')).join(' ')).toContain('met uw pinpas');
    expect((await say(loket, (await conversation('what does a passport cost')).id, 'can i pay by card?')).join(' ')).toContain('You pay by debit card');
  });

  it('hands off for distress on a request for a person right after the check-in, and only then', async () => {
    const { id } = await asked('weet ik niet meer');
    await say(loket, id, 'medewerker');
    expect(await queued(id)).toEqual([expect.objectContaining({ reason: 'distress' })]);
    // Two turns on, after the offer of a person for the case number: a request for a person.
    const later = await asked('weet ik niet meer', 'ik heb de brief niet meer');
    const replies = (await say(loket, later.id, 'mag ik iemand spreken')).join(' ');
    expect(replies).not.toMatch(/\b113\b/);
    expect(await queued(later.id)).toEqual([expect.objectContaining({ reason: 'explicit_request' })]);
  });

  it('takes "ik heb het niet" to the question for the case number as not having it at hand, not as a crisis', async () => {
    for (const said of ['ik heb het niet', 'nee heb ik niet']) {
      const { id } = await asked('wat is mijn zaaknummer');
      const replies = (await say(loket, id, said)).join(' ');
      expect({ said, replies }).toEqual({ said, replies: expect.stringMatching(/staat bovenaan de brief/) });
      expect({ said, handoffs: await queued(id) }).toEqual({ said, handoffs: [] });
    }
  });

  it('takes "i dont have that (with me)" to the question for the case number or postcode as not at hand: no debt team, no crisis, no person unasked', async () => {
    for (const [before, said, where] of [
      [[], 'i dont have that', /^No problem\. The case number is at the top of the letter/],
      [['Z-2026-000123'], "i don't have that with me", /^No problem\. The postcode is on the letter/],
      [['Z-2026-000123'], 'i dont have that info with me', /^No problem\. The postcode is on the letter/],
      [['Z-2026-000123'], 'sorry i dont have that right now', /^No problem\. The postcode is on the letter/],
    ] as const) {
      const id = await saidAlready(loket, 'what is the status of my application', ...before);
      const replies = await say(loket, id, said);
      expect({ said, replies }).toEqual({ said, replies: [expect.stringMatching(where), ...replies.slice(1).map(() => expect.stringMatching(/^Just to be sure: are you all right\?/))] });
      expect({ said, money: replies.join(' ') }).not.toEqual({ said, money: expect.stringContaining('money worries') });
      expect({ said, handoffs: await queued(id) }).toEqual({ said, handoffs: [] });
    }
    // Money trouble said beside it is money trouble still.
    const id = await saidAlready(loket, 'what is the status of my application', 'Z-2026-000123');
    await say(loket, id, 'i dont have that, i have so much debt');
    expect(await queued(id)).toEqual([expect.objectContaining({ reason: 'financial_hardship' })]);
  });

  it('answers "i don\'t have that number", "ik heb geen zaaknummer" to the question for the case number with where it is and a person, not the opening hours', async () => {
    // Before, the classifier was sure of contact details ("number": a phone number) and the citizen got the opening hours.
    for (const [start, said, where] of [
      ['what is the status of my application', "i don't have that number", /^No problem\. The case number is at the top of the letter or e-mail .* a staff member will look up your case/],
      ['what is the status of my application', 'i have no case number', /^No problem\. The case number is at the top of the letter or e-mail .* a staff member will look up your case/],
      ['what is the status of my application', "I don't have a case number", /^No problem\. The case number is at the top of the letter or e-mail .* a staff member will look up your case/],
      ['hoe staat het met mijn aanvraag', 'ik heb dat nummer niet', /^Geen probleem\. Het zaaknummer staat bovenaan de brief of e-mail .* zoekt een medewerker uw zaak voor u op/],
      ['hoe staat het met mijn aanvraag', 'ik heb geen zaaknummer', /^Geen probleem\. Het zaaknummer staat bovenaan de brief of e-mail .* zoekt een medewerker uw zaak voor u op/],
      ['hoe staat het met mijn aanvraag', 'weet ik niet', /^Geen probleem\. Het zaaknummer staat bovenaan de brief of e-mail .* zoekt een medewerker uw zaak voor u op/],
    ] as const) {
      const id = await saidAlready(loket, start);
      const replies = await say(loket, id, said);
      expect({ said, first: replies[0] }).toEqual({ said, first: expect.stringMatching(where) });
      expect({ said, hours: replies.join(' ') }).not.toEqual({ said, hours: expect.stringMatching(/desk is open|balie is open/i) });
      expect({ said, handoffs: await queued(id) }).toEqual({ said, handoffs: [] });
    }
  });

  it('answers "heb ik niet" or "ik heb het niet bij me" to the question for the postcode with where to find it, without the crisis check-in; "weet ik niet meer" still asks once', async () => {
    for (const [start, said, where] of [
      ['hoe staat het met mijn aanvraag', 'heb ik niet', /^Geen probleem\. De postcode staat op de brief/],
      ['hoe staat het met mijn aanvraag', 'ik heb het niet bij me', /^Geen probleem\. De postcode staat op de brief/],
      ['hoe staat het met mijn aanvraag', 'heb ik niet hier', /^Geen probleem\. De postcode staat op de brief/],
      ['hoe staat het met mijn aanvraag', 'niet bij me', /^Geen probleem\. De postcode staat op de brief/],
      ['what is the status of my application', 'not with me', /^No problem\. The postcode is on the letter/],
    ] as const) {
      const id = await saidAlready(loket, start, 'Z-2026-000123');
      const replies = await say(loket, id, said);
      expect({ said, replies }).toEqual({ said, replies: [expect.stringMatching(where)] });
      expect({ said, handoffs: await queued(id) }).toEqual({ said, handoffs: [] });
    }
    for (const said of ['weet ik niet meer', 'heb ik niet meer']) {
      const { id } = await asked('Z-2026-000123');
      expect({ said, replies: (await say(loket, id, said)).join(' ') }).toEqual({ said, replies: expect.stringMatching(/De postcode staat op de brief.*gaat het goed met u.*113/) });
    }
  });

  it('offers a person to someone who does not know their postcode or birth date', async () => {
    const { id } = await asked('Z-2026-000123');
    expect((await say(loket, id, 'weet ik niet meer')).join(' ')).toMatch(/Zal ik een medewerker vragen\?.*gaat het goed met u/);
    expect(await queued(id)).toEqual([]);
    // The yes answers the check-in too: the person who comes knows what worried the assistant.
    await say(loket, id, 'ja');
    expect(await queued(id)).toEqual([expect.objectContaining({ reason: 'distress', evidence: [expect.objectContaining({ evidence: expect.stringContaining('weet ik niet meer') })] })]);
  });

  it('takes "nee hoeft niet" and "nee niks meer" to an offer or "heeft u nog een vraag?" as no, thank you', async () => {
    for (const [before, said] of [[['wat zijn de openingstijden', 'dank je'], 'nee niks meer'], [['wat zijn de openingstijden', 'bedankt'], 'nee hoeft niet'], [['hoe staat het met mijn aanvraag', 'ik heb geen brief gehad'], 'nee hoeft niet']] as const) {
      const { id } = await conversation(...before);
      const replies = (await say(loket, id, said)).join(' ');
      expect({ said, replies }).toEqual({ said, replies: expect.stringMatching(/^Goed\. (Fijne dag!|Kan ik u ergens anders mee helpen\?)/) });
      expect({ said, replies }).toEqual({ said, replies: expect.not.stringMatching(/\b113\b/) });
      expect({ said, handoffs: await queued(id) }).toEqual({ said, handoffs: [] });
    }
  });

  it('takes "sorry ik heb me vergist" to the question for the birth date as a typing mistake, with no check-in', async () => {
    const { id } = await asked('Z-2026-000123', '1234 AB');
    const replies = (await say(loket, id, 'sorry ik heb me vergist')).join(' ');
    expect(replies).toMatch(/^Geen probleem\. Stuur het goede zaaknummer of de goede postcode/);
    expect(replies).not.toMatch(/\b113\b/);
    expect(await queued(id)).toEqual([]);
  });

  it('takes "hij heeft geen zaaknummer" about the person the case is for as not having it, with no crisis and no check-in; "ze weet het niet" gets the check-in', async () => {
    for (const said of ['hij heeft geen zaaknummer', 'hij weet zijn zaaknummer niet', "he doesn't have it"]) {
      const { id } = await conversation('hoe staat het met de aanvraag van mijn vader');
      const replies = (await say(loket, id, said)).join(' ');
      expect({ said, replies }).toEqual({ said, replies: expect.stringMatching(/brief|letter/) });
      expect({ said, replies }).toEqual({ said, replies: expect.not.stringMatching(/\b113\b/) });
      expect({ said, handoffs: await queued(id) }).toEqual({ said, handoffs: [] });
    }
    // "Ze weet het niet (meer)" is also how people say that person is in despair: the check-in, as for "weet ik niet meer".
    const unsure = await conversation('hoe staat het met de aanvraag van mijn vader');
    expect((await say(loket, unsure.id, 'ze weet het echt niet meer')).join(' ')).toMatch(/brief.*gaat het goed met u\?.*113/);
    expect(await queued(unsure.id)).toEqual([]);
    // The writer's own crisis beside it still counts.
    const { id } = await conversation('hoe staat het met de aanvraag van mijn vader');
    await say(loket, id, 'hij weet het niet, en ik wil niet meer leven');
    expect(await queued(id)).toEqual([expect.objectContaining({ reason: 'distress' })]);
  });

  it('still hands off a crisis said to the same question', async () => {
    for (const said of ['ik weet het niet meer, alles is te veel', 'ik weet het allemaal niet meer', 'weet ik niet meer, ik wil dood']) {
      const { id } = await asked();
      const replies = (await say(loket, id, said)).join(' ');
      expect({ said, replies }).toEqual({ said, replies: expect.stringContaining('113') });
      expect({ said, handoffs: await queued(id) }).toEqual({ said, handoffs: [expect.objectContaining({ reason: 'distress' })] });
    }
  });

  it('reads "weet ik niet meer" as a crisis when nothing was asked', async () => {
    const { id } = await conversation('weet ik niet meer');
    expect(await queued(id)).toEqual([expect.objectContaining({ reason: 'distress' })]);
  });
});

describe('a why about the answer just given, and a year that mends a birth date', () => {
  it('explains the answer for a short why in the answer\'s own words or in words of asking why, with no check-in', async () => {
    for (const [before, said, why] of [
      ['ik ga verhuizen, hoe geef ik dat door', 'waarom zo snel', /Wet basisregistratie personen/],
      ['ik ga verhuizen, hoe geef ik dat door', 'waarom binnen 5 dagen?', /Wet basisregistratie personen/],
      ['ik wil bezwaar maken', 'waarom 6 weken', /Algemene wet bestuursrecht/],
      ['when are you open', 'why so?', /opening hours and contact details/],
    ] as const) {
      const { id } = await conversation(before);
      const replies = (await say(loket, id, said)).join(' ');
      expect({ said, replies }).toEqual({ said, replies: expect.stringMatching(why) });
      // The crisis line as a number of its own: not the digits of the dialogs' version the why ends with.
      expect({ said, replies }).toEqual({ said, replies: expect.not.stringMatching(/\b113\b/) });
    }
    // A why with words of its own that lean to a crisis still gets the check-in.
    const dark = await conversation('wat kost een paspoort');
    expect((await say(loket, dark.id, 'waarom lukt het nooit')).join(' ')).toMatch(/gaat het goed met u\?.*113/);
    // A why with words of its own is a question of its own.
    const { id } = await conversation('wanneer krijg ik mijn uitkering');
    expect((await say(loket, id, 'waarom krijg ik minder bijstand')).join(' ')).toMatch(/Krijgt u deze maand minder dan anders\?/);
  });

  it('takes a year alone after a failed check as the birth date tried, in that year', async () => {
    for (const said of ['sorry ik bedoel 1980', 'oh sorry 1980 bedoel ik']) {
      const { id } = await asked('Z-2026-000123', '1234 AB, 15-03-1981');
      const replies = (await say(loket, id, said)).join(' ');
      expect({ said, replies }).toEqual({ said, replies: expect.stringMatching(/^Uw zaak Z-2026-000123 .*In behandeling/) });
      expect({ said, replies }).toEqual({ said, replies: expect.not.stringMatching(/\b113\b/) });
    }
    // A year that is no birth year, or the year just tried, is no new check.
    for (const said of ['ik woon er sinds 2015', 'ik ben 1981 geboren, klopt toch?']) {
      const { id } = await asked('Z-2026-000123', '1234 AB, 15-03-1981');
      expect({ said, replies: (await say(loket, id, said)).join(' ') }).toEqual({ said, replies: expect.not.stringMatching(/komen niet overeen|Uw zaak/) });
    }
    // Another wrong year is a failed check like any other.
    const { id } = await asked('Z-2026-000123', '1234 AB, 15-03-1981');
    expect((await say(loket, id, '1982')).join(' ')).toMatch(/komen niet overeen/);
  });
});

describe('a language barrier the assistant does not have', () => {
  it('answers in English someone who writes in English that their Dutch is not good, with no handoff', async () => {
    for (const [said, answer] of [
      ['Hello, sorry my dutch is not good', /^Hello! I am the digital assistant/],
      ['hi, my dutch is not good. when are you open?', /You can call us on 14 0123/],
      ['sorry my dutch is bad, what is the status of my application Z-2026-000123', /what is your postcode and your date of birth\?/],
    ] as const) {
      const { id } = await conversation();
      expect({ said, replies: (await say(loket, id, said)).join(' ') }).toEqual({ said, replies: expect.stringMatching(answer) });
      expect({ said, handoffs: await queued(id) }).toEqual({ said, handoffs: [] });
    }
  });

  it('still hands over a Dutch letter to read, English that is hard too, or Dutch written in Dutch', async () => {
    for (const said of ["I can't read dutch, what does this letter say", 'my dutch is bad and english also not good', 'i dont speak dutch, what do i need to do with this beschikking', 'ik spreek geen nederlands', "sorry I don't speak dutch, can you help with my application"]) {
      const { id } = await conversation(said);
      expect({ said, handoffs: await queued(id) }).toEqual({ said, handoffs: [expect.objectContaining({ reason: 'vulnerability' })] });
    }
  });

  it('answers a long English question beside "I don\'t speak Dutch" in English, with no handoff, however long; another need named further on still brings a person', async () => {
    for (const [said, answer] of [
      ['hi i dont speak dutch, i moved here for work from india, what do i have to arrange when you move to the netherlands?', /^Coming to live in the Netherlands\? Then register with the municipality/],
      ['hello, i dont speak dutch, i just moved here with my wife and two kids for my job at the hospital, when are you open?', /You can call us on 14 0123/],
    ] as const) {
      const { id } = await conversation();
      expect({ said, replies: (await say(loket, id, said)).join(' ') }).toEqual({ said, replies: expect.stringMatching(answer) });
      expect({ said, handoffs: await queued(id) }).toEqual({ said, handoffs: [] });
    }
    // The vulnerability lexicon's evidence names only its first words; what it found further on counts too.
    for (const said of ["I don't understand the letter, I can't read Dutch, please help", 'Hello I don\'t speak Dutch. I am blind and I moved here last month for my work, how do I register my address?',
      'hi i dont speak dutch and i use a wheelchair, i moved here from spain for work, how do i apply for a parking permit?']) {
      const { id } = await conversation(said);
      expect({ said, handoffs: await queued(id) }).toEqual({ said, handoffs: [expect.objectContaining({ reason: 'vulnerability' })] });
    }
  });
});

describe('a newcomer who writes in English, with a case number', () => {
  it('checks postcode and birth date in English and tells the status, with no handoff: the language barrier alone is not one the assistant has', async () => {
    // Before, "last year" (read as old age), "understand Dutch" (read as not understanding), "only speak English" and
    // "new in the Netherlands" kept the vulnerability handoff: a person was promised before anything was checked.
    // Z-2026-000456: other cases in this file send wrong details for Z-2026-000123, which locks that case for a while.
    for (const said of [
      'Hi, I don\'t speak Dutch well. I moved here for work last year. What is the status of my application Z-2026-000456?',
      'hi i dont understand dutch well, i moved here for work, what is the status of my application Z-2026-000456',
      'hi i only speak english, i moved here for work, what is the status of my application Z-2026-000456',
      'Hello. I am new in the Netherlands and I do not speak Dutch. I came here for work. I want to know the status of my application, number Z-2026-000456.',
    ]) {
      const { id } = await conversation();
      expect({ said, replies: await say(loket, id, said) }).toEqual({ said, replies: [expect.stringMatching(/^To check that it is you: what is your postcode and your date of birth\?/)] });
      expect({ said, handoffs: await queued(id) }).toEqual({ said, handoffs: [] });
      expect({ said, replies: (await say(loket, id, '5678 CD 01-07-1992')).join(' ') }).toEqual({ said, replies: expect.stringMatching(/^Your case Z-2026-000456 /) });
    }
  });

  it('still hands a crisis with a case number to a person at once, with the crisis line and no question for postcode or birth date', async () => {
    for (const said of ['i dont speak dutch well and i cant take it anymore, what is the status of Z-2026-000123', 'ik ben zo wanhopig, ik wil niet meer leven. hoe staat het met Z-2026-000123']) {
      const { id } = await conversation();
      const replies = (await say(loket, id, said)).join(' ');
      expect({ said, replies }).toEqual({ said, replies: expect.stringMatching(/113/) });
      expect({ said, replies }).not.toEqual({ said, replies: expect.stringMatching(/postcode|geboortedatum|date of birth/) });
      expect({ said, handoffs: await queued(id) }).toEqual({ said, handoffs: [expect.objectContaining({ reason: 'distress', caseNumber: 'Z-2026-000123' })] });
    }
  });
});

describe('an impatient question about an application as the first message', () => {
  it('takes "waarom is het nog niet klaar?" and "waarom duurt het zo lang?" with no status before as the case question, not a crisis', async () => {
    // Before, the learned crisis model read "waarom is het nog niet klaar" as despair: 113 and a person (distress).
    // "waarom duurt het zo lang" got when benefits are paid.
    for (const [said, asks] of [
      ['waarom is het nog niet klaar', /^Ik zoek het voor u op\. Wat is uw zaaknummer\?/],
      ['waarom is het nou nog steeds niet klaar?', /^Ik zoek het voor u op\. Wat is uw zaaknummer\?/],
      ['waarom duurt het zo lang', /^Ik zoek het voor u op\. Wat is uw zaaknummer\?/],
      ['why is it taking so long?', /^I will look it up for you\. What is your case number\?/],
    ] as const) {
      const { id } = await conversation();
      const replies = await say(loket, id, said);
      expect({ said, replies }).toEqual({ said, replies: [expect.stringMatching(asks)] });
      expect({ said, handoffs: await queued(id) }).toEqual({ said, handoffs: [] });
    }
  });

  it('still hands over a crisis said beside it', async () => {
    for (const said of ['waarom duurt het zo lang, ik kan niet meer', 'waarom is het nog niet klaar, ik wil er niet meer zijn']) {
      const { id } = await conversation();
      expect({ said, replies: (await say(loket, id, said)).join(' ') }).toEqual({ said, replies: expect.stringMatching(/113/) });
      expect({ said, handoffs: await queued(id) }).toEqual({ said, handoffs: [expect.objectContaining({ reason: 'distress' })] });
    }
  });
});

describe('a person named who is not one of ours', () => {
  it('hears an ex who threatens beside someone to bring along', async () => {
    for (const said of ['can I bring my brother, my ex is threatening me', 'mijn ex bedreigt mij']) {
      const { id } = await conversation(said);
      expect({ said, handoffs: await queued(id) }).toEqual({ said, handoffs: [expect.objectContaining({ reason: 'distress' })] });
    }
  });

  it('tells a parent whose child ran away to call the police, and someone put out of their home that a person helps with a home', async () => {
    for (const [said, reason, told] of [
      ['mijn zoon van 15 is weggelopen', 'vulnerability', /Bel de politie: 0900-8844\. Is er direct gevaar\? Bel 112\./],
      ['my son (15) ran away from home', 'vulnerability', /Call the police: 0900-8844/],
      ['ik ben 17 en mijn ouders hebben me eruit gezet', 'financial_hardship', /^Ik hoor dat u geen huis heeft/],
      ['my landlord is throwing me out tomorrow', 'financial_hardship', /^I understand you have no home/],
      // Put out by a boss is debts, not a home lost.
      ['ik heb schulden, mijn baas heeft me eruit gegooid', 'financial_hardship', /^Ik hoor dat u geldzorgen heeft/],
    ] as const) {
      const { id } = await conversation();
      expect({ said, replies: (await say(loket, id, said)).join(' ') }).toEqual({ said, replies: expect.stringMatching(told) });
      expect({ said, handoffs: await queued(id) }).toEqual({ said, handoffs: [expect.objectContaining({ reason })] });
    }
  });

  it('says yes to "can I bring someone to my appointment?", which the classifier reads as asking for a person', async () => {
    for (const said of ['can I bring someone to my appointment?', 'can I bring my sister to the appointment?', 'may I bring someone along to the meeting?', 'mag ik iemand meenemen naar mijn afspraak?',
      // One of the citizen's own who comes along.
      'can my sister come with me to the appointment?', 'kan mijn moeder mee naar de balie?',
      // One who speaks Dutch for the citizen: the answer says how to ask for an interpreter too.
      'can I bring my daughter to the appointment, she speaks Dutch']) {
      const { id } = await conversation();
      expect({ said, replies: (await say(loket, id, said)).join(' ') }).toEqual({ said, replies: expect.stringMatching(/^(Yes, you may bring someone|Ja, u mag iemand meenemen)/) });
      expect({ said, handoffs: await queued(id) }).toEqual({ said, handoffs: [] });
    }
  });

  it('still hands over when the words of a request for a person are there too, one of ours is named, or only a person is asked for', async () => {
    for (const said of [
      'can I bring someone to my appointment? I want to talk to a real person', 'ik wil een medewerker spreken', 'can I speak to someone',
      // Someone to come along may be one of ours, or a sign of danger no lexicon hears.
      'kan er een medewerker mee naar de afspraak?', 'can a staff member come along to my appointment', 'can someone from the council come with me to the appointment?',
      'can someone come with me to the appointment, he follows me everywhere', 'can I bring someone from the wijkteam?', 'ik wil iemand bij het gesprek die Arabisch spreekt',
      // A second part that says why a person is asked for.
      'can I bring my friend, I need someone to talk to',
      'can I bring my friend I need someone to talk to', 'can I bring my friend and talk to someone there',
      'can my sister come with me to the appointment, she speaks dutch', 'can my husband come with me to the appointment? he follows me everywhere',
    ]) {
      const { id } = await conversation(said);
      expect({ said, handoffs: await queued(id) }).toEqual({ said, handoffs: [expect.objectContaining({ reason: 'explicit_request' })] });
    }
  });
});

/** The bot's messages sent after the turn (the place in the queue is told by the handoff service after it). */
async function afterTheTurn(id: string): Promise<string[]> {
  const last = await loket.store.listActivities(id, 0, 1000);
  const userSeq = Math.max(...last.filter((a) => a.activity.from?.role === 'user' || a.activity.from?.id === 'citizen').map((a) => a.seq));
  for (let i = 0; i < 50; i++) {
    const later = (await loket.store.listActivities(id, userSeq, 100)).filter((a) => a.activity.type === 'message' && a.activity.from?.role !== 'user' && a.activity.from?.id !== 'citizen');
    const queue = later.filter((a) => /wachtrij|queue/.test(a.activity.text ?? ''));
    if (queue.length > 0) return queue.map((a) => a.activity.text ?? '');
    await new Promise((r) => setTimeout(r, 20));
  }
  return [];
}

describe('a why about the person just promised', () => {
  it('explains "waarom moet ik een medewerker spreken?" right after a handoff with its reason, and that it is not a must; no second request', async () => {
    for (const [first, why, reason, expected] of [
      ['mijn vader is overleden', 'waarom moet ik een medewerker spreken?', 'bereavement', /omdat u schreef: "mijn vader is overleden"/],
      ['ik heb schulden', 'why do I have to talk to a person?', 'financial_hardship', /because you wrote: "schulden"/],
      ['ik wil een medewerker spreken', 'waarom moet ik met een medewerker praten?', 'explicit_request', /omdat u schreef/],
    ] as const) {
      const { id } = await conversation(first);
      const replies = (await say(loket, id, why)).join(' ');
      expect({ why, replies }).toEqual({ why, replies: expect.stringMatching(expected) });
      expect({ why, replies }).toEqual({ why, replies: expect.stringMatching(/(U hoeft niet met een medewerker te praten|You do not have to talk to a person).*(annuleren|cancel)/) });
      expect({ why, replies }).toEqual({ why, replies: expect.not.stringMatching(/Ik zorg dat een medewerker u helpt|I will make sure a person helps you/) });
      expect({ why, handoffs: (await queued(id)).map((h) => h.reason) }).toEqual({ why, handoffs: [reason] });
    }
  });
});

describe('a why about the person after a crisis', () => {
  it('explains "waarom moet ik met iemand praten?" while waiting after a crisis, gently and with the crisis line; no way out of the wait', async () => {
    for (const [crisis, why, expected] of [
      ['ik zie het niet meer zitten', 'waarom moet ik met iemand praten?', /^Ik vroeg een medewerker van de gemeente om contact met u op te nemen, omdat u schreef dat het heel zwaar voor u is\. .*Bel 113 of gratis 0800-0113, dag en nacht\./],
      ['i dont want to live anymore', 'why do I have to talk to someone?', /^I asked a person from the municipality to contact you, because you wrote that things are very hard for you\. .*Call 113 or free on 0800-0113, day and night\./],
    ] as const) {
      const { id } = await conversation(crisis);
      const replies = await say(loket, id, why);
      expect({ why, replies }).toEqual({ why, replies: [expect.stringMatching(expected)] });
      expect({ why, replies }).toEqual({ why, replies: [expect.not.stringMatching(/annuleren|cancel|hoeft niet|do not have to talk/)] });
      expect({ why, handoffs: (await queued(id)).map((h) => h.reason) }).toEqual({ why, handoffs: ['distress'] });
    }
    // A why about the wait is about the wait.
    const { id } = await conversation('ik zie het niet meer zitten');
    expect((await say(loket, id, 'waarom duurt het zo lang voordat er iemand komt?')).join(' ')).not.toMatch(/Ik vroeg een medewerker/);
  });
});

describe('staying in the queue, and no to the offer of the why', () => {
  it('keeps the citizen in the queue at "laat maar ik wacht wel", "nee ik wil niet annuleren", "ok dan wacht ik nog even", and tells the place; no crisis', async () => {
    for (const said of ['laat maar ik wacht wel', 'nee ik wil niet annuleren', 'ok dan wacht ik nog even', 'ik wacht wel, maar hoe lang nog?', 'sorry ik bedoel niet stoppen maar ik wil weten hoe lang het duurt', 'no i dont want to cancel']) {
      const { id } = await conversation('ik wil een medewerker spreken');
      const replies = [...await say(loket, id, said), ...await afterTheTurn(id)].join(' ');
      expect({ said, replies }).toEqual({ said, replies: expect.stringMatching(/^(U staat al in de wachtrij\. U bent nummer \d+|You are already in the queue)/) });
      expect({ said, handoffs: (await queued(id)).map((h) => h.reason) }).toEqual({ said, handoffs: ['explicit_request'] });
    }
    // A cancel is still a cancel.
    const { id } = await conversation('ik wil een medewerker spreken');
    expect((await say(loket, id, 'laat maar')).join(' ')).toContain('u staat niet meer in de wachtrij');
    expect(await queued(id)).toEqual([]);
  });

  it('answers a question about a topic while the citizen waits, and keeps their place', async () => {
    for (const [said, expected] of [['hoe vraag ik een paspoort aan', /^Een paspoort, ID-kaart of rijbewijs vraagt u aan bij de balie/], ['ok dan. waar kan ik mijn grofvuil kwijt?', /grofvuil|milieustraat/i]] as const) {
      const { id } = await conversation('ik wil een medewerker spreken');
      const replies = await say(loket, id, said);
      expect({ said, replies }).toEqual({ said, replies: [expect.stringMatching(expected)] });
      expect({ said, handoffs: (await queued(id)).map((h) => h.reason) }).toEqual({ said, handoffs: ['explicit_request'] });
    }
    // A story with no question in it is kept for the person, as before.
    const { id } = await conversation('ik wil een medewerker spreken');
    expect(await say(loket, id, 'ik heb mijn paspoort net gevonden in de la')).toEqual([expect.stringMatching(/^Ik heb uw bericht bewaard/)]);
  });

  it('calls off the wait or the call when the citizen says so in their own words, with no crisis line', async () => {
    for (const said of ['ik hoef niet meer te wachten, het is al opgelost', 'ik heb me bedacht, ik hoef niet meer gebeld te worden', 'ik wil niet meer gebeld worden', 'nee echt, ik wil gewoon geen telefoontje', 'toch maar niet, ik bel zelf maandag', "I don't need to wait anymore, it's sorted", "I don't want to be called anymore",
      // Found by a helper in the queue: each got the crisis line.
      "I don't need to wait anymore", 'I dont want to wait anymore', "actually dont call me, I'll call myself on monday", 'laat maar ik hoef geen hulp meer']) {
      const { id } = await conversation('ik wil een medewerker spreken');
      const replies = [...await say(loket, id, said), ...await afterTheTurn(id)].join(' ');
      expect({ said, replies }).toEqual({ said, replies: expect.not.stringMatching(/\b(113|112)\b/) });
      expect({ said, replies }).toEqual({ said, replies: expect.stringMatching(/niet meer in de wachtrij|no longer in the queue|Bel ons gerust|call us/i) });
      expect({ said, queued: await queued(id) }).toEqual({ said, queued: [] });
    }
  });

  it('takes "nee" to "Wilt u weten waarom ik dit zeg?" as no, with the feedback question, not as a question it cannot answer', async () => {
    // Case 000456: the guard over all conversations may hold 000123 after the slips of the tests above.
    const { id } = await asked('Z-2026-000456', '5678 CD 01-07-1992');
    const replies = await say(loket, id, 'nee');
    expect(replies).toEqual(['Goed. Heeft u nog een vraag? Stel hem gerust.', expect.stringContaining('Hoe tevreden bent u')]);
    // A question after the no is the question.
    const other = (await asked('Z-2026-000456', '5678 CD 01-07-1992')).id;
    expect((await say(loket, other, 'nee, wat kost een paspoort?')).join(' ')).toContain('leges');
  });

  it('takes "nee" right after a plain answer as no more questions, with the feedback question once, not as "it is in my answer above"', async () => {
    for (const [first, no] of [['wat zijn de openingstijden?', 'nee'], ['hoe maak ik bezwaar', 'nee dank je'], ['how do i object to a decision', 'no']] as const) {
      const { id } = await conversation(first);
      const replies = await say(loket, id, no);
      expect({ first, replies }).toEqual({ first, replies: [expect.stringMatching(/^(Goed\. Heeft u nog een vraag\?|All right\. Do you have another question\?)/), expect.stringMatching(/Hoe tevreden bent u|How satisfied are you/)] });
    }
    // Once per contact: a second no after another answer is the close alone.
    const { id } = await conversation('wat zijn de openingstijden?', 'nee', 'overslaan', 'hoe maak ik bezwaar');
    expect(await say(loket, id, 'nee')).toEqual(['Goed. Heeft u nog een vraag? Stel hem gerust.']);
    // While waiting for a person: the close, no feedback question (the person has not come yet).
    const waiting = (await conversation('mijn vader is overleden', 'moet ik zijn paspoort inleveren?')).id;
    expect(await say(loket, waiting, 'nee')).toEqual(['Goed. Heeft u nog een vraag? Stel hem gerust.']);
  });
});
