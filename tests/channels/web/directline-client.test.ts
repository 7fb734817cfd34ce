/**
 * The official botframework-directlinejs client holds a whole conversation against our server on a
 * real port, once over the WebSocket stream and once by polling. If this passes, webchat works too.
 */
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO, eventually, startLoket, type TestLoket } from './helpers.ts';

// In Node the client needs the browser's XMLHttpRequest and WebSocket (Node 20 has neither).
const require = createRequire(import.meta.url);
Object.assign(globalThis, { XMLHttpRequest: require('xhr2'), WebSocket: require('ws') });
const { DirectLine, ConnectionStatus } = require('botframework-directlinejs') as typeof import('botframework-directlinejs');

type Activity = { id?: string; type: string; text?: string; from: { id: string; role?: string }; channelData?: { trace?: { intent?: string; dialog?: string } } };

let loket: TestLoket;
let domain: string;

beforeAll(async () => {
  loket = await startLoket();
  domain = `${await loket.listen()}/v3/directline`;
});
afterAll(async () => {
  await loket?.stop();
});

function connect(webSocket: boolean) {
  // random: 0 makes the client's reconnect delay its minimum (3 s) instead of up to 15 s.
  const dl = new DirectLine({ domain, webSocket, pollingInterval: 200, random: () => 0 } as never);
  const seen: Activity[] = [];
  const statuses: number[] = [];
  const errors: unknown[] = [];
  // dl.end() makes the streams error with "conversation ended"; that is the client saying goodbye.
  dl.activity$.subscribe({ next: (a) => void seen.push(a as Activity), error: (e: unknown) => void errors.push(e) });
  dl.connectionStatus$.subscribe({ next: (s) => void statuses.push(s), error: (e: unknown) => void errors.push(e) });
  const botAfter = (n: number) => eventually(() => seen.slice(n).find((a) => a.type === 'message' && a.from.role === 'bot' && a.text));
  const post = (text: string) =>
    new Promise<string>((resolve, reject) => {
      dl.postActivity({ type: 'message', from: { id: 'burger-1', name: 'Burger' }, text } as never).subscribe({ next: resolve, error: reject });
    });
  /** Sends `text` and waits for its echo and the bot's answer after it. */
  const ask = async (text: string) => {
    const id = await post(text);
    const echoAt = await eventually(() => {
      const i = seen.findIndex((a) => a.id === id);
      return i >= 0 ? i + 1 : 0;
    });
    return botAfter(echoAt);
  };
  return { dl, seen, statuses, errors, ask, botAfter };
}

describe.each([
  ['the WebSocket stream', true],
  ['polling', false],
])('botframework-directlinejs over %s', (_name, webSocket) => {
  let client: ReturnType<typeof connect>;
  beforeAll(() => {
    client = connect(webSocket);
  });
  afterAll(() => {
    client?.dl.end();
  });

  it('receives the welcome', async () => {
    const welcome = await client.botAfter(0);
    expect(welcome.text).toMatch(/Gemeente Voorbeeld/);
    expect(welcome.channelData?.trace).toBeDefined();
    expect(client.statuses).toContain(ConnectionStatus.Online);
    expect(client.errors).toEqual([]);
  });

  it('asks for the status, verifies, and hears the status with a trace', async () => {
    const question = await client.ask(DEMO.question);
    expect(question.channelData?.trace?.intent).toBe('case_status');
    expect(question.text).toMatch(/postcode/i);
    const status = await client.ask(DEMO.answers);
    expect(status.text).toContain(DEMO.status);
    expect(status.channelData?.trace).toMatchObject({ dialog: 'case_status', intent: 'case_status', dialogVersion: expect.any(String) });
  });

  it('explains the answer on "waarom?"', async () => {
    const why = await client.ask('waarom?');
    expect(why.text).toMatch(/Z-2026-000123/);
    expect(why.text).toMatch(/postcode/i);
    expect(why.channelData?.trace).toBeDefined();
  });

  it('gets its own messages echoed once, in order, with the server ids', () => {
    const ids = client.seen.map((a) => a.id);
    expect(new Set(ids).size).toBe(ids.length);
    const citizen = client.seen.filter((a) => a.from.role === 'user').map((a) => a.text);
    expect(citizen).toEqual([DEMO.question, DEMO.answers, 'waarom?']);
  });

  it('reaches a person when asked', async () => {
    const answer = await client.ask('ik wil een mens spreken');
    expect(answer.channelData?.trace).toMatchObject({ reason: 'explicit_request' });
  });
});

describe('botframework-directlinejs after the server drops its socket', () => {
  it('reconnects with its watermark and misses nothing, repeats nothing', async () => {
    const client = connect(true);
    try {
      await client.botAfter(0);
      await client.ask(DEMO.question);
      for (const socket of loket.app.websocketServer.clients) socket.terminate();
      const status = await client.ask(DEMO.answers); // posted while the stream is down
      expect(status.text).toContain(DEMO.status);
      const ids = client.seen.map((a) => a.id);
      expect(new Set(ids).size).toBe(ids.length);
    } finally {
      client.dl.end();
    }
  }, 30_000);
});
