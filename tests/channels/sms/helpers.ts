/**
 * The real Loket with the Twilio channel on, talking to a fake Twilio; and a phone that sends signed
 * webhooks the way Twilio does (signature made by the `twilio` library's own helper).
 */
import twilio from 'twilio';
import type { LightMyRequestResponse } from 'fastify';
import type { Clock } from '../../../src/clock.ts';
import type { Loket } from '../../../src/server/loket.ts';
import { startLoket } from '../../support/loket.ts';
import { startFakeTwilio, type FakeTwilio } from './fake-twilio.ts';
import { ADMIN, addCaseworker, login, type Session } from '../../caseworker/helpers.ts';

export const ACCOUNT_SID = `AC${'0123456789abcdef'.repeat(2)}`;
export const AUTH_TOKEN = 'fake-auth-token-0123456789';
export const FROM = '+3197010203040';
export const WHATSAPP_FROM = 'whatsapp:+3197010203041';
export const PUBLIC_URL = 'https://loket.example.nl';
export const SMS_URL = `${PUBLIC_URL}/channels/twilio/sms`;
export const STATUS_URL = `${PUBLIC_URL}/channels/twilio/status`;

export function twilioSettings(fake: FakeTwilio, extra: Record<string, string> = {}): Record<string, string> {
  return {
    TWILIO_ACCOUNT_SID: ACCOUNT_SID,
    TWILIO_AUTH_TOKEN: AUTH_TOKEN,
    TWILIO_FROM: FROM,
    TWILIO_WHATSAPP_FROM: WHATSAPP_FROM,
    TWILIO_API_BASE: fake.url,
    LOKET_PUBLIC_URL: PUBLIC_URL,
    ...extra,
  };
}

/** Loket with the Twilio channel; retries do not wait, and every wait asked for is kept in `delays`. */
export async function startSmsLoket(fake: FakeTwilio, opts: { settings?: Record<string, string>; clock?: Clock } = {}) {
  const delays: number[] = [];
  const loket = await startLoket(twilioSettings(fake, opts.settings), {
    ...(opts.clock ? { clock: opts.clock } : {}),
    twilio: { sleep: async (ms) => void delays.push(ms) },
  });
  return { loket, delays };
}

/** Waits until every reply has been handed to Twilio (delivery queues, keyword answers, retries). */
export async function settle(loket: Loket): Promise<void> {
  for (let i = 0; i < 5; i++) {
    await loket.delivery.idle();
    await loket.twilio!.outbound.idle();
  }
}

let sidCounter = 0;
export const messageSid = () => `SM${(++sidCounter).toString(16).padStart(32, '0')}`;

export function sign(url: string, params: Record<string, string>, token = AUTH_TOKEN): string {
  return twilio.getExpectedTwilioSignature(token, url, params);
}

export interface PostOptions {
  signature?: string | null;
  contentType?: string;
  rawBody?: string;
}

/** Posts a form to the app as Twilio would, signed unless told otherwise. */
export function postForm(loket: Loket, path: string, params: Record<string, string>, opts: PostOptions = {}): Promise<LightMyRequestResponse> {
  const headers: Record<string, string> = { 'content-type': opts.contentType ?? 'application/x-www-form-urlencoded' };
  const signature = opts.signature === undefined ? sign(`${PUBLIC_URL}${path}`, params) : opts.signature;
  if (signature !== null) headers['x-twilio-signature'] = signature;
  return loket.app.inject({ method: 'POST', url: path, headers, payload: opts.rawBody ?? new URLSearchParams(params).toString() });
}

/** A citizen's phone: sends SMS (or WhatsApp) to Loket and reads what the fake Twilio got for it. */
export class Phone {
  private read = 0;

  constructor(readonly loket: Loket, readonly fake: FakeTwilio, readonly number: string, readonly channel: 'sms' | 'whatsapp' = 'sms') {}

  get address(): string {
    return this.channel === 'whatsapp' ? `whatsapp:${this.number}` : this.number;
  }

  form(text: string, extra: Record<string, string> = {}): Record<string, string> {
    return {
      ToCountry: 'NL', SmsMessageSid: '', NumMedia: '0', MessageSid: messageSid(), AccountSid: ACCOUNT_SID,
      From: this.address, To: this.channel === 'whatsapp' ? WHATSAPP_FROM : FROM, Body: text, NumSegments: '1', ApiVersion: '2010-04-01',
      ...extra,
    };
  }

  /** Sends one message; resolves after the webhook answered and every reply reached the fake. */
  async send(text: string, extra: Record<string, string> = {}): Promise<LightMyRequestResponse> {
    const form = this.form(text, extra);
    form.SmsMessageSid = form.MessageSid!;
    const res = await postForm(this.loket, '/channels/twilio/sms', form);
    await settle(this.loket);
    return res;
  }

  /** Texts that arrived since the last look. */
  inbox(): string[] {
    const all = this.fake.bodiesTo(this.address);
    const fresh = all.slice(this.read);
    this.read = all.length;
    return fresh;
  }

  /** Sends and returns the replies as one string (parts joined with a space). */
  async say(text: string): Promise<string> {
    await this.send(text);
    return this.inbox().join(' ');
  }

  async conversationId(): Promise<string | null> {
    return this.loket.store.addresses.find(this.channel, this.number);
  }
}

/** A fake Twilio, Loket with the Twilio channel, and caseworker Anna logged in (teams optional). */
export async function startSmsWorld(teams?: string[]): Promise<{ fake: FakeTwilio; loket: Loket; anna: Session; close(): Promise<void> }> {
  const fake = await startFakeTwilio();
  const { loket } = await startSmsLoket(fake);
  const admin = await login(loket, ADMIN.username, ADMIN.password);
  const anna = await addCaseworker(loket, admin, 'anna', { name: 'Anna de Vries', ...(teams ? { teams } : {}) });
  return { fake, loket, anna, close: async () => { await loket.close(); await fake.close(); } };
}
