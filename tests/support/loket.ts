/**
 * Starts the real Loket for a test: in-memory SQLite unless a file is given, the shipped dialogs,
 * the NLU model cached in one temp folder for the whole run (training happens once).
 */
import { mkdtempSync } from 'node:fs';
import { expect } from 'vitest';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Loket, LoketOverrides } from '../../src/server/loket.ts';
import { NLU_CACHE } from './nlu-cache.ts';
import { createPreparedLoket } from './prepared.ts';

export function tempDir(prefix = 'loket-test-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

export async function startLoket(settings: Record<string, string> = {}, overrides: LoketOverrides = {}): Promise<Loket> {
  const all = {
    DATABASE_URL: 'sqlite::memory:',
    LOG_LEVEL: 'silent',
    LOKET_NLU_CACHE: NLU_CACHE,
    LOKET_OFFICE_HOURS: 'always',
    LOKET_SWEEP_SECONDS: '0',
    // Parsing in this thread keeps each test's start quick; tests/channels/web runs the NLU worker thread.
    LOKET_NLU_THREAD: 'off',
    LOKET_ADMIN_USER: 'admin',
    LOKET_ADMIN_PASSWORD: 'admin-password-1',
    ...settings,
  };
  return createPreparedLoket(all, overrides);
}

/** Sends citizen text and returns the texts of the bot's replies in that turn. */
export async function say(loket: Loket, conversationId: string, text: string): Promise<string[]> {
  const { replies } = await loket.service.receive(conversationId, { type: 'message', text, from: { id: 'citizen' } });
  return replies.map((r) => r.activity.text ?? '');
}

/** A new web conversation (with the welcome) that has said these messages; returns its id. */
export async function saidAlready(loket: Loket, ...before: string[]): Promise<string> {
  const { id } = await loket.service.open({ channel: 'web', welcome: true });
  for (const m of before) await say(loket, id, m);
  return id;
}

/** The demo cases (CONTRACTS §6) with the facts that prove them, in one message as citizens often send them. */
export const DORMER = 'Z-2026-000123 1234 AB 15-03-1980'; // building permit, being decided
export const PARKING = 'Z-2026-000124 1234 AB 15-03-1980'; // parking permit, granted

/** Everything the bot says to `asked`, as one text, in a new conversation that said `before` first. */
export async function saidAfter(loket: Loket, before: readonly string[], asked: string): Promise<string> {
  return (await say(loket, await saidAlready(loket, ...before), asked)).join(' ');
}

/** Each of `asked`, said right after `before` (a new conversation each), gets a reply matching `said`, and none matching `notSaid`. */
export async function eachSaidAfter(loket: Loket, before: readonly string[], asked: readonly string[], said: RegExp, notSaid?: RegExp): Promise<void> {
  for (const a of asked) {
    const got = await saidAfter(loket, before, a);
    expect({ asked: a, said: got }).toEqual({ asked: a, said: expect.stringMatching(said) });
    if (notSaid) expect({ asked: a, said: got }).not.toEqual({ asked: a, said: expect.stringMatching(notSaid) });
  }
}

/** The texts of the bot's messages in a conversation, oldest first (the handoff service's too). */
export async function botTexts(loket: Loket, conversationId: string): Promise<string[]> {
  return (await loket.store.listActivities(conversationId, 0, 1000)).map((a) => a.activity).filter((a) => a.type === 'message' && a.from?.id !== 'citizen').map((a) => a.text ?? '');
}

/**
 * Everything the bot says after `text`: the turn's replies and what the handoff service posts after
 * the turn, polled until one matches `until` (at most a second).
 */
export async function toldAfter(loket: Loket, conversationId: string, text: string, until: RegExp): Promise<string[]> {
  const before = (await botTexts(loket, conversationId)).length;
  await say(loket, conversationId, text);
  let after = (await botTexts(loket, conversationId)).slice(before);
  for (let i = 0; i < 50 && !after.some((t) => until.test(t)); i++) {
    await new Promise((r) => setTimeout(r, 20));
    after = (await botTexts(loket, conversationId)).slice(before);
  }
  return after;
}

/** Listens on a free port of 127.0.0.1; returns the base URL (`http://127.0.0.1:PORT`). */
export function listenLocal(loket: Loket): Promise<string> {
  return loket.app.listen({ host: '127.0.0.1', port: 0 });
}

/** With office hours mon-fri 08:30-17:00: 10:00 on a Tuesday in Amsterdam (open) and noon on a Saturday (closed). */
export const OPEN_TUESDAY = '2026-11-24T09:00:00Z';
export const CLOSED_SATURDAY = '2026-11-28T12:00:00Z';
