/**
 * `examples_asking` in a lexicon: examples of a situation that also ask something. The situation model
 * learns them as its examples (never as counter-examples), the intent classifier as examples of the
 * intent they ask, and `loket nlu export` prints them with the intent examples. On a small training set
 * of its own, so each effect shows plainly.
 */
import { describe, expect, it } from 'vitest';
import { exportExamples } from '../../src/cli/nlu-export.ts';
import { createRecognizer, intentExamples, type NluTrainingData } from '../../src/nlu/index.ts';
import { MIN_EXAMPLES } from '../../src/nlu/situation-model.ts';

const ASKING = 'alles is zwaar en donker, ik hou het niet vol. uitbetaling vrijdag?';
/** More crises that ask something, all with "hou het niet vol", which no plain example has. */
const MORE = ['ik hou het niet vol, wanneer komt het geld', 'hou het niet vol meer. is de bijstand al gestort?'];

/** `asking`: the message under examples_asking; else written twice, as a distress example and as a payment example. */
function data(withAsking: boolean): NluTrainingData {
  // The crises of this lexicon share their words with nothing the intents say.
  const crises = Array.from({ length: MIN_EXAMPLES }, (_, i) => `alles is zwaar en donker ${['vandaag', 'morgen', 'steeds', 'weer', 'nu'][i % 5]} ${i}`);
  return {
    intents: [
      { id: 'payment', examples: { nl: ['wanneer wordt de bijstand gestort', 'is het geld al overgemaakt', 'wanneer komt mijn uitkering', 'hoeveel krijg ik per maand'], en: [] } },
      { id: 'contact_hours', examples: { nl: ['hoe laat zijn jullie open', 'wat zijn de openingstijden', 'tot hoe laat kan ik bellen'], en: [] } },
      // Without `examples_asking`, the message is an intent example too, and so a counter-example of every situation.
      ...(withAsking ? [] : [{ id: 'payment', examples: { nl: [ASKING, ...MORE], en: [] } }]),
      { id: 'none', examples: { nl: ['de kat is weg', 'het regent', 'ik hou van fietsen', 'vertel een mop'], en: [] } },
    ],
    lexicons: [{
      version: 1, kind: 'lexicon', id: 'distress', reason: 'distress', model_threshold: 0.6,
      nl: { phrases: ['ik wil dood'], ...(withAsking ? { examples: crises, examples_asking: { payment: [ASKING, ...MORE] } } : { examples: [...crises, ASKING, ...MORE] }) },
      en: { phrases: ['i want to die'] },
    }],
  };
}

describe('examples_asking', () => {
  it('are intent examples of the intent they ask, marked with their situation, and exported with the rest', () => {
    const asking = intentExamples(data(true)).filter((e) => e.situation);
    expect(asking).toEqual([ASKING, ...MORE].map((text) => ({ text, lang: 'nl', intent: 'payment', situation: 'distress' })));
    expect(exportExamples(data(true))).toContainEqual({ text: ASKING, lang: 'nl', intent: 'payment' });
    expect(exportExamples(data(true))).toContainEqual({ text: ASKING, lang: 'nl', intent: 'payment' });
    expect(new Set(exportExamples(data(true)).map((e) => JSON.stringify(e)))).toEqual(new Set(exportExamples(data(false)).map((e) => JSON.stringify(e))));
  });

  it('teach the intent classifier the question and the situation model the situation, both from one message', async () => {
    const r = (await createRecognizer(data(true))).parse(ASKING, 'nl');
    expect(r.intent.name).toBe('payment');
    expect(r.handoff?.reason).toBe('distress');
  });

  it('are not counter-examples of their own situation, as the same message written in both files is', async () => {
    const text = 'ik hou het niet vol';
    expect((await createRecognizer(data(true))).parse(text, 'nl').handoff?.reason).toBe('distress');
    expect((await createRecognizer(data(false))).parse(text, 'nl').handoff?.reason).not.toBe('distress');
  });
});
