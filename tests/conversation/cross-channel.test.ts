import { afterEach, describe, expect, it } from 'vitest';
import { fixedClock } from '../../src/clock.ts';
import type { ChannelSender } from '../../src/conversation/delivery.ts';
import type { Loket } from '../../src/server/loket.ts';
import { startLoket } from '../support/loket.ts';

/** An SMS channel at the boundary: records what would go to the phone. */
function smsOutbox() {
  const sent: Array<{ to: string; text: string; conversationId: string }> = [];
  const sender: ChannelSender = { async send(to, activity, conversationId) { sent.push({ to, text: activity.text ?? '', conversationId }); } };
  return { sent, sender };
}

const running: Loket[] = [];
afterEach(async () => {
  for (const l of running.splice(0)) await l.close();
});

async function setup(withSms = true) {
  const clock = fixedClock('2026-11-30T10:00:00Z');
  const loket = await startLoket({}, { clock });
  running.push(loket);
  const sms = smsOutbox();
  if (withSms) loket.delivery.register('sms', sms.sender);
  const { id } = await loket.service.open({ channel: 'web', welcome: true });
  const say = async (text: string, conv = id, via?: { channel: 'sms'; address: string }) => {
    const r = await loket.service.receive(conv, { type: 'message', text, from: { id: via?.address ?? 'web-user' }, ...(via ? { via } : {}) });
    await loket.delivery.idle();
    return { text: r.replies.map((a) => a.activity.text).join('\n'), conversationId: r.conversationId };
  };
  return { loket, clock, sms, id, say };
}

const codeIn = (text: string) => /\b(\d{6})\b/.exec(text)?.[1] ?? '';

describe('verification by SMS code', () => {
  it('sends a 6-digit code to the phone on file and verifies with it', async () => {
    const { sms, say } = await setup();
    await say('hoe staat het met zaak Z-2026-000123');
    expect((await say('code')).text).toContain('code van 6 cijfers');
    expect(sms.sent).toHaveLength(1);
    expect(sms.sent[0]!.to).toBe('+31612345678');
    const answer = await say(codeIn(sms.sent[0]!.text));
    expect(answer.text).toContain('advies welstandscommissie gevraagd');
  });

  it('answers the same for an unknown case and sends nothing', async () => {
    const { sms, say } = await setup();
    await say('hoe staat het met zaak Z-2026-999999');
    expect((await say('code')).text).toContain('code van 6 cijfers');
    expect(sms.sent).toHaveLength(0);
  });

  it('refuses an expired code, a reused code, and locks after three wrong ones', async () => {
    const { sms, say, clock } = await setup();
    await say('status Z-2026-000123');
    await say('code');
    const first = codeIn(sms.sent[0]!.text);
    clock.advance(11 * 60_000);
    expect((await say(first)).text).toContain('klopt niet, of is verlopen');
    await say('nieuwe code');
    const second = codeIn(sms.sent[1]!.text);
    expect(second).not.toBe('');
    expect((await say(second)).text).toContain('advies welstandscommissie');
  });

  it('locks the case after three wrong codes and hands over to a person', async () => {
    const { loket, say } = await setup();
    await say('status Z-2026-000456');
    await say('code');
    await say('000000');
    await say('111111');
    expect((await say('222222')).text).toContain('drie keer');
    expect((await loket.handoffs.list(['queued']))[0]).toMatchObject({ reason: 'verification_failed' });
  });

  it('says so when SMS is not available and falls back to postcode and birth date', async () => {
    const { say } = await setup(false);
    await say('status Z-2026-000123');
    const r = await say('code');
    expect(r.text).toContain('kan nu niet');
    expect(r.text).toContain('postcode');
  });
});

describe('one conversation across channels', () => {
  it('continues on SMS with a link code, asking nothing twice, and replies by SMS', async () => {
    const { loket, sms, say, id } = await setup();
    await say('status Z-2026-000123 1234 AB 15-03-1980');
    const offer = await say('kan ik verder via sms?');
    const code = /LINK (\d{8})/.exec(offer.text)?.[1];
    expect(code).toBeDefined();
    const phone = { channel: 'sms' as const, address: '+31699999999' };
    const smsConv = await loket.service.openFor('sms', phone.address);
    const linked = await say(`LINK ${code}`, smsConv.id, phone);
    expect(linked.conversationId).toBe(id);
    expect(linked.text).toContain('Gelukt');
    const next = await say('en zaak Z-2026-000124?', id, phone);
    expect(next.text).toContain('De vergunning geldt vanaf 7 december 2026');
    expect(sms.sent.map((s) => s.to)).toContain('+31699999999');
    expect(sms.sent.at(-1)!.text).toContain('7 december 2026');
    // The code works once.
    const again = await loket.service.openFor('sms', '+31688888888');
    expect((await say(`LINK ${code}`, again.id, { channel: 'sms', address: '+31688888888' })).text).toContain('klopt niet');
  });

  it('picks up the conversation when the verified phone number texts in', async () => {
    const { loket, say, id } = await setup();
    await say('status Z-2026-000456 5678 CD 01-07-1992');
    const conv = await loket.service.openFor('sms', '+31687654321');
    expect(conv.id).toBe(id);
  });
});

describe('switching channels back and forth', () => {
  it('replies by SMS only while SMS is the channel the citizen last wrote on, also seconds apart', async () => {
    const { loket, clock, sms, say, id } = await setup();
    const web = { channel: 'web' as const, address: id };
    const phone = { channel: 'sms' as const, address: '+31687654321' };
    const onWeb = async (text: string) => {
      await loket.service.receive(id, { type: 'message', text, from: { id: 'web-user' }, via: web });
      await loket.delivery.idle();
    };
    await onWeb('status Z-2026-000456 5678 CD 01-07-1992');
    // The verified phone texts in: the same conversation, and the reply goes by SMS.
    expect((await loket.service.openFor('sms', phone.address)).id).toBe(id);
    clock.advance(2_000);
    await say('wat zijn jullie openingstijden', id, phone);
    const bySms = sms.sent.length;
    expect(bySms).toBeGreaterThan(0);
    expect(await loket.service.lastAddress(id)).toEqual(phone);
    // Back on the web two seconds later: nothing more by SMS.
    clock.advance(2_000);
    await onWeb('bedankt');
    expect(await loket.service.lastAddress(id)).toEqual(web);
    expect(sms.sent).toHaveLength(bySms);
    clock.advance(2_000);
    await say('nog een vraag: wat kost een paspoort?', id, phone);
    expect(sms.sent.length).toBeGreaterThan(bySms);
    expect(await loket.service.lastAddress(id)).toEqual(phone);
  });
});

describe('continuing from the verified phone', () => {
  it('picks the conversation up until 24 hours, less at most 10 minutes, after its last turn', async () => {
    const { loket, clock, say, id } = await setup();
    await say('status Z-2026-000456 5678 CD 01-07-1992');
    // More turns within the next minutes: the phone's time is not written again for each.
    for (let i = 0; i < 3; i++) {
      clock.advance(3 * 60_000);
      await say('wat zijn jullie openingstijden');
    }
    // 23 h 50 min after the last turn: still this conversation.
    clock.advance(24 * 3600_000 - 10 * 60_000);
    expect((await loket.service.openFor('sms', '+31687654321')).id).toBe(id);
  });

  it('does not pick it up 24 hours after the phone was written, though a turn came 9 minutes later', async () => {
    const { loket, clock, say, id } = await setup();
    await say('status Z-2026-000456 5678 CD 01-07-1992');
    clock.advance(9 * 60_000);
    await say('wat zijn jullie openingstijden');
    clock.advance(24 * 3600_000 - 9 * 60_000 + 1_000);
    expect((await loket.service.openFor('sms', '+31687654321')).id).not.toBe(id);
  });

  it('renews the time with a turn ten minutes or more after it was written', async () => {
    const { loket, clock, say, id } = await setup();
    await say('status Z-2026-000456 5678 CD 01-07-1992');
    clock.advance(10 * 60_000);
    await say('wat zijn jullie openingstijden');
    clock.advance(24 * 3600_000 - 1_000);
    expect((await loket.service.openFor('sms', '+31687654321')).id).toBe(id);
  });
});
