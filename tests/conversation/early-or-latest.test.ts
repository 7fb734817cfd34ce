/**
 * How early one may do something, and by when one must, right after the answer that says it. Found by
 * probing: after the move's answer ("U mag het ook al eerder doorgeven, tot 4 weken voor de
 * verhuisdatum"), "hoeveel dagen van tevoren mag dat" got when a benefit is paid, "hoe vroeg mag ik het
 * doorgeven?" and "wanneer moet ik het uiterlijk doorgeven" the whole answer again with the offer of a
 * person, and "how early can I do that" "what I know is in my answer above".
 */
import { describe, expect, it } from 'vitest';
import type { Loket } from '../../src/server/loket.ts';
import { saidAfter } from '../support/loket.ts';
import { useLoket } from '../support/use-loket.ts';

let loket: Loket;
useLoket((started) => (loket = started));

describe('how early, right after an answer that says how early', () => {
  it('quotes the sentence on reporting a move up to 4 weeks ahead, and only that one', async () => {
    for (const asked of ['hoeveel dagen van tevoren mag dat', 'hoe vroeg mag ik het doorgeven?', 'hoeveel weken van tevoren kan dat?']) {
      const said = await saidAfter(loket, ['ik ga verhuizen'], asked);
      expect({ asked, said }).toEqual({ asked, said: expect.stringMatching(/^In mijn antwoord staat: U mag het ook al eerder doorgeven, tot 4 weken voor de verhuisdatum\. Wilt/) });
    }
    expect(await saidAfter(loket, ["I'm moving house, how do I tell you"], 'how early can I do that')).toMatch(/^My answer says: You may also report it earlier, up to 4 weeks before the moving date\. Want/);
  });
});

describe('by when at the latest, right after an answer with a deadline', () => {
  it('quotes the deadline: 5 days after the move, 6 weeks after the letter', async () => {
    expect(await saidAfter(loket, ['ik ga verhuizen'], 'wanneer moet ik het uiterlijk doorgeven')).toMatch(/^In mijn antwoord staat: Doe dat binnen 5 dagen na uw verhuizing\. Wilt/);
    expect(await saidAfter(loket, ['ik wil bezwaar maken'], 'wanneer moet ik het uiterlijk doen')).toMatch(/^In mijn antwoord staat: Doe dat binnen 6 weken na de datum van de brief\. Wilt/);
  });

  it('keeps how long something takes its own answer', async () => {
    expect(await saidAfter(loket, ['wat kost een paspoort'], 'hoe lang duurt het')).toMatch(/^Ongeveer 5 werkdagen later/);
  });
});
