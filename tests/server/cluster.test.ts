/**
 * `loket serve` with LOKET_WORKERS=2: two worker processes on one port and one SQLite file. The
 * official botframework-directlinejs client holds the citizen's stream on whichever worker it lands;
 * messages, a handoff, a caseworker's claim and reply are sent through keep-alive connections pinned
 * to worker 1 and to worker 2. Everything reaches the stream and the console's live inbox in order,
 * whichever worker handled it (the bus link, src/server/cluster.ts).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { SERVER_NODE_FLAGS } from '../../src/server/node-flags.ts';
import { openSqliteStore } from '../../src/store/sqlite.ts';
import { tempDir } from '../support/loket.ts';
import { pinned, serveWorkers, type Pinned, type ServedWorkers } from '../support/workers.ts';
import { eventually } from '../support/eventually.ts';

const require = createRequire(import.meta.url);
Object.assign(globalThis, { XMLHttpRequest: require('xhr2'), WebSocket: require('ws') });
const { DirectLine } = require('botframework-directlinejs') as typeof import('botframework-directlinejs');

type Activity = { id?: string; type: string; text?: string; from: { id: string; role?: string } };

const dir = tempDir();
const dbFile = join(dir, 'loket.db');
let served: ServedWorkers;

/** A pinned connection for each worker. */
async function oneConnectionPerWorker(): Promise<Map<number, Pinned>> {
  const byWorker = new Map<number, Pinned>();
  for (let i = 0; i < 20 && byWorker.size < 2; i++) {
    const p = await pinned(served.base);
    if (!byWorker.has(p.instance)) byWorker.set(p.instance, p);
    else p.agent.destroy();
  }
  return byWorker;
}

beforeAll(async () => {
  served = await serveWorkers(dbFile); // start-up is slow when the machine is busy: up to 150 s
  expect(served.out()).toContain('2 worker processes');
  // The login is printed once, by the primary, not once per worker.
  expect(served.out().match(/Demo login/g)).toHaveLength(1);
}, 180_000);

afterAll(async () => {
  await served.stop();
});

describe('two worker processes on one port and one SQLite file', () => {
  it('serve on both workers; a stream on one gets what the other stored, in order, and the console sees every change', async () => {
    const workers = await oneConnectionPerWorker();
    expect([...workers.keys()].sort()).toEqual([1, 2]);
    const w1 = workers.get(1)!;
    const w2 = workers.get(2)!;

    // The citizen's chat: the official client over the WebSocket stream, on whichever worker.
    const dl = new DirectLine({ domain: `${served.base}/v3/directline`, webSocket: true, pollingInterval: 200, random: () => 0 } as never);
    const seen: Activity[] = [];
    dl.activity$.subscribe({ next: (a) => void seen.push(a as Activity), error: () => {} });
    const welcome = await eventually(() => seen.find((a) => a.from.role === 'bot'));
    expect(welcome.text).toBeTruthy();
    const { conversationId, token } = dl as unknown as { conversationId: string; token: string };
    const auth = { authorization: `Bearer ${token}` };
    // A second stream read frame by frame (the client library re-orders what it emits a little).
    const frames: Activity[][] = [];
    const rawStream = new WebSocket(`${served.base.replace('http', 'ws')}/v3/directline/conversations/${conversationId}/stream?t=${token}`);
    rawStream.on('message', (d) => frames.push((JSON.parse(String(d)) as { activities: Activity[] }).activities));
    const post = (p: Pinned, text: string) =>
      p.call<{ id: string }>('POST', `/v3/directline/conversations/${conversationId}/activities`, { type: 'message', from: { id: 'burger' }, text }, auth);

    // The console's live inbox, also on whichever worker.
    const session = await w1.call<{ token: string; csrfToken: string }>('POST', '/api/v1/auth/login', { username: served.login.user, password: served.login.password });
    expect(session.status).toBe(200);
    const events: Array<{ type: string; handoff?: { id: string }; activity?: Activity }> = [];
    const console = new WebSocket(`${served.base.replace('http', 'ws')}/api/v1/events?token=${session.json.token}`);
    console.on('message', (d) => events.push(JSON.parse(String(d))));
    await eventually(() => events.find((e) => e.type === 'hello'));

    // A question through each worker: both answers arrive on the stream.
    for (const [p, text] of [[w1, 'wat zijn jullie openingstijden'], [w2, 'wat zijn jullie openingstijden?']] as const) {
      const r = await post(p, text);
      expect(r.status).toBe(200);
      const at = await eventually(() => {
        const i = seen.findIndex((a) => a.id === r.json.id);
        return i >= 0 ? i + 1 : 0;
      });
      await eventually(() => seen.slice(at).find((a) => a.from.role === 'bot'));
    }

    // Asking for a person through worker 2: the console hears of it, wherever it is connected.
    await post(w2, 'ik wil een medewerker spreken');
    const queued = await eventually(() => events.find((e) => e.type === 'handoff.queued'));
    const handoffId = queued.handoff!.id;
    const as = { authorization: `Bearer ${session.json.token}` };
    // Claimed through worker 1, answered through worker 2.
    expect((await w1.call('POST', `/api/v1/handoffs/${handoffId}/claim`, {}, as)).status).toBe(200);
    await eventually(() => events.find((e) => e.type === 'handoff.active'));
    expect((await w2.call('POST', `/api/v1/handoffs/${handoffId}/messages`, { text: 'Goedemiddag, u spreekt met Anna.' }, as)).status).toBeLessThan(300);
    await eventually(() => seen.find((a) => a.text === 'Goedemiddag, u spreekt met Anna.'));
    // The citizen's answer, through worker 1, reaches the console as a message of that conversation.
    await post(w1, 'Dank u, ik heb een vraag over mijn vergunning.');
    await eventually(() => events.find((e) => e.type === 'message' && e.activity?.text === 'Dank u, ik heb een vraag over mijn vergunning.'));
    // Worker 1 last saw this conversation before the handoff (its cached row is stale); the eTag makes
    // it read the row again, and the assistant stays silent while a person holds the conversation.
    await new Promise((r) => setTimeout(r, 300));
    expect(frames.flat().at(-1)).toMatchObject({ text: 'Dank u, ik heb een vraag over mijn vergunning.', from: { role: 'user' } });

    // The stream sent every stored activity once, in order, without gaps (ids end in the seq).
    const seqs = frames.flat().map((a) => Number(a.id!.split('|')[1]));
    expect(seqs).toEqual(seqs.map((_, i) => i + 1));
    expect(new Set(seen.map((a) => a.id)).size).toBe(seqs.length);

    console.close();
    rawStream.close();
    dl.end();
    for (const p of workers.values()) p.agent.destroy();
  }, 60_000);

  it('replaces a worker that dies, and the new one serves the same conversations', async () => {
    // The primary's live children (zombies left out), with what they run, for the message below.
    const children = () =>
      readdirSync('/proc').filter((d) => /^\d+$/.test(d)).flatMap((d) => {
        try {
          const stat = readFileSync(`/proc/${d}/stat`, 'utf8');
          const [state, ppid] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
          if (Number(ppid) !== served.child.pid || state === 'Z') return [];
          return [{ pid: Number(d), cmd: readFileSync(`/proc/${d}/cmdline`, 'utf8').replace(/\0/g, ' ').trim() }];
        } catch {
          return [];
        }
      });
    // A child between fork and exec still shows the primary's command line: it is no worker yet (and a
    // worker started without the server's V8 flags would look the same, so it never counts).
    const primaryCmd = readFileSync(`/proc/${served.child.pid}/cmdline`, 'utf8').replace(/\0/g, ' ').trim();
    const workerPids = () => children().filter((c) => c.cmd.includes('bin/loket.js') && c.cmd !== primaryCmd).map((c) => c.pid);
    // No worker may have died so far (the primary logs each replacement).
    expect(served.stderr()).not.toContain('a worker stopped');
    const before = await eventually(() => (workerPids().length === 2 ? workerPids() : null), 10_000)
      .catch(() => expect.fail(`children: ${JSON.stringify(children())}\nprimary's stderr: ${served.stderr()}`));
    process.kill(before[0]!, 'SIGKILL');
    const after = await eventually(() => {
      const now = workerPids();
      return now.length === 2 && !now.includes(before[0]!) ? now : null;
    }, 60_000);
    expect(after).toContain(before[1]);
    // The primary was started without the server's V8 flags; every worker it forks, the new one too, runs with them.
    for (const c of children().filter((c) => after.includes(c.pid))) for (const flag of SERVER_NODE_FLAGS) expect(c.cmd).toContain(flag);
    // Both instances answer again, and a conversation started earlier goes on through either.
    const workers = await eventually(async () => {
      const w = await oneConnectionPerWorker();
      return w.size === 2 ? w : null;
    }, 60_000);
    const open = await workers.get(1)!.call<{ conversationId: string; token: string }>('POST', '/v3/directline/conversations');
    for (const p of workers.values()) {
      const r = await p.call<{ id: string }>('POST', `/v3/directline/conversations/${open.json.conversationId}/activities`, { type: 'message', from: { id: 'burger' }, text: 'wat zijn jullie openingstijden' }, { authorization: `Bearer ${open.json.token}` });
      expect(r.status).toBe(200);
      p.agent.destroy();
    }
  }, 120_000);

  it('stops every worker on SIGTERM, and the transcript is all in the file', async () => {
    served.child.kill('SIGTERM');
    expect(await served.exited, served.stderr()).toBe(0);
    const store = openSqliteStore(dbFile);
    try {
      const n = (store.raw as import('better-sqlite3').Database).prepare('SELECT count(*) AS n FROM activities').get() as { n: number };
      expect(n.n).toBeGreaterThan(8);
    } finally {
      await store.close();
    }
  }, 30_000);
});
