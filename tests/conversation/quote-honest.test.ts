/**
 * "In mijn antwoord staat: …" only for what that answer said. A follow-up right after one answer may be
 * answered by the same topic's answer in another intent (after the fees of a driving licence, "moet ik
 * een pasfoto meenemen?" from the driving licence answer): found by probing, it got "In mijn antwoord
 * staat: Neem mee: …", a sentence the citizen had not been shown.
 */
import { describe, expect, it } from 'vitest';
import type { Loket } from '../../src/server/loket.ts';
import { saidAfter } from '../support/loket.ts';
import { useLoket } from '../support/use-loket.ts';

let loket: Loket;
useLoket((started) => (loket = started));

describe('a sentence from the same topic\'s other answer is said as itself, not as "in my answer"', () => {
  it('after the driving licence\'s fees: what to bring and how long it takes, from the driving licence answer', async () => {
    const bring = await saidAfter(loket, ['wat kost een rijbewijs verlengen'], 'moet ik een pasfoto meenemen?');
    expect(bring).toMatch(/^Neem mee: .*pasfoto/);
    expect(bring).not.toMatch(/In mijn antwoord/);
    const time = await saidAfter(loket, ['wat kost een rijbewijs verlengen'], 'hoe lang duurt het');
    expect(time).toMatch(/^Ongeveer 5 werkdagen/);
    expect(time).not.toMatch(/In mijn antwoord/);
    const en = await saidAfter(loket, ['how much does renewing a driving licence cost'], 'how long does it take');
    expect(en).not.toMatch(/My answer says/);
  });

  it('a sentence of the answer just given is still quoted as such', async () => {
    expect(await saidAfter(loket, ['ik wil bezwaar maken'], 'hoe lang heb ik daarvoor')).toMatch(/^In mijn antwoord staat: Doe dat binnen 6 weken/);
    expect(await saidAfter(loket, ['hoe verleng ik mijn rijbewijs'], 'hoe lang duurt het')).toMatch(/^In mijn antwoord staat: .*5 werkdagen/);
  });
});
