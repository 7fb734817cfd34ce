/**
 * Builds the Twilio channel from the settings, or nothing: without TWILIO_ACCOUNT_SID,
 * TWILIO_AUTH_TOKEN and TWILIO_FROM the channel is off and the start-up log says so in one line.
 * Called by src/server/loket.ts:
 *
 *     const twilio = setupTwilio({ config, store, clock, log: logger });
 *     if (twilio) { delivery.register('sms', twilio.senders.sms); delivery.register('whatsapp', twilio.senders.whatsapp); }
 */
import type { FastifyPluginAsync } from 'fastify';
import type { Clock } from '../../src/clock.ts';
import type { ChannelSender } from '../../src/conversation/delivery.ts';
import type { ConversationService } from '../../src/conversation/service.ts';
import type { Config } from '../../src/server/config.ts';
import type { Store } from '../../src/store/types.ts';
import { twilioMessages, type MessageApi } from './api.ts';
import { TwilioOutbound, type Log, type RetryPolicy, type Sleep } from './outbound.ts';
import { STATUS_PATH, twilioChannel } from './plugin.ts';
import { smsTablesFor, type SmsTables } from './sqlite.ts';

export interface TwilioChannel {
  outbound: TwilioOutbound;
  tables: SmsTables;
  senders: { sms: ChannelSender; whatsapp: ChannelSender };
  /** The Fastify plugin (routes of CONTRACTS §7), once the conversation service exists. */
  plugin(service: ConversationService): FastifyPluginAsync;
  stop(): void;
}

/** Test and bench seams: a timer that does not wait, a shorter retry policy, another API. */
export interface TwilioOverrides {
  sleep?: Sleep;
  retry?: Partial<RetryPolicy>;
  api?: MessageApi;
}

const REQUIRED = ['TWILIO_ACCOUNT_SID', 'TWILIO_AUTH_TOKEN', 'TWILIO_FROM'] as const;

export function setupTwilio(input: { config: Config; store: Store; clock: Clock; log: Log; overrides?: TwilioOverrides | undefined }): TwilioChannel | null {
  const { config, store, clock, log } = input;
  const missing = REQUIRED.filter((k) => !config[k]);
  if (missing.length > 0) {
    log.info(`twilio channel off: set ${REQUIRED.join(', ')} (missing: ${missing.join(', ')})`);
    return null;
  }
  const accountSid = config.TWILIO_ACCOUNT_SID!;
  const authToken = config.TWILIO_AUTH_TOKEN!;
  const publicUrl = config.LOKET_PUBLIC_URL?.replace(/\/+$/, '');
  if (!publicUrl) log.warn('twilio channel: LOKET_PUBLIC_URL is not set, so signatures are checked against the Host header and no delivery status is asked for');
  if (!config.TWILIO_WHATSAPP_FROM) log.info('twilio channel: WhatsApp replies off (set TWILIO_WHATSAPP_FROM to send them)');

  const tables = smsTablesFor(store.raw);
  const outbound = new TwilioOutbound({
    api: input.overrides?.api ?? twilioMessages({ accountSid, authToken, apiBase: config.TWILIO_API_BASE }),
    tables,
    clock,
    from: { sms: config.TWILIO_FROM!, whatsapp: config.TWILIO_WHATSAPP_FROM },
    statusCallback: publicUrl ? `${publicUrl}${STATUS_PATH}` : undefined,
    ...(input.overrides?.retry ? { retry: input.overrides.retry } : {}),
    ...(input.overrides?.sleep ? { sleep: input.overrides.sleep } : {}),
    log,
  });
  log.info({ from: config.TWILIO_FROM, whatsapp: config.TWILIO_WHATSAPP_FROM ?? null, apiBase: config.TWILIO_API_BASE ?? null }, 'twilio channel on');
  return {
    outbound,
    tables,
    senders: { sms: outbound.sender('sms'), whatsapp: outbound.sender('whatsapp') },
    plugin: (service) => twilioChannel({ service, store, tables, outbound, clock, authToken, publicUrl }),
    stop: () => outbound.stop(),
  };
}
