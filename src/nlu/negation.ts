/**
 * Negation scope for lexicon matches. "ik ben niet boos" is no frustration and "geen schulden" no
 * hardship, but when the negation is part of the phrase itself ("ik kan niet meer", "kan de huur niet
 * betalen") it is the meaning, not a denial. Scope: up to three words before the match, within the
 * same clause (punctuation and conjunctions close it).
 */
import type { Term } from './analyze.ts';
import type { Lang } from './types.ts';

export const NEGATIONS = new Set([
  'niet', 'geen', 'nooit', 'niks', 'niets', 'geeneens', 'nergens', 'allerminst', 'nimmer',
  'not', 'no', 'never', 'dont', 'doesnt', 'didnt', 'cant', 'cannot', 'wont', 'isnt', 'arent', 'wasnt',
  'werent', 'havent', 'hasnt', 'hadnt', 'shouldnt', 'wouldnt', 'couldnt', 'nothing', 'none', 'nobody', 'neither', 'nor',
]);

const CLAUSE_NL = ['en', 'maar', 'want', 'omdat', 'dus', 'toch', 'sinds', 'nadat', 'toen', 'terwijl'];
const CLAUSE_EN = ['and', 'but', 'because', 'so', 'though', 'although', 'since', 'after', 'while', 'when'];
/** Per language: Dutch "want" (because) closes a clause, English "want" ("I don't want to talk") does not. */
const CLAUSE_WORDS: Record<Lang | 'any', ReadonlySet<string>> = {
  nl: new Set(CLAUSE_NL),
  en: new Set(CLAUSE_EN),
  any: new Set([...CLAUSE_NL, ...CLAUSE_EN]),
};

export const isNegation = (norm: string): boolean => NEGATIONS.has(norm);

/**
 * True when the words matched at `matched` (term indexes, ascending) are denied by a negation
 * before them or in the gaps between them.
 */
export function isNegated(terms: readonly Term[], matched: readonly number[], lang: Lang | undefined, window: number): boolean {
  const clauseWords = CLAUSE_WORDS[lang ?? 'any'];
  const first = matched[0];
  const last = matched[matched.length - 1];
  if (first === undefined || last === undefined) return false;
  for (let k = first + 1; k < last; k++) {
    if (!matched.includes(k) && NEGATIONS.has(terms[k]!.norm)) return true;
  }
  for (let k = first - 1, seen = 0; k >= 0 && seen < window; k--, seen++) {
    const t = terms[k]!;
    if (t.clauseEnd || clauseWords.has(t.norm)) return false;
    if (NEGATIONS.has(t.norm)) return true;
  }
  return false;
}
