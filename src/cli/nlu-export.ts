/**
 * `loket nlu-export`: every training example as NDJSON `{text, lang, intent}`, e.g. to train or
 * compare another NLU on exactly the same data (bench/nlu-vs-nlpjs).
 */
import type { NluTrainingData } from '../nlu/index.ts';

export interface ExportedExample {
  text: string;
  lang: 'nl' | 'en';
  intent: string;
}

export function exportExamples(data: NluTrainingData): ExportedExample[] {
  return data.intents.flatMap((intent) =>
    (['nl', 'en'] as const).flatMap((lang) => (intent.examples[lang] ?? []).map((text) => ({ text, lang, intent: intent.id }))),
  );
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
