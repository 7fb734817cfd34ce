import { describe, expect, it } from 'vitest';
import { isOpen, nextOpening, parseOfficeHours } from '../../src/handoff/office-hours.ts';

const hours = parseOfficeHours('mon-fri 08:30-17:00', 'Europe/Amsterdam', ['2026-12-25']);

describe('office hours', () => {
  it('is open on a weekday afternoon in Amsterdam time', () => {
    expect(isOpen(hours, new Date('2026-11-27T15:00:00Z'))).toBe(true); // Fri 16:00 CET
    expect(isOpen(hours, new Date('2026-11-27T16:30:00Z'))).toBe(false); // Fri 17:30 CET
  });

  it('is closed at the weekend and on holidays', () => {
    expect(isOpen(hours, new Date('2026-11-28T10:00:00Z'))).toBe(false); // Saturday
    expect(isOpen(hours, new Date('2026-12-25T10:00:00Z'))).toBe(false); // Christmas, a Friday
  });

  it('knows the next opening: Monday 08:30 after a Saturday, skipping holidays', () => {
    expect(nextOpening(hours, new Date('2026-11-28T10:00:00Z'))!.toISOString()).toBe('2026-11-30T07:30:00.000Z');
    expect(nextOpening(hours, new Date('2026-12-24T17:00:00Z'))!.toISOString()).toBe('2026-12-28T07:30:00.000Z');
  });

  it('follows daylight saving time', () => {
    expect(nextOpening(hours, new Date('2027-06-05T10:00:00Z'))!.toISOString()).toBe('2027-06-07T06:30:00.000Z');
  });

  it('is always open with "always"', () => {
    const always = parseOfficeHours('always', 'Europe/Amsterdam');
    expect(isOpen(always, new Date('2026-11-28T03:00:00Z'))).toBe(true);
  });
});
