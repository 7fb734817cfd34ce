/**
 * Guessing across conversations (src/cases/guard.ts), through a real Loket with the real recognizer:
 * three wrong tries lock a case in one conversation, and a new conversation must not start the count
 * afresh for the case number: after 10 failed checks in an hour, in any conversations, the number is
 * not checked at all until that hour has passed, not even with the right facts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../src/clock.ts';
import { GUARD_FAILURES } from '../../src/cases/guard.ts';
import type { Loket } from '../../src/server/loket.ts';
import { say, startLoket } from '../support/loket.ts';

const clock = fixedClock('2026-11-30T10:00:00.000Z');
let loket: Loket;
beforeAll(async () => {
  loket = await startLoket({ LOKET_TIMEZONE: 'Europe/Amsterdam' }, { clock });
});
afterAll(async () => {
  await loket.close();
});

const RIGHT = '1234 AB 15-03-1980';
const STATUS = /advies welstandscommissie gevraagd/;

async function open(): Promise<string> {
  return (await loket.service.open({ channel: 'web', welcome: true })).id;
}

/** Conversations of three wrong birth dates each, until `failures` checks of `caseNumber` failed. */
async function guess(caseNumber: string, failures: number): Promise<void> {
  let day = 1;
  while (failures > 0) {
    const id = await open();
    await say(loket, id, `hoe staat het met ${caseNumber}`);
    for (let i = 0; i < 3 && failures > 0; i++, failures--) await say(loket, id, `1234 AB ${String(day++).padStart(2, '0')}-01-1970`);
  }
}

describe('failed checks of a case number, counted over all conversations', () => {
  it('holds the number back after 10 failures in an hour, also with the right facts, and tells nothing of them', async () => {
    clock.set('2026-11-30T10:00:00.000Z');
    const before = await open();
    await say(loket, before, 'hoe staat het met Z-2026-000123');
    expect((await say(loket, before, RIGHT)).join(' ')).toMatch(STATUS);

    await guess('Z-2026-000123', GUARD_FAILURES - 1);
    // Nine: the right facts in a new conversation still get the status.
    const ninth = await open();
    await say(loket, ninth, 'hoe staat het met Z-2026-000123');
    expect((await say(loket, ninth, RIGHT)).join(' ')).toMatch(STATUS);

    clock.advance(60_000);
    await guess('Z-2026-000123', 1);
    const id = await open();
    await say(loket, id, 'hoe staat het met Z-2026-000123');
    const held = (await say(loket, id, RIGHT)).join(' ');
    expect(held).not.toMatch(STATUS);
    expect(held).toMatch(/^Voor zaak Z-2026-000123 zijn te vaak gegevens gestuurd die niet klopten\. .* tot 12\.00 uur niet opzoeken\. Een medewerker kan u wel helpen/);
    expect((await say(loket, id, 'waarom?')).join(' ')).toMatch(/10 keer .* Ik heb uw gegevens nu dus niet gecontroleerd/);
    // The conversation that proved the case before is not held back; another case is not either.
    expect((await say(loket, before, 'en hoe staat het nu met Z-2026-000123?')).join(' ')).toMatch(STATUS);
    const other = await open();
    await say(loket, other, 'hoe staat het met Z-2026-000124');
    expect((await say(loket, other, RIGHT)).join(' ')).toMatch(/Besluit genomen: toegekend/);
    // Asked for a person, the citizen gets one.
    await say(loket, id, 'medewerker');
    expect((await loket.handoffs.list(['queued'])).filter((h) => h.conversationId === id)).toHaveLength(1);

    // An hour after the first of the ten (and no more failures since): checked again.
    clock.advance(60 * 60_000);
    const after = await open();
    await say(loket, after, 'hoe staat het met Z-2026-000123');
    expect((await say(loket, after, RIGHT)).join(' ')).toMatch(STATUS);
  });

  it('holds back a number that does not exist the same way, so the lock tells nothing of which numbers exist', async () => {
    clock.set('2026-11-30T15:00:00.000Z');
    await guess('Z-2026-999999', GUARD_FAILURES);
    const id = await open();
    await say(loket, id, 'hoe staat het met Z-2026-999999');
    expect((await say(loket, id, RIGHT)).join(' ')).toMatch(/^Voor zaak Z-2026-999999 zijn te vaak gegevens gestuurd die niet klopten\./);
  });

  it('counts checks sent at the same moment in many conversations: no more than 10 get past the count', async () => {
    clock.set('2026-12-01T09:00:00.000Z');
    const ids = await Promise.all(Array.from({ length: 30 }, () => open()));
    await Promise.all(ids.map((id) => say(loket, id, 'hoe staat het met Z-2026-000124')));
    const replies = await Promise.all(ids.map((id, i) => say(loket, id, `1234 AB ${String(i + 1).padStart(2, '0')}-01-1970`)));
    const checked = replies.filter((r) => /komen niet overeen/.test(r.join(' '))).length;
    const held = replies.filter((r) => /zijn te vaak gegevens gestuurd/.test(r.join(' '))).length;
    expect({ checked, held }).toEqual({ checked: GUARD_FAILURES, held: 30 - GUARD_FAILURES });
  });

  it('does not count facts already proved in the conversation, tried on another number', async () => {
    clock.set('2026-11-30T18:00:00.000Z');
    for (let i = 0; i < GUARD_FAILURES; i++) {
      const id = await open();
      await say(loket, id, 'hoe staat het met Z-2026-000123');
      await say(loket, id, RIGHT);
      // Not this person's case: the proved facts do not match it, but guess nothing.
      await say(loket, id, 'en Z-2026-000456?');
    }
    const id = await open();
    await say(loket, id, 'hoe staat het met Z-2026-000456');
    expect((await say(loket, id, '5678 CD 01-07-1992')).join(' ')).toMatch(/Eerste betaling op 1 december 2026/);
  });
});
