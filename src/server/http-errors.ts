/**
 * One error policy for every route: a LoketError keeps its code and status; Fastify's own errors
 * (bad JSON, wrong content type, body too large, schema validation) are translated to ours; anything
 * else is logged with its stack and answered as INTERNAL without details.
 */
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { LoketError } from '../errors.ts';

export function translate(err: FastifyError | Error): LoketError {
  if (err instanceof LoketError) return err;
  const e = err as FastifyError;
  switch (e.code) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return new LoketError('BAD_JSON', [], { cause: err });
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return new LoketError('BAD_CONTENT_TYPE', [], { cause: err });
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new LoketError('BODY_TOO_LARGE', [String(BODY_LIMIT)], { cause: err });
    // The router's own refusals (frameworkErrors below), before any route or error handler runs.
    case 'FST_ERR_BAD_URL':
      return new LoketError('BAD_REQUEST', ['the address has a broken %-escape; encode it with encodeURIComponent'], { cause: err });
    case 'FST_ERR_MAX_PARAM_LENGTH':
      return new LoketError('BAD_REQUEST', [`a part of the address (such as a conversation id) is longer than ${MAX_PARAM_LENGTH} characters`], { cause: err });
  }
  if (e.validation) return new LoketError('BAD_REQUEST', [e.message], { cause: err });
  if (err instanceof SyntaxError && e.statusCode === 400) return new LoketError('BAD_JSON', [], { cause: err });
  if (typeof e.statusCode === 'number' && e.statusCode >= 400 && e.statusCode < 500) {
    return new LoketError('BAD_REQUEST', [e.message], { cause: err });
  }
  return new LoketError('INTERNAL', [], { cause: err });
}

export const BODY_LIMIT = 64 * 1024;
/** Fastify's default: a path parameter longer than this never reaches a route. */
export const MAX_PARAM_LENGTH = 100;

function sendError(err: FastifyError | Error, request: FastifyRequest, reply: FastifyReply): void {
  const e = translate(err);
  if (e.statusCode >= 500) request.log.error({ err }, 'request failed');
  else request.log.info({ code: e.code }, 'request refused');
  // The console asks for Dutch (Accept-Language: nl); every other client gets the English sentence.
  const dutch = /^nl\b/i.test(String(request.headers['accept-language'] ?? ''));
  void reply.status(e.statusCode).send(dutch ? { error: { code: e.code, message: e.messageIn('nl') } } : e.toJSON());
}

/**
 * For Fastify's `frameworkErrors` option: a URL the router cannot read (a broken %-escape, a path
 * parameter over MAX_PARAM_LENGTH) is refused before the error handler exists for it, in Fastify's
 * own shape (`{error: "Bad Request", code: "FST_ERR_BAD_URL"}`, 414 for a long parameter). This
 * answers it as every other refusal.
 */
export const frameworkErrors = sendError;

export function installErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((err, request, reply) => sendError(err as Error, request, reply));
  app.setNotFoundHandler((request, reply) => {
    const e = new LoketError('NOT_FOUND', [`${request.method} ${request.url.split('?')[0]}`]);
    void reply.status(404).send(e.toJSON());
  });
}
