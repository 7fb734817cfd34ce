/**
 * Lexicons for special situations (dialogs/lexicons/*.yaml, format in
 * dialogs/schema/lexicon.schema.json), compiled into phrase patterns.
 *
 * A phrase is a row of words. Each word matches a term with the same stem; `word*` matches any term
 * starting with `word`; `=word` only that very word; `a|b` matches either. Up to `max_gap` other words may stand between phrase
 * words ("ik kan de huur echt niet betalen" matches "kan huur niet betalen"), but not across a clause
 * end. `except` phrases (matched without gaps) veto an overlapping match ("kan niet meer inloggen" is no distress);
 * `not_when` phrases veto the lexicon's situation for the whole message (the writer writes in a role).
 */
import { expand } from './abbreviations.ts';
import { stem } from './stem.ts';
import { normalizeWord, tokenize } from './text.ts';
import { MESSAGE_HANDOFF_REASONS, type Lang, type MessageHandoffReason } from './types.ts';
import { isNegation } from './negation.ts';

export interface Alternative {
  kind: 'stem' | 'prefix' | 'exact';
  /** The stem (kind `stem`), the prefix (kind `prefix`) or the whole word (kind `exact`). */
  value: string;
  /** The word as written in the lexicon (kinds `stem` and `exact`), matched as is. */
  word: string;
}

export interface Phrase {
  source: string;
  lang: Lang;
  words: Alternative[][];
  /**
   * Per word: the phrase puts clause punctuation after it ("great, the …"), so a match may go on
   * past the end of a clause there (elsewhere a phrase stops at one).
   */
  clauseAfter: boolean[];
  /** The phrase carries its own negation ("kan niet meer"), so a negation does not cancel it. */
  hasNegation: boolean;
}

export interface CompiledLexicon {
  id: string;
  reason: MessageHandoffReason;
  maxGap: number;
  negatable: boolean;
  /** How many words before a phrase a negation may stand and still deny it (negation.ts). */
  negationWindow: number;
  phrases: Phrase[];
  except: Phrase[];
  /**
   * `not_when` phrases: anywhere in the message (without gaps), they show the writer writes in a role
   * ("ik ben bewindvoerder van een cliënt", "I work at a funeral home"), so this situation is not theirs.
   */
  notWhen: Phrase[];
  /**
   * `model_not_when` phrases: anywhere in the message (without gaps), they keep the learned model from
   * adding this situation; the phrases still count. "het gaat nu weer goed": a hard time that is over.
   */
  modelNotWhen: Phrase[];
  /**
   * `model_not_alone` phrases: they keep the learned model quiet only when they are the whole message.
   * "en vanavond?" after the opening hours, or "nee hoeft niet" to an offer, is no crisis; in a longer
   * message the same words may be ("ik heb alles geregeld en vanavond ga ik").
   */
  modelNotAlone: Phrase[];
  /**
   * `model_sure_when` phrases: anywhere in the message (without gaps), the writer says the dark words
   * are meant ("geen grap", "I mean it"), so the learned model needs only `model_sure_threshold`.
   */
  modelSureWhen: Phrase[];
  /**
   * `together` groups: the situation shows only when every part of a group matches somewhere in the
   * message (each part: any of its phrases, with the usual gaps, negation and `except`). For what no
   * single phrase can say without false alarms: a question about a funeral is no crisis, nor is
   * "het gaat om mij", but "betaalt de gemeente de begrafenis? het gaat om mij" is.
   */
  together: Phrase[][][];
  /**
   * `in_the_past` and `well_now`: a phrase of this situation does not count when an `in_the_past` phrase
   * stands in its own sentence and a `well_now` phrase anywhere in the message (the lists of every
   * lexicon of the same reason count, so domestic_violence uses those of distress) ("twee jaar geleden had
   * ik zelfmoordgedachten, maar het gaat nu echt goed"); the learned model then stays quiet too. A
   * phrase in another sentence still counts ("years ago I tried it. now I want to die again").
   */
  inThePast: Phrase[];
  wellNow: Phrase[];
  /**
   * Messages that show the situation, and messages that only look like it (situation-model.ts). An
   * example from `examples_asking` also asks something: `intent` is what, and the intent classifier
   * learns it as an example of that intent (intentExamples).
   */
  examples: Array<{ text: string; lang: Lang; intent?: string }>;
  counterExamples: Array<{ text: string; lang: Lang }>;
  /** How sure the learned model must be (`model_threshold`); its default is in situation-model.ts. */
  modelThreshold?: number;
  /** How sure it must be when a `model_sure_when` phrase is in the message (`model_sure_threshold`). */
  modelSureThreshold?: number;
  /** From how sure the model leans to the situation without finding it (`model_concern_threshold`): ParseResult.concern. */
  modelConcernThreshold?: number;
}

/** The lexicon file as written (see dialogs/schema/lexicon.schema.json). */
export interface LexiconDoc {
  version: 1;
  kind: 'lexicon';
  id: string;
  reason: MessageHandoffReason;
  description?: string;
  max_gap?: number;
  negatable?: boolean;
  negation_window?: number;
  model_threshold?: number;
  model_sure_threshold?: number;
  model_concern_threshold?: number;
  about_others?: boolean;
  nl?: LexiconEntries;
  en?: LexiconEntries;
}

interface LexiconEntries {
  phrases?: string[];
  except?: string[];
  not_when?: string[];
  model_not_when?: string[];
  model_not_alone?: string[];
  model_sure_when?: string[];
  together?: string[][][];
  in_the_past?: string[];
  well_now?: string[];
  examples?: string[];
  /** Examples that also ask something, by intent id ("… wanneer wordt de bijstand gestort?" under payment). */
  examples_asking?: Record<string, string[]>;
  counter_examples?: string[];
}

const LANGS: Lang[] = ['nl', 'en'];
export const DEFAULT_NEGATION_WINDOW = 3;

/**
 * First-person words and the same word about someone else (`about_others`). "me" stays out: "better
 * off without him" is no crisis of his. "ik"/"i" only count where a phrase has them.
 */
const OTHERS: Record<Lang, Record<string, string[]>> = {
  nl: {
    mezelf: ['zichzelf', 'hemzelf', 'haarzelf'], mijzelf: ['zichzelf', 'hemzelf', 'haarzelf'],
    mijn: ['zijn', "z'n", 'haar', 'hun'], mn: ['zijn', "z'n", 'haar', 'hun'], ik: ['hij', 'zij', 'ze'],
  },
  en: {
    myself: ['himself', 'herself', 'themselves'], my: ['his', 'her', 'their'], i: ['he', 'she'],
    im: ['hes', 'shes'], "i'm": ["he's", "she's", 'hes', 'shes'],
  },
};

/** `spec` with the words about someone else added to each first-person alternative. */
function aboutOthers(spec: string, lang: Lang): string {
  const alts = spec.split('|');
  const more = alts.flatMap((a) => OTHERS[lang][a.trim().toLowerCase()] ?? []);
  return more.length === 0 ? spec : [...alts, ...more.filter((m) => !alts.includes(m))].join('|');
}

function compileAlternative(alt: string, lang: Lang): Alternative | null {
  if (alt.endsWith('*')) return { kind: 'prefix', value: alt.slice(0, -1), word: alt.slice(0, -1) };
  if (alt.startsWith('=')) return { kind: 'exact', value: alt.slice(1), word: alt.slice(1) };
  return alt.length > 0 ? { kind: 'stem', value: stem(alt, lang), word: alt } : null;
}

/** Spoken Dutch writes "me" for "mijn" ("me vader slaat", "touw in me schuur"): a phrase's "mijn" takes it too. */
const SPOKEN: Record<Lang, Record<string, string>> = { nl: { mijn: 'me' }, en: {} };

/**
 * One phrase word's alternatives, as the slots they fill in a message. A message's shorthand is
 * expanded before matching ("im" → "i am", "kheb" → "ik heb"), so an alternative is expanded the same
 * way: "im|i'm" fills two slots, "i am", and "dont|don't" stays one. A word whose alternatives expand
 * to different lengths gives one choice per length (the phrase is compiled once for each).
 */
function compileWord(spec: string, lang: Lang): Alternative[][][] {
  const alts = spec.split('|').map((a) => normalizeWord(a.trim()));
  for (const a of [...alts]) {
    const spoken = SPOKEN[lang][a];
    if (spoken !== undefined && !alts.includes(spoken)) alts.push(spoken);
  }
  const single: Alternative[] = [];
  const longer = new Map<string, Alternative[][]>();
  for (const alt of alts) {
    const plain = !alt.endsWith('*') && !alt.startsWith('=');
    const expanded = plain ? expand(alt, lang) : alt;
    if (!expanded.includes(' ')) {
      const a = compileAlternative(expanded, lang);
      if (a && a.value.length > 0 && !single.some((s) => s.kind === a.kind && s.value === a.value)) single.push(a);
    } else if (!longer.has(expanded)) {
      longer.set(expanded, expanded.split(' ').flatMap((w) => compileAlternative(w, lang) ?? []).map((a) => [a]));
    }
  }
  return [...(single.length > 0 ? [[single]] : []), ...longer.values()];
}

/** The words of a phrase source without their punctuation, each marked when clause punctuation followed it. */
function phraseWords(source: string): Array<{ spec: string; clause: boolean }> {
  return source
    .trim()
    .split(/\s+/)
    .map((w) => ({ spec: w.replace(/[.,!?;:"]/g, ''), clause: /[.,!?;:]"?$/.test(w) }))
    .filter((w) => w.spec.length > 0);
}

/** At most this many phrases from one source line (each word with alternatives of several lengths doubles them). */
const MAX_VARIANTS = 16;

export function compilePhrase(source: string, lang: Lang, opts: { aboutOthers?: boolean } = {}): Phrase[] {
  const choices = phraseWords(source)
    .map(({ spec, clause }) => ({ clause, choice: compileWord(opts.aboutOthers ? aboutOthers(spec, lang) : spec, lang) }))
    .filter((c) => c.choice.length > 0);
  if (choices.length === 0) return [];
  let variants: Array<{ words: Alternative[][]; clauseAfter: boolean[] }> = [{ words: [], clauseAfter: [] }];
  for (const { clause, choice } of choices) {
    variants = variants
      .flatMap((v) => choice.map((slots) => ({ words: [...v.words, ...slots], clauseAfter: [...v.clauseAfter, ...slots.map((_, i) => clause && i === slots.length - 1)] })))
      .slice(0, MAX_VARIANTS);
  }
  return variants.map(({ words, clauseAfter }) => ({ source, lang, words, clauseAfter, hasNegation: words.some((alts) => alts.some((a) => a.kind === 'stem' && isNegation(a.word))) }));
}

/** The lists of a lexicon file that hold phrases (each matched word by word). */
export const PHRASE_LISTS = ['phrases', 'except', 'not_when', 'model_not_when', 'model_not_alone', 'model_sure_when', 'in_the_past', 'well_now'] as const;

/**
 * The alternatives of a phrase that a message never shows as one word, each with the words a
 * message does show there: a message is split at hyphens and spaces, so "self-harm" is "self harm".
 */
export function unmatchableAlternatives(phrase: string): Array<{ alternative: string; words: string }> {
  return phraseWords(phrase).flatMap(({ spec }) => spec.split('|').flatMap((alternative) => {
    const bare = alternative.replace(/^=/, '').replace(/\*$/, '');
    const words = tokenize(bare).map((t) => t.raw).join(' ');
    return bare !== '' && words !== bare ? [{ alternative, words }] : [];
  }));
}

function isLexiconDoc(doc: unknown): doc is LexiconDoc {
  if (typeof doc !== 'object' || doc === null) return false;
  const d = doc as Partial<LexiconDoc>;
  return d.kind === 'lexicon' && typeof d.id === 'string' && MESSAGE_HANDOFF_REASONS.includes(d.reason as MessageHandoffReason);
}

const strings = (list: unknown): string[] => (Array.isArray(list) ? list.filter((s): s is string => typeof s === 'string') : []);

const compileAll = (sources: unknown, lang: Lang, opts?: { aboutOthers?: boolean }): Phrase[] =>
  strings(sources).flatMap((p) => compilePhrase(p, lang, opts));

/** The `together` groups as written: each a list of parts, each part a list of phrases. */
export const groups = (list: unknown): unknown[][] => (Array.isArray(list) ? list.filter((g): g is unknown[] => Array.isArray(g)) : []);

/** Compiles lexicon documents; documents that are not lexicons are skipped (the loader checks the schema). */
export function compileLexicons(docs: readonly unknown[]): CompiledLexicon[] {
  const out: CompiledLexicon[] = [];
  for (const doc of docs) {
    if (!isLexiconDoc(doc)) continue;
    const phrases: Phrase[] = [];
    const except: Phrase[] = [];
    const notWhen: Phrase[] = [];
    const modelNotWhen: Phrase[] = [];
    const modelNotAlone: Phrase[] = [];
    const modelSureWhen: Phrase[] = [];
    const together: Phrase[][][] = [];
    const inThePast: Phrase[] = [];
    const wellNow: Phrase[] = [];
    const examples: CompiledLexicon['examples'] = [];
    const counterExamples: CompiledLexicon['counterExamples'] = [];
    for (const lang of LANGS) {
      for (const text of strings(doc[lang]?.examples)) examples.push({ text, lang });
      for (const [intent, list] of Object.entries(doc[lang]?.examples_asking ?? {})) for (const text of strings(list)) examples.push({ text, lang, intent });
      for (const text of strings(doc[lang]?.counter_examples)) counterExamples.push({ text, lang });
      phrases.push(...compileAll(doc[lang]?.phrases, lang, { aboutOthers: doc.about_others === true }));
      except.push(...compileAll(doc[lang]?.except, lang));
      // A crisis always counts, whoever writes: a distress lexicon takes no not_when (the schema refuses it too).
      if (doc.reason !== 'distress') notWhen.push(...compileAll(doc[lang]?.not_when, lang));
      modelNotWhen.push(...compileAll(doc[lang]?.model_not_when, lang));
      modelNotAlone.push(...compileAll(doc[lang]?.model_not_alone, lang));
      modelSureWhen.push(...compileAll(doc[lang]?.model_sure_when, lang));
      inThePast.push(...compileAll(doc[lang]?.in_the_past, lang));
      wellNow.push(...compileAll(doc[lang]?.well_now, lang));
      for (const group of groups(doc[lang]?.together)) {
        const parts = group.map((part) => compileAll(part, lang, { aboutOthers: doc.about_others === true }));
        if (parts.length >= 2 && parts.every((ps) => ps.length > 0)) together.push(parts);
      }
    }
    out.push({
      id: doc.id, reason: doc.reason, maxGap: doc.max_gap ?? 2, negatable: doc.negatable ?? true, negationWindow: doc.negation_window ?? DEFAULT_NEGATION_WINDOW, phrases, except, notWhen, modelNotWhen, modelNotAlone, modelSureWhen, together, inThePast, wellNow, examples, counterExamples,
      ...(typeof doc.model_threshold === 'number' ? { modelThreshold: doc.model_threshold } : {}),
      ...(typeof doc.model_sure_threshold === 'number' ? { modelSureThreshold: doc.model_sure_threshold } : {}),
      ...(typeof doc.model_concern_threshold === 'number' ? { modelConcernThreshold: doc.model_concern_threshold } : {}),
    });
  }
  return out;
}

/** Every word (and prefix) a lexicon spells out, so typo correction can map onto it ("zelfmord" → "zelfmoord").
 * `in_the_past`, `well_now`, `model_not_alone` and `model_sure_when` stay out: they only qualify a situation, and every word added here moves
 * some typo corrections, and with them the learned models. */
export function lexiconWords(lexicons: readonly CompiledLexicon[]): string[] {
  const words: string[] = [];
  for (const lex of lexicons) {
    for (const phrase of [...lex.phrases, ...lex.except, ...lex.notWhen, ...lex.modelNotWhen, ...lex.together.flat(2)]) {
      for (const alts of phrase.words) for (const a of alts) if (a.word.length >= 4 || a.kind !== 'prefix') words.push(a.word);
    }
  }
  return words;
}
