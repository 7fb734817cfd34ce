/**
 * The wait a citizen is told counts who is at work: caseworkers with the console's events socket open
 * (src/handoff/presence.ts), through the real server, a real port and real WebSockets.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { fixedClock } from '../../src/clock.ts';
import { memoryPresence } from '../../src/handoff/presence.ts';
import { estimateMinutes } from '../../src/handoff/queue.ts';
import type { Loket } from '../../src/server/loket.ts';
import { ADMIN, addCaseworker, citizen, login, startLoket, texts, type Citizen, type Session } from '../caseworker/helpers.ts';
import { atWork, openConsole, type ConsoleSocket } from '../support/at-work.ts';

let loket: Loket | undefined;
afterEach(async () => {
  await loket?.close();
  loket = undefined;
});

/** Office hours always open, 4 minutes per citizen (the default), three caseworkers of klantcontact and one of belastingen. */
async function boot() {
  const clock = fixedClock('2026-11-24T09:00:00Z');
  loket = await startLoket({}, clock);
  const admin = await login(loket, ADMIN.username, ADMIN.password);
  const team: Session[] = [];
  for (const name of ['anna', 'bram', 'cees']) team.push(await addCaseworker(loket, admin, name, { teams: ['klantcontact'] }));
  const other = await addCaseworker(loket, admin, 'dirk', { teams: ['belastingen'] });
  // A second between requests: who asked first is first in line (the same moment would go by id).
  const asks = async (c: Citizen, text = 'ik wil een medewerker spreken') => {
    clock.advance(1000);
    return texts(await c.say(text)).join(' ');
  };
  return { loket, team, other, asks };
}

const consoles: ConsoleSocket[] = [];
afterEach(async () => {
  await Promise.all(consoles.splice(0).map((c) => c.close()));
});
const open = async (l: Loket, s: Session) => {
  const c = await openConsole(l, s.token);
  consoles.push(c);
  return c;
};

/** What the citizen was told since the last look, polled a little for what a caseworker's arrival brings. */
async function toldSoon(c: Citizen, until: RegExp): Promise<string[]> {
  const got: string[] = [];
  for (let i = 0; i < 50 && !got.some((t) => until.test(t)); i++) {
    got.push(...texts(await c.news()));
    if (!got.some((t) => until.test(t))) await new Promise((r) => setTimeout(r, 20));
  }
  return got;
}

const settle = () => new Promise((r) => setTimeout(r, 100));

describe('the wait told counts the caseworkers at work in the team', () => {
  it('promises no minutes while nobody of the team is at work; with one it is 4 minutes a citizen, with three a third of that', async () => {
    const { loket, team, other, asks } = await boot();
    // Someone of another team at work is nobody for klantcontact.
    await open(loket, other);
    const waiting: Citizen[] = [];
    for (let i = 0; i < 3; i++) {
      const c = await citizen(loket);
      const told = await asks(c);
      expect(told).toContain('Op dit moment is er geen medewerker vrij. Uw gesprek blijft in de wachtrij.');
      expect(told).toContain('Zullen we u terugbellen? Antwoord met ja of nee.');
      expect(told).not.toMatch(/minuten/);
      waiting.push(c);
    }
    // Asked again: still no minutes, and the offer not made twice.
    expect(texts(await waiting[2]!.say('hoe lang duurt het nog?'))).toEqual(['U staat nog in de wachtrij. Op dit moment is er geen medewerker vrij. Zodra er iemand is, hoort u hoe lang het duurt. Wilt u niet meer wachten? Typ dan: annuleren.']);

    await open(loket, team[0]!);
    expect(await toldSoon(waiting[2]!, /minuten/)).toEqual(['Er is nu een medewerker aan het werk. U bent nummer 3 in de wachtrij. Het duurt ongeveer 12 minuten.']);
    expect(await toldSoon(waiting[0]!, /minuten/)).toEqual(['Er is nu een medewerker aan het werk. U bent nummer 1 in de wachtrij. Het duurt ongeveer 4 minuten.']);

    await open(loket, team[1]!);
    await open(loket, team[2]!);
    await settle();
    // Told once: the next two arrivals bring no message of their own.
    expect(texts(await waiting[2]!.news())).toEqual([]);
    expect(texts(await waiting[2]!.say('hoe lang duurt het nog?'))).toEqual(['U staat al in de wachtrij. U bent nummer 3. Het duurt nog ongeveer 4 minuten. Wilt u niet meer wachten? Typ dan: annuleren.']);
    const fourth = await citizen(loket);
    expect(await asks(fourth)).toContain('U bent nummer 4. Het duurt ongeveer 8 minuten.');
   }, 90_000); // the file's first Loket loads the model, and this one holds eleven turns

  it('says so in English too', async () => {
    const { loket } = await boot();
    const c = await citizen(loket);
    await c.say('can we speak English?');
    expect(texts(await c.say('I want to talk to a person')).join(' ')).toContain('No staff member is free at the moment. Your conversation stays in the queue.');
    await atWork(loket);
    expect(await toldSoon(c, /minutes/)).toEqual(['A staff member is at work now. You are number 1 in the queue. It will take about 4 minutes.']);
  });

  it('a yes to the offer made while nobody is at work books the call for as soon as someone is free', async () => {
    const { loket } = await boot();
    const c = await citizen(loket);
    await c.say('ik wil een medewerker spreken');
    expect(texts(await c.say('ja')).join(' ')).toMatch(/telefoonnummer|nummer dat wij van u hebben/);
    expect(texts(await c.say('06-12345678')).join(' ')).toContain('zodra er een medewerker vrij is');
    expect(await c.handoff()).toMatchObject({ callback: { phone: expect.any(String) }, callbackOffer: { reason: 'nobody_free', answered: true } });
  });
});

describe('a console reloaded within the grace', () => {
  it('keeps its caseworker at work: the wait told and the citizens are left as they were', async () => {
    const { loket, team, asks } = await boot();
    const anna = await open(loket, team[0]!);
    await open(loket, team[1]!);
    const first = await citizen(loket);
    const second = await citizen(loket);
    await asks(first);
    // Two at work: the second in line is answered in the first round.
    expect(await asks(second)).toContain('U bent nummer 2. Het duurt ongeveer 4 minuten.');

    await anna.close();
    await settle();
    // Gone for a moment, but within the grace: still two at work.
    const third = await citizen(loket);
    expect(await asks(third)).toContain('U bent nummer 3. Het duurt ongeveer 8 minuten.');
    await open(loket, team[0]!);
    await settle();
    for (const c of [first, second, third]) expect(texts(await c.news())).toEqual([]);
  });
});

describe('memoryPresence', () => {
  it('counts a caseworker per team until the grace after their last socket has passed', async () => {
    const presence = memoryPresence({ graceMs: 30 });
    const arrived: string[] = [];
    presence.onArrive((u) => arrived.push(u.username));
    await presence.arrive({ username: 'anna', teams: ['klantcontact', 'parkeren'] }, 's1');
    await presence.arrive({ username: 'anna', teams: ['klantcontact', 'parkeren'] }, 's2');
    await presence.arrive({ username: 'bram', teams: ['parkeren'] }, 's3');
    expect([await presence.count('klantcontact'), await presence.count('parkeren'), await presence.count('belastingen'), await presence.count()]).toEqual([1, 2, 0, 2]);
    await presence.leave('anna', 's1');
    await presence.leave('anna', 's2');
    expect(await presence.count('klantcontact')).toBe(1);
    await presence.arrive({ username: 'anna', teams: ['klantcontact'] }, 's4');
    expect(arrived).toEqual(['anna', 'bram']);
    await presence.leave('anna', 's4');
    await new Promise((r) => setTimeout(r, 60));
    expect(await presence.count('klantcontact')).toBe(0);
    presence.stop();
  });

  it('says it cannot tell when its consoles are not every desk (Slack on, an instance not linked to the others): the wait as one at a time', async () => {
    const presence = memoryPresence({ partial: true });
    const arrived: string[] = [];
    presence.onArrive((u) => arrived.push(u.username));
    expect(await presence.count('klantcontact')).toBeNull();
    await presence.arrive({ username: 'anna', teams: ['klantcontact'] }, 's1');
    expect([await presence.count('klantcontact'), arrived]).toEqual([null, ['anna']]);
    expect([estimateMinutes(3, 4, null), estimateMinutes(3, 4, 3), estimateMinutes(3, 4, 0)]).toEqual([12, 4, 12]);
    presence.stop();
  });
});
