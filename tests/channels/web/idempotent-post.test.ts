/**
 * A citizen message posted again with the same channelData.clientActivityID — a client retrying after
 * the first POST reached us but its answer was lost — is answered with the first one's id and is not
 * handled again: not stored twice, not answered twice, a failed check of a case not counted twice.
 * In a row, five at once, across a restart, from another instance on the same file, and through the
 * official botframework-directlinejs client. The same id with another text is refused (409).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO, activities, errorCode, eventually, say, startConversation, startLoket, type Conversation, type TestLoket } from './helpers.ts';

const WRONG_FACTS = '1234 AB 01-01-1970';

const withId = (clientActivityID: string) => ({ channelData: { clientActivityID } });

/** The conversation's messages, as the client reads them. */
async function messages(loket: TestLoket, c: Conversation): Promise<Array<{ id: string; text?: string; from: { role?: string }; replyToId?: string; channelData?: Record<string, unknown> }>> {
  return (await activities(loket, c)).activities.filter((a) => a.type === 'message');
}

const fromCitizen = (list: Awaited<ReturnType<typeof messages>>, text: string) => list.filter((a) => a.from.role === 'user' && a.text === text);
const repliesTo = (list: Awaited<ReturnType<typeof messages>>, id: string) => list.filter((a) => a.from.role === 'bot' && a.replyToId === id);

function failedChecks(loket: TestLoket, caseNumber: string): number {
  return ((loket.store.raw as Database.Database).prepare('SELECT count(*) AS n FROM failed_checks WHERE case_number = ?').get(caseNumber) as { n: number }).n;
}

describe('a message posted again with the same clientActivityID', () => {
  let loket: TestLoket;
  beforeAll(async () => {
    loket = await startLoket();
  });
  afterAll(async () => {
    await loket?.stop();
  });

  it('gets the same id, and is neither stored nor answered again', async () => {
    const c = await startConversation(loket);
    const first = await say(loket, c, 'wanneer zijn jullie open?', withId('c-open-1'));
    expect(first.statusCode).toBe(200);
    const before = await messages(loket, c);
    expect(repliesTo(before, first.json().id).length).toBeGreaterThan(0);

    const again = await say(loket, c, 'wanneer zijn jullie open?', withId('c-open-1'));
    expect(again.statusCode).toBe(200);
    expect(again.json()).toEqual({ id: first.json().id });
    const after = await messages(loket, c);
    expect(after).toEqual(before);
    expect(fromCitizen(after, 'wanneer zijn jullie open?')).toHaveLength(1);

    // A new id is a new message, even with the same words.
    const next = await say(loket, c, 'wanneer zijn jullie open?', withId('c-open-2'));
    expect(next.json().id).not.toBe(first.json().id);
    expect(fromCitizen(await messages(loket, c), 'wanneer zijn jullie open?')).toHaveLength(2);
  });

  it('counts a wrong answer to the case check once', async () => {
    const c = await startConversation(loket);
    expect((await say(loket, c, DEMO.question, withId('c-q'))).statusCode).toBe(200);
    const checksBefore = failedChecks(loket, 'Z-2026-000123');
    const wrong = await say(loket, c, WRONG_FACTS, withId('c-wrong'));
    const state = (await loket.store.getConversation(c.conversationId))!.state;
    const retried = await say(loket, c, WRONG_FACTS, withId('c-wrong'));
    expect(retried.statusCode).toBe(200);
    expect(retried.json().id).toBe(wrong.json().id);
    expect(failedChecks(loket, 'Z-2026-000123')).toBe(checksBefore + 1);
    expect((await loket.store.getConversation(c.conversationId))!.state).toEqual(state);
    const list = await messages(loket, c);
    expect(fromCitizen(list, WRONG_FACTS)).toHaveLength(1);
    expect(list.filter((a) => a.from.role === 'bot' && /komen niet overeen/.test(a.text ?? ''))).toHaveLength(1);
  });

  it('handles exactly one of five identical POSTs that arrive at the same moment', async () => {
    const c = await startConversation(loket);
    const all = await Promise.all(Array.from({ length: 5 }, () => say(loket, c, DEMO.question, withId('c-burst'))));
    expect(all.map((r) => r.statusCode)).toEqual([200, 200, 200, 200, 200]);
    const ids = new Set(all.map((r) => r.json().id));
    expect(ids.size).toBe(1);
    const list = await messages(loket, c);
    const citizen = fromCitizen(list, DEMO.question);
    expect(citizen.map((a) => a.id)).toEqual([...ids]);
    // One welcome, one question, and the answers of one turn.
    expect(list).toHaveLength(2 + repliesTo(list, citizen[0]!.id).length);
    expect(repliesTo(list, citizen[0]!.id)).toHaveLength(1);
    expect((await loket.store.getConversation(c.conversationId))!.state!.turns).toBe(1);
  });

  it('refuses the same id with another text with 409 CLIENT_ACTIVITY_ID_REUSED, and handles nothing', async () => {
    const c = await startConversation(loket);
    const first = await say(loket, c, 'wanneer zijn jullie open?', withId('c-reused'));
    const before = await messages(loket, c);
    const other = await say(loket, c, 'hoe vraag ik een paspoort aan?', withId('c-reused'));
    expect(other.statusCode).toBe(409);
    expect(errorCode(other)).toBe('CLIENT_ACTIVITY_ID_REUSED');
    expect(other.json().error.message).toMatch(/clientActivityID/);
    expect(await messages(loket, c)).toEqual(before);
    // The first is still recognised.
    expect((await say(loket, c, 'wanneer zijn jullie open?', withId('c-reused'))).json().id).toBe(first.json().id);
  });

  it('keeps ids apart per conversation, and handles messages without an id every time', async () => {
    const a = await startConversation(loket);
    const b = await startConversation(loket);
    const inA = await say(loket, a, 'wanneer zijn jullie open?', withId('c-same'));
    const inB = await say(loket, b, 'wanneer zijn jullie open?', withId('c-same'));
    expect(inB.statusCode).toBe(200);
    expect(inB.json().id).not.toBe(inA.json().id);
    expect(fromCitizen(await messages(loket, b), 'wanneer zijn jullie open?')).toHaveLength(1);

    const c = await startConversation(loket);
    const one = await say(loket, c, 'bedankt');
    const two = await say(loket, c, 'bedankt');
    expect(two.json().id).not.toBe(one.json().id);
    expect(fromCitizen(await messages(loket, c), 'bedankt')).toHaveLength(2);
  });

  it('takes an empty or blank clientActivityID as none: every message is handled, none refused or swallowed', async () => {
    const c = await startConversation(loket);
    for (const id of ['', '', ' ', '']) {
      for (const text of ['wanneer zijn jullie open?', 'bedankt']) {
        const res = await say(loket, c, text, withId(id));
        expect(res.statusCode).toBe(200);
        expect(repliesTo(await messages(loket, c), res.json().id).length).toBeGreaterThan(0);
      }
    }
    expect(fromCitizen(await messages(loket, c), 'wanneer zijn jullie open?')).toHaveLength(4);
  });

  it('runs the turn on a retry of a message whose turn could not be stored (its client was told it failed)', async () => {
    const c = await startConversation(loket);
    const commit = loket.store.commitTurn.bind(loket.store);
    loket.store.commitTurn = async () => {
      throw new Error('disk full');
    };
    try {
      expect((await say(loket, c, 'wanneer zijn jullie open?', withId('c-failed'))).statusCode).toBe(500);
    } finally {
      loket.store.commitTurn = commit;
    }
    const retry = await say(loket, c, 'wanneer zijn jullie open?', withId('c-failed'));
    expect(retry.statusCode).toBe(200);
    const list = await messages(loket, c);
    expect(repliesTo(list, retry.json().id).length).toBeGreaterThan(0);
    // The kept copy of the failed one and the one that was handled; a further retry is recognised.
    expect(fromCitizen(list, 'wanneer zijn jullie open?')).toHaveLength(2);
    expect((await say(loket, c, 'wanneer zijn jullie open?', withId('c-failed'))).json().id).toBe(retry.json().id);
    expect(fromCitizen(await messages(loket, c), 'wanneer zijn jullie open?')).toHaveLength(2);
  });

  it('does on a retry the handoff that failed after the turn was stored: the person promised still comes', async () => {
    const c = await startConversation(loket);
    const insert = loket.store.handoffs.insert.bind(loket.store.handoffs);
    loket.store.handoffs.insert = async () => {
      throw new Error('disk full');
    };
    try {
      expect((await say(loket, c, 'ik wil een medewerker spreken', withId('c-person'))).statusCode).toBe(500);
    } finally {
      loket.store.handoffs.insert = insert;
    }
    expect(await loket.store.handoffs.openFor(c.conversationId)).toBeNull();
    const retry = await say(loket, c, 'ik wil een medewerker spreken', withId('c-person'));
    expect(retry.statusCode).toBe(200);
    expect(await loket.store.handoffs.openFor(c.conversationId)).toMatchObject({ state: 'queued', reason: 'explicit_request' });
    // Once: a further retry makes no second handoff and no second message.
    await say(loket, c, 'ik wil een medewerker spreken', withId('c-person'));
    expect((await loket.handoffs.list(['queued'])).filter((h) => h.conversationId === c.conversationId)).toHaveLength(1);
    expect(fromCitizen(await messages(loket, c), 'ik wil een medewerker spreken')).toHaveLength(1);
  });
});

describe('a message posted again after a restart, or to another instance on the same file', () => {
  // Each test starts one or two more instances (the NLU model from its cache, the store); on a busy machine that took over 30 s.
  const STARTS_TWICE_MS = 90_000;
  const dir = mkdtempSync(join(tmpdir(), 'loket-idem-'));
  const databaseUrl = `sqlite:${join(dir, 'loket.db')}`;
  const running: TestLoket[] = [];
  afterAll(async () => {
    for (const l of running) await l.stop();
    rmSync(dir, { recursive: true, force: true });
  }, STARTS_TWICE_MS);

  /** Two instances on one file, as with LOKET_WORKERS (each with its own turn lock and row cache), and a conversation opened on the first. */
  async function twoInstances() {
    const a = running[0] ?? (await startLoket({ databaseUrl }));
    if (!running.includes(a)) running.push(a);
    const b = await startLoket({ databaseUrl });
    running.push(b);
    return { a, b, c: await startConversation(a) };
  }

  it('is recognised after a full stop and a start on the same SQLite file', async () => {
    const before = await startLoket({ databaseUrl });
    running.push(before);
    const c = await startConversation(before);
    const first = await say(before, c, DEMO.question, withId('c-restart'));
    expect(first.statusCode).toBe(200);
    const transcript = await messages(before, c);
    await before.stop();
    running.splice(running.indexOf(before), 1);

    const after = await startLoket({ databaseUrl });
    running.push(after);
    const again = await say(after, c, DEMO.question, withId('c-restart'));
    expect(again.statusCode).toBe(200);
    expect(again.json().id).toBe(first.json().id);
    expect(await messages(after, c)).toEqual(transcript);
    const other = await say(after, c, DEMO.answers, withId('c-restart'));
    expect(errorCode(other)).toBe('CLIENT_ACTIVITY_ID_REUSED');
    expect(await messages(after, c)).toEqual(transcript);
  }, STARTS_TWICE_MS);

  it('is recognised by an instance that ran the turn at the same time on a stale row (eTag conflict)', async () => {
    const { a, b, c } = await twoInstances();
    await messages(b, c); // b has the row in its cache now
    // b looks first and finds nothing; a then handles the same message and stores it; b's turn runs
    // on the row as it was, and its commit meets a's eTag.
    const find = b.store.findActivityByClientId.bind(b.store);
    let fromA: Awaited<ReturnType<typeof say>> | undefined;
    let looks = 0;
    b.store.findActivityByClientId = async (conversationId, clientId) => {
      if (looks++ === 0) {
        fromA = await say(a, c, 'wanneer zijn jullie open?', withId('c-both'));
        return null;
      }
      return find(conversationId, clientId);
    };
    const fromB = await say(b, c, 'wanneer zijn jullie open?', withId('c-both'));
    b.store.findActivityByClientId = find;
    expect(looks).toBe(2);
    expect(fromA!.statusCode).toBe(200);
    expect(fromB.statusCode).toBe(200);
    expect(fromB.json().id).toBe(fromA!.json().id);
    const list = await messages(a, c);
    expect(fromCitizen(list, 'wanneer zijn jullie open?')).toHaveLength(1);
    expect(list).toHaveLength(2 + repliesTo(list, fromA!.json().id).length);
  }, STARTS_TWICE_MS);

  it('is recognised by an instance whose cached row is older than the copy (it knows the ids of that row only)', async () => {
    const { a, b, c } = await twoInstances();
    await say(b, c, DEMO.question, withId('c-first')); // b holds the row, and its client ids, from its own turn
    const fromA = await say(a, c, 'wanneer zijn jullie open?', withId('c-stale'));
    // b answers from what it knows of its row (no copy there), runs the turn, meets a's eTag at the
    // commit and looks again in the file: the retry gets a's answer, and nothing is stored twice.
    const fromB = await say(b, c, 'wanneer zijn jullie open?', withId('c-stale'));
    expect(fromA.statusCode).toBe(200);
    expect(fromB.statusCode).toBe(200);
    expect(fromB.json().id).toBe(fromA.json().id);
    const list = await messages(a, c);
    expect(fromCitizen(list, 'wanneer zijn jullie open?')).toHaveLength(1);
    expect((await say(b, c, DEMO.question, withId('c-first'))).json().id).toBe(fromCitizen(list, DEMO.question)[0]!.id);
  }, STARTS_TWICE_MS);
});

// In Node the official client needs the browser's XMLHttpRequest and WebSocket (Node 20 has neither).
const require = createRequire(import.meta.url);
Object.assign(globalThis, { XMLHttpRequest: require('xhr2'), WebSocket: require('ws') });
const { DirectLine } = require('botframework-directlinejs') as typeof import('botframework-directlinejs');

describe('botframework-directlinejs posting the same activity twice (as webchat does on "retry")', () => {
  let loket: TestLoket;
  beforeAll(async () => {
    loket = await startLoket();
  });
  afterAll(async () => {
    await loket?.stop();
  });

  it('gets the same id twice, and sees its message and the answer once', async () => {
    const dl = new DirectLine({ domain: `${await loket.listen()}/v3/directline`, webSocket: true, random: () => 0 } as never);
    const seen: Array<{ id?: string; type: string; text?: string; from: { role?: string }; replyToId?: string }> = [];
    dl.activity$.subscribe({ next: (a) => void seen.push(a as never), error: () => {} });
    try {
      await eventually(() => seen.find((a) => a.from.role === 'bot'));
      const activity = { type: 'message', from: { id: 'burger-1' }, text: 'wanneer zijn jullie open?', channelData: { clientActivityID: 'dl-retry-1' } };
      const post = () => new Promise<string>((resolve, reject) => void dl.postActivity({ ...activity } as never).subscribe({ next: resolve, error: reject }));
      const first = await post();
      const second = await post();
      expect(second).toBe(first);
      await eventually(() => seen.find((a) => a.replyToId === first));
      await new Promise((r) => setTimeout(r, 300)); // anything posted twice would have arrived by now
      expect(seen.filter((a) => a.from.role === 'user').map((a) => a.id)).toEqual([first]);
      const answers = seen.filter((a) => a.replyToId === first);
      expect(answers.length).toBeGreaterThan(0);
      expect(new Set(seen.map((a) => a.id)).size).toBe(seen.length);
    } finally {
      dl.end();
    }
  });
});
