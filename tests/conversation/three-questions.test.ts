/**
 * Three questions in one message, through a real Loket with the real recognizer. Before, the third was
 * dropped without a word ("hoe laat zijn jullie open, wat kost een paspoort en hoe staat het met …"
 * got where to collect a passport and the case question; the price never came).
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Loket } from '../../src/server/loket.ts';
import { saidAlready, say, startLoket } from '../support/loket.ts';

let loket: Loket;
beforeAll(async () => {
  loket = await startLoket();
});
afterAll(async () => {
  await loket.close();
});

it('answers all three in the order asked, the case question last, and the case goes on from there', async () => {
  const id = await saidAlready(loket);
  const said = await say(loket, id, 'hoe laat zijn jullie open, wat kost een paspoort en hoe staat het met Z-2026-000123?');
  expect(said).toHaveLength(3);
  expect(said[0]).toMatch(/De balie is open van maandag tot en met vrijdag/);
  expect(said[1]).toMatch(/^Wat een paspoort, ID-kaart of rijbewijs kost/);
  expect(said[2]).toMatch(/postcode en uw geboortedatum/);
  expect((await say(loket, id, '1234 AB 15-03-1980')).join(' ')).toContain('Uw zaak Z-2026-000123');
});

it('in English too, three plain questions', async () => {
  const id = await saidAlready(loket);
  const said = await say(loket, id, 'what are your opening hours, how much is a passport and where do i send my payslips?');
  expect(said).toHaveLength(3);
  expect(said[1]).toMatch(/^What a passport, ID card or driving licence costs/);
  expect(said[2]).toMatch(/^Which documents you need/);
});
