/**
 * `loket nlu-export`: every training example as NDJSON `{text, lang, intent}`, e.g. to train or
 * compare another NLU on exactly the same data (bench/nlu-vs-nlpjs).
 */
import { intentExamples, type NluTrainingData } from '../nlu/index.ts';

export interface ExportedExample {
  text: string;
  lang: 'nl' | 'en';
  intent: string;
}

/** The intents' examples and the situation examples that also ask something (`examples_asking`), as the classifier learns them. */
export function exportExamples(data: NluTrainingData): ExportedExample[] {
  return intentExamples(data).map(({ text, lang, intent }) => ({ text, lang, intent }));
}

/** Writes the examples to `output`; returns the exit code (always 0). */
export function runNluExport(data: NluTrainingData, output: NodeJS.WritableStream): number {
  // `loket nlu export | head` closes the pipe early; that is not an error worth a stack trace.
  output.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code !== 'EPIPE') throw err;
  });
  output.write(exportExamples(data).map((e) => `${JSON.stringify(e)}\n`).join(''));
  return 0;
}
