/**
 * The Twilio channel (SMS and WhatsApp) as one Fastify plugin with its own form parser (CONTRACTS §7):
 *
 *     POST /channels/twilio/sms      incoming SMS and WhatsApp messages
 *     POST /channels/twilio/status   delivery status callbacks
 *
 * Each request is a short row of steps: check the signature (403, nothing stored), read the form
 * (400), drop a MessageSid seen before (Twilio retries), hand over, answer with an empty TwiML
 * <Response/>. Replies never go in the TwiML: they leave through the REST client (outbound.ts), so
 * bot, caseworker and retry all take one road.
 */
import formbody from '@fastify/formbody';
import type { FastifyInstance, FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type { Clock } from '../../src/clock.ts';
import type { ConversationService } from '../../src/conversation/service.ts';
import { LoketError, isLoketError } from '../../src/errors.ts';
import type { Store } from '../../src/store/types.ts';
import { toInboundSms, toStatusUpdate, type InboundSms, type Keyword } from './inbound.ts';
import { handleKeyword } from './keywords.ts';
import type { TwilioOutbound } from './outbound.ts';
import type { SmsTables } from './sqlite.ts';
import { MEDIA_REPLY, REFUSED_REPLIES } from './texts.ts';
import { verifyTwilioRequest, webhookUrl } from './verify.ts';

export const SMS_PATH = '/channels/twilio/sms';
export const STATUS_PATH = '/channels/twilio/status';
const EMPTY_TWIML = '<?xml version="1.0" encoding="UTF-8"?><Response/>';

export interface TwilioPluginOptions {
  service: ConversationService;
  store: Pick<Store, 'markProcessed'>;
  tables: SmsTables;
  outbound: TwilioOutbound;
  clock: Clock;
  authToken: string;
  /** LOKET_PUBLIC_URL: the address Twilio calls, which signatures are computed over. */
  publicUrl?: string | undefined;
}

export function twilioChannel(o: TwilioPluginOptions): FastifyPluginAsync {
  return async function twilioChannelPlugin(app: FastifyInstance): Promise<void> {
    await formOnly(app);

    const verifiedForm = (req: FastifyRequest, routePath: string): Record<string, unknown> => {
      const params = typeof req.body === 'object' && req.body !== null ? (req.body as Record<string, unknown>) : {};
      verifyTwilioRequest({
        authToken: o.authToken,
        signature: req.headers['x-twilio-signature'],
        signatureSettings: req.headers['x-twilio-webhooks-signature-settings'],
        url: webhookUrl({ publicUrl: o.publicUrl, routePath, request: req }),
        params,
      });
      return params;
    };

    app.post(SMS_PATH, { schema: { tags: ['channels'], summary: 'Incoming SMS and WhatsApp messages (Twilio webhook, signed)' } }, async (req, reply) => {
      const msg = toInboundSms(verifiedForm(req, SMS_PATH));
      if (!(await o.store.markProcessed(`twilio:${msg.sid}`, o.clock.now().toISOString()))) {
        req.log.info({ sid: msg.sid }, 'twilio retry of a message already handled');
        return twiml(reply);
      }
      await receive(msg);
      return twiml(reply);
    });

    app.post(STATUS_PATH, { schema: { tags: ['channels'], summary: 'Twilio delivery status callbacks (signed)' } }, async (req, reply) => {
      const update = toStatusUpdate(verifiedForm(req, STATUS_PATH));
      const outcome = await o.outbound.onStatus(update);
      req.log.debug({ sid: update.sid, status: update.status, outcome }, 'twilio status');
      return reply.code(204).send();
    });
  };

  /** Hands one verified, new message over: a keyword, a file notice, and/or a turn. */
  async function receive(msg: InboundSms): Promise<void> {
    if (msg.keyword) return handleKeyword(msg as InboundSms & { keyword: Keyword }, o);
    if (msg.numMedia > 0) o.outbound.queueText(msg.channel, msg.address, MEDIA_REPLY);
    if (msg.numMedia > 0 && msg.text.trim() === '') return;
    const conversation = await o.service.openFor(msg.channel, msg.address);
    try {
      await o.service.receive(conversation.id, {
        type: 'message',
        text: msg.text,
        from: { id: msg.address },
        via: { channel: msg.channel, address: msg.address },
        channelData: { MessageSid: msg.sid, ...(msg.numMedia > 0 ? { NumMedia: msg.numMedia } : {}) },
      });
    } catch (err) {
      // A message the conversation refuses gets a polite SMS; Twilio gets its 200 all the same.
      const polite = isLoketError(err) ? REFUSED_REPLIES[err.code] : undefined;
      if (!polite) throw err;
      o.outbound.queueText(msg.channel, msg.address, polite, { conversationId: conversation.id });
    }
  }
}

function twiml(reply: FastifyReply): FastifyReply {
  return reply.code(200).type('text/xml; charset=utf-8').send(EMPTY_TWIML);
}

/**
 * Twilio posts application/x-www-form-urlencoded and nothing else; in this scope any other body is a
 * 400 in our error shape (not Fastify's 415 that asks for JSON).
 */
async function formOnly(app: FastifyInstance): Promise<void> {
  app.removeAllContentTypeParsers();
  await app.register(formbody);
  app.addContentTypeParser('*', (_req, _payload, done) => {
    done(new LoketError('TWILIO_FORM_INVALID', ['send the fields form-encoded (application/x-www-form-urlencoded)']), undefined);
  });
}
