/**
 * Tokens with their place in the original text. Everything the NLU matches works on `norm` (lower
 * case, no diacritics, no apostrophes), and reports offsets into the text the citizen typed.
 */

export interface Token {
  /** As typed. */
  raw: string;
  /** Lower case, diacritics and apostrophes removed: `Suïcidaal` → `suicidaal`, `don't` → `dont`. */
  norm: string;
  start: number;
  end: number;
  /** Set when punctuation that ends a clause (. , ! ? ;) follows this token. */
  clauseEnd: boolean;
}

/** Longest text the NLU looks at; longer messages are cut here (a citizen message is never this long). */
export const MAX_TEXT = 20_000;

const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}\p{N}]+)*/gu;
const CLAUSE_END = /^[\s"')\]]*[.,!?;:]/;
const MARKS = /[\u0300-\u036f'’]/g;

const normCache = new Map<string, string>();

/** Lower case without diacritics or apostrophes; cached because the same words come back all day. */
export function normalizeWord(word: string): string {
  const hit = normCache.get(word);
  if (hit !== undefined) return hit;
  const norm = word.toLowerCase().normalize('NFD').replace(MARKS, '').replace(/ß/g, 'ss');
  if (normCache.size > 50_000) normCache.clear();
  normCache.set(word, norm);
  return norm;
}

/** Splits text into word tokens (letters and digits), keeping offsets. */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  const limited = text.length > MAX_TEXT ? text.slice(0, MAX_TEXT) : text;
  for (const m of limited.matchAll(WORD)) {
    const start = m.index;
    const end = start + m[0].length;
    const norm = normalizeWord(m[0]);
    if (norm.length === 0) continue;
    tokens.push({ raw: m[0], norm, start, end, clauseEnd: CLAUSE_END.test(limited.slice(end, end + 4)) });
  }
  return tokens;
}

/** Replaces lone surrogates and control characters so nothing downstream trips over them. */
export function sanitize(text: unknown): string {
  if (typeof text !== 'string') return '';
  // toWellFormed exists from Node 20; the fallback keeps older runtimes safe.
  const wellFormed = typeof (text as { toWellFormed?: () => string }).toWellFormed === 'function'
    ? (text as unknown as { toWellFormed: () => string }).toWellFormed()
    : text.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd');
  return wellFormed;
}

export const isNumeric = (s: string): boolean => /^\d+$/.test(s);
