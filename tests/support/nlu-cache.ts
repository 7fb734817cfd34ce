/**
 * One model cache folder for the whole test run. The global setup trains into it once, before any
 * test file starts; every file then loads the model from it instead of training its own (a cache
 * entry is keyed by the training data and MODEL_VERSION, so an old entry is never reused).
 */
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const NLU_CACHE = join(tmpdir(), 'loket-test-nlu-cache');
