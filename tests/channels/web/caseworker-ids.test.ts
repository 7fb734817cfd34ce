/**
 * What the citizen's own Direct Line client learns of the caseworker: the first name, never the
 * account's username (which may hold a surname), in the messages and in the transcript that the
 * handoff.initiate of a later handoff carries. The console still gets the username.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { addCaseworker, as, login } from '../../caseworker/helpers.ts';
import { activities, say, startConversation, startLoket, type TestLoket } from './helpers.ts';

let loket: TestLoket;
beforeAll(async () => {
  loket = await startLoket({ settings: { LOKET_OFFICE_HOURS: 'always', LOKET_ADMIN_USER: 'admin', LOKET_ADMIN_PASSWORD: 'admin-password-1' } });
});
afterAll(async () => {
  await loket?.stop();
});

it('shows the caseworker by first name only, with no username in from.id, also in a later handoff.initiate', async () => {
  const admin = await login(loket, 'admin', 'admin-password-1');
  const anna = await addCaseworker(loket, admin, 'avdberg', { name: 'Anna van den Berg' });
  const c = await startConversation(loket);
  expect((await say(loket, c, 'ik wil een medewerker spreken')).statusCode).toBe(200);
  const id = (await loket.store.handoffs.openFor(c.conversationId))!.id;
  await as(loket, anna).post(`/api/v1/handoffs/${id}/claim`);
  await as(loket, anna).post(`/api/v1/handoffs/${id}/messages`, { text: 'Goedemiddag, met Anna.' });
  await as(loket, anna).post(`/api/v1/handoffs/${id}/release`);
  expect((await say(loket, c, 'ik wil toch weer een medewerker')).statusCode).toBe(200);
  const seen = (await activities(loket, c)).activities;
  const fromAnna = seen.filter((a) => a.from?.role === 'caseworker');
  expect(fromAnna).toEqual([expect.objectContaining({ text: 'Goedemiddag, met Anna.', from: { id: 'caseworker', name: 'Anna', role: 'caseworker' } })]);
  expect(seen.filter((a) => a.name === 'handoff.initiate')).toHaveLength(2);
  expect(JSON.stringify(seen)).not.toMatch(/avdberg|van den Berg/);
  // The caseworker side keeps who wrote it.
  const transcript = (await as(loket, anna).get(`/api/v1/conversations/${c.conversationId}/transcript`)).json();
  expect(JSON.stringify(transcript)).toContain('caseworker:avdberg');
});
