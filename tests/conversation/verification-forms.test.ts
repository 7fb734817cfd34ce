/**
 * The case number, postcode and birth date as citizens write them, found by talking to the demo: in one
 * message or three, in any order, with "geb" or "postcode" before them, a two-digit year with an
 * apostrophe ("15-3-'80"), a correction of one of them. Each gets the status, and nothing given is
 * asked again. Through a real Loket.
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

const STATUS_123 = /^Uw zaak Z-2026-000123 \(Omgevingsvergunning \(dakkapel\)\): In behandeling/;

describe('the facts of the case question, as they are written', () => {
  it('gives the status for the birth date with an apostrophe before a two-digit year, not the question for the birth date again', async () => {
    for (const facts of ["1234AB 15-3-'80", '1234 ab 15/03/’80', 'geb 15 mrt ’80 postcode 1234AB']) {
      const id = await saidAlready(loket, 'hoe staat het met mijn aanvraag', 'Z-2026-000123');
      const replies = await say(loket, id, facts);
      expect({ facts, replies }).toEqual({ facts, replies: [expect.stringMatching(STATUS_123)] });
    }
  });

  it('gives the status for the facts in any order and form, in one message or apart', async () => {
    for (const said of [
      ['zaak Z-2026-000123 postcode 1234AB geb 15 3 1980'],
      ['hoe staat het met mijn aanvraag', 'z2026000123', '1234 ab 15 03 1980'],
      ['hoe staat het met mijn aanvraag', 'Z-2026-000123', '15 mrt 1980', '1234ab'],
      ['hoe staat het met mijn aanvraag', 'Z 2026 000123', '1980-03-15 1234 AB'],
      ['hoe staat het met mijn aanvraag', 'Z-2026-000123', '1235AB 15-03-1980', 'sorry ik bedoel 1234AB'],
    ]) {
      const id = await saidAlready(loket, ...said.slice(0, -1));
      const replies = await say(loket, id, said.at(-1)!);
      expect({ said, replies }).toEqual({ said, replies: [expect.stringMatching(STATUS_123)] });
    }
  });
});

describe('a person asked for in the middle of the case question', () => {
  it('hands over for "kan ik niet gewoon iemand bellen?" or "can\'t i just talk to a person", whose "niet" is no denial, at each question of the flow', async () => {
    for (const [before, said] of [
      [['hoe staat het met mijn aanvraag'], 'kan ik niet gewoon iemand spreken'],
      [['hoe staat het met mijn aanvraag', 'Z-2026-000123'], 'kan ik niet gewoon iemand bellen?'],
      [['hoe staat het met mijn aanvraag', 'Z-2026-000123', '1234AB'], 'waarom kan ik niet even met een mens praten'],
      [['what is the status of my application', 'Z-2026-000123'], "can't i just talk to a person"],
    ] as const) {
      const id = await saidAlready(loket, ...before);
      const replies = (await say(loket, id, said)).join(' ');
      expect({ said, replies }).toEqual({ said, replies: expect.stringMatching(/^(Natuurlijk\. Ik zorg dat een medewerker u helpt\.|Of course\. I will make sure a person helps you\.)/) });
      const handoffs = (await loket.handoffs.list(['queued'])).filter((h) => h.conversationId === id);
      expect({ said, handoffs }).toEqual({ said, handoffs: [expect.objectContaining({ reason: 'explicit_request' })] });
    }
  });
});

describe('leaving the case question', () => {
  it('takes "nvm" (never mind, as an SMS writes it) as leaving the question, not as a message without a postcode', async () => {
    for (const [start, said, left] of [
      ['hoe staat het met mijn aanvraag', 'nvm', /^Goed, dan zoek ik het niet op\./],
      ['what is the status of my application', 'nvm', /^All right, I will not look it up\./],
    ] as const) {
      const id = await saidAlready(loket, start, 'Z-2026-000123');
      const replies = await say(loket, id, said);
      expect({ start, replies }).toEqual({ start, replies: [expect.stringMatching(left)] });
    }
  });

  it('takes "stop" (which alone reads as a goodbye) as leaving the question at each step, not "Tot ziens" and the feedback question', async () => {
    for (const [before, said, left] of [
      [['hoe staat het met mijn aanvraag'], 'stop', /^Goed, dan zoek ik het niet op\./],
      [['hoe staat het met mijn aanvraag', 'Z-2026-000123'], 'STOP', /^Goed, dan zoek ik het niet op\./],
      [['hoe staat het met mijn aanvraag', 'Z-2026-000123'], 'stoppen', /^Goed, dan zoek ik het niet op\./],
      [['what is the status of my application'], 'stop', /^All right, I will not look it up\./],
    ] as const) {
      const id = await saidAlready(loket, ...before);
      const replies = await say(loket, id, said);
      expect({ before, said, replies }).toEqual({ before, said, replies: [expect.stringMatching(left)] });
    }
  });

  it('still takes "stop" after an answer, with no question open, as a goodbye', async () => {
    const id = await saidAlready(loket, 'wat zijn de openingstijden');
    expect(await say(loket, id, 'stop')).toEqual([expect.stringMatching(/^Tot ziens!/), expect.stringContaining('cijfer van 1')]);
  });
});
