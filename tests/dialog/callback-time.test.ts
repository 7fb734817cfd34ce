import { describe, expect, it } from 'vitest';
import { askedMinute } from '../../src/dialog/callback-time.ts';
import { dayAsked } from '../../src/dialog/opening-hours.ts';
import { weekday } from '../../src/handoff/office-hours.ts';

// The day of a call is read as the opening hours read a day asked about (dayAsked); from Saturday 28 November.
const NOW = new Date('2026-11-28T12:00:00Z');
const asked = (msg: string) => dayAsked(msg, [], NOW, 'Europe/Amsterdam', {})?.date ?? null;
const askedDay = (msg: string) => { const d = asked(msg); return d ? (Date.parse(d) - Date.parse('2026-11-28')) / 86_400_000 : 0; };
const askedWeekday = (msg: string) => { const d = asked(msg); return d ? weekday(d) : null; };

describe('the time asked for a call', () => {
  it.each([
    ['om 10 uur graag', 600], ['rond 14.00', 840], ['na 3 uur', 900], ['om half 3', 870], ['om 9:15', 555],
    ['can you call at 10am', 600], ['at 2pm please', 840], ['around 11 o\'clock', 660], ['10 uur', 600],
  ])('reads "%s" as minute %i of the day', (msg, minute) => {
    expect(askedMinute(msg)).toBe(minute);
  });

  it.each(['06-12345678', 'nog 10 minuten?', 'ik ben 67', 'zaak Z-2026-000123', 'bel me terug'])('finds no time in "%s"', (msg) => {
    expect(askedMinute(msg)).toBeNull();
  });

  it('reads the day: tomorrow, the day after, or today', () => {
    expect(askedDay('morgen om 10 uur')).toBe(1);
    expect(askedDay('tomorrow at 2pm')).toBe(1);
    expect(askedDay('overmorgen om 10 uur')).toBe(2);
    expect(askedDay("goedemorgen, om 10 uur graag")).toBe(0);
  });

  it('reads a weekday named, in either language', () => {
    expect(askedWeekday('dinsdag om 10 uur')).toBe(2);
    expect(askedWeekday('on Friday at 2pm')).toBe(5);
    expect(askedWeekday('om 10 uur graag')).toBeNull();
  });
});
