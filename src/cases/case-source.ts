/**
 * Where case facts come from. Dialogs never see HTTP or SQL: they get a CaseRecord or null.
 * The embedded source reads the SQLite case table; a ZGW Zaken client will implement the same port.
 */
import type { CaseRecord } from '../dialog/types.ts';

export interface CaseSource {
  /** Short name for traces: `embedded`, `zgw` … */
  readonly name: string;
  /** The case with this (normalised) number, or null. Throws CASE_SOURCE_UNAVAILABLE when the system fails. */
  find(caseNumber: string): Promise<CaseRecord | null>;
}

/** Normalises the ways citizens type a case number to `Z-2026-000123`; null if it is not one. */
export function normaliseCaseNumber(input: string): string | null {
  const m = /^\s*(?:zaak\s*(?:nummer|nr\.?)?\s*)?z?[\s-]*(\d{4})[\s-]*(\d{6})\s*$/i.exec(input);
  return m ? `Z-${m[1]}-${m[2]}` : null;
}
