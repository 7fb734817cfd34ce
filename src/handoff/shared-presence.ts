/**
 * Presence that several processes share (`LOKET_WORKERS`, src/server/cluster.ts): each keeps its own
 * consoles' sockets and tells the others its desks, on every change and as a heartbeat. A caseworker
 * counts once, wherever their sockets are; the grace after the last socket holds across processes (a
 * reload that lands on another worker is no absence). `onArrive` is called in each process that sees
 * someone come to work: the one their console opened in, and each other one when it hears of them.
 * Each then tells the waiting citizens the wait (queue-told.ts); a handoff's versioned write lets one
 * of them through, so a citizen hears it once. That a process reacts to what it hears, not only to
 * its own consoles, is what tells a citizen it had just told "nobody is free" before it heard of an
 * arrival elsewhere, or after a hung worker came back.
 *
 * A process that exits (the cluster primary says so) or stops sending heartbeats (3 missed) is taken
 * as gone at the moment it was last heard: its caseworkers' sockets count as closed then, so they stay
 * present for the grace after that moment and no longer. With the defaults (heartbeat 5 s, grace
 * 60 s) a dead worker's caseworkers count at most 60 s after its last heartbeat; with a grace shorter
 * than 3 heartbeats, at most 3 heartbeats. Their consoles reconnect meanwhile, to a worker that lives.
 *
 *     const presence = sharedPresence({ link: linkPresenceToCluster() });
 *     await presence.arrive({ username: 'anna', teams: ['klantcontact'] }, socketId);
 *     await presence.count('klantcontact'); // 1, in every worker
 */
import type { Presence, PresentCaseworker } from './presence.ts';

/** Long enough for a reload or a short network drop, short enough that an empty desk shows soon. */
export const PRESENCE_GRACE_MS = 60_000;

/** One caseworker as a process tells the others: a socket open (`graceLeftMs: null`), or all closed and the grace left. */
export interface Desk {
  username: string;
  teams: readonly string[];
  graceLeftMs: number | null;
}

/** How processes hear each other's desks (the cluster IPC in src/server/cluster.ts; later a database). */
export interface PresenceLink {
  /** Tells the other processes all of this one's desks now. */
  send(desks: Desk[]): void;
  /**
   * Starts listening: `desks` with another process's desks (null: that process exited) as they were
   * `ageMs` ago, `synced` once this process has heard the last desks of every other. Returns the
   * function that stops listening.
   */
  listen(listener: { desks(from: string, desks: Desk[] | null, ageMs: number): void; synced(): void }): () => void;
}

export interface SharedPresenceOptions {
  link: PresenceLink;
  /** After a caseworker's last socket closed (default PRESENCE_GRACE_MS). */
  graceMs?: number;
  /** How often this process tells its desks even when nothing changed (default PRESENCE_HEARTBEAT_MS; 0: never, a process alone). */
  heartbeatMs?: number;
  /** Not every desk is seen (caseworkers also in Slack): count says null, arrivals are still told. */
  partial?: boolean;
  /** Milliseconds now (tests). */
  now?: () => number;
}

/** Each process tells its desks at least this often. */
export const PRESENCE_HEARTBEAT_MS = 5_000;
/** Heartbeats a process may miss before its desks are taken as closed. */
export const PRESENCE_MISSED_HEARTBEATS = 3;

interface LocalDesk {
  user: PresentCaseworker;
  sockets: Set<string>;
  /** When the last socket closed; null while one is open. */
  leftAt: number | null;
}

interface Remote {
  heardAt: number;
  exited: boolean;
  /** `until`: when the grace ends, in this process's time; null: a socket is open there. */
  desks: Array<{ user: PresentCaseworker; until: number | null }>;
}

export function sharedPresence(opts: SharedPresenceOptions): Presence {
  const now = opts.now ?? Date.now;
  const graceMs = opts.graceMs ?? PRESENCE_GRACE_MS;
  const heartbeatMs = opts.heartbeatMs ?? PRESENCE_HEARTBEAT_MS;
  const silentMs = PRESENCE_MISSED_HEARTBEATS * heartbeatMs;
  const local = new Map<string, LocalDesk>();
  const remote = new Map<string, Remote>();
  const listeners = new Set<(user: PresentCaseworker) => void>();
  const startedAt = now();
  let synced = false;

  const isHeard = (r: Remote, t: number) => !r.exited && t - r.heardAt <= silentMs;
  /** Until when a remote desk counts: an open socket while its process is heard, else the grace from its last word. */
  const until = (r: Remote, d: Remote['desks'][number], t: number) => d.until ?? (isHeard(r, t) ? Infinity : r.heardAt + graceMs);

  /** Everyone present in any process, by username, with their teams; forgets who is gone for good. */
  function present(): Map<string, Set<string>> {
    const t = now();
    const out = new Map<string, Set<string>>();
    const add = (user: PresentCaseworker) => {
      const teams = out.get(user.username) ?? new Set<string>();
      for (const team of user.teams) teams.add(team);
      out.set(user.username, teams);
    };
    dropGone(t);
    for (const d of local.values()) add(d.user);
    for (const [from, r] of remote) {
      const left = r.desks.filter((d) => t < until(r, d, t));
      left.forEach((d) => add(d.user));
      if (left.length === 0 && !isHeard(r, t)) remote.delete(from);
    }
    return out;
  }

  /** Forgets this process's desks whose grace has passed. */
  function dropGone(t: number): void {
    for (const [username, d] of local) if (d.leftAt !== null && t >= d.leftAt + graceMs) local.delete(username);
  }

  function tell(): void {
    const t = now();
    dropGone(t);
    opts.link.send([...local.values()].map((d) => ({
      username: d.user.username,
      teams: d.user.teams,
      graceLeftMs: d.leftAt === null ? null : d.leftAt + graceMs - t,
    })));
  }

  const unlisten = opts.link.listen({
    desks(from, desks, ageMs) {
      const t = now() - ageMs;
      if (desks === null) {
        const r = remote.get(from);
        if (r) r.exited = true;
        return;
      }
      const before = present();
      remote.set(from, {
        heardAt: t,
        exited: false,
        desks: desks.map((d) => ({ user: { username: d.username, teams: d.teams }, until: d.graceLeftMs === null ? null : t + d.graceLeftMs })),
      });
      const after = present();
      const arrived = desks.filter((d) => !before.has(d.username) && after.has(d.username));
      for (const d of arrived) for (const l of listeners) l({ username: d.username, teams: d.teams });
    },
    synced() {
      synced = true;
    },
  });
  // A process alone (heartbeatMs 0) has nobody to tell.
  const heartbeat = heartbeatMs > 0 ? setInterval(tell, heartbeatMs) : null;
  heartbeat?.unref();
  tell();

  return {
    async arrive(user, socket) {
      const wasPresent = present().has(user.username);
      const known = local.get(user.username);
      if (known) {
        known.sockets.add(socket);
        known.leftAt = null;
        // Teams edited by an admin meanwhile count from this socket on.
        known.user = user;
      } else {
        local.set(user.username, { user, sockets: new Set([socket]), leftAt: null });
      }
      tell();
      if (!wasPresent) for (const l of listeners) l(user);
    },
    async leave(username, socket) {
      const d = local.get(username);
      if (!d || !d.sockets.delete(socket) || d.sockets.size > 0) return;
      d.leftAt = now();
      tell();
    },
    async count(team) {
      // Not heard from the others yet (a worker just started): not known, rather than nobody.
      if (opts.partial || (!synced && now() - startedAt < silentMs)) return null;
      let n = 0;
      for (const teams of present().values()) if (team === undefined || teams.has(team)) n++;
      return n;
    },
    onArrive(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    stop() {
      if (heartbeat) clearInterval(heartbeat);
      unlisten();
      local.clear();
      remote.clear();
      listeners.clear();
    },
  };
}
