/**
 * Sending: the real `twilio` client against the fake Twilio, retries with backoff on 429/5xx/network
 * errors and on failed status callbacks, permanent errors recorded without retry, STOP honoured, and
 * the record of every message. The retry timer is injected, so nothing sleeps.
 */
import Database from 'better-sqlite3';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { twilioMessages } from '../../../channels/sms/api.ts';
import { backoffMs, DEFAULT_RETRY, TwilioOutbound } from '../../../channels/sms/outbound.ts';
import { sqliteSmsTables, type SmsTables } from '../../../channels/sms/sqlite.ts';
import { fixedClock } from '../../../src/clock.ts';
import type { ActivityJson } from '../../../src/conversation/types.ts';
import type { Loket } from '../../../src/server/loket.ts';
import { startFakeTwilio, type FakeTwilio } from './fake-twilio.ts';
import { ACCOUNT_SID, AUTH_TOKEN, FROM, Phone, postForm, settle, startSmsLoket, STATUS_URL } from './helpers.ts';

let fake: FakeTwilio;
beforeAll(async () => {
  fake = await startFakeTwilio();
});
afterAll(() => fake?.close());

function setup(opts: { statusCallback?: boolean } = {}) {
  const db = new Database(':memory:');
  const tables = sqliteSmsTables(db);
  const delays: number[] = [];
  const outbound = new TwilioOutbound({
    api: twilioMessages({ accountSid: ACCOUNT_SID, authToken: AUTH_TOKEN, apiBase: fake.url }),
    tables,
    clock: fixedClock('2026-11-24T09:00:00Z'),
    from: { sms: FROM, whatsapp: 'whatsapp:+3197010203041' },
    ...(opts.statusCallback === false ? {} : { statusCallback: STATUS_URL }),
    sleep: async (ms) => void delays.push(ms),
  });
  const sms = outbound.sender('sms');
  return { db, tables, delays, outbound, sms };
}

const bot = (text: string, id = 'c1|0000002'): ActivityJson & { id: string } => ({ type: 'message', id, conversation: { id: 'c1' }, from: { id: 'loket', role: 'bot' }, text });
let number = 0;
const nextNumber = () => `+3162000${String(++number).padStart(4, '0')}`;
const rows = (tables: SmsTables, to: string) => tables.listOutbound({ to });

describe('backoff', () => {
  it('doubles from the base and stops at the cap', () => {
    expect([1, 2, 3, 4].map((a) => backoffMs(a, DEFAULT_RETRY))).toEqual([2000, 4000, 8000, 16000]);
    expect(backoffMs(20, DEFAULT_RETRY)).toBe(DEFAULT_RETRY.maxDelayMs);
  });
});

describe('sending through the REST API', () => {
  it('sends from TWILIO_FROM with the status callback and records the sid', async () => {
    const { sms, tables } = setup();
    const to = nextNumber();
    await sms.send(to, bot('Hallo'), 'c1');
    expect(fake.sent.at(-1)).toMatchObject({ to, from: FROM, body: 'Hallo', statusCallback: STATUS_URL, accountSid: ACCOUNT_SID });
    const [row] = await rows(tables, to);
    expect(row).toMatchObject({ sid: fake.sent.at(-1)!.sid, status: 'queued', attempts: 1, conversationId: 'c1', activityId: 'c1|0000002', segments: 1, encoding: 'GSM-7', lastError: null });
  });

  it('tries again after a 429 and succeeds', async () => {
    const { sms, tables, delays } = setup();
    const to = nextNumber();
    fake.failNext({ status: 429 });
    const calls = fake.calls;
    await sms.send(to, bot('Na een 429'), 'c1');
    expect(fake.calls - calls).toBe(2);
    expect(fake.bodiesTo(to)).toEqual(['Na een 429']);
    expect(delays).toEqual([2000]);
    expect((await rows(tables, to))[0]).toMatchObject({ status: 'queued', attempts: 2, lastError: null });
  });

  it('tries again after 5xx and a dropped connection, with growing waits, and gives up after the last try', async () => {
    const { sms, tables, delays } = setup();
    const to = nextNumber();
    fake.failNext({ status: 500 }, 'drop', { status: 503 }, { status: 500 }, { status: 502 });
    await sms.send(to, bot('Lukt niet'), 'c1');
    expect(delays).toEqual([2000, 4000, 8000, 16000]);
    expect(fake.bodiesTo(to)).toEqual([]);
    const [row] = await rows(tables, to);
    expect(row).toMatchObject({ status: 'failed', attempts: DEFAULT_RETRY.maxAttempts, body: null });
    expect(row!.lastError).toContain('20500');
  });

  it('records an invalid number (21211) without trying again', async () => {
    const { sms, tables, delays } = setup();
    const to = nextNumber();
    fake.failNext({ status: 400, code: 21211, message: "The 'To' number is not a valid phone number." });
    const calls = fake.calls;
    await sms.send(to, bot('Hallo'), 'c1');
    expect(fake.calls - calls).toBe(1);
    expect(delays).toEqual([]);
    const [row] = await rows(tables, to);
    expect(row).toMatchObject({ status: 'failed', attempts: 1, body: null });
    expect(row!.lastError).toMatch(/^21211: /);
  });

  it('marks the number as opted out when Twilio says it replied STOP (21610)', async () => {
    const { sms, tables } = setup();
    const to = nextNumber();
    fake.failNext({ status: 400, code: 21610 });
    await sms.send(to, bot('Een'), 'c1');
    await sms.send(to, bot('Twee', 'c1|0000003'), 'c1');
    expect(await tables.isOptedOut('sms', to)).toBe(true);
    expect((await rows(tables, to)).map((r) => r.status)).toEqual(['failed', 'suppressed']);
    expect(fake.bodiesTo(to)).toEqual([]);
  });

  it('prefixes a caseworker message with the first name and "(gemeente)"', async () => {
    const { sms } = setup();
    const to = nextNumber();
    await sms.send(to, { ...bot('Ik bel u morgen.'), from: { id: 'caseworker:anna', name: 'Anna', role: 'caseworker' } }, 'c1');
    expect(fake.bodiesTo(to)).toEqual(['Anna (gemeente): Ik bel u morgen.']);
  });

  it('keeps messages to one number in order, also when one of them is retried', async () => {
    const { outbound, sms } = setup();
    const to = nextNumber();
    fake.failNext({ status: 429 });
    await Promise.all([sms.send(to, bot('Eerste.'), 'c1'), sms.send(to, bot('Tweede.'), 'c1'), sms.send(to, bot('Derde.'), 'c1')]);
    await outbound.idle();
    expect(fake.bodiesTo(to)).toEqual(['Eerste.', 'Tweede.', 'Derde.']);
  });

  it('sends nothing that is not a message with text', async () => {
    const { sms, tables } = setup();
    const to = nextNumber();
    await sms.send(to, { ...bot(''), type: 'event', name: 'handoff.initiate' } as ActivityJson & { id: string }, 'c1');
    await sms.send(to, bot('   '), 'c1');
    expect(await rows(tables, to)).toEqual([]);
  });

  it('keeps the body only while it may be needed again', async () => {
    const withCallback = setup();
    const a = nextNumber();
    await withCallback.sms.send(a, bot('Bewaard tot bezorgd'), 'c1');
    expect((await rows(withCallback.tables, a))[0]!.body).toBe('Bewaard tot bezorgd');
    await withCallback.outbound.onStatus({ sid: (await rows(withCallback.tables, a))[0]!.sid!, status: 'delivered' });
    expect((await rows(withCallback.tables, a))[0]).toMatchObject({ status: 'delivered', body: null });

    const without = setup({ statusCallback: false });
    const b = nextNumber();
    await without.sms.send(b, bot('Zonder callback'), 'c1');
    expect((await rows(without.tables, b))[0]!.body).toBeNull();
    expect(fake.sent.at(-1)!.statusCallback).toBeNull();
  });
});

describe('status callbacks', () => {
  it('sends again when Twilio reports failed with a passing error, and records the new sid', async () => {
    const { sms, tables, outbound, delays } = setup();
    const to = nextNumber();
    await sms.send(to, bot('Nog eens'), 'c1');
    const first = (await rows(tables, to))[0]!;
    expect(await outbound.onStatus({ sid: first.sid!, status: 'undelivered', errorCode: '30003' })).toBe('retrying');
    // Twilio may report the same failure twice; that is no second resend.
    expect(await outbound.onStatus({ sid: first.sid!, status: 'failed', errorCode: '30003' })).toBe('ignored');
    await outbound.idle();
    expect(fake.bodiesTo(to)).toEqual(['Nog eens', 'Nog eens']);
    expect(delays).toEqual([2000]);
    const after = (await rows(tables, to))[0]!;
    expect(after).toMatchObject({ status: 'queued', attempts: 2 });
    expect(after.sid).not.toBe(first.sid);
    expect(await outbound.onStatus({ sid: after.sid!, status: 'delivered' })).toBe('recorded');
    expect(await outbound.onStatus({ sid: after.sid!, status: 'sent' })).toBe('ignored');
    expect((await rows(tables, to))[0]!.status).toBe('delivered');
  });

  it('records a permanent failure (landline, 30006) without sending again', async () => {
    const { sms, tables, outbound } = setup();
    const to = nextNumber();
    await sms.send(to, bot('Vaste lijn'), 'c1');
    const row = (await rows(tables, to))[0]!;
    expect(await outbound.onStatus({ sid: row.sid!, status: 'failed', errorCode: '30006' })).toBe('recorded');
    await outbound.idle();
    expect(fake.bodiesTo(to)).toEqual(['Vaste lijn']);
    expect((await rows(tables, to))[0]).toMatchObject({ status: 'failed', lastError: '30006: failed', body: null });
  });

  it('ignores a callback for a sid it never sent', async () => {
    const { outbound } = setup();
    expect(await outbound.onStatus({ sid: `SM${'f'.repeat(32)}`, status: 'delivered' })).toBe('unknown');
  });
});

describe('through the app', () => {
  let loket: Loket;
  let delays: number[];
  beforeAll(async () => {
    ({ loket, delays } = await startSmsLoket(fake));
  });
  afterAll(() => loket?.close());
  afterEach(() => void delays.splice(0));

  it('keeps the citizen\'s message when every send fails, and retries a 429 on the reply', async () => {
    const p = new Phone(loket, fake, nextNumber());
    fake.failNext({ status: 429 });
    const res = await p.send('hoe staat het met mijn aanvraag');
    expect(res.statusCode).toBe(200);
    expect(p.inbox().join(' ')).toContain('zaaknummer');
    expect(delays).toEqual([2000]);

    fake.failNext({ status: 500 }, { status: 500 }, { status: 500 }, { status: 500 }, { status: 500 });
    const failed = await p.send('Z-2026-000123');
    expect(failed.statusCode).toBe(200);
    const id = (await p.conversationId())!;
    const texts = (await loket.service.activities(id, 0)).activities.map((s) => s.activity.text);
    expect(texts).toContain('Z-2026-000123');
    const last = (await loket.twilio!.tables.listOutbound({ conversationId: id })).at(-1)!;
    expect(last).toMatchObject({ status: 'failed', attempts: 5 });
  });

  it('takes signed status callbacks, refuses unsigned ones, and resends after a failed one', async () => {
    const p = new Phone(loket, fake, nextNumber());
    await p.send('hallo');
    const row = (await loket.twilio!.tables.listOutbound({ to: p.number }))[0]!;
    const form = { MessageSid: row.sid!, MessageStatus: 'failed', ErrorCode: '30008', AccountSid: ACCOUNT_SID, To: p.number, From: FROM };
    expect((await postForm(loket, '/channels/twilio/status', form, { signature: null })).statusCode).toBe(403);
    expect((await loket.twilio!.tables.bySid(row.sid!))!.status).toBe('queued');
    const ok = await postForm(loket, '/channels/twilio/status', form);
    expect(ok.statusCode).toBe(204);
    await settle(loket);
    expect(p.inbox()).toEqual([row.body, row.body]);
    const bad = await postForm(loket, '/channels/twilio/status', { MessageSid: row.sid! });
    expect(bad.statusCode).toBe(400);
  });
});
