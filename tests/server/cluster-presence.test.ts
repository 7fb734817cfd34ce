/**
 * `loket serve` with LOKET_WORKERS=2: who is at work is seen by both workers (src/handoff/shared-presence.ts
 * over the cluster link). Consoles are real events sockets held by worker 1; the citizens' chats go
 * through keep-alive connections pinned to worker 2. A short grace and heartbeat (settings) keep it quick.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { tempDir } from '../support/loket.ts';
import { connectionTo as connectionToBase, serveWorkers, type Pinned, type ServedWorkers } from '../support/workers.ts';
import { eventually } from '../support/eventually.ts';

const GRACE_SECONDS = 1;
const HEARTBEAT_SECONDS = 0.2;

const dbFile = join(tempDir(), 'loket.db');
let served: ServedWorkers;
const connectionTo = (instance: number): Promise<Pinned> => connectionToBase(served.base, instance);

/** A console's events socket held by worker `instance`: the upgrade goes over a connection known to reach it. */
async function consoleOn(instance: number, token: string): Promise<{ ws: WebSocket; closed: Promise<void> }> {
  const p = await connectionTo(instance);
  const ws = new WebSocket(`${served.base.replace('http', 'ws')}/api/v1/events?token=${token}`, { agent: p.agent });
  const closed = new Promise<void>((r) => ws.once('close', () => r()));
  await new Promise<void>((resolve, reject) => {
    ws.on('message', (d) => {
      if ((JSON.parse(String(d)) as { type: string }).type === 'hello') resolve();
    });
    ws.once('error', reject);
  });
  return { ws, closed };
}

type Activity = { type: string; text?: string; from: { id: string } };

/** A citizen's web conversation, every request through `p`. */
async function citizenOn(p: Pinned) {
  const open = await p.call<{ conversationId: string; token: string }>('POST', '/v3/directline/conversations');
  const { conversationId, token } = open.json;
  const auth = { authorization: `Bearer ${token}` };
  let watermark = 0;
  const bot = async () => {
    const { json } = await p.call<{ activities: Activity[] }>('GET', `/v3/directline/conversations/${conversationId}/activities`, undefined, auth);
    return json.activities.filter((a) => a.type === 'message' && a.from.id !== 'burger').map((a) => a.text ?? '');
  };
  return {
    /** Says `text` and returns all the bot said since the last `say` or `news`. */
    async say(text: string) {
      await p.call('POST', `/v3/directline/conversations/${conversationId}/activities`, { type: 'message', from: { id: 'burger' }, text }, auth);
      return this.news();
    },
    async news() {
      const all = await bot();
      const fresh = all.slice(watermark);
      watermark = all.length;
      return fresh.join(' ');
    },
  };
}

/** The pid of worker `instance` (the primary gives each LOKET_INSTANCE in its environment). */
function workerPid(instance: number): number {
  for (const d of readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    try {
      const stat = readFileSync(`/proc/${d}/stat`, 'utf8');
      if (Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) !== served.child.pid) continue;
      if (readFileSync(`/proc/${d}/environ`, 'utf8').split('\0').includes(`LOKET_INSTANCE=${instance}`)) return Number(d);
    } catch {
      // gone meanwhile
    }
  }
  throw new Error(`no worker ${instance}`);
}

beforeAll(async () => {
  served = await serveWorkers(dbFile, { LOKET_PRESENCE_GRACE_SECONDS: String(GRACE_SECONDS), LOKET_PRESENCE_HEARTBEAT_SECONDS: String(HEARTBEAT_SECONDS) });
}, 180_000);

afterAll(async () => {
  await served.stop();
});

describe('caseworkers at work, seen by every worker', () => {
  it('counts consoles on worker 1 for citizens on worker 2, tells the wait once, and lets the caseworkers of a worker that died or hangs go after the grace', async () => {
    const w1 = await connectionTo(1);
    const w2 = await connectionTo(2);
    const login = async (username: string, password: string) =>
      (await w1.call<{ token: string }>('POST', '/api/v1/auth/login', { username, password })).json.token;
    const adminToken = await login(served.login.user, served.login.password);
    const created = await w1.call('POST', '/api/v1/users', { username: 'bram', password: 'bram-password-1', name: 'Bram Jansen', role: 'caseworker', teams: ['klantcontact'] }, { authorization: `Bearer ${adminToken}` });
    expect(created.status).toBe(201);
    const bramToken = await login('bram', 'bram-password-1');

    // Nobody at work in any worker: no minutes promised, and a call back offered.
    const first = await citizenOn(w2);
    expect(await first.say('ik wil een medewerker spreken')).toContain('Op dit moment is er geen medewerker vrij.');

    // Two caseworkers come to work on worker 1: the citizen on worker 2 hears the wait, once.
    const consoles = [await consoleOn(1, adminToken), await consoleOn(1, bramToken)];
    const staffed = 'Er is nu een medewerker aan het werk. U bent nummer 1 in de wachtrij. Het duurt ongeveer 4 minuten.';
    let told = '';
    await eventually(async () => (told += await first.news()).includes(staffed));
    await new Promise((r) => setTimeout(r, 500));
    told += await first.news();
    expect(told.split(staffed)).toHaveLength(2);

    // Worker 2 counts both: the second in line is answered in the first round.
    const second = await citizenOn(w2);
    expect(await second.say('ik wil een medewerker spreken')).toContain('U bent nummer 2. Het duurt ongeveer 4 minuten.');

    const wait = () => new Promise((r) => setTimeout(r, GRACE_SECONDS * 1000 + 3 * HEARTBEAT_SECONDS * 1000));
    const asksPerson = async () => (await citizenOn(w2)).say('ik wil een medewerker spreken');
    const worker1 = workerPid(1);

    // Worker 1 hangs (stopped, not exited: the primary sees nothing): after 3 missed heartbeats its
    // consoles count as closed when it was last heard, and once the grace from then has passed, nobody is at work.
    const third = await citizenOn(w2);
    process.kill(worker1, 'SIGSTOP');
    try {
      await wait();
      expect(await third.say('ik wil een medewerker spreken')).toContain('Op dit moment is er geen medewerker vrij.');
    } finally {
      process.kill(worker1, 'SIGCONT');
    }
    // Heard again at its next heartbeat: the third citizen hears the wait (worker 2 heard of the
    // arrival), and both count (the fourth in line waits 8 minutes, not 16).
    await eventually(async () => /Er is nu een medewerker aan het werk. U bent nummer 3 in de wachtrij/.test(await third.news()));
    expect(await asksPerson()).toContain('U bent nummer 4. Het duurt ongeveer 8 minuten.');

    // Worker 1 is killed: its consoles' sockets close with it, and nobody tells worker 2 they left. The
    // primary says it exited; once the grace since it was last heard has passed, they no longer count.
    process.kill(worker1, 'SIGKILL');
    await Promise.all(consoles.map((c) => c.closed));
    await wait();
    expect(await asksPerson()).toContain('Op dit moment is er geen medewerker vrij.');

    for (const p of [w1, w2]) p.agent.destroy();
  }, 90_000);
});
