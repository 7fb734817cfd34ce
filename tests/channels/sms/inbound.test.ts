/** Twilio forms → plain values: channel and number, keywords, files, status callbacks, bad forms. */
import { describe, expect, it } from 'vitest';
import { RedirectingRequestClient } from '../../../channels/sms/api.ts';
import { keywordOf, toInboundSms, toStatusUpdate, twilioAddress } from '../../../channels/sms/inbound.ts';

const SID = `SM${'1'.repeat(32)}`;

describe('toInboundSms', () => {
  it('reads an SMS', () => {
    expect(toInboundSms({ MessageSid: SID, From: '+31612345678', To: '+3197010203040', Body: 'Hallo', NumMedia: '0' }))
      .toEqual({ sid: SID, channel: 'sms', address: '+31612345678', text: 'Hallo', numMedia: 0, keyword: null });
  });

  it('reads a WhatsApp message as the whatsapp channel with a bare E.164 number', () => {
    expect(toInboundSms({ MessageSid: SID, From: 'whatsapp:+31612345678', Body: 'Hoi' })).toMatchObject({ channel: 'whatsapp', address: '+31612345678' });
  });

  it('takes a media-only message (empty Body) with its number of files', () => {
    expect(toInboundSms({ MessageSid: SID, From: '+31612345678', Body: '', NumMedia: '3' })).toMatchObject({ text: '', numMedia: 3 });
  });

  it.each([
    ['no body at all', undefined],
    ['no MessageSid', { From: '+31612345678', Body: 'x' }],
    ['a made-up sid', { MessageSid: 'hello', From: '+31612345678', Body: 'x' }],
    ['a number that is not E.164', { MessageSid: SID, From: '0612345678', Body: 'x' }],
    ['another channel prefix', { MessageSid: SID, From: 'messenger:123456789', Body: 'x' }],
    ['a repeated field', { MessageSid: SID, From: ['+31612345678', '+31600000000'], Body: 'x' }],
    ['a non-number NumMedia', { MessageSid: SID, From: '+31612345678', Body: 'x', NumMedia: '-1' }],
  ])('refuses %s with TWILIO_FORM_INVALID', (_name, form) => {
    expect(() => toInboundSms(form)).toThrowError(expect.objectContaining({ code: 'TWILIO_FORM_INVALID', statusCode: 400 }));
  });
});

describe('keywordOf', () => {
  it.each([
    ['STOP', 'stop'], ['stop', 'stop'], [' Stop. ', 'stop'], ['uitschrijven', 'stop'],
    ['START', 'start'], ['start!', 'start'],
    ['HELP', 'help'], ['hulp', 'help'], ['Help?', 'help'],
  ])('%j is %s', (text, keyword) => {
    expect(keywordOf(text)).toBe(keyword);
  });

  it.each(['stop maar met die brieven', 'hulp nodig bij mijn aanvraag', 'cancel', 'annuleren', 'ja', 'yes', 'stoppen'])('%j is no keyword', (text) => {
    expect(keywordOf(text)).toBeNull();
  });
});

describe('toStatusUpdate', () => {
  it('reads the sid, status and error code', () => {
    expect(toStatusUpdate({ MessageSid: SID, MessageStatus: 'undelivered', ErrorCode: '30003' })).toEqual({ sid: SID, status: 'undelivered', errorCode: '30003' });
    expect(toStatusUpdate({ SmsSid: SID, SmsStatus: 'delivered' })).toEqual({ sid: SID, status: 'delivered' });
  });

  it('refuses a callback without a status', () => {
    expect(() => toStatusUpdate({ MessageSid: SID })).toThrowError(expect.objectContaining({ code: 'TWILIO_FORM_INVALID' }));
  });
});

describe('addresses and hosts', () => {
  it('prefixes WhatsApp numbers once', () => {
    expect(twilioAddress('whatsapp', '+31612345678')).toBe('whatsapp:+31612345678');
    expect(twilioAddress('whatsapp', 'whatsapp:+31612345678')).toBe('whatsapp:+31612345678');
    expect(twilioAddress('sms', '+31612345678')).toBe('+31612345678');
  });

  it('sends Twilio API calls to TWILIO_API_BASE, path prefix kept, other hosts untouched', () => {
    const client = new RedirectingRequestClient('http://127.0.0.1:4010/fake/');
    expect(client.rewrite('https://api.twilio.com/2010-04-01/Accounts/AC1/Messages.json')).toBe('http://127.0.0.1:4010/fake/2010-04-01/Accounts/AC1/Messages.json');
    expect(client.rewrite('https://example.org/x')).toBe('https://example.org/x');
  });
});
