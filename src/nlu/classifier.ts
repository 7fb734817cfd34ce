/**
 * A multinomial logistic regression (softmax) over sparse features, trained with plain SGD and L2.
 * Small, deterministic and fast to apply: a parse touches only the weights of the features present.
 * The weights are Float32 throughout, so a model read back from the cache gives bit-identical scores.
 *
 * Each epoch visits the samples in an order drawn from what each sample is (its class and features),
 * not from where it stands in the list. Thirty epochs of SGD stop well short of the optimum, so the
 * model depends on that order; with a shuffle of the list, one example added anywhere reordered all
 * the others, and adding "waar blijft mijn vergunning nou" to case_status changed the intent or the
 * situations of 96 of the 19,527 labelled texts in tests/nlu (41 of them the situations, crises
 * among them). Now each sample keeps its place relative to the others, and the same edit changes 6,
 * all intents near what was added (bench/nlu-stability.ts).
 */
import type { FeatureBag, FeatureVector } from './features.ts';

export interface TrainOptions {
  epochs?: number;
  learningRate?: number;
  l2?: number;
  seed?: number;
}

/** A sample as fit reads it: its features' indexes and values, and its class. */
interface Encoded {
  idx: Int32Array;
  val: Float64Array;
  y: number;
  /** A hash of the sample's class and features: where it goes in each epoch's order (orderOf). */
  key: number;
}

export interface SerializedModel {
  classes: string[];
  features: string[];
  /** Float32 weights, features × classes, then the class biases; base64. */
  weights: string;
}

export interface Prediction {
  label: string;
  confidence: number;
  /** Probabilities by class, same order as `classes`. */
  scores: Float32Array;
  /** How many of the message's features the model knows. */
  known: number;
}

/** FNV-1a over a sample's class and its features in key order: the same sample, the same number. */
function sampleKey(label: string, bag: FeatureBag): number {
  let h = 0x811c9dc5;
  const mix = (text: string): void => {
    for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
    h = Math.imul(h ^ 0x1f, 0x01000193);
  };
  mix(label);
  for (const k of [...bag.keys()].sort()) {
    mix(k);
    mix(bag.get(k)!.toFixed(6));
  }
  return h >>> 0;
}

/** A 32-bit mix (murmur3's finaliser) of a sample's key and the epoch's salt. */
function rankOf(key: number, salt: number): number {
  let x = (key ^ Math.imul(salt + 1, 0x9e3779b1)) >>> 0;
  x = Math.imul(x ^ (x >>> 16), 0x85ebca6b);
  x = Math.imul(x ^ (x >>> 13), 0xc2b2ae35);
  return (x ^ (x >>> 16)) >>> 0;
}

/**
 * The order of one epoch: the samples sorted by a mix of their key and the salt (seed and epoch), so
 * a sample's place among the others does not depend on which samples come before it in the list.
 * Samples with the same key (the same example twice) keep their list order.
 */
function orderOf(encoded: readonly Encoded[], salt: number, order: number[]): void {
  const rank = new Uint32Array(encoded.length);
  for (let i = 0; i < encoded.length; i++) rank[i] = rankOf(encoded[i]!.key, salt);
  order.sort((a, b) => rank[a]! - rank[b]! || a - b);
}

export class SoftmaxClassifier {
  private readonly index: Map<string, number>;

  private constructor(
    readonly classes: string[],
    readonly features: string[],
    /** features × classes, followed by one bias per class. */
    private readonly weights: Float32Array,
  ) {
    this.index = new Map(features.map((f, i) => [f, i]));
  }

  static train(samples: Array<{ bag: FeatureBag; label: string }>, opts: TrainOptions = {}): SoftmaxClassifier {
    const { model, encoded } = SoftmaxClassifier.prepare(samples);
    model.fit(encoded, opts);
    return model;
  }

  /**
   * The mean of the models `train` gives for each of `seeds` (as `mean` makes it), with the samples
   * read and encoded once for all of them.
   */
  static trainMean(samples: Array<{ bag: FeatureBag; label: string }>, seeds: readonly number[], opts: TrainOptions = {}): SoftmaxClassifier {
    const { model, encoded } = SoftmaxClassifier.prepare(samples);
    const trained = seeds.map((seed) => {
      model.weights.fill(0);
      model.fit(encoded, { ...opts, seed });
      return model.weights.slice();
    });
    return new SoftmaxClassifier(model.classes, model.features, meanOf(trained));
  }

  /**
   * One model whose weights are the mean of `models`' (trained on the same samples, so with the same
   * classes and features): for a linear model, the mean of their scores before the softmax.
   */
  static mean(models: readonly SoftmaxClassifier[]): SoftmaxClassifier {
    const [first] = models;
    if (!first) throw new Error('no models to average');
    if (models.some((m) => m.weights.length !== first.weights.length || m.features.length !== first.features.length)) throw new Error('models to average differ in shape');
    return new SoftmaxClassifier(first.classes, first.features, meanOf(models.map((m) => m.weights)));
  }

  /** A model with all weights 0 for the samples' classes and features, and the samples encoded for it. */
  private static prepare(samples: Array<{ bag: FeatureBag; label: string }>): { model: SoftmaxClassifier; encoded: Encoded[] } {
    const classes = [...new Set(samples.map((s) => s.label))].sort();
    const features = [...new Set(samples.flatMap((s) => [...s.bag.keys()]))].sort();
    const model = new SoftmaxClassifier(classes, features, new Float32Array((features.length + 1) * classes.length));
    // Each sample as parallel typed arrays (feature index, value): the loops of fit run over every
    // sample epochs × classes times, and indexed reads of typed arrays are what keeps that fast.
    const classIndex = new Map(classes.map((c, i) => [c, i]));
    const encoded = samples.map((s) => {
      const pairs = model.encode(s.bag);
      return { idx: Int32Array.from(pairs, (p) => p[0]), val: Float64Array.from(pairs, (p) => p[1]), y: classIndex.get(s.label)!, key: sampleKey(s.label, s.bag) };
    });
    return { model, encoded };
  }

  /** Plain SGD with L2 from the current weights, the samples in each epoch's order (orderOf, salted by the seed). */
  private fit(encoded: readonly Encoded[], opts: TrainOptions): void {
    const { epochs = 30, learningRate = 0.8, l2 = 3e-4, seed = 42 } = opts;
    const order = encoded.map((_, i) => i);
    const C = this.classes.length;
    const biasBase = this.features.length * C;
    const W = this.weights;
    const probs = new Float32Array(C);
    const grad = new Float64Array(C);
    for (let epoch = 0; epoch < epochs; epoch++) {
      orderOf(encoded, Math.imul(seed, 7919) + epoch, order);
      const lr = learningRate / (1 + epoch * 0.1);
      for (const n of order) {
        const { idx, val, y } = encoded[n]!;
        const k = idx.length;
        // The same scores as predict() gives.
        this.startScores(probs);
        for (let i = 0; i < k; i++) this.addFeature(probs, idx[i]!, val[i]!);
        softmax(probs);
        for (let c = 0; c < C; c++) {
          grad[c] = probs[c]! - (c === y ? 1 : 0);
          W[biasBase + c]! -= lr * grad[c]! * 0.1;
        }
        // Every weight is touched once per sample, so going feature by feature (the weights of one
        // feature lie side by side) gives the same numbers as going class by class.
        for (let i = 0; i < k; i++) {
          const base = idx[i]! * C;
          const v = val[i]!;
          for (let c = 0; c < C; c++) {
            const w = base + c;
            W[w] = W[w]! - lr * (grad[c]! * v + l2 * W[w]!);
          }
        }
      }
    }
  }

  static fromJSON(data: SerializedModel): SoftmaxClassifier {
    const bytes = Buffer.from(data.weights, 'base64');
    const weights = new Float32Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
    if (weights.length !== (data.features.length + 1) * data.classes.length) throw new Error('cached model has the wrong size');
    return new SoftmaxClassifier(data.classes, data.features, weights);
  }

  toJSON(): SerializedModel {
    const bytes = Buffer.from(this.weights.buffer, this.weights.byteOffset, this.weights.byteLength);
    return { classes: this.classes, features: this.features, weights: bytes.toString('base64') };
  }

  private encode(bag: FeatureBag): Array<[number, number]> {
    const x: Array<[number, number]> = [];
    for (const [k, v] of bag) {
      const i = this.index.get(k);
      if (i !== undefined) x.push([i, v]);
    }
    return x;
  }

  /** The class biases: the scores of a message with no known feature. */
  private startScores(out: Float32Array): void {
    const C = this.classes.length;
    const biasBase = this.features.length * C;
    for (let c = 0; c < C; c++) out[c] = this.weights[biasBase + c]!;
  }

  private addFeature(out: Float32Array, f: number, v: number): void {
    const C = this.classes.length;
    const base = f * C;
    for (let c = 0; c < C; c++) out[c]! += this.weights[base + c]! * v;
  }

  /** The weights as read by other forms of the model (situation-model.ts): per feature and class, and the biases. */
  weightsOf(): { feature(f: number, c: number): number; bias: Float32Array } {
    const C = this.classes.length;
    const w = this.weights;
    return { feature: (f, c) => w[f * C + c]!, bias: w.subarray(this.features.length * C) };
  }

  /** The model's index of a feature key (FeatureNumbers asks once per key). */
  featureIndex(key: string): number | undefined {
    return this.index.get(key);
  }

  /**
   * `predict` for numbered features (features.ts): `column` is this model's index of each number
   * (-1 where it does not know the feature). Adds them up in the vector's order, which is the order of
   * extractFeatures' bag, so the scores are the same to the bit.
   */
  predictNumbered(vector: FeatureVector, column: Int32Array): Prediction {
    const scores = new Float32Array(this.classes.length);
    this.startScores(scores);
    let known = 0;
    const { ids, values } = vector;
    for (let i = 0; i < ids.length; i++) {
      const f = column[ids[i]!]!;
      if (f < 0) continue;
      known++;
      this.addFeature(scores, f, values[i]!);
    }
    return this.result(scores, known);
  }

  predict(bag: FeatureBag): Prediction {
    // The bag's features are looked up as they are read, without the pairs array training uses.
    const scores = new Float32Array(this.classes.length);
    this.startScores(scores);
    let known = 0;
    for (const [k, v] of bag) {
      const f = this.index.get(k);
      if (f === undefined) continue;
      known++;
      this.addFeature(scores, f, v);
    }
    return this.result(scores, known);
  }

  private result(scores: Float32Array, known: number): Prediction {
    softmax(scores);
    let best = 0;
    for (let c = 1; c < scores.length; c++) if (scores[c]! > scores[best]!) best = c;
    return { label: this.classes[best]!, confidence: scores[best]!, scores, known };
  }
}

/** The mean of weight arrays of one shape, added up in their order (so the same arrays give the same bits). */
function meanOf(arrays: readonly Float32Array[]): Float32Array {
  const out = new Float32Array(arrays[0]!.length);
  for (const a of arrays) for (let i = 0; i < out.length; i++) out[i]! += a[i]! / arrays.length;
  return out;
}

/** Scores to probabilities, in place (shifted by the maximum, so exp never overflows). */
function softmax(out: Float32Array): void {
  let max = -Infinity;
  for (let c = 0; c < out.length; c++) if (out[c]! > max) max = out[c]!;
  let sum = 0;
  for (let c = 0; c < out.length; c++) {
    out[c] = Math.exp(out[c]! - max);
    sum += out[c]!;
  }
  for (let c = 0; c < out.length; c++) out[c]! /= sum;
}
