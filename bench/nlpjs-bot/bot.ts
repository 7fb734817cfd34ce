/**
 * The comparison bot "most teams would pick": nlp.js (`@nlpjs/basic` + `@nlpjs/lang-nl`) behind its own
 * Express API server with the Direct Line connector, booted the documented way (`dockStart` with
 * `use: ['Basic', 'LangNl', 'LangEn', 'ExpressApiServer', 'DirectlineConnector']`), in memory, trained on
 * the same examples as Loket's NLU, with one answer per intent. Settings are nlp.js defaults except
 * autoSave/autoLoad (no model file), the training and connector logs (off, as Loket's are).
 *
 * Routes (node_modules/@nlpjs/directline-connector/src/directline-connector.js), no auth:
 *   POST /directline/conversations                      → {conversationId, expiresIn}
 *   POST /directline/conversations/:id/activities       → {id, timestamp}; with no `bot` registered the
 *        controller awaits `nlp.process()` and pushes the answer into the history BEFORE it responds
 *   GET  /directline/conversations/:id/activities?watermark=N → {activities, watermark}
 * The conversation history lives in a plain object in memory and is never stored.
 */
import http from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import type { NluTrainingData } from '../../src/nlu/types.ts';
import { ANSWERS, GENERIC_ANSWER } from './answers.ts';

const require = createRequire(import.meta.url);

interface NlpLike {
  addDocument(locale: string, utterance: string, intent: string): void;
  addAnswer(locale: string, intent: string, answer: string): void;
  train(): Promise<unknown>;
  process(locale: string | undefined, utterance: string): Promise<{ intent: string; score: number; answer?: string; locale?: string }>;
}
interface ContainerLike {
  getConfiguration(tag: string): Record<string, unknown> | undefined;
  get(name: 'nlp'): NlpLike;
  get(name: 'api-server'): { app: http.RequestListener };
  get(name: string): unknown;
}

export interface NlpjsBot {
  port: number;
  examples: number;
  intents: number;
  trainMs: number;
  close(): Promise<void>;
}

export async function startNlpjsBot(data: NluTrainingData, langs: Array<'nl' | 'en'> = ['nl', 'en']): Promise<NlpjsBot> {
  const { dockStart } = require('@nlpjs/basic') as { dockStart(settings: unknown): Promise<{ getContainer(): ContainerLike }> };
  const dock = (await dockStart({
    settings: {
      nlp: { languages: langs, autoSave: false, autoLoad: false },
      // port 0: the ExpressApiServer builds its Express app (cors, json body parser) but does not
      // listen; we listen on it below on a free loopback port, exactly as its start() would.
      'api-server': { port: 0, serveBot: false },
      directline: { log: false },
    },
    use: ['Basic', 'LangNl', 'LangEn', 'ExpressApiServer', 'DirectlineConnector'],
  })).getContainer();
  // Only silence the per-epoch console log of training (nlp.js's default for 'nlu-??' is log: true).
  const nluDefaults = dock.getConfiguration('nlu-??');
  if (nluDefaults) nluDefaults.log = false;
  const nlp = dock.get('nlp');
  let examples = 0;
  for (const intent of data.intents) {
    for (const lang of langs) {
      for (const text of intent.examples[lang] ?? []) {
        nlp.addDocument(lang, text, intent.id);
        examples++;
      }
      const answer = (ANSWERS[intent.id] ?? GENERIC_ANSWER)[lang];
      nlp.addAnswer(lang, intent.id, answer);
    }
  }
  const t0 = performance.now();
  await nlp.train();
  const trainMs = performance.now() - t0;

  const app = dock.get('api-server').app;
  const server = http.createServer(app);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    port, examples, intents: data.intents.length, trainMs,
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}
