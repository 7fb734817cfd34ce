/**
 * After a caseworker says a crisis was none (POST /api/v1/handoffs/{id}/reason), the citizen's
 * conversation goes on as for any wait: what the assistant says itself (a cancel is a cancel again,
 * a message kept without the crisis line) and what the handoff service says (the place in the queue,
 * the hand-back with its score question) come without 113 and 112. Through a real Loket.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { fixedClock } from '../../src/clock.ts';
import type { Loket } from '../../src/server/loket.ts';
import { ADMIN, addCaseworker, as, login } from '../caseworker/helpers.ts';
import { atWork } from '../support/at-work.ts';
import { OPEN_TUESDAY, saidAlready, startLoket, toldAfter } from '../support/loket.ts';

const CHAIR = 'ik zie het niet meer zitten met die stoel van mijn oma';
const CRISIS_LINE = /113|112/;

let loket: Loket | undefined;
afterEach(async () => {
  await loket?.close();
  loket = undefined;
});

async function boot() {
  const l = await startLoket({ LOKET_OFFICE_HOURS: 'mon-fri 08:30-17:00' }, { clock: fixedClock(OPEN_TUESDAY) });
  loket = l;
  await atWork(l);
  const admin = await login(l, ADMIN.username, ADMIN.password);
  const anna = await addCaseworker(l, admin, 'anna', { teams: ['klantcontact'] });
  const lead = await addCaseworker(l, admin, 'lena', { role: 'supervisor', teams: ['klantcontact'] });
  return { l, anna, lead };
}

/** A citizen whose words were taken for a crisis: the crisis line was said, and a handoff for distress waits. */
async function falseCrisis(l: Loket) {
  const id = await saidAlready(l);
  const first = await toldAfter(l, id, CHAIR, /wachtrij/);
  expect(first.join(' ')).toMatch(/113/);
  const h = (await l.store.handoffs.openFor(id))!;
  expect(h).toMatchObject({ reason: 'distress', state: 'queued' });
  return { id, handoffId: h.id };
}

describe('a crisis said to be none', () => {
  it('while waiting: the place in the queue, a message kept and a cancel come as for any wait, without the crisis line', async () => {
    const { l, lead } = await boot();
    const { id, handoffId } = await falseCrisis(l);
    const res = await as(l, lead).post(`/api/v1/handoffs/${handoffId}/reason`, { reason: 'none', note: 'Het gaat om een stoel.' });
    expect(res.statusCode).toBe(200);

    const hello = await toldAfter(l, id, 'hallo', /wachtrij/);
    expect(hello).toEqual([expect.stringMatching(/^U staat al in de wachtrij\. U bent nummer 1\..*Wilt u niet meer wachten\? Typ dan: annuleren\.$/)]);
    const other = await toldAfter(l, id, 'ik weet het niet', /./);
    expect(other.length).toBeGreaterThan(0);
    for (const t of [...hello, ...other]) expect(t).not.toMatch(CRISIS_LINE);
    // A crisis wait is not ended by "annuleren"; this one is no crisis.
    const cancelled = await toldAfter(l, id, 'annuleren', /wachtrij/);
    expect(cancelled).toEqual(['Goed, u staat niet meer in de wachtrij. Ik help u weer. Wat wilt u weten?']);
    expect(await l.store.handoffs.get(handoffId)).toMatchObject({ state: 'closed', outcome: 'cancelled_by_citizen' });
  });

  it('while held: handed back with the score question, not the crisis line, and the score is kept', async () => {
    const { l, anna } = await boot();
    const { id, handoffId } = await falseCrisis(l);
    await as(l, anna).post(`/api/v1/handoffs/${handoffId}/claim`);
    expect((await as(l, anna).post(`/api/v1/handoffs/${handoffId}/reason`, { reason: 'frustration', note: 'Boos over de stoel, geen crisis.' })).statusCode).toBe(200);
    const before = (await toldAfter(l, id, 'ok', /./)).length;
    expect(before).toBe(0); // a person holds it: the assistant keeps still
    expect((await as(l, anna).post(`/api/v1/handoffs/${handoffId}/release`, {})).statusCode).toBe(200);
    const said = (await l.store.listActivities(id, 0, 1000)).map((a) => a.activity).filter((a) => a.type === 'message').at(-1)!.text!;
    expect(said).toMatch(/^De medewerker heeft het gesprek aan mij teruggegeven\..*Geef een cijfer van 1 tot 5\.$/);
    expect(said).not.toMatch(CRISIS_LINE);
    await toldAfter(l, id, '4', /./);
    expect((await l.store.feedback.list({})).filter((f) => f.conversationId === id).map((f) => f.score)).toEqual([4]);
  });

  it('words of a real crisis after it count as a crisis again', async () => {
    const { l, lead } = await boot();
    const { id, handoffId } = await falseCrisis(l);
    await as(l, lead).post(`/api/v1/handoffs/${handoffId}/reason`, { reason: 'none', note: 'Het gaat om een stoel.' });
    const again = await toldAfter(l, id, 'nee echt, ik wil niet meer leven', /113/);
    expect(again.join(' ')).toMatch(/113/);
    expect(await l.store.handoffs.get(handoffId)).toMatchObject({ reason: 'distress', priority: 1, correctedFrom: 'distress' });
  });
});
