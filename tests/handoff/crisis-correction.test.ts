/**
 * The pure parts of correcting a false crisis (src/handoff/crisis-correction.ts): which reason and
 * priority the handoff gets, which dialog records are relabelled (only the false alarm's, keeping what
 * they were), and that the sweep for forgotten requests still finds the corrected request carried.
 */
import { describe, expect, it } from 'vitest';
import { asHandoffReason, relabelledState, strongestOf } from '../../src/handoff/crisis-correction.ts';
import { carries } from '../../src/handoff/forgotten.ts';
import type { Evidence, Handoff } from '../../src/handoff/types.ts';
import { initialState } from '../../src/dialog/texts.ts';

const AT = '2026-11-24T09:00:00.000Z';
const chair: Evidence = { reason: 'distress', evidence: 'zie het niet meer zitten', at: AT };

describe('strongestOf', () => {
  it('gives the chosen reason its priority, unless stronger evidence is there; among equals the choice', () => {
    expect(strongestOf([{ ...chair, reason: 'frustration' }], 'frustration')).toEqual({ reason: 'frustration', priority: 3 });
    const bereaved: Evidence = { reason: 'bereavement', evidence: 'mijn man is overleden', at: AT };
    expect(strongestOf([bereaved, { ...chair, reason: 'frustration' }], 'frustration')).toEqual({ reason: 'bereavement', priority: 2 });
    const asked: Evidence = { reason: 'explicit_request', evidence: 'medewerker', at: AT };
    expect(strongestOf([asked, { ...chair, reason: 'complaint' }], 'complaint')).toEqual({ reason: 'complaint', priority: 3 });
  });

  it('takes "none" as a request for a person', () => {
    expect(asHandoffReason('none')).toBe('explicit_request');
    expect(asHandoffReason('vulnerability')).toBe('vulnerability');
  });
});

describe('relabelledState', () => {
  it('relabels only the records of the false alarm, and keeps what they were', () => {
    const earlier = { reason: 'distress' as const, evidence: 'ik wil niet meer leven', priority: 1, at: '2026-11-20T09:00:00.000Z' };
    const state = { ...initialState(), handoffs: [earlier, { reason: 'distress' as const, evidence: chair.evidence, priority: 1, at: AT, kind: 'housing' }] };
    const next = relabelledState(state, [chair], 'explicit_request');
    expect(next.handoffs).toEqual([earlier, { reason: 'explicit_request', evidence: chair.evidence, priority: 3, at: AT, kind: 'housing', correctedFrom: 'distress' }]);
    expect(state.handoffs[1]!.reason).toBe('distress');
    // Nothing of it there: the same state, so nothing is written.
    expect(relabelledState(next, [chair], 'explicit_request')).toBe(next);
  });
});

describe('carries (forgotten requests)', () => {
  it('finds a request whose crisis was corrected carried by its handoff', () => {
    const h = { evidence: [{ ...chair, reason: 'explicit_request', correctedFrom: 'distress' }] } as unknown as Handoff;
    expect(carries([h], { reason: 'distress', evidence: chair.evidence, priority: 1, at: AT })).toBe(true);
    expect(carries([h], { reason: 'distress', evidence: 'iets anders', priority: 1, at: AT })).toBe(false);
  });
});
