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

/**
 * The text with each entity `instead` gives a word for replaced by that word (the others left as they
 * are): look-alikes in an exported example, "[postcode]" in a caseworker's summary.
 */
export function replaceEntities(text: string, instead: (e: Entity) => string | undefined): string {
  let out = '';
  let at = 0;
  // In order and without overlaps.
  for (const e of extractEntities(text)) {
    const word = instead(e);
    if (word === undefined) continue;
    out += text.slice(at, e.start) + word;
    at = e.end;
  }
  return out + text.slice(at);
}

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
