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
