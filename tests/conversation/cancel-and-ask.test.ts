/**
 * "Laat maar, wat is de status van Z-2026-000123?" while waiting for a person: out of the queue, and the
 * question in the same message answered (its case number kept, not asked again). A cancel alone still
 * only cancels, and a wait for a crisis is still not ended by it. Through a real Loket, open hours.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { fixedClock } from '../../src/clock.ts';
import type { Loket } from '../../src/server/loket.ts';
import { OPEN_TUESDAY as TUESDAY, saidAlready, say, startLoket } from '../support/loket.ts';

let loket: Loket | undefined;
afterEach(async () => {
  await loket?.close();
  loket = undefined;
});

async function queuedConversation(l: Loket, first: string): Promise<string> {
  const id = await saidAlready(l, first);
  for (let i = 0; i < 50 && !(await l.handoffs.list(['queued'])).some((h) => h.conversationId === id); i++) await new Promise((r) => setTimeout(r, 20));
  return id;
}
const queuedFor = async (l: Loket, id: string) => (await l.handoffs.list(['queued'])).filter((h) => h.conversationId === id);
async function settled(l: Loket, id: string): Promise<void> {
  for (let i = 0; i < 50 && (await queuedFor(l, id)).length > 0; i++) await new Promise((r) => setTimeout(r, 20));
}

describe('a cancel with a question in the same message', () => {
  it('leaves the queue and goes on with the question: the case number is kept, then the status', async () => {
    loket = await startLoket({ LOKET_OFFICE_HOURS: 'mon-fri 08:30-17:00' }, { clock: fixedClock(TUESDAY) });
    for (const [person, cancel, ask, done] of [
      ['ik wil een medewerker spreken', 'laat maar, wat is de status van Z-2026-000123', /^Goed, u staat niet meer in de wachtrij\.$/, /postcode/i],
      ['I want to talk to a person', 'never mind, what is the status of Z-2026-000123?', /^All right, you are no longer in the queue\.$/, /postcode/i],
    ] as const) {
      const id = await queuedConversation(loket, person);
      expect(await queuedFor(loket, id)).toHaveLength(1);
      const replies = await say(loket, id, cancel);
      expect({ cancel, replies }).toEqual({ cancel, replies: [expect.stringMatching(ask), expect.stringMatching(done)] });
      expect(replies.join(' ')).not.toMatch(/zaaknummer|case number/i);
      await settled(loket, id);
      expect(await queuedFor(loket, id)).toEqual([]);
      const status = await say(loket, id, '1234 AB 15-03-1980');
      expect({ cancel, status: status.join(' ') }).toEqual({ cancel, status: expect.stringMatching(/welstandscommissie|aesthetics committee/i) });
    }
  });

  it('a cancel alone still only cancels, with "wat wilt u weten?"; after a crisis the wait stays', async () => {
    loket = await startLoket({ LOKET_OFFICE_HOURS: 'mon-fri 08:30-17:00' }, { clock: fixedClock(TUESDAY) });
    const id = await queuedConversation(loket, 'ik wil een medewerker spreken');
    expect(await say(loket, id, 'laat maar')).toEqual(['Goed, u staat niet meer in de wachtrij. Ik help u weer. Wat wilt u weten?']);
    const crisis = await queuedConversation(loket, 'ik wil niet meer leven');
    const stays = await say(loket, crisis, 'laat maar, wat is de status van Z-2026-000123');
    expect(stays.join(' ')).toMatch(/U blijft in de wachtrij\..*113/);
    expect(await queuedFor(loket, crisis)).toHaveLength(1);
  });
});
