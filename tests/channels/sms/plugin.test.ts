/**
 * The Twilio webhooks against the real app: signatures, bad forms, Twilio's retries, the keywords,
 * files, WhatsApp, and the channel being off without settings.
 */
import { Writable } from 'node:stream';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Loket } from '../../../src/server/loket.ts';
import { startLoket } from '../../support/loket.ts';
import { startFakeTwilio, type FakeTwilio } from './fake-twilio.ts';
import { AUTH_TOKEN, Phone, postForm, PUBLIC_URL, settle, sign, SMS_URL, startSmsLoket, WHATSAPP_FROM } from './helpers.ts';

let fake: FakeTwilio;
let loket: Loket;
let n = 0;
const phone = (channel: 'sms' | 'whatsapp' = 'sms') => new Phone(loket, fake, `+3161000${String(++n).padStart(4, '0')}`, channel);

beforeAll(async () => {
  fake = await startFakeTwilio();
  ({ loket } = await startSmsLoket(fake));
});
afterAll(async () => {
  await loket?.close();
  await fake?.close();
});

describe('POST /channels/twilio/sms', () => {
  it('answers a signed message with an empty TwiML response and sends the reply through the REST API', async () => {
    const p = phone();
    const res = await p.send('hallo');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/xml/);
    expect(res.body).toBe('<?xml version="1.0" encoding="UTF-8"?><Response/>');
    const sent = fake.sent.filter((m) => m.to === p.number);
    expect(sent.length).toBeGreaterThan(0);
    expect(sent[0]).toMatchObject({ from: '+3197010203040', statusCallback: `${PUBLIC_URL}/channels/twilio/status` });
    expect(sent[0]!.authUser).toMatch(/^AC/);
    const id = await p.conversationId();
    const stored = (await loket.service.activities(id!, 0)).activities.map((s) => s.activity);
    expect(stored[0]).toMatchObject({ text: 'hallo', from: { role: 'user' }, channelData: { MessageSid: expect.stringMatching(/^SM/) } });
  });

  it('refuses a missing or wrong signature with 403 and stores nothing', async () => {
    const p = phone();
    const form = p.form('hoe staat het met mijn aanvraag');
    const unsigned = await postForm(loket, '/channels/twilio/sms', form, { signature: null });
    const wrongToken = await postForm(loket, '/channels/twilio/sms', form, { signature: sign(SMS_URL, form, 'another-token') });
    const otherUrl = await postForm(loket, '/channels/twilio/sms', form, { signature: sign('https://evil.example/channels/twilio/sms', form) });
    const tampered = await postForm(loket, '/channels/twilio/sms', { ...form, Body: 'iets anders' }, { signature: sign(SMS_URL, form) });
    for (const res of [unsigned, wrongToken, otherUrl, tampered]) {
      expect(res.statusCode).toBe(403);
      expect(res.json()).toEqual({ error: { code: 'TWILIO_SIGNATURE_INVALID', message: expect.any(String) } });
    }
    await settle(loket);
    expect(await p.conversationId()).toBeNull();
    expect(fake.bodiesTo(p.number)).toEqual([]);
    // The MessageSid was not marked as seen either: the genuine delivery still gets its turn.
    expect(await loket.store.markProcessed(`twilio:${form.MessageSid}`, new Date().toISOString())).toBe(true);
  });

  it('refuses a signed but malformed form with 400 in our error shape', async () => {
    const p = phone();
    const cases: Array<Record<string, string>> = [
      { ...p.form('hallo'), MessageSid: '' },
      { ...p.form('hallo'), From: 'not a number' },
      { ...p.form('hallo'), NumMedia: 'many' },
    ];
    for (const form of cases) {
      const res = await postForm(loket, '/channels/twilio/sms', form);
      expect(res.statusCode).toBe(400);
      expect(res.json().error.code).toBe('TWILIO_FORM_INVALID');
    }
    const repeated = 'From=%2B31610009999&From=%2B31610009998&MessageSid=SM00000000000000000000000000000abc&Body=hoi';
    const twice = await postForm(loket, '/channels/twilio/sms', {}, { rawBody: repeated, signature: sign(SMS_URL, { From: ['+31610009999', '+31610009998'], MessageSid: 'SM00000000000000000000000000000abc', Body: 'hoi' } as never) });
    expect(twice.statusCode).toBe(400);
    const json = await postForm(loket, '/channels/twilio/sms', {}, { contentType: 'application/json', rawBody: '{"Body":"hoi"}', signature: 'x' });
    expect(json.statusCode).toBe(400);
    expect(json.json().error.code).toBe('TWILIO_FORM_INVALID');
    expect(await p.conversationId()).toBeNull();
  });

  it('handles a MessageSid once when Twilio delivers it twice', async () => {
    const p = phone();
    const form = p.form('hallo');
    const first = await postForm(loket, '/channels/twilio/sms', form);
    const again = await postForm(loket, '/channels/twilio/sms', form);
    await settle(loket);
    expect([first.statusCode, again.statusCode]).toEqual([200, 200]);
    expect(again.body).toContain('<Response/>');
    const id = await p.conversationId();
    const mine = (await loket.service.activities(id!, 0)).activities.filter((s) => s.activity.from.role === 'user');
    expect(mine).toHaveLength(1);
    const replies = p.inbox();
    expect(replies.length).toBeGreaterThan(0);
    expect(new Set(replies).size).toBe(replies.length);
  });

  it('answers an empty or unreadable message politely by SMS instead of an error', async () => {
    const p = phone();
    const res = await p.send('   ');
    expect(res.statusCode).toBe(200);
    expect(p.inbox().join(' ')).toContain('geen tekst');
    await p.send('hallo\u0000');
    expect(p.inbox().join(' ')).toContain('niet lezen');
  });
});

describe('STOP, START and HELP', () => {
  it('answers HELP (and hulp) with what Loket is, how to stop, and the phone number, in Dutch and English', async () => {
    const p = phone();
    for (const word of ['HELP', 'hulp', ' Help! ']) {
      await p.send(word);
      const text = p.inbox().join(' ');
      expect(text).toContain('Loket');
      expect(text).toContain('STOP');
      expect(text).toContain('14 0123');
      expect(text).toContain('This is Loket');
    }
    expect(await p.conversationId()).toBeNull(); // keywords are not turns
  });

  it('sends nothing after STOP until START, and records both', async () => {
    const p = phone();
    await p.send('Stop');
    expect(p.inbox().join(' ')).toContain('geen berichten meer');
    expect(await loket.twilio!.tables.isOptedOut('sms', p.number)).toBe(true);

    await p.send('hoe staat het met mijn aanvraag');
    expect(p.inbox()).toEqual([]);
    // HELP is still answered, with how to start again, and nothing else is.
    await p.send('help');
    const help = p.inbox().join(' ');
    expect(help).toContain('U heeft STOP gestuurd');
    expect(help).toContain('Stuur START');
    expect(help).toContain('Send START');
    await p.send('en nu?');
    expect(p.inbox()).toEqual([]);
    expect(await loket.twilio!.tables.isOptedOut('sms', p.number)).toBe(true);
    const id = await p.conversationId();
    expect((await loket.service.activities(id!, 0)).activities.some((s) => s.activity.text === 'hoe staat het met mijn aanvraag')).toBe(true);
    const suppressed = await loket.twilio!.tables.listOutbound({ to: p.number });
    expect(suppressed.filter((r) => r.status === 'suppressed').length).toBeGreaterThan(0);

    await p.send('START');
    expect(p.inbox().join(' ')).toContain('weer berichten');
    expect(await loket.twilio!.tables.isOptedOut('sms', p.number)).toBe(false);
    expect(await p.say('hallo')).not.toBe('');
  });

  it('treats a keyword inside a sentence as a normal message', async () => {
    const p = phone();
    const text = await p.say('wanneer stopt de uitkering');
    expect(text).not.toContain('geen berichten meer');
    expect(await loket.twilio!.tables.isOptedOut('sms', p.number)).toBe(false);
  });
});

describe('files', () => {
  it('says it cannot read photos, and still handles the text sent with them', async () => {
    const p = phone();
    await p.send('', { NumMedia: '1', MediaUrl0: 'https://api.twilio.com/media/1', MediaContentType0: 'image/jpeg' });
    const only = p.inbox();
    expect(only).toHaveLength(1);
    expect(only[0]).toContain("Ik kan geen foto's of bestanden lezen");
    expect(only[0]).toContain('I cannot read photos');
    expect(await p.conversationId()).toBeNull();

    await p.send('hoe staat het met mijn aanvraag', { NumMedia: '2' });
    const both = p.inbox();
    expect(both[0]).toContain("Ik kan geen foto's");
    expect(both.slice(1).join(' ')).toContain('zaaknummer');
    const id = await p.conversationId();
    const mine = (await loket.service.activities(id!, 0)).activities.find((s) => s.activity.from.role === 'user');
    expect(mine?.activity).toMatchObject({ text: 'hoe staat het met mijn aanvraag', channelData: { NumMedia: 2 } });
  });
});

describe('WhatsApp', () => {
  it('takes whatsapp: senders as the whatsapp channel and answers from TWILIO_WHATSAPP_FROM', async () => {
    const p = phone('whatsapp');
    const text = await p.say('hoe staat het met mijn aanvraag');
    expect(text).toContain('zaaknummer');
    const sent = fake.sent.filter((m) => m.to === `whatsapp:${p.number}`);
    expect(sent[0]!.from).toBe(WHATSAPP_FROM);
    expect(await loket.store.addresses.find('whatsapp', p.number)).not.toBeNull();
    expect(await loket.store.addresses.find('sms', p.number)).toBeNull();
  });
});

describe('a real port', () => {
  it('verifies a signed webhook that came over HTTP', async () => {
    const address = await loket.app.listen({ port: 0, host: '127.0.0.1' });
    const p = phone();
    const form = p.form('hallo');
    const res = await fetch(`${address}/channels/twilio/sms`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': sign(SMS_URL, form) },
      body: new URLSearchParams(form),
    });
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('<Response/>');
    await settle(loket);
    expect(p.inbox().length).toBeGreaterThan(0);
  });
});

describe('without settings', () => {
  it('is off, says so in one start-up line, and the rest of Loket runs', async () => {
    const lines: string[] = [];
    const logger = pino({ level: 'info' }, new Writable({ write: (chunk, _e, cb) => void (lines.push(String(chunk)), cb()) }));
    const off = await startLoket({ TWILIO_AUTH_TOKEN: AUTH_TOKEN }, { logger });
    try {
      const said = lines.map((l) => JSON.parse(l).msg as string).filter((m) => m.startsWith('twilio channel off'));
      expect(said).toHaveLength(1);
      expect(said[0]).toContain('TWILIO_ACCOUNT_SID');
      expect(said[0]).toContain('TWILIO_FROM');
      expect(off.twilio).toBeNull();
      const res = await off.app.inject({ method: 'POST', url: '/channels/twilio/sms', payload: 'Body=hi', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
      expect(res.statusCode).toBe(404);
      expect((await off.app.inject({ method: 'GET', url: '/health' })).statusCode).toBe(200);
    } finally {
      await off.close();
    }
  });
});
