/** Dutch postcodes: `1234 AB`, `1234ab`, `1234-AB` → `1234 AB`. */
import type { Entity } from '../types.ts';
import { B, E, entity } from './span.ts';

const PATTERN = new RegExp(`${B}([1-9]\\d{3})(\\s?-?\\s?)([a-z]{2})${E}`, 'giu');

// Letter pairs never used in postcodes, and short words that follow a number in a sentence
// ("1234 en 5678"); written in capitals they still count.
const NEVER = new Set(['SA', 'SD', 'SS']);
const WORDS = new Set(['en', 'in', 'op', 'of', 'is', 'om', 'te', 'al', 'ik', 'je', 'we', 'ze', 'de', 'an', 'at', 'to', 'be', 'me', 'so', 'ok', 'nr', 'uw', 'mn', 'or', 'on', 'eu', 'km', 'kg', 'cm', 'mm', 'uur', 'am', 'pm', 'is', 'er', 'nu', 'ja', 'no', 'un', 'et', 'du', 'da', 'dr', 'st']);

export function findPostcodes(text: string): Entity[] {
  const out: Entity[] = [];
  for (const m of text.matchAll(PATTERN)) {
    const [all, digits, sep, letters] = m;
    if (digits === undefined || letters === undefined) continue;
    const upper = letters.toUpperCase();
    if (NEVER.has(upper)) continue;
    if (letters !== upper && (sep ?? '').length > 0 && WORDS.has(letters.toLowerCase())) continue;
    out.push(entity('postcode', `${digits} ${upper}`, m.index, m.index + all.length));
  }
  return out;
}
