/**
 * Who may end or move a handoff. A caseworker closed another team's waiting conversation without
 * reading it, and (through Slack, which calls the handoff service directly) could close or hand back a
 * colleague's conversation. Now: a waiting one only by its own team, or a supervisor or admin; one held
 * by a colleague only by that colleague, or a supervisor or admin. Taking one over stays open to all.
 * Checked in the handoff service, so the console API and Slack follow the same rule.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Loket } from '../../src/server/loket.ts';
import { ADMIN, addCaseworker, as, ASK_PERSON, code, login, message, startLoket, type Session } from './helpers.ts';

let loket: Loket;
let admin: Session;
let front: Session;
let permits: Session;
let lead: Session;

beforeAll(async () => {
  loket = await startLoket();
  admin = await login(loket, ADMIN.username, ADMIN.password);
  front = await addCaseworker(loket, admin, 'fenna', { teams: ['klantcontact'] });
  permits = await addCaseworker(loket, admin, 'piet', { teams: ['vergunningen'] });
  lead = await addCaseworker(loket, admin, 'lotte', { role: 'supervisor', teams: ['vergunningen'] });
});
afterAll(() => loket?.close());

async function waiting(): Promise<string> {
  const c = await loket.service.open({ channel: 'web', welcome: true });
  await loket.service.receive(c.id, { type: 'message', from: { id: 'u1' }, text: ASK_PERSON });
  for (let i = 0; i < 50; i++) {
    const h = await loket.store.handoffs.openFor(c.id);
    if (h) return h.id;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error('no handoff');
}

describe('closing and moving a waiting conversation', () => {
  it('refuses another team\'s caseworker with 403 HANDOFF_OTHER_TEAM, in Dutch for the console; own team, supervisor and admin may', async () => {
    const id = await waiting();
    const team = (await loket.store.handoffs.get(id))!.team;
    expect(team).toBe('klantcontact');
    const refused = await as(loket, permits).post(`/api/v1/handoffs/${id}/close`, { outcome: 'spam' });
    expect({ status: refused.statusCode, code: code(refused) }).toEqual({ status: 403, code: 'HANDOFF_OTHER_TEAM' });
    expect(message(refused)).toMatch(/klantcontact/);
    const moved = await as(loket, permits).post(`/api/v1/handoffs/${id}/transfer`, { team: 'vergunningen', note: 'hoort bij ons' });
    expect({ status: moved.statusCode, code: code(moved) }).toEqual({ status: 403, code: 'HANDOFF_OTHER_TEAM' });
    expect((await loket.store.handoffs.get(id))!.state).toBe('queued');
    // The same refusal reached through the service itself (as Slack calls it).
    const user = (await loket.store.users.get('piet'))!;
    await expect(loket.handoffs.close(id, user, 'spam')).rejects.toMatchObject({ code: 'HANDOFF_OTHER_TEAM' });
    // Its own team may.
    expect((await as(loket, front).post(`/api/v1/handoffs/${id}/close`, { outcome: 'opgelost' })).statusCode).toBe(200);
    // A supervisor of another team and an admin may.
    const second = await waiting();
    expect((await as(loket, lead).post(`/api/v1/handoffs/${second}/transfer`, { team: 'vergunningen', note: 'dakkapel' })).statusCode).toBe(200);
    const third = await waiting();
    expect((await as(loket, admin).post(`/api/v1/handoffs/${third}/close`, { outcome: 'dubbel' })).statusCode).toBe(200);
  });

  it('still lets anyone take over another team\'s waiting conversation', async () => {
    const id = await waiting();
    expect((await as(loket, permits).post(`/api/v1/handoffs/${id}/claim`)).statusCode).toBe(200);
    expect((await as(loket, permits).post(`/api/v1/handoffs/${id}/close`, { outcome: 'geholpen' })).statusCode).toBe(200);
  });
});

describe('a conversation held by a colleague', () => {
  it('is closed, handed back or moved only by its holder, a supervisor or an admin, also through the service (Slack)', async () => {
    const id = await waiting();
    expect((await as(loket, front).post(`/api/v1/handoffs/${id}/claim`)).statusCode).toBe(200);
    const other = (await loket.store.users.get('piet'))!;
    await expect(loket.handoffs.close(id, other, 'x')).rejects.toMatchObject({ code: 'HANDOFF_NOT_YOURS' });
    await expect(loket.handoffs.release(id, other)).rejects.toMatchObject({ code: 'HANDOFF_NOT_YOURS' });
    await expect(loket.handoffs.transfer(id, other, { team: 'vergunningen', note: 'x' })).rejects.toMatchObject({ code: 'HANDOFF_NOT_YOURS' });
    expect((await loket.store.handoffs.get(id))!).toMatchObject({ state: 'active', assignee: 'fenna' });
    const supervisor = (await loket.store.users.get('lotte'))!;
    expect((await loket.handoffs.transfer(id, supervisor, { team: 'vergunningen', note: 'dakkapel' })).state).toBe('queued');
  });
});
