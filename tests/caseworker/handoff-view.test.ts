/**
 * What the caseworker API tells about a handoff beyond the stored record: who ended it (closedBy),
 * for the console's closed list, which says who handled each conversation.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Loket } from '../../src/server/loket.ts';
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
