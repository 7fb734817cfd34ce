/**
 * Sending by SMS and WhatsApp through the Twilio REST client, with a record of every message.
 *
 * One template for every outbound message (after Chatwoot's send_on_channel_service): bot replies and
 * caseworker messages come from Delivery through `sender(channel)`; the channel's own answers
 * (keywords, files) through `queueText`. Each goes through the same steps: honour STOP, shape and
 * split the text, record a row, call Twilio, record the outcome.
 *
 * Messages to one number leave one at a time and in order. A 429, a 5xx or a network error is tried
 * again after 2 s, 4 s, 8 s … (bounded by `maxAttempts`); so is a message whose status callback says
 * failed/undelivered with a code that may pass next time. Permanent errors (invalid number 21211,
 * landline 21614 …) are recorded and not retried. Nothing here touches the transcript: the citizen's
 * inbound message is stored before any of this runs, whatever happens to the replies.
 */
import { createHash } from 'node:crypto';
import type { Clock, IdGenerator } from '../../src/clock.ts';
import { randomId } from '../../src/clock.ts';
import type { ChannelSender } from '../../src/conversation/delivery.ts';
import type { ActivityJson } from '../../src/conversation/types.ts';
import { classifyFailure, classifyStatusError, type MessageApi } from './api.ts';
import { countSegments, splitForChannel } from './format.ts';
import { twilioAddress, type StatusUpdate, type TwilioChannelId } from './inbound.ts';
import type { OutboundRow, OutboundStatus, SmsTables } from './sqlite.ts';
import { caseworkerPrefix } from './texts.ts';

export interface RetryPolicy {
  /** Tries in all, the first one included. */
  maxAttempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = { maxAttempts: 5, baseDelayMs: 2_000, maxDelayMs: 60_000 };

/** The wait before try `attempt + 1`: base, 2 × base, 4 × base … capped. */
export const backoffMs = (attempt: number, p: RetryPolicy) => Math.min(p.maxDelayMs, p.baseDelayMs * 2 ** Math.max(0, attempt - 1));

export type Sleep = (ms: number) => Promise<void>;
/** A timer that does not keep the process alive. */
export const realSleep: Sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms).unref());

export interface Log {
  info(obj: unknown, msg?: string): void;
  warn(obj: unknown, msg?: string): void;
  error(obj: unknown, msg?: string): void;
}

export interface TwilioOutboundDeps {
  api: MessageApi;
  tables: SmsTables;
  clock: Clock;
  /** TWILIO_FROM, and TWILIO_WHATSAPP_FROM when WhatsApp is on. */
  from: { sms: string; whatsapp?: string | undefined };
  /** LOKET_PUBLIC_URL + /channels/twilio/status; without it Twilio reports no delivery status. */
  statusCallback?: string | undefined;
  retry?: Partial<RetryPolicy>;
  sleep?: Sleep;
  ids?: IdGenerator;
  log?: Log;
}

interface Meta {
  conversationId: string | null;
  activityId: string | null;
  /** The STOP confirmation itself goes out after the number is marked. */
  evenIfOptedOut: boolean;
}

// Twilio's statuses in the order they happen; a late callback never moves a message back.
const RANK: Partial<Record<OutboundStatus, number>> = { pending: 0, retrying: 0, accepted: 1, queued: 1, sending: 2, sent: 3, delivered: 4, read: 5 };
const FINAL = new Set<OutboundStatus>(['delivered', 'read', 'failed', 'undelivered', 'suppressed']);

export class TwilioOutbound {
  private readonly chains = new Map<string, Promise<void>>();
  private readonly background = new Set<Promise<unknown>>();
  private readonly retry: RetryPolicy;
  private readonly sleep: Sleep;
  private readonly ids: IdGenerator;
  private stopped = false;

  constructor(private readonly deps: TwilioOutboundDeps) {
    this.retry = { ...DEFAULT_RETRY, ...deps.retry };
    this.sleep = deps.sleep ?? realSleep;
    this.ids = deps.ids ?? randomId;
  }

  /** What Delivery calls for bot and caseworker messages on this channel. */
  sender(channel: TwilioChannelId): ChannelSender {
    return {
      send: (address, activity, conversationId) => {
        const text = textFor(activity);
        if (text === null) return Promise.resolve();
        return this.enqueue(channel, address, text, { conversationId, activityId: activity.id, evenIfOptedOut: false });
      },
    };
  }

  /** The channel's own answers; the webhook does not wait for Twilio. */
  queueText(channel: TwilioChannelId, address: string, text: string, opts: { conversationId?: string | null; evenIfOptedOut?: boolean } = {}): void {
    this.track(this.enqueue(channel, address, text, { conversationId: opts.conversationId ?? null, activityId: null, evenIfOptedOut: opts.evenIfOptedOut ?? false }));
  }

  /** A status callback. Returns what was done with it (for the log and tests). */
  async onStatus(update: StatusUpdate): Promise<'unknown' | 'recorded' | 'retrying' | 'ignored'> {
    const row = await this.deps.tables.bySid(update.sid);
    if (!row) return 'unknown';
    if (update.status === 'failed' || update.status === 'undelivered') return this.onFailed(row, update.status, update.errorCode);
    const status = update.status as OutboundStatus;
    const rank = RANK[status];
    if (rank === undefined || rank <= (RANK[row.status] ?? 99)) return 'ignored';
    await this.update(row.id, { status, ...(FINAL.has(status) ? { body: null } : {}) });
    return 'recorded';
  }

  /** Resolves when every queued send and scheduled retry has finished (tests, shutdown). */
  async idle(): Promise<void> {
    while (this.chains.size > 0 || this.background.size > 0) await Promise.all([...this.chains.values(), ...this.background]);
  }

  /** No more calls to Twilio (the store is about to close); pending retries give up quietly. */
  stop(): void {
    this.stopped = true;
  }

  private async onFailed(row: OutboundRow, status: 'failed' | 'undelivered', errorCode: string | undefined) {
    const kind = classifyStatusError(errorCode);
    const lastError = `${errorCode ?? 'no code'}: ${status}`;
    if (kind === 'transient' && row.attempts < this.retry.maxAttempts && row.body !== null) {
      if (!(await this.deps.tables.claimRetry(row.id, row.sid!, lastError, this.now()))) return 'ignored';
      const body = row.body;
      this.track(this.sleep(backoffMs(row.attempts, this.retry)).then(() =>
        this.chain(row.channel, row.to, () => this.attempt({ ...row, status: 'retrying' }, body, false))));
      return 'retrying';
    }
    if (FINAL.has(row.status) || row.status === 'retrying') return 'ignored';
    if (kind === 'opted_out') await this.deps.tables.setOptOut(row.channel, row.to, true, `twilio:${errorCode}`, this.now());
    await this.update(row.id, { status, lastError, body: null });
    this.deps.log?.warn({ sid: row.sid, errorCode, kind }, 'twilio message not delivered');
    return 'recorded';
  }

  private enqueue(channel: TwilioChannelId, address: string, text: string, meta: Meta): Promise<void> {
    return this.chain(channel, address, () => this.sendNow(channel, address, text, meta));
  }

  /** Runs `task` after everything queued for this number; never rejects. */
  private chain(channel: TwilioChannelId, address: string, task: () => Promise<void>): Promise<void> {
    const key = `${channel}:${address}`;
    const next = (this.chains.get(key) ?? Promise.resolve())
      .then(task)
      .catch((err) => this.deps.log?.error({ err, channel }, 'twilio send failed'));
    this.chains.set(key, next);
    void next.then(() => {
      if (this.chains.get(key) === next) this.chains.delete(key);
    });
    return next;
  }

  private async sendNow(channel: TwilioChannelId, address: string, text: string, meta: Meta): Promise<void> {
    const parts = splitForChannel(text, channel);
    for (const [part, body] of parts.entries()) {
      const { segments, encoding } = countSegments(body);
      const now = this.now();
      const row: OutboundRow = {
        id: this.ids(), sid: null, conversationId: meta.conversationId, activityId: meta.activityId, part, channel, to: address,
        body, bodySha256: createHash('sha256').update(body).digest('hex'), segments, encoding,
        status: 'pending', attempts: 0, lastError: null, createdAt: now, updatedAt: now,
      };
      await this.deps.tables.insertOutbound(row);
      await this.attempt(row, body, meta.evenIfOptedOut);
    }
  }

  /** Tries to hand one message to Twilio until it is taken, refused for good, or out of tries. */
  private async attempt(row: OutboundRow, body: string, evenIfOptedOut: boolean): Promise<void> {
    let attempts = row.attempts;
    for (;;) {
      if (this.stopped) return;
      if (!evenIfOptedOut && (await this.deps.tables.isOptedOut(row.channel, row.to))) {
        await this.update(row.id, { status: 'suppressed', body: null });
        return;
      }
      const from = row.channel === 'whatsapp' ? this.deps.from.whatsapp : this.deps.from.sms;
      if (!from) {
        await this.update(row.id, { status: 'failed', lastError: 'config: TWILIO_WHATSAPP_FROM is not set', body: null });
        return;
      }
      attempts += 1;
      try {
        const m = await this.deps.api.create({
          to: twilioAddress(row.channel, row.to), from: twilioAddress(row.channel, from), body,
          ...(this.deps.statusCallback ? { statusCallback: this.deps.statusCallback } : {}),
        });
        // The body is kept only while a failure callback may still ask for it again.
        const keep = this.deps.statusCallback !== undefined && attempts < this.retry.maxAttempts;
        await this.update(row.id, { sid: m.sid, status: (m.status as OutboundStatus) in RANK ? (m.status as OutboundStatus) : 'queued', attempts, lastError: null, body: keep ? body : null });
        return;
      } catch (err) {
        const f = classifyFailure(err);
        const lastError = `${f.code}: ${f.message}`;
        if (f.kind === 'transient' && attempts < this.retry.maxAttempts) {
          await this.update(row.id, { status: 'retrying', attempts, lastError });
          await this.sleep(backoffMs(attempts, this.retry));
          continue;
        }
        if (f.kind === 'opted_out') await this.deps.tables.setOptOut(row.channel, row.to, true, `twilio:${f.code}`, this.now());
        await this.update(row.id, { status: 'failed', attempts, lastError, body: null });
        this.deps.log?.warn({ code: f.code, kind: f.kind, attempts, channel: row.channel }, 'twilio refused a message');
        return;
      }
    }
  }

  private update(id: string, patch: Parameters<SmsTables['updateOutbound']>[1]): Promise<void> {
    return this.deps.tables.updateOutbound(id, patch, this.now());
  }

  private track(p: Promise<unknown>): void {
    const tracked = p.catch((err) => this.deps.log?.error({ err }, 'twilio background task failed')).finally(() => this.background.delete(tracked));
    this.background.add(tracked);
  }

  private now(): string {
    return this.deps.clock.now().toISOString();
  }
}

/** The words of an outbound message activity as the citizen reads them by SMS; null for anything else. */
export function textFor(activity: ActivityJson): string | null {
  if (activity.type !== 'message' || typeof activity.text !== 'string' || activity.text.trim() === '') return null;
  return activity.from.role === 'caseworker' ? caseworkerPrefix(activity.from.name) + activity.text : activity.text;
}
