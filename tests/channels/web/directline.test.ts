/**
 * The Direct Line 3.0 routes through the real app with inject(): every route, every bad input, and
 * nothing stored lost after one. Token expiry and forgery: directline-tokens.test.ts; the real port
 * and the WebSocket stream: directline-stream.test.ts.
 */
import fc from 'fast-check';
import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../../src/clock.ts';
import { isValidToken } from '../../../channels/web/verify.ts';
import { DEMO, DL, activities, bearer, errorCode, say, startConversation, startLoket, type Conversation, type TestLoket } from './helpers.ts';

const clock = fixedClock('2026-11-30T10:00:00Z'); // a Monday morning: office hours
let loket: TestLoket;

beforeAll(async () => {
  loket = await startLoket({ clock });
});
afterAll(async () => {
  await loket?.stop();
});

const inject = (opts: InjectOptions) => loket.app.inject(opts);

describe('POST /v3/directline/tokens/generate', () => {
  it('issues a token bound to a new conversation that already has the welcome', async () => {
    const res = await inject({ method: 'POST', url: `${DL}/tokens/generate` });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toEqual({ conversationId: expect.any(String), token: expect.any(String), expires_in: 1800 });
    const list = await activities(loket, body);
    expect(list.activities).toHaveLength(1);
    expect(list.activities[0]).toMatchObject({ type: 'message', from: { role: 'bot' }, channelId: 'directline', id: `${body.conversationId}|0000001` });
  });

  it('ignores whatever Bearer is sent and opens a conversation for the token on POST /conversations', async () => {
    const gen = (await inject({ method: 'POST', url: `${DL}/tokens/generate`, headers: bearer('some-secret') })).json();
    const res = await inject({ method: 'POST', url: `${DL}/conversations`, headers: bearer(gen.token) });
    expect(res.statusCode).toBe(201);
    expect(res.json().conversationId).toBe(gen.conversationId);
    expect((await activities(loket, gen)).activities).toHaveLength(1); // no second welcome
  });
});

describe('POST /v3/directline/conversations', () => {
  it('starts a conversation without a token: 201 with token, expiry and a ws:// stream URL', async () => {
    const res = await inject({ method: 'POST', url: `${DL}/conversations`, headers: { host: 'chat.voorbeeld.nl:8080' } });
    expect(res.statusCode).toBe(201);
    const c = res.json();
    expect(c.expires_in).toBe(1800);
    expect(c.streamUrl).toBe(`ws://chat.voorbeeld.nl:8080${DL}/conversations/${c.conversationId}/stream?t=${c.token}`);
    const welcome = (await activities(loket, c)).activities[0];
    expect(welcome.channelData.trace).toMatchObject({ dialog: expect.any(String), dialogVersion: expect.any(String) });
    expect(welcome.timestamp).toEqual(expect.any(String));
    expect(welcome.conversation).toEqual({ id: c.conversationId });
  });

  it('accepts the body botframework-directlinejs sends, and an empty JSON body', async () => {
    const a = await inject({ method: 'POST', url: `${DL}/conversations`, payload: { user: { id: 'dl_user' }, locale: 'nl-NL' } });
    expect(a.statusCode).toBe(201);
    const b = await inject({ method: 'POST', url: `${DL}/conversations`, headers: { 'content-type': 'application/json' }, payload: '' });
    expect(b.statusCode).toBe(201);
  });

  it('builds wss:// stream URLs under LOKET_PUBLIC_URL when it is https', async () => {
    const other = await startLoket({ clock, settings: { LOKET_PUBLIC_URL: 'https://loket.voorbeeld.nl/chat' } });
    try {
      const c = await startConversation(other);
      expect(c.streamUrl.startsWith(`wss://loket.voorbeeld.nl/chat${DL}/conversations/${c.conversationId}/stream?t=`)).toBe(true);
    } finally {
      await other.stop();
    }
  });

  it('answers a first "hoi" with a short hello: the welcome introduced the assistant already', async () => {
    const c = await startConversation(loket);
    const [welcome] = (await activities(loket, c)).activities;
    expect(welcome.text).toContain('digitale assistent');
    expect((await say(loket, c, 'hoi')).statusCode).toBe(200);
    const replies = (await activities(loket, c, 2)).activities;
    expect(replies.map((a: any) => a.text)).toEqual(['Hallo! Waarmee kan ik u helpen? U kunt mij vragen naar uw aanvraag, betalingen, papieren, bezwaar of onze openingstijden.']);
    // The welcome is in Dutch: a "hello" in English gets the introduction in English. A greeting with a
    // question is that question.
    const en = await startConversation(loket);
    await say(loket, en, 'hello');
    expect((await activities(loket, en, 2)).activities[0].text).toMatch(/^Hello! I am the digital assistant/);
    const asked = await startConversation(loket);
    await say(loket, asked, 'hoi, wanneer zijn jullie open?');
    expect((await activities(loket, asked, 2)).activities[0].channelData.trace.dialog).toBe('contact_hours');
  });

  it('refuses a Host header that is not a host name', async () => {
    const res = await inject({ method: 'POST', url: `${DL}/conversations`, headers: { host: 'evil.example/"><script>' } });
    expect(res.statusCode).toBe(400);
    expect(errorCode(res)).toBe('BAD_REQUEST');
  });
});

describe('GET /v3/directline/conversations/{id} (reconnect)', () => {
  it('gives a fresh token and a stream URL that resumes after the watermark', async () => {
    const c = await startConversation(loket);
    const res = await inject({ method: 'GET', url: `${DL}/conversations/${c.conversationId}?watermark=1`, headers: bearer(c.token) });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.conversationId).toBe(c.conversationId);
    expect(body.streamUrl).toContain('&watermark=1');
    expect(isValidToken(body.token, await tokenSecret(), clock.now())).toBe(true);
  });
});

async function tokenSecret(): Promise<string> {
  // The secret exists since start-up; the fallback would only be stored if it did not (and then fail).
  return loket.store.secret('directline', () => 'not-the-secret');
}

describe('POST and GET …/activities', () => {
  let c: Conversation;
  beforeAll(async () => {
    c = await startConversation(loket);
  });

  it('runs a turn and answers with the stored id; the echo and the reply follow the watermark', async () => {
    const res = await say(loket, c, DEMO.question, { channelData: { clientActivityID: 'abc-1', trace: { forged: true } } });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ id: `${c.conversationId}|0000002` });
    const after = await activities(loket, c, 1);
    expect(after.activities[0]).toMatchObject({ id: `${c.conversationId}|0000002`, text: DEMO.question, from: { role: 'user' }, channelId: 'directline' });
    expect(after.activities[0].channelData).toEqual({ clientActivityID: 'abc-1' });
    expect(after.activities[1]).toMatchObject({ from: { role: 'bot' }, channelData: { trace: { intent: 'case_status' } } });
    expect(after.watermark).toBe(String(1 + after.activities.length));
    expect((await activities(loket, c, Number(after.watermark))).activities).toEqual([]);
  });

  it('treats an empty watermark as "from the start", like directlinejs sends it', async () => {
    const res = await inject({ method: 'GET', url: `${DL}/conversations/${c.conversationId}/activities?watermark=`, headers: bearer(c.token) });
    expect(res.json().activities[0].id).toBe(`${c.conversationId}|0000001`);
  });

  it('acknowledges typing, event and conversationUpdate activities without a turn or storing them', async () => {
    const before = await activities(loket, c);
    for (const type of ['typing', 'event', 'conversationUpdate', 'invoke']) {
      const res = await inject({ method: 'POST', url: `${DL}/conversations/${c.conversationId}/activities`, headers: bearer(c.token), payload: { type, from: { id: 'u' }, name: 'webchat/join' } });
      expect(res.statusCode).toBe(200);
      expect(res.json().id).toMatch(new RegExp(`^${c.conversationId}\\|x-`));
    }
    expect((await activities(loket, c)).watermark).toBe(before.watermark);
  });

  it('answers emoji and right-to-left text politely with a normal turn', async () => {
    for (const text of ['👍🏽🙏 hallo 🇳🇱', 'مرحبا، أين طلبي؟', 'שלום, מה המצב של הבקשה שלי?']) {
      const before = Number((await activities(loket, c)).watermark);
      const res = await say(loket, c, text);
      expect(res.statusCode).toBe(200);
      const after = await activities(loket, c, before);
      expect(after.activities[0].text).toBe(text);
      const reply = after.activities.find((a) => a.from.role === 'bot' && a.type === 'message');
      expect(reply?.text?.length).toBeGreaterThan(10);
    }
  });

  it('accepts exactly 4,000 characters', async () => {
    const res = await say(loket, c, 'a'.repeat(4000));
    expect(res.statusCode).toBe(200);
  });

  it('counts characters, not UTF-16 units: 4,000 emoji or Chinese characters outside the BMP are accepted', async () => {
    for (const text of ['🙂'.repeat(4000), '👍🏽'.repeat(2000), '𠀀'.repeat(3999) + '?']) {
      const res = await say(loket, c, text);
      expect(res.statusCode).toBe(200);
      const after = await activities(loket, c, Number(res.json().id.split('|')[1]) - 1);
      expect(after.activities[0].text).toBe(text);
    }
  });

  it('refreshes a token: same conversation, new token that works', async () => {
    const res = await inject({ method: 'POST', url: `${DL}/tokens/refresh`, headers: bearer(c.token) });
    expect(res.statusCode).toBe(200);
    const t = res.json();
    expect(t.conversationId).toBe(c.conversationId);
    expect(t.token).not.toBe(c.token);
    expect((await say(loket, { ...c, token: t.token }, 'dank je wel')).statusCode).toBe(200);
  });
});

describe('bad input: a clear 4xx, and nothing already stored is lost', () => {
  let c: Conversation;
  let stored: string[];
  beforeAll(async () => {
    c = await startConversation(loket);
    await say(loket, c, DEMO.question);
    stored = (await activities(loket, c)).activities.map((a) => a.id);
  });

  const post = (payload: string | object, headers: Record<string, string> = {}, token = c.token) =>
    inject({ method: 'POST', url: `${DL}/conversations/${c.conversationId}/activities`, headers: { ...bearer(token), ...headers }, payload: payload as string });

  const cases: Array<[string, () => ReturnType<typeof post>, number, string]> = [
    ['malformed JSON', () => post('{"type":"message","text":', { 'content-type': 'application/json' }), 400, 'BAD_JSON'],
    ['binary garbage as JSON', () => post(Buffer.from([0xff, 0xfe, 0x00, 0x01, 0x9c]) as unknown as string, { 'content-type': 'application/json' }), 400, 'BAD_JSON'],
    ['text/plain', () => post('hallo', { 'content-type': 'text/plain' }), 415, 'BAD_CONTENT_TYPE'],
    ['a form', () => post('type=message&text=hallo', { 'content-type': 'application/x-www-form-urlencoded' }), 415, 'BAD_CONTENT_TYPE'],
    ['octet-stream', () => post(Buffer.from([1, 2, 3]) as unknown as string, { 'content-type': 'application/octet-stream' }), 415, 'BAD_CONTENT_TYPE'],
    ['no type', () => post({ text: 'hallo' }), 400, 'BAD_REQUEST'],
    ['a JSON array', () => post('[1,2]', { 'content-type': 'application/json' }), 400, 'BAD_REQUEST'],
    ['text as an object', () => post({ type: 'message', text: { a: 1 } }), 400, 'BAD_REQUEST'],
    ['empty text', () => post({ type: 'message', text: '' }), 400, 'MESSAGE_EMPTY'],
    ['only spaces', () => post({ type: 'message', text: ' \n\t ' }), 400, 'MESSAGE_EMPTY'],
    ['no text', () => post({ type: 'message', from: { id: 'u' } }), 400, 'MESSAGE_EMPTY'],
    ['only zero-width characters', () => post({ type: 'message', text: '\u200B\u200C\u200D' }), 400, 'MESSAGE_EMPTY'],
    ['only direction marks, a word joiner and a soft hyphen', () => post({ type: 'message', text: '\u202E\u200F \u2060\u00AD' }), 400, 'MESSAGE_EMPTY'],
    ['4,001 characters', () => post({ type: 'message', text: 'a'.repeat(4001) }), 400, 'MESSAGE_TOO_LONG'],
    ['4,001 emoji', () => post({ type: 'message', text: '🙂'.repeat(4001) }), 400, 'MESSAGE_TOO_LONG'],
    ['a body over the limit', () => post({ type: 'message', text: 'b'.repeat(200_000) }), 413, 'BODY_TOO_LARGE'],
    ['control characters', () => post({ type: 'message', text: 'hallo\u0000\u0007wereld' }), 400, 'MESSAGE_NOT_TEXT'],
    ['decoded binary (U+FFFD)', () => post({ type: 'message', text: 'ab\uFFFD\uFFFDcd' }), 400, 'MESSAGE_NOT_TEXT'],
    ['half an emoji (a lone surrogate escaped in the JSON)', () => post('{"type":"message","text":"hallo \\ud83d daar"}', { 'content-type': 'application/json' }), 400, 'MESSAGE_NOT_TEXT'],
    ['only attachments', () => post({ type: 'message', attachments: [{ name: 'paspoort.jpg', contentType: 'image/jpeg' }] }), 400, 'ATTACHMENTS_NOT_SUPPORTED'],
    ['a conversation id of 300 characters', () => inject({ method: 'POST', url: `${DL}/conversations/${'x'.repeat(300)}/activities`, headers: bearer(c.token), payload: { type: 'message', text: 'hoi' } }), 400, 'BAD_REQUEST'],
    ['a broken %-escape in the conversation id', () => inject({ method: 'GET', url: `${DL}/conversations/%E0%A4%A/activities`, headers: bearer(c.token) }), 400, 'BAD_REQUEST'],
    ['a plain GET of the stream URL (no WebSocket upgrade)', () => inject({ method: 'GET', url: `${DL}/conversations/${c.conversationId}/stream?t=${c.token}` }), 426, 'STREAM_NEEDS_WEBSOCKET'],
    ['no token', () => inject({ method: 'POST', url: `${DL}/conversations/${c.conversationId}/activities`, payload: { type: 'message', text: 'hoi' } }), 401, 'TOKEN_MISSING'],
    ['a Basic header', () => post({ type: 'message', text: 'hoi' }, { authorization: 'Basic dXNlcjpwdw==' }), 401, 'TOKEN_MISSING'],
    ['a token that is not ours', () => post({ type: 'message', text: 'hoi' }, {}, 'not-a-token'), 403, 'TOKEN_INVALID'],
  ];

  it.each(cases)('%s', async (_name, send, status, code) => {
    const res = await send();
    expect(res.statusCode).toBe(status);
    expect(res.json()).toEqual({ error: { code, message: expect.any(String) } });
    expect((await activities(loket, c)).activities.map((a) => a.id)).toEqual(stored);
  });

  it('never hands a citizen to a caseworker for messages that show nothing', async () => {
    const fresh = await startConversation(loket);
    for (const text of ['\u200B', '\u200B\u200D', '\u2060']) {
      const res = await say(loket, fresh, text);
      expect(res.statusCode).toBe(400);
      expect(errorCode(res)).toBe('MESSAGE_EMPTY');
    }
    const after = await activities(loket, fresh);
    expect(after.activities.map((a) => a.type)).toEqual(['message']); // the welcome, nothing else
    expect(after.activities.some((a) => a.name === 'handoff.initiate')).toBe(false);
  });

  it('answers 404 for an unknown conversation', async () => {
    const res = await inject({ method: 'POST', url: `${DL}/conversations/no-such-conversation/activities`, headers: bearer(c.token), payload: { type: 'message', text: 'hoi' } });
    expect(res.statusCode).toBe(404);
    expect(errorCode(res)).toBe('CONVERSATION_NOT_FOUND');
  });

  it('answers 403 when the token belongs to another conversation, on every route', async () => {
    const other = await startConversation(loket);
    const urls: Array<['GET' | 'POST', string]> = [
      ['POST', `${DL}/conversations/${c.conversationId}/activities`],
      ['GET', `${DL}/conversations/${c.conversationId}/activities`],
      ['GET', `${DL}/conversations/${c.conversationId}`],
    ];
    for (const [method, url] of urls) {
      const res = await inject({ method, url, headers: bearer(other.token), ...(method === 'POST' ? { payload: { type: 'message', text: 'hoi' } } : {}) });
      expect(res.statusCode).toBe(403);
      expect(errorCode(res)).toBe('TOKEN_WRONG_CONVERSATION');
    }
    expect((await activities(loket, c)).activities.map((a) => a.id)).toEqual(stored);
  });

  it('refuses a watermark that is not a number', async () => {
    const res = await inject({ method: 'GET', url: `${DL}/conversations/${c.conversationId}/activities?watermark=abc`, headers: bearer(c.token) });
    expect(res.statusCode).toBe(400);
    expect(errorCode(res)).toBe('BAD_REQUEST');
  });

  it('refuses a watermark past the last activity, which would leave the client waiting for nothing', async () => {
    const last = Number((await activities(loket, c)).watermark);
    const ahead = last + 1_000_000;
    const urls = [
      `${DL}/conversations/${c.conversationId}/activities?watermark=${ahead}`,
      `${DL}/conversations/${c.conversationId}?watermark=${ahead}`,
      `${DL}/conversations/${c.conversationId}/stream?t=${c.token}&watermark=${ahead}`,
    ];
    for (const url of urls) {
      const res = await inject({ method: 'GET', url, headers: bearer(c.token) });
      expect(res.statusCode).toBe(400);
      expect(res.json()).toEqual({ error: { code: 'BAD_REQUEST', message: expect.stringContaining(`watermark ${ahead} is past the last activity`) } });
    }
    // The last watermark given out is fine: nothing new yet.
    expect((await activities(loket, c, last)).activities).toEqual([]);
    expect((await activities(loket, c)).activities.map((a) => a.id)).toEqual(stored);
  });

  it('never answers 5xx, whatever JSON is posted', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.jsonValue(), fc.record({ type: fc.constantFrom('message', 'typing', 'event'), text: fc.oneof(fc.string({ maxLength: 60 }), fc.jsonValue()) })), async (body) => {
        const res = await post(JSON.stringify(body), { 'content-type': 'application/json' });
        expect(res.statusCode).toBeLessThan(500);
      }),
      { numRuns: 60 },
    );
    const ids = (await activities(loket, c)).activities.map((a) => a.id);
    expect(ids.slice(0, stored.length)).toEqual(stored);
  });
});

describe('the OpenAPI document at /docs', () => {
  it('describes every Direct Line route under the directline tag, with its error answers', async () => {
    const doc = (await inject({ method: 'GET', url: '/docs/json' })).json();
    const routes = [
      ['post', '/v3/directline/tokens/generate'],
      ['post', '/v3/directline/tokens/refresh'],
      ['post', '/v3/directline/conversations'],
      ['get', '/v3/directline/conversations/{conversationId}'],
      ['post', '/v3/directline/conversations/{conversationId}/activities'],
      ['get', '/v3/directline/conversations/{conversationId}/activities'],
    ];
    for (const [method, path] of routes) {
      const op = doc.paths[path!]?.[method!];
      expect(op, `${method} ${path}`).toBeDefined();
      expect(op.tags).toEqual(['directline']);
      expect(op.summary).toEqual(expect.any(String));
      expect(Object.keys(op.responses)).toContain('4XX');
    }
  });
});

describe('the chat page and its assets', () => {
  it('serves the page, its scripts and its style with a CSP, and nothing else under /web', async () => {
    const page = await inject({ method: 'GET', url: '/' });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toMatch(/text\/html/);
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    for (const file of ['chat.js', 'directline.js', 'chat.css']) expect((await inject({ method: 'GET', url: `/web/${file}` })).statusCode).toBe(200);
    for (const url of ['/web/index.html', '/web/..%2F..%2Fpackage.json', '/web/plugin.ts']) {
      const res = await inject({ method: 'GET', url });
      expect(res.statusCode, url).toBe(404);
      expect(errorCode(res)).toBe('NOT_FOUND');
    }
  });
});
