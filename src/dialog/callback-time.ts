/**
 * The time of day a citizen asks to be called ("om 10 uur", "rond half 3", "na 14.00", "at 10am"), as a
 * minute after midnight. The day ("morgen", "dinsdag") is read as the opening hours read it (dayAsked).
 * Pure, like step.ts.
 */

/** "om 10 uur", "om 10.30", "rond 14:00", "na 3 uur", "at 10", "at 2pm", "10 am", "half 3". */
const AT = /\b(?:(om|rond|omstreeks|tegen|na|vanaf|at|around|after|from)\s+)?(?:(half)\s+)?(\d{1,2})(?:[.:](\d{2}))?\s*(uur|u\b|am|pm|a\.m\.|p\.m\.|o'?clock)?(?=[\s,.!?)]|$)/gi;

/**
 * The minute of the day asked for, or null. A bare number needs a word before it ("om 10") or after it
 * ("10 uur"); an hour from 1 to 6 without "am" is the afternoon ("om 2 uur": the office is not open at
 * night). "half 3" is half past two, as Dutch says it.
 */

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
