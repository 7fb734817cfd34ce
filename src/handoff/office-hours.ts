/**
 * Office hours: `mon-fri 08:30-17:00` (several ranges separated by commas) or `always`, in the
 * organisation's time zone, closed on configured public holidays. Pure: the time comes in.
 */
import { DateTime } from 'luxon';

const DAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;

export interface OfficeHours {
  always: boolean;
  /** Per ISO weekday (1 = Monday … 7 = Sunday): open intervals in minutes after midnight. */
  week: Map<number, Array<[number, number]>>;
  timeZone: string;
  /** ISO dates (yyyy-mm-dd) on which the office is closed. */
  holidays: ReadonlySet<string>;
}

const minutes = (hhmm: string): number => {
  const [h, m] = hhmm.split(':').map(Number) as [number, number];
  return h * 60 + m;
};

/** Parses the LOKET_OFFICE_HOURS setting (already checked against its pattern by the config schema). */
export function parseOfficeHours(spec: string, timeZone: string, holidays: Iterable<string> = []): OfficeHours {
  const week = new Map<number, Array<[number, number]>>();
  const always = spec.trim() === 'always';
  if (!always) {
    for (const part of spec.split(',').map((s) => s.trim()).filter(Boolean)) {
      const [days, hours] = part.split(' ') as [string, string];
      const [from, to = from] = days.split('-') as [(typeof DAYS)[number], (typeof DAYS)[number]?];
      const [start, end] = hours.split('-').map(minutes) as [number, number];
      for (let d = DAYS.indexOf(from) + 1; d <= DAYS.indexOf(to) + 1; d++) {
        week.set(d, [...(week.get(d) ?? []), [start, end]]);
      }
    }
  }
  return { always, week, timeZone, holidays: new Set(holidays) };
}

export function isOpen(hours: OfficeHours, at: Date): boolean {
  if (hours.always) return true;
  const t = DateTime.fromJSDate(at, { zone: hours.timeZone });
  if (hours.holidays.has(t.toISODate()!)) return false;
  const m = t.hour * 60 + t.minute;
  return (hours.week.get(t.weekday) ?? []).some(([s, e]) => m >= s && m < e);
}

/** The next moment the office opens at or after `at` (null when it never opens). */
export function nextOpening(hours: OfficeHours, at: Date): Date | null {
  if (hours.always || isOpen(hours, at)) return at;
  const start = DateTime.fromJSDate(at, { zone: hours.timeZone });
  for (let day = 0; day < 30; day++) {
    const date = start.plus({ days: day }).startOf('day');
    if (hours.holidays.has(date.toISODate()!)) continue;
    const ranges = [...(hours.week.get(date.weekday) ?? [])].sort((a, b) => a[0] - b[0]);
    for (const [s] of ranges) {
      const open = date.plus({ minutes: s });
      if (open >= start) return open.toJSDate();
    }
  }
  return null;
}
