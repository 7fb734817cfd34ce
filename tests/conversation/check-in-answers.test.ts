/**
 * Not saying whether all is well, as the answer to the check-in ("gaat het goed met u?"): the crisis line
 * and a person, as a yes. The learned model used to read a crisis in "dat wil ik niet zeggen" itself, kept
 * back unless the check-in had just been asked; retrained with word pairs at 1.0 it no longer does, and
 * the answer got "Ik zie geen zaaknummer in uw bericht". Now the dialog reads it (concern.ts notSaying).
 */
import { describe, expect, it } from 'vitest';
import type { Loket } from '../../src/server/loket.ts';
import { say, saidAlready } from '../support/loket.ts';
import { useLoket } from '../support/use-loket.ts';

let loket: Loket;
useLoket((started) => (loket = started));

// The model leans to a crisis here without finding one: the case number is asked, then the check-in.
const WORRIED = 'wanneer is de beslissing? het moet voor vrijdag anders is het voorbij met mij';
const CHECK_IN = /gaat het goed met u\?.*113/;

async function afterCheckIn(): Promise<string> {
  const id = await saidAlready(loket);
  const replies = await say(loket, id, WORRIED);
  expect(replies.at(-1)).toMatch(CHECK_IN);
  return id;
}

describe('an answer to the check-in that does not say', () => {
  it.each(['dat wil ik niet zeggen', 'geef ik liever niet', 'Dat zeg ik liever niet.', 'I would rather not say', "i don't want to talk about it"])('"%s" gets the crisis line and a person', async (answer) => {
    const id = await afterCheckIn();
    const replies = await say(loket, id, answer);
    expect(replies.join(' ')).toMatch(/113.*112/);
    const queued = (await loket.handoffs.list(['queued'])).filter((h) => h.conversationId === id);
    expect(queued.map((h) => h.reason)).toEqual(['distress']);
  });

  it('is only the answer to the check-in: the same words elsewhere are no crisis, and a no to the offer is a no', async () => {
    const id = await saidAlready(loket, 'hoe staat het met mijn aanvraag');
    await say(loket, id, 'dat wil ik niet zeggen');
    expect((await loket.handoffs.list(['queued'])).filter((h) => h.conversationId === id)).toEqual([]);
    const checked = await afterCheckIn();
    expect((await say(loket, checked, 'nee hoeft niet')).join(' ')).not.toMatch(/113/);
    expect((await loket.handoffs.list(['queued'])).filter((h) => h.conversationId === checked)).toEqual([]);
  });
});
