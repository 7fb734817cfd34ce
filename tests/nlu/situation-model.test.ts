/**
 * The learned situation models (src/nlu/situation-model.ts): what they add beside the lexicons, and
 * what they leave alone. The sentences here are written for this test, apart from the examples in
 * dialogs/lexicons/distress.yaml.
 */
import { describe, expect, it } from 'vitest';
import { endsSentence } from '../../src/nlu/analyze.ts';
import { createRecognizer } from '../../src/nlu/recognizer.ts';
import { SoftmaxClassifier } from '../../src/nlu/classifier.ts';
import { compileLexicons } from '../../src/nlu/lexicon.ts';
import { MIN_EXAMPLES, trainSituationModels } from '../../src/nlu/situation-model.ts';
import type { NluTrainingData } from '../../src/nlu/types.ts';
import type { Recognizer } from '../../src/nlu/types.ts';
import { sharedRecognizer, trainingData } from './helpers.ts';

async function parse(text: string) {
  return (await sharedRecognizer()).parse(text);
}

/** The same dialogs with the examples taken out of every lexicon: the phrases alone. */
let phrasesOnly: Promise<Recognizer> | undefined;
function parseByPhrases(text: string) {
  phrasesOnly ??= trainingData().then((d) => createRecognizer({
    ...d,
    lexicons: d.lexicons.map((doc) => {
      const l = doc as Record<string, unknown> & { nl: Record<string, unknown>; en: Record<string, unknown> };
      const strip = ({ examples: _e, examples_asking: _a, counter_examples: _c, ...rest }: Record<string, unknown>) => rest;
      return { ...l, nl: strip(l.nl), en: strip(l.en) };
    }),
  }));
  return phrasesOnly.then((r) => r.parse(text));
}

describe('the learned distress model', () => {
  it.each([
    'het heeft allemaal geen nut meer, ik geef het op',
    'I don\'t think I can keep going much longer',
    'wanneer is de uitkering er? het doet er eigenlijk niet meer toe. er is voor mij niets meer om voor te leven',
  ])('finds a crisis that no phrase names: "%s"', async (text) => {
    expect((await parseByPhrases(text)).handoffs.map((h) => h.reason)).not.toContain('distress');
    const r = await parse(text);
    expect(r.handoff?.reason).toBe('distress');
    expect(text).toContain(r.handoff!.evidence);
  });

  it('gives the sentence that showed it as evidence, not the whole message', async () => {
    const text = 'Goedemiddag, ik heb een vraag over de toeslag. Het doet er eigenlijk niet meer toe, er is voor mij niets meer om voor te leven.';
    const r = await parse(text);
    expect(r.handoff?.reason).toBe('distress');
    expect(r.handoff!.evidence.length).toBeLessThan(text.length);
    expect(r.handoff!.evidence).toContain('leven');
  });

  it.each([
    'ik lach me echt kapot om jullie nieuwe website',
    'als ik maandag niks hoor, ga ik naar de ombudsman',
    'I am dying to know when my permit is ready',
    'mijn oude telefoon is kapot, hoe verander ik mijn nummer',
    'ik heb de huur van vorige maand nog niet kunnen betalen, kan ik uitstel krijgen',
    'wanneer wordt de bijstand betaald',
  ])('leaves "%s" alone', async (text) => {
    expect((await parse(text)).handoffs.map((h) => h.reason)).not.toContain('distress');
  });

  it('does not bring back a crisis the citizen denied', async () => {
    const r = await parse('nee hoor, ik wil geen einde aan mijn leven maken, ik wil alleen weten wanneer het geld komt');
    expect(r.handoffs.map((h) => h.reason)).not.toContain('distress');
  });

  it('trains a model only for a lexicon with enough examples', () => {
    const doc = (id: string, examples: string[]) => ({
      version: 1, kind: 'lexicon', id, reason: id, nl: { phrases: ['xyz'], examples }, en: { phrases: ['xyz'] },
    });
    const many = Array.from({ length: MIN_EXAMPLES }, (_, i) => `ik kan niet meer verder ${i}`);
    const lexicons = compileLexicons([doc('distress', many), doc('bereavement', many.slice(1))]);
    const models = trainSituationModels(lexicons, [{ bag: new Map([['w|betaald', 1]]) }], () => new Map([['w|x', 1]]));
    expect(models.map((m) => m.reason)).toEqual(['distress']);
  });

  it('averages models trained on other shuffles of the same samples: their scores before the softmax', () => {
    const bag = (...words: string[]) => new Map(words.map((w) => [`w|${w}`, 1]));
    const samples = [
      ...['ik kan niet meer', 'ik wil dood', 'het hoeft niet meer', 'ik stop ermee'].map((t) => ({ bag: bag(...t.split(' ')), label: 'distress' })),
      ...['wanneer komt het geld', 'ik kan niet inloggen', 'ik wil een paspoort', 'stop de toeslag'].map((t) => ({ bag: bag(...t.split(' ')), label: 'other' })),
    ];
    const models = [1, 2, 3].map((seed) => SoftmaxClassifier.train(samples, { seed, epochs: 5 }));
    const mean = SoftmaxClassifier.mean(models);
    const logit = (m: SoftmaxClassifier, b: Map<string, number>) => {
      const s = m.predict(b).scores;
      return Math.log(s[0]! / s[1]!);
    };
    for (const probe of [bag('ik', 'kan', 'niet', 'meer'), bag('wanneer', 'geld'), bag('onbekend')]) {
      const each = models.map((m) => logit(m, probe));
      expect(logit(mean, probe)).toBeCloseTo(each.reduce((a, b) => a + b) / each.length, 4);
    }
    // Another shuffle moves the scores; so models of other samples cannot be averaged.
    expect(logit(models[0]!, bag('ik', 'stop'))).not.toBeCloseTo(logit(models[1]!, bag('ik', 'stop')), 4);
    expect(() => SoftmaxClassifier.mean([models[0]!, SoftmaxClassifier.train([...samples, { bag: bag('nieuw'), label: 'other' }])])).toThrow(/differ/);
  });

  it('finds nothing by model when the lexicon file has no examples', async () => {
    const data: NluTrainingData = {
      intents: [
        { id: 'payment', examples: { nl: ['wanneer wordt het betaald', 'waar blijft mijn geld'], en: ['when is it paid'] } },
        { id: 'greeting', examples: { nl: ['hallo', 'goedemorgen'], en: ['hello'] } },
      ],
      lexicons: [{ version: 1, kind: 'lexicon', id: 'distress', reason: 'distress', nl: { phrases: ['zelfmoord'] }, en: { phrases: ['suicide'] } }],
    };
    const r = await createRecognizer(data);
    expect(r.parse('zelfmoord').handoff?.reason).toBe('distress');
    expect(r.parse('iedereen zou het rustiger hebben zonder mij erbij').handoff).toBeNull();
  });
});

describe('sentence parts', () => {
  it('ends a sentence at a full stop, question or exclamation mark, but not inside a number', () => {
    const at = (text: string, left: string, right: string) => endsSentence(text, text.indexOf(left) + left.length, text.indexOf(right, text.indexOf(left) + left.length));
    expect(at('kunt u bellen? liefst na 15.00 uur', 'bellen', 'liefst')).toBe(true);
    expect(at('kunt u bellen? liefst na 15.00 uur', '15', '00')).toBe(false);
    expect(at('het kost € 1.250 per maand', '1', '250')).toBe(false);
    expect(at('ok.ik kan niet meer', 'ok', 'ik')).toBe(true);
    expect(at('zo is het! klaar', 'het', 'klaar')).toBe(true);
    expect(at('15 maart 2026', '15', 'maart')).toBe(false);
  });
});
