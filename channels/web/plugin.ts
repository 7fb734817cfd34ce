/**
 * The web channel as one Fastify plugin: Bot Framework Direct Line 3.0 (CONTRACTS.md §4) so the
 * official clients work unchanged, plus the citizen chat page. Registered by src/server/app.ts after
 * @fastify/websocket:
 *
 *     await app.register(webChannel({ service, tokenSecret, clock }));
 *
 * Each route is a short row of steps: check the token, find the conversation, hand over to the
 * service, shape the answer. Errors are thrown as LoketError; the app's error handler answers them.
 *
 * Token checks, in this order: no token → 401 TOKEN_MISSING; bad signature or expired → 403
 * TOKEN_INVALID; URL names a conversation that does not exist → 404 CONVERSATION_NOT_FOUND; URL names
 * another existing conversation → 403 TOKEN_WRONG_CONVERSATION.
 */
import type { FastifyInstance, FastifyPluginAsync, FastifyRequest } from 'fastify';
import type { Clock } from '../../src/clock.ts';
import { randomId } from '../../src/clock.ts';
import type { ConversationService } from '../../src/conversation/service.ts';
import { LoketError } from '../../src/errors.ts';
import { extended } from '../../src/objects.ts';
import { toInbound, unstoredActivityId, type PostedActivity } from './inbound.ts';
import { parseWatermark, streamUrl, toActivitySet } from './outbound.ts';
import { registerPage } from './page.ts';
import * as schemas from './schemas.ts';
import { serveStream } from './stream.ts';
import { assertConversation, bearerToken, looksLikeToken, signToken, tokenVerifier, type TokenClaims } from './verify.ts';

export interface WebChannelOptions {
  service: ConversationService;
  /** HMAC key for Direct Line tokens; must survive restarts (the store keeps it). */
  tokenSecret: string;
  clock: Clock;
  /** Where citizens reach us (LOKET_PUBLIC_URL); stream URLs are built on it when set. */
  publicUrl?: string;
  /** Token lifetime; 1800 s like Azure Direct Line. */
  tokenTtlSeconds?: number;
  /** Protocol ping interval of the WebSocket stream. */
  keepAliveSeconds?: number;
}

type Params = { conversationId: string };
type WatermarkQuery = { watermark?: string };
type StartBody = { user?: { id?: string }; locale?: string } | undefined;

const PREFIX = '/v3/directline';
const MIN_SECRET_LENGTH = 16;

export function webChannel(opts: WebChannelOptions): FastifyPluginAsync {
  const o = checkOptions(opts);

  return async function webChannelPlugin(app: FastifyInstance): Promise<void> {
    jsonOnly(app);
    registerPage(app);

    const verify = tokenVerifier(o.tokenSecret);
    const issue = (conversationId: string) =>
      signToken({ conversationId, secret: o.tokenSecret, now: o.clock.now(), ttlSeconds: o.tokenTtlSeconds });

    /** The token's claims; 401 when there is none, 403 when it is forged or expired. */
    const claimsOf = (token: string | null): TokenClaims => {
      if (token === null || token === '') throw new LoketError('TOKEN_MISSING');
      return verify(token, o.clock.now());
    };

    /** Checks the token against the conversation in the URL (see the order in the header comment). */
    const authorize = async (token: string | null, conversationId: string): Promise<TokenClaims> => {
      const claims = claimsOf(token);
      if (!(await o.service.get(conversationId))) throw new LoketError('CONVERSATION_NOT_FOUND', [conversationId]);
      assertConversation(claims, conversationId);
      return claims;
    };
    const fromHeader = (req: FastifyRequest) => bearerToken(req.headers.authorization);

    const conversationReply = (req: FastifyRequest, conversationId: string, watermark?: number) => {
      const t = issue(conversationId);
      const url = streamUrl({ conversationId, token: t.token, ...(watermark !== undefined ? { watermark } : {}), ...(o.publicUrl ? { publicUrl: o.publicUrl } : {}), request: req });
      return { conversationId, token: t.token, expires_in: t.expiresIn, streamUrl: url };
    };

    // A generated token opens a conversation that exists at once, welcome included, so every later
    // call finds it and an unknown id is always a plain 404.
    app.post(`${PREFIX}/tokens/generate`, { schema: schemas.generateTokenSchema }, async () => {
      const conversation = await o.service.open({ channel: 'web', id: randomId(), welcome: true });
      const t = issue(conversation.id);
      return { conversationId: conversation.id, token: t.token, expires_in: t.expiresIn };
    });

    app.post(`${PREFIX}/tokens/refresh`, { schema: schemas.refreshTokenSchema }, async (req) => {
      const claims = claimsOf(fromHeader(req));
      if (!(await o.service.get(claims.conv))) throw new LoketError('CONVERSATION_NOT_FOUND', [claims.conv]);
      const t = issue(claims.conv);
      return { conversationId: claims.conv, token: t.token, expires_in: t.expiresIn };
    });

    // The body is optional (directlinejs sends {user, locale}; others send nothing), and Fastify
    // would check an absent body against the schema, so absent becomes {} first.
    const optionalBody = async (req: FastifyRequest) => {
      req.body ??= {};
    };
    app.post<{ Body: StartBody }>(`${PREFIX}/conversations`, { schema: schemas.startConversationSchema, preValidation: optionalBody }, async (req, reply) => {
      // No token (or a Bearer that is not one of ours) starts a new conversation; a token of ours
      // must be valid and opens its own conversation.
      const token = fromHeader(req);
      const id = token !== null && looksLikeToken(token) ? claimsOf(token).conv : randomId();
      const userId = req.body?.user?.id || null;
      await o.service.open({ channel: 'web', id, userId, welcome: true });
      return reply.code(201).send(conversationReply(req, id));
    });

    /** Throws BAD_REQUEST for a watermark past the conversation's last activity (the stream would send nothing, ever). */
    const assertWatermarkKnown = async (conversationId: string, watermark: number) => {
      if (watermark > 0) await o.service.activities(conversationId, watermark, 1);
    };

    app.get<{ Params: Params; Querystring: WatermarkQuery }>(`${PREFIX}/conversations/:conversationId`, { schema: schemas.reconnectSchema }, async (req) => {
      const watermark = parseWatermark(req.query.watermark);
      await authorize(fromHeader(req), req.params.conversationId);
      await assertWatermarkKnown(req.params.conversationId, watermark);
      return conversationReply(req, req.params.conversationId, watermark);
    });

    app.post<{ Params: Params; Body: PostedActivity }>(`${PREFIX}/conversations/:conversationId/activities`, { schema: schemas.postActivitySchema }, async (req) => {
      const { conversationId } = req.params;
      await authorize(fromHeader(req), conversationId);
      if (typeof req.body !== 'object' || req.body === null) throw new LoketError('BAD_REQUEST', ['send one activity as a JSON object']);
      const inbound = toInbound(req.body);
      if (inbound.kind === 'ignored') return { id: unstoredActivityId(conversationId) };
      // Marks the web chat as the channel used last, so replies come back here even after SMS.
      const { id } = await o.service.receive(conversationId, extended(inbound.message, { via: { channel: 'web' as const, address: conversationId } }));
      return { id };
    });

    app.get<{ Params: Params; Querystring: WatermarkQuery }>(`${PREFIX}/conversations/:conversationId/activities`, { schema: schemas.listActivitiesSchema }, async (req) => {
      const watermark = parseWatermark(req.query.watermark);
      await authorize(fromHeader(req), req.params.conversationId);
      const batch = await o.service.activities(req.params.conversationId, watermark);
      return toActivitySet(batch.activities, watermark);
    });

    // The token and watermark are checked before the upgrade, so a refused client gets a plain
    // HTTP 401/403/404 instead of a socket that closes at once. A GET without the upgrade gets a
    // coded 426 (@fastify/websocket alone answers it with an empty 404).
    app.route<{ Params: Params; Querystring: WatermarkQuery & { t?: string } }>({
      method: 'GET',
      url: `${PREFIX}/conversations/:conversationId/stream`,
      schema: schemas.streamSchema,
      preValidation: async (req) => {
        const watermark = parseWatermark(req.query.watermark);
        await authorize(req.query.t || fromHeader(req), req.params.conversationId);
        await assertWatermarkKnown(req.params.conversationId, watermark);
      },
      wsHandler: (socket, req) => {
        serveStream(socket, {
          service: o.service,
          conversationId: req.params.conversationId,
          watermark: parseWatermark(req.query.watermark),
          keepAliveMs: o.keepAliveSeconds * 1000,
          log: req.log,
        });
      },
      handler: async (_req, reply) => {
        void reply.header('upgrade', 'websocket');
        throw new LoketError('STREAM_NEEDS_WEBSOCKET');
      },
    });
  };
}

function checkOptions(opts: WebChannelOptions): Required<Omit<WebChannelOptions, 'publicUrl'>> & { publicUrl?: string } {
  const problems: string[] = [];
  if (typeof opts.tokenSecret !== 'string' || opts.tokenSecret.length < MIN_SECRET_LENGTH) {
    problems.push(`- web channel: tokenSecret must be at least ${MIN_SECRET_LENGTH} characters`);
  }
  const ttl = opts.tokenTtlSeconds ?? 1800;
  if (!Number.isInteger(ttl) || ttl < 60) problems.push('- web channel: tokenTtlSeconds must be a whole number of at least 60');
  const keepAlive = opts.keepAliveSeconds ?? 30;
  if (!(keepAlive > 0)) problems.push('- web channel: keepAliveSeconds must be above 0');
  if (opts.publicUrl !== undefined && !/^https?:\/\//.test(opts.publicUrl)) problems.push('- web channel: publicUrl must start with http:// or https://');
  if (problems.length > 0) throw new LoketError('CONFIG_INVALID', [problems.join('\n')]);
  return { ...opts, tokenTtlSeconds: ttl, keepAliveSeconds: keepAlive };
}

/**
 * JSON only. Some clients post `Content-Type: application/json` with no body to the token and conversation
 * routes. Fastify would refuse that (FST_ERR_CTP_EMPTY_JSON_BODY); here it means "no body". Anything
 * else goes to Fastify's own parser, prototype-poisoning checks included. Scoped to this plugin.
 */
function jsonOnly(app: FastifyInstance): void {
  const parse = app.getDefaultJsonParser('error', 'error');
  // Direct Line speaks JSON only: a text/plain body is a wrong content type (415), not a string.
  app.removeContentTypeParser('text/plain');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (req, body, done) => {
    if (body === '' || (typeof body === 'string' && body.trim() === '')) return done(null, undefined);
    return parse(req, body as string, done);
  });
}
