/**
 * A person promised in a stored turn whose handoff was never made: what a crash right after the turn's
 * commit leaves behind (the reply "Ik zorg dat een medewerker u helpt" and the request are stored, the
 * handoff is not; src/handoff/forgotten.ts). The sweep queues it, once, and only within its window.
 */
import type Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { fixedClock } from '../../src/clock.ts';

type FixedClock = ReturnType<typeof fixedClock>;
import { FORGOTTEN_AFTER_MS, FORGOTTEN_WINDOW_MS } from '../../src/handoff/forgotten.ts';
import type { Loket } from '../../src/server/loket.ts';
import { ASK_PERSON, Citizen, citizen, startLoket, texts } from './helpers.ts';
import { atWork } from '../support/at-work.ts';
import { tempDir } from '../support/loket.ts';

let loket: Loket | undefined;
let other: Loket | undefined;
afterEach(async () => {
  await loket?.close();
  await other?.close();
  loket = other = undefined;
});

async function boot(): Promise<{ loket: Loket; clock: FixedClock }> {
  const clock = fixedClock('2026-11-24T09:00:00Z');
  loket = await startLoket({ LOKET_OFFICE_HOURS: 'always' }, clock);
  await atWork(loket);
  return { loket, clock };
}

/** The citizen is told a person will help; then the handoff is gone, as if the process died right after the turn's commit. */
async function promisedButLost(loket: Loket, c: Citizen, text = ASK_PERSON): Promise<void> {
  await c.say(text);
  expect(await c.handoff()).not.toBeNull();
  (loket.store.raw as Database.Database).prepare('DELETE FROM handoffs WHERE conversation_id = ?').run(c.id);
  expect(await c.handoff()).toBeNull();
}

describe('a handoff request stored with its turn, whose handoff was never made', () => {
  it('is queued by the sweep once it is FORGOTTEN_AFTER_MS old, and the citizen is told their place', async () => {
    const { loket, clock } = await boot();
    const c = await citizen(loket);
    await promisedButLost(loket, c);
    clock.advance(FORGOTTEN_AFTER_MS - 1000);
    await loket.handoffs.sweep();
    expect(await c.handoff()).toBeNull();
    clock.advance(2000);
    await loket.handoffs.sweep();
    const h = await c.handoff();
    expect(h).toMatchObject({ state: 'queued', reason: 'explicit_request', team: 'klantcontact', evidence: [expect.objectContaining({ reason: 'explicit_request', evidence: 'wil een medewerker spreken' })] });
    expect(texts(await c.news()).join(' ')).toContain('U bent nummer 1');
    // Once: the next sweeps leave it be.
    clock.advance(FORGOTTEN_AFTER_MS);
    await loket.handoffs.sweep();
    expect(await loket.store.handoffs.ofConversation(c.id)).toHaveLength(1);
    expect(texts(await c.news())).toEqual([]);
  });

  it('keeps the team the routing gives its case, and the case number', async () => {
    const { loket, clock } = await boot();
    const c = await citizen(loket);
    await c.say('hoe staat het met mijn aanvraag Z-2026-000456');
    await c.say('5678 CD');
    expect(texts(await c.say('01-07-1992')).join(' ')).toContain('Eerste betaling');
    await promisedButLost(loket, c, 'ik kan de huur niet meer betalen en heb schulden');
    clock.advance(FORGOTTEN_AFTER_MS + 1000);
    await loket.handoffs.sweep();
    expect(await c.handoff()).toMatchObject({ state: 'queued', reason: 'financial_hardship', team: 'werk-en-inkomen' });
  });

  it('leaves alone a request its handoff carries, also once that handoff is closed', async () => {
    const { loket, clock } = await boot();
    const c = await citizen(loket);
    await c.say(ASK_PERSON);
    const h = (await c.handoff())!;
    await c.news();
    // Closed by a caseworker before the sweep looks: it was seen to all the same.
    await loket.store.handoffs.update({ ...h, state: 'closed', closedAt: clock.now().toISOString(), outcome: 'resolved', version: h.version + 1 });
    clock.advance(FORGOTTEN_AFTER_MS + 1000);
    await loket.handoffs.sweep();
    expect(await loket.store.handoffs.ofConversation(c.id)).toHaveLength(1);
    expect(texts(await c.news())).toEqual([]);
  });

  it('keeps the team the turn chose (a complaint goes to the complaints team)', async () => {
    const { loket, clock } = await boot();
    const c = await citizen(loket);
    await promisedButLost(loket, c, 'ik wil een klacht indienen over een medewerker');
    clock.advance(FORGOTTEN_AFTER_MS + 1000);
    await loket.handoffs.sweep();
    expect(await c.handoff()).toMatchObject({ state: 'queued', reason: 'complaint', team: 'klachten' });
  });

  it('does not queue it when the citizen said since that no person is needed', async () => {
    const { loket, clock } = await boot();
    const c = await citizen(loket);
    await promisedButLost(loket, c);
    expect(texts(await c.say('annuleren')).join(' ')).toContain('niets om te annuleren');
    clock.advance(FORGOTTEN_AFTER_MS + 1000);
    await loket.handoffs.sweep();
    expect(await c.handoff()).toBeNull();
  });

  it('still queues a crisis after "annuleren": a cancel does not end a crisis wait', async () => {
    const { loket, clock } = await boot();
    const c = await citizen(loket);
    await promisedButLost(loket, c, 'ik wil niet meer leven');
    await c.say('annuleren');
    clock.advance(FORGOTTEN_AFTER_MS + 1000);
    await loket.handoffs.sweep();
    expect(await c.handoff()).toMatchObject({ state: 'queued', reason: 'distress' });
  });

  it('leaves a lost request be when the citizen asked again since and got a person', async () => {
    const { loket, clock } = await boot();
    const c = await citizen(loket);
    await promisedButLost(loket, c);
    clock.advance(1000);
    await c.say('hallo? ik wil echt iemand spreken');
    const h = (await c.handoff())!;
    await loket.store.handoffs.update({ ...h, state: 'closed', closedAt: clock.now().toISOString(), outcome: 'resolved', version: h.version + 1 });
    await c.news();
    clock.advance(FORGOTTEN_AFTER_MS + 1000);
    await loket.handoffs.sweep();
    expect(await loket.store.handoffs.ofConversation(c.id)).toHaveLength(1);
    expect(texts(await c.news())).toEqual([]);
  });

  it('tries again at the next sweep when queueing fails, and the other timers still run', async () => {
    const { loket, clock } = await boot();
    const c = await citizen(loket);
    await promisedButLost(loket, c);
    const db = loket.store.raw as Database.Database;
    clock.advance(FORGOTTEN_AFTER_MS + 1000);
    db.exec('ALTER TABLE handoffs RENAME TO handoffs_away');
    await expect(loket.handoffs.sweep()).rejects.toThrow();
    db.exec('ALTER TABLE handoffs_away RENAME TO handoffs');
    await loket.handoffs.sweep();
    expect(await c.handoff()).toMatchObject({ state: 'queued', reason: 'explicit_request' });
  });

  it('makes no second handoff and says nothing again for a request a handoff carries (a retried turn)', async () => {
    const { loket } = await boot();
    const c = await citizen(loket);
    await c.say(ASK_PERSON);
    const h = (await c.handoff())!;
    await c.news();
    const [stored] = await loket.store.handoffs.requestsAfter(0, '2000-01-01T00:00:00Z', 10);
    const row = (await loket.store.getConversation(c.id))!;
    await loket.handoffs.request(c.id, 'web', [stored!.record], row.state!);
    expect(await loket.store.handoffs.ofConversation(c.id)).toEqual([expect.objectContaining({ id: h.id, evidence: h.evidence })]);
    expect(texts(await c.news())).toEqual([]);
  });

  it('reads the conversation afresh when another process on the same file had the turns since (LOKET_WORKERS)', async () => {
    const clock = fixedClock('2026-11-24T09:00:00Z');
    const file = `sqlite:${tempDir()}/loket.db`;
    // The sweeping process has the conversation in its row cache from its first turn; the citizen's
    // English turns, the request among them, are handled by the other process.
    loket = await startLoket({ LOKET_OFFICE_HOURS: 'always', DATABASE_URL: file }, clock);
    other = await startLoket({ LOKET_OFFICE_HOURS: 'always', DATABASE_URL: file }, clock);
    // At work on the sweeping process: the one that tells the wait (presence is per process for now).
    await atWork(loket);
    const here = await citizen(loket);
    await here.say('hallo');
    const there = new Citizen(other, here.id);
    await there.say('hello, I have a question');
    await promisedButLost(other, there, 'I want to talk to a person');
    clock.advance(FORGOTTEN_AFTER_MS + 1000);
    await loket.handoffs.sweep();
    expect(await there.handoff()).toMatchObject({ state: 'queued', reason: 'explicit_request' });
    const told = texts(await there.news()).join(' ');
    expect(told).toContain('You are number 1');
    expect(told).not.toContain('U bent nummer');
  });

  it('does not reach back further than FORGOTTEN_WINDOW_MS', async () => {
    const { loket, clock } = await boot();
    const c = await citizen(loket);
    await promisedButLost(loket, c);
    clock.advance(FORGOTTEN_WINDOW_MS + 1000);
    await loket.handoffs.sweep();
    expect(await c.handoff()).toBeNull();
  });
});
