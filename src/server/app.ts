/**
 * The Fastify app: error policy, health, OpenAPI, then one plugin per channel. Thin on purpose:
 * everything it serves is built in src/server/loket.ts and passed in.
 */
import Fastify, { LogController, type FastifyBaseLogger, type FastifyInstance, type FastifyPluginAsync } from 'fastify';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import fastifyWebsocket from '@fastify/websocket';
import type { Logger } from 'pino';
import { webChannel } from '../../channels/web/plugin.ts';
import type { Clock } from '../clock.ts';
import type { ConversationService } from '../conversation/service.ts';
import type { DialogSet } from '../dialog/types.ts';
import type { Config } from './config.ts';
import { BODY_LIMIT, MAX_PARAM_LENGTH, frameworkErrors, installErrorHandling } from './http-errors.ts';
import { caseworkerApi, type CaseworkerApiDeps } from '../caseworker/api.ts';
import { consolePage } from '../caseworker/console-page.ts';
import { teamsOf } from '../dialog/routing.ts';

export interface AppDeps {
  config: Config;
  logger: Logger;
  service: ConversationService;
  dialogs: DialogSet;
  clock: Clock;
  tokenSecret: string;
  /** Checks the store answers; used by /ready. */
  ping(): Promise<void>;
  /** The caseworker API's deps; what it needs of the dialog set (intents, version) comes from `dialogs`. */
  caseworker: Omit<CaseworkerApiDeps, 'intents' | 'dialogVersion'>;
  /** The Slack channel's plugin (channels/slack) when SLACK_* settings turn it on. */
  slack?: FastifyPluginAsync | null;
  /** The Twilio SMS/WhatsApp channel's plugin (channels/sms) when TWILIO_* settings turn it on. */
  twilio?: FastifyPluginAsync | null;
  /** Which worker this is when several serve one port (LOKET_WORKERS); shown by /health. */
  instance?: number;
}

export async function buildApp(deps: AppDeps): Promise<FastifyInstance> {
  const app = Fastify({
    loggerInstance: deps.logger as unknown as FastifyBaseLogger,
    bodyLimit: BODY_LIMIT,
    routerOptions: { maxParamLength: MAX_PARAM_LENGTH },
    frameworkErrors,
    logController: new LogController({ disableRequestLogging: deps.config.LOG_LEVEL !== 'debug' && deps.config.LOG_LEVEL !== 'trace' }),
    ajv: { customOptions: { removeAdditional: false, coerceTypes: 'array', allErrors: false } },
  });
  installErrorHandling(app);

  await app.register(fastifySwagger, {
    openapi: {
      info: { title: 'Loket', version: '0.1.0', description: 'Citizen contact assistant: Direct Line 3.0 web channel, health, caseworker API.' },
      tags: [
        { name: 'directline', description: 'Bot Framework Direct Line 3.0 (web chat)' },
        { name: 'ops', description: 'Health and readiness' },
        { name: 'caseworker', description: 'Caseworker API: handoffs, messages, notes, users (CONTRACTS §5)' },
      ],
      components: { securitySchemes: { bearerAuth: { type: 'http', scheme: 'bearer' } } },
    },
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/docs' });
  await app.register(fastifyWebsocket, { options: { maxPayload: BODY_LIMIT } });

  const health = deps.instance === undefined ? { status: 'ok' } : { status: 'ok', instance: deps.instance };
  app.get('/health', {
    schema: {
      tags: ['ops'],
      summary: 'Liveness: the process answers (and which worker, when LOKET_WORKERS > 1)',
      response: { 200: { type: 'object', properties: { status: { type: 'string' }, instance: { type: 'integer' } } } },
    },
  }, async () => health);
  app.get('/ready', {
    schema: {
      tags: ['ops'],
      summary: 'Readiness: store reachable and dialogs loaded',
      response: {
        200: { type: 'object', properties: { status: { type: 'string' }, dialogVersion: { type: 'string' } } },
        503: { type: 'object', properties: { status: { type: 'string' }, error: { type: 'string' } } },
      },
    },
  }, async (_req, reply) => {
    try {
      await deps.ping();
      return { status: 'ready', dialogVersion: deps.dialogs.version };
    } catch (err) {
      return reply.status(503).send({ status: 'not_ready', error: (err as Error).message });
    }
  });

  await app.register(webChannel({
    service: deps.service,
    tokenSecret: deps.tokenSecret,
    clock: deps.clock,
    ...(deps.config.LOKET_PUBLIC_URL ? { publicUrl: deps.config.LOKET_PUBLIC_URL } : {}),
  }));
  const intents = [...deps.dialogs.intents.keys()];
  await app.register(caseworkerApi({ ...deps.caseworker, intents, dialogVersion: deps.dialogs.version }));
  await app.register(consolePage(teamsOf(deps.dialogs), intents));
  if (deps.slack) await app.register(deps.slack);
  if (deps.twilio) await app.register(deps.twilio);
  return app;
}
