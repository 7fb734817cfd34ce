/**
 * A fake of the one Twilio REST call we make (POST /2010-04-01/Accounts/{sid}/Messages.json) on
 * 127.0.0.1, for the real `twilio` client to talk to via TWILIO_API_BASE. It records every message,
 * answers like Twilio (201, sid SM…, status queued) and can be told to fail the next calls: with an
 * HTTP error and Twilio error code (429, 500, 400/21211 …) or by dropping the connection.
 */
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FakeMessage {
  sid: string;
  accountSid: string;
  to: string;
  from: string;
  body: string;
  statusCallback: string | null;
  /** The Basic auth user the client sent (the account sid). */
  authUser: string;
}

export type Failure = { status: number; code?: number; message?: string } | 'drop';

export interface FakeTwilio {
  url: string;
  /** Every accepted message, oldest first. */
  sent: FakeMessage[];
  /** Every call, failed ones included. */
  calls: number;
  /** The next calls fail like this, in order; later calls succeed again. */
  failNext(...failures: Failure[]): void;
  /** Bodies sent to `to` (E.164, with whatsapp: for WhatsApp). */
  bodiesTo(to: string): string[];
  close(): Promise<void>;
}

const MESSAGES = /^\/2010-04-01\/Accounts\/(AC[0-9a-zA-Z]+)\/Messages\.json$/;

export async function startFakeTwilio(): Promise<FakeTwilio> {
  const sent: FakeMessage[] = [];
  const failures: Failure[] = [];
  let calls = 0;

  const server: Server = createServer(async (req, res) => {
    const match = req.method === 'POST' ? MESSAGES.exec(req.url ?? '') : null;
    const body = new URLSearchParams(await read(req));
    if (!match) {
      res.writeHead(404, { 'content-type': 'application/json' }).end(JSON.stringify({ code: 20404, message: 'The requested resource was not found', status: 404 }));
      return;
    }
    calls += 1;
    const failure = failures.shift();
    if (failure === 'drop') {
      req.socket.destroy();
      return;
    }
    if (failure) {
      const code = failure.code ?? (failure.status === 429 ? 20429 : 20500);
      res.writeHead(failure.status, { 'content-type': 'application/json' })
        .end(JSON.stringify({ code, message: failure.message ?? `fake failure ${code}`, more_info: `https://www.twilio.com/docs/errors/${code}`, status: failure.status }));
      return;
    }
    const authUser = Buffer.from((req.headers.authorization ?? '').replace(/^Basic /, ''), 'base64').toString().split(':')[0] ?? '';
    const msg: FakeMessage = {
      sid: `SM${randomBytes(16).toString('hex')}`,
      accountSid: match[1]!,
      to: body.get('To') ?? '',
      from: body.get('From') ?? '',
      body: body.get('Body') ?? '',
      statusCallback: body.get('StatusCallback'),
      authUser,
    };
    sent.push(msg);
    res.writeHead(201, { 'content-type': 'application/json' }).end(JSON.stringify({
      sid: msg.sid, account_sid: msg.accountSid, to: msg.to, from: msg.from, body: msg.body, status: 'queued',
      num_segments: '1', direction: 'outbound-api', api_version: '2010-04-01', error_code: null, error_message: null,
      date_created: new Date().toUTCString(), uri: `/2010-04-01/Accounts/${msg.accountSid}/Messages/${msg.sid}.json`,
    }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    sent,
    get calls() {
      return calls;
    },
    failNext: (...f) => void failures.push(...f),
    bodiesTo: (to) => sent.filter((m) => m.to === to).map((m) => m.body),
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}

function read(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let data = '';
    req.setEncoding('utf8');
    req.on('data', (c: string) => (data += c));
    req.on('end', () => resolve(data));
    req.on('error', reject);
  });
}
