/**
 * Which caseworkers are at work now, per team, so the wait a citizen is told counts the people who can
 * answer (queue.ts estimateMinutes). A caseworker with an open console event socket
 * (src/caseworker/events-ws.ts) is present; when their last socket closes they are gone after a
 * grace, so a page reload does not make the team empty for a moment.
 *
 * Behind this interface so that several instances can later keep it in the database (one row per
 * socket with a heartbeat); `memoryPresence` is this process's own.
 *
 *     const presence = memoryPresence();
 *     await presence.arrive({ username: 'anna', teams: ['klantcontact'] }, socketId);
 *     await presence.count('klantcontact'); // 1
 */

export interface PresentCaseworker {
  username: string;
  teams: readonly string[];
}

export interface Presence {
  /** A console socket of `user` opened (`socket`: an id of that socket, unique per instance). */
  arrive(user: PresentCaseworker, socket: string): Promise<void>;
  /** That socket closed; the caseworker is gone after the grace when it was their last. */
  leave(username: string, socket: string): Promise<void>;
  /**
   * Caseworkers present in `team`; all present caseworkers when no team is named. null: this presence
   * cannot see every desk (caseworkers in Slack, or consoles on another worker process), so the wait
   * is told as before, without counting people, and never as "nobody is free".
   */
  count(team?: string): Promise<number | null>;
  /** Calls `listener` when someone becomes present (not when a socket reopens within the grace). */
  onArrive(listener: (user: PresentCaseworker) => void): () => void;
  /** Ends the grace timers (the server closes). */
  stop(): void;
}

/** Long enough for a reload or a short network drop, short enough that an empty desk shows soon. */
export const PRESENCE_GRACE_MS = 60_000;

interface Entry {
  user: PresentCaseworker;
  sockets: Set<string>;
  leaving: NodeJS.Timeout | null;
}

/**
 * `partial`: the consoles of this process are not all the desks there are (a Slack channel is on, or
 * this is one of several workers): count says null, and the arrivals are still told.
 */
export function memoryPresence(opts: { graceMs?: number; partial?: boolean } = {}): Presence {
  const graceMs = opts.graceMs ?? PRESENCE_GRACE_MS;
  const present = new Map<string, Entry>();
  const listeners = new Set<(user: PresentCaseworker) => void>();

  return {
    async arrive(user, socket) {
      const known = present.get(user.username);
      if (known) {
        if (known.leaving) clearTimeout(known.leaving);
        known.leaving = null;
        known.sockets.add(socket);
        // Teams edited by an admin meanwhile count from this socket on.
        known.user = user;
        return;
      }
      present.set(user.username, { user, sockets: new Set([socket]), leaving: null });
      for (const l of listeners) l(user);
    },
    async leave(username, socket) {
      const entry = present.get(username);
      if (!entry || !entry.sockets.delete(socket) || entry.sockets.size > 0) return;
      entry.leaving = setTimeout(() => {
        if (entry.sockets.size === 0) present.delete(username);
      }, graceMs);
      entry.leaving.unref();
    },
    async count(team) {
      if (opts.partial) return null;
      let n = 0;
      for (const { user } of present.values()) if (team === undefined || user.teams.includes(team)) n++;
      return n;
    },
    onArrive(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    stop() {
      for (const e of present.values()) if (e.leaving) clearTimeout(e.leaving);
      present.clear();
      listeners.clear();
    },
  };
}
