/**
 * Found wrong (helper fu): while a complaint waited for a person, "kan ik ook schriftelijk klagen?", "wie behandelt mijn
 * klacht?", "is dit anoniem?" and "ik wil nog iets toevoegen" got only where the wait stands (or "Ik heb uw bericht
 * bewaard" and the callback offer again; "I want to add details" even a handoff for vulnerability, "add" read as ADD);
 * "ik wil mijn klacht intrekken" got no word of the withdrawal; a complaint about a decision was not told of the
 * objection (bezwaar), which has a term of 6 weeks. A crisis said beside it keeps its crisis line.
 */
import { describe, expect, it } from 'vitest';
import type { Loket } from '../../src/server/loket.ts';
import { saidAfter } from '../support/loket.ts';
import { eachSaidAfter } from '../support/said-after.ts';
import { useLoket } from '../support/use-loket.ts';

let loket: Loket;
useLoket((started) => (loket = started));

const CRISIS = /113/;
const NL = ['ik wil een klacht indienen'];
const EN = ['I want to complain'];

/** Each message, said right after `before`, gets a reply matching `said`. */
const eachAfter = (before: readonly string[], asked: readonly string[], said: RegExp, notSaid?: RegExp): Promise<void> => eachSaidAfter(loket, before, asked, said, notSaid);

describe('a question about the complaint while it waits for a person', () => {
  it('in writing: yes, and how', async () => {
    await eachAfter(NL, ['kan ik ook schriftelijk klagen', 'kan ik t ook per brief doen?', 'kan dat ook schriftelijk?'], /schriftelijk indienen, met een brief aan Gemeente Voorbeeld/);
    await eachAfter(EN, ['can I complain in writing?', 'can i send a letter instead?'], /in writing, by letter to Gemeente Voorbeeld/);
  });

  it('who handles it: someone not involved (Awb 9:7)', async () => {
    await eachAfter(NL, ['wie behandelt mijn klacht?', 'wie behandeld mijn klacht', 'krijgt dezelfde medewerker mijn klacht?'], /niet betrokken was bij wat er gebeurde/);
    await eachAfter(EN, ['who handles my complaint?', 'who will handle my complaint'], /was not involved in what happened/);
  });

  it('anonymous: name and address are needed (Awb 9:4), the person complained about gets a copy (Awb 9:9)', async () => {
    await eachAfter(NL, ['is dit anoniem?', 'kan het anoniem', 'weet die medewerker dan dat ik geklaagd heb?'], /naam en adres nodig/, /Zullen we u nog terugbellen/);
    await eachAfter(EN, ['is this anonymous?', 'can I stay anonymous'], /name and address are needed/, /call you back/);
  });

  it('adding details: type it here', async () => {
    await eachAfter(NL, ['ik wil nog iets toevoegen aan mijn klacht', 'ik wil nog wat toevoegen', 'ik ben iets vergeten te zeggen'], /Typ hier wat u wilt toevoegen/);
    await eachAfter(EN, ['I want to add details', 'i forgot to mention something'], /Type here what you want to add/);
  });

  it('withdrawing it: the withdrawal, not only the queue', async () => {
    await eachAfter(NL, ['ik wil mijn klacht intrekken', 'ik trek mijn klacht in'], /klacht wordt ingetrokken/);
    await eachAfter(EN, ['I want to withdraw my complaint'], /withdraw your complaint/);
  });

  it('a crisis beside it keeps its crisis line', async () => {
    for (const m of ['kan ik ook schriftelijk klagen ik wil dood', 'is dit anoniem? ik wil dood', 'ik wil mijn klacht intrekken ik wil dood', 'ik wil nog iets toevoegen, ik wil dood']) {
      expect({ m, said: await saidAfter(loket, NL, m) }).toEqual({ m, said: expect.stringMatching(CRISIS) });
    }
    for (const m of ['can I complain in writing? i want to die', 'I want to add details i want to die']) {
      expect({ m, said: await saidAfter(loket, EN, m) }).toEqual({ m, said: expect.stringMatching(CRISIS) });
    }
  });
});

describe('a complaint about a decision', () => {
  it('is taken, and the objection and its term are named', async () => {
    await eachAfter([], ['ik wil een klacht indienen over een besluit', 'ik ben het niet eens met het besluit, ik wil klagen', 'wil klacht indiene over de beslissing'], /Een medewerker neemt uw klacht in behandeling\. .*bezwaar maken\. Doe dat binnen 6 weken/);
    await eachAfter([], ['I want to file a complaint about a decision'], /A person will handle your complaint\. .*object\. Do this within 6 weeks/);
  });

  it('a complaint about a staff member is not sent to the objection', async () => {
    expect(await saidAfter(loket, [], 'ik wil een klacht indienen over een medewerker')).not.toMatch(/bezwaar/);
  });

  it('a crisis beside it keeps its crisis line', async () => {
    expect(await saidAfter(loket, [], 'ik wil klagen over het besluit ik wil dood')).toMatch(CRISIS);
    expect(await saidAfter(loket, [], 'I want to complain about the decision i want to die')).toMatch(CRISIS);
  });
});
