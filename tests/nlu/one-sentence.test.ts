/**
 * A message that is `none` as a whole but asks one clear thing in one sentence gets that intent
 * (SENTENCE_INTENT_THRESHOLD in src/nlu/recognizer.ts). On a small training set of its own, so the
 * whole message is sure to be `none` and the question sure to be clear; the shipped dialogs follow.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { createRecognizer } from '../../src/nlu/recognizer.ts';
import type { NluTrainingData, Recognizer } from '../../src/nlu/types.ts';
import { sharedRecognizer } from './helpers.ts';

const small: NluTrainingData = {
  lexicons: [],
  intents: [
    { id: 'payment', examples: { nl: ['wanneer wordt de bijstand gestort', 'wanneer krijg ik mijn geld', 'is de uitkering al betaald', 'wanneer komt het geld binnen', 'hoeveel bijstand krijg ik'], en: [] } },
    { id: 'contact_hours', examples: { nl: ['hoe laat zijn jullie open', 'wat zijn de openingstijden', 'tot hoe laat kan ik bellen', 'wanneer is het stadhuis open'], en: [] } },
    { id: 'greeting', examples: { nl: ['hallo', 'goedemorgen', 'hoi', 'goedemiddag', 'dag allemaal'], en: [] } },
    { id: 'none', examples: { nl: ['de kat is weg', 'het regent al de hele week', 'de auto is kapot', 'mijn buurman maakt herrie', 'de tuin staat vol onkruid', 'wat een week met de kat en de auto'], en: [] } },
  ],
};

const STORY = 'De kat is weg, de auto is kapot en het regent al de hele week, de buurman maakt herrie en de tuin staat vol onkruid.';

let recognizer: Recognizer;
beforeAll(async () => {
  recognizer = await createRecognizer(small);
});

describe('the intent of one sentence in a longer message', () => {
  it('is taken when the whole message is `none` and one sentence is sure of a question', () => {
    expect(recognizer.parse(STORY, 'nl').intent.name).toBe('none');
    const r = recognizer.parse(`${STORY} Wanneer wordt de bijstand gestort?`, 'nl');
    expect(r.intent.name).toBe('payment');
    expect(r.intent.confidence).toBeGreaterThanOrEqual(0.6);
  });

  it('takes the surest of two asking sentences', () => {
    const r = recognizer.parse(`${STORY} Is het stadhuis open? Wanneer wordt de bijstand gestort?`, 'nl');
    expect(r.intent.name).toBe('payment');
  });

  it('does not take a greeting from its own sentence: the message asks nothing', () => {
    expect(recognizer.parse('hallo', 'nl').intent.name).toBe('greeting');
    expect(recognizer.parse(`Hallo. ${STORY}`, 'nl').intent.name).toBe('none');
  });

  it('leaves a message of one sentence as the whole of it reads', () => {
    const text = STORY.replace(/\.$/, ' en wanneer wordt de bijstand gestort');
    expect(recognizer.parse(text, 'nl').intent.name).toBe('none');
  });
});

describe('with the shipped dialogs', () => {
  it('reads a bare "what do I do?" as `none`: it says nothing of what it is about', async () => {
    const shipped = await sharedRecognizer();
    for (const text of ['wat moet ik doen', 'wat moet ik nu doen?', 'what should i do', 'what do i do now?']) {
      expect({ text, intent: shipped.parse(text).intent.name }).toEqual({ text, intent: 'none' });
    }
  });
});
