/**
 * `{office_hours}` in the dialog texts: the week of LOKET_OFFICE_HOURS in words, so an answer that
 * names the hours never contradicts the setting; `{desk_hours}`: the desk's (calendar.yaml), or the
 * same when it names none (src/dialog/office-hours-text.ts).
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadDialogSet } from '../../src/dialog/loader.ts';
import { describeWeek } from '../../src/dialog/office-hours-text.ts';
import { parseOfficeHours } from '../../src/handoff/office-hours.ts';

const week = (spec: string, lang: 'nl' | 'en') => describeWeek(parseOfficeHours(spec, 'UTC'), lang);

describe('office hours in words', () => {
  it('says a week of the same hours, days in a row, split days and a 24/7 centre', () => {
    expect(week('mon-fri 08:30-17:00', 'nl')).toBe('van maandag tot en met vrijdag van 8.30 tot 17.00 uur');
    expect(week('mon-fri 08:30-17:00', 'en')).toBe('Monday to Friday from 8:30 to 17:00');
    expect(week('mon-wed 08:30-17:00, thu 08:30-20:00, fri 08:30-17:00', 'nl')).toBe('van maandag tot en met woensdag van 8.30 tot 17.00 uur, op donderdag van 8.30 tot 20.00 uur en op vrijdag van 8.30 tot 17.00 uur');
    expect(week('mon-fri 08:30-12:00, mon-fri 13:00-17:00', 'en')).toBe('Monday to Friday from 8:30 to 12:00 and from 13:00 to 17:00');
    expect(week('tue-thu 09:00-16:00, sat 10:00-12:00', 'nl')).toBe('van dinsdag tot en met donderdag van 9.00 tot 16.00 uur en op zaterdag van 10.00 tot 12.00 uur');
    expect(week('mon-tue 09:00-12:00', 'nl')).toBe('op maandag en dinsdag van 9.00 tot 12.00 uur');
    expect(week('always', 'en')).toBe('day and night, every day');
  });

  it('fills every text and answer of the dialog set from the setting, and leaves no placeholder', () => {
    const late = loadDialogSet('dialogs', 'mon-wed 08:30-17:00, thu 08:30-20:00, fri 08:30-17:00');
    const hours = late.intents.get('contact_hours')!;
    expect(hours.answer!.nl).toContain('U kunt ons bellen op 14 0123, van maandag tot en met woensdag van 8.30 tot 17.00 uur, op donderdag van 8.30 tot 20.00 uur en op vrijdag van 8.30 tot 17.00 uur.');
    // The desk keeps its own hours (desk_hours in calendar.yaml), whatever the phone's.
    expect(hours.answer!.nl).toContain('De balie is open van maandag tot en met vrijdag van 8.30 tot 17.00 uur');
    expect(hours.variants!.find((v) => v.id === 'visit_address')!.answer.en).toContain('The desk is open Monday to Friday from 8:30 to 17:00.');
    const all = [...late.texts.values(), ...[...late.intents.values()].flatMap((i) => [i.answer, ...(i.variants ?? []).map((v) => v.answer)])];
    for (const t of all) if (t) expect([t.nl, t.en].join(' ')).not.toMatch(/\{(office|desk)_hours\}/);
    // The desk's hours the same as the phone's: said once, not the week twice.
    const same = loadDialogSet('dialogs').intents.get('contact_hours')!;
    expect(same.answer!.nl).toContain('U kunt ons bellen op 14 0123, van maandag tot en met vrijdag van 8.30 tot 17.00 uur. De balie is open op dezelfde tijden: Voorbeeldplein 1');
    expect(same.variants!.find((v) => v.id === 'visit_address')!.answer.nl).toContain('De balie is open van maandag tot en met vrijdag van 8.30 tot 17.00 uur.');
    // Without a setting: the default week (CONTRACTS.md §8).
    expect(loadDialogSet('dialogs').texts.get('fallback.help')?.nl ?? loadDialogSet('dialogs').intents.get('none')!.answer!.nl).toContain('van maandag tot en met vrijdag van 8.30 tot 17.00 uur');
  });

  it('gives the desk the office hours when calendar.yaml names none', () => {
    const dir = mkdtempSync(join(tmpdir(), 'loket-dialogs-'));
    try {
      cpSync('dialogs', dir, { recursive: true });
      const file = join(dir, 'calendar.yaml');
      writeFileSync(file, readFileSync(file, 'utf8').replace(/^desk_hours:.*$/m, ''));
      const late = loadDialogSet(dir, 'mon-wed 08:30-17:00, thu 08:30-20:00, fri 08:30-17:00');
      expect(late.intents.get('contact_hours')!.variants!.find((v) => v.id === 'visit_address')!.answer.en).toContain('The desk is open Monday to Wednesday from 8:30 to 17:00, Thursday from 8:30 to 20:00 and Friday from 8:30 to 17:00.');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
