/**
 * A check of the texts citizens read, for `loket dialogs validate`: B1 language means short
 * sentences. It gives advice, never refuses a set: a contact centre may have a reason for a long one.
 */

/** Words in a sentence from which `dialogs validate` advises to split it. */
export const MAX_SENTENCE_WORDS = 25;

/**
 * The sentences of `text` longer than `max` words. An enumeration ("U kunt mij vragen naar: de stand
 * van uw aanvraag, betalingen, papieren, …", three commas or more) is a list, read item by item, and
 * is left alone; so are placeholders ({caseNumber}) and links, which count as one word.
 */
export function longSentences(text: string, max = MAX_SENTENCE_WORDS): Array<{ words: number; sentence: string }> {
  const out: Array<{ words: number; sentence: string }> = [];
  for (const sentence of text.split(/(?<=[.!?])\s+/)) {
    if ((sentence.match(/,/g) ?? []).length >= 3) continue;
    const words = sentence.split(/\s+/).filter((w) => /[\p{L}\p{N}{]/u.test(w)).length;
    if (words > max) out.push({ words, sentence });
  }
  return out;
}
