/**
 * Sentiment as one signal for frustration, next to the lexicons: natural's Dutch (pattern) and
 * English (AFINN) word polarities. On its own a negative word says little ("ik ben verdrietig" is not
 * anger at us), so the signal needs a strongly negative message AND an outward sign of agitation:
 * several exclamation marks, shouting in capitals, or words of repeated contact ("alweer", "nog steeds").
 */
import { createRequire } from 'node:module';
import type SentimentAnalyzer from 'natural/lib/natural/sentiment/SentimentAnalyzer.js';
import PorterStemmerNl from 'natural/lib/natural/stemmers/porter_stemmer_nl.js';
import type { Lang } from './types.ts';

// natural's analyzer reads every language's word list when loaded (~200 ms), so it is loaded on the
// first agitated message instead of at every start.
const requireCjs = createRequire(import.meta.url);
let Analyzer: typeof SentimentAnalyzer | undefined;
const analyzers: Partial<Record<Lang, SentimentAnalyzer>> = {};
function analyzer(lang: Lang): SentimentAnalyzer {
  Analyzer ??= requireCjs('natural/lib/natural/sentiment/SentimentAnalyzer.js') as typeof SentimentAnalyzer;
  // Dutch with the stemmer, so "slechte" and "belachelijke" find "slecht" and "belachelijk".
  return (analyzers[lang] ??= lang === 'nl' ? new Analyzer('Dutch', PorterStemmerNl, 'pattern') : new Analyzer('English', null, 'afinn'));
}

/** Per language: how negative one word must be to count (pattern is -1..1, AFINN -5..5). */
const STRONG: Record<Lang, number> = { nl: -0.6, en: -2 };
/** Negative words about the citizen's situation, not about us: worries, illness, loss. */
const NOT_ANGER = /^(ziek|bang|angst|dood|overle|sterf|arm|pijn|verdriet|eenza|zorg|moe|sick|ill|afraid|scared|dead|died|poor|pain|sad|lonely|worr)/i;
const REPEATED = /\b(alweer|weer eens|nog steeds|nog altijd|voor de (\d+|derde|vierde|vijfde|zoveelste) keer|zoveelste keer|again|still (no|not)|for the (\d+(st|nd|rd|th)|third|fourth|fifth|umpteenth) time)\b/i;

export interface SentimentSignal {
  score: number;
  /** The most negative words, as written. */
  evidence: string;
}

/** A frustration signal from sentiment, or null. */
export function frustrationFromSentiment(text: string, lang: Lang): SentimentSignal | null {
  const words = text.match(/[\p{L}']+/gu) ?? [];
  if (words.length < 3) return null;
  const agitated = (text.match(/!/g)?.length ?? 0) >= 2
    || words.filter((w) => w.length >= 3 && w === w.toUpperCase() && /\p{Lu}/u.test(w)).length >= 2
    || REPEATED.test(text);
  if (!agitated) return null;
  const a = analyzer(lang);
  const lower = words.map((w) => (lang === 'nl' ? PorterStemmerNl.stem(w.toLowerCase()) : w.toLowerCase()));
  // Only strongly negative words: "bang" or "ziek" are worries, not anger at us.
  const strong = words.filter((w, i) => !NOT_ANGER.test(w) && a.getSentiment([lower[i]!]) <= STRONG[lang]);
  if (strong.length === 0) return null;
  return { score: a.getSentiment(lower), evidence: strong.slice(0, 4).join(' ') };
}
