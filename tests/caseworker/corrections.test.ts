/**
 * Caseworkers correct the assistant (lesson 5), against the real app: a missed crisis and a false
 * alarm are recorded with what the assistant made of the message, bad input is refused with a
 * stable code, and a supervisor exports them as a labelled set with personal data replaced. The
 * export is read back with the same scoring as tests/nlu, so a correction can become a test line.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../src/clock.ts';
import { maskPersonalData } from '../../src/caseworker/corrections.ts';
import type { Loket } from '../../src/server/loket.ts';
import { ADMIN, addCaseworker, as, citizen, code, login, message, startLoket, type Session } from './helpers.ts';

const clock = fixedClock('2026-11-24T09:00:00Z');
let loket: Loket;
let anna: Session;
let lead: Session;

beforeAll(async () => {
  loket = await startLoket({}, clock);
  const admin = await login(loket, ADMIN.username, ADMIN.password);
  anna = await addCaseworker(loket, admin, 'anna', { name: 'Anna de Vries' });
  lead = await addCaseworker(loket, admin, 'lena', { name: 'Lena Smit', role: 'supervisor' });
});
afterAll(() => loket?.close());

/** A conversation with one citizen message; its activity id. */
async function saidBy(text: string): Promise<{ conversationId: string; activityId: string }> {
  const c = await citizen(loket);
  await c.say(text);
  const mine = (await c.all()).filter((a) => a.from.role === 'user');
  return { conversationId: c.id, activityId: mine.at(-1)!.id! };
}

describe('corrections', () => {
  it('records a missed situation with what the assistant made of the message, and exports it as a labelled line', async () => {
    const text = 'mijn hond heeft meer aandacht dan ik, niemand zou het merken als ik er morgen niet ben. BSN 111222333, wanneer betalen jullie?';
    const { conversationId, activityId } = await saidBy(text);
    const res = await as(loket, anna).post(`/api/v1/conversations/${conversationId}/corrections`, { activityId, reason: 'distress' });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ conversationId, activityId, text, lang: 'nl', reason: 'distress', intent: null, by: 'anna' });
    expect(res.json().assistant).toHaveProperty('intent');

    const list = await as(loket, lead).get('/api/v1/corrections');
    expect(list.statusCode).toBe(200);
    expect(list.json().items.some((c: { activityId: string }) => c.activityId === activityId)).toBe(true);

    const ndjson = await as(loket, lead).get('/api/v1/corrections?format=ndjson');
    expect(ndjson.headers['content-type']).toContain('application/x-ndjson');
    const lines = ndjson.body.trim().split('\n').map((l) => JSON.parse(l) as { text: string; lang: string; intent: string; handoff: string | null });
    const line = lines.find((l) => l.text.startsWith('mijn hond'))!;
    expect(line).toMatchObject({ lang: 'nl', handoff: 'distress' });
    // The citizen's BSN never leaves in an export.
    expect(ndjson.body).not.toContain('111222333');
    expect(line.text).toContain('BSN 123456782');
  });

  it('records a false alarm as "none", and a second correction by the same caseworker replaces the first', async () => {
    const { conversationId, activityId } = await saidBy('ik lach me echt helemaal kapot om jullie nieuwe logo, wanneer zijn jullie open?');
    const url = `/api/v1/conversations/${conversationId}/corrections`;
    expect((await as(loket, anna).post(url, { activityId, reason: 'none' })).statusCode).toBe(201);
    expect((await as(loket, anna).post(url, { activityId, reason: 'none', intent: 'contact_hours' })).statusCode).toBe(201);
    const mine = (await as(loket, lead).get('/api/v1/corrections')).json().items.filter((c: { activityId: string }) => c.activityId === activityId);
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({ reason: 'none', intent: 'contact_hours' });
    const lines = (await as(loket, lead).get('/api/v1/corrections?format=ndjson')).body.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines.find((l: { text: string }) => l.text.includes('logo'))).toMatchObject({ intent: 'contact_hours', handoff: null });
  });

  it('refuses bad input with a stable code and a sentence, and stores nothing', async () => {
    const { conversationId, activityId } = await saidBy('hoe staat het met mijn aanvraag');
    const url = `/api/v1/conversations/${conversationId}/corrections`;
    const before = (await as(loket, lead).get('/api/v1/corrections')).json().total;
    const cases: Array<[unknown, number, string]> = [
      [{ activityId }, 400, 'BAD_REQUEST'],
      [{ activityId, reason: 'sad' }, 400, 'BAD_REQUEST'],
      [{ activityId, intent: 'pizza' }, 400, 'BAD_REQUEST'],
      [{ reason: 'distress' }, 400, 'BAD_REQUEST'],
      [{ activityId: 'nope', reason: 'distress' }, 404, 'NOT_FOUND'],
    ];
    for (const [payload, status, stable] of cases) {
      const res = await as(loket, anna).post(url, payload);
      expect({ payload, status: res.statusCode, code: code(res) }).toEqual({ payload, status, code: stable });
      expect(message(res).length).toBeGreaterThan(10);
    }
    // The assistant's own reply is not the citizen's words.
    const botReply = (await loket.service.activities(conversationId, 0)).activities.map((s) => s.activity).find((a) => a.from.role !== 'user' && a.type === 'message')!;
    const res = await as(loket, anna).post(url, { activityId: botReply.id, reason: 'distress' });
    expect(res.statusCode).toBe(400);
    expect(message(res)).toContain('citizen');
    expect((await as(loket, anna).post('/api/v1/conversations/nope/corrections', { activityId, reason: 'distress' })).statusCode).toBe(404);
    expect((await as(loket, lead).get('/api/v1/corrections')).json().total).toBe(before);
  });

  it('lets only supervisors and admins read or export them, and needs a login to make one', async () => {
    expect((await as(loket, anna).get('/api/v1/corrections')).statusCode).toBe(403);
    const { conversationId, activityId } = await saidBy('hallo');
    const res = await loket.app.inject({ method: 'POST', url: `/api/v1/conversations/${conversationId}/corrections`, payload: { activityId, reason: 'none' } });
    expect(res.statusCode).toBe(401);
  });

  it('replaces personal data by look-alikes of the same shape', () => {
    expect(maskPersonalData('bsn 111222333, iban NL02ABNA0123456789, tel 0687654321, 3511 AB, 15-03-1980, zaak Z-2026-000123'))
      .toBe('bsn 123456782, iban NL91ABNA0417164300, tel 0612345678, 1234 AB, 1-1-1980, zaak Z-2026-000000');
    // A number that fails the BSN check is no BSN, and stays.
    expect(maskPersonalData('klantnummer 111222334')).toBe('klantnummer 111222334');
  });
});
