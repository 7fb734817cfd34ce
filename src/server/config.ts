/**
 * The one configuration schema (CONTRACTS.md §8). Read from the environment once, checked, frozen,
 * and passed down. Nothing below src/server reads process.env.
 */
import { dirname, join, resolve } from 'node:path';
import { z } from 'zod';
import { LoketError } from '../errors.ts';
import { DEFAULT_OFFICE_HOURS } from '../handoff/office-hours.ts';

const optionalString = z.string().trim().min(1).optional();
const url = (what: string) => z.string().trim().url({ message: `${what} must be a full URL, like https://example.nl` }).optional();

const OFFICE_HOURS = /^(always|(mon|tue|wed|thu|fri|sat|sun)(-(mon|tue|wed|thu|fri|sat|sun))? \d{2}:\d{2}-\d{2}:\d{2}(, ?(mon|tue|wed|thu|fri|sat|sun)(-(mon|tue|wed|thu|fri|sat|sun))? \d{2}:\d{2}-\d{2}:\d{2})*)$/;

export const ConfigSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3978),
  HOST: z.string().trim().min(1).default('127.0.0.1'),
  DATABASE_URL: z.string().trim().regex(/^(sqlite:.+|postgres(ql)?:\/\/.+)$/, 'DATABASE_URL must start with sqlite: (a file path or :memory:) or postgres://').default('sqlite:./data/loket.db'),
  LOKET_ADMIN_USER: optionalString,
  LOKET_ADMIN_PASSWORD: optionalString,
  LOKET_DIALOGS: z.string().trim().min(1).default('dialogs'),
  LOKET_OFFICE_HOURS: z.string().trim().regex(OFFICE_HOURS, 'LOKET_OFFICE_HOURS must look like "mon-fri 08:30-17:00" or be "always"').default(DEFAULT_OFFICE_HOURS),
  LOKET_TIMEZONE: z.string().trim().refine(isTimeZone, 'LOKET_TIMEZONE must be an IANA time zone, like Europe/Amsterdam').default('Europe/Amsterdam'),
  LOKET_PUBLIC_URL: url('LOKET_PUBLIC_URL'),
  LOKET_NLU_CACHE: optionalString,
  LOKET_HANDOFF_WAIT_SECONDS: z.coerce.number().int().min(10).max(86_400).default(300),
  LOKET_REPLY_TIMEOUT_SECONDS: z.coerce.number().int().min(10).max(86_400).default(300),
  LOKET_MINUTES_PER_CITIZEN: z.coerce.number().min(0.5).max(120).default(4),
  LOKET_SWEEP_SECONDS: z.coerce.number().int().min(0).max(3600).default(5),
  /** Processes serving one port on one SQLite file (src/server/cluster.ts); 1 = this process alone. */
  LOKET_WORKERS: z.coerce.number().int().min(1).max(64).default(1),
  /** A caseworker whose last console socket closed still counts as at work this long (a reload, a worker that died). */
  LOKET_PRESENCE_GRACE_SECONDS: z.coerce.number().min(0.1).max(3600).default(60),
  /** With LOKET_WORKERS: each worker tells the others who is at work at least this often; 3 missed and its desks count as closed. */
  LOKET_PRESENCE_HEARTBEAT_SECONDS: z.coerce.number().min(0.05).max(60).default(5),
  /** Which worker this process is (1…LOKET_WORKERS). Set by the primary for each worker it forks, not by hand. */
  LOKET_INSTANCE: z.coerce.number().int().min(1).max(64).optional(),
  /** `on`: the NLU parses in a worker thread beside the event loop (needs the NLU cache); `off`: in it. */
  LOKET_NLU_THREAD: z.enum(['on', 'off']).default('on'),
  /** The group commit of turns in a writer thread (on) or on the main connection (off: cheaper, see README). */
  LOKET_WRITER_THREAD: z.enum(['on', 'off']).default('off'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Node's own; read so that the cluster primary keeps a V8 flag chosen there (src/server/node-flags.ts). */
  NODE_OPTIONS: optionalString,
  TWILIO_ACCOUNT_SID: optionalString,
  TWILIO_AUTH_TOKEN: optionalString,
  TWILIO_FROM: optionalString,
  TWILIO_WHATSAPP_FROM: optionalString,
  TWILIO_API_BASE: url('TWILIO_API_BASE'),
  SLACK_SIGNING_SECRET: optionalString,
  SLACK_BOT_TOKEN: optionalString,
  SLACK_CHANNEL: optionalString,
  SLACK_API_URL: url('SLACK_API_URL'),
  SLACK_CASEWORKERS: optionalString,
  ZGW_ZAKEN_URL: url('ZGW_ZAKEN_URL'),
  ZGW_CATALOGI_URL: url('ZGW_CATALOGI_URL'),
  ZGW_CLIENT_ID: optionalString,
  ZGW_SECRET: optionalString,
  KLANTINTERACTIES_URL: url('KLANTINTERACTIES_URL'),
  KLANTINTERACTIES_TOKEN: optionalString,
});

export type Config = Readonly<z.infer<typeof ConfigSchema>>;

function isTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

/** Reads the configuration from `env` (process.env by default). Throws CONFIG_INVALID listing every problem. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const picked = Object.fromEntries(
    Object.keys(ConfigSchema.shape).map((k) => [k, env[k] === '' ? undefined : env[k]]),
  );
  const parsed = ConfigSchema.safeParse(picked);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `- ${i.path.join('.')}: ${i.message}`);
    throw new LoketError('CONFIG_INVALID', [lines.join('\n')]);
  }
  if (parsed.data.LOKET_WORKERS > 1 && sqlitePath(parsed.data.DATABASE_URL) === ':memory:') {
    throw new LoketError('CONFIG_INVALID', ['- LOKET_WORKERS: several workers share one database file; set DATABASE_URL=sqlite:./data/loket.db (not :memory:)']);
  }
  return Object.freeze(parsed.data);
}

/**
 * Where the trained NLU model is cached: LOKET_NLU_CACHE, else `nlu-cache` beside the SQLite file
 * (./data/nlu-cache); none for an in-memory database. The server and `loket parse` share it.
 */
export function nluCacheDir(config: Config): string | undefined {
  if (config.LOKET_NLU_CACHE) return resolve(config.LOKET_NLU_CACHE);
  const file = sqlitePath(config.DATABASE_URL);
  if (file === ':memory:') return undefined;
  return join(dirname(resolve(file ?? './data/loket.db')), 'nlu-cache');
}

/** The SQLite file (or `:memory:`) of a `sqlite:` DATABASE_URL; null for PostgreSQL. */
export function sqlitePath(databaseUrl: string): string | null {
  return databaseUrl.startsWith('sqlite:') ? databaseUrl.slice('sqlite:'.length) : null;
}
