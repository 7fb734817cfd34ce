/** What a caseworker may send a citizen or note: the same rules as a citizen's message, with its own length. */
import { checkedText, type TextRules } from '../conversation/text.ts';

export const MAX_CASEWORKER_TEXT = 2000;

const CASEWORKER_TEXT: TextRules = { max: MAX_CASEWORKER_TEXT, codes: { empty: 'TEXT_EMPTY', tooLong: 'TEXT_TOO_LONG', broken: 'TEXT_NOT_TEXT' } };

/**
 * A caseworker's reply or note, by the same rules as a citizen's message (conversation/text.ts): a
 * reply of only zero-width characters was an empty bubble on the citizen's screen (or an empty SMS),
 * and half an emoji or a control character reached their phone as garbage.
 */
export function checkCaseworkerText(text: unknown): string {
  return checkedText(text, CASEWORKER_TEXT);
}
