/**
 * Typo tolerance: an unknown token is mapped to the nearest known word. Candidates come from a
 * one-deletion index (the SymSpell idea, so a lookup costs a few map reads instead of a scan of the
 * vocabulary); they are checked with an edit distance that counts a swap of two letters as one edit,
 * and ranked by natural's Jaro-Winkler similarity.
 */
import jaroWinkler from 'natural/lib/natural/distance/jaro-winkler_distance.js';
import type { Lang } from './types.ts';

const MIN_LENGTH = 4;
/** Respelling (y → ij) is tried from three letters on: "sny", "tyd", "pyn". */
const MIN_RESPELL_LENGTH = 3;

/** A consonant typed twice in a row (where a run of three, the last two). */
const DOUBLED_CONSONANT = /([b-df-hj-np-tv-z])(?=\1)/g;
const CONSONANT_RUN = /([b-df-hj-np-tv-z])\1+/g;
/** A consonant typed once between two vowels ("stoped", "ofice", "tomorow"). */
const SINGLE_CONSONANT = /(?<=[aeiouy])([b-df-hj-np-tv-z])(?=[aeiouy])/g;

// Rows reused between calls: the distance runs for every candidate of every unknown word.
let rows: [Int32Array, Int32Array, Int32Array] = [new Int32Array(64), new Int32Array(64), new Int32Array(64)];

/** Optimal-string-alignment distance (Damerau-Levenshtein without repeated edits of one substring). */
export function editDistance(a: string, b: string, max = Infinity): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const n = b.length;
  if (rows[0].length <= n) rows = [new Int32Array(n + 1), new Int32Array(n + 1), new Int32Array(n + 1)];
  let [prev2, prev, cur] = rows;
  for (let j = 0; j <= n; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    let rowMin = i;
    const ca = a.charCodeAt(i - 1);
    for (let j = 1; j <= n; j++) {
      const cb = b.charCodeAt(j - 1);
      let v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (ca === cb ? 0 : 1));
      if (i > 1 && j > 1 && ca === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === cb) v = Math.min(v, prev2[j - 2]! + 1);
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    [prev2, prev, cur] = [prev, cur, prev2];
  }
  return prev[n]!;
}

function deletions(word: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < word.length; i++) out.push(word.slice(0, i) + word.slice(i + 1));
  return out;
}

/** What an unknown word was taken for. */
export interface Correction {
  word: string;
  /**
   * A common way of spelling `word` (Dutch ij typed as y, English -in for -ing), not a guess by edit
   * distance: sure enough for the crisis lexicon even in short words ("sny", "eatin").
   */
  respelled: boolean;
}

/** Known words, with a nearest-word lookup for the unknown ones. */
export class Vocabulary {
  private readonly words = new Map<string, number>();
  private readonly index = new Map<string, string[]>();
  private readonly memo = new Map<string, Correction | null>();

  add(word: string): void {
    if (word.length < 2 || /\d/.test(word)) return;
    const count = this.words.get(word);
    this.words.set(word, (count ?? 0) + 1);
    if (count !== undefined || word.length < MIN_LENGTH - 1) return;
    for (const key of [word, ...deletions(word)]) {
      const list = this.index.get(key);
      if (list === undefined) this.index.set(key, [word]);
      else if (!list.includes(word)) list.push(word);
    }
    this.memo.clear();
  }

  has(word: string): boolean {
    return this.words.has(word);
  }

  get size(): number {
    return this.words.size;
  }

  /** The known word nearest to `word`, or null when it is known already or nothing is near enough. */
  nearest(word: string): string | null {
    return this.correct(word)?.word ?? null;
  }

  /**
   * `nearest`, saying whether the word is a respelling or a guess by edit distance. In an English
   * message an unknown word in -in that no known -ing word fits is still read as -ing ("kickin" →
   * "kicking"): the g is dropped so often that the -ing form is the better guess even unknown.
   */
  correct(word: string, lang?: Lang): Correction | null {
    const found = this.known(word);
    if (found === null && lang === 'en' && word.length >= 5 && word.endsWith('in') && !this.words.has(word) && !/\d/.test(word)) {
      return { word: `${word}g`, respelled: true };
    }
    return found;
  }

  private known(word: string): Correction | null {
    if (this.words.has(word)) return this.droppedG(word);
    if (word.length < MIN_RESPELL_LENGTH || /\d/.test(word)) return null;
    const hit = this.memo.get(word);
    if (hit !== undefined) return hit;
    const respelled = this.respelled(word);
    const guessed = respelled === null && word.length >= MIN_LENGTH ? this.search(word) : null;
    const best = respelled !== null ? { word: respelled, respelled: true } : guessed !== null ? { word: guessed, respelled: false } : null;
    if (this.memo.size > 20_000) this.memo.clear();
    this.memo.set(word, best);
    return best;
  }

  /**
   * "eatin", "uitkerin": a g dropped in a training example makes a known word of its own, which then
   * hides the -ing word ("stopped eating") it is written for. The -ing form, where it is the more
   * common of the two (an unknown -in word is respelled below).
   */
  private droppedG(known: string): Correction | null {
    return known.length >= 5 && known.endsWith('in') && this.count(`${known}g`) > this.count(known) ? { word: `${known}g`, respelled: true } : null;
  }

  /** A known word that `word` is a common way of spelling, before any edit distance is tried. */
  private respelled(word: string): string | null {
    // "vrydag", "dodelyk", "sny": Dutch ij typed as y.
    const ij = word.replace(/y/g, 'ij');
    if (ij !== word && this.words.has(ij)) return ij;
    // "garrage", "pilllen": a consonant typed twice (or thrice) where the known word has it once.
    for (const m of word.matchAll(DOUBLED_CONSONANT)) {
      const once = word.slice(0, m.index) + word.slice(m.index + 1);
      if (this.words.has(once)) return once;
    }
    // "laterrr", "hellppp": every run of one consonant typed as one.
    const single = word.replace(CONSONANT_RUN, '$1');
    if (single !== word && this.words.has(single)) return single;
    // The other way round ("stoped", "ofice", "tomorow"): a consonant typed once where the known word
    // doubles it, between vowels, where the double is written for the sound.
    for (const m of word.matchAll(SINGLE_CONSONANT)) {
      const twice = word.slice(0, m.index) + m[1] + word.slice(m.index);
      if (this.words.has(twice)) return twice;
    }
    // "hitin", "nothin": English drops the g of -ing ("hitin" → "hiting" → "hitting"; "termin" is no -ing word).
    if (word.length < MIN_LENGTH || !word.endsWith('in')) return null;
    const ing = this.words.has(`${word}g`) ? `${word}g` : this.search(`${word}g`);
    return ing !== null && ing.endsWith('ing') && ing.startsWith(word.slice(0, -2)) ? ing : null;
  }

  private search(word: string): string | null {
    const maxEdits = word.length >= 7 ? 2 : 1;
    const candidates = new Set<string>(this.index.get(word) ?? []);
    for (const d of deletions(word)) {
      if (this.words.has(d)) candidates.add(d);
      for (const c of this.index.get(d) ?? []) candidates.add(c);
    }
    let best: string | null = null;
    let bestDist = Infinity;
    let bestSim = 0;
    for (const c of candidates) {
      if (Math.abs(c.length - word.length) > maxEdits) continue;
      // Typos rarely hit the first letter; a different one is usually another word ("curious" is not "furious").
      if (c[0] !== word[0]) continue;
      const dist = editDistance(word, c, maxEdits);
      if (dist > maxEdits || dist > bestDist) continue;
      const sim = jaroWinkler(word, c);
      const better = dist < bestDist || (dist === bestDist && (sim > bestSim || (sim === bestSim && this.count(c) > this.count(best))));
      if (better) {
        best = c;
        bestDist = dist;
        bestSim = sim;
      }
    }
    return best;
  }

  private count(word: string | null): number {
    return word === null ? 0 : (this.words.get(word) ?? 0);
  }
}
