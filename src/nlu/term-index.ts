/**
 * The words of a message as the handoff detector reads them (handoff.ts): each term's view (its stems
 * in both languages and its trusted correction, kept across messages) and the index keys under which
 * lexicon phrases are filed, with the cheap test whether a phrase's words can all be in a message.
 */
import type { Term } from './analyze.ts';
import type { Alternative, Phrase } from './lexicon.ts';
import { stem } from './stem.ts';
import type { Lang } from './types.ts';

/**
 * A typo-corrected form is trusted for lexicon words from this length on: "zelfmord" may become
 * "zelfmoord", but "window" must not become "widow", nor "boot" "boos". A respelling ("sny" → "snij",
 * "eatin" → "eating") is trusted at any length.
 */
const MIN_FIXED_LENGTH = 7;
const LANGS: Lang[] = ['nl', 'en'];

export interface TermView<Lookup = unknown> {
  norm: string;
  /** The term's own `fixed` and `respelled`, which (with `norm`) this view was made for. */
  corrected: string;
  respelled: boolean;
  fixed: string | null;
  stems: Record<Lang, string[]>;
  /** Index keys under which phrases starting with this word are filed. */
  keys: string[];
  /** What one detector (the last to read this word) worked out from `keys`: see HandoffDetector.lookup. */
  lookup?: Lookup;
}

function stemsOf(norm: string, fixed: string | null, lang: Lang): string[] {
  return fixed ? [stem(norm, lang), stem(fixed, lang)] : [stem(norm, lang)];
}

// Views depend only on the word and its correction, and the same words come back all day. Filed by
// the word (a string the text's caches hand out again, so its hash is known) with one view per correction.
const views = new Map<string, TermView<never>[]>();
let viewCount = 0;

export function view<Lookup>(t: Term): TermView<Lookup> {
  let list = views.get(t.norm);
  if (list !== undefined) {
    for (const v of list) if (v.corrected === t.fixed && v.respelled === t.respelled) return v;
  }
  const fixed = t.fixed !== t.norm && (t.respelled || t.fixed.length >= MIN_FIXED_LENGTH) ? t.fixed : null;
  const stems = { nl: stemsOf(t.norm, fixed, 'nl'), en: stemsOf(t.norm, fixed, 'en') };
  const v: TermView<never> = { norm: t.norm, corrected: t.fixed, respelled: t.respelled, fixed, stems, keys: indexKeys(t.norm, fixed, stems) };
  if (viewCount > 50_000) {
    views.clear();
    viewCount = 0;
    list = undefined;
  }
  if (list === undefined) views.set(t.norm, (list = []));
  list.push(v);
  viewCount++;
  return v;
}

function indexKeys(norm: string, fixed: string | null, stems: Record<Lang, string[]>): string[] {
  const keys: string[] = [];
  for (const lang of LANGS) {
    for (const s of stems[lang]) keys.push(`${lang}:s:${s}`);
    keys.push(`${lang}:w:${norm}`, `${lang}:p:${norm.slice(0, 3)}`);
    if (fixed) keys.push(`${lang}:w:${fixed}`, `${lang}:p:${fixed.slice(0, 3)}`);
  }
  return keys;
}

/** The index keys a term matching `a` has (a prefix shorter than three letters: its own, which a test must not rely on). */
export function altKeys(a: Alternative, lang: Lang): string[] {
  if (a.kind === 'prefix') return [`${lang}:p:${a.value.slice(0, 3)}`];
  if (a.kind === 'exact') return [`${lang}:w:${a.word}`];
  return [`${lang}:s:${a.value}`, `${lang}:w:${a.word}`];
}

/** Entry.needs of a phrase. */
export function needsOf(phrase: Phrase): Array<string[] | null> {
  return phrase.words.slice(1).map((alts) => (alts.some((a) => a.kind === 'prefix' && a.value.length < 3) ? null : alts.flatMap((a) => altKeys(a, phrase.lang))));
}

/**
 * Whether every word of the phrase (after the first) can be in a message with these index keys:
 * `present[id] === mark` for each key number the message has (HandoffDetector.keyIds).
 */
export function possible(needIds: ReadonlyArray<Int32Array | null>, present: Int32Array, mark: number): boolean {
  for (const ids of needIds) {
    if (ids === null) continue;
    let any = false;
    for (let j = 0; j < ids.length; j++) if (present[ids[j]!] === mark) {
      any = true;
      break;
    }
    if (!any) return false;
  }
  return true;
}

function matchesAlt(a: Alternative, t: TermView, lang: Lang): boolean {
  if (a.kind === 'prefix') return t.norm.startsWith(a.value) || (t.fixed !== null && t.fixed.startsWith(a.value));
  if (a.kind === 'exact') return t.norm === a.word || t.fixed === a.word;
  return t.norm === a.word || t.fixed === a.word || t.stems[lang].includes(a.value);
}

export const matchesWord = (alts: Alternative[], t: TermView, lang: Lang): boolean => alts.some((a) => matchesAlt(a, t, lang));
