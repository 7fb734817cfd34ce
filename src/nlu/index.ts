/** The NLU: `createRecognizer` for whole messages; the parts are exported for the CLI and tests. */
export * from './types.ts';
export { createRecognizer, MODEL_VERSION, DEFAULT_NONE_THRESHOLD, type RecognizerOptions } from './recognizer.ts';
export { detectLanguage, LanguageDetector } from './language.ts';
export { extractEntities, isValidBsn, replaceEntities, toIsoDate } from './entities/index.ts';
export { intentExamples, ownWords, readTrainingData, type IntentExample } from './training-data.ts';
export type { LexiconDoc } from './lexicon.ts';
