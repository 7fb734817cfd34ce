/**
 * "Kan ik nu bellen?" / "can I call now?" through a real Loket with office hours (mon-fri 08:30-17:00)
 * and a fixed clock: open, the number and that we are open (a chat with a person offered too); closed,
 * when we open and the offer to call back, in both languages.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { fixedClock } from '../../src/clock.ts';
import type { Loket } from '../../src/server/loket.ts';
import { CLOSED_SATURDAY as SATURDAY, OPEN_TUESDAY as TUESDAY, saidAlready, say, startLoket } from '../support/loket.ts';


let loket: Loket | undefined;
afterEach(async () => {
  await loket?.close();
  loket = undefined;
});

async function boot(at: string): Promise<Loket> {
  loket = await startLoket({ LOKET_OFFICE_HOURS: 'mon-fri 08:30-17:00' }, { clock: fixedClock(at) });
  return loket;
}

/** The bot's messages to `text`: the turn's replies, or what the handoff service posts after it (polled briefly). */
async function told(l: Loket, id: string, text: string): Promise<string[]> {
  const botTexts = async () => (await l.store.listActivities(id, 0, 1000)).map((a) => a.activity).filter((a) => a.type === 'message' && a.from?.id !== 'citizen').map((a) => a.text ?? '');
  const before = (await botTexts()).length;
  const replies = await say(l, id, text);
  if (replies.length > 0) return replies;
  for (let i = 0; i < 50; i++) {
    const after = (await botTexts()).slice(before);
    if (after.length > 0) return after;
    await new Promise((r) => setTimeout(r, 20));
  }
  return [];
}

/** The bot's messages after `text`, polled until one matches `until` (the handoff service posts after the turn). */
async function toldUntil(l: Loket, id: string, text: string, until: RegExp): Promise<string[]> {
  const botTexts = async () => (await l.store.listActivities(id, 0, 1000)).map((a) => a.activity).filter((a) => a.type === 'message' && a.from?.id !== 'citizen').map((a) => a.text ?? '');
  const before = (await botTexts()).length;
  await say(l, id, text);
  let after = (await botTexts()).slice(before);
  for (let i = 0; i < 50 && !after.some((t) => until.test(t)); i++) {
    await new Promise((r) => setTimeout(r, 20));
    after = (await botTexts()).slice(before);
  }
  return after;
}

describe('"kan ik nu bellen?" and "can I call now?"', () => {
  it('gives the number and says we are open now while open, with a chat with a person offered too; no handoff unasked', async () => {
    const l = await boot(TUESDAY);
    for (const [asked, expected] of [
      ['kan ik nu bellen?', ['Ja, dat kan. Nu zijn we open, vandaag tot 17.00 uur. Bel ons op 14 0123.', 'U kunt ook hier met een medewerker chatten. Wilt u dat? Antwoord met ja of nee.']],
      ['can I call now?', ['Yes, you can. We are open now, today until 17:00. Call us on 14 0123.', 'You can also chat with a staff member here. Would you like that? Please answer yes or no.']],
    ] as const) {
      const id = await saidAlready(l);
      expect({ asked, replies: await say(l, id, asked) }).toEqual({ asked, replies: expected });
      expect({ asked, handoffs: (await l.handoffs.list(['queued'])).filter((h) => h.conversationId === id) }).toEqual({ asked, handoffs: [] });
    }
    // "ja" to the chat: a person.
    const id = await saidAlready(l, 'kan ik nu bellen?');
    expect((await say(l, id, 'ja')).join(' ')).toContain('Ik zorg dat een medewerker u helpt');
    expect((await l.handoffs.list(['queued'])).filter((h) => h.conversationId === id)).toEqual([expect.objectContaining({ reason: 'explicit_request' })]);
  });

  it('answers "kan ik nu bellen?" while waiting for a chat with a person: yes, the number, and where the wait stands; the place stays', async () => {
    const l = await boot(TUESDAY);
    for (const [person, asked, expected, place] of [
      ['ik wil een medewerker spreken', 'kan ik nu bellen?', 'Ja, dat kan. Nu zijn we open, vandaag tot 17.00 uur. Bel ons op 14 0123.', /wachtrij/],
      ['I want to talk to a person', 'can I call now?', 'Yes, you can. We are open now, today until 17:00. Call us on 14 0123.', /queue/],
    ] as const) {
      const id = await saidAlready(l, person);
      const before = (await l.store.listActivities(id, 0, 1000)).length;
      expect({ asked, replies: await say(l, id, asked) }).toEqual({ asked, replies: [expected] });
      let after: string[] = [];
      for (let i = 0; i < 50 && !after.some((t) => place.test(t)); i++) {
        await new Promise((r) => setTimeout(r, 20));
        after = (await l.store.listActivities(id, 0, 1000)).slice(before).map((a) => a.activity).filter((a) => a.type === 'message' && a.from?.id !== 'citizen').map((a) => a.text ?? '');
      }
      expect({ asked, after }).toEqual({ asked, after: expect.arrayContaining([expect.stringMatching(place)]) });
      expect({ asked, handoffs: (await l.handoffs.list(['queued'])).filter((h) => h.conversationId === id).map((h) => h.reason) }).toEqual({ asked, handoffs: ['explicit_request'] });
    }
  });

  it('says we are closed, when we open, and offers to call back while closed, in Dutch and in English', async () => {
    const l = await boot(SATURDAY);
    for (const [asked, expected] of [
      ['kan ik nu bellen?', /^We zijn nu gesloten\. We zijn weer open op maandag 30 november om 8\.30 uur\. Zullen we u terugbellen\?/],
      ['can I call now?', /^We are closed now\. We open again on Monday 30 November at 08:30\. Shall we call you back\?/],
    ] as const) {
      const id = await saidAlready(l);
      const replies = await told(l, id, asked);
      expect({ asked, replies }).toEqual({ asked, replies: [expect.stringMatching(expected)] });
      expect({ asked, handoffs: (await l.handoffs.list(['queued'])).filter((h) => h.conversationId === id).map((h) => h.reason) }).toEqual({ asked, handoffs: ['explicit_request'] });
    }
  });

  it('gives the crisis line again with the callback offer after a crisis while closed: nobody of ours answers before Monday', async () => {
    const l = await boot(SATURDAY);
    for (const [said, expected] of [
      ['ik wil niet meer leven', /^We zijn nu gesloten\. We zijn weer open op maandag 30 november om 8\.30 uur\. Wacht dus niet op ons: bel nu 113\. Zullen wij u ook terugbellen/],
      ['i dont want to live anymore', /^We are closed now\. We open again on Monday 30 November at 08:30\. So please do not wait for us: call 113 now\. Shall we also call you back/],
    ] as const) {
      const id = await saidAlready(l);
      expect({ said, told: await toldUntil(l, id, said, expected) }).toEqual({ said, told: expect.arrayContaining([expect.stringMatching(expected)]) });
      // Asked again while waiting: still the crisis line, not only when we open (nor the assistant introducing itself).
      const again = await toldUntil(l, id, 'hallo? is daar iemand', /113/);
      expect({ said, again }).toEqual({ said, again: [expect.stringMatching(/^U staat in de wachtrij\. We zijn nu gesloten\..*113/)] });
    }
  });
});
