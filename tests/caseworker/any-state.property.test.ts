/**
 * Property: wherever a conversation is (in the middle of a case question, halfway through the
 * verification, after a fallback, while already waiting), "ik wil een medewerker spreken" leads to
 * a handoff within that one turn. Random citizen histories, the real service.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Loket } from '../../src/server/loket.ts';
import { ASK_PERSON, startLoket } from './helpers.ts';

const POOL = {
  caseQuestion: ['hoe staat het met mijn aanvraag', 'wanneer krijg ik een besluit over mijn vergunning', 'is mijn uitkering al toegekend?', 'hoe ver is mijn bezwaar'],
  caseNumber: ['Z-2026-000123', 'z2026000456', 'zaak 2026-000789', 'Z-2025-004242', 'Z-2026-999999', 'mijn zaak is Z-2026-000124'],
  postcode: ['1234 AB', '5678CD', '9012 ef', '9999 ZZ'],
  date: ['15-03-1980', '1 juli 1992', '29-02-1968', '30-11-1975', '31-12-2000', '1980-03-15'],
  social: ['hallo', 'goedemorgen', 'dank u wel', 'doei', 'ok', 'ja', 'nee'],
  other: ['wat zijn de openingstijden', 'ik wil bezwaar maken', 'welke papieren moet ik opsturen', 'mijn IBAN is veranderd', 'wanneer wordt er betaald'],
  why: ['waarom?'],
};

const message = fc.oneof(
  ...Object.values(POOL).map((texts) => fc.constantFrom(...texts)),
  fc.string({ unit: 'grapheme-ascii', minLength: 1, maxLength: 40 }).filter((s) => s.trim().length > 0),
);

let loket: Loket;
beforeAll(async () => {
  loket = await startLoket();
});
afterAll(() => loket?.close());

describe('asking for a person from any state of the dialogs', () => {
  it('always leads to a handoff within one turn', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(message, { maxLength: 7 }), async (history) => {
        const c = await loket.service.open({ channel: 'web', welcome: true });
        for (const text of history) await loket.service.receive(c.id, { type: 'message', from: { id: 'u1' }, text });
        const { replies } = await loket.service.receive(c.id, { type: 'message', from: { id: 'u1' }, text: ASK_PERSON });
        const open = await loket.store.handoffs.openFor(c.id);
        const justCreated = replies.some((s) => s.activity.type === 'event' && s.activity.name === 'handoff.initiate');
        expect(open !== null || justCreated, `no handoff after ${JSON.stringify(history)}`).toBe(true);
        // The citizen is told something in that turn, never left without an answer.
        const later = await loket.service.activities(c.id, 0);
        const citizenAt = later.activities.map((s) => s.activity.from.role === 'user');
        const last = citizenAt.lastIndexOf(true);
        expect(later.activities.slice(last + 1).some((s) => s.activity.type === 'message' && s.activity.text)).toBe(true);
      }),
      { numRuns: 50 },
    );
  }, 60_000);
});
