/**
 * Learned detectors for special situations, beside the lexicons. A lexicon finds the ways of saying
 * a situation that someone wrote down; people in a crisis mostly say it otherwise ("ik heb mijn
 * spullen al weggegeven", "tell my mum I'm sorry"). A lexicon file may therefore carry `examples`
 * (messages that show the situation) and `counter_examples` (messages that only look like it); for
 * each such lexicon a small binary model is trained on them, with every intent example as one more
 * counter-example. At parse time it scores the whole message and each of its sentences, so one
 * sentence of despair inside a long question about a payment still counts.
 *
 * The model only adds a reason the lexicon did not find and no negation denied; its evidence is the
 * sentence that scored highest.
 */
import type { Term } from './analyze.ts';
import { SoftmaxClassifier, type SerializedModel } from './classifier.ts';
import { extractFeatures, type FeatureBag } from './features.ts';
import type { CompiledLexicon } from './lexicon.ts';
import type { Lang, MessageHandoffReason } from './types.ts';

/** Below this many examples a lexicon gets no model: too few to learn from. */
export const MIN_EXAMPLES = 20;
/**
 * Sentences are scored one by one only when the whole message scores at least this: a sentence that
 * crossed the threshold always lifted its whole message above 0.17 on the labelled sets in tests/nlu,
 * and most messages score far below, so most parses skip the per-sentence work.
 */
const SENTENCE_FLOOR = 0.05;
/** Used when the lexicon file sets no `model_threshold`. */
export const DEFAULT_MODEL_THRESHOLD = 0.5;
const OTHER = 'other';

export interface SituationModel {
  reason: MessageHandoffReason;
  threshold: number;
  model: SoftmaxClassifier;
}

export interface SerializedSituationModel {
  reason: MessageHandoffReason;
  model: SerializedModel;
}

export interface SituationScore {
  reason: MessageHandoffReason;
  probability: number;
  /** Character offsets of the part that scored highest (the whole message or one sentence). */
  start: number;
  end: number;
}

/** A message's features, the same as the intent classifier's (so a parse computes them once). */
type FeaturesOf = (text: string, lang: Lang) => FeatureBag;

/**
 * Trains one model per lexicon with enough examples. `counter`: the features of the intent examples
 * (made once, for the intent classifier too); every one is a counter-example.
 */
export function trainSituationModels(lexicons: readonly CompiledLexicon[], counter: readonly FeatureBag[], featuresOf: FeaturesOf): SerializedSituationModel[] {
  const bags = new Map<CompiledLexicon, { examples: FeatureBag[]; counter: FeatureBag[] }>();
  const featuresOfLexicon = (lex: CompiledLexicon) => {
    let b = bags.get(lex);
    if (!b) bags.set(lex, (b = { examples: lex.examples.map((e) => featuresOf(e.text, e.lang)), counter: lex.counterExamples.map((e) => featuresOf(e.text, e.lang)) }));
    return b;
  };
  const out: SerializedSituationModel[] = [];
  for (const lex of lexicons) {
    if (lex.examples.length < MIN_EXAMPLES) continue;
    const own = featuresOfLexicon(lex);
    const samples = [
      ...own.examples.map((bag) => ({ bag, label: lex.reason as string })),
      ...own.counter.map((bag) => ({ bag, label: OTHER })),
      ...counter.map((bag) => ({ bag, label: OTHER })),
    ];
    // Other situations' examples are not this one (a death is not a crisis by itself).
    for (const other of lexicons) {
      if (other !== lex && other.reason !== lex.reason) for (const bag of featuresOfLexicon(other).examples) samples.push({ bag, label: OTHER });
    }
    out.push({ reason: lex.reason, model: SoftmaxClassifier.train(samples).toJSON() });
  }
  return out;
}

export function loadSituationModels(lexicons: readonly CompiledLexicon[], saved: readonly SerializedSituationModel[]): SituationModel[] {
  return saved.map((s) => ({
    reason: s.reason,
    threshold: lexicons.find((l) => l.reason === s.reason && l.modelThreshold !== undefined)?.modelThreshold ?? DEFAULT_MODEL_THRESHOLD,
    model: SoftmaxClassifier.fromJSON(s.model),
  }));
}

/** Whether a sentence ends between two terms (a full stop, question or exclamation mark there). */
function endsSentence(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 46 || c === 33 || c === 63) return true; // . ! ?
  }
  return false;
}

/** The probability of `m`'s situation for a message part's features. */
function probability(m: SituationModel, index: number, bag: FeatureBag): number {
  const r = m.model.predict(bag);
  return r.known === 0 ? 0 : r.scores[index]!;
}

/**
 * How likely `m` finds its situation in the message: the best of the whole and each sentence.
 * `whole`: the features of all of `terms` (the parse has them already).
 */
export function scoreSituation(m: SituationModel, terms: readonly Term[], text: string, whole: FeatureBag): SituationScore | null {
  if (terms.length === 0) return null;
  const index = m.model.classes.indexOf(m.reason);
  if (index < 0) return null;
  let best: SituationScore = { reason: m.reason, probability: probability(m, index, whole), start: terms[0]!.start, end: terms[terms.length - 1]!.end };
  if (best.probability < SENTENCE_FLOOR) return best;
  let from = 0;
  for (let i = 0; i < terms.length; i++) {
    const last = i === terms.length - 1;
    if (!last && !endsSentence(text, terms[i]!.end, terms[i + 1]!.start)) continue;
    // One sentence in all: the whole message was that sentence.
    if (!(from === 0 && last)) {
      const p = probability(m, index, extractFeatures(terms.slice(from, i + 1), []));
      if (p > best.probability) best = { reason: m.reason, probability: p, start: terms[from]!.start, end: terms[i]!.end };
    }
    from = i + 1;
  }
  return best;
}
