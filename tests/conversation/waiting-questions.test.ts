/**
 * Simple questions while waiting for a person that were kept for the caseworker without a word, or
 * answered as something else (stop 48's exploration): what happens to a complaint, what to do about the
 * bailiff until debt help comes, where to get food, what a case number is. Each gets its answer, and
 * where the wait stands. Through a real Loket, open hours.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { fixedClock } from '../../src/clock.ts';
import type { Loket } from '../../src/server/loket.ts';
import { OPEN_TUESDAY as TUESDAY, saidAlready, say, startLoket, toldAfter } from '../support/loket.ts';
import { atWork } from '../support/at-work.ts';

let loket: Loket | undefined;
afterEach(async () => {
  await loket?.close();
  loket = undefined;
});

const told = toldAfter;

async function waiting(l: Loket, first: string, queue: RegExp): Promise<string> {
  const id = await saidAlready(l);
  await told(l, id, first, queue);
  return id;
}

describe('questions while waiting for a person', () => {
  it('after a complaint: "wat gebeurt er nu mee?" and "duurt dat lang?" get the complaint\'s course, not a case number question', async () => {
    loket = await startLoket({ LOKET_OFFICE_HOURS: 'mon-fri 08:30-17:00' }, { clock: fixedClock(TUESDAY) });
    for (const [complaint, asked, queue] of [
      ['ik heb een klacht over een medewerker', 'wat gebeurt er nu mee', /wachtrij/],
      ['ik heb een klacht over een medewerker', 'duurt dat lang?', /wachtrij/],
      ['I want to file a complaint about a staff member', 'what happens now?', /queue/],
      // Asked with "until I get an answer": got the question for a case number.
      ['ik heb een klacht over een medewerker', 'hoe lang duurt het voordat ik antwoord krijg?', /wachtrij/],
      ['I want to file a complaint about a staff member', 'how long until I get an answer?', /queue/],
    ] as const) {
      const id = await waiting(loket, complaint, queue);
      const replies = await told(loket, id, asked, queue);
      expect({ asked, replies }).toEqual({ asked, replies: [expect.stringMatching(/binnen 6 weken een antwoord|within 6 weeks/), expect.stringMatching(queue)] });
    }
  });

  it('withdrawing a complaint: "wat gebeurt er nu?" gets that nothing more happens with it, how to complain again, and a person still there; not the 6 weeks', async () => {
    loket = await startLoket({ LOKET_OFFICE_HOURS: 'mon-fri 08:30-17:00' }, { clock: fixedClock(TUESDAY) });
    for (const [withdraw, asked, queue, answer] of [
      ['ik wil mijn klacht intrekken', 'wat gebeurt er nu?', /wachtrij/, /^Een medewerker trekt uw klacht in.*Daarna gebeurt er niets meer met uw klacht\..*Typ dan hier: klacht\. Of bel 14 0123\..*altijd een medewerker spreken\.$/],
      ['ik wil mijn klacht intrekken', 'hoe lang duurt dat?', /wachtrij/, /^Een medewerker trekt uw klacht in/],
      ['I want to withdraw my complaint', 'what happens now?', /queue/, /^A staff member will withdraw your complaint.*nothing more happens with your complaint\..*type here: complaint\. Or call 14 0123\./],
    ] as const) {
      const id = await waiting(loket, withdraw, queue);
      const replies = await told(loket, id, asked, queue);
      expect({ asked, replies }).toEqual({ asked, replies: [expect.stringMatching(answer), expect.stringMatching(queue)] });
      expect(replies.join(' ')).not.toMatch(/6 weken|6 weeks/);
    }
  });

  it('with the bailiff coming: "wat moet ik doen?" gets what to do until debt help comes; the acknowledgement names the bailiff', async () => {
    loket = await startLoket({ LOKET_OFFICE_HOURS: 'mon-fri 08:30-17:00' }, { clock: fixedClock(TUESDAY) });
    for (const [debt, asked, ack, answer] of [
      ['de deurwaarder staat morgen op de stoep', 'wat moet ik doen', /^Ik hoor dat u geldzorgen heeft en dat er een deurwaarder of beslag is\./, /^Wat kunt u nu al doen\? Bel de deurwaarder\..*u houdt altijd geld om van te leven/],
      ['my debts are growing and the bailiff is coming', 'what should i do now?', /bailiff or a seizure/, /^What can you do now\? Call the bailiff\./],
    ] as const) {
      const id = await saidAlready(loket);
      expect((await told(loket, id, debt, /wachtrij|queue/))[0]).toMatch(ack);
      const replies = await told(loket, id, asked, /wachtrij|queue/);
      expect({ asked, first: replies[0] }).toEqual({ asked, first: expect.stringMatching(answer) });
    }
  });

  it('waiting for debt help: "where can i get food" gets the food bank, not the opening hours', async () => {
    loket = await startLoket({ LOKET_OFFICE_HOURS: 'mon-fri 08:30-17:00' }, { clock: fixedClock(TUESDAY) });
    const id = await waiting(loket, 'ik heb schulden en ik kan de huur niet betalen', /wachtrij/);
    const replies = await told(loket, id, 'where can i get food', /queue/);
    expect(replies[0]).toMatch(/food bank/);
    expect(replies.join(' ')).not.toMatch(/We are open now/);
  });

  it('waiting for debt help: "hoe gaat dat?" gets what the person of debt support will do, not only "Ik heb uw bericht bewaard"', async () => {
    loket = await startLoket({ LOKET_OFFICE_HOURS: 'mon-fri 08:30-17:00' }, { clock: fixedClock(TUESDAY) });
    for (const [debt, asked, queue, answer] of [
      ['ik heb schulden en ik kan de huur niet betalen', 'hoe gaat dat?', /wachtrij/, /^Een medewerker van schuldhulp neemt contact met u op\. Samen bekijkt u uw geld.*Schuldhulp is gratis\.$/],
      ['ik heb schulden en ik kan de huur niet betalen', 'en wat gebeurt er nu?', /wachtrij/, /^Een medewerker van schuldhulp neemt contact met u op\./],
      ['my debts are growing and I cannot pay the rent', 'how does that work?', /queue/, /^A person from our debt support team will contact you\..*Debt support is free\.$/],
    ] as const) {
      const id = await waiting(loket, debt, queue);
      const replies = await told(loket, id, asked, queue);
      expect({ asked, replies }).toEqual({ asked, replies: [expect.stringMatching(answer), expect.stringMatching(queue)] });
    }
    // Waiting for a person asked for, "how long until an answer?" is the wait, not the case question.
    const id = await waiting(loket, 'ik wil een medewerker', /wachtrij/);
    expect(await told(loket, id, 'hoe lang duurt het voordat ik antwoord krijg?', /wachtrij/)).toEqual([expect.stringMatching(/wachtrij/)]);
  });

  it('waiting for debt help: "wat kan ik doen dan?" gets the first steps anyone in debt can take, not only "Ik heb uw bericht bewaard"', async () => {
    loket = await startLoket({ LOKET_OFFICE_HOURS: 'mon-fri 08:30-17:00' }, { clock: fixedClock(TUESDAY) });
    for (const [debt, asked, queue, answer] of [
      ['ik krijg steeds rekeningen en ik kan het niet meer betalen', 'wat kan ik doen dan', /wachtrij/, /^Wat kunt u nu al doen\? Betaal eerst de huur, de energie en de zorgverzekering\..*Schuldhulp is gratis\.$/],
      ['ik heb schulden en ik kan de huur niet betalen', 'wat moet ik nu doen?', /wachtrij/, /^Wat kunt u nu al doen\?/],
      ['my debts are growing and I cannot pay the rent', 'what can i do?', /queue/, /^What can you do now\? Pay the rent, energy and health insurance first\./],
    ] as const) {
      const id = await waiting(loket, debt, queue);
      const replies = await told(loket, id, asked, queue);
      expect({ asked, replies }).toEqual({ asked, replies: [expect.stringMatching(answer), expect.stringMatching(queue)] });
    }
    // The bailiff and food have their own answers still (above); a person asked for has nothing of the kind.
    const id = await waiting(loket, 'ik wil een medewerker', /wachtrij/);
    expect((await told(loket, id, 'wat kan ik doen dan', /wachtrij/)).join(' ')).not.toMatch(/Betaal eerst/);
  });

  it('"wat is een zaaknummer?" while waiting gets where the number is written', async () => {
    loket = await startLoket({ LOKET_OFFICE_HOURS: 'mon-fri 08:30-17:00' }, { clock: fixedClock(TUESDAY) });
    const id = await waiting(loket, 'ik wil een medewerker', /wachtrij/);
    expect((await told(loket, id, 'wat is een zaaknummer', /Z-2026-000123/))[0]).toMatch(/^Uw zaaknummer staat bovenaan de brief/);
  });

  it('"hallo??? is daar iemand" and a plain "hallo" while waiting get where the wait stands, not the welcome', async () => {
    loket = await startLoket({ LOKET_OFFICE_HOURS: 'mon-fri 08:30-17:00' }, { clock: fixedClock(TUESDAY) });
    // Someone at work: the wait is told in minutes (tests/handoff/presence.test.ts: nobody at work).
    await atWork(loket);
    for (const asked of ['hallo??? is daar iemand', 'hallo', 'goedemiddag']) {
      const id = await waiting(loket, 'ik wil een medewerker', /wachtrij/);
      const replies = await told(loket, id, asked, /wachtrij/);
      expect({ asked, replies }).toEqual({ asked, replies: [expect.stringMatching(/^U staat al in de wachtrij\. U bent nummer \d+\./)] });
    }
  });

  it('"hoe laat bellen jullie?" with a call back booked says when we call, not the opening hours', async () => {
    loket = await startLoket({ LOKET_OFFICE_HOURS: 'mon-fri 08:30-17:00' }, { clock: fixedClock(TUESDAY) });
    // Someone at work: the wait is told in minutes (tests/handoff/presence.test.ts: nobody at work).
    await atWork(loket);
    const id = await waiting(loket, 'ik wil teruggebeld worden', /wachtrij/);
    expect((await told(loket, id, '0612345678', /bellen u/))[0]).toMatch(/^Goed\. We bellen u terug op \+31612345678/);
    const replies = await told(loket, id, 'hoe laat bellen jullie', /bellen u/);
    expect(replies).toEqual(['We bellen u op +31612345678 zodra er een medewerker vrij is. U bent nummer 1. Het duurt ongeveer 4 minuten.']);
    expect(replies.join(' ')).not.toMatch(/De balie is open/);
  });
});

describe('a thanks that takes leave', () => {
  it('"bedankt, doei" gets the goodbye, not "Heeft u nog een vraag?"', async () => {
    loket = await startLoket({ LOKET_OFFICE_HOURS: 'mon-fri 08:30-17:00' }, { clock: fixedClock(TUESDAY) });
    for (const [first, bye, expected] of [['wanneer zijn jullie open', 'bedankt, doei', /^Tot ziens!/], ['when are you open', 'thanks, bye!', /^Goodbye!/], ['wanneer zijn jullie open', 'dank je wel', /^Graag gedaan!/]] as const) {
      const id = await saidAlready(loket, first);
      const replies = await say(loket, id, bye);
      expect({ bye, first: replies[0] }).toEqual({ bye, first: expect.stringMatching(expected) });
    }
  });
});
