/** IBANs (any country, mod-97 checked by ibantools), normalised to capitals without spaces. */
import { isValidIBAN } from 'ibantools';
import type { Entity } from '../types.ts';
import { B, entity } from './span.ts';

const CANDIDATE = new RegExp(`${B}[a-z]{2}\\d{2}(?:[ ]?[a-z0-9]){11,30}`, 'giu');

export function findIbans(text: string): Entity[] {
  const out: Entity[] = [];
  for (const m of text.matchAll(CANDIDATE)) {
    const found = longestValid(m[0]);
    if (found) out.push(entity('iban', found.iban, m.index, m.index + found.length));
  }
  return out;
}

/** The candidate may run into the next word ("NL91ABNA0417164300 graag"): try shorter prefixes. */
function longestValid(raw: string): { iban: string; length: number } | null {
  const ends: number[] = [];
  let compact = '';
  for (let i = 0; i < raw.length; i++) {
    if (raw[i] === ' ') continue;
    compact += raw[i]!.toUpperCase();
    ends.push(i + 1);
  }
  for (let len = Math.min(compact.length, 34); len >= 15; len--) {
    const next = raw[ends[len - 1]!];
    if (next !== undefined && /[\p{L}\p{N}]/u.test(next)) continue;
    const iban = compact.slice(0, len);
    if (isValidIBAN(iban)) return { iban, length: ends[len - 1]! };
  }
  return null;
}
