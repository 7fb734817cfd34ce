/**
 * Phone numbers, Dutch first (`06-12345678`, `020 123 4567`, `+31 6 1234 5678`, `0031 6 12345678`),
 * and international numbers written with `+`. Checked and normalised to E.164 by libphonenumber-js.
 */
import { parsePhoneNumberFromString } from 'libphonenumber-js';
import type { Entity } from '../types.ts';
import { entity } from './span.ts';

const PATTERN = /(?<![\p{L}\p{N}+])(?:(?:\+|00)\s?\d{1,3}[\s-]?(?:\(0\)[\s-]?)?\d(?:[\s-]?\d){6,11}|0\d(?:[\s-]?\d){8}|\(0\d{2,3}\)[\s-]?\d(?:[\s-]?\d){5,6})(?![\p{L}\p{N}])/gu;

export function findPhones(text: string): Entity[] {
  const out: Entity[] = [];
  for (const m of text.matchAll(PATTERN)) {
    const raw = m[0].replace(/\(0\)/, '').replace(/^00/, '+');
    const phone = parsePhoneNumberFromString(raw, 'NL');
    if (phone?.isValid()) out.push(entity('phone', phone.number, m.index, m.index + m[0].length));
  }
  return out;
}
