/** The NLU worker thread (started by thread.ts): loads the model from the cache and parses. */
import { serveCalls } from '../worker-rpc.ts';
import { createRecognizer } from './recognizer.ts';
import type { Lang, NluTrainingData } from './types.ts';

serveCalls(async (data) => {
  const { trainingData, cacheDir } = data as { trainingData: NluTrainingData; cacheDir: string };
  const recognizer = await createRecognizer(trainingData, { cacheDir });
  return {
    parse: ({ text, lang }: { text: string; lang?: Lang }) => recognizer.parse(text, lang),
  };
});
