/**
 * The receiver's answer to Slack, driven by what Bolt's `processEvent` does: an ack (with or without
 * a body), no ack within the deadline, or a failure before any ack. A stand-in replaces Bolt's App here
 * (it is Bolt's, not ours); the real App is covered by the other test files.
 */
import Fastify from 'fastify';
import type { App, ReceiverEvent } from '@slack/bolt';
import { describe, expect, it } from 'vitest';
import { SlackReceiver } from '../../../channels/slack/plugin.ts';
import { fixedClock } from '../../../src/clock.ts';
import { EVENTS, sign } from './helpers.ts';

const NOW = 1_800_000_000;
const silent = { warn: () => undefined, error: () => undefined };

async function serve(processEvent: (e: ReceiverEvent) => Promise<void>, seen = new Set<string>()) {
  const receiver = new SlackReceiver({
    signingSecret: 'secret',
    clock: fixedClock(new Date(NOW * 1000)),
    isFirstDelivery: async (key) => (seen.has(key) ? false : (seen.add(key), true)),
    log: silent,
    ackTimeoutMs: 50,
  });
  receiver.init({ processEvent } as unknown as App);
  const app = Fastify();
  await app.register(receiver.plugin());
  const post = (body: unknown) => {
    const raw = JSON.stringify(body);
    return app.inject({
      method: 'POST', url: EVENTS, payload: raw,
      headers: { 'content-type': 'application/json', 'x-slack-request-timestamp': String(NOW), 'x-slack-signature': sign(raw, NOW, 'secret') },
    });
  };
  return { app, receiver, post };
}

describe('SlackReceiver', () => {
  it('answers with what the listener acknowledged, before the listener is done', async () => {
    let finish = () => {};
    const { post, receiver } = await serve(async (e) => {
      await e.ack({ text: 'ok' });
      await new Promise<void>((r) => (finish = r));
    });
    const res = await post({ type: 'block_actions' });
    expect(res.json()).toEqual({ text: 'ok' });
    let idle = false;
    const waiting = receiver.idle().then(() => (idle = true));
    await new Promise((r) => setTimeout(r, 10));
    expect(idle).toBe(false);
    finish();
    await waiting;
    expect(idle).toBe(true);
  });

  it('answers 200 after the deadline when nobody acknowledges', async () => {
    const { post, receiver } = await serve(() => new Promise((r) => setTimeout(r, 200)));
    const started = Date.now();
    const res = await post({ type: 'block_actions' });
    expect(res.statusCode).toBe(200);
    expect(Date.now() - started).toBeLessThan(190);
    await receiver.stop();
  });

  it('answers 500 when processing fails before an ack', async () => {
    const { post } = await serve(async () => {
      throw new Error('authorize failed');
    });
    expect((await post({ type: 'block_actions' })).statusCode).toBe(500);
  });

  it('hands an event over once, however often Slack retries it', async () => {
    const bodies: unknown[] = [];
    const { post } = await serve(async (e) => {
      bodies.push(e.body);
      await e.ack();
    });
    const event = { type: 'event_callback', event_id: 'Ev1', event: { type: 'app_mention' } };
    for (let i = 0; i < 3; i++) expect((await post(event)).statusCode).toBe(200);
    await post({ ...event, event_id: 'Ev2' });
    expect(bodies.map((b) => (b as { event_id: string }).event_id)).toEqual(['Ev1', 'Ev2']);
  });

  it('processes nothing when the signature is wrong', async () => {
    const bodies: unknown[] = [];
    const { app } = await serve(async (e) => void bodies.push(e.body));
    const res = await app.inject({
      method: 'POST', url: EVENTS, payload: '{"type":"event_callback"}',
      headers: { 'content-type': 'application/json', 'x-slack-request-timestamp': String(NOW), 'x-slack-signature': 'v0=00' },
    });
    expect(res.statusCode).toBe(401);
    expect(bodies).toEqual([]);
  });
});
