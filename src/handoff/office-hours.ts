/**
 * Office hours: `mon-fri 08:30-17:00` (several ranges separated by commas) or `always`, in the
 * organisation's time zone, closed on configured public holidays. Pure: the time comes in.
 *
 * Days are ISO dates (yyyy-mm-dd) in the organisation's zone and times minutes after midnight: the
 * local date and minute of an instant come from one cached Intl formatter per zone, and days are
 * counted on UTC noon, so no daylight-saving jump moves a day. The handoff service asks when the
 * office opens; the opening-hours answer (src/dialog/opening-hours.ts) asks it on every contact_hours
 * turn, so this stays cheap (a few µs).
 */

const DAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
/** LOKET_OFFICE_HOURS when it is not set (CONTRACTS.md §8). */
export const DEFAULT_OFFICE_HOURS = 'mon-fri 08:30-17:00';

export interface OfficeHours {
  always: boolean;
  /** Per ISO weekday (1 = Monday … 7 = Sunday): open intervals in minutes after midnight. */
  week: Map<number, Array<[number, number]>>;
  timeZone: string;
  /** ISO dates (yyyy-mm-dd) on which the office is closed. */
  holidays: ReadonlySet<string>;
}

/** A moment of the organisation's day: its ISO date and the minute after midnight. */
export interface LocalTime {
  date: string;
  minute: number;
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
        const ranges: Array<[number, number]> = [...(week.get(d) ?? []), [start, end]];
        week.set(d, ranges.sort((a, b) => a[0] - b[0]));
      }
    }
  }
  return { always, week, timeZone, holidays: new Set(holidays) };
}

const clocks = new Map<string, { format: Intl.DateTimeFormat; second: number; at: LocalTime }>();
/**
 * The date and the minute of the day at `at` in `timeZone`. The last answer per zone is kept for its
 * second (time zone offsets are whole seconds), so the turns of one second format it once.
 */
export function localTime(at: Date, timeZone: string): LocalTime {
  let c = clocks.get(timeZone);
  if (!c) clocks.set(timeZone, (c = { format: new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }), second: NaN, at: { date: '', minute: 0 } }));
  const second = Math.floor(at.getTime() / 1000);
  if (second !== c.second) {
    const p: Record<string, string> = {};
    for (const part of c.format.formatToParts(at)) p[part.type] = part.value;
    c.second = second;
    c.at = { date: `${p.year}-${p.month}-${p.day}`, minute: Number(p.hour) * 60 + Number(p.minute) };
  }
  return { ...c.at };
}

export const utcNoon = (iso: string): Date => new Date(`${iso}T12:00:00Z`);
export const addDays = (iso: string, n: number): string => new Date(utcNoon(iso).getTime() + n * 86_400_000).toISOString().slice(0, 10);
/** ISO weekday: 1 = Monday … 7 = Sunday. */
export const weekday = (iso: string): number => utcNoon(iso).getUTCDay() || 7;

/** The open ranges of a day (none on a holiday), earliest first. */
export const rangesOf = (hours: OfficeHours, iso: string): ReadonlyArray<[number, number]> =>
  hours.holidays.has(iso) ? [] : hours.week.get(weekday(iso)) ?? [];

/** The first opening on `from.date` at or after `from.minute`, or on a later day (within 30 days). */
export function nextOpen(hours: OfficeHours, from: LocalTime): LocalTime | null {
  for (let d = 0; d < 30; d++) {
    const date = addDays(from.date, d);
    const start = rangesOf(hours, date).find(([s]) => d > 0 || s >= from.minute);
    if (start) return { date, minute: start[0] };
  }
  return null;
}

/** The instant of a local date and minute in `timeZone` (the zone's offset read at that moment). */
export function instant(t: LocalTime, timeZone: string): Date {
  const asUtc = Date.parse(`${t.date}T00:00:00Z`) + t.minute * 60_000;
  const offset = (at: number) => {
    const l = localTime(new Date(at), timeZone);
    return Date.parse(`${l.date}T00:00:00Z`) + l.minute * 60_000 - at;
  };
  const first = asUtc - offset(asUtc);
  return new Date(asUtc - offset(first));
}

export function isOpen(hours: OfficeHours, at: Date): boolean {
  if (hours.always) return true;
  const t = localTime(at, hours.timeZone);
  return rangesOf(hours, t.date).some(([s, e]) => t.minute >= s && t.minute < e);
}

/** The next moment the office opens at or after `at` (null when it never opens). */
export function nextOpening(hours: OfficeHours, at: Date): Date | null {
  if (hours.always || isOpen(hours, at)) return at;
  const next = nextOpen(hours, localTime(at, hours.timeZone));
  return next ? instant(next, hours.timeZone) : null;
}

/**
 * The first moment after `at`, on `fromDate` (a local ISO date) or later, whose local time is `minute`
 * (after midnight) and at which the office is open, within 30 days; null when there is none.
 */
export function nextOpenAtMinute(hours: OfficeHours, at: Date, minute: number, fromDate?: string): Date | null {
  const now = localTime(at, hours.timeZone);
  const first = fromDate && fromDate > now.date ? fromDate : now.date;
  for (let d = 0; d < 30; d++) {
    const date = addDays(first, d);
    if (date === now.date && minute <= now.minute) continue;
    if (hours.always || rangesOf(hours, date).some(([s, e]) => minute >= s && minute < e)) return instant({ date, minute }, hours.timeZone);
  }
  return null;
}
