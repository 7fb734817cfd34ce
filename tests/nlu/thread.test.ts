/** The recognizer in a worker thread answers exactly as the one in this thread, in batches. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDialogSet, toTrainingData } from '../../src/dialog/loader.ts';
import { createRecognizer } from '../../src/nlu/index.ts';
import { startNluThread, type NluService } from '../../src/nlu/thread.ts';
import type { Recognizer } from '../../src/nlu/types.ts';
import { NLU_CACHE } from '../support/nlu-cache.ts';

const MESSAGES = [
  'hoe staat het met mijn aanvraag',
  'Z-2026-000123',
  '1234 AB 15 maart 1980',
  'ik wil een medewerker spreken',
  'mijn moeder is overleden en ik weet niet wat ik moet doen',
  'wnr krijg ik bericht over mn vergunnig??',
  'I would like to know the status of my application',
  'ik ben niet boos hoor, alleen een vraag',
  '😀 مرحبا',
];

let inline: Recognizer;
let threaded: NluService;

beforeAll(async () => {
  const data = toTrainingData(loadDialogSet('dialogs'));
  inline = await createRecognizer(data, { cacheDir: NLU_CACHE });
  threaded = await startNluThread(data, { cacheDir: NLU_CACHE }, inline);
}, 60_000);
afterAll(async () => {
  await threaded?.close();
});

describe('the NLU worker thread', () => {
  it('gives the same parse as the recognizer in this thread, also for many at once', async () => {
    const many = Array.from({ length: 60 }, (_, i) => MESSAGES[i % MESSAGES.length]!);
    const answers = await Promise.all(many.map((m) => threaded.parse(m)));
    answers.forEach((a, i) => expect(a).toEqual(inline.parse(many[i]!)));
    expect(await threaded.parse('how are you', 'en')).toEqual(inline.parse('how are you', 'en'));
  });

  it('still answers after it has stopped, in this thread', async () => {
    const data = toTrainingData(loadDialogSet('dialogs'));
    const own = await startNluThread(data, { cacheDir: NLU_CACHE }, inline);
    const pending = own.parse(MESSAGES[0]!);
    await own.close();
    expect(await pending).toEqual(inline.parse(MESSAGES[0]!));
    expect(await own.parse(MESSAGES[3]!)).toEqual(inline.parse(MESSAGES[3]!));
  });
});
