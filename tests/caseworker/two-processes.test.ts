/**
 * Two processes on one SQLite file, as with LOKET_WORKERS: each keeps its own row cache, so a
 * caseworker's action handled by one process must not act on the conversation as that process last
 * saw it when the citizen's turns since ran in the other.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { Loket } from '../../src/server/loket.ts';
import { ADMIN, as, Citizen, citizen, login, startLoket, texts } from './helpers.ts';
import { tempDir } from '../support/loket.ts';

const running: Loket[] = [];
afterEach(async () => {
  for (const l of running.splice(0)) await l.close();
});

/** `desk` has the conversation in its cache from the citizen's Dutch "hallo"; the citizen's English turns run in `chat`. */
async function twoProcesses() {
  const file = `sqlite:${tempDir()}/loket.db`;
  const desk = await startLoket({ DATABASE_URL: file });
  running.push(desk);
  const chat = await startLoket({ DATABASE_URL: file });
  running.push(chat);
  const first = await citizen(desk);
  await first.say('hallo');
  return { desk, chat, c: new Citizen(chat, first.id) };
}

describe('a caseworker action in the other process than the citizen\'s turns', () => {
  it('tells the citizen who took over in the language the citizen writes now', async () => {
    const { desk, c } = await twoProcesses();
    await c.say('hello, I have a question about my application');
    const id = await c.askForPerson('I want to talk to a person');
    await c.news();
    const admin = await login(desk, ADMIN.username, ADMIN.password);
    expect((await as(desk, admin).post(`/api/v1/handoffs/${id}/claim`)).statusCode).toBe(200);
    expect(texts(await c.news())).toContain('A caseworker from the municipality is helping you now.');
  });

  it('writes the summary of a transfer from what the citizen said and was told', async () => {
    const { desk, c } = await twoProcesses();
    await c.say('hoe staat het met mijn aanvraag Z-2026-000123');
    await c.say('1234 AB');
    await c.say('15-03-1980');
    const id = await c.askForPerson();
    const admin = await login(desk, ADMIN.username, ADMIN.password);
    await as(desk, admin).post(`/api/v1/handoffs/${id}/claim`);
    await as(desk, admin).post(`/api/v1/handoffs/${id}/transfer`, { team: 'werk-en-inkomen', note: 'aanvraag' });
    const detail = (await as(desk, admin).get(`/api/v1/handoffs/${id}`)).json();
    // Who the citizen is, as checked in the other process: the caseworker must not ask again.
    expect(detail.summary).toContain('Geverifieerd (postcode + geboortedatum) voor Z-2026-000123');
  });

  it("keeps the assistant quiet and the citizen's turns when a caseworker's message was added in the process with the old row", async () => {
    const { desk, chat, c } = await twoProcesses();
    await c.say('hello, I have a question about my application');
    const id = await c.askForPerson('I want to talk to a person');
    const admin = await login(chat, ADMIN.username, ADMIN.password);
    await as(chat, admin).post(`/api/v1/handoffs/${id}/claim`);
    expect((await as(desk, admin).post(`/api/v1/handoffs/${id}/messages`, { text: 'Hello, how can I help?' })).statusCode).toBe(200);
    // The citizen's next message lands in desk, whose cached row is from before all of chat's turns.
    const { replies } = await desk.service.receive(c.id, { type: 'message', from: { id: 'u1' }, text: 'what is the status of my application' });
    expect(replies.map((r) => r.activity.text)).toEqual([]);
    const stored = (await chat.store.getConversation(c.id, { fresh: true }))!.state!;
    expect({ lang: stored.lang, handoffs: stored.handoffs.length }).toEqual({ lang: 'en', handoffs: 1 });
  });
});

describe('work after a turn that failed in one process, when the client retries the message in the other', () => {
  const withId = (text: string, clientActivityID: string) => ({ type: 'message' as const, from: { id: 'u1' }, text, channelData: { clientActivityID } });

  it('is done by the process the retry reaches: the callback the citizen asked for is booked once', async () => {
    const { desk, chat, c } = await twoProcesses();
    const ask = withId('ik wil een medewerker spreken, bel mij terug op 06-87654321', 'c-call');
    // The handoff is made in desk, but the write that books the call fails there.
    const update = desk.store.handoffs.update.bind(desk.store.handoffs);
    desk.store.handoffs.update = async () => {
      throw new Error('database is locked');
    };
    try {
      await expect(desk.service.receive(c.id, ask)).rejects.toThrow('database is locked');
    } finally {
      desk.store.handoffs.update = update;
    }
    expect((await chat.store.handoffs.openFor(c.id))?.callback ?? null).toBeNull();
    await chat.service.receive(c.id, ask);
    expect((await chat.store.handoffs.openFor(c.id))?.callback).toMatchObject({ phone: '+31687654321' });
    // Done: a further retry, in either process, books nothing more and makes no second handoff.
    await desk.service.receive(c.id, ask);
    await chat.service.receive(c.id, ask);
    expect((await chat.handoffs.list(['queued'])).filter((h) => h.conversationId === c.id)).toHaveLength(1);
    const booked = texts(await c.news()).filter((t) => t.includes('+31687654321'));
    expect(booked).toHaveLength(1);
  });

  it('is left to a process that stopped after its commit while it holds it, and done by the sweep once its lease has run out', async () => {
    const file = `sqlite:${tempDir()}/loket.db`;
    let at = Date.parse('2026-12-01T10:00:00Z');
    const clock = { now: () => new Date(at) };
    const desk = await startLoket({ DATABASE_URL: file }, clock);
    running.push(desk);
    const chat = await startLoket({ DATABASE_URL: file }, clock);
    running.push(chat);
    const c = await citizen(desk);
    const ask = withId('ik wil een medewerker spreken, bel mij terug op 06-87654321', 'c-held');
    // desk stores the turn and then hangs before the handoff is made (a process that stops).
    desk.store.handoffs.insert = () => new Promise<never>(() => {});
    void desk.service.receive(c.id, ask);
    await expect.poll(async () => (await chat.store.findActivityByClientId(c.id, 'c-held')) !== null).toBe(true);
    // Within the lease the retry is answered as a repeat and the work left to desk; the sweep leaves it too.
    await chat.service.receive(c.id, ask);
    await chat.service.finishLeftWork();
    expect(await chat.store.handoffs.openFor(c.id)).toBeNull();
    at += 31_000;
    await chat.service.finishLeftWork();
    expect(await chat.store.handoffs.openFor(c.id)).toMatchObject({ state: 'queued', reason: 'explicit_request', callback: { phone: '+31687654321' } });
    at += 60_000;
    await chat.service.finishLeftWork();
    expect((await chat.handoffs.list(['queued'])).filter((h) => h.conversationId === c.id)).toHaveLength(1);
  });

  it('is dropped when the citizen wrote again since: a cancel retried after "ik wil toch een medewerker" keeps the citizen in the queue', async () => {
    const { desk, chat, c } = await twoProcesses();
    await c.askForPerson();
    const cancel = withId('annuleren', 'c-cancel');
    const update = desk.store.handoffs.update.bind(desk.store.handoffs);
    desk.store.handoffs.update = async () => {
      throw new Error('database is locked');
    };
    try {
      await expect(desk.service.receive(c.id, cancel)).rejects.toThrow('database is locked');
    } finally {
      desk.store.handoffs.update = update;
    }
    await chat.service.receive(c.id, { type: 'message', from: { id: 'u1' }, text: 'ik wil toch een medewerker spreken' });
    await chat.service.receive(c.id, cancel);
    await chat.service.finishLeftWork();
    expect(await chat.store.handoffs.openFor(c.id)).toMatchObject({ state: 'queued' });
  });
});
