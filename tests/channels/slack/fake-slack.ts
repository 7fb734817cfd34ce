/**
 * A fake Slack Web API on 127.0.0.1: answers the methods Bolt and the Slack channel call, and records
 * every call with its decoded arguments. Point SLACK_API_URL at `fake.url`.
 */
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface SlackCall {
  method: string;
  args: Record<string, unknown>;
  authorization: string | undefined;
  /** What the fake answered. */
  response: Record<string, unknown>;
}

export interface FakeSlack {
  /** `http://127.0.0.1:PORT/api/` */
  url: string;
  calls: SlackCall[];
  /** Calls of one method, in order. */
  of(method: string): SlackCall[];
  /** Makes the next call of `method` answer `{ok: false, error}`. */
  failNext(method: string, error: string): void;
  close(): Promise<void>;
}

export const BOT_USER = 'UBOTLOKET';
export const HANDOFF_CHANNEL = 'CHANDOFFS';

export async function startFakeSlack(): Promise<FakeSlack> {
  const calls: SlackCall[] = [];
  const failures = new Map<string, string>();
  let seq = 0;
  const nextTs = () => `1700000000.${String(++seq).padStart(6, '0')}`;

  const answer = (method: string, args: Record<string, unknown>): Record<string, unknown> => {
    const failure = failures.get(method);
    if (failure) {
      failures.delete(method);
      return { ok: false, error: failure };
    }
    switch (method) {
      case 'auth.test':
        return { ok: true, user_id: BOT_USER, bot_id: 'BLOKET', team_id: 'T0001', user: 'loket', team: 'Gemeente Voorbeeld' };
      case 'chat.postMessage': {
        const channel = String(args.channel);
        // Channel names resolve to the id, as Slack does; a user id posts to their DM.
        return { ok: true, channel: channel.startsWith('#') ? HANDOFF_CHANNEL : channel.startsWith('U') ? `D${channel.slice(1)}` : channel, ts: nextTs() };
      }
      case 'chat.update':
        return { ok: true, channel: args.channel, ts: args.ts };
      case 'chat.postEphemeral':
        return { ok: true, message_ts: nextTs() };
      case 'views.open':
        return { ok: true, view: { id: `V${String(++seq).padStart(6, '0')}`, ...(args.view as Record<string, unknown>) } };
      case 'conversations.open':
        return { ok: true, channel: { id: `D${String(args.users).slice(1)}` } };
      default:
        return { ok: false, error: 'unknown_method' };
    }
  };

  const server = createServer(async (req, res) => {
    const method = (req.url ?? '').replace(/^\/api\//, '').split('?')[0]!;
    const args = decode(await readBody(req), req.headers['content-type']);
    const response = answer(method, args);
    calls.push({ method, args, authorization: req.headers.authorization, response });
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify(response));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}/api/`,
    calls,
    of: (method) => calls.filter((c) => c.method === method),
    failNext: (method, error) => void failures.set(method, error),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/** The WebClient sends forms with JSON-encoded arrays and objects (blocks); JSON is read as is. */
function decode(body: string, contentType: string | undefined): Record<string, unknown> {
  if (body === '') return {};
  if ((contentType ?? '').includes('application/json')) return JSON.parse(body) as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const [k, v] of new URLSearchParams(body)) {
    out[k] = /^[[{]/.test(v) ? safeJson(v) : v;
  }
  return out;
}

function safeJson(v: string): unknown {
  try {
    return JSON.parse(v);
  } catch {
    return v;
  }
}
