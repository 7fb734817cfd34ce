/**
 * `concern`: the crisis model leaning to distress without finding it (between the distress lexicon's
 * model_concern_threshold and model_threshold). No handoff; the dialog asks once whether all is well
 * (tests/dialog/concern.test.ts). Measured on the labelled sets that were read (the sealed sets are
 * left alone): how many crises the parse misses get a concern, and how many messages without any
 * special situation get one they did not need.
 */
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Recognizer } from '../../src/nlu/index.ts';
import { readHeldout, type LabelledSet } from './heldout.ts';
import { sharedRecognizer } from './helpers.ts';

let recognizer: Recognizer;
beforeAll(async () => {
  recognizer = await sharedRecognizer();
});

const READ_SETS = [...new Set(readdirSync(fileURLToPath(new URL('.', import.meta.url)))
  .filter((f) => f.endsWith('.ndjson') && !f.startsWith('sealed'))
  .map((f) => f.split('.')[0]!))] as LabelledSet[];

describe('NLU: a message that leans to a crisis', () => {
  it('has a concern, with the sentence that worried the model, and no handoff', () => {
    const r = recognizer.parse('wanneer is de beslissing? het moet voor vrijdag anders is het voorbij met mij');
    expect(r.handoffs).toEqual([]);
    expect(r.intent.name).toBe('case_status');
    expect(r.concern).toMatchObject({ reason: 'distress', evidence: 'het moet voor vrijdag anders is het voorbij met mij' });
    expect(r.concern!.probability).toBeGreaterThanOrEqual(0.35);
    expect(r.concern!.probability).toBeLessThan(0.61);
  });

  it('has none on a plain question, and none beside a crisis that was found', () => {
    expect(recognizer.parse('wat zijn jullie openingstijden').concern).toBeUndefined();
    expect(recognizer.parse('when can I collect my passport').concern).toBeUndefined();
    // Not having the number or letter at hand, said to the question for it.
    for (const text of ['dont have the number', 'i dont have the letter', 'I do not have a code']) expect({ text, concern: recognizer.parse(text).concern }).toEqual({ text, concern: undefined });
    const crisis = recognizer.parse('ik wil niet meer leven');
    expect(crisis.handoff?.reason).toBe('distress');
    expect(crisis.concern).toBeUndefined();
  });

  it('covers at least half of the crises the read sets miss, at a concern on at most 3% of their everyday messages', () => {
    let missed = 0;
    let missedWithConcern = 0;
    let plain = 0;
    let plainWithConcern = 0;
    for (const set of READ_SETS) {
      for (const lang of ['nl', 'en'] as const) {
        for (const item of readHeldout(lang, set)) {
          const r = recognizer.parse(item.text);
          const concern = r.concern?.reason === 'distress';
          if (item.handoff === 'distress' && !r.handoffs.some((s) => s.reason === 'distress')) {
            missed += 1;
            if (concern) missedWithConcern += 1;
          } else if (item.handoff === null && r.handoffs.length === 0) {
            plain += 1;
            if (concern) plainWithConcern += 1;
          }
        }
      }
    }
    console.log(`concern on the read sets (${READ_SETS.length} sets): ${missedWithConcern} of ${missed} missed crises, ${plainWithConcern} of ${plain} messages without a situation (${((100 * plainWithConcern) / plain).toFixed(1)}%)`);
    expect(missedWithConcern / missed).toBeGreaterThanOrEqual(0.5);
    expect(plainWithConcern / plain).toBeLessThanOrEqual(0.03);
  });
});
