/** Trains the NLU once into the shared cache before the test files start (see nlu-cache.ts). */
import { fileURLToPath } from 'node:url';
import { createRecognizer, readTrainingData } from '../../src/nlu/index.ts';
import { NLU_CACHE } from './nlu-cache.ts';

export default async function setup(): Promise<void> {
  const data = await readTrainingData(fileURLToPath(new URL('../../dialogs', import.meta.url)));
  await createRecognizer(data, { cacheDir: NLU_CACHE });
}
