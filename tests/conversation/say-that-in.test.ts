/**
 * "Sorry, can you say that in English please?" right after an answer: the language switches and that
 * answer comes again in it (a case's status looked up again with the facts proved, with what it means;
 * an intent's answer from the dialogs). Found by stop 48's exploration, where it got "I cannot answer
 * that". With no answer before, only the switch. Through a real Loket.
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

describe('"say that in English" after an answer', () => {
  it('gives a case status again in English with what it means, and back in Dutch; verified once, no new check asked', async () => {
    loket = await startLoket({}, { clock: fixedClock(TUESDAY) });
    const id = await saidAlready(loket, 'hoe staat het met Z-2026-000123');
    expect((await say(loket, id, '1234 AB 15-03-1980')).join(' ')).toMatch(/^Uw zaak Z-2026-000123/);
    expect(await say(loket, id, 'sorry can you say that in english please')).toEqual([
      'Of course. I will answer in English from now on.',
      expect.stringMatching(/^Your case Z-2026-000123 .*This means: your application is not finished yet\./),
    ]);
    expect(await say(loket, id, 'kunt u dat in het nederlands zeggen?')).toEqual([
      'Natuurlijk. Ik antwoord vanaf nu in het Nederlands.',
      expect.stringMatching(/^Uw zaak Z-2026-000123 \(Omgevingsvergunning \(dakkapel\)\): In behandeling/),
    ]);
  });

  it('gives an intent\'s answer again in the other language; with no answer before, only the switch', async () => {
    loket = await startLoket({}, { clock: fixedClock(TUESDAY) });
    const id = await saidAlready(loket, 'wanneer krijg ik mijn bijstand');
    expect(await say(loket, id, 'can you say that in English?')).toEqual(['Of course. I will answer in English from now on.', expect.stringMatching(/^We usually pay benefits around the 1st of the month\./)]);
    const fresh = await saidAlready(loket, 'hallo');
    expect(await say(loket, fresh, 'can you say that in english')).toEqual(['Of course. I will answer in English from now on. What would you like to know?']);
  });

  it('switches for "kan ik mijn vraag ook in het Engels stellen?" and "can I ask my question in English?" without a person: the assistant speaks both', async () => {
    loket = await startLoket({}, { clock: fixedClock(TUESDAY) });
    for (const [asked, expected] of [
      ['kan ik mijn vraag ook in het Engels stellen?', 'Of course. I will answer in English from now on. What would you like to know?'],
      ['kunnen we dit gesprek in het Engels voeren?', 'Of course. I will answer in English from now on. What would you like to know?'],
      ['can I ask my question in English?', 'Of course. I will answer in English from now on. What would you like to know?'],
    ] as const) {
      const id = await saidAlready(loket);
      expect({ asked, replies: await say(loket, id, asked) }).toEqual({ asked, replies: [expected] });
      expect({ asked, handoffs: (await loket.handoffs.list(['queued'])).filter((h) => h.conversationId === id) }).toEqual({ asked, handoffs: [] });
    }
  });
});
