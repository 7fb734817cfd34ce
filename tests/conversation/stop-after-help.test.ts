/**
 * "stop" right after a bare cry for help ("help", then the offer of a person and the crisis lines), or
 * after the check-in ("gaat het goed met u?"), through a real Loket: before, "Tot ziens!" and "Hoe
 * tevreden bent u over dit gesprek?", as if the contact had gone well. Now the assistant stops, says a
 * person is still there and how to reach one, gives the crisis lines once more, and asks no score; a later
 * goodbye asks it as usual. "stop" elsewhere is unchanged.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Loket } from '../../src/server/loket.ts';
import { saidAlready, say, startLoket } from '../support/loket.ts';

let loket: Loket;
beforeAll(async () => {
  loket = await startLoket();
});
afterAll(async () => {
  await loket.close();
});

const STOPPED = /^Goed, dan stop ik hier\. Heeft u later toch hulp nodig\?.*typ medewerker, of bel 14 0123\. Bent u in gevaar\? Bel 112\. Denkt u aan zelfdoding\? Bel 113/;

describe('"stop" right after a cry for help', () => {
  it('stops without a goodbye or a score, and says how to reach a person and the crisis lines', async () => {
    for (const [cry, stop] of [['help', 'stop'], ['HELP', 'STOP'], ['help!', 'ik wil stoppen'], ['help', 'nee stop']] as const) {
      const id = await saidAlready(loket, cry);
      const replies = await say(loket, id, stop);
      expect({ cry, stop, replies }).toEqual({ cry, stop, replies: [expect.stringMatching(STOPPED)] });
      expect((await loket.handoffs.list(['queued'])).filter((h) => h.conversationId === id)).toEqual([]);
    }
    expect(await say(loket, await saidAlready(loket, 'help'), 'stop')).not.toContainEqual(expect.stringMatching(/Tot ziens|cijfer van 1/));
    // With an "ok" between, which asks the offer once more: got "Tot ziens!" and the score question.
    expect(await say(loket, await saidAlready(loket, 'help', 'ok'), 'stop')).toEqual([expect.stringMatching(STOPPED)]);
  });

  it('in English too', async () => {
    expect(await say(loket, await saidAlready(loket, 'what are your opening hours?', 'help me'), 'stop')).toEqual([expect.stringMatching(/^All right, I will stop here\..*Call 112\./)]);
  });

  it('after the check-in ("gaat het goed met u?") the same', async () => {
    const id = await saidAlready(loket, 'Z-2026-000123 1234 AB 15-03-1980', 'waarom is het nog niet klaar');
    expect(await say(loket, id, 'stop')).toEqual([expect.stringMatching(STOPPED)]);
  });

  it('asks the score at a later goodbye, and a yes to a person still gets one', async () => {
    const id = await saidAlready(loket, 'help', 'stop');
    expect((await say(loket, id, 'doei')).join(' ')).toContain('cijfer van 1');
    const other = await saidAlready(loket, 'help');
    await say(loket, other, 'ja');
    expect((await loket.handoffs.list(['queued'])).some((h) => h.conversationId === other)).toBe(true);
  });

  it('leaves "stop" elsewhere as it was: a goodbye after an answer, leaving the case question', async () => {
    expect((await say(loket, await saidAlready(loket, 'wat zijn jullie openingstijden'), 'stop')).join(' ')).toContain('Tot ziens');
    expect((await say(loket, await saidAlready(loket, 'wat is de status van mijn aanvraag'), 'stop')).join(' ')).not.toContain('Tot ziens');
  });
});
