/**
 * Everything the web chat does, over SMS: the same core behind the Twilio webhook, with the real
 * `twilio` client delivering every reply to a fake Twilio. Reads like a transcript of a phone.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countSegments, isGsm7 } from '../../../channels/sms/format.ts';
import { fixedClock } from '../../../src/clock.ts';
import type { Loket } from '../../../src/server/loket.ts';
import { as, type Session } from '../../caseworker/helpers.ts';
import { atWork } from '../../support/at-work.ts';
import { startFakeTwilio, type FakeTwilio } from './fake-twilio.ts';
import { Phone, settle, startSmsLoket, startSmsWorld } from './helpers.ts';

let fake: FakeTwilio;
let loket: Loket;
let anna: Session;

let close: () => Promise<void>;

beforeAll(async () => {
  ({ fake, loket, anna, close } = await startSmsWorld());
  // Someone at work: the place and the wait are texted (nobody at work: tests/handoff/presence.test.ts).
  await atWork(loket);
});
afterAll(async () => close?.());

/** Every text the fake got for this phone fits the SMS rules: ≤ 3 segments, GSM-7 for Dutch text. */
function expectSmsShaped(bodies: string[]) {
  for (const body of bodies) {
    expect(countSegments(body).segments, body).toBeLessThanOrEqual(3);
    expect(body.length).toBeLessThanOrEqual(3 * 153);
    expect(isGsm7(body), body).toBe(true);
    expect(body).not.toMatch(/[*_`<>]/);
  }
}

describe('a status question, start to finish, by SMS', () => {
  const p = () => new Phone(loket, fake, '+31699990001');
  let phone: Phone;
  beforeAll(() => {
    phone = p();
  });

  it('asks for postcode and birth date after the case number', async () => {
    const text = await phone.say('hoe staat het met mijn aanvraag Z-2026-000123');
    expect(text).toContain('postcode');
    expect(text).toContain('geboortedatum');
  });

  it('tells the status once the details match, in SMS-sized parts', async () => {
    await phone.send('1234 AB 15-03-1980');
    const bodies = phone.inbox();
    expect(bodies.join(' ')).toContain('In behandeling: advies welstandscommissie gevraagd. Besluit uiterlijk 15 januari 2027.');
    expectSmsShaped(bodies);
  });

  it('explains why when asked "waarom?"', async () => {
    const text = await phone.say('waarom?');
    expect(text).toContain('zaaksysteem');
    expect(text).toContain('Z-2026-000123');
  });

  it('hands off when asked for a person and texts the place in the queue', async () => {
    const text = await phone.say('ik wil een medewerker spreken');
    expect(text).toContain('wachtrij');
    expect(text).toMatch(/nummer \d+/);
  });

  it('brings the caseworker in: claim and messages arrive by SMS with the first name', async () => {
    const conversationId = (await phone.conversationId())!;
    const handoff = await loket.store.handoffs.openFor(conversationId);
    expect(handoff?.channel ?? 'sms').toBe('sms');
    expect((await as(loket, anna).post(`/api/v1/handoffs/${handoff!.id}/claim`)).statusCode).toBe(200);
    await settle(loket);
    expect(phone.inbox().join(' ')).toContain('Anna van de gemeente helpt u nu verder');

    const res = await as(loket, anna).post(`/api/v1/handoffs/${handoff!.id}/messages`, { text: 'Goedemiddag! Ik kijk even met u mee…' });
    expect(res.statusCode).toBeLessThan(300);
    await settle(loket);
    expect(phone.inbox()).toEqual(['Anna (gemeente): Goedemiddag! Ik kijk even met u mee...']);

    // The citizen's answer reaches the caseworker, not the bot.
    await phone.send('Dank u wel');
    expect(phone.inbox()).toEqual([]);
    const transcript = (await loket.service.activities(conversationId, 0)).activities.map((s) => s.activity);
    expect(transcript.at(-1)).toMatchObject({ text: 'Dank u wel', from: { role: 'user' } });
  });

  it('splits a long caseworker message at sentence ends into several SMS of at most 3 segments', async () => {
    const handoff = await loket.store.handoffs.openFor((await phone.conversationId())!);
    const sentences = Array.from({ length: 14 }, (_, i) => `Dit is zin nummer ${i + 1} van mijn uitleg over uw aanvraag en de ‘welstandscommissie’.`);
    await as(loket, anna).post(`/api/v1/handoffs/${handoff!.id}/messages`, { text: sentences.join(' ') });
    await settle(loket);
    const bodies = phone.inbox();
    expect(bodies.length).toBeGreaterThan(1);
    expectSmsShaped(bodies);
    for (const body of bodies) expect(body).toMatch(/\.$/);
    expect(bodies.join(' ')).toBe(`Anna (gemeente): ${sentences.join(' ').replace(/[‘’]/g, "'")}`);
  });
});

describe('the SMS code, sent through the same channel', () => {
  it('texts the code to the phone on file and verifies with it', async () => {
    const citizen = new Phone(loket, fake, '+31699990002');
    const onFile = new Phone(loket, fake, '+31612345678');
    onFile.inbox();
    await citizen.say('hoe staat het met zaak Z-2026-000124');
    expect(await citizen.say('code')).toContain('code van 6 cijfers');
    const codeSms = onFile.inbox().join(' ');
    const code = /\b(\d{6})\b/.exec(codeSms)?.[1];
    expect(code).toBeDefined();
    expect(await citizen.say(code!)).toContain('toegekend');
  });
});

describe('a callback after hours, by SMS', () => {
  it('offers a callback when closed and confirms the number', async () => {
    const closedFake = await startFakeTwilio();
    const saturday = fixedClock('2026-11-28T12:00:00Z');
    const { loket: closed } = await startSmsLoket(closedFake, { settings: { LOKET_OFFICE_HOURS: 'mon-fri 08:30-17:00' }, clock: saturday });
    try {
      const phone = new Phone(closed, closedFake, '+31699990003');
      expect(await phone.say('ik wil een medewerker spreken')).toContain('terugbellen');
      const asked = await phone.say('ja');
      expect(asked).toMatch(/telefoonnummer|terug op/);
      if (asked.includes('telefoonnummer')) expect(await phone.say('06-99990003')).toContain('We bellen u terug op');
      expectSmsShaped(closedFake.bodiesTo('+31699990003'));
    } finally {
      await closed.close();
      await closedFake.close();
    }
  });
});
