/**
 * Case numbers `Z-YYYY-NNNNNN`, however typed: `Z-2026-000123`, `z2026000123`, `Z 2026 000123`,
 * `zaak 2026-000123`, `zaaknummer: 2026/123`, `mijn zaaknummer is 2026-123`. Without a `Z` or a word like "zaak" in front, only the
 * hyphenated `2026-000123` counts (a bare run of digits could be anything).
 */
import type { Entity } from '../types.ts';
import { B, E, entity } from './span.ts';

const PATTERN = new RegExp(
  `${B}(?:(zaak(?:nummer|nr)?|dossier(?:nummer|nr)?|case(?:\\s*(?:number|no|nr))?)\\.?\\s*(?:(?:is|was)\\s+)?[:#=]?\\s*)?` +
    `(z\\s?[-.]?\\s?)?((?:19|20)\\d{2})(\\s?[-./]\\s?|\\s)?(\\d{1,6})${E}`,
  'giud',
);

export function findCaseNumbers(text: string): Entity[] {
  const out: Entity[] = [];
  for (const m of text.matchAll(PATTERN)) {
    const [, word, z, year, sep, digits] = m;
    if (year === undefined || digits === undefined) continue;
    const prefixed = word !== undefined || z !== undefined;
    // Unprefixed numbers need the hyphen and all six digits; prefixed short ones are padded.
    if (!prefixed && (sep?.trim() !== '-' || digits.length !== 6)) continue;
    if (prefixed && digits.length < 3 && sep === undefined) continue;
    const idx = m.indices!;
    const start = z !== undefined ? idx[2]![0] : idx[3]![0];
    out.push(entity('case_number', `Z-${year}-${digits.padStart(6, '0')}`, start, idx[5]![1]));
  }
  return out;
}

/**
 * Whether the text holds a case number typed whole, zeros and all, with a digit left out
 * ("Z-2026-00012"): the NLU pads it to another case. "Z-2026-123" is short on purpose.
 */
export function hasIncompleteCaseNumber(text: string): boolean {
  for (const m of text.matchAll(PATTERN)) {
    const [, , z, , sep, digits] = m;
    if (z !== undefined && sep?.trim() && digits !== undefined && digits.length >= 4 && digits.length <= 5 && digits.startsWith('0')) return true;
  }
  return false;
}
