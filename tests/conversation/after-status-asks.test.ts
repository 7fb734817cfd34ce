/**
 * Short questions right after a case's status, found wrong by hand through a real Loket with the real
 * recognizer: "ok en als ik het er niet mee eens ben?" got "Dat kan ik niet beantwoorden" (the
 * classifier placed it nowhere), and "moet ik nog iets betalen?" after the parking permit's status got
 * when the municipality pays benefits (now that permit's fees, as "wat kost dat?" gets them).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Loket } from '../../src/server/loket.ts';
import { DORMER, PARKING, saidAfter, startLoket } from '../support/loket.ts';

let loket: Loket;
beforeAll(async () => {
  loket = await startLoket();
});
afterAll(async () => {
  await loket.close();
});

const BENEFIT = ['status Z-2026-000456', '5678 CD 01-07-1992']; // granted, paid from 1 December
const after = (before: string[], asked: string) => saidAfter(loket, before, asked);

describe('"en als ik het er niet mee eens ben?": objecting', () => {
  it('while the case is still being decided: objecting waits for the decision', async () => {
    for (const asked of ['ok en als ik het er niet mee eens ben?', 'wat als ik het niet eens ben', 'en als ik het oneens ben']) {
      const said = await after([DORMER], asked);
      expect({ asked, said }).toEqual({ asked, said: expect.stringMatching(/^Over uw aanvraag is nog geen besluit\. Bezwaar maken kan pas als er een besluit is\./) });
    }
  });

  it('after a decision: how to object, and no crisis check-in', async () => {
    // A granted decision: objecting only makes sense when it is not what was asked (found-wrong-followups-2).
    for (const asked of ['wat als ik het niet eens ben', 'en als ik het er niet mee eens ben']) {
      const said = await after([PARKING], asked);
      expect({ asked, said }).toEqual({ asked, said: expect.stringMatching(/^U krijgt wat u heeft aangevraagd\. Bezwaar maken helpt dan alleen als het besluit niet is wat u vroeg\..*binnen 6 weken/) });
      expect(said).not.toMatch(/\b113\b|gaat het goed/i);
    }
    expect(await after(BENEFIT, 'what if i dont agree')).toMatch(/^You get what you applied for\. Objecting only helps if the decision is not what you asked for\./);
  });

  it('asked with nothing before it, too', async () => {
    expect(await after([], 'wat als ik het er niet mee eens ben')).toMatch(/^Bent u het niet eens met een besluit\?/);
  });
});

describe('"moet ik nog iets betalen?" right after a status: what that kind of case costs, not when benefits are paid', () => {
  it('after a permit granted or being decided: that permit\'s fees', async () => {
    for (const asked of ['moet ik nog iets betalen', 'moet ik dan iets betalen']) {
      const said = await after([PARKING], asked);
      expect({ asked, said }).toEqual({ asked, said: expect.stringMatching(/^Wat een parkeervergunning kost, staat op www\.voorbeeld\.nl\/parkeren\./) });
    }
    const said = await after([DORMER], 'moet ik nu iets betalen?');
    expect(said).toMatch(/^Wat een omgevingsvergunning kost \(de leges\).*U krijgt de rekening na het besluit\./);
    expect(said).not.toMatch(/Een uitkering betalen we/);
  });

  it('after a benefit\'s status, and with nothing before it: what costs what in general', async () => {
    expect(await after(BENEFIT, 'do i still have to pay anything')).toMatch(/^What it costs depends on what you apply for\./);
    expect(await after([], 'moet ik nog iets betalen')).toMatch(/^Wat het kost, hangt af van wat u aanvraagt\./);
  });

  it('"wanneer krijg ik het geld?" still gets the payment date of the case', async () => {
    expect(await after(BENEFIT, 'wanneer krijg ik het geld')).toMatch(/^In uw zaak Z-2026-000456 staat: Eerste betaling op 1 december 2026\./);
  });
});
