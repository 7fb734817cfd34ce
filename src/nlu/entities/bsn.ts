/** Burgerservicenummers: nine digits (spaces or dots allowed in threes) that pass the elfproef. */
import type { Entity } from '../types.ts';
import { entity } from './span.ts';

const PATTERN = /(?<![\p{L}\p{N}+\-/.])(\d{3})([ .]?)(\d{3})\2(\d{3})(?![\p{L}\p{N}]|[-/.]\d)/gu;

/** The elfproef: 9·d1 + 8·d2 + … + 2·d8 − 1·d9 is a multiple of 11 (and not all zeros). */
export function isValidBsn(digits: string): boolean {
  if (!/^\d{9}$/.test(digits) || /^0+$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += Number(digits[i]) * (9 - i);
  sum -= Number(digits[8]);
  return sum % 11 === 0;
}

export function findBsns(text: string): Entity[] {
  const out: Entity[] = [];
  for (const m of text.matchAll(PATTERN)) {
    const digits = `${m[1]}${m[3]}${m[4]}`;
    if (isValidBsn(digits)) out.push(entity('bsn', digits, m.index, m.index + m[0].length));
  }
  return out;
}
