/**
 * Turns a message into terms: tokens after SMS shorthand is expanded ("wnr" → "wanneer") and typos
 * are mapped to known words ("aanvrag" → "aanvraag"). Classifier features and lexicon matching both
 * read terms, and every term keeps the offsets of the token it came from.
 */
import { emojiWords, expand } from './abbreviations.ts';
import { stem } from './stem.ts';
import { tokenize, type Token } from './text.ts';
import type { Vocabulary } from './typo.ts';
import type { Lang } from './types.ts';

export interface Term {
  /** The normalised word (after shorthand expansion). */
  norm: string;
  /** The nearest known word when `norm` is unknown, else `norm`. */
  fixed: string;
  /** `fixed` is a respelling of `norm` (y for ij, -in for -ing), not a guess by edit distance. */
  respelled: boolean;
  /** Stem of `fixed` in the message language. */
  stem: string;
  start: number;
  end: number;
  /** Clause punctuation follows this term. */
  clauseEnd: boolean;
}

/** The words that "zelf", "self" and "selves" join when written apart ("me zelf" is "mezelf"). */
const SELF_PREFIXES: Record<string, ReadonlySet<string> | undefined> = {
  zelf: new Set(['me', 'mij', 'je', 'jij', 'zich', 'hem', 'haar', 'ons', 'jou', 'u']),
  self: new Set(['my', 'your', 'him', 'her', 'it', 'one']),
  selves: new Set(['our', 'your', 'them']),
};

const isDigit = (c: number): boolean => c >= 48 && c <= 57;

/** Whether a sentence ends between two terms, `from` the end of one and `to` the start of the next (a full stop, question or exclamation mark there). */
export function endsSentence(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 33 || c === 63) return true; // ! ?
    // A full stop ends a sentence, but not inside a number ("na 15.00 uur", "€ 1.250").
    if (c === 46 && !(isDigit(text.charCodeAt(i - 1)) && isDigit(text.charCodeAt(i + 1)))) return true;
  }
  return false;
}

/**
 * Words that turn from small talk to the matter ("… lol. anyway when is payday", "… maar goed, is
 * mijn wijziging verwerkt"), as runs of normalised words. What follows one starts a new sentence.
 */
const TOPIC_SHIFTS: readonly (readonly string[])[] = [['anyway'], ['anyways'], ['anyhow'], ['btw'], ['by', 'the', 'way'], ['enfin'], ['maargoed'], ['maar', 'goed'], ['hoe', 'dan', 'ook']];

/** How many terms from `i` on are a topic-shift word (0 when none). */
function topicShiftAt(terms: readonly Term[], i: number): number {
  for (const words of TOPIC_SHIFTS) {
    if (words.every((w, k) => terms[i + k]?.norm === w)) return words.length;
  }
  return 0;
}

/**
 * The sentences of a message, as runs of its terms (split where endsSentence says); empty when it is
 * one sentence. `atTopicShift`: also split before a topic-shift word followed by at least two more
 * words, and leave the word out ("… lol anyway when is payday" → "… lol", "when is payday").
 */
export function splitSentences(terms: readonly Term[], text: string, opts: { atTopicShift?: boolean } = {}): Term[][] {
  const sentences: Term[][] = [];
  let from = 0;
  for (let i = 0; i < terms.length; i++) {
    const shift = opts.atTopicShift ? topicShiftAt(terms, i + 1) : 0;
    if (shift > 0 && terms.length - (i + 1 + shift) >= 2) {
      sentences.push(terms.slice(from, i + 1));
      from = i + 1 + shift;
      i = from - 1;
      continue;
    }
    const last = i === terms.length - 1;
    if (!last && !endsSentence(text, terms[i]!.end, terms[i + 1]!.start)) continue;
    if (from === 0 && last) return [];
    sentences.push(terms.slice(from, i + 1));
    from = i + 1;
  }
  return sentences;
}

/** Words that join a second question to the first ("… open en hoe staat het …", "… and when …"). */
const JOINS: ReadonlySet<string> = new Set(['en', 'ook', 'and', 'also', 'plus']);
/** Words a question starts with, after such a join. */
const QUESTION_WORDS: ReadonlySet<string> = new Set([
  'hoe', 'wanneer', 'wat', 'waar', 'welke', 'wie', 'kan', 'kun', 'kunt', 'mag', 'moet',
  'how', 'when', 'what', 'where', 'which', 'who', 'can', 'could', 'do', 'does', 'will',
]);

/** Words a question may start with besides QUESTION_WORDS ("is dat bedrag goed?", "heb ik …", "did you …"). */
const ASKING_WORDS: ReadonlySet<string> = new Set([
  ...QUESTION_WORDS, 'waarom', 'hoeveel', 'is', 'zijn', 'heb', 'hebben', 'hebt', 'heeft', 'krijg', 'krijgt', 'wordt', 'word', 'zal', 'zou', 'kunnen', 'moeten', 'mogen',
  'why', 'is', 'are', 'has', 'have', 'did', 'should', 'would', 'may', 'am', 'was',
]);

/** Greetings a question may open with ("hallo, hoe …", "Hello, when …"). */
const GREETINGS: ReadonlySet<string> = new Set(['hallo', 'hoi', 'hey', 'hi', 'hello', 'goedemorgen', 'goedemiddag', 'goedenavond', 'beste', 'dag']);
/** Words that ask after a comma inside a sentence: "ik ben verhuisd, hoe geef ik dat door". */
const WH_WORDS: ReadonlySet<string> = new Set(['hoe', 'wanneer', 'wat', 'waar', 'welke', 'waarom', 'hoeveel', 'how', 'when', 'what', 'where', 'which', 'why']);
const EXCLAIMS: ReadonlySet<string> = new Set(['wat een', 'what a', 'how nice', 'hoe leuk', 'hoe fijn']);
/** "ik wil weten wanneer …", "I'd like to know how …": a question asked as a wish. */
const WANT_TO_KNOW = [['ik', 'wil', 'weten'], ['ik', 'wil', 'graag', 'weten'], ['ik', 'zou', 'graag', 'willen', 'weten'], ['i', 'want', 'to', 'know'], ['i', 'would', 'like', 'to', 'know'], ['i', 'd', 'like', 'to', 'know'], ['i', 'was', 'wondering']];
const WISH_ASKS: ReadonlySet<string> = new Set([...WH_WORDS, 'of', 'if', 'whether']);

/**
 * Where what a part asks starts, after greetings, a join ("en", "maar") and a wish to know ("hallo, ik
 * wil graag weten" in "hallo, ik wil graag weten wanneer …"); `wish`: there was one, and a question word
 * ("wanneer", "of", "if") follows it.
 */
export function questionStart(part: readonly Term[]): { at: number; wish: boolean } {
  let i = 0;
  while (i < part.length - 1 && GREETINGS.has(part[i]!.norm)) i++;
  if (i < part.length - 1 && (JOINS.has(part[i]!.norm) || part[i]!.norm === 'maar' || part[i]!.norm === 'but')) i++;
  for (const wish of WANT_TO_KNOW) {
    if (wish.every((w, k) => part[i + k]?.norm === w) && WISH_ASKS.has(part[i + wish.length]?.norm ?? '')) return { at: i + wish.length, wish: true };
  }
  return { at: i, wish: false };
}

/**
 * Whether a part of a message reads as a question: it starts with a question word (after "en", "maar",
 * a greeting …) or a wish to know one ("ik wil weten wanneer …"), a question word follows a comma in it,
 * or it ends with "?".
 */
export function isQuestion(part: readonly Term[], text: string): boolean {
  if (part.length === 0) return false;
  const { at: i, wish } = questionStart(part);
  if (wish || ASKING_WORDS.has(part[i]!.norm)) return true;
  // Not "wat een gedoe", "what a mess": an exclamation.
  for (let k = i + 2; k < part.length - 2; k++) {
    if (part[k - 1]!.clauseEnd && WH_WORDS.has(part[k]!.norm) && !EXCLAIMS.has(`${part[k]!.norm} ${part[k + 1]!.norm}`)) return true;
  }
  const end = part.at(-1)!.end;
  return /^[\s"'”’)]*\?/.test(text.slice(end, end + 4));
}

/**
 * The questions of a message: its sentences (splitSentences, at topic shifts too), each split again
 * where a join or a comma is followed by a question word and both sides keep two words or more
 * ("wanneer zijn jullie open en hoe staat het met mijn aanvraag" → two). One run of all terms when there is one.
 */
export function splitQuestions(terms: readonly Term[], text: string): Term[][] {
  const sentences = splitSentences(terms, text, { atTopicShift: true });
  const parts: Term[][] = [];
  for (const sentence of sentences.length > 0 ? sentences : [terms]) {
    let from = 0;
    for (let i = 2; i < sentence.length - 2; i++) {
      // "hoe laat zijn jullie open, wat kost een paspoort en …": a comma before a question word starts one
      // too, after a question (not "mijn loonstrook en bankafschriften, waar moet ik die heen sturen").
      if (sentence[i - 1]!.clauseEnd && WH_WORDS.has(sentence[i]!.norm) && !EXCLAIMS.has(`${sentence[i]!.norm} ${sentence[i + 1]!.norm}`) && i - from >= 2 && isQuestion(sentence.slice(from, i), text)) {
        parts.push(sentence.slice(from, i));
        from = i;
        continue;
      }
      if (!JOINS.has(sentence[i]!.norm) || !QUESTION_WORDS.has(sentence[i + 1]!.norm) || i - from < 2) continue;
      // "… komt en ook wat …": both joins stay out of the part before.
      const cut = JOINS.has(sentence[i - 1]!.norm) && i - 1 - from >= 2 ? i - 1 : i;
      parts.push(sentence.slice(from, cut));
      from = i + 1;
    }
    parts.push(sentence.slice(from));
  }
  return parts.filter((p) => p.length > 0);
}

/** The tokens with the words of the emoji of EMOJI_WORDS among them, in the order of the text. */
function withEmojiWords(tokens: Token[], text: string, lang: Lang): Token[] {
  const emoji = emojiWords(text, lang);
  if (emoji.length === 0) return tokens;
  const all: Token[] = [...tokens, ...emoji.map(({ word, start, end }) => ({ raw: text.slice(start, end), norm: word, start, end, clauseEnd: false }))];
  return all.sort((a, b) => a.start - b.start);
}

/** Most terms looked at in one message; the rest of a very long message is ignored. */
export const MAX_TERMS = 1500;

/** `tokens`: tokenize(text), when the caller has it already (the recognizer reads them for the language too). */
export function analyze(text: string, lang: Lang, vocab: Vocabulary | null, tokens?: Token[]): Term[] {
  const terms: Term[] = [];
  for (const token of withEmojiWords(tokens ?? tokenize(text), text, lang)) {
    const expanded = expand(token.norm, lang);
    const words = expanded.includes(' ') ? expanded.split(' ') : [expanded];
    words.forEach((norm, i) => {
      const last = i === words.length - 1;
      // "me zelf", "my self": one word written as two ("mezelf", "myself").
      const prev = terms.at(-1);
      if (prev && !prev.clauseEnd && Object.hasOwn(SELF_PREFIXES, norm) && SELF_PREFIXES[norm]?.has(prev.norm)) {
        const merged = `${prev.norm}${norm}`;
        terms[terms.length - 1] = { ...prev, norm: merged, fixed: merged, respelled: false, stem: stem(merged, lang), end: token.end, clauseEnd: last && token.clauseEnd };
        return;
      }
      const c = vocab?.correct(norm, lang) ?? null;
      const fixed = c?.word ?? norm;
      terms.push({ norm, fixed, respelled: c?.respelled ?? false, stem: stem(fixed, lang), start: token.start, end: token.end, clauseEnd: last && token.clauseEnd });
    });
    if (terms.length >= MAX_TERMS) break;
  }
  return terms;
}
