/**
 * Which caseworkers are at work now, per team, so the wait a citizen is told counts the people who can
 * answer (queue.ts estimateMinutes). A caseworker with an open console event socket
 * (src/caseworker/events-ws.ts) is present; when their last socket closes they are gone after a
 * grace, so a page reload does not make the team empty for a moment.
 *
 * Behind this interface so that several instances can later keep it in the database (one row per
 * socket with a heartbeat). `sharedPresence` (shared-presence.ts) is the one implementation: the
 * workers of `LOKET_WORKERS` tell each other their desks over the cluster link; `memoryPresence` is
 * that for a process alone.
 *
 *     const presence = memoryPresence();
 *     await presence.arrive({ username: 'anna', teams: ['klantcontact'] }, socketId);
 *     await presence.count('klantcontact'); // 1
 */
import { sharedPresence, type PresenceLink } from './shared-presence.ts';

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
   * cannot see every desk (caseworkers in Slack, or a worker that has not heard the others yet), so
   * the wait is told as before, without counting people, and never as "nobody is free".
   */
  count(team?: string): Promise<number | null>;
  /**
   * Calls `listener` when someone becomes present as this process sees it (not when a socket reopens
   * within the grace; with several processes, also when it hears of an arrival in another).
   */
  onArrive(listener: (user: PresentCaseworker) => void): () => void;
  /** Ends the grace timers (the server closes). */
  stop(): void;
}

export { PRESENCE_GRACE_MS } from './shared-presence.ts';

/** A process on its own: it hears of no other, and has heard all there is. */
const ALONE: PresenceLink = {
  send() {},
  listen(listener) {
    listener.synced();
    return () => {};
  },
};

/**
 * This process's consoles only: the shared presence of a process alone. `partial`: they are not all
 * the desks there are (a Slack channel is on, or an instance not linked to the others): count says
 * null, and the arrivals are still told.
 */
export function memoryPresence(opts: { graceMs?: number; partial?: boolean } = {}): Presence {
  return sharedPresence({ link: ALONE, heartbeatMs: 0, ...opts });
}
