/**
 * Against guessing across conversations: the case flow locks a case after 3 failed checks in one
 * conversation, but a new conversation starts afresh, so someone who knows a case number and a
 * postcode could try birth date after birth date, three per conversation. The guard counts every
 * check of a case number's facts, in all conversations and on all channels (also for numbers that do
 * not exist, so it tells nothing about which do). A check is counted before the case is looked up, in
 * one transaction with the decision whether it may go on, so checks sent at the same moment in many
 * conversations cannot all get past the count; it is let go when the facts matched (or were proved
 * before). At GUARD_FAILURES within GUARD_WINDOW_MS the number is not checked automatically until the
 * hour after the first of them has passed. The real citizen is offered a person meanwhile.
 */
import type { CheckTable } from '../store/types.ts';

export const GUARD_FAILURES = 10;
export const GUARD_WINDOW_MS = 60 * 60_000;

const shift = (iso: string, ms: number): string => new Date(Date.parse(iso) + ms).toISOString();

export function createCaseGuard(table: CheckTable) {
  return {
    /** Counts a check of this number, or says until when none may be made. */
    async attempt(caseNumber: string, now: string): Promise<{ id: number } | { until: string }> {
      const r = await table.reserve(caseNumber, now, shift(now, -GUARD_WINDOW_MS), GUARD_FAILURES);
      return 'id' in r ? r : { until: shift(r.times.at(-1)!, GUARD_WINDOW_MS) };
    },
    /** The check counted did not fail: it no longer counts. */
    passed(id: number): Promise<void> {
      return table.forget(id);
    },
  };
}

export type CaseGuard = ReturnType<typeof createCaseGuard>;
