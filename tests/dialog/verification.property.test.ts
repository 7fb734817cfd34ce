import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { DEMO_CASES } from '../../src/cases/demo-data.ts';
import { loadDialogSet } from '../../src/dialog/loader.ts';
import type { Entity } from '../../src/nlu/types.ts';
import { createDriver, parsed } from '../support/dialog-driver.ts';

const dialogs = loadDialogSet('dialogs');
const ctx = { dialogs, timeZone: 'Europe/Amsterdam' };

const caseNumbers = [...DEMO_CASES.map((c) => c.number), 'Z-2026-999999', 'Z-2024-000001'];
const postcodes = [...new Set(DEMO_CASES.map((c) => c.postcode)), '9999 ZZ'];
const dates = [...new Set(DEMO_CASES.map((c) => c.birthDate)), '2000-01-01', '1980-03-16'];

const entity = fc.oneof(
  fc.constantFrom(...caseNumbers).map((value): Entity => ({ type: 'case_number', value, start: 0, end: 1 })),
  fc.constantFrom(...postcodes).map((value): Entity => ({ type: 'postcode', value, start: 0, end: 1 })),
  fc.constantFrom(...dates).map((value): Entity => ({ type: 'date', value, start: 0, end: 1 })),
);
const message = fc.record({
  intent: fc.constantFrom('case_status', 'none', 'greeting', 'contact_hours', 'thanks', 'payment'),
  entities: fc.array(entity, { maxLength: 3 }),
  why: fc.boolean(),
});

describe('verification (property)', () => {
  it('never shows a status text unless case number, postcode and birth date matched that case', () => {
    fc.assert(
      fc.property(fc.array(message, { minLength: 1, maxLength: 12 }), (messages) => {
        const d = createDriver(ctx, { parse: () => parsed('', 'none') });
        for (const m of messages) {
          const said = m.why ? d.say('waarom?') : d.sayParsed(parsed('bericht', m.intent, m.entities));
          for (const c of DEMO_CASES) {
            if (!said.text.includes(c.statusText)) continue;
            // The status of c was shown: some load of c must have had matching facts.
            const ok = d.loads.some((l) => l.caseNumber === c.number && l.facts.postcode === c.postcode && l.facts.birthDate === c.birthDate);
            expect(ok, `status of ${c.number} shown without matching facts`).toBe(true);
          }
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('never tells which of the three facts was wrong', () => {
    fc.assert(
      fc.property(fc.constantFrom(...caseNumbers), fc.constantFrom(...postcodes), fc.constantFrom(...dates), (nr, pc, bd) => {
        const d = createDriver(ctx, { parse: () => parsed('', 'none') });
        const said = d.sayParsed(parsed('x', 'case_status', [
          { type: 'case_number', value: nr, start: 0, end: 1 },
          { type: 'postcode', value: pc, start: 0, end: 1 },
          { type: 'date', value: bd, start: 0, end: 1 },
        ]));
        expect(said.text).not.toMatch(/postcode (klopt|is) niet|geboortedatum (klopt|is) niet|onbekend zaaknummer|does not exist|wrong postcode/i);
      }),
      { numRuns: 300 },
    );
  });
});
