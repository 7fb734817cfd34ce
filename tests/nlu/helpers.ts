/** The real recognizer, trained on the real dialogs folder (no mocks), from the run's model cache. */
import { fileURLToPath } from 'node:url';
import { createRecognizer, readTrainingData, type NluTrainingData, type Recognizer } from '../../src/nlu/index.ts';
import { NLU_CACHE } from '../support/nlu-cache.ts';

export const DIALOGS_DIR = fileURLToPath(new URL('../../dialogs', import.meta.url));

let data: Promise<NluTrainingData> | undefined;
let recognizer: Promise<Recognizer> | undefined;

export function trainingData(): Promise<NluTrainingData> {
  return (data ??= readTrainingData(DIALOGS_DIR));
}

export function sharedRecognizer(): Promise<Recognizer> {
  return (recognizer ??= trainingData().then((d) => createRecognizer(d, { cacheDir: NLU_CACHE })));
}
