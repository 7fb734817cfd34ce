/**
 * The first answer to a special situation names no feeling the citizen did not name: frustration is
 * also disappointment or impatience, and "ik ben niet boos, wel teleurgesteld" was answered with
 * "Ik begrijp dat u boos bent". Through a real Loket with the real recognizer.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Loket } from '../../src/server/loket.ts';
import { saidAlready, say, startLoket } from '../support/loket.ts';
import { atWork } from '../support/at-work.ts';

let loket: Loket;
beforeAll(async () => {
  loket = await startLoket();
  await atWork(loket);
});
afterAll(async () => {
  await loket.close();
});

describe('the acknowledgement of frustration', () => {
  it('says sorry and that a person looks at it, without telling a disappointed or impatient citizen they are angry', async () => {
    for (const [text, sorry] of [
      ['ik ben niet boos maar wel teleurgesteld, dit duurt al 3 maanden', /^Het spijt me dat het zo loopt\..*Een medewerker kijkt persoonlijk naar uw vraag\.$/],
      ['ik ben echt teleurgesteld in jullie, dit duurt veel te lang', /^Het spijt me dat het zo loopt\./],
      ['I am not angry, just disappointed. This has taken three months', /^I am sorry about how this has gone\..*A person will look at your question personally\.$/],
    ] as const) {
      const id = await saidAlready(loket);
      const replies = (await say(loket, id, text)).join(' ');
      const reasons = (await loket.handoffs.list(['queued'])).filter((h) => h.conversationId === id).map((h) => h.reason);
      expect(reasons, text).toEqual(['frustration']);
      expect(replies, text).toMatch(sorry);
      expect(replies, text).not.toMatch(/\bboos\b|\bangry\b/i);
    }
  });
});
