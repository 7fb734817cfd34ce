/** nlp.js set up the documented way: a container with the Dutch and (minimal) English language packs. */
import { createRequire } from 'node:module';
import type { ExportedExample } from '../../src/cli/nlu-export.ts';

const require = createRequire(import.meta.url);

interface NlpjsNlp {
  settings: { autoSave: boolean; autoLoad: boolean };
  addLanguage(lang: string): void;
  addDocument(lang: string, text: string, intent: string): void;
  train(): Promise<void>;
  process(lang: string, text: string): Promise<{ intent: string; score: number }>;
}

export async function loadNlpjs(examples: ExportedExample[]): Promise<{ classify(text: string, lang: string): Promise<string> }> {
  const { containerBootstrap } = require('@nlpjs/core') as { containerBootstrap: () => Promise<{ use(x: unknown): void; get(name: string): unknown }> };
  const { Nlp } = require('@nlpjs/nlp') as { Nlp: unknown };
  const { LangNl } = require('@nlpjs/lang-nl') as { LangNl: unknown };
  const { LangEn } = require('@nlpjs/lang-en-min') as { LangEn: unknown };
  const container = await containerBootstrap();
  container.use(Nlp);
  container.use(LangNl);
  container.use(LangEn);
  const nlp = container.get('nlp') as NlpjsNlp;
  nlp.settings.autoSave = false;
  nlp.settings.autoLoad = false;
  nlp.addLanguage('nl');
  nlp.addLanguage('en');
  // nlp.js prints every training epoch and every stop-word-only example; keep the bench output readable.
  const { log, warn } = console;
  console.log = () => {};
  console.warn = () => {};
  try {
    for (const e of examples) nlp.addDocument(e.lang, e.text, e.intent);
    await nlp.train();
  } finally {
    console.log = log;
    console.warn = warn;
  }
  return {
    async classify(text, lang) {
      const r = await nlp.process(lang, text);
      return !r.intent || r.intent === 'None' ? 'none' : r.intent;
    },
  };
}
