/**
 * What one virtual conversation does against each target, and a probe that shows (once, before the
 * load) what a turn really returns — so the table compares turns that did real work.
 */
import type { Client, Connection } from './http.ts';
import type { Scenario } from './driver.ts';

/** The case-status flow plus a side question and thanks; every conversation cycles through it. */
export const MESSAGE_MIX = [
  'hoe staat het met mijn aanvraag',
  'Z-2026-000123',
  '1234 AB 15-03-1980',
  'waarom?',
  'wat zijn jullie openingstijden',
  'bedankt',
] as const;

const textOf = (turnNo: number) => MESSAGE_MIX[turnNo % MESSAGE_MIX.length]!;

export interface Activity {
  type?: string;
  id?: string;
  text?: string;
  from?: { id?: string; role?: string; name?: string };
  replyToId?: string;
  channelData?: { trace?: { intent?: string; dialog?: string; step?: string } };
  nlp?: { intent?: string; score?: number };
}

// ---- bare Fastify: one POST /echo per "turn" ------------------------------------------------------

export function bareScenario(client: Client): Scenario<Connection> {
  return {
    async open() {
      return client.connection();
    },
    async turn(conn, turnNo) {
      const r = await conn.json<{ id?: string }>('POST', '/echo', { type: 'message', text: textOf(turnNo) });
      if (!r?.id) throw new Error(`no id in ${JSON.stringify(r)}`);
    },
  };
}

// ---- bare Fastify + Loket's store: one committed turn per POST ------------------------------------

export function persistScenario(client: Client): Scenario<{ conn: Connection; path: string }> {
  return {
    async open() {
      const conn = client.connection();
      const c = await conn.json<{ id: string }>('POST', '/conversations');
      return { conn, path: `/conversations/${c.id}/turn` };
    },
    async turn(s, turnNo) {
      const r = await s.conn.json<{ id?: string }>('POST', s.path, { type: 'message', text: textOf(turnNo), channelData: { clientActivityID: `c-${turnNo}` } });
      if (!r?.id) throw new Error(`no id in ${JSON.stringify(r)}`);
    },
  };
}

// ---- Loket: Direct Line 3.0, Bearer token per conversation ----------------------------------------

interface LoketSession {
  conn: Connection;
  path: string;
  headers: Record<string, string>;
  user: string;
}

export function loketScenario(client: Client): Scenario<LoketSession> {
  return {
    async open(i) {
      const conn = client.connection();
      const c = await conn.json<{ conversationId: string; token: string }>('POST', '/v3/directline/conversations');
      return {
        conn,
        path: `/v3/directline/conversations/${encodeURIComponent(c.conversationId)}/activities`,
        headers: { authorization: `Bearer ${c.token}` },
        user: `citizen-${i}`,
      };
    },
    async turn(s, turnNo) {
      // Like webchat, every message carries a clientActivityID: Loket then also checks it is no retried copy.
      const channelData = { clientActivityID: `${s.user}-${turnNo}` };
      const r = await s.conn.json<{ id?: string }>('POST', s.path, { type: 'message', from: { id: s.user }, text: textOf(turnNo), locale: 'nl-NL', channelData }, s.headers);
      if (!r?.id) throw new Error(`no activity id in ${JSON.stringify(r)}`);
    },
  };
}

// ---- nlp.js Direct Line connector (no auth) --------------------------------------------------------

interface NlpjsSession {
  conn: Connection;
  path: string;
  user: string;
  watermark: number;
}

export type NlpjsMode = 'post' | 'post+get';

/**
 * 'post': the POST response is the end of the turn (its controller awaits nlp.process and stores the
 * answer before responding). 'post+get': POST, then GET activities from the watermark until the
 * answer is there — used only if the probe shows the POST returns before the answer exists.
 */
export function nlpjsScenario(client: Client, mode: NlpjsMode): Scenario<NlpjsSession> {
  return {
    async open(i) {
      const conn = client.connection();
      const c = await conn.json<{ conversationId: string }>('POST', '/directline/conversations');
      return { conn, path: `/directline/conversations/${encodeURIComponent(c.conversationId)}/activities`, user: `citizen-${i}`, watermark: 0 };
    },
    async turn(s, turnNo) {
      const r = await s.conn.json<{ id?: string }>('POST', s.path, { type: 'message', from: { id: s.user, role: 'user' }, text: textOf(turnNo) });
      if (!r?.id) throw new Error(`no activity id in ${JSON.stringify(r)}`);
      if (mode === 'post') return;
      for (let polls = 0; polls < 1000; polls++) {
        const b = await s.conn.json<{ activities: Activity[]; watermark: number }>('GET', `${s.path}?watermark=${s.watermark}`);
        s.watermark = b.watermark;
        if (b.activities.some((a) => a.from?.id !== s.user && a.type === 'message')) return;
      }
      throw new Error('no answer after 1000 polls');
    },
  };
}

// ---- probes -----------------------------------------------------------------------------------------

export interface ProbeTurn {
  said: string;
  replies: string[];
  /** The reply was readable via GET activities as soon as the POST returned. */
  readyAtPostReturn: boolean;
}

function summarize(a: Activity): string {
  const t = a.channelData?.trace;
  const tag = t ? `[${t.intent ?? '?'}/${t.dialog ?? '?'}.${t.step ?? '?'}] ` : a.nlp ? `[${a.nlp.intent}/${(a.nlp.score ?? 0).toFixed(2)}] ` : '';
  const text = (a.text ?? `(${a.type}${a.type === 'event' ? ` ${(a as { name?: string }).name}` : ''})`).replace(/\s+/g, ' ');
  return tag + (text.length > 90 ? `${text.slice(0, 87)}…` : text);
}

/** One pass through MESSAGE_MIX on a fresh conversation; for each message, the bot's replies. */
export async function probeLoket(client: Connection): Promise<ProbeTurn[]> {
  const c = await client.json<{ conversationId: string; token: string }>('POST', '/v3/directline/conversations');
  const path = `/v3/directline/conversations/${encodeURIComponent(c.conversationId)}/activities`;
  const headers = { authorization: `Bearer ${c.token}` };
  let watermark = (await client.json<{ watermark: number | string }>('GET', `${path}?watermark=0`, undefined, headers)).watermark;
  const out: ProbeTurn[] = [];
  for (const said of MESSAGE_MIX) {
    await client.json('POST', path, { type: 'message', from: { id: 'probe' }, text: said, locale: 'nl-NL' }, headers);
    const b = await client.json<{ activities: Activity[]; watermark: number | string }>('GET', `${path}?watermark=${watermark}`, undefined, headers);
    watermark = b.watermark;
    const replies = b.activities.filter((a) => a.from?.id !== 'probe');
    out.push({ said, replies: replies.map(summarize), readyAtPostReturn: replies.some((a) => a.type === 'message') });
  }
  return out;
}

export async function probeNlpjs(client: Connection): Promise<ProbeTurn[]> {
  const c = await client.json<{ conversationId: string }>('POST', '/directline/conversations');
  const path = `/directline/conversations/${encodeURIComponent(c.conversationId)}/activities`;
  let watermark = 0;
  const out: ProbeTurn[] = [];
  for (const said of MESSAGE_MIX) {
    await client.json('POST', path, { type: 'message', from: { id: 'probe', role: 'user' }, text: said });
    const b = await client.json<{ activities: Activity[]; watermark: number }>('GET', `${path}?watermark=${watermark}`);
    watermark = b.watermark;
    const replies = b.activities.filter((a) => a.from?.id !== 'probe');
    out.push({ said, replies: replies.map(summarize), readyAtPostReturn: replies.some((a) => a.type === 'message') });
  }
  return out;
}
