/**
 * The handoff as a Bot Framework client sees it: the official botframework-directlinejs client on a
 * real port gets `handoff.initiate`, then `handoff.status` accepted, the caseworker's message, and
 * `handoff.status` completed after the release (CONTRACTS §4).
 */
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Loket } from '../../src/server/loket.ts';
import { listenLocal } from '../support/loket.ts';
import { ADMIN, addCaseworker, as, ASK_PERSON, login, startLoket, type Session } from './helpers.ts';

// In Node the client needs the browser's XMLHttpRequest and WebSocket (Node 20 has neither).
const require = createRequire(import.meta.url);
Object.assign(globalThis, { XMLHttpRequest: require('xhr2'), WebSocket: require('ws') });
const { DirectLine } = require('botframework-directlinejs') as typeof import('botframework-directlinejs');

interface Activity {
  id?: string;
  type: string;
  name?: string;
  text?: string;
  value?: any;
  attachments?: Array<{ contentType: string; name?: string; content?: any }>;
  from: { id: string; name?: string; role?: string };
}

let loket: Loket;
let anna: Session;
let domain: string;

beforeAll(async () => {
  loket = await startLoket();
  const admin = await login(loket, ADMIN.username, ADMIN.password);
  anna = await addCaseworker(loket, admin, 'anna', { name: 'Anna de Vries' });
  domain = `${await listenLocal(loket)}/v3/directline`;
});
afterAll(() => loket?.close());

async function eventually<T>(fn: () => T | undefined, what: string, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = fn();
    if (v) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

describe('the handoff over Direct Line with botframework-directlinejs', () => {
  let dl: InstanceType<typeof DirectLine>;
  const seen: Activity[] = [];
  const errors: unknown[] = [];
  const after = (i: number, pred: (a: Activity) => boolean) => seen.slice(i).find(pred);
  const indexOf = (a: Activity) => seen.indexOf(a);

  beforeAll(() => {
    dl = new DirectLine({ domain, webSocket: true, random: () => 0 } as never);
    dl.activity$.subscribe({ next: (a) => void seen.push(a as Activity), error: (e: unknown) => void errors.push(e) });
  });
  afterAll(() => dl?.end());

  // CONTRACTS §4 and the caseworker brief: the Direct Line client gets the full handoff.initiate
  // (Bot Framework handoff pattern). channels/web/outbound.ts currently strips value and attachments
  // from the citizen's copy on purpose (channels/web/README.md); one of the two has to change.
  it('announces handoff.initiate with reason, priority, evidence, summary and the transcript', async () => {
    await eventually(() => seen.find((a) => a.type === 'message' && a.from.role === 'bot'), 'the welcome');
    await new Promise<string>((resolve, reject) => {
      dl.postActivity({ type: 'message', from: { id: 'burger-1', name: 'Burger' }, text: ASK_PERSON } as never).subscribe({ next: resolve, error: reject });
    });
    const initiate = await eventually(() => seen.find((a) => a.type === 'event' && a.name === 'handoff.initiate'), 'handoff.initiate');
    expect(initiate.value).toMatchObject({
      reason: 'explicit_request',
      priority: 3,
      evidence: [expect.objectContaining({ reason: 'explicit_request', evidence: expect.stringMatching(/medewerker/) })],
      summary: expect.stringContaining(ASK_PERSON),
      handoffId: expect.any(String),
    });
    // What only the municipality knows is not in the citizen's copy.
    expect(initiate.value).not.toHaveProperty('identity');
    const transcript = initiate.attachments?.find((a) => a.name === 'Transcript');
    expect(transcript?.contentType).toBe('application/json');
    expect(transcript?.content.activities.map((a: Activity) => a.text)).toContain(ASK_PERSON);
    expect(errors).toEqual([]);
  });

  it('sends handoff.status accepted after a claim, then the caseworker\'s message, then completed after the release', async () => {
    const initiate = seen.find((a) => a.name === 'handoff.initiate')!;
    const conversationId = (initiate as { conversation?: { id: string } }).conversation!.id;
    const id = (await loket.store.handoffs.openFor(conversationId))!.id;
    const from = indexOf(initiate);

    expect((await as(loket, anna).post(`/api/v1/handoffs/${id}/claim`)).statusCode).toBe(200);
    const accepted = await eventually(() => after(from, (a) => a.name === 'handoff.status' && a.value?.state === 'accepted'), 'accepted');
    expect(accepted.type).toBe('event');
    expect(accepted.value.message).toContain('Anna');

    expect((await as(loket, anna).post(`/api/v1/handoffs/${id}/messages`, { text: 'Goedemiddag, met Anna.' })).statusCode).toBe(200);
    const reply = await eventually(() => after(indexOf(accepted), (a) => a.type === 'message' && a.from.role === 'caseworker'), 'the caseworker message');
    expect(reply).toMatchObject({ text: 'Goedemiddag, met Anna.', from: { role: 'caseworker', name: 'Anna' } });

    expect((await as(loket, anna).post(`/api/v1/handoffs/${id}/release`)).statusCode).toBe(200);
    const completed = await eventually(() => after(indexOf(reply), (a) => a.name === 'handoff.status' && a.value?.state === 'completed'), 'completed');
    expect(completed.type).toBe('event');

    // In order: initiate < accepted < caseworker message < completed.
    expect([from, indexOf(accepted), indexOf(reply), indexOf(completed)]).toEqual([...[from, indexOf(accepted), indexOf(reply), indexOf(completed)]].sort((a, b) => a - b));
    expect(errors).toEqual([]);
  });
});
