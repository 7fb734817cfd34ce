/** The Direct Line routes and the WebSocket stream over a real port. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO, DL, bearer, openStream, startConversation, startLoket, type Conversation, type TestLoket } from './helpers.ts';

let loket: TestLoket;

beforeAll(async () => {
  loket = await startLoket();
});
afterAll(async () => {
  await loket?.stop();
});

describe('over a real port', () => {
  let base: string;
  let c: Conversation;
  beforeAll(async () => {
    base = await loket.listen();
    const res = await fetch(`${base}${DL}/conversations`, { method: 'POST' });
    expect(res.status).toBe(201);
    c = (await res.json()) as Conversation;
  });

  it('serves the routes over HTTP with JSON errors', async () => {
    expect(c.streamUrl.startsWith(`ws://127.0.0.1:`)).toBe(true);
    const bad = await fetch(`${base}${DL}/conversations/${c.conversationId}/activities`, { method: 'POST', headers: { ...bearer(c.token), 'content-type': 'application/json' }, body: '{nope' });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ error: { code: 'BAD_JSON' } });
  });

  it('streams the welcome, the echo and the replies, frame by frame with a watermark', async () => {
    const stream = await openStream(c.streamUrl);
    try {
      await stream.next((a) => a.id === `${c.conversationId}|0000001`);
      const res = await fetch(`${base}${DL}/conversations/${c.conversationId}/activities`, {
        method: 'POST', headers: { ...bearer(c.token), 'content-type': 'application/json' },
        body: JSON.stringify({ type: 'message', from: { id: 'u1' }, text: DEMO.question, channelData: { clientActivityID: 'x1' } }),
      });
      expect(res.status).toBe(200);
      const { id } = (await res.json()) as { id: string };
      const echo = await stream.next((a) => a.id === id);
      expect(echo.channelData.clientActivityID).toBe('x1');
      await stream.next((a) => a.from.role === 'bot' && a.channelData?.trace?.intent === 'case_status');
      const seqs = stream.activities.map((a) => Number(a.id.split('|')[1]));
      expect(seqs).toEqual(seqs.map((_, i) => i + 1)); // in order, none twice
      expect(stream.frames.at(-1)!.watermark).toBe(String(seqs.at(-1)));
    } finally {
      await stream.close();
    }
  });

  it('resumes after the watermark on reconnect, without repeating what was seen', async () => {
    const re = (await (await fetch(`${base}${DL}/conversations/${c.conversationId}?watermark=2`, { headers: bearer(c.token) })).json()) as Conversation;
    const stream = await openStream(re.streamUrl);
    try {
      const first = await stream.next(() => true);
      expect(first.id).toBe(`${c.conversationId}|0000003`);
    } finally {
      await stream.close();
    }
  });

  it('refuses the stream upgrade with a bad or foreign token', async () => {
    const url = new URL(c.streamUrl);
    url.searchParams.set('t', 'forged');
    await expect(openStream(url.toString())).rejects.toMatchObject({ statusCode: 403 });
    url.searchParams.delete('t');
    await expect(openStream(url.toString())).rejects.toMatchObject({ statusCode: 401 });
    const other = await startConversation(loket);
    url.searchParams.set('t', other.token);
    await expect(openStream(url.toString())).rejects.toMatchObject({ statusCode: 403 });
  });

  it('unsubscribes when the socket closes (no listener left behind)', async () => {
    const listeners = () => ((loket.bus as unknown as { listeners: Map<string, Set<unknown>> }).listeners.get('activities.appended')?.size ?? 0);
    const before = listeners();
    const streams = await Promise.all([openStream(c.streamUrl), openStream(c.streamUrl), openStream(c.streamUrl)]);
    await Promise.all(streams.map((s) => s.next(() => true)));
    expect(listeners()).toBe(before + 3);
    streams[0]!.ws.terminate();
    await Promise.all(streams.slice(1).map((s) => s.close()));
    await new Promise((r) => setTimeout(r, 100));
    expect(listeners()).toBe(before);
  });
});
