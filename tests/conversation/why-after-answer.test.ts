/**
 * "waarom?" right after an answer: what that answer rests on (lesson 4), also for the answers the
 * assistant gives by rule ("wat kan ik hier vragen?", "ben jij een robot?") and for the thanks after a
 * feedback score, which is the latest answer then, not the "Graag gedaan" before it. Through a real Loket.
 */
import { describe, expect, it } from 'vitest';
import type { Loket } from '../../src/server/loket.ts';
import { saidAlready, say } from '../support/loket.ts';
import { useLoket } from '../support/use-loket.ts';

let loket: Loket;
useLoket((started) => (loket = started));

describe('waarom? after an answer by rule', () => {
  it('explains the list of topics and the honest "computer program", naming the dialog, instead of "Ik heb nog geen antwoord gegeven"', async () => {
    for (const [asked, why, rests] of [
      ['wat kan ik hier vragen', 'waarom?', /^U vroeg wat u mij kunt vragen\. .* \(Voor een medewerker die dit nakijkt: gesprek "help", versie \w+\.\)$/],
      ['ben jij een robot', 'waarom?', /^U vroeg wie of wat ik ben\. U mag altijd weten of u met een mens of met een computer praat\. .*gesprek "help"/],
      ['wat is dit eigenlijk', 'waarom?', /^U vroeg wat deze chat is\. /],
      ['are you a bot', 'why?', /^You asked who or what I am\. .*dialog "help"/],
    ] as const) {
      const id = await saidAlready(loket, asked);
      const replies = await say(loket, id, why);
      expect({ asked, replies }).toEqual({ asked, replies: [expect.stringMatching(rests)] });
    }
  });

  it('still explains the answer before a nod ("ok"), which is no answer of its own', async () => {
    const id = await saidAlready(loket, 'wat kan ik hier vragen', 'ok');
    expect(await say(loket, id, 'waarom?')).toEqual([expect.stringMatching(/^U vroeg wat u mij kunt vragen\./)]);
  });
});

describe('waarom? after the thanks for a feedback score', () => {
  it('explains why the score was asked, not the "Graag gedaan" before the question', async () => {
    for (const score of ['4', '4 prima', 'overslaan']) {
      const id = await saidAlready(loket, 'wat zijn de openingstijden', 'bedankt', score);
      const replies = await say(loket, id, 'waarom?');
      expect({ score, replies }).toEqual({ score, replies: [expect.stringMatching(/^Ik vroeg om een cijfer, omdat de gemeente wil weten hoe de gesprekken in deze chat gaan\. .*gesprek "feedback"/)] });
    }
  });

  it('takes "nee hoor" after the thanks for the words with a score as a plain no, as after "Graag gedaan"', async () => {
    const id = await saidAlready(loket, 'wat zijn de openingstijden', 'bedankt', '4', 'snel geholpen');
    expect(await say(loket, id, 'nee hoor')).toEqual([expect.stringMatching(/^Tot ziens!/)]);
    expect((await loket.handoffs.list(['queued'])).filter((h) => h.conversationId === id)).toEqual([]);
  });
});
