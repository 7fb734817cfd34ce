/**
 * What the caseworker API tells about a handoff beyond the stored record: who ended it (closedBy),
 * for the console's closed list, which says who handled each conversation; and when the holder's
 * answer is due (replyDueAt), the very moment the sweep returns the conversation to the queue.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../src/clock.ts';
import type { Loket } from '../../src/server/loket.ts';
import { OPEN_TUESDAY } from '../support/loket.ts';
import { ADMIN, addCaseworker, as, citizen, login, startLoket, type Session } from './helpers.ts';

let loket: Loket;
let anna: Session;
let lead: Session;

beforeAll(async () => {
  loket = await startLoket();
  const admin = await login(loket, ADMIN.username, ADMIN.password);
  anna = await addCaseworker(loket, admin, 'anna', { teams: ['klantcontact'] });
  lead = await addCaseworker(loket, admin, 'lotte', { role: 'supervisor', teams: ['klantcontact'] });
});
afterAll(() => loket?.close());

describe('a handoff that ended', () => {
  it('says who closed or released it in the closed list, and nobody when the citizen cancelled', async () => {
    const held = await (await citizen(loket)).askForPerson();
    await as(loket, anna).post(`/api/v1/handoffs/${held}/claim`);
    // A supervisor hands back a colleague's conversation: Anna held it, Lotte ended it.
    expect((await as(loket, lead).post(`/api/v1/handoffs/${held}/release`, {})).statusCode).toBe(200);
    const fromQueue = await (await citizen(loket)).askForPerson();
    await as(loket, anna).post(`/api/v1/handoffs/${fromQueue}/close`, { outcome: 'beantwoord' });
    const waiting = await citizen(loket);
    const cancelled = await waiting.askForPerson();
    await waiting.say('annuleren');

    const { items } = (await as(loket, anna).get('/api/v1/handoffs?state=closed')).json() as { items: Array<Record<string, unknown>> };
    const byId = new Map(items.map((h) => [h.id, h]));
    expect(byId.get(held)).toMatchObject({ state: 'released', assignee: 'anna', closedBy: 'lotte', closedAt: expect.any(String) });
    expect(byId.get(fromQueue)).toMatchObject({ state: 'closed', assignee: null, closedBy: 'anna', closedAt: expect.any(String) });
    expect(byId.get(cancelled)).toMatchObject({ state: 'closed', assignee: null, closedBy: null, outcome: 'cancelled_by_citizen' });
  });
});

describe('the closed list', () => {
  it('lists the most recently ended first, whatever the queue order was; the open list keeps queue order', async () => {
    const clock = fixedClock(OPEN_TUESDAY);
    const timed = await startLoket({}, clock);
    try {
      const admin = await login(timed, ADMIN.username, ADMIN.password);
      const bea = await addCaseworker(timed, admin, 'bea', { teams: ['klantcontact'] });
      const asked: string[] = [];
      for (let i = 0; i < 4; i++) {
        asked.push(await (await citizen(timed)).askForPerson());
        clock.advance(60_000);
      }
      const [first, second, third, fourth] = asked as [string, string, string, string];
      // Ended out of queue order: the second, then the first, then the third; the fourth still waits.
      for (const id of [second, first, third]) {
        expect((await as(timed, bea).post(`/api/v1/handoffs/${id}/close`, { outcome: 'opgelost' })).statusCode).toBe(200);
        clock.advance(60_000);
      }
      const ids = async (query: string) => ((await as(timed, bea).get(`/api/v1/handoffs${query}`)).json() as { items: Array<{ id: string }> }).items.map((h) => h.id);
      expect(await ids('?state=closed')).toEqual([third, first, second]);
      expect(await ids('')).toEqual([fourth]);
    } finally {
      await timed.close();
    }
  });
});

describe('a handoff held by a caseworker', () => {
  const TIMEOUT = 60;
  const plus = (iso: string, seconds: number) => new Date(Date.parse(iso) + seconds * 1000).toISOString();

  it('says when the answer is due: from the claim, none once answered, again from the citizen\'s next message; the sweep keeps to it', async () => {
    const clock = fixedClock(OPEN_TUESDAY);
    const timed = await startLoket({ LOKET_REPLY_TIMEOUT_SECONDS: String(TIMEOUT) }, clock);
    try {
      const admin = await login(timed, ADMIN.username, ADMIN.password);
      const bea = await addCaseworker(timed, admin, 'bea', { teams: ['klantcontact'] });
      const c = await citizen(timed);
      const id = await c.askForPerson();
      const detail = async () => (await as(timed, bea).get(`/api/v1/handoffs/${id}`)).json() as { replyDueAt: string | null; state: string };
      expect((await detail()).replyDueAt).toBeNull(); // waiting in the queue: nobody owes an answer yet

      const claimed = (await as(timed, bea).post(`/api/v1/handoffs/${id}/claim`)).json() as { replyDueAt: string };
      expect(claimed.replyDueAt).toBe(plus(OPEN_TUESDAY, TIMEOUT));
      clock.advance(10_000);
      const answered = (await as(timed, bea).post(`/api/v1/handoffs/${id}/messages`, { text: 'Ik kijk even mee.' })).json();
      expect(answered.replyDueAt).toBeNull();
      clock.advance(20_000);
      await c.say('dank u, het gaat om mijn aanvraag');
      const wrote = clock.now().toISOString();
      expect((await detail()).replyDueAt).toBe(plus(wrote, TIMEOUT));
      const listed = (await as(timed, bea).get('/api/v1/handoffs')).json() as { items: Array<{ id: string; replyDueAt: string | null }> };
      expect(listed.items.find((h) => h.id === id)?.replyDueAt).toBe(plus(wrote, TIMEOUT));

      // At the due moment it is still held; a second later the sweep returns it.
      clock.advance(TIMEOUT * 1000);
      await timed.handoffs.sweep();
      expect((await detail()).state).toBe('active');
      clock.advance(1000);
      await timed.handoffs.sweep();
      expect(await detail()).toMatchObject({ state: 'queued', replyDueAt: null });
    } finally {
      await timed.close();
    }
  });
});
