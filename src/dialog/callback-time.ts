/**
 * The time of day a citizen asks to be called ("om 10 uur", "rond half 3", "na 14.00", "at 10am"), as a
 * minute after midnight. Pure, like step.ts.
 */

/** "om 10 uur", "om 10.30", "rond 14:00", "na 3 uur", "at 10", "at 2pm", "10 am", "half 3". */
const AT = /\b(?:(om|rond|omstreeks|tegen|na|vanaf|at|around|after|from)\s+)?(?:(half)\s+)?(\d{1,2})(?:[.:](\d{2}))?\s*(uur|u\b|am|pm|a\.m\.|p\.m\.|o'?clock)?(?=[\s,.!?)]|$)/gi;

/**
 * The minute of the day asked for, or null. A bare number needs a word before it ("om 10") or after it
 * ("10 uur"); an hour from 1 to 6 without "am" is the afternoon ("om 2 uur": the office is not open at
 * night). "half 3" is half past two, as Dutch says it.
 */
/** "morgen", "overmorgen", "tomorrow": how many days from today the call is asked for (0 when none is named). */
export function askedDay(msg: string): number {
  if (/\b(overmorgen|the day after tomorrow)\b/i.test(msg)) return 2;
  return /\b(morgen|tomorrow)\b/i.test(msg) && !/\b(morgens|'s morgens|goedemorgen)\b/i.test(msg) ? 1 : 0;
}

const WEEKDAYS: ReadonlyArray<[number, RegExp]> = [
  [1, /\b(maandag|monday)\b/i], [2, /\b(dinsdag|tuesday)\b/i], [3, /\b(woensdag|wednesday)\b/i], [4, /\b(donderdag|thursday)\b/i],
  [5, /\b(vrijdag|friday)\b/i], [6, /\b(zaterdag|saturday)\b/i], [7, /\b(zondag|sunday)\b/i],
];
/** "dinsdag om 10 uur", "on Friday": the ISO weekday named (1 = Monday), or null. */
export function askedWeekday(msg: string): number | null {
  return WEEKDAYS.find(([, re]) => re.test(msg))?.[0] ?? null;
}

export function askedMinute(msg: string): number | null {
  for (const m of msg.matchAll(AT)) {
    const [, before, half, h, mm, after] = m;
    if (!before && !after && !half) continue;
    let hour = Number(h);
    const minute = half ? 30 : mm ? Number(mm) : 0;
    if (half) hour -= 1;
    const suffix = after?.toLowerCase().replace(/\./g, '');
    if (suffix === 'pm' && hour < 12) hour += 12;
    else if (suffix !== 'am' && hour >= 1 && hour <= 6) hour += 12;
    if (hour < 0 || hour > 23 || minute > 59) continue;
    return hour * 60 + minute;
  }
  return null;
}
