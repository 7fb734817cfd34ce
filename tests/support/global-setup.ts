/** Trains the NLU once into the run's model cache before the test files start (see nlu-cache.ts). */
import { sharedRecognizer } from '../nlu/helpers.ts';

export default async function setup(): Promise<void> {
  await sharedRecognizer();
}
