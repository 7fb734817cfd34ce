/**
 * A false crisis corrected by a caseworker (lesson 5), against the real app: "ik zie het niet meer
 * zitten met die stoel van mijn oma" is about a chair. Who holds it (or a supervisor) says what it was,
 * with a note; the handoff gets that reason and its priority and keeps the original, consoles and Slack
 * hear of it, and the message is in the corrections export as a false alarm. Everything else is refused
 * with a stable code and a sentence, and changes nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../src/clock.ts';
import type { Loket } from '../../src/server/loket.ts';
import type { Handoff } from '../../src/handoff/types.ts';
import { ADMIN, addCaseworker, as, ASK_PERSON, citizen, code, login, message, startLoket, type Session } from './helpers.ts';

const NOW = '2026-11-24T09:00:00.000Z';
const CHAIR = 'ik zie het niet meer zitten met die stoel van mijn oma';
let loket: Loket;
let anna: Session;
let piet: Session;
let lead: Session;

beforeAll(async () => {
  loket = await startLoket({}, fixedClock(NOW));
  const admin = await login(loket, ADMIN.username, ADMIN.password);
  anna = await addCaseworker(loket, admin, 'anna', { name: 'Anna de Vries' });
  piet = await addCaseworker(loket, admin, 'piet');
  lead = await addCaseworker(loket, admin, 'lena', { name: 'Lena Smit', role: 'supervisor' });
});
afterAll(() => loket?.close());

/** A citizen who said `text`, with the handoff it raised (waited for: it is made after the turn). */
async function handedOff(text: string): Promise<{ conversationId: string; handoff: Handoff; activityId: string }> {
  const c = await citizen(loket);
  await c.say(text);
  for (let i = 0; i < 50; i++) {
    const handoff = await c.handoff();
    if (handoff) {
      const activityId = (await c.all()).filter((a) => a.from.role === 'user').at(-1)!.id!;
      return { conversationId: c.id, handoff, activityId };
    }
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error(`no handoff after "${text}"`);
}

async function heldBy(s: Session, text = CHAIR) {
  const found = await handedOff(text);
  expect((await as(loket, s).post(`/api/v1/handoffs/${found.handoff.id}/claim`)).statusCode).toBe(200);
  return found;
}

const url = (id: string) => `/api/v1/handoffs/${id}/reason`;

describe('POST /api/v1/handoffs/{id}/reason', () => {
  it('is described at /docs with the reasons it allows', async () => {
    const paths = (await loket.app.inject({ method: 'GET', url: '/docs/json' })).json().paths as Record<string, Record<string, { summary?: string }>>;
    expect(paths['/api/v1/handoffs/{id}/reason']?.post?.summary).toContain('financial_hardship, bereavement, vulnerability, frustration, complaint, explicit_request, none');
  });

  it('by the holder: the reason and priority of a request for a person, the original kept, a note, events, and a false alarm to learn from', async () => {
    const { conversationId, handoff, activityId } = await heldBy(anna);
    expect(handoff).toMatchObject({ reason: 'distress', priority: 1 });
    const seen: string[] = [];
    const offs = [
      loket.bus.on('handoff.changed', ({ handoff: h }) => { if (h.id === handoff.id) seen.push(`changed:${h.reason}:${h.priority}`); }),
      loket.bus.on('handoff.noted', ({ handoff: h, note }) => { if (h.id === handoff.id) seen.push(`noted:${note.text}`); }),
    ];
    const res = await as(loket, anna).post(url(handoff.id), { reason: 'none', note: 'Het gaat om de stoel van haar oma, niet om haarzelf.' });
    offs.forEach((off) => off());
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ id: handoff.id, state: 'active', assignee: 'anna', reason: 'explicit_request', priority: 3, correctedFrom: 'distress', correctedBy: 'anna', correctedAt: NOW });
    expect(seen).toEqual(['changed:explicit_request:3', 'noted:Geen crisis: Het gaat om de stoel van haar oma, niet om haarzelf.']);

    // Nothing stored is lost: the words and their time stay, with the reason they had.
    const detail = (await as(loket, anna).get(`/api/v1/handoffs/${handoff.id}`)).json();
    expect(detail.evidence).toEqual([{ ...handoff.evidence[0], reason: 'explicit_request', correctedFrom: 'distress' }]);
    expect(detail.notes.map((n: { text: string }) => n.text)).toContain('Geen crisis: Het gaat om de stoel van haar oma, niet om haarzelf.');

    // The dialog state says the same, so the citizen's next texts are the ordinary ones.
    const state = (await loket.store.getConversation(conversationId, { fresh: true }))!.state!;
    expect(state.handoffs.map((r) => [r.reason, r.priority, r.correctedFrom])).toEqual([['explicit_request', 3, 'distress']]);

    // A false alarm, like one corrected on the message itself; the export labels it with no situation.
    const mine = (await as(loket, lead).get('/api/v1/corrections')).json().items.filter((c: { activityId: string }) => c.activityId === activityId);
    expect(mine).toEqual([expect.objectContaining({ conversationId, text: CHAIR, reason: 'none', intent: null, by: 'anna', assistant: expect.objectContaining({ reason: 'distress' }) })]);
    const lines = (await as(loket, lead).get('/api/v1/corrections?format=ndjson')).body.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines.find((l: { text: string }) => l.text === CHAIR)).toMatchObject({ handoff: null });

    // No crisis any more: handing it back needs no note.
    expect((await as(loket, anna).post(`/api/v1/handoffs/${handoff.id}/release`, {})).statusCode).toBe(200);
  });

  it('by a supervisor while it waits: another reason with its priority, and then it may be closed from the queue', async () => {
    const { handoff, activityId } = await handedOff('ik wil er niet meer zijn op dat feest haha, en de huur kan ik ook niet betalen');
    expect(handoff.reason).toBe('distress');
    const res = await as(loket, lead).post(url(handoff.id), { reason: 'financial_hardship', note: 'Grapje over een feest; wel geldzorgen.' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ state: 'queued', reason: 'financial_hardship', priority: 2, correctedFrom: 'distress', correctedBy: 'lena' });
    const mine = (await as(loket, lead).get('/api/v1/corrections')).json().items.filter((c: { activityId: string }) => c.activityId === activityId);
    expect(mine).toEqual([expect.objectContaining({ reason: 'financial_hardship', by: 'lena' })]);
    expect((await as(loket, lead).post(`/api/v1/handoffs/${handoff.id}/close`, { outcome: 'opgelost' })).statusCode).toBe(200);
  });

  it('keeps what the caseworker already said the citizen asked of that message', async () => {
    const { conversationId, handoff, activityId } = await heldBy(anna, 'ik wil er niet meer zijn op dat feest haha, wanneer zijn jullie open?');
    expect(handoff.reason).toBe('distress');
    expect((await as(loket, anna).post(`/api/v1/conversations/${conversationId}/corrections`, { activityId, intent: 'contact_hours' })).statusCode).toBe(201);
    expect((await as(loket, anna).post(url(handoff.id), { reason: 'none', note: 'Over een feest.' })).statusCode).toBe(200);
    const mine = (await as(loket, lead).get('/api/v1/corrections')).json().items.filter((c: { activityId: string }) => c.activityId === activityId);
    expect(mine).toEqual([expect.objectContaining({ reason: 'none', intent: 'contact_hours', by: 'anna' })]);
  });

  it('refuses what is no held crisis, an unknown reason and a missing note, with a stable code and a sentence (Dutch for the console), and changes nothing', async () => {
    const { handoff } = await handedOff(CHAIR);
    const queued = await as(loket, anna).post(url(handoff.id), { reason: 'none', note: 'grapje' });
    expect({ status: queued.statusCode, code: code(queued) }).toEqual({ status: 409, code: 'HANDOFF_CRISIS_NOT_HELD' });
    await as(loket, anna).post(`/api/v1/handoffs/${handoff.id}/claim`);
    const cases: Array<[Session, unknown, number, string]> = [
      [piet, { reason: 'none', note: 'grapje' }, 409, 'HANDOFF_NOT_YOURS'],
      [anna, { reason: 'distress', note: 'grapje' }, 400, 'HANDOFF_REASON_UNKNOWN'],
      [anna, { reason: 'case_flag', note: 'grapje' }, 400, 'HANDOFF_REASON_UNKNOWN'],
      [anna, { reason: 'blij', note: 'grapje' }, 400, 'HANDOFF_REASON_UNKNOWN'],
      [anna, { reason: 'none' }, 400, 'HANDOFF_NOT_CRISIS_NOTE'],
      [anna, { reason: 'none', note: '   ' }, 400, 'HANDOFF_NOT_CRISIS_NOTE'],
      [anna, { reason: 'none', note: 'x'.repeat(2001) }, 400, 'TEXT_TOO_LONG'],
      [anna, { note: 'grapje' }, 400, 'BAD_REQUEST'],
    ];
    for (const [s, payload, status, stable] of cases) {
      const res = await as(loket, s).post(url(handoff.id), payload);
      expect({ payload, status: res.statusCode, code: code(res) }).toEqual({ payload, status, code: stable });
      expect(message(res).length).toBeGreaterThan(10);
    }
    const dutch = await loket.app.inject({ method: 'POST', url: url(handoff.id), headers: { authorization: `Bearer ${anna.token}`, 'accept-language': 'nl' }, payload: { reason: 'none' } });
    expect(message(dutch)).toMatch(/^Schrijf een notitie als u zegt dat het geen crisis is/);
    const unknown = await as(loket, anna).post(url(handoff.id), { reason: 'blij', note: 'grapje' });
    expect(message(unknown)).toContain('financial_hardship, bereavement, vulnerability, frustration, complaint, explicit_request, none');
    expect(await loket.store.handoffs.get(handoff.id)).toMatchObject({ reason: 'distress', priority: 1, version: handoff.version + 1 });

    // A request for a person is no crisis; nor is a crisis already corrected.
    const plain = await heldBy(anna, ASK_PERSON);
    const notCrisis = await as(loket, anna).post(url(plain.handoff.id), { reason: 'none', note: 'grapje' });
    expect({ status: notCrisis.statusCode, code: code(notCrisis) }).toEqual({ status: 409, code: 'HANDOFF_NOT_CRISIS' });
    expect((await as(loket, anna).post(url(handoff.id), { reason: 'frustration', note: 'boos op de wachttijd' })).statusCode).toBe(200);
    const twice = await as(loket, anna).post(url(handoff.id), { reason: 'none', note: 'nog eens' });
    expect({ status: twice.statusCode, code: code(twice) }).toEqual({ status: 409, code: 'HANDOFF_NOT_CRISIS' });

    // An ended conversation, one that does not exist, and no login.
    await as(loket, anna).post(`/api/v1/handoffs/${handoff.id}/close`, { outcome: 'opgelost' });
    const closed = await as(loket, lead).post(url(handoff.id), { reason: 'none', note: 'grapje' });
    expect({ status: closed.statusCode, code: code(closed) }).toEqual({ status: 409, code: 'HANDOFF_WRONG_STATE' });
    const missing = await as(loket, lead).post(url('nope'), { reason: 'none', note: 'grapje' });
    expect({ status: missing.statusCode, code: code(missing) }).toEqual({ status: 404, code: 'HANDOFF_NOT_FOUND' });
    expect((await loket.app.inject({ method: 'POST', url: url(handoff.id), payload: { reason: 'none', note: 'grapje' } })).statusCode).toBe(401);
  });
});
