/**
 * "Zijn jullie morgen open?", "en zaterdag?", "open met kerst?": the contact_hours answer is a fixed
 * text a contact centre writes; the day a citizen asks about is not in it. From the office hours
 * (LOKET_OFFICE_HOURS) and the holidays (dialogs/calendar.yaml) this says whether that day is open,
 * and when the office opens again; with no day named, whether it is open now. Pure: the time comes in.
 * Days are ISO dates, with office-hours.ts's arithmetic (a contact_hours answer is one turn in six of
 * the bench's mix: luxon's DateTime cost 200 µs an answer here).
 */
import { addDays, localTime, nextOpen, parseOfficeHours, rangesOf, utcNoon, weekday, type OfficeHours } from '../handoff/office-hours.ts';
import { editDistance } from '../nlu/typo.ts';
import { findDayOfYear, toIsoDate } from '../nlu/entities/date.ts';
import type { Entity, Lang } from '../nlu/types.ts';
import { formatDay, text, texts } from './texts.ts';
import type { DialogSet, StepResult, Trace } from './types.ts';
import { wordCount } from './variants.ts';

/** The day a message asks about, as an ISO date in the organisation's zone. */
export interface DayAsked {
  date: string;
  /** `today`: asked about today or now; `day`: another day, named or dated; `evenings`: evenings, no day named (eveningLine). */
  kind: 'today' | 'day' | 'evenings';
  /** The evening or night of that day ("vanavond", "maandagavond", "tonight"). */
  evening?: boolean;
}

const W = '(?<![\\p{L}\'’])';
const E = '(?!\\p{L})';
const word = (alternatives: string) => new RegExp(`${W}(${alternatives})${E}`, 'iu');
const TODAY = word('vandaag|vndg|nu|vanavond|vanmiddag|vanochtend|today|now|tonight|this (morning|afternoon|evening)');
/** "morgen", not "goedemorgen" (the lookbehind) nor "'s morgens" (no plural); in SMS "mrgn", "tmrw". */
const TOMORROW = word('morgen(ochtend|middag|avond)?|mrgn|mrg|tomorrow|tmrw|tmr|2morrow');
const DAY_AFTER = word('overmorgen|day after tomorrow');
const WEEKEND = word('weekend|weekeinde');
/** A day, also with its part ("maandagavond", "vrijdagmiddag"): the answer gives that day's hours. */
const PART = '(ochtend|morgen|middag|avond|nacht)?';
const WEEKDAYS: Array<[number, RegExp]> = [
  [1, word(`maandags?|maandag${PART}|mondays?`)],
  [2, word(`dinsdags?|dinsdag${PART}|tuesdays?`)],
  [3, word(`woensdags?|woensdag${PART}|wednesdays?`)],
  [4, word(`donderdags?|donderdag${PART}|thursdays?`)],
  [5, word(`vrijdags?|vrijdag${PART}|fridays?`)],
  [6, word(`zaterdags?|zaterdag${PART}|saturdays?`)],
  [7, word(`zondags?|zondag${PART}|sundays?`)],
];
/** An evening or a night: "vanavond", "morgenavond", "'s avonds", "zaterdagnacht", "tonight", "in the evening". */
const EVENING = /(avond|nacht)(?!\p{L})|(?<!\p{L})(avonds|nachts|tonight|evenings?|nights?)(?!\p{L})/iu;
/** "Goedenavond, zijn jullie morgen open?": a greeting, not the evening asked about. */
const EVENING_GREETING = /(?<!\p{L})(goede?n?avond|goede?n?acht|good (evening|night))(?!\p{L})/giu;
/** Words for a holiday, and a part of its name in dialogs/calendar.yaml. */
const HOLIDAYS: Array<[RegExp, string]> = [
  [word('tweede kerstdag|2e kerstdag|2de kerstdag|boxing day'), 'tweede kerstdag'],
  [word('kerst(mis|dag)?|eerste kerstdag|1e kerstdag|1ste kerstdag|christmas( day)?|xmas'), 'kerstdag'],
  // "new years day", "new year’s day": only "new year's day" was read ("are you open on new years day" got today's hours).
  [word('nieuwjaar(sdag)?|new year([\'’]?s)?( day)?'), 'nieuwjaarsdag'],
  [word('goede vrijdag|good friday'), 'goede vrijdag'],
  [word('pasen|paasmaandag|tweede paasdag|easter( monday)?'), 'paasdag'],
  [word('koningsdag|king[\'’]?s day'), 'koningsdag'],
  [word('bevrijdingsdag|liberation day'), 'bevrijdingsdag'],
  [word('hemelvaart(sdag)?|ascension( day)?'), 'hemelvaartsdag'],
  [word('pinksteren|tweede pinksterdag|pinkstermaandag|whit monday|pentecost'), 'pinksterdag'],
];
/** Days of the year with a name that are no holidays: the eves of Christmas and New Year (month-day). */
const NAMED_DAYS: Array<[RegExp, string]> = [
  [word('kerstavond|christmas eve|xmas eve'), '12-24'],
  // "oudjaarsdag" without the e is as common as the spelling of the word list.
  [word('oudejaarsdag|oudejaarsavond|oudjaarsdag|oudjaarsavond|oudjaar|oudejaar|oud en nieuw|new year[\'’]?s eve|nye'), '12-31'],
];
/** Any of the words above, so most messages are ruled out with one test. */
const ANY_DAY = new RegExp([TODAY, TOMORROW, DAY_AFTER, WEEKEND, ...WEEKDAYS.map(([, p]) => p), ...NAMED_DAYS.map(([p]) => p), ...HOLIDAYS.map(([p]) => p)].map((p) => p.source).join('|'), 'iu');

const DAY_NAMES: ReadonlyArray<readonly [number, string]> = [
  [1, 'maandag'], [2, 'dinsdag'], [3, 'woensdag'], [4, 'donderdag'], [5, 'vrijdag'], [6, 'zaterdag'], [7, 'zondag'],
  [1, 'monday'], [2, 'tuesday'], [3, 'wednesday'], [4, 'thursday'], [5, 'friday'], [6, 'saturday'], [7, 'sunday'],
];
/** The weekday a word of the message is, one typing mistake off ("zatrdag", "woensdg", "frieday"); null if none. */
function misspeltWeekday(msg: string): number | null {
  for (const w of msg.toLowerCase().split(/[^\p{L}]+/u)) {
    if (w.length < 5 || w.length > 10) continue;
    const found = DAY_NAMES.find(([, name]) => Math.abs(name.length - w.length) <= 1 && editDistance(w, name, 1) <= 1);
    if (found) return found[0];
  }
  return null;
}

/** "Tot hoe laat?", "until when?", "hoe laat?", "what time?" right after the opening hours: today's hours (or the day's just told), though no day is named. */
const UNTIL_WHEN = /^\s*((en|maar|and|but|ok(é|e|ay)?)[,]?\s+)?(tot (hoe laat|wanneer)( (zijn|bent) (jullie|u) open)?|hoe laat (sluiten|sluit|gaan) (jullie|u|de balie)( dicht)?|hoe laat( (zijn|gaan|gaat|is) (jullie|u|de balie|het) open)?|(at )?what time( (do|are) you open)?|until (when|what time)|till (when|what time)|what time do (you|they) close)( (vandaag|today|dan|then))?\s*[?!.]*\s*$/i;
export function untilWhen(msg: string, now: Date, timeZone: string, toldDay?: string): DayAsked | null {
  if (!UNTIL_WHEN.test(msg)) return null;
  // After the hours of another day ("zijn jullie vrijdag open?" … "tot hoe laat dan?"): that day's.
  return toldDay ? { date: toldDay, kind: 'day' } : { date: localTime(now, timeZone).date, kind: 'today' };
}

/**
 * "Ook 's avonds?", "ook in de avond?", "in the evening too?" right after the hours, no day named: the evenings in
 * general (eveningLine). They got the whole answer again, with the offer of a person. `aboutHours`: the message was read as
 * the hours, or is a few words not placed ("ik werk 's avonds, kan ik mijn paspoort ophalen?" is not).
 */
export function hoursFollowUp(msg: string, now: Date, timeZone: string, toldDay: string | undefined, aboutHours: boolean): DayAsked | null {
  const until = untilWhen(msg, now, timeZone, toldDay);
  if (until || !aboutHours) return until;
  const evening = EVENING.test(msg.replace(EVENING_GREETING, ' ')) && wordCount(msg) <= 8;
  return evening ? { date: localTime(now, timeZone).date, kind: 'evenings', evening } : null;
}

/** The day the message asks about, if it names one (a date from the NLU counts, within a year). */
export function dayAsked(msg: string, entities: readonly Entity[], now: Date, timeZone: string, holidayNames: DialogSet['holidayNames']): DayAsked | null {
  const dated = entities.find((e) => e.type === 'date')?.value;
  const ofYear = findDayOfYear(msg);
  const named = ANY_DAY.test(msg);
  // "en zatrdag?": a day name typed with one letter off, when no day is written right.
  const misspelt = named || dated || ofYear ? null : misspeltWeekday(msg);
  if (!dated && !ofYear && !named && misspelt === null) return null;
  const today = localTime(now, timeZone).date;
  const evening = EVENING.test(msg.replace(EVENING_GREETING, ' '));
  const day = (iso: string): DayAsked => ({ date: iso, kind: iso === today ? 'today' : 'day', ...(evening ? { evening } : {}) });
  // A holiday or a named eve, the one named first ("Boxing Day? And on New Year's Eve …": Boxing Day).
  const days: Array<{ at: number; date: string }> = [];
  for (const [pattern, monthDay] of NAMED_DAYS) {
    const at = msg.search(pattern);
    if (at < 0) continue;
    const thisYear = `${today.slice(0, 4)}-${monthDay}`;
    days.push({ at, date: thisYear >= today ? thisYear : `${Number(today.slice(0, 4)) + 1}-${monthDay}` });
  }
  for (const [pattern, part] of HOLIDAYS) {
    const at = msg.search(pattern);
    if (at < 0) continue;
    const next = Object.keys(holidayNames).sort().find((date) => date >= today && holidayNames[date]!.nl.toLowerCase().includes(part));
    if (next) days.push({ at, date: next });
  }
  const first = days.sort((a, b) => a.at - b.at)[0];
  if (first) return day(first.date);
  const inAYear = `${Number(today.slice(0, 4)) + 1}${today.slice(4)}`;
  if (dated && dated >= today && dated <= inAYear) return day(dated);
  if (ofYear) {
    const year = Number(today.slice(0, 4));
    const iso = toIsoDate(year, ofYear.month, ofYear.day);
    if (iso) return day(iso >= today ? iso : toIsoDate(year + 1, ofYear.month, ofYear.day) ?? iso);
  }
  if (DAY_AFTER.test(msg)) return day(addDays(today, 2));
  if (TOMORROW.test(msg)) return day(addDays(today, 1));
  const wd = weekday(today);
  for (const [target, pattern] of WEEKDAYS) {
    if (pattern.test(msg)) return day(addDays(today, (target - wd + 7) % 7));
  }
  if (misspelt !== null) return day(addDays(today, (misspelt - wd + 7) % 7));
  if (WEEKEND.test(msg)) return day(wd >= 6 ? today : addDays(today, 6 - wd));
  if (TODAY.test(msg)) return day(today);
  return null;
}

/** "Is de balie zaterdag open?", "kan ik morgen langskomen?": the desk's day, not the contact centre's. */
export const ABOUT_DESK = /(?<!\p{L})(balie|baliemedewerker|gemeentehuis|stadhuis|stadskantoor|gemeentekantoor|langs\s?komen|langskom\w*|langs\s?gaan|desk|town hall|city hall|city office|come by|drop by|visit you)(?!\p{L})/iu;

const desks = new WeakMap<DialogSet, OfficeHours>();
/** The desk's hours (`desk_hours` in calendar.yaml) in the office's zone, with its holidays; the office hours when there are none. */
export function deskHoursOf(dialogs: DialogSet, office: OfficeHours): OfficeHours {
  if (!dialogs.deskHours) return office;
  let desk = desks.get(dialogs);
  if (!desk || desk.timeZone !== office.timeZone) desks.set(dialogs, (desk = parseOfficeHours(dialogs.deskHours, office.timeZone, office.holidays)));
  return desk;
}

/** From this minute of the day it is evening: an office that closes by then is closed in the evening. */
const EVENING_FROM = 18 * 60;

/** "8.30" / "8:30", as the answer texts write times. */
export const clock = (minutes: number, lang: Lang): string => `${Math.floor(minutes / 60)}${lang === 'nl' ? '.' : ':'}${String(minutes % 60).padStart(2, '0')}`;

/**
 * One or two sentences on the day asked about (or on now, when `asked` is null): open from–until, or
 * closed (with the holiday's name) and when it opens again. Null when the office is always open.
 * `of`: the texts of the contact centre (`hours.*`: "we zijn dicht") or of the desk (`desk.*`).
 */
export function openingLine(dialogs: DialogSet, hours: OfficeHours, now: Date, asked: DayAsked | null, lang: Lang, of: 'hours' | 'desk' = 'hours'): string | null {
  if (hours.always) return null;
  const say = (key: string, vars?: Record<string, string>) => text(dialogs, `${of}.${key}`, lang, vars);
  const zone = hours.timeZone;
  const local = localTime(now, zone);
  const iso = asked?.date ?? local.date;
  // In English its English name: "(Eerste Kerstdag)" in an English answer named the day in words the citizen may not read.
  const name = hours.holidays.has(iso) ? dialogs.holidayNames[iso] : undefined;
  const holiday = (lang === 'en' ? name?.en : undefined) ?? name?.nl ?? '';
  const ranges = rangesOf(hours, iso);
  const isToday = iso === local.date;
  const vars = { day: formatDay(utcNoon(iso), lang, zone), holiday: holiday ? ` (${holiday})` : '' };
  const next = (from: string, minute: number) => {
    const open = nextOpen(hours, { date: from, minute });
    return open ? say('next', { day: formatDay(utcNoon(open.date), lang, zone), time: clock(open.minute, lang) }) : '';
  };
  if (ranges.length === 0) return `${say(isToday ? 'today_closed' : 'day_closed', vars)} ${next(addDays(iso, 1), 0)}`.trim();
  const from = clock(ranges[0]![0], lang);
  const until = clock(ranges.at(-1)![1], lang);
  // "en vanavond?": closed by the evening, and that day's hours (an office open until 20.00 gives those alone).
  if (asked?.evening && ranges.at(-1)![1] <= EVENING_FROM) {
    const day = openingLine(dialogs, hours, now, { date: iso, kind: asked.kind }, lang, of) ?? '';
    // "Vanavond zijn we dicht. Nu zijn we open …"; "Op maandag … open van … tot …. 's Avonds zijn we dan dicht."
    // Past closing time today, "Nu zijn we dicht" says it already.
    if (isToday && local.minute >= ranges.at(-1)![1]) return day;
    return (isToday ? `${say('evening_closed_today')} ${day}` : `${day} ${say('evening_closed')}`).trim();
  }
  if (!isToday) return say('day_open', { ...vars, from, until });
  const current = ranges.find(([s, e]) => local.minute >= s && local.minute < e);
  if (current) return say('open_now', { until: clock(current[1], lang) });
  if (local.minute < ranges[0]![0]) return say('today_open', { from, until });
  // Closed for the rest of today, or between two ranges.
  return `${say('closed_now')} ${next(iso, local.minute)}`.trim();
}

/**
 * For a contact centre open day and night (LOKET_OFFICE_HOURS=always), the day asked about right after the hours ("ook op
 * zaterdag?"): that one calls that day too, and the desk's day (which keeps its own hours). It got the whole answer again.
 */
export function alwaysLine(dialogs: DialogSet, office: OfficeHours, now: Date, asked: DayAsked, lang: Lang): string {
  const phone = asked.kind === 'today' ? text(dialogs, 'hours.always_today', lang) : text(dialogs, 'hours.always_day', lang, { day: formatDay(utcNoon(asked.date), lang, office.timeZone) });
  const desk = openingLine(dialogs, deskHoursOf(dialogs, office), now, asked, lang, 'desk');
  return desk ? `${phone} ${desk}` : phone;
}

const lateOpen = (hours: OfficeHours): boolean => hours.always || [...hours.week.values()].some((ranges) => ranges.some(([, end]) => end > EVENING_FROM));

/**
 * Whether one calls or comes in the evening (hoursFollowUp's `evenings`): the phone's hours (day and night, or closed in the
 * evening), then the desk's when it closes before the evening.
 */
export function eveningLine(dialogs: DialogSet, office: OfficeHours, lang: Lang): string {
  const phone = text(dialogs, office.always ? 'hours.evenings_always' : lateOpen(office) ? 'hours.evenings_open' : 'hours.evenings_closed', lang);
  const desk = deskHoursOf(dialogs, office);
  if (lateOpen(desk)) return phone;
  // The desk's hours said once: "De balie is dan ook dicht" when they are the phone's.
  const same = !office.always && JSON.stringify([...desk.week]) === JSON.stringify([...office.week]);
  return `${phone} ${text(dialogs, same ? 'desk.evenings_closed_too' : 'desk.evenings_closed', lang)}`;
}

/**
 * An answer with `line` before its first reply (or instead of it, `only`: a follow-up on the hours just
 * given), its trace naming the office hours and the calendar, and "waarom?" saying so.
 */
export function withOpeningLine(res: StepResult, dialogs: DialogSet, line: string | null, now: string, only: boolean): StepResult {
  const [first, ...rest] = res.replies;
  const last = res.state.lastAnswer;
  if (!line || !first || !last) return res;
  const t: Trace = { ...first.trace, sources: [...first.trace.sources, { kind: 'rule', ref: 'office-hours', at: now }, { kind: 'dialog', ref: 'dialogs/calendar.yaml' }] };
  const why = texts(dialogs, 'hours.why');
  return {
    ...res,
    state: { ...res.state, lastAnswer: { ...last, trace: t, explain: { nl: `${last.explain.nl} ${why.nl}`, en: `${last.explain.en} ${why.en}` } } },
    replies: [{ text: only ? line : `${line} ${first.text}`, trace: t }, ...rest],
  };
}
