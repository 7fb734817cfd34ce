/** Serves the caseworker console: /console and its static files from src/caseworker/console/. */
import { readFile } from 'node:fs/promises';
import { dirname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyPluginAsync } from 'fastify';
import { LoketError } from '../errors.ts';
import { labelsModule } from './labels.ts';

const DIR = join(dirname(fileURLToPath(import.meta.url)), 'console');
const TYPES: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8', '.svg': 'image/svg+xml', '.wav': 'audio/wav' };
const SECURITY_HEADERS = {
  'content-security-policy': "default-src 'self'; connect-src 'self' ws: wss:; img-src 'self' data:; media-src 'self' data:; style-src 'self'; script-src 'self'; frame-ancestors 'none'",
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
};

export function consolePage(teams: string[], intents: readonly string[]): FastifyPluginAsync {
  const labels = labelsModule(teams, intents);
  return async (app) => {
    const serve = async (file: string) => {
      const path = normalize(join(DIR, file));
      if (!path.startsWith(DIR)) throw new LoketError('NOT_FOUND', [file]);
      try {
        return { body: await readFile(path), type: TYPES[path.slice(path.lastIndexOf('.'))] ?? 'application/octet-stream' };
      } catch {
        throw new LoketError('NOT_FOUND', [file]);
      }
    };
    app.get('/console', { schema: { hide: true } }, async (_req, reply) => {
      const { body, type } = await serve('index.html');
      return reply.headers(SECURITY_HEADERS).type(type).send(body);
    });
    app.get('/console/labels-data.js', { schema: { hide: true } }, async (_req, reply) =>
      reply.headers(SECURITY_HEADERS).type(TYPES['.js']!).send(labels));
    app.get('/console/*', { schema: { hide: true } }, async (req, reply) => {
      const { body, type } = await serve((req.params as { '*': string })['*']);
      return reply.headers(SECURITY_HEADERS).type(type).send(body);
    });
  };
}
