/** Queue order and what the citizen is told about it. Pure functions over handoffs. */
import type { Handoff } from './types.ts';

/** Priority first (1 = most urgent), then who waited longest. */
export function byQueueOrder(a: Handoff, b: Handoff): number {
  return a.priority - b.priority || a.queuedAt.localeCompare(b.queuedAt) || a.id.localeCompare(b.id);
}

/** Handoffs waiting now (a callback scheduled for later is not waiting yet). */
export function waiting(handoffs: Handoff[], now: string): Handoff[] {
  return handoffs.filter((h) => h.state === 'queued' && (!h.callback || h.callback.notBefore <= now)).sort(byQueueOrder);
}

export interface QueuePlace {
  /** 1 = next in line. */
  position: number;
  /** Rough minutes until a person answers. */
  estimatedMinutes: number;
}

/**
 * Rough minutes until a person answers the citizen at `position` (1 = next), with `present`
 * caseworkers of the team at work (presence.ts): they answer side by side, so the citizen waits for
 * ceil(position / present) rounds. Nobody present counts as one here; the citizen is then told that
 * nobody is free instead of minutes (queue-told.ts). null (not known, presence.ts): one at a time.
 */
export const estimateMinutes = (position: number, minutesPerCitizen: number, present: number | null): number =>
  Math.max(1, Math.round(Math.ceil(position / Math.max(1, present ?? 1)) * minutesPerCitizen));

/** Where `id` stands in its team's queue, with `present` caseworkers of that team at work. */
export function placeOf(id: string, handoffs: Handoff[], now: string, minutesPerCitizen: number, present: number | null): QueuePlace | null {
  const me = handoffs.find((h) => h.id === id);
  if (!me) return null;
  const line = waiting(handoffs.filter((h) => h.team === me.team), now);
  const index = line.findIndex((h) => h.id === id);
  if (index < 0) return null;
  return { position: index + 1, estimatedMinutes: estimateMinutes(index + 1, minutesPerCitizen, present) };
}

/** Moved back at least three places (others who need help first came in): worth saying, so the wait told is not a promise broken. */
export function movedBack(before: QueuePlace, after: QueuePlace): boolean {
  return after.position - before.position >= 3;
}

/** Worth telling the citizen again: moved up at least two places, or to the front. */
export function changedMeaningfully(before: QueuePlace, after: QueuePlace): boolean {
  return after.position === 1 ? before.position !== 1 : before.position - after.position >= 2;
}

/** Seconds since the handoff (last) entered the queue. */
export const waitedSeconds = (h: Handoff, now: string): number =>
  Math.max(0, Math.round((Date.parse(now) - Date.parse(h.queuedAt)) / 1000));
