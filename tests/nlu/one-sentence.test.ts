/**
 * A message that is `none` as a whole but asks one clear thing in one sentence gets that intent
 * (SENTENCE_INTENT_THRESHOLD in src/nlu/recognizer.ts). On a small training set of its own, so the
 * whole message is sure to be `none` and the question sure to be clear; the shipped dialogs follow.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { analyze, splitSentences } from '../../src/nlu/analyze.ts';
import { createRecognizer } from '../../src/nlu/recognizer.ts';
import type { NluTrainingData, Recognizer } from '../../src/nlu/types.ts';
import { sharedRecognizer } from './helpers.ts';

const small: NluTrainingData = {
  lexicons: [],
  intents: [
    { id: 'payment', examples: { nl: ['wanneer wordt de bijstand gestort', 'wanneer krijg ik mijn geld', 'is de uitkering al betaald', 'wanneer komt het geld binnen', 'hoeveel bijstand krijg ik'], en: [] } },
    { id: 'contact_hours', examples: { nl: ['hoe laat zijn jullie open', 'wat zijn de openingstijden', 'tot hoe laat kan ik bellen', 'wanneer is het stadhuis open'], en: [] } },
    { id: 'greeting', examples: { nl: ['hallo', 'goedemorgen', 'hoi', 'goedemiddag', 'dag allemaal'], en: [] } },
    { id: 'thanks', examples: { nl: ['bedankt', 'dank je wel', 'dank u', 'hartelijk bedankt', 'super bedankt'], en: [] } },
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

  it('takes a closing thanks from its own sentence when no sentence asks anything', () => {
    expect(recognizer.parse(`${STORY} Bedankt!`, 'nl').intent.name).toBe('thanks');
    // A question anywhere in the message: the thanks is politeness around it, not what the message does.
    expect(recognizer.parse(`Is de kat weg? ${STORY} Bedankt!`, 'nl').intent.name).toBe('none');
    // Only the closing sentence: a thanks before the story ends nothing.
    expect(recognizer.parse(`Bedankt. ${STORY}`, 'nl').intent.name).toBe('none');
  });

  it('starts a new sentence at "anyway" / "maar goed", without the word itself', () => {
    const chat = STORY.replace(/\.$/, ' haha');
    expect(recognizer.parse(`${chat} maar goed wanneer wordt de bijstand gestort`, 'nl').intent.name).toBe('payment');
    expect(recognizer.parse(`${chat} anyway wanneer wordt de bijstand gestort`, 'nl').intent.name).toBe('payment');
  });

  it('leaves a message of one sentence as the whole of it reads', () => {
    const text = STORY.replace(/\.$/, ' en wanneer wordt de bijstand gestort');
    expect(recognizer.parse(text, 'nl').intent.name).toBe('none');
  });
});

describe('splitSentences at a topic shift', () => {
  const words = (text: string) => splitSentences(analyze(text, 'en', null), text, { atTopicShift: true }).map((s) => s.map((t) => t.norm).join(' '));

  it('splits before the word and leaves it out', () => {
    expect(words('my plants all died lol anyway when is payday')).toEqual(['my plants all died lol', 'when is payday']);
    expect(words('rough week by the way is my allowance paid')).toEqual(['rough week', 'is my allowance paid']);
    expect(words('zware week maar goed is mijn wijziging verwerkt')).toEqual(['zware week', 'is mijn wijziging verwerkt']);
  });

  it('does not split at a closing "anyway" or when fewer than two words follow', () => {
    expect(words('i wont be here next week anyway')).toEqual([]);
    expect(words('doesnt matter anyway thanks')).toEqual([]);
  });

  it('splits only when asked: the situation models read sentences as written', () => {
    const text = 'my plants all died lol anyway when is payday';
    expect(splitSentences(analyze(text, 'en', null), text)).toEqual([]);
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
