/**
 * Dates with a year, Dutch and English: `15-03-1980`, `15-3-80`, `15/03/1980`, `1980-03-15`,
 * `15 maart 1980`, `15 mrt '80`, `15-3-'80`, `March 15, 1980`, `15th of March 1980` → ISO `1980-03-15`.
 * A two-digit year takes the century that puts the date in the past; impossible dates
 * (31-02-1980) are no dates.
 */
import type { Entity } from '../types.ts';
import { B, E, entity } from './span.ts';

const MONTHS: Record<string, number> = {
  januari: 1, jan: 1, january: 1, februari: 2, feb: 2, febr: 2, february: 2, maart: 3, mrt: 3, mar: 3, march: 3, maa: 3,
  april: 4, apr: 4, mei: 5, may: 5, juni: 6, jun: 6, june: 6, juli: 7, jul: 7, july: 7, augustus: 8, aug: 8, august: 8,
  september: 9, sep: 9, sept: 9, oktober: 10, okt: 10, october: 10, oct: 10, november: 11, nov: 11, december: 12, dec: 12,
};
/** Every month name and abbreviation the extractor reads, Dutch and English ("mei", "mrt", "may" …). */
export const MONTH_NAMES: readonly string[] = Object.keys(MONTHS);
const MONTH = `(${Object.keys(MONTHS).sort((a, b) => b.length - a.length).join('|')})\\.?`;
const YEAR = `['’‘]?(\\d{4}|\\d{2})`;
const DAY = '(\\d{1,2})(?:st|nd|rd|th|e|ste|de)?';

// "15-3-'80", as a year is written short by hand: the apostrophe before a two-digit year.
const NUMERIC = new RegExp(`${B}(\\d{1,2})([-/.])(\\d{1,2})\\2(\\d{4}|['’‘]?\\d{2})${E}`, 'gu');
const ISO = new RegExp(`${B}(\\d{4})-(\\d{1,2})-(\\d{1,2})${E}`, 'gu');
const DAY_MONTH = new RegExp(`${B}${DAY}\\s+(?:of\\s+)?${MONTH}\\s*,?\\s*${YEAR}${E}`, 'giu');
const MONTH_DAY = new RegExp(`${B}${MONTH}\\s+${DAY}(?:\\s*,\\s*|\\s+)${YEAR}${E}`, 'giu');

const DAY_MONTH_ONLY = new RegExp(`${B}${DAY}\\s+(?:of\\s+)?${MONTH}${E}`, 'iu');
const MONTH_DAY_ONLY = new RegExp(`${B}${MONTH}\\s+${DAY}${E}`, 'iu');

/**
 * "28 december", "december 28th": a day of the year without its year. No entity (whose year it is,
 * is the reader's to say: a day the office is open is this year's or next); null when there is none.
 */
export function findDayOfYear(text: string): { month: number; day: number } | null {
  const dm = DAY_MONTH_ONLY.exec(text);
  if (dm) return { day: Number(dm[1]), month: MONTHS[dm[2]!.toLowerCase()]! };
  const md = MONTH_DAY_ONLY.exec(text);
  if (md) return { day: Number(md[2]), month: MONTHS[md[1]!.toLowerCase()]! };
  return null;
}

export interface DateOptions {
  /** "Today", to place two-digit years in the past. Defaults to the current date. */
  now?: Date;
}

function fullYear(raw: string, month: number, day: number, now: Date): number {
  if (raw.length === 4) return Number(raw);
  const yy = Number(raw);
  const recent = 2000 + yy;
  const candidate = Date.UTC(recent, month - 1, day);
  return candidate <= now.getTime() ? recent : 1900 + yy;
}

/** ISO date when year-month-day is a real calendar date, else null. */
export function toIsoDate(year: number, month: number, day: number): string | null {
  if (year < 1000 || year > 2999 || month < 1 || month > 12 || day < 1) return null;
  const d = new Date(Date.UTC(year, month - 1, day));
  if (d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) return null;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

export function findDates(text: string, opts: DateOptions = {}): Entity[] {
  const now = opts.now ?? new Date();
  const out: Entity[] = [];
  const push = (m: RegExpMatchArray, y: string, mo: number, d: number): void => {
    const iso = toIsoDate(fullYear(y.replace(/\D/g, ''), mo, d, now), mo, d);
    if (iso) out.push(entity('date', iso, m.index!, m.index! + m[0].length));
  };
  for (const m of text.matchAll(ISO)) push(m, m[1]!, Number(m[2]), Number(m[3]));
  for (const m of text.matchAll(NUMERIC)) {
    const [day, month] = [Number(m[1]), Number(m[3])];
    // "03/15/1980", month first as in the US: only where the day-first reading is no date at all.
    if (month > 12 && day <= 12) push(m, m[4]!, day, month);
    else push(m, m[4]!, month, day);
  }
  for (const m of text.matchAll(DAY_MONTH)) push(m, m[3]!, MONTHS[m[2]!.toLowerCase()]!, Number(m[1]));
  for (const m of text.matchAll(MONTH_DAY)) push(m, m[3]!, MONTHS[m[1]!.toLowerCase()]!, Number(m[2]));
  return out;
}

const COMPACT = /(?<![\d-])(?:(\d{2})(\d{2})|(\d{1,2}) (\d{1,2}) )((?:19|20)\d{2})(?![\d-])/g;
/** With a two-digit year, only digits standing alone: "12 3 45 1980" is no date. */
const COMPACT_SHORT = /(?<![\d-])(?<!\d )(?:(\d{2})(\d{2})|(\d{1,2}) (\d{1,2}) )(\d{2})(?![\d-])(?! \d)/g;

/**
 * `15031980`, `150380`, `1 7 1992` and `15 03 80` (day, month, year, without separators or with spaces,
 * as typed on a phone keypad) as a date; a two-digit year takes the century that puts it in the past.
 * Not one of the message's entities: such digits are often something else. The case flow reads them
 * only as the answer to its question for a birth date.
 */
export function findCompactDates(text: string, opts: DateOptions = {}): Entity[] {
  const now = opts.now ?? new Date();
  const read = (pattern: RegExp): Entity[] => {
    const out: Entity[] = [];
    for (const m of text.matchAll(pattern)) {
      const [month, day] = [Number(m[2] ?? m[4]), Number(m[1] ?? m[3])];
      const iso = toIsoDate(fullYear(m[5]!, month, day, now), month, day);
      if (iso) out.push(entity('date', iso, m.index!, m.index! + m[0].length));
    }
    return out;
  };
  const full = read(COMPACT);
  return full.length > 0 ? full : read(COMPACT_SHORT);
}
