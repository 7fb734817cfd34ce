/**
 * "Zijn jullie morgen open?", "en zaterdag?", "open met kerst?": the contact_hours answer is a fixed
 * text a contact centre writes; the day a citizen asks about is not in it. From the office hours
 * (LOKET_OFFICE_HOURS) and the holidays (dialogs/calendar.yaml) this says whether that day is open,
 * and when the office opens again; with no day named, whether it is open now. Pure: the time comes in.
 */
import { DateTime } from 'luxon';
import { nextOpening, type OfficeHours } from '../handoff/office-hours.ts';
import { findDayOfYear } from '../nlu/entities/date.ts';
import type { Entity, Lang } from '../nlu/types.ts';
import { formatDay, text } from './texts.ts';
import type { DialogSet } from './types.ts';

/** The day a message asks about, as an ISO date in the organisation's zone. */
export interface DayAsked {
  date: string;
  /** `today`: asked about today or now; `day`: another day, named or dated. */
  kind: 'today' | 'day';
}

const W = '(?<![\\p{L}\'’])';
const E = '(?!\\p{L})';
const word = (alternatives: string) => new RegExp(`${W}(${alternatives})${E}`, 'iu');
const TODAY = word('vandaag|nu|vanavond|vanmiddag|vanochtend|today|now|tonight|this (morning|afternoon|evening)');
/** "morgen", not "goedemorgen" (the lookbehind) nor "'s morgens" (no plural). */
const TOMORROW = word('morgen(ochtend|middag|avond)?|tomorrow');
const DAY_AFTER = word('overmorgen|day after tomorrow');
const WEEKEND = word('weekend|weekeinde');
const WEEKDAYS: Array<[number, RegExp]> = [
  [1, word('maandags?|mondays?')],
  [2, word('dinsdags?|tuesdays?')],
  [3, word('woensdags?|wednesdays?')],
  [4, word('donderdags?|thursdays?')],
  [5, word('vrijdags?|fridays?')],
  [6, word('zaterdags?|saturdays?')],
  [7, word('zondags?|sundays?')],
];
/** Words for a holiday, and a part of its name in dialogs/calendar.yaml. */
const HOLIDAYS: Array<[RegExp, string]> = [
  [word('tweede kerstdag|boxing day'), 'tweede kerstdag'],
  [word('kerst(mis|dag|avond)?|eerste kerstdag|christmas( day)?|xmas'), 'kerstdag'],
  [word('nieuwjaar(sdag)?|new year(\'s day)?'), 'nieuwjaarsdag'],
  [word('goede vrijdag|good friday'), 'goede vrijdag'],
  [word('pasen|paasmaandag|tweede paasdag|easter( monday)?'), 'paasdag'],
  [word('koningsdag|king\'?s day'), 'koningsdag'],
  [word('bevrijdingsdag|liberation day'), 'bevrijdingsdag'],
  [word('hemelvaart(sdag)?|ascension( day)?'), 'hemelvaartsdag'],
  [word('pinksteren|tweede pinksterdag|pinkstermaandag|whit monday|pentecost'), 'pinksterdag'],
];

/** The day the message asks about, if it names one (a date from the NLU counts, within a year). */
export function dayAsked(msg: string, entities: readonly Entity[], now: Date, timeZone: string, holidayNames: Readonly<Record<string, string>>): DayAsked | null {
  const today = DateTime.fromJSDate(now, { zone: timeZone }).startOf('day');
  const day = (d: DateTime): DayAsked => ({ date: d.toISODate()!, kind: d.hasSame(today, 'day') ? 'today' : 'day' });
  for (const [pattern, part] of HOLIDAYS) {
    if (!pattern.test(msg)) continue;
    const next = Object.keys(holidayNames).sort().find((date) => date >= today.toISODate()! && holidayNames[date]!.toLowerCase().includes(part));
    if (next) return day(DateTime.fromISO(next, { zone: timeZone }));
  }
  const dated = entities.find((e) => e.type === 'date');
  if (dated) {
    const d = DateTime.fromISO(dated.value, { zone: timeZone });
    if (d.isValid && d >= today && d <= today.plus({ years: 1 })) return day(d);
  }
  const ofYear = findDayOfYear(msg);
  if (ofYear) {
    const d = DateTime.fromObject({ year: today.year, ...ofYear }, { zone: timeZone });
    if (d.isValid) return day(d < today ? d.plus({ years: 1 }) : d);
  }
  if (DAY_AFTER.test(msg)) return day(today.plus({ days: 2 }));
  if (TOMORROW.test(msg)) return day(today.plus({ days: 1 }));
  for (const [weekday, pattern] of WEEKDAYS) {
    if (pattern.test(msg)) return day(today.plus({ days: (weekday - today.weekday + 7) % 7 }));
  }
  if (WEEKEND.test(msg)) return day(today.weekday >= 6 ? today : today.plus({ days: 6 - today.weekday }));
  if (TODAY.test(msg)) return day(today);
  return null;
}

/** "8.30" / "8:30", as the answer texts write times. */
const clock = (minutes: number, lang: Lang): string => `${Math.floor(minutes / 60)}${lang === 'nl' ? '.' : ':'}${String(minutes % 60).padStart(2, '0')}`;

/**
 * One or two sentences on the day asked about (or on now, when `asked` is null): open from–until, or
 * closed (with the holiday's name) and when it opens again. Null when the office is always open.
 */
export function openingLine(dialogs: DialogSet, hours: OfficeHours, now: Date, asked: DayAsked | null, lang: Lang): string | null {
  if (hours.always) return null;
  const zone = hours.timeZone;
  const at = DateTime.fromJSDate(now, { zone });
  const date = asked ? DateTime.fromISO(asked.date, { zone }) : at.startOf('day');
  const iso = date.toISODate()!;
  const holiday = hours.holidays.has(iso) ? dialogs.holidayNames[iso] ?? '' : '';
  const ranges = holiday || hours.holidays.has(iso) ? [] : [...(hours.week.get(date.weekday) ?? [])].sort((a, b) => a[0] - b[0]);
  const isToday = date.hasSame(at, 'day');
  const dayName = formatDay(date.toJSDate(), lang, zone);
  const vars = { day: dayName, holiday: holiday ? ` (${holiday})` : '' };
  const nextFrom = (from: DateTime) => {
    const next = nextOpening(hours, from.toJSDate());
    if (!next) return '';
    const t = DateTime.fromJSDate(next, { zone });
    return text(dialogs, 'hours.next', lang, { day: formatDay(next, lang, zone), time: clock(t.hour * 60 + t.minute, lang) });
  };
  if (ranges.length === 0) {
    return `${text(dialogs, isToday ? 'hours.today_closed' : 'hours.day_closed', lang, vars)} ${nextFrom(date.plus({ days: 1 }))}`.trim();
  }
  const from = clock(ranges[0]![0], lang);
  const until = clock(ranges.at(-1)![1], lang);
  if (!isToday) return text(dialogs, 'hours.day_open', lang, { ...vars, from, until });
  const minute = at.hour * 60 + at.minute;
  const current = ranges.find(([s, e]) => minute >= s && minute < e);
  if (current) return text(dialogs, 'hours.open_now', lang, { until: clock(current[1], lang) });
  if (minute < ranges[0]![0]) return text(dialogs, 'hours.today_open', lang, { from, until });
  // Closed for the rest of today, or between two ranges.
  return `${text(dialogs, 'hours.closed_now', lang)} ${nextFrom(at)}`.trim();
}
