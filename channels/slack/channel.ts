/**
 * The Slack channel put together: Bolt in HTTP mode on our own receiver, the listeners that turn
 * clicks and replies into handoff calls, the bus listener that keeps handoff messages current, and the
 * sender for citizens who write by direct message. Built by src/server/loket.ts when configured:
 *
 *     const slack = createSlackChannel(config, { store, bus, clock, handoffs, conversations, logger, teams, dialogVersion });
 *     if (slack) delivery.register('slack', slack.sender);   // and buildApp registers slack.plugin
 *
 * Off (null, one log line) unless SLACK_SIGNING_SECRET, SLACK_BOT_TOKEN and SLACK_CHANNEL are set.
 */
import Database from 'better-sqlite3';
import { App, LogLevel, type Logger as BoltLogger } from '@slack/bolt';
import type { FastifyPluginAsync } from 'fastify';
import type { Logger } from 'pino';
import { correctFalseCrisis } from '../../src/caseworker/corrections.ts';
import type { Clock } from '../../src/clock.ts';
import type { ChannelSender } from '../../src/conversation/delivery.ts';
import type { EventBus } from '../../src/conversation/events.ts';
import type { ConversationService } from '../../src/conversation/service.ts';
import type { HandoffService } from '../../src/handoff/service.ts';
import type { Config } from '../../src/server/config.ts';
import type { Store } from '../../src/store/types.ts';
import { caseworkerDirectory, parseCaseworkerMap } from './caseworkers.ts';
import { registerInbound } from './inbound.ts';
import { memoryHandoffMessages, sqliteHandoffMessages, type HandoffMessageTable } from './messages.ts';
import { SlackOrigin, slackOutbound, slackSender } from './outbound.ts';
import { SlackReceiver } from './plugin.ts';

export interface SlackChannelDeps {
  store: Store;
  bus: EventBus;
  clock: Clock;
  handoffs: HandoffService;
  conversations: ConversationService;
  logger: Logger;
  /** The teams a handoff can be transferred to (dialogs/routing.yaml); none: no transfer menu. */
  teams?: readonly string[];
  /** The loaded dialog set's version, on the corrections made in Slack ("Geen crisis?"). */
  dialogVersion: string;
}

export interface SlackChannel {
  /** The Fastify plugin with `POST /channels/slack/events`. */
  plugin: FastifyPluginAsync;
  /** Direct messages to citizens on Slack; register with `delivery.register('slack', …)`. */
  sender: ChannelSender;
  /** Resolves when received events and Slack calls handed over so far are done (tests, shutdown). */
  idle(): Promise<void>;
  stop(): Promise<void>;
}

const REQUIRED = ['SLACK_SIGNING_SECRET', 'SLACK_BOT_TOKEN', 'SLACK_CHANNEL'] as const;
/** Whether these settings turn the Slack channel on (createSlackChannel says which are missing). */
export const slackConfigured = (config: Config): boolean => REQUIRED.every((k) => Boolean(config[k]));

/** Builds the channel from the configuration, or returns null (and logs one line) when it is off. */
export function createSlackChannel(config: Config, deps: SlackChannelDeps): SlackChannel | null {
  const log = deps.logger.child({ channel: 'slack' });
  const missing = REQUIRED.filter((k) => !config[k]);
  if (missing.length > 0) {
    log.info({ missing }, `Slack channel off: set ${missing.join(', ')} to turn it on`);
    return null;
  }
  const caseworkerMap = parseCaseworkerMap(config.SLACK_CASEWORKERS);
  const caseworkers = caseworkerDirectory(caseworkerMap, deps.store.users);
  const messages: HandoffMessageTable = deps.store.raw instanceof Database ? sqliteHandoffMessages(deps.store.raw) : memoryHandoffMessages();
  const receiver = new SlackReceiver({
    signingSecret: config.SLACK_SIGNING_SECRET!,
    clock: deps.clock,
    isFirstDelivery: (key) => deps.store.markProcessed(key, deps.clock.now().toISOString()),
    log,
  });
  const bolt = new App({
    receiver,
    token: config.SLACK_BOT_TOKEN!,
    // Tests point this at a fake Slack Web API; retries stay few so one failing call cannot hold a lane for long.
    clientOptions: { ...(config.SLACK_API_URL ? { slackApiUrl: config.SLACK_API_URL } : {}), retryConfig: { retries: 2, factor: 2 } },
    logger: boltLogger(log),
    convoStore: false,
    // With verification on, Bolt calls auth.test once in the constructor and keeps the promise: a
    // Slack hiccup at boot would reject unhandled and fail every later event. Off, it asks per event.
    tokenVerificationEnabled: false,
  });
  bolt.error(async (err) => log.error({ err }, 'slack: listener failed'));

  const origin = new SlackOrigin();
  const dmChannels = new Map<string, string>();
  const learning = { handoffs: deps.handoffs, conversations: deps.conversations, corrections: deps.store.corrections, clock: deps.clock, dialogVersion: deps.dialogVersion };
  registerInbound(bolt, {
    handoffs: deps.handoffs, conversations: deps.conversations, caseworkers, messages, origin, dmChannels, clock: deps.clock, log,
    correctCrisis: (id, user, input) => correctFalseCrisis(learning, id, user, input, log),
  });
  const outbound = slackOutbound({
    client: bolt.client, bus: deps.bus, store: deps.store, messages, caseworkers, channel: config.SLACK_CHANNEL!, clock: deps.clock, origin, log, teams: deps.teams ?? [],
  });
  log.info({ caseworkers: caseworkerMap.size, channel: config.SLACK_CHANNEL }, 'Slack channel on');

  return {
    plugin: receiver.plugin(),
    sender: slackSender(bolt.client, dmChannels),
    async idle() {
      await receiver.idle();
      await outbound.idle();
    },
    async stop() {
      await receiver.stop();
      outbound.stop();
      await outbound.idle();
    },
  };
}

/** Bolt's logger interface on top of ours, so Slack's lines carry the same fields and redaction. */
function boltLogger(log: Logger): BoltLogger {
  const text = (msg: unknown[]) => msg.map((m) => (typeof m === 'string' ? m : m instanceof Error ? m.message : JSON.stringify(m))).join(' ');
  let level = LogLevel.INFO;
  return {
    debug: (...msg) => log.debug(text(msg)),
    info: (...msg) => log.info(text(msg)),
    warn: (...msg) => log.warn(text(msg)),
    error: (...msg) => log.error(text(msg)),
    setLevel: (l) => void (level = l),
    getLevel: () => level,
    setName: () => undefined,
  };
}
