/**
 * GET /api/v1/colleagues: who a conversation can be transferred to, by name, for every logged-in
 * caseworker. Before, only admins could list accounts (/users), so a caseworker had to type a
 * colleague's username. It gives username, name, role and teams only; /users stays the admin's.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Loket } from '../../src/server/loket.ts';
import { ADMIN, addCaseworker, as, code, login, startLoket, type Session } from './helpers.ts';

let loket: Loket;
let anna: Session;

beforeAll(async () => {
  loket = await startLoket();
  const admin = await login(loket, ADMIN.username, ADMIN.password);
  anna = await addCaseworker(loket, admin, 'anna', { name: 'Anna de Vries', teams: ['klantcontact'] });
  await addCaseworker(loket, admin, 'sanne', { name: 'Sanne Bos', role: 'supervisor', teams: ['vergunningen'] });
});
afterAll(() => loket?.close());

describe('colleagues', () => {
  it('lists every colleague by name, role and teams for a caseworker, nothing more; /users stays refused', async () => {
    const res = await as(loket, anna).get('/api/v1/colleagues');
    expect(res.statusCode).toBe(200);
    const items = (res.json() as { items: Array<Record<string, unknown>> }).items;
    expect(items).toEqual(expect.arrayContaining([
      { username: 'anna', name: 'Anna de Vries', role: 'caseworker', teams: ['klantcontact'] },
      { username: 'sanne', name: 'Sanne Bos', role: 'supervisor', teams: ['vergunningen'] },
    ]));
    for (const u of items) expect(Object.keys(u).sort()).toEqual(['name', 'role', 'teams', 'username']);
    expect((await as(loket, anna).get('/api/v1/users')).statusCode).toBe(403);
  });

  it('is refused without a login, with a stable code', async () => {
    const res = await loket.app.inject({ method: 'GET', url: '/api/v1/colleagues' });
    expect(res.statusCode).toBe(401);
    expect(code(res)).toBeTruthy();
  });
});
