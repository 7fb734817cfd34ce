/**
 * The composition root: builds every part from the configuration and wires them together.
 * `createLoket(config)` is what `loket serve` and the integration tests both start.
 */
import { randomBytes } from 'node:crypto';
import { resolve } from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { Logger } from 'pino';
import { embeddedCaseSource, seedDemoCases } from '../cases/embedded.ts';
import type { CaseSource } from '../cases/case-source.ts';
import { systemClock, type Clock } from '../clock.ts';
import { EventBus } from '../conversation/events.ts';
import { createConversationService } from '../conversation/pipeline.ts';
import type { ConversationService } from '../conversation/service.ts';
import { loadDialogSet, toTrainingData } from '../dialog/loader.ts';
import type { DialogSet } from '../dialog/types.ts';
import { LoketError } from '../errors.ts';
import { createRecognizer, type Recognizer } from '../nlu/index.ts';
import { inlineNlu, startNluThread } from '../nlu/thread.ts';
import { openSqliteStore } from '../store/sqlite.ts';
import type { Store } from '../store/types.ts';
import { buildApp } from './app.ts';
import { Outbox } from '../conversation/outbox.ts';
import { Delivery } from '../conversation/delivery.ts';
import { createCaseGuard } from '../cases/guard.ts';
import { createCodes } from '../cases/codes.ts';
import { memoryPresence } from '../handoff/presence.ts';
import { sharedPresence } from '../handoff/shared-presence.ts';
import { createHandoffService, type HandoffService } from '../handoff/service.ts';
import { parseOfficeHours } from '../handoff/office-hours.ts';
import { handoffPort } from '../handoff/port.ts';
import { createAuth, type Auth } from '../caseworker/auth.ts';
import { loadConfig, nluCacheDir, sqlitePath, type Config } from './config.ts';
import { createLogger } from './logger.ts';
import { linkBusToCluster, linkPresenceToCluster } from './cluster.ts';
import { teamsOf } from '../dialog/routing.ts';
import { createSlackChannel, slackConfigured, type SlackChannel } from '../../channels/slack/channel.ts';
import { setupTwilio, type TwilioChannel, type TwilioOverrides } from '../../channels/sms/setup.ts';

export interface Loket {
  config: Config;
  app: FastifyInstance;
  service: ConversationService;
  store: Store;
  dialogs: DialogSet;
  bus: EventBus;
  logger: Logger;
  handoffs: HandoffService;
  auth: Auth;
  /** Sends outbound messages to the channel each citizen used last (SMS, WhatsApp, Slack register senders). */
  delivery: Delivery;
  /** Set when this start created the first caseworker account; `password` only when it was generated. */
  firstUser: { username: string; password?: string } | null;
  /** The Slack channel, when SLACK_* settings turn it on (tests wait on `slack.idle()`). */
  slack: SlackChannel | null;
  /** The Twilio SMS/WhatsApp channel, when TWILIO_* settings turn it on (tests wait on `twilio.outbound.idle()`). */
  twilio: TwilioChannel | null;
  close(): Promise<void>;
}

export interface LoketOverrides {
  clock?: Clock;
  logger?: Logger;
  /** Replace the case source (tests of an unavailable case system). */
  cases?: (store: Store, clock: Clock) => CaseSource;
  /** Twilio channel seams: a timer that does not wait, a retry policy (tests, benches). */
  twilio?: TwilioOverrides;
  /**
   * One of several worker processes (`LOKET_WORKERS`, src/server/cluster.ts): its bus is linked to
   * the others', only instance 1 runs the handoff timers, and /health names the instance.
   */
  instance?: { id: number; link: boolean };
  /**
   * false: no worker threads (NLU, SQLite writer, checkpoints). For a Loket that only prepares the
   * store and the NLU cache and closes again (the cluster primary).
   */
  threads?: boolean;
  /**
   * The dialogs and the recognizer, already loaded for this LOKET_DIALOGS, LOKET_OFFICE_HOURS and NLU
   * cache. Loading them takes about two seconds; tests start many Lokets in one process.
   */
  prepared?: Prepared;
}

export interface Prepared {
  dialogs: DialogSet;
  recognizer: Recognizer;
}

/** Builds Loket from settings (the environment's names, CONTRACTS.md §8). Nothing is listening yet. */
export async function createLoket(settings: Record<string, string | undefined> | Config = {}, overrides: LoketOverrides = {}): Promise<Loket> {
  const config = Object.isFrozen(settings) ? (settings as Config) : loadConfig(settings as Record<string, string | undefined>);
  const clock = overrides.clock ?? systemClock;
  const logger = overrides.logger ?? createLogger(config.LOG_LEVEL);

  const dialogs = overrides.prepared?.dialogs ?? loadDialogSet(config.LOKET_DIALOGS, config.LOKET_OFFICE_HOURS);
  const threads = overrides.threads !== false;
  // With several workers on one file, the first runs the checkpoints for all (the others would find it busy).
  const leader = (overrides.instance?.id ?? 1) === 1;
  const store = openStore(config, logger, threads, leader);
  try {
    const seeded = await seedDemoCases(store.cases);
    if (seeded > 0) logger.info({ cases: seeded }, 'seeded the demo cases');
    const trainingData = toTrainingData(dialogs);
    const cacheDir = nluCacheDir(config);
    const recognizer = overrides.prepared?.recognizer ?? await createRecognizer(trainingData, {
      ...(cacheDir ? { cacheDir } : {}),
      onTrain: (e) => {
        if (e.phase === 'start') logger.info({ examples: e.examples, cacheDir }, 'training the NLU model (first start or changed dialogs; about half a minute, cached after this)');
        else logger.info({ ms: e.ms }, 'NLU model trained');
      },
    });
    // The model is in the cache now, so the worker thread loads it instead of training again.
    const nlu = threads && cacheDir && config.LOKET_NLU_THREAD === 'on'
      ? await startNluThread(trainingData, { cacheDir, onError: (err) => logger.error({ err }, 'the NLU worker failed; parsing on the main thread from now on') }, recognizer)
        .catch((err: unknown) => {
          logger.error({ err }, 'the NLU worker did not start; parsing on the main thread');
          return inlineNlu(recognizer);
        })
      : inlineNlu(recognizer);
    const bus = new EventBus((err, name) => logger.error({ err, event: name }, 'event listener failed'));
    const unlink = overrides.instance?.link ? linkBusToCluster(bus, overrides.instance.id) : null;
    const cases = overrides.cases ? overrides.cases(store, clock) : embeddedCaseSource(store.cases, clock);
    const outbox = new Outbox(store, bus, clock);
    const delivery = new Delivery({ bus, store, log: logger });
    const officeHours = parseOfficeHours(config.LOKET_OFFICE_HOURS, config.LOKET_TIMEZONE, dialogs.holidays);
    // The consoles of every worker (LOKET_WORKERS: shared over the cluster link), or of this process. With
    // Slack on they are not every desk: the wait is told without counting people. An instance that is
    // not linked sees only its own consoles: not every desk either.
    const graceMs = config.LOKET_PRESENCE_GRACE_SECONDS * 1000;
    const presence = overrides.instance?.link
      ? sharedPresence({ link: linkPresenceToCluster(), graceMs, heartbeatMs: config.LOKET_PRESENCE_HEARTBEAT_SECONDS * 1000, partial: slackConfigured(config) })
      : memoryPresence({ graceMs, partial: slackConfigured(config) || overrides.instance !== undefined });
    const handoffs = createHandoffService({
      store, outbox, bus, clock, dialogs, officeHours, presence,
      settings: {
        waitSeconds: config.LOKET_HANDOFF_WAIT_SECONDS,
        replyTimeoutSeconds: config.LOKET_REPLY_TIMEOUT_SECONDS,
        minutesPerCitizen: config.LOKET_MINUTES_PER_CITIZEN,
        timeZone: config.LOKET_TIMEZONE,
      },
    });
    presence.onArrive(() => void handoffs.someoneArrived().catch((err) => logger.error({ err }, 'telling the wait after a caseworker arrived failed')));
    const codes = createCodes(store.codes, clock, await store.secret('codes', () => randomBytes(32).toString('base64url')));
    const service = createConversationService({
      store, nlu, dialogs, cases, bus, clock, outbox, codes, guard: createCaseGuard(store.checks), delivery, timeZone: config.LOKET_TIMEZONE, officeHours, log: logger,
      handoffs: handoffPort(handoffs, store, clock),
    });
    const slack = createSlackChannel(config, { store, bus, clock, handoffs, conversations: service, logger, teams: teamsOf(dialogs), dialogVersion: dialogs.version });
    if (slack) delivery.register('slack', slack.sender);
    const twilio = setupTwilio({ config, store, clock, log: logger, overrides: overrides.twilio });
    if (twilio) {
      delivery.register('sms', twilio.senders.sms);
      delivery.register('whatsapp', twilio.senders.whatsapp);
    }
    const auth = createAuth(store, clock);
    const firstUser = await auth.ensureFirstUser({ user: config.LOKET_ADMIN_USER, password: config.LOKET_ADMIN_PASSWORD });
    const tokenSecret = await store.secret('directline', () => randomBytes(32).toString('base64url'));
    const app = await buildApp({
      config, logger, service, dialogs, clock, tokenSecret, ...(overrides.instance ? { instance: overrides.instance.id } : {}), ping: async () => void (await store.getConversation('-')),
      caseworker: {
        auth, handoffs, presence, conversations: service, cases, bus, clock, secureCookies: (config.LOKET_PUBLIC_URL ?? '').startsWith('https:'), feedback: store.feedback,
        corrections: store.corrections,
      },
      slack: slack?.plugin ?? null,
      twilio: twilio?.plugin(service) ?? null,
    });
    // The handoff timers run on one instance (each sweep's writes are versioned, so this only saves work).
    const sweeper = leader && config.LOKET_SWEEP_SECONDS > 0
      ? setInterval(() => {
        // The handoffs' sweep first: it queues a promised person whose handoff never came, which the work left after that turn would also do.
        void handoffs.sweep().catch((err) => logger.error({ err }, 'handoff sweep failed'))
          .then(() => service.finishLeftWork()).catch((err) => logger.error({ err }, 'after-turn sweep failed'));
      }, config.LOKET_SWEEP_SECONDS * 1000).unref()
      : null;
    return {
      config, app, service, store, dialogs, bus, logger, handoffs, auth, firstUser, delivery, slack, twilio,
      async close() {
        if (sweeper) clearInterval(sweeper);
        presence.stop();
        await slack?.stop();
        twilio?.stop();
        delivery.stop();
        await app.close();
        unlink?.();
        await nlu.close();
        await store.close();
      },
    };
  } catch (err) {
    await store.close();
    throw err;
  }
}

function openStore(config: Config, logger: Logger, threads: boolean, checkpoints: boolean): Store {
  const file = sqlitePath(config.DATABASE_URL);
  if (file === null) {
    throw new LoketError('CONFIG_INVALID', ['- DATABASE_URL: the PostgreSQL store is not available in this version yet; use sqlite:./data/loket.db']);
  }
  return openSqliteStore(file === ':memory:' ? file : resolve(file), {
    threads,
    writerThread: config.LOKET_WRITER_THREAD === 'on',
    ...(checkpoints ? {} : { checkpoint: false as const }),
    onCheckpointError: (err) => logger.error({ err }, 'the WAL checkpoint worker failed; checkpointing on the main connection from now on'),
    onWriterError: (err) => logger.error({ err }, 'the SQLite writer thread failed; writing on the main connection from now on'),
  });
}

