/**
 * The one provider call of this channel: create a Message through the official `twilio` REST client.
 * With `apiBase` (TWILIO_API_BASE) every request the client makes to *.twilio.com goes to that base
 * instead, so tests and benches run the real client against a local fake.
 *
 *     const api = twilioMessages({ accountSid, authToken, apiBase: 'http://127.0.0.1:4010' });
 *     await api.create({ to: '+316…', from: '+3197…', body: 'Hallo' });
 */
import twilio from 'twilio';
import type RequestClient from 'twilio/lib/base/RequestClient.js';

export interface MessageParams {
  to: string;
  from: string;
  body: string;
  statusCallback?: string;
}

export interface CreatedMessage {
  sid: string;
  status: string;
}

export interface MessageApi {
  /** Throws the client's error as is; `classifyFailure` reads it. */
  create(params: MessageParams): Promise<CreatedMessage>;
}

/** A RequestClient that sends Twilio API calls to `base` (scheme, host, port and path prefix). */
export class RedirectingRequestClient extends twilio.RequestClient {
  private readonly base: URL;

  constructor(base: string, opts?: ConstructorParameters<typeof twilio.RequestClient>[0]) {
    super(opts);
    this.base = new URL(base);
  }

  override request<TData>(opts: RequestClient.RequestOptions<TData>) {
    return super.request<TData>({ ...opts, uri: this.rewrite(opts.uri) });
  }

  rewrite(uri: string): string {
    const u = new URL(uri);
    if (u.hostname !== 'twilio.com' && !u.hostname.endsWith('.twilio.com')) return uri;
    const prefix = this.base.pathname.replace(/\/+$/, '');
    return `${this.base.origin}${prefix}${u.pathname}${u.search}`;
  }
}

export function twilioMessages(opts: { accountSid: string; authToken: string; apiBase?: string | undefined; timeoutMs?: number }): MessageApi {
  // autoRetry stays off: retrying (with backoff and a record of every attempt) is outbound.ts's job.
  const clientOpts = { timeout: opts.timeoutMs ?? 15_000, autoRetry: false };
  const httpClient = opts.apiBase ? new RedirectingRequestClient(opts.apiBase, clientOpts) : new twilio.RequestClient(clientOpts);
  const client = twilio(opts.accountSid, opts.authToken, { httpClient });
  return {
    async create(p) {
      const m = await client.messages.create({ to: p.to, from: p.from, body: p.body, ...(p.statusCallback ? { statusCallback: p.statusCallback } : {}) });
      return { sid: m.sid, status: String(m.status) };
    },
  };
}

export type FailureKind = 'transient' | 'permanent' | 'opted_out';

export interface Failure {
  kind: FailureKind;
  /** Twilio's error code, the HTTP status, or the network error code. */
  code: string;
  message: string;
}

/**
 * Error codes that sending again will not fix: invalid or unreachable-by-design numbers, landlines,
 * blocked or filtered messages, WhatsApp outside the 24-hour window.
 * https://www.twilio.com/docs/api/errors
 */
const PERMANENT_CODES = new Set([
  21211, 21212, 21214, 21217, 21401, 21407, 21408, 21421, 21604, 21612, 21614, 21617,
  30002, 30004, 30005, 30006, 30007, 30032, 63003, 63016, 63024,
]);
/** "The recipient has replied STOP" (Twilio's own opt-out list). */
const OPTED_OUT_CODES = new Set([21610]);

/** What an error of the REST client means for retrying. */
export function classifyFailure(err: unknown): Failure {
  const e = (typeof err === 'object' && err !== null ? err : {}) as { status?: unknown; code?: unknown; message?: unknown };
  const message = typeof e.message === 'string' ? e.message.slice(0, 300) : String(err).slice(0, 300);
  const status = typeof e.status === 'number' ? e.status : undefined;
  if (status === undefined) {
    // No HTTP answer: a network error (ECONNREFUSED, ETIMEDOUT …), always worth another try.
    return { kind: 'transient', code: typeof e.code === 'string' ? e.code : 'NETWORK', message };
  }
  const code = typeof e.code === 'number' ? e.code : undefined;
  const label = code !== undefined ? String(code) : `HTTP ${status}`;
  if (code !== undefined && OPTED_OUT_CODES.has(code)) return { kind: 'opted_out', code: label, message };
  if (status === 429 || status >= 500) return { kind: 'transient', code: label, message };
  return { kind: 'permanent', code: label, message };
}

/** What a failed/undelivered status callback's ErrorCode means for retrying. */
export function classifyStatusError(errorCode: string | undefined): FailureKind {
  const code = Number(errorCode);
  if (OPTED_OUT_CODES.has(code)) return 'opted_out';
  return PERMANENT_CODES.has(code) ? 'permanent' : 'transient';
}
