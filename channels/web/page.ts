/**
 * The citizen chat page: `GET /` is index.html, `GET /web/<file>` its scripts and style. A few fixed
 * files, so a lookup table instead of a static-file server: no path ever comes from the request.
 */
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import { LoketError } from '../../src/errors.ts';

const PUBLIC_DIR = fileURLToPath(new URL('./public/', import.meta.url));

const ASSETS: Record<string, string> = {
  'chat.js': 'text/javascript; charset=utf-8',
  'chat-view.js': 'text/javascript; charset=utf-8',
  'chat-composer.js': 'text/javascript; charset=utf-8',
  'directline.js': 'text/javascript; charset=utf-8',
  'chat.css': 'text/css; charset=utf-8',
};

/**
 * Everything the page needs comes from this origin; the stream is a WebSocket to it. No inline
 * script or style, so injected markup could not run even if it got into the page.
 */
const CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self' ws: wss:; base-uri 'none'; form-action 'self'; object-src 'none'";

const schema = (summary: string) => ({ tags: ['directline'], summary, hide: true });

/** Registers GET / and GET /web/:file. */
export function registerPage(app: FastifyInstance): void {
  app.get('/', { schema: schema('The citizen chat page') }, async (_req, reply) => {
    const html = await readFile(`${PUBLIC_DIR}index.html`);
    return reply
      .header('content-type', 'text/html; charset=utf-8')
      .header('content-security-policy', CSP)
      .header('x-content-type-options', 'nosniff')
      .header('referrer-policy', 'no-referrer')
      .header('cache-control', 'no-cache')
      .send(html);
  });

  app.get<{ Params: { file: string } }>(
    '/web/:file',
    { schema: { ...schema('Script and style of the chat page'), params: { type: 'object', properties: { file: { type: 'string', maxLength: 64 } } } } },
    async (req, reply) => {
      const type = Object.hasOwn(ASSETS, req.params.file) ? ASSETS[req.params.file] : undefined;
      if (!type) throw new LoketError('NOT_FOUND', [`GET /web/${req.params.file}`]);
      const body = await readFile(`${PUBLIC_DIR}${req.params.file}`);
      return reply.header('content-type', type).header('x-content-type-options', 'nosniff').header('cache-control', 'no-cache').send(body);
    },
  );
}
