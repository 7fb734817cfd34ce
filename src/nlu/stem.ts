/** Stemming with natural's Porter stemmers (Dutch and English), memoised per language. */
import stemmerNl from 'natural/lib/natural/stemmers/porter_stemmer_nl.js';
import stemmerEn from 'natural/lib/natural/stemmers/porter_stemmer.js';
import type { Lang } from './types.ts';

const STEMMERS: Record<Lang, { stem(token: string): string }> = { nl: stemmerNl, en: stemmerEn };
const caches: Record<Lang, Map<string, string>> = { nl: new Map(), en: new Map() };

/** Stems a normalised token; digits and very short tokens come back as they are. */
export function stem(norm: string, lang: Lang): string {
  if (norm.length <= 2 || /\d/.test(norm)) return norm;
  const cache = caches[lang];
  let s = cache.get(norm);
  if (s === undefined) {
    try {
      s = STEMMERS[lang].stem(norm) || norm;
    } catch {
      s = norm;
    }
    if (cache.size > 100_000) cache.clear();
    cache.set(norm, s);
  }
  return s;
}
