/**
 * What counts as text, for a citizen's message and for a caseworker's reply alike: the same rules on
 * both sides, so nothing a citizen may not send reaches a citizen the other way.
 */

// Whitespace and characters that are never drawn (zero-width spaces and joiners, direction marks, a
// soft hyphen, a BOM): a text of only these shows nothing, to the citizen and to a caseworker.
// Taken as a message, two of them were two fallbacks and a handoff for an empty bubble.
const SHOWS_NOTHING = /^[\s\p{Default_Ignorable_Code_Point}]*$/u;

// Control characters other than tab/newline, and the replacement char that binary garbage decodes to.
const NOT_TEXT = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\uFFFD]/;
// Half a surrogate pair (JSON lets "\ud83d" through alone): broken UTF-16, as binary garbage is
// broken UTF-8. Whole pairs (emoji) are one code point and do not match.
const LONE_SURROGATE = /\p{Cs}/u;

/** True when `text` would show nothing: empty, blanks, or only characters that are never drawn. */
export function showsNothing(text: string): boolean {
  return SHOWS_NOTHING.test(text);
}

/** True when `text` holds control characters, decoded garbage or half an emoji. */
export function isBrokenText(text: string): boolean {
  return NOT_TEXT.test(text) || LONE_SURROGATE.test(text);
}

/** How many characters (code points) `text` has: an emoji counts as one, not as two UTF-16 units. */
export function characterCount(text: string): number {
  let count = 0;
  for (const _ of text) count++;
  return count;
}

/** True when `text` has more than `max` characters; counts only when the UTF-16 length could be over. */
export function longerThan(text: string, max: number): boolean {
  return text.length > max && characterCount(text) > max;
}
