/**
 * One error policy for every route: a LoketError keeps its code and status; Fastify's own errors
 * (bad JSON, wrong content type, body too large, schema validation) are translated to ours; anything
 * else is logged with its stack and answered as INTERNAL without details.
 */
import type { FastifyError, FastifyInstance } from 'fastify';
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
  }
  if (e.validation) return new LoketError('BAD_REQUEST', [e.message], { cause: err });
  if (err instanceof SyntaxError && e.statusCode === 400) return new LoketError('BAD_JSON', [], { cause: err });
  if (typeof e.statusCode === 'number' && e.statusCode >= 400 && e.statusCode < 500) {
    return new LoketError('BAD_REQUEST', [e.message], { cause: err });
  }
  return new LoketError('INTERNAL', [], { cause: err });
}

export const BODY_LIMIT = 64 * 1024;

export function installErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((err, request, reply) => {
    const e = translate(err as Error);
    if (e.statusCode >= 500) request.log.error({ err }, 'request failed');
    else request.log.info({ code: e.code }, 'request refused');
    void reply.status(e.statusCode).send(e.toJSON());
  });
  app.setNotFoundHandler((request, reply) => {
    const e = new LoketError('NOT_FOUND', [`${request.method} ${request.url.split('?')[0]}`]);
    void reply.status(404).send(e.toJSON());
  });
}
