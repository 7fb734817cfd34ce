/**
 * Callbacks as a caseworker works them: the list of calls to make (`?callback=true`, the earliest
 * "niet vóór" first), and each call recorded on the handoff (`POST …/callback-attempts`) by whoever
 * holds it or a supervisor, never losing earlier ones. After the third call nobody answered, the
 * citizen reads once, in their own language, that we tried and how to reach us.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../src/clock.ts';
import type { Handoff } from '../../src/handoff/types.ts';
import type { Loket } from '../../src/server/loket.ts';
import { ADMIN, addCaseworker, as, citizen, code, login, message, startLoket, texts, type Citizen, type Session } from './helpers.ts';

const clock = fixedClock('2026-11-24T09:00:00Z'); // a Tuesday, 10:00 in Amsterdam
let loket: Loket;
let admin: Session;
let anna: Session;
let bram: Session;
let lead: Session;

beforeAll(async () => {
  loket = await startLoket({}, clock);
  admin = await login(loket, ADMIN.username, ADMIN.password);
  anna = await addCaseworker(loket, admin, 'anna', { name: 'Anna de Vries' });
  bram = await addCaseworker(loket, admin, 'bram', { name: 'Bram Bakker' });
  lead = await addCaseworker(loket, admin, 'lotte', { name: 'Lotte Smit', role: 'supervisor' });
});
afterAll(() => loket?.close());

/** A citizen who asked to be called back on their own number; returns them and the handoff's id. */
async function caller(...lines: string[]): Promise<{ c: Citizen; id: string }> {
  const c = await citizen(loket);
  if (lines.length === 0) lines.push('ik wil graag teruggebeld worden op 06-87654321');
  for (const line of lines) await c.say(line);
  const h = await c.handoff();
  if (!h?.callback) throw new Error(`no callback after "${lines.join(' / ')}"`);
  await c.news();
  return { c, id: h.id };
}

const attempt = (s: Session, id: string, body: unknown) => as(loket, s).post(`/api/v1/handoffs/${id}/callback-attempts`, body);
type View = { callback: { phone: string; notBefore: string; attempts: Array<{ at: string; by: string; outcome: string; note?: string }> } };

describe('the calls to make', () => {
  it('lists only open handoffs with a callback, the earliest "niet vóór" first, whatever the queue order', async () => {
    // Waiting since 10:00 without a callback; at 10:02 this citizen asks for one after all.
    const late = await citizen(loket);
    await late.say('ik wil een medewerker spreken');
    clock.advance(60_000);
    const early = await caller();
    clock.advance(60_000);
    await late.say('kunt u mij terugbellen op 0612345678?');
    const lateId = (await late.handoff())!.id;
    expect((await late.handoff())!.callback).toMatchObject({ phone: '+31612345678', notBefore: '2026-11-24T09:02:00.000Z' });
    // And one without a callback, and a closed callback: neither is a call to make.
    const plain = await citizen(loket);
    await plain.say('ik wil een medewerker spreken');
    const closed = await caller();
    expect((await as(loket, anna).post(`/api/v1/handoffs/${closed.id}/close`, { outcome: 'opgelost' })).statusCode).toBe(200);

    // The inbox keeps the queue order: who waited longest first.
    const inbox = (await as(loket, anna).get('/api/v1/handoffs')).json() as { items: Array<{ id: string }> };
    expect(inbox.items.map((h) => h.id).indexOf(lateId)).toBeLessThan(inbox.items.map((h) => h.id).indexOf(early.id));

    const res = await as(loket, anna).get('/api/v1/handoffs?callback=true');
    expect(res.statusCode).toBe(200);
    const { items, total } = res.json() as { items: Array<{ id: string } & View>; total: number };
    const ids = items.map((h) => h.id);
    expect(ids.indexOf(early.id)).toBeGreaterThanOrEqual(0);
    expect(ids.indexOf(early.id)).toBeLessThan(ids.indexOf(lateId));
    expect(ids).not.toContain(closed.id);
    expect(items.every((h) => h.callback)).toBe(true);
    expect(total).toBe(items.length);
    const notBefore = items.map((h) => h.callback.notBefore);
    expect(notBefore).toEqual([...notBefore].sort());
    // No call made yet: an empty list, so the console can count them.
    expect(items.find((h) => h.id === early.id)!.callback.attempts).toEqual([]);
  });
});

describe('recording a call', () => {
  it('keeps every call on the handoff, with who made it, when, the outcome and the note, and announces the change', async () => {
    const { id } = await caller();
    expect((await as(loket, anna).post(`/api/v1/handoffs/${id}/claim`)).statusCode).toBe(200);
    const changed: Handoff[] = [];
    const off = loket.bus.on('handoff.changed', ({ handoff }) => void changed.push(handoff));

    const first = await attempt(anna, id, { outcome: 'no_answer', note: 'voicemail, niets ingesproken' });
    expect(first.statusCode).toBe(200);
    expect((first.json() as View).callback.attempts).toEqual([{ at: '2026-11-24T09:02:00.000Z', by: 'anna', outcome: 'no_answer', note: 'voicemail, niets ingesproken' }]);
    clock.advance(30 * 60_000);
    const second = await attempt(anna, id, { outcome: 'reached' });
    expect(second.statusCode).toBe(200);
    const attempts = (second.json() as View).callback.attempts;
    expect(attempts.map((a) => a.outcome)).toEqual(['no_answer', 'reached']);
    expect(attempts[1]).toEqual({ at: '2026-11-24T09:32:00.000Z', by: 'anna', outcome: 'reached' });
    off();

    // Stored, phone and time untouched; and the detail shows them too.
    const stored = (await loket.store.handoffs.get(id))!;
    expect(stored.callback).toMatchObject({ phone: '+31687654321', attempts: [{ outcome: 'no_answer' }, { outcome: 'reached' }] });
    expect(((await as(loket, bram).get(`/api/v1/handoffs/${id}`)).json() as View).callback.attempts).toHaveLength(2);
    // Other consoles hear of each call as of any change to a handoff.
    expect(changed.filter((h) => h.id === id).map((h) => h.callback?.attempts?.length)).toEqual([1, 2]);
  });

  it('keeps a conversation with its holder after a call, though nothing was written in the chat', async () => {
    const { c, id } = await caller();
    expect((await as(loket, anna).post(`/api/v1/handoffs/${id}/claim`)).statusCode).toBe(200);
    expect((await attempt(anna, id, { outcome: 'reached', note: 'alles besproken' })).statusCode).toBe(200);
    clock.advance(60 * 60_000);
    await loket.handoffs.sweep();
    expect(await loket.store.handoffs.get(id)).toMatchObject({ state: 'active', assignee: 'anna' });
    // The citizen writes afterwards: an answer is owed again, and the sweep returns it when none comes.
    await c.say('nog een vraag over wat we net bespraken');
    clock.advance(60 * 60_000);
    await loket.handoffs.sweep();
    expect(await loket.store.handoffs.get(id)).toMatchObject({ state: 'queued', returned: true });
  });

  it('lets a supervisor record a call for a callback still in the queue, or held by a colleague', async () => {
    const { id } = await caller();
    const queued = await attempt(lead, id, { outcome: 'no_answer' });
    expect(queued.statusCode).toBe(200);
    await as(loket, anna).post(`/api/v1/handoffs/${id}/claim`);
    const held = await attempt(lead, id, { outcome: 'reached', note: 'anna was in gesprek' });
    expect(held.statusCode).toBe(200);
    expect((held.json() as View).callback.attempts.map((a) => a.by)).toEqual(['lotte', 'lotte']);
  });
});

describe('refusing a call that cannot be recorded', () => {
  it('refuses an unknown outcome with 400 CALLBACK_OUTCOME_UNKNOWN, in Dutch for the console', async () => {
    const { id } = await caller();
    await as(loket, anna).post(`/api/v1/handoffs/${id}/claim`);
    const res = await attempt(anna, id, { outcome: 'voicemail' });
    expect({ status: res.statusCode, code: code(res) }).toEqual({ status: 400, code: 'CALLBACK_OUTCOME_UNKNOWN' });
    expect(message(res)).toContain('"voicemail"');
    const nl = await loket.app.inject({ method: 'POST', url: `/api/v1/handoffs/${id}/callback-attempts`, headers: { authorization: `Bearer ${anna.token}`, 'accept-language': 'nl' }, payload: { outcome: 'gebeld' } });
    expect(code(nl)).toBe('CALLBACK_OUTCOME_UNKNOWN');
    expect(message(nl)).toBe('Onbekende uitkomst van het gesprek: "gebeld". Kies "bereikt" of "geen gehoor".');
    expect((await loket.store.handoffs.get(id))!.callback!.attempts ?? []).toEqual([]);
  });

  it('refuses a handoff without a callback request with 409 CALLBACK_NONE', async () => {
    const c = await citizen(loket);
    await c.say('ik wil een medewerker spreken');
    const id = (await c.handoff())!.id;
    await as(loket, anna).post(`/api/v1/handoffs/${id}/claim`);
    const res = await attempt(anna, id, { outcome: 'reached' });
    expect({ status: res.statusCode, code: code(res) }).toEqual({ status: 409, code: 'CALLBACK_NONE' });
    expect((await loket.store.handoffs.get(id))!.callback).toBeNull();
  });

  it('refuses a caseworker who does not hold it: CALLBACK_NOT_CLAIMED while it waits, HANDOFF_NOT_YOURS when a colleague has it', async () => {
    const { id } = await caller();
    const waiting = await attempt(anna, id, { outcome: 'no_answer' });
    expect({ status: waiting.statusCode, code: code(waiting) }).toEqual({ status: 409, code: 'CALLBACK_NOT_CLAIMED' });
    await as(loket, anna).post(`/api/v1/handoffs/${id}/claim`);
    const other = await attempt(bram, id, { outcome: 'no_answer' });
    expect({ status: other.statusCode, code: code(other) }).toEqual({ status: 409, code: 'HANDOFF_NOT_YOURS' });
    expect(message(other)).toContain('anna');
    expect((await loket.store.handoffs.get(id))!.callback!.attempts ?? []).toEqual([]);
  });

  it('refuses a closed conversation, an unknown handoff, and a note that is too long', async () => {
    const { id } = await caller();
    await as(loket, anna).post(`/api/v1/handoffs/${id}/claim`);
    const long = await attempt(anna, id, { outcome: 'reached', note: 'x'.repeat(2001) });
    expect(long.statusCode).toBe(400);
    expect((await loket.store.handoffs.get(id))!.callback!.attempts ?? []).toEqual([]);
    await as(loket, anna).post(`/api/v1/handoffs/${id}/close`, { outcome: 'opgelost' });
    const closed = await attempt(anna, id, { outcome: 'reached' });
    expect({ status: closed.statusCode, code: code(closed) }).toEqual({ status: 409, code: 'HANDOFF_WRONG_STATE' });
    const missing = await attempt(anna, '00000000-0000-4000-8000-000000000000', { outcome: 'reached' });
    expect({ status: missing.statusCode, code: code(missing) }).toEqual({ status: 404, code: 'HANDOFF_NOT_FOUND' });
  });
});

describe('three calls nobody answered', () => {
  const told = (said: string[], pattern: RegExp) => said.filter((t) => pattern.test(t));

  it('tells the citizen once, after the third, that we tried to call and how to reach us', async () => {
    const { c, id } = await caller();
    await as(loket, anna).post(`/api/v1/handoffs/${id}/claim`);
    await c.news();
    for (let i = 0; i < 2; i++) expect((await attempt(anna, id, { outcome: 'no_answer' })).statusCode).toBe(200);
    // A call that reached them in between is no unanswered call.
    expect((await attempt(anna, id, { outcome: 'reached', note: 'verkeerd moment, later terugbellen' })).statusCode).toBe(200);
    expect(told(texts(await c.news()), /drie keer/)).toEqual([]);

    expect((await attempt(anna, id, { outcome: 'no_answer' })).statusCode).toBe(200);
    const said = texts(await c.news());
    expect(said).toHaveLength(1);
    expect(said[0]).toContain('We hebben drie keer geprobeerd u te bellen.');
    expect(said[0]).toContain('Bel ons op 14 0123');
    expect(said[0]).toContain('Of stuur hier een bericht.');

    // A fourth (and fifth) call: no second message.
    await attempt(anna, id, { outcome: 'no_answer' });
    await attempt(lead, id, { outcome: 'no_answer' });
    expect(texts(await c.news())).toEqual([]);
    expect((await loket.store.handoffs.get(id))!.callback!.attempts).toHaveLength(6);
  });

  it('tells it in English in an English conversation', async () => {
    const { c, id } = await caller('Could someone call me back please?', '06-87654321');
    await as(loket, anna).post(`/api/v1/handoffs/${id}/claim`);
    await c.news();
    for (let i = 0; i < 3; i++) await attempt(anna, id, { outcome: 'no_answer' });
    const said = texts(await c.news());
    expect(said).toHaveLength(1);
    expect(said[0]).toContain('We tried to call you three times.');
    expect(said[0]).toContain('Call us on 14 0123');
    expect(said[0]).toContain('Or reply in this chat.');
  });
});
