/**
 * Against guessing across conversations: the case flow locks a case after 3 failed checks in one
 * conversation, but a new conversation starts afresh, so someone who knows a case number and a
 * postcode could try birth date after birth date, three per conversation. The guard counts every
 * failed check of a case number, in all conversations and on all channels (also for numbers that do
 * not exist, so it tells nothing about which do); at GUARD_FAILURES within GUARD_WINDOW_MS the number
 * is not checked automatically until the hour after the first of them has passed. The real citizen is
 * offered a person meanwhile.
 */
import type { CheckTable } from '../store/types.ts';

export const GUARD_FAILURES = 10;
export const GUARD_WINDOW_MS = 60 * 60_000;

const shift = (iso: string, ms: number): string => new Date(Date.parse(iso) + ms).toISOString();

export function createCaseGuard(table: CheckTable) {
  return {
    /** Records one failed check of this case number (and forgets this number's checks that no longer count). */
    failed(caseNumber: string, now: string): Promise<void> {
      return table.failed(caseNumber, now, shift(now, -GUARD_WINDOW_MS));
    },
    /** Until when the number is not checked automatically, or null when it may be. */
    async lockedUntil(caseNumber: string, now: string): Promise<string | null> {
      const times = await table.recent(caseNumber, shift(now, -GUARD_WINDOW_MS), GUARD_FAILURES);
      return times.length >= GUARD_FAILURES ? shift(times.at(-1)!, GUARD_WINDOW_MS) : null;
    },
  };
}

export type CaseGuard = ReturnType<typeof createCaseGuard>;
