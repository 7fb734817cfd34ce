/**
 * Found wrong by talking to the demo (helper fn): "wanneer is het besluit" after a status repeated the whole status;
 * "ok and wat if its late" got "I cannot answer that"; a postcode corrected while the birth date was asked was taken
 * without a word and the same question came again; "kan ik het later nog eens proberen" after the lock got only "Ik
 * heb uw bericht bewaard" (or the crisis reply); "wat als ik ziek ben" after the bijstand status had no answer.
 * A crisis said beside each keeps its crisis line.
 */
import { describe, expect, it } from 'vitest';
import type { Loket } from '../../src/server/loket.ts';
import { saidAfter } from '../support/loket.ts';
import { eachSaidAfter } from '../support/said-after.ts';
import { useLoket } from '../support/use-loket.ts';

let loket: Loket;
useLoket((started) => (loket = started));

const CRISIS = /113/;
const DORMER = 'Z-2026-000123 1234 AB 15-03-1980'; // in progress, decision by 15 January 2027
const PARKING = 'Z-2026-000124 1234 AB 15-03-1980'; // granted
const BENEFIT = 'Z-2026-000456 5678 CD 01-07-1992'; // bijstand, granted
/** Three failed checks of `number`: locked. Ten over all conversations would hold the number back (src/cases/guard.ts): spread over numbers. */
const locked = (number: string): string[] => ['1990', '1991', '1992'].map((y) => `${number} 1234 AB 01-01-${y}`);

const eachAfter = (before: readonly string[], asked: readonly string[], said: RegExp, notSaid?: RegExp): Promise<void> => eachSaidAfter(loket, before, asked, said, notSaid);

describe('when the decision comes, and what if it is late, after a status', () => {
  it('"wanneer is het besluit": the dated sentence alone, not the whole status again', async () => {
    await eachAfter([DORMER], ['wanneer is het besluit', 'en wanneer is de beslissing?', 'wanneer beslissen jullie'], /^In uw zaak Z-2026-000123 staat: Besluit uiterlijk 15 januari 2027\.$/);
    await eachAfter([DORMER], ['and when is the decision', 'when will you decide?'], /^Your case Z-2026-000123 says \(in Dutch\): "Besluit uiterlijk 15 januari 2027\."$/);
    await eachAfter([PARKING], ['wanneer is het besluit genomen'], /^Het besluit is genomen op /);
  });

  it('"ok and wat if its late", "en als het te laat is": what to do when the date passes', async () => {
    await eachAfter([DORMER], ['ok and wat if its late', 'and what if its late'], /Still no decision on that date\? Then call 14 0123\./);
    await eachAfter([DORMER, 'wanneer is het besluit'], ['en als het te laat is', 'ok en wat als het laat is'], /Is er op die datum nog geen besluit\? Bel dan 14 0123\./);
  });

  it('a crisis beside it keeps its crisis line', async () => {
    expect(await saidAfter(loket, [DORMER], 'wanneer is het besluit ik wil dood')).toMatch(CRISIS);
    expect(await saidAfter(loket, [DORMER], 'ok and wat if its late i want to die')).toMatch(CRISIS);
  });
});

describe('a fact corrected while the other one is asked', () => {
  it('says it was changed, then asks again; not which fact was wrong', async () => {
    await eachAfter(['Z-2026-000123', '1234 AB'], ['nee sorry het is 1234 AC'], /^Dank u, dat heb ik aangepast\. Wat is uw geboortedatum\?/);
    await eachAfter(['Z-2026-000123', '15-03-1980'], ['sorry i meant 16-03-1980'], /^Thank you, I have changed that\. What is your postcode\?/);
    // The same postcode again is no change: it is there already (fq).
    await eachAfter(['Z-2026-000123', '1234 AB'], ['1234AB'], /^Die heb ik al, dank u\. Wat is uw geboortedatum\?/);
  });

  it('a crisis beside it keeps its crisis line', async () => {
    expect(await saidAfter(loket, ['Z-2026-000123', '1234 AB'], 'nee sorry het is 1234 AC ik wil dood')).toMatch(CRISIS);
  });
});

describe('trying again after the lock', () => {
  it('while waiting for the person: when it can be tried again, and the person', async () => {
    await eachAfter(locked('Z-2026-000123'), ['kan ik het later nog eens proberen', 'wanneer kan ik het weer proberen', 'kan ik het straks opnieuw proberen'], /^Ja\. Na \d{1,2}\.\d{2} uur kunt u het opnieuw proberen\.[^]*wachten op een medewerker(?![^]*113)/);
    await eachAfter(locked('Z-2026-000124'), ['can i try again later'], /^Yes\. After \d{1,2}:\d{2}[^]* you can try again\./);
  });

  it('out of the queue: when it can be tried again, or a person', async () => {
    await eachAfter([...locked('Z-2026-000124'), 'laat maar'], ['kan ik het later nog eens proberen'], /^Ja\. Na \d{1,2}\.\d{2} uur kunt u het opnieuw proberen\.[^]*Of vraag een medewerker\./);
  });

  it('a crisis beside it keeps its crisis line', async () => {
    expect(await saidAfter(loket, locked('Z-2026-000456'), 'kan ik het later nog eens proberen ik wil dood')).toMatch(CRISIS);
    expect(await saidAfter(loket, locked('Z-2025-004242'), 'can i try again later i want to die')).toMatch(CRISIS);
  });
});

describe('ill while on bijstand', () => {
  it('"wat als ik ziek ben" after the bijstand status: report it, the benefit goes on, an exemption', async () => {
    await eachAfter([BENEFIT], ['wat als ik ziek ben', 'en als ik ziek word?'], /^Bent u ziek\? Meld dat dan[^]*Uw bijstand gaat gewoon door\.[^]*artikel 9 lid 2/);
    await eachAfter([BENEFIT], ['what if i am sick', 'what if i get ill'], /^Are you ill\?[^]*Your benefit simply goes on\./);
  });

  it('a crisis beside it keeps its crisis line', async () => {
    expect(await saidAfter(loket, [BENEFIT], 'wat als ik ziek ben ik wil dood')).toMatch(CRISIS);
    expect(await saidAfter(loket, [BENEFIT], 'what if i am sick i want to die')).toMatch(CRISIS);
  });
});
