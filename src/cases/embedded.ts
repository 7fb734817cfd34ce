/** The embedded case source: the store's case table, seeded with the demo cases on first start. */
import { LoketError } from '../errors.ts';
import { extended } from '../objects.ts';
import type { Clock } from '../clock.ts';
import type { CaseTable } from '../store/types.ts';
import type { CaseSource } from './case-source.ts';
import { DEMO_CASES } from './demo-data.ts';

export function embeddedCaseSource(table: CaseTable, clock: Clock): CaseSource {
  return {
    name: 'embedded',
    async find(caseNumber) {
      let row;
      try {
        row = await table.get(caseNumber);
      } catch (err) {
        throw new LoketError('CASE_SOURCE_UNAVAILABLE', [String(err)], { cause: err });
      }
      return row ? extended(row, { source: 'embedded', fetchedAt: clock.now().toISOString() }) : null;
    },
  };
}

/** Seeds the demo cases (CONTRACTS.md §6) when the table is empty. Returns how many were added. */
export async function seedDemoCases(table: CaseTable): Promise<number> {
  if ((await table.count()) > 0) return 0;
  for (const row of DEMO_CASES) await table.upsert(row);
  return DEMO_CASES.length;
}
