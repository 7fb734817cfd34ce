/**
 * Wrong answers found by probing Dutch conversations (documents, moving, objecting), each right after an
 * answer: "wat kost een nieuwe" after travelling without a valid ID got when a benefit is paid.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Loket } from '../../src/server/loket.ts';
import { saidAfter, startLoket } from '../support/loket.ts';

let loket: Loket;
beforeAll(async () => {
  loket = await startLoket();
});
afterAll(async () => {
  await loket.close();
});

describe('the price of a new one, right after travelling without a valid passport or ID card', () => {
  it('is what the documents cost, not when a benefit is paid', async () => {
    for (const [before, asked] of [
      [['mijn id kaart is gestolen', 'kan ik intussen reizen'], 'hoeveel kost een nieuwe'],
      [['mijn paspoort is verlopen', 'kan ik nog op vakantie'], 'wat kost een nieuwe'],
      [['mijn paspoort is verlopen', 'kan ik nog op vakantie'], 'wat kost dat'],
    ] as const) {
      const said = await saidAfter(loket, before, asked);
      expect({ asked, said }).toEqual({ asked, said: expect.stringMatching(/^Wat een paspoort, ID-kaart of rijbewijs kost, staat op www\.voorbeeld\.nl\/leges/) });
    }
    expect(await saidAfter(loket, ['my passport has expired', 'can I still go on holiday'], 'how much is a new one')).toMatch(/^What a passport, ID card or driving licence costs/);
  });
});
