/**
 * Each message, said right after `before` (a new conversation each), gets a reply matching `said`, and
 * none matching `notSaid`; a failure names the message asked:
 *
 *   await eachSaidAfter(loket, ['wanneer wordt de bijstand betaald'], ['hoeveel?', 'en hoeveel?'], /Hoeveel u krijgt/);
 */
import { expect } from 'vitest';
import type { Loket } from '../../src/server/loket.ts';
import { saidAfter } from './loket.ts';

export async function eachSaidAfter(loket: Loket, before: readonly string[], asked: readonly string[], said: RegExp, notSaid?: RegExp): Promise<void> {
  for (const a of asked) {
    const got = await saidAfter(loket, before, a);
    expect({ asked: a, said: got }).toEqual({ asked: a, said: expect.stringMatching(said) });
    if (notSaid) expect({ asked: a, said: got }).not.toEqual({ asked: a, said: expect.stringMatching(notSaid) });
  }
}
