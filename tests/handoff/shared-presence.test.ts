/**
 * sharedPresence: who is at work, as several processes see it together (LOKET_WORKERS). The link is
 * an in-memory hub that does what the cluster primary does (src/server/cluster.ts): relay each
 * process's desks to the others, keep the last ones for a process that asks, say when one exited.
 * The real primary, with real worker processes and console sockets, is in tests/server/cluster-presence.test.ts.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { Presence } from '../../src/handoff/presence.ts';
import { sharedPresence, type Desk, type PresenceLink } from '../../src/handoff/shared-presence.ts';

type Listener = Parameters<PresenceLink['listen']>[0];

/** Processes joined like the primary joins workers; `now` is everyone's clock. */
function hub() {
  let t = 1_000_000;
  const listeners = new Map<string, Listener>();
  const last = new Map<string, Desk[]>();
  /** Set to false to stop a process's messages reaching the others (a worker that hangs). */
  const heard = new Map<string, boolean>();
  const linkOf = (id: string): PresenceLink => ({
    send(desks) {
      if (heard.get(id) === false) return;
      last.set(id, desks);
      for (const [other, l] of listeners) if (other !== id) l.desks(id, desks, 0);
    },
    listen(listener) {
      listeners.set(id, listener);
      for (const [from, desks] of last) if (from !== id) listener.desks(from, desks, 0);
      listener.synced();
      return () => listeners.delete(id);
    },
  });
  const started: Presence[] = [];
  return {
    now: () => t,
    advance(ms: number) {
      t += ms;
    },
    /** A process; heartbeats are long, so only changes are told unless a test says otherwise. */
    start(id: string, opts: { graceMs?: number; heartbeatMs?: number; partial?: boolean } = {}) {
      const p = sharedPresence({ link: linkOf(id), graceMs: 60_000, heartbeatMs: 5_000, now: () => t, ...opts });
      started.push(p);
      return p;
    },
    /** The process exits: the others hear it, as the primary tells them. */
    exit(id: string) {
      heard.set(id, false);
      last.delete(id);
      listeners.delete(id);
      for (const l of listeners.values()) l.desks(id, null, 0);
    },
    hang(id: string) {
      heard.set(id, false);
    },
    resume(id: string) {
      heard.set(id, true);
    },
    stop: () => started.forEach((p) => p.stop()),
  };
}

let h: ReturnType<typeof hub>;
afterEach(() => h?.stop());

const anna = { username: 'anna', teams: ['klantcontact'] };
const bram = { username: 'bram', teams: ['klantcontact', 'parkeren'] };

describe('sharedPresence', () => {
  it('counts a caseworker whose console is open in another process, once however many sockets', async () => {
    h = hub();
    const a = h.start('a');
    const b = h.start('b');
    await a.arrive(anna, 's1');
    await b.arrive(anna, 's2');
    await b.arrive(bram, 's3');
    expect([await a.count('klantcontact'), await b.count('klantcontact'), await a.count('parkeren'), await a.count('belastingen'), await a.count()]).toEqual([2, 2, 1, 0, 2]);
  });

  it('tells of an arrival in every process that sees it, once, and not when another process already had that caseworker', async () => {
    h = hub();
    const a = h.start('a');
    const b = h.start('b');
    const arrived: string[] = [];
    a.onArrive((u) => arrived.push(`a:${u.username}`));
    b.onArrive((u) => arrived.push(`b:${u.username}`));
    await a.arrive(anna, 's1');
    await b.arrive(anna, 's2');
    await b.arrive(bram, 's3');
    // Heartbeats about who is there already are no arrival.
    await a.arrive(anna, 's4');
    expect(arrived.sort()).toEqual(['a:anna', 'a:bram', 'b:anna', 'b:bram']);
  });

  it('tells of the caseworkers of a process that hung once it is heard again', async () => {
    h = hub();
    const a = h.start('a', { graceMs: 1_000 });
    const b = h.start('b', { graceMs: 1_000 });
    await a.arrive(anna, 's1');
    const arrived: string[] = [];
    b.onArrive((u) => arrived.push(u.username));
    h.hang('a');
    h.advance(20_000);
    expect(await b.count('klantcontact')).toBe(0);
    h.resume('a');
    await a.arrive(anna, 's1'); // any change or heartbeat of a's
    expect([await b.count('klantcontact'), arrived]).toEqual([1, ['anna']]);
  });

  it('keeps a caseworker at work through a reload that lands on another process, and lets them go after the grace', async () => {
    h = hub();
    const a = h.start('a');
    const b = h.start('b');
    await a.arrive(anna, 's1');
    const arrived: string[] = [];
    for (const p of [a, b]) p.onArrive((u) => arrived.push(u.username));
    await a.leave('anna', 's1');
    h.advance(59_000);
    expect(await b.count('klantcontact')).toBe(1);
    await b.arrive(anna, 's2');
    expect(arrived).toEqual([]);
    h.advance(2_000);
    expect([await a.count('klantcontact'), await b.count('klantcontact')]).toEqual([1, 1]);
    await b.leave('anna', 's2');
    h.advance(59_000);
    expect(await a.count('klantcontact')).toBe(1);
    h.advance(2_000);
    expect([await a.count('klantcontact'), await b.count('klantcontact')]).toEqual([0, 0]);
  });

  it('counts the caseworkers of a process that exited until the grace after it was last heard', async () => {
    h = hub();
    const a = h.start('a');
    const b = h.start('b');
    await a.arrive(anna, 's1');
    h.advance(10_000);
    h.exit('a');
    expect(await b.count('klantcontact')).toBe(1);
    h.advance(50_001);
    expect(await b.count('klantcontact')).toBe(0);
  });

  it('takes a process that stops telling as gone after 3 missed heartbeats; with a short grace, then', async () => {
    h = hub();
    const a = h.start('a', { graceMs: 1_000 });
    const b = h.start('b', { graceMs: 1_000 });
    await a.arrive(anna, 's1');
    h.hang('a');
    h.advance(15_000);
    expect(await b.count('klantcontact')).toBe(1);
    h.advance(1);
    expect(await b.count('klantcontact')).toBe(0);
  });

  it('keeps counting a process that keeps telling (heartbeats on a real timer)', async () => {
    h = hub();
    const a = h.start('a', { heartbeatMs: 20 });
    const b = h.start('b', { heartbeatMs: 20 });
    await a.arrive(anna, 's1');
    // Far past 3 heartbeats and the grace since the arrival, but heard from meanwhile.
    await new Promise((r) => setTimeout(r, 30));
    h.advance(120_000);
    await new Promise((r) => setTimeout(r, 50));
    expect(await b.count('klantcontact')).toBe(1);
  });

  it('learns who is at work elsewhere when it starts, and says not known until it has heard', async () => {
    h = hub();
    const a = h.start('a');
    await a.arrive(anna, 's1');
    const late = h.start('late');
    expect(await late.count('klantcontact')).toBe(1);
    // A link that has not answered yet: not known (null) rather than nobody, for 3 heartbeats.
    const silent = sharedPresence({ link: { send() {}, listen: () => () => {} }, heartbeatMs: 5_000, now: h.now });
    expect(await silent.count('klantcontact')).toBeNull();
    h.advance(15_001);
    expect(await silent.count('klantcontact')).toBe(0);
    silent.stop();
  });

  it('says null when caseworkers are also in Slack, and still tells arrivals', async () => {
    h = hub();
    const a = h.start('a', { partial: true });
    const arrived: string[] = [];
    a.onArrive((u) => arrived.push(u.username));
    await a.arrive(anna, 's1');
    expect([await a.count('klantcontact'), arrived]).toEqual([null, ['anna']]);
  });
});
