/**
 * JSON logs (pino) with personal numbers taken out: BSN, IBAN and phone numbers never reach a log
 * line, wherever they appear (message, object field, error text).
 */
import { pino, type Logger } from 'pino';

const IBAN = /\b[A-Z]{2}\d{2}(?:\s?[A-Z0-9]{4}){2,7}(?:\s?[A-Z0-9]{1,3})?\b/gi;
const PHONE = /(?:\+|00)\d[\d\s-]{7,14}\d|\b0\d(?:[\s-]?\d){8}\b/g;
const BSN = /\b\d{9}\b|\b\d{4}\.\d{2}\.\d{3}\b/g;

/** Replaces BSN, IBAN and phone numbers in a string. */
export function scrub(text: string): string {
  return text.replace(IBAN, '[IBAN]').replace(PHONE, '[PHONE]').replace(BSN, '[BSN]');
}

function scrubDeep(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return scrub(value);
  if (depth > 6 || value === null || typeof value !== 'object') return value;
  if (value instanceof Error) return { type: value.name, message: scrub(value.message), stack: value.stack && scrub(value.stack) };
  if (Array.isArray(value)) return value.map((v) => scrubDeep(v, depth + 1));
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, scrubDeep(v, depth + 1)]));
}

export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  return pino(
    {
      level,
      base: { service: 'loket' },
      formatters: { log: (obj) => scrubDeep(obj) as Record<string, unknown> },
      hooks: {
        logMethod(args, method) {
          method.apply(this, args.map((a) => (typeof a === 'string' ? scrub(a) : a)) as Parameters<typeof method>);
        },
      },
    },
    destination,
  );
}
