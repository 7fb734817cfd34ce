/**
 * One conversation across channels, through the real webhooks: a citizen starts in the web chat
 * (Direct Line), is verified and handed to a caseworker, then continues by SMS from the verified
 * phone. The caseworker keeps the conversation, sees which channel each message came by, and replies
 * reach the phone; nothing the citizen told us is asked again.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Loket } from '../../../src/server/loket.ts';
import { as, type Session } from '../../caseworker/helpers.ts';
import type { FakeTwilio } from './fake-twilio.ts';
import { Phone, settle, startSmsWorld } from './helpers.ts';

let fake: FakeTwilio;
let loket: Loket;
let anna: Session;

let close: () => Promise<void>;

beforeAll(async () => {
  ({ fake, loket, anna, close } = await startSmsWorld(['werk-en-inkomen', 'klantcontact']));
});
afterAll(async () => close?.());

async function webChat() {
  const opened = (await loket.app.inject({ method: 'POST', url: '/v3/directline/conversations' })).json() as { conversationId: string; token: string };
  const headers = { authorization: `Bearer ${opened.token}` };
  let watermark = 0;
  return {
    id: opened.conversationId,
    async say(text: string): Promise<string> {
      const res = await loket.app.inject({ method: 'POST', url: `/v3/directline/conversations/${opened.conversationId}/activities`, headers, payload: { type: 'message', from: { id: 'web-citizen' }, text } });
      expect(res.statusCode, res.body).toBe(200);
      const got = (await loket.app.inject({ method: 'GET', url: `/v3/directline/conversations/${opened.conversationId}/activities?watermark=${watermark}`, headers })).json() as { activities: Array<{ type: string; text?: string; from: { role?: string } }>; watermark: string };
      watermark = Number(got.watermark);
      return got.activities.filter((a) => a.type === 'message' && a.from.role !== 'user').map((a) => a.text).join('\n');
    },
  };
}

describe('web → SMS, one conversation', () => {
  it('keeps the verification, the handoff and the caseworker, and asks nothing twice', async () => {
    const web = await webChat();
    expect(await web.say('hoe staat het met mijn uitkering Z-2026-000456')).toContain('postcode');
    expect(await web.say('5678 CD 01-07-1992')).toContain('Eerste betaling op 1 december 2026');
    await web.say('ik wil een medewerker spreken');
    const [handoff] = (await as(loket, anna).get('/api/v1/handoffs?state=queued')).json().items as Array<{ id: string; conversationId: string; identity: { verified: boolean } }>;
    expect(handoff).toMatchObject({ conversationId: web.id, identity: { verified: true } });
    expect((await as(loket, anna).post(`/api/v1/handoffs/${handoff!.id}/claim`)).statusCode).toBe(200);

    // The citizen picks up their phone: the number on file for the verified case.
    const phone = new Phone(loket, fake, '+31687654321');
    phone.inbox();
    await phone.send('ik zit nu in de trein, kan het via sms?');
    expect(await phone.conversationId()).toBe(web.id);
    expect(phone.inbox()).toEqual([]); // a person holds the conversation: the assistant stays quiet

    const transcript = (await as(loket, anna).get(`/api/v1/conversations/${web.id}/transcript`)).json().activities as Array<{ text?: string; channelId?: string; from: { role?: string } }>;
    const fromCitizen = transcript.filter((a) => a.from.role === 'user');
    expect(fromCitizen.at(-1)).toMatchObject({ text: 'ik zit nu in de trein, kan het via sms?', channelId: 'sms' });

    // The caseworker answers; it goes to the channel the citizen used last.
    await as(loket, anna).post(`/api/v1/handoffs/${handoff!.id}/messages`, { text: 'Prima, ik help u per sms verder. De betaling staat klaar.' });
    await settle(loket);
    expect(phone.inbox().join(' ')).toContain('Anna (gemeente): Prima, ik help u per sms verder.');

    // Back to the assistant: a second question about the same case is answered without asking again.
    await as(loket, anna).post(`/api/v1/handoffs/${handoff!.id}/release`, { note: 'verder per sms' });
    await settle(loket);
    phone.inbox();
    const answer = await phone.say('en hoe staat het nu met zaak Z-2026-000456?');
    expect(answer).toContain('Eerste betaling op 1 december 2026');
    expect(answer).not.toMatch(/postcode|geboortedatum/);

    // Back in the web chat: the answer comes there, not by SMS.
    expect(await web.say('wat zijn de openingstijden?')).toContain('14 0123');
    await settle(loket);
    expect(phone.inbox()).toEqual([]);
  });
});
