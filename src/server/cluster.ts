/**
 * Several Loket processes on one machine (`LOKET_WORKERS=N`): node:cluster workers share the port
 * and the SQLite file (WAL lets them read while one writes; a stale cached row is caught by the
 * eTag in the commit and the turn runs again on the fresh row, pipeline.ts). One Node process uses
 * one core for JavaScript; these use them all.
 *
 * The primary prepares the store once (schema, demo data, secrets, the first caseworker account,
 * the trained NLU model), prints the start-up lines, forks the workers and replaces one that dies.
 * It also links their event buses: a worker publishes handoff events to all, and a conversation's
 * activities to the workers that watch that conversation (a citizen's stream, a console's inbox),
 * so a caseworker's reply handled by one worker reaches the chat held open by another.
 *
 * And it relays which caseworkers each worker has at work (src/handoff/shared-presence.ts): it keeps
 * every worker's last desks, hands them to a worker that asks (a new one), and says when a worker
 * exited, so its caseworkers do not count for longer than the grace.
 *
 * Message protocol (JSON over the cluster IPC channel, all tagged `loket`):
 *   worker → primary  {loket:'event', name, payload}   {loket:'interest', conversationId, on}
 *                     {loket:'desks', desks}            {loket:'desks-sync'}
 *   primary → worker  {loket:'event', name, payload}   {loket:'watchers', conversationId, workers}
 *                     {loket:'desks', from, desks}      {loket:'desks-synced'}
 * `from` is the worker's process id (an instance number is reused by the worker that replaces a dead
 * one); `desks: null` says that process exited; `ageMs`: how long ago the primary heard those desks
 * (sent to a worker that asks; none when relayed at once).
 * Each worker learns its number from LOKET_INSTANCE in its environment.
 */
import cluster, { type Worker } from 'node:cluster';
import type { BusLink, EventBus, EventMap, EventName } from '../conversation/events.ts';
import type { Desk, PresenceLink } from '../handoff/shared-presence.ts';
import { missingServerFlags } from './node-flags.ts';

type FromWorker =
  | { loket: 'event'; name: EventName; payload: unknown }
  | { loket: 'interest'; conversationId: string; on: boolean }
  | { loket: 'desks'; desks: Desk[] }
  | { loket: 'desks-sync' };
type ToWorker =
  | { loket: 'event'; name: EventName; payload: unknown }
  | { loket: 'watchers'; conversationId: string; workers: number[] }
  | { loket: 'desks'; from: string; desks: Desk[] | null; ageMs?: number }
  | { loket: 'desks-synced' };

const isLoketMessage = (m: unknown): m is { loket: string } => typeof m === 'object' && m !== null && typeof (m as { loket?: unknown }).loket === 'string';

/**
 * Worker side: a message to the primary. While the worker stops, its channel may already be closed;
 * the callback keeps that from becoming an uncaught 'error' (Node's cluster ends a worker whose
 * primary is gone by itself).
 */
function toPrimary(channel: Pick<NodeJS.Process, 'send'>, m: FromWorker): void {
  channel.send?.(m, undefined, undefined, () => {});
}

/**
 * Worker side: connects `bus` to the other workers through the primary. Returns a function that
 * disconnects it (for shutdown).
 */
export function linkBusToCluster(bus: EventBus, instance: number, channel: Pick<NodeJS.Process, 'send' | 'on' | 'off'> = process): () => void {
  const watchers = new Map<string, number[]>();
  const send = (m: FromWorker) => toPrimary(channel, m);
  const link: BusLink = {
    publish<K extends EventName>(name: K, payload: EventMap[K]) {
      send({ loket: 'event', name, payload });
    },
    watchedElsewhere(conversationId) {
      const ws = watchers.get(conversationId);
      return ws !== undefined && ws.some((w) => w !== instance);
    },
    interest(conversationId, on) {
      send({ loket: 'interest', conversationId, on });
    },
  };
  const onMessage = (m: unknown) => {
    if (!isLoketMessage(m)) return;
    const msg = m as ToWorker;
    if (msg.loket === 'event') bus.receive(msg.name, msg.payload as never);
    else if (msg.loket === 'watchers') {
      if (msg.workers.length === 0) watchers.delete(msg.conversationId);
      else watchers.set(msg.conversationId, msg.workers);
    }
  };
  channel.on('message', onMessage);
  bus.connect(link);
  return () => channel.off('message', onMessage);
}

/**
 * Worker side: the caseworkers at work in the other workers, through the primary
 * (src/handoff/shared-presence.ts).
 */
export function linkPresenceToCluster(channel: Pick<NodeJS.Process, 'send' | 'on' | 'off'> = process): PresenceLink {
  return {
    send(desks) {
      toPrimary(channel, { loket: 'desks', desks });
    },
    listen(listener) {
      const onMessage = (m: unknown) => {
        if (!isLoketMessage(m)) return;
        const msg = m as ToWorker;
        if (msg.loket === 'desks') listener.desks(msg.from, msg.desks, msg.ageMs ?? 0);
        else if (msg.loket === 'desks-synced') listener.synced();
      };
      channel.on('message', onMessage);
      toPrimary(channel, { loket: 'desks-sync' });
      return () => channel.off('message', onMessage);
    },
  };
}

export interface PrimaryOptions {
  workers: number;
  /** Environment for every worker; each also gets LOKET_INSTANCE=1…N. */
  env?: Record<string, string>;
  /** NODE_OPTIONS as the config read it: server V8 flags named there are not added again. */
  nodeOptions?: string;
  log: { info(obj: unknown, msg?: string): void; error(obj: unknown, msg?: string): void };
  /** All workers are listening (once, at start). */
  onListening?(address: { address: string; port: number }): void;
}

export interface Primary {
  /** Stops every worker (SIGTERM, so each closes its store) and resolves when all have exited. */
  stop(): Promise<void>;
}

/** Primary side: forks the workers and relays between them. */
export function startPrimary(opts: PrimaryOptions): Primary {
  const byInstance = new Map<number, Worker>();
  const watchers = new Map<string, Set<number>>();
  /** Each live worker's last desks, by its process id. */
  const desks = new Map<string, { list: Desk[]; at: number }>();
  let stopping = false;
  let listening = 0;

  /**
   * Every message to a worker goes through here. A worker can die while a write to it is under way
   * (it still looks connected): the write then fails with EPIPE. Without a callback Node raises that
   * as an 'error' event, which nobody handles, and the primary with every worker would go down. The
   * worker's 'exit' tells the rest; the failed write only counts when we are not stopping.
   */
  const sendTo = (w: Worker, msg: ToWorker) => {
    if (!w.isConnected()) return;
    w.send(msg, (err: Error | null) => {
      if (err && !stopping && !w.isDead()) opts.log.error({ err, pid: w.process.pid }, 'could not send to a worker');
    });
  };
  const relay = (from: number, msg: ToWorker & { loket: 'event' }) => {
    // A conversation's activities go to the workers that watch it; other events to all.
    const to = msg.name === 'activities.appended' ? watchers.get((msg.payload as { conversationId: string }).conversationId) ?? new Set<number>() : null;
    for (const [n, w] of byInstance) if (n !== from && (!to || to.has(n))) sendTo(w, msg);
  };
  const relayDesks = (from: string, list: Desk[] | null) => {
    const msg: ToWorker = { loket: 'desks', from, desks: list };
    for (const w of byInstance.values()) if (String(w.process.pid) !== from) sendTo(w, msg);
  };
  const announce = (conversationId: string) => {
    const ws = [...(watchers.get(conversationId) ?? [])];
    const msg: ToWorker = { loket: 'watchers', conversationId, workers: ws };
    for (const w of byInstance.values()) sendTo(w, msg);
  };

  // Workers serve the turns: they run with the server's V8 flags even when the primary was started without them.
  const extraFlags = missingServerFlags(process.execArgv, opts.nodeOptions);
  if (extraFlags.length) cluster.setupPrimary({ execArgv: [...process.execArgv, ...extraFlags] });
  const fork = (instance: number) => {
    const worker = cluster.fork({ ...opts.env, LOKET_INSTANCE: String(instance) });
    byInstance.set(instance, worker);
    worker.on('message', (m: unknown) => {
      if (!isLoketMessage(m)) return;
      const msg = m as FromWorker;
      const pid = String(worker.process.pid);
      if (msg.loket === 'event') relay(instance, msg);
      else if (msg.loket === 'desks') {
        desks.set(pid, { list: msg.desks, at: Date.now() });
        relayDesks(pid, msg.desks);
      } else if (msg.loket === 'desks-sync') {
        // With their age: a worker that hangs must not look freshly heard to one that starts.
        for (const [from, d] of desks) if (from !== pid) sendTo(worker, { loket: 'desks', from, desks: d.list, ageMs: Date.now() - d.at });
        sendTo(worker, { loket: 'desks-synced' });
      } else if (msg.loket === 'interest') {
        let set = watchers.get(msg.conversationId);
        if (msg.on) {
          if (!set) watchers.set(msg.conversationId, (set = new Set()));
          set.add(instance);
        } else if (set) {
          set.delete(instance);
          if (set.size === 0) watchers.delete(msg.conversationId);
        }
        announce(msg.conversationId);
      }
    });
    worker.once('listening', (address) => {
      // A replacement worker learns who watches what.
      for (const [conversationId, set] of watchers) sendTo(worker, { loket: 'watchers', conversationId, workers: [...set] });
      if (++listening === opts.workers) opts.onListening?.({ address: address.address ?? '127.0.0.1', port: address.port });
    });
    // Any other trouble of the child process (a failed kill, say) is logged, never thrown.
    worker.on('error', (err) => {
      if (!stopping) opts.log.error({ err, instance }, 'a worker process reported an error');
    });
    worker.once('exit', (code, signal) => {
      if (byInstance.get(instance) === worker) byInstance.delete(instance);
      // When all are stopping there is nobody left to tell.
      if (stopping) return;
      // Its caseworkers' sockets closed with it: the others start their grace now.
      const pid = String(worker.process.pid);
      if (desks.delete(pid)) relayDesks(pid, null);
      // What the dead worker watched is no longer watched there.
      for (const [id, set] of watchers) if (set.delete(instance)) {
        if (set.size === 0) watchers.delete(id);
        announce(id);
      }
      opts.log.error({ instance, code, signal }, 'a worker stopped; starting a new one');
      fork(instance);
    });
  };

  for (let i = 1; i <= opts.workers; i++) fork(i);

  return {
    async stop() {
      stopping = true;
      await Promise.all([...byInstance.values()].map((w) => new Promise<void>((resolve) => {
        if (w.isDead()) return resolve();
        w.once('exit', () => resolve());
        w.process.kill('SIGTERM');
      })));
    },
  };
}
