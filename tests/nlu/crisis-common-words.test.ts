/**
 * Common ways to say one wants to die that the phrases missed (stop 66): the plain Dutch "ik wil niet
 * meer op deze wereld zijn", English without the "to" as people write who learn it ("i want die"),
 * and chat's "kms" (kill myself) after a wish or plan. The look-alikes stay quiet: someone who died
 * ("zij is niet meer op deze wereld", a bereavement the other lexicon hears), kilometres, a deadline.
 * And a crisis must not hang on a guessed language: "i wanna die" has Dutch words ("i", "die") and
 * no English one the detector knew, so it was read as Dutch, where "wanna" is no shorthand, and had
 * no crisis at all.
 */
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/nlu/analyze.ts';
import { HandoffDetector } from '../../src/nlu/handoff.ts';
import { compileLexicons } from '../../src/nlu/lexicon.ts';
import type { Lang } from '../../src/nlu/index.ts';
import { sharedRecognizer, trainingData } from './helpers.ts';

let detector: HandoffDetector | undefined;
/** Whether the real lexicons' phrases alone (no learned model) find a crisis in `text`. */
const phrasesFindCrisis = async (text: string, lang: Lang) =>
  (await (async () => (detector ??= new HandoffDetector(compileLexicons((await trainingData()).lexicons))))())
    .detect(text, analyze(text, lang, null), lang).signals.some((s) => s.reason === 'distress');

const expectEach = async (cases: ReadonlyArray<readonly [string, Lang]>, crisis: boolean) => {
  for (const [text, lang] of cases) expect({ text, crisis: await phrasesFindCrisis(text, lang) }).toEqual({ text, crisis });
};

describe('everyday words for wanting to die, by the phrases alone', () => {
  it('hears them in Dutch, in learner English and in chat shorthand', async () => {
    await expectEach([
      ['ik wil niet meer op deze wereld zijn', 'nl'], ['ik wil echt niet meer op deze wereld zijn', 'nl'],
      ['soms denk ik ik zou niet meer op deze wereld willen zijn', 'nl'],
      ['ik wanna dood', 'nl'], ['ik wanna gewoon dood', 'nl'],
      ['i want die', 'en'], ['i want die i cant read what u send', 'en'], ['sometimes i want dead', 'en'],
      ['i wanna kms', 'en'], ['honestly gonna kms if this letter is another no', 'en'], ['ill kms tonight', 'en'],
    ], true);
  });

  it('stays quiet for a death, kilometres and deadlines', async () => {
    await expectEach([
      ['mijn moeder is niet meer op deze wereld, wat moet ik regelen', 'nl'],
      ['it is 5 kms from my house, can i park there', 'en'], ['the office is 2 kms away', 'en'],
      ['i want deadline extension for my objection', 'en'],
    ], false);
  });
});

describe('a crisis in a message whose language is a guess', () => {
  it('is found in the other language, and the message is read in that one', async () => {
    const recognizer = await sharedRecognizer();
    for (const text of ['i wanna die', 'wanna die', 'i gonna die', 'I wanna die.']) {
      const r = recognizer.parse(text);
      expect({ text, reason: r.handoff?.reason, lang: r.lang }).toEqual({ text, reason: 'distress', lang: 'en' });
    }
  });

  it('leaves a message alone when its words decide the language, or no crisis is in either', async () => {
    const recognizer = await sharedRecognizer();
    for (const [text, lang] of [['die brief snap ik niet', 'nl'], ['i wanna go home', 'en'], ['die is voor mij', 'nl']] as const) {
      const r = recognizer.parse(text);
      expect({ text, distress: r.handoffs.some((h) => h.reason === 'distress'), lang: r.lang }).toEqual({ text, distress: false, lang });
    }
  });
});
