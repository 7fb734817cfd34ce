/**
 * Twilio's webhook forms → plain values: who wrote (channel and E.164 number), what, with how many
 * files, and whether the whole message is a STOP / START / HELP keyword. Pure; throws
 * TWILIO_FORM_INVALID (400) for a form Twilio would not send.
 *
 * https://www.twilio.com/docs/messaging/guides/webhook-request
 */
import { LoketError } from '../../src/errors.ts';

export type TwilioChannelId = 'sms' | 'whatsapp';
export type Keyword = 'stop' | 'start' | 'help';

export interface InboundSms {
  sid: string;
  channel: TwilioChannelId;
  /** The citizen's number in E.164, without the `whatsapp:` prefix. */
  address: string;
  text: string;
  numMedia: number;
  keyword: Keyword | null;
}

export interface StatusUpdate {
  sid: string;
  status: string;
  errorCode?: string;
}

const SID = /^[A-Z]{2}[0-9a-zA-Z]{8,64}$/;
const FROM = /^(whatsapp:)?(\+[1-9]\d{6,14})$/;
const STATUS = /^[a-z_]{2,20}$/;

/**
 * Whole-message keywords, any case, punctuation around them ignored. Deliberately not Twilio's full
 * US list: "cancel" and "yes" are answers in our own dialogs (leave the queue, accept a callback).
 */
const KEYWORDS: Record<string, Keyword> = {
  stop: 'stop', stopall: 'stop', unsubscribe: 'stop', uitschrijven: 'stop', afmelden: 'stop',
  start: 'start', unstop: 'start', aanmelden: 'start',
  help: 'help', hulp: 'help',
};

export function keywordOf(text: string): Keyword | null {
  const word = text.trim().toLowerCase().replace(/^[\s\p{P}]+|[\s\p{P}]+$/gu, '');
  return Object.hasOwn(KEYWORDS, word) ? KEYWORDS[word]! : null;
}

/** The incoming-message webhook form (SMS and WhatsApp alike). */
export function toInboundSms(params: unknown): InboundSms {
  const form = asForm(params);
  const sid = field(form, 'MessageSid') ?? field(form, 'SmsMessageSid');
  if (!sid || !SID.test(sid)) throw bad('MessageSid is missing or not a Twilio message sid');
  const from = FROM.exec(field(form, 'From') ?? '');
  if (!from) throw bad('From must be a phone number in E.164 form (+316…), optionally prefixed with whatsapp:');
  const rawMedia = field(form, 'NumMedia') ?? '0';
  if (!/^\d{1,2}$/.test(rawMedia)) throw bad('NumMedia must be a small whole number');
  const text = field(form, 'Body') ?? '';
  return {
    sid,
    channel: from[1] ? 'whatsapp' : 'sms',
    address: from[2]!,
    text,
    numMedia: Number(rawMedia),
    keyword: keywordOf(text),
  };
}

/** The status-callback form. */
export function toStatusUpdate(params: unknown): StatusUpdate {
  const form = asForm(params);
  const sid = field(form, 'MessageSid') ?? field(form, 'SmsSid');
  if (!sid || !SID.test(sid)) throw bad('MessageSid is missing or not a Twilio message sid');
  const status = field(form, 'MessageStatus') ?? field(form, 'SmsStatus');
  if (!status || !STATUS.test(status)) throw bad('MessageStatus is missing');
  const errorCode = field(form, 'ErrorCode');
  return { sid, status, ...(errorCode ? { errorCode } : {}) };
}

/** The address as Twilio wants it in To/From for this channel. */
export function twilioAddress(channel: TwilioChannelId, e164: string): string {
  return channel === 'whatsapp' && !e164.startsWith('whatsapp:') ? `whatsapp:${e164}` : e164;
}

function asForm(params: unknown): Record<string, unknown> {
  if (typeof params !== 'object' || params === null || Array.isArray(params)) throw bad('send the fields form-encoded (application/x-www-form-urlencoded)');
  return params as Record<string, unknown>;
}

/** One string field; a repeated field (an array) is not something Twilio sends. */
function field(form: Record<string, unknown>, name: string): string | undefined {
  const v = Object.hasOwn(form, name) ? form[name] : undefined;
  if (v === undefined) return undefined;
  if (typeof v !== 'string') throw bad(`${name} must appear once`);
  return v;
}

const bad = (why: string) => new LoketError('TWILIO_FORM_INVALID', [why]);
