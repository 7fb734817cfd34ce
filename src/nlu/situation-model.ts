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
import { splitSentences, type Term } from './analyze.ts';
import { SoftmaxClassifier, type SerializedModel } from './classifier.ts';
import { SITUATION_FEATURES, type FeatureBag, type FeatureNumbers, type FeatureVector } from './features.ts';
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
/**
 * Each situation model is the mean of three trained on other orders of the same samples (the seed
 * salts the order, classifier.ts). Every intent example is also a counter-example here; when adding
 * one still reshuffled the list, a single model's borderline scores moved with it. Measured then, on
 * the labelled sets in tests/nlu (read sets; sealed sets)
 * single models of seeds 42, 1 and 2 found 4,280-4,284 crises with 366-373 false alarms (853-854;
 * 96-99); the means of seeds 42,1,2, 5,6,7, 8,9,10 and 11,12,13 found 4,280-4,285 with 359-367
 * (854-855; 94-97). The samples are encoded once for the three (trainMean); a parse costs the same.
 */
const SEEDS = [42, 1, 2];

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

/** An intent example's features; `situation` when it is a lexicon's `examples_asking` example. */
export interface IntentSample {
  bag: FeatureBag;
  situation?: MessageHandoffReason;
}

/**
 * Trains one model per lexicon with enough examples. `intents`: the features of the intent examples
 * (made once, for the intent classifier too); each is a counter-example unless it is a situation's own.
 */
export function trainSituationModels(lexicons: readonly CompiledLexicon[], intents: readonly IntentSample[], featuresOf: FeaturesOf): SerializedSituationModel[] {
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
      // Every intent example is a counter-example, but those that are a situation's own examples
      // (`examples_asking`): they count once, below, as the examples of their situation.
      ...intents.filter((i) => i.situation === undefined).map(({ bag }) => ({ bag, label: OTHER })),
    ];
    // Other situations' examples are not this one (a death is not a crisis by itself).
    for (const other of lexicons) {
      if (other !== lex && other.reason !== lex.reason) for (const bag of featuresOfLexicon(other).examples) samples.push({ bag, label: OTHER });
    }
    out.push({ reason: lex.reason, model: SoftmaxClassifier.trainMean(samples, SEEDS).toJSON() });
  }
  return out;
}

/**
 * All situation models as one: each model is binary (its situation or `other`), so its probability
 * is the logistic of one score, and one weight per feature and model says it all. A parse looks each
 * feature up once for every model (the models share the features of the intent classifier).
 */
export class SituationModels {
  private readonly index = new Map<string, number>();
  /** features × models: the situation's weight minus other's. */
  private readonly weights: Float64Array;
  /** Per feature, a bit per model that knows it (a model that knows none of a message's features says 0). */
  private readonly knownBy: Uint32Array;
  private readonly bias: Float64Array;
  readonly reasons: MessageHandoffReason[];
  readonly thresholds: Float64Array;
  /** The thresholds when the writer says the words are meant (`model_sure_threshold`; else the same). */
  readonly sureThresholds: Float64Array;
  /** From here up to the threshold the model leans to its situation without finding it (`model_concern_threshold`; else the threshold: no band). */
  readonly concernThresholds: Float64Array;

  constructor(models: ReadonlyArray<{ reason: MessageHandoffReason; threshold: number; sureThreshold?: number; concernThreshold?: number; model: SerializedModel }>) {
    if (models.length > 32) throw new Error('at most 32 situation models');
    const H = models.length;
    const loaded = models.map((m) => ({ ...m, c: SoftmaxClassifier.fromJSON(m.model) }));
    for (const { c } of loaded) for (const f of c.features) if (!this.index.has(f)) this.index.set(f, this.index.size);
    this.weights = new Float64Array(this.index.size * H);
    this.knownBy = new Uint32Array(this.index.size);
    this.bias = new Float64Array(H);
    this.reasons = loaded.map((m) => m.reason);
    this.thresholds = Float64Array.from(loaded, (m) => m.threshold);
    this.sureThresholds = Float64Array.from(loaded, (m) => Math.min(m.threshold, m.sureThreshold ?? m.threshold));
    this.concernThresholds = Float64Array.from(loaded, (m) => Math.min(m.threshold, m.concernThreshold ?? m.threshold));
    loaded.forEach(({ c, reason }, h) => {
      const pos = c.classes.indexOf(reason);
      const neg = pos === 0 ? 1 : 0;
      if (pos < 0 || c.classes.length !== 2) throw new Error(`situation model ${reason} is not binary`);
      const w = c.weightsOf();
      this.bias[h] = w.bias[pos]! - w.bias[neg]!;
      c.features.forEach((f, i) => {
        const g = this.index.get(f)!;
        this.weights[g * H + h] = w.feature(i, pos) - w.feature(i, neg);
        this.knownBy[g]! |= 1 << h;
      });
    });
  }

  get size(): number {
    return this.reasons.length;
  }

  /** The models' index of a feature key (FeatureNumbers asks once per key). */
  featureIndex(key: string): number | undefined {
    return this.index.get(key);
  }

  /** `probabilities` for numbered features (features.ts), `column` this index of each number (-1: unknown), in the same order. */
  probabilitiesNumbered(vector: FeatureVector, column: Int32Array, out: Float64Array): void {
    const H = this.reasons.length;
    out.set(this.bias);
    let known = 0;
    const { ids, values } = vector;
    for (let i = 0; i < ids.length; i++) {
      const g = column[ids[i]!]!;
      if (g < 0) continue;
      known |= this.knownBy[g]!;
      const base = g * H;
      const v = values[i]!;
      for (let h = 0; h < H; h++) out[h]! += this.weights[base + h]! * v;
    }
    this.toProbabilities(out, known);
  }

  /** Scores to probabilities, in place; 0 for a model that knows none of the features (bit h of `known`). */
  private toProbabilities(out: Float64Array, known: number): void {
    for (let h = 0; h < this.reasons.length; h++) out[h] = known & (1 << h) ? 1 / (1 + Math.exp(-out[h]!)) : 0;
  }
}

export function loadSituationModels(lexicons: readonly CompiledLexicon[], saved: readonly SerializedSituationModel[]): SituationModels {
  return new SituationModels(saved.map((s) => ({
    reason: s.reason,
    threshold: lexicons.find((l) => l.reason === s.reason && l.modelThreshold !== undefined)?.modelThreshold ?? DEFAULT_MODEL_THRESHOLD,
    sureThreshold: lexicons.find((l) => l.reason === s.reason && l.modelSureThreshold !== undefined)?.modelSureThreshold,
    concernThreshold: lexicons.find((l) => l.reason === s.reason && l.modelConcernThreshold !== undefined)?.modelConcernThreshold,
    model: s.model,
  })));
}

/** A sentence of a message with its features. */
interface SentencePart {
  vector: FeatureVector;
  start: number;
  end: number;
}

/**
 * The message's features as the situation models read them (SITUATION_FEATURES): numbered by
 * `numbers`, whose reader `situations` is SituationModels.featureIndex.
 */
export interface SituationFeatures {
  numbers: Pick<FeatureNumbers<'situations'>, 'vector' | 'column'>;
  whole: FeatureVector;
}

/** The sentences of a message, each with its features; empty when the message is one sentence. */
function sentenceParts(terms: readonly Term[], text: string, numbers: SituationFeatures['numbers']): SentencePart[] {
  return splitSentences(terms, text).map((sentence) => ({ vector: numbers.vector(sentence, [], SITUATION_FEATURES), start: sentence[0]!.start, end: sentence.at(-1)!.end }));
}

/**
 * The situations the models find in the message, for the models `open` says may add one: each the
 * best of the whole message and its sentences, at or above the model's threshold (`found`), or only
 * at or above its concern threshold (`leaning`: the model leans to it, not enough to say so).
 * `whole`: the features of all of `terms` (the parse has them already). Sentences are scored only
 * when the whole message scores at least SENTENCE_FLOOR for an open model. `sure`: the reasons whose
 * words the writer says are meant (a `model_sure_when` phrase); their models need only their sure
 * threshold.
 */
export function scoreSituations(models: SituationModels, open: (reason: MessageHandoffReason) => boolean, terms: readonly Term[], text: string, features: SituationFeatures, sure?: ReadonlySet<MessageHandoffReason>): { found: SituationScore[]; leaning: SituationScore[] } {
  const H = models.size;
  if (terms.length === 0 || H === 0) return { found: [], leaning: [] };
  const p = new Float64Array(H);
  models.probabilitiesNumbered(features.whole, features.numbers.column('situations'), p);
  const best: Array<SituationScore | null> = models.reasons.map((reason, h) => (open(reason) ? { reason, probability: p[h]!, start: terms[0]!.start, end: terms[terms.length - 1]!.end } : null));
  if (best.some((b) => b !== null && b.probability >= SENTENCE_FLOOR)) {
    for (const part of sentenceParts(terms, text, features.numbers)) {
      models.probabilitiesNumbered(part.vector, features.numbers.column('situations'), p);
      best.forEach((b, h) => {
        if (b !== null && b.probability >= SENTENCE_FLOOR && p[h]! > b.probability) best[h] = { reason: b.reason, probability: p[h]!, start: part.start, end: part.end };
      });
    }
  }
  const found: SituationScore[] = [];
  const leaning: SituationScore[] = [];
  best.forEach((b, h) => {
    if (b === null) return;
    if (b.probability >= (sure?.has(b.reason) ? models.sureThresholds : models.thresholds)[h]!) found.push(b);
    else if (b.probability >= models.concernThresholds[h]!) leaning.push(b);
  });
  return { found, leaning };
}
