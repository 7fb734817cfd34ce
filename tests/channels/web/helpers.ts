/**
 * Starts the real Loket (createLoket: store, NLU, dialogs, pipeline, app) for the web channel tests,
 * and small helpers to speak Direct Line to it through inject() or over a real port.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { LightMyRequestResponse } from 'fastify';
import WebSocket from 'ws';
import type { Clock } from '../../../src/clock.ts';
import type { Loket } from '../../../src/server/loket.ts';
import { listenLocal } from '../../support/loket.ts';
import { NLU_CACHE } from '../../support/nlu-cache.ts';
import { createPreparedLoket } from '../../support/prepared.ts';

export const DL = '/v3/directline';

/** The demo's status question and answers (CONTRACTS.md §6, case Z-2026-000123). */
export const DEMO = {
  question: 'hoe staat het met mijn aanvraag Z-2026-000123',
  answers: '1234 AB 15-03-1980',
  status: 'In behandeling: advies welstandscommissie gevraagd',
};

export interface TestLoket extends Loket {
  /** Listens on 127.0.0.1 and returns the base URL (http://127.0.0.1:PORT). */
  listen(): Promise<string>;
  stop(): Promise<void>;
}

/** A Loket on a fresh SQLite file (or `databaseUrl`), quiet, with the given clock, loading the run's cached model. */
export async function startLoket(opts: { clock?: Clock; databaseUrl?: string; settings?: Record<string, string> } = {}): Promise<TestLoket> {
  const dir = opts.databaseUrl ? null : mkdtempSync(join(tmpdir(), 'loket-web-'));
  const settings = {
    DATABASE_URL: opts.databaseUrl ?? `sqlite:${join(dir!, 'loket.db')}`,
    LOKET_DIALOGS: process.env.LOKET_TEST_DIALOGS ?? 'dialogs',
    LOG_LEVEL: 'silent',
    // The run's model cache (trained once by the global setup); a cache beside each fresh database
    // file would train the model again for every Loket these tests start.
    LOKET_NLU_CACHE: NLU_CACHE,
    ...opts.settings,
  };
  const loket = await createPreparedLoket(settings, opts.clock ? { clock: opts.clock } : {});
  return Object.assign(loket, {
    listen: () => listenLocal(loket),
    async stop() {
      await loket.close();
      if (dir) rmSync(dir, { recursive: true, force: true });
    },
  });
}

export interface Conversation {
  conversationId: string;
  token: string;
  expires_in: number;
  streamUrl: string;
}

export const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

export async function startConversation(loket: Loket): Promise<Conversation> {
  const res = await loket.app.inject({ method: 'POST', url: `${DL}/conversations` });
  if (res.statusCode !== 201) throw new Error(`start failed: ${res.statusCode} ${res.body}`);
  return res.json();
}

export function say(loket: Loket, c: { conversationId: string; token: string }, text: string, extra: Record<string, unknown> = {}): Promise<LightMyRequestResponse> {
  return loket.app.inject({
    method: 'POST',
    url: `${DL}/conversations/${c.conversationId}/activities`,
    headers: bearer(c.token),
    payload: { type: 'message', from: { id: 'citizen-1', name: 'Burger' }, text, ...extra },
  });
}

export async function activities(loket: Loket, c: { conversationId: string; token: string }, watermark = 0): Promise<{ activities: any[]; watermark: string }> {
  const res = await loket.app.inject({ method: 'GET', url: `${DL}/conversations/${c.conversationId}/activities?watermark=${watermark}`, headers: bearer(c.token) });
  if (res.statusCode !== 200) throw new Error(`list failed: ${res.statusCode} ${res.body}`);
  return res.json();
}

export const errorCode = (res: LightMyRequestResponse): string | undefined => (res.json() as { error?: { code?: string } }).error?.code;

/** A WebSocket client that collects frames; `next(pred)` waits for an activity matching pred. */
export function openStream(url: string): Promise<StreamClient> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url);
    const client = new StreamClient(ws);
    ws.once('open', () => resolve(client));
    ws.once('unexpected-response', (_req, res) => reject(Object.assign(new Error(`HTTP ${res.statusCode}`), { statusCode: res.statusCode })));
    ws.once('error', reject);
  });
}

export class StreamClient {
  readonly frames: Array<{ activities: any[]; watermark: string }> = [];
  private waiters: Array<() => void> = [];

  constructor(readonly ws: WebSocket) {
    ws.on('message', (data) => {
      const text = data.toString();
      if (text === '') return;
      this.frames.push(JSON.parse(text));
      for (const w of this.waiters.splice(0)) w();
    });
  }

  get activities(): any[] {
    return this.frames.flatMap((f) => f.activities);
  }

  async next(pred: (a: any) => boolean, timeoutMs = 10_000): Promise<any> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const hit = this.activities.find(pred);
      if (hit) return hit;
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`no matching activity; got ${JSON.stringify(this.activities.map((a) => a.text ?? a.type))}`);
      await new Promise<void>((r) => {
        const t = setTimeout(r, left);
        this.waiters.push(() => {
          clearTimeout(t);
          r();
        });
      });
    }
  }

  close(): Promise<void> {
    return new Promise((r) => {
      if (this.ws.readyState === WebSocket.CLOSED) return r();
      this.ws.once('close', () => r());
      this.ws.close();
    });
  }
}

export { eventually } from '../../support/eventually.ts';
