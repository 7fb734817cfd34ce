/**
 * What counts as text, for a citizen's message and for a caseworker's reply alike: the same rules on
 * both sides, so nothing a citizen may not send reaches a citizen the other way. Each side has its
 * own limit and error codes.
 */
import { LoketError, type ErrorCode } from '../errors.ts';

// Whitespace and characters that are never drawn (zero-width spaces and joiners, direction marks, a
// soft hyphen, a BOM): a text of only these shows nothing, to the citizen and to a caseworker.
// Taken as a message, two of them were two fallbacks and a handoff for an empty bubble.
const SHOWS_NOTHING = /^[\s\p{Default_Ignorable_Code_Point}]*$/u;

// Control characters other than tab/newline, and the replacement char that binary garbage decodes to.
const NOT_TEXT = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\uFFFD]/;
// Half a surrogate pair (JSON lets "\ud83d" through alone): broken UTF-16, as binary garbage is
// broken UTF-8. Whole pairs (emoji) are one code point and do not match.
const LONE_SURROGATE = /\p{Cs}/u;

export interface TextRules {
  /** The most characters: Unicode code points, so an emoji counts as one, not two UTF-16 units. */
  max: number;
  /** Thrown for text that shows nothing, text over `max`, and broken text. */
  codes: { empty: ErrorCode; tooLong: ErrorCode; broken: ErrorCode };
}

function characterCount(text: string): number {
  let count = 0;
  for (const _ of text) count++;
  return count;
}

/** Checks a text by `rules`; returns it trimmed, in NFC. Throws LoketError with the rules' codes. */
export function checkedText(raw: unknown, { max, codes }: TextRules): string {
  if (typeof raw !== 'string' || SHOWS_NOTHING.test(raw)) throw new LoketError(codes.empty);
  // A string of more UTF-16 units can still fit: an emoji or a character outside the BMP is two.
  if (raw.length > max && characterCount(raw) > max) throw new LoketError(codes.tooLong, [max]);
  if (NOT_TEXT.test(raw) || LONE_SURROGATE.test(raw)) throw new LoketError(codes.broken);
  return raw.trim().normalize('NFC');
}
