/** Time and ids come in through these, so tests can fix them instead of sleeping. */
import { randomUUID } from 'node:crypto';

export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** A clock tests can move: `const c = fixedClock('2026-11-28T10:00:00Z'); c.advance(60_000)`. */
export function fixedClock(start: string | Date): Clock & { advance(ms: number): void; set(d: string | Date): void } {
  let t = new Date(start).getTime();
  return {
    now: () => new Date(t),
    advance: (ms) => {
      t += ms;
    },
    set: (d) => {
      t = new Date(d).getTime();
    },
  };
}

export type IdGenerator = () => string;
export const randomId: IdGenerator = () => randomUUID();
