/**
 * Entity extraction. Extractors run from the most to the least specific; a later entity that overlaps
 * an earlier one is dropped, so a BSN is never reported inside a case number, phone number or IBAN.
 */
import type { Entity } from '../types.ts';
import { findBsns } from './bsn.ts';
import { findCaseNumbers } from './case-number.ts';
import { findDates, type DateOptions } from './date.ts';
import { findIbans } from './iban.ts';
import { findPhones } from './phone.ts';
import { findPostcodes } from './postcode.ts';
import { overlaps } from './span.ts';
import { MAX_TEXT } from '../text.ts';

export { isValidBsn } from './bsn.ts';
export { toIsoDate } from './date.ts';

/** Finds case numbers, IBANs, phone numbers, dates, postcodes and BSNs; sorted by position. Never throws. */
export function extractEntities(text: string, opts: DateOptions = {}): Entity[] {
  if (typeof text !== 'string' || !/\d/.test(text)) return [];
  const input = text.length > MAX_TEXT ? text.slice(0, MAX_TEXT) : text;
  const found: Entity[] = [];
  const extractors: Array<() => Entity[]> = [
    () => findCaseNumbers(input),
    () => findIbans(input),
    () => findPhones(input),
    () => findDates(input, opts),
    () => findPostcodes(input),
    () => findBsns(input),
  ];
  for (const run of extractors) {
    let list: Entity[];
    try {
      list = run();
    } catch {
      continue;
    }
    for (const e of list) if (!found.some((f) => overlaps(f, e))) found.push(e);
  }
  return found.sort((a, b) => a.start - b.start);
}
