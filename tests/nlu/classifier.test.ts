/**
 * The softmax classifier (src/nlu/classifier.ts): its training does not depend on where a sample
 * stands in the list, so an edit to dialogs/ moves only what it touches (bench/nlu-stability.ts
 * measures that on the real dialogs).
 */
import { describe, expect, it } from 'vitest';
import { SoftmaxClassifier } from '../../src/nlu/classifier.ts';

const bag = (...words: string[]) => new Map(words.map((w) => [`w|${w}`, 1 / Math.sqrt(words.length)]));
const samples = [
  ...['wanneer komt mijn geld', 'is de bijstand al betaald', 'geld nog niet op rekening', 'waar blijft de uitkering'].map((t) => ({ bag: bag(...t.split(' ')), label: 'payment' })),
  ...['hoe staat het met mijn aanvraag', 'is mijn vergunning al klaar', 'status aanvraag', 'waar blijft mijn beslissing'].map((t) => ({ bag: bag(...t.split(' ')), label: 'case_status' })),
  ...['hallo', 'goedemorgen', 'hoi daar', 'hey'].map((t) => ({ bag: bag(...t.split(' ')), label: 'greeting' })),
];

/** A permutation of `list` by a fixed stride (7 is prime to its length). */
const permuted = <T>(list: readonly T[]): T[] => list.map((_, i) => list[(i * 7) % list.length]!);

describe('SoftmaxClassifier training order', () => {
  it('gives the same model, to the bit, whatever the order of the samples in the list', () => {
    expect(samples.length % 7).not.toBe(0);
    const a = SoftmaxClassifier.train(samples);
    const b = SoftmaxClassifier.train(permuted(samples));
    const c = SoftmaxClassifier.train([...samples].reverse());
    expect(b.toJSON()).toEqual(a.toJSON());
    expect(c.toJSON()).toEqual(a.toJSON());
    expect(SoftmaxClassifier.trainMean([...samples].reverse(), [1, 2, 3]).toJSON()).toEqual(SoftmaxClassifier.trainMean(samples, [1, 2, 3]).toJSON());
  });

  it('keeps the same example given twice (two samples alike) apart from its place in the list', () => {
    const twice = [...samples, samples[0]!];
    const moved = [samples[0]!, ...samples];
    expect(SoftmaxClassifier.train(moved).toJSON()).toEqual(SoftmaxClassifier.train(twice).toJSON());
  });

  it('still learns: each training sample gets its own class back', () => {
    const model = SoftmaxClassifier.train(permuted(samples));
    for (const s of samples) expect(model.predict(s.bag).label).toBe(s.label);
  });

  it('visits the samples in another order for another seed', () => {
    const probe = bag('waar', 'blijft');
    const p1 = SoftmaxClassifier.train(samples, { seed: 1, epochs: 3 }).predict(probe).scores;
    const p2 = SoftmaxClassifier.train(samples, { seed: 2, epochs: 3 }).predict(probe).scores;
    expect([...p1]).not.toEqual([...p2]);
  });
});
