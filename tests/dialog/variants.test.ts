import { describe, expect, it } from 'vitest';
import { loadDialogSet } from '../../src/dialog/loader.ts';
import type { AnswerVariant, DialogSet, IntentDef } from '../../src/dialog/types.ts';
import { followUpVariant, topicElsewhere, unsureVariant, variantFor } from '../../src/dialog/variant-choice.ts';

const dialogs = loadDialogSet('dialogs');

/** The same dialog set with the variants of `intentId` in another order (`order` puts them in it). */
function reordered(set: DialogSet, intentId: string, order: (variants: AnswerVariant[]) => AnswerVariant[]): DialogSet {
  const intents = new Map(set.intents);
  const intent = intents.get(intentId)!;
  intents.set(intentId, { ...intent, variants: order([...intent.variants!]) });
  return { ...set, intents };
}

const variant = (id: string, when: string[], more: Partial<AnswerVariant> = {}): AnswerVariant => ({ id, when, answer: { nl: id, en: id }, ...more });
const intentOf = (id: string, variants: AnswerVariant[]): IntentDef => ({ id, file: `${id}.yaml`, examples: { nl: [], en: [] }, answer: { nl: id, en: id }, variants });
const setOf = (...intents: IntentDef[]): DialogSet => ({ ...dialogs, intents: new Map(intents.map((i) => [i.id, i])) });

describe('variants: which of two named variants answers, whatever their order in the file', () => {
  it('answers "ik wil bijstand aanvragen" with the bijstand, also with the job-loss answer (which it is within) first in payment', () => {
    const applyFirst = reordered(dialogs, 'payment', (vs) => [...vs.filter((v) => v.id === 'apply'), ...vs.filter((v) => v.id !== 'apply')]);
    const ids = (set: DialogSet) => set.intents.get('payment')!.variants!.map((v) => v.id);
    expect(ids(applyFirst).indexOf('apply')).toBeLessThan(ids(applyFirst).indexOf('social_assistance'));
    for (const set of [dialogs, applyFirst]) {
      for (const msg of ['ik wil bijstand aanvragen', 'hoe vraag ik bijstand aan', 'I want to apply for social assistance']) {
        expect({ msg, topic: unsureVariant(set, msg)?.variant.id }).toEqual({ msg, topic: 'social_assistance' });
        expect({ msg, topic: unsureVariant(set, msg, { suggested: 'payment' })?.variant.id }).toEqual({ msg, topic: 'social_assistance' });
        expect({ msg, topic: variantFor(set.intents.get('payment')!, msg, undefined, true)?.id }).toEqual({ msg, topic: 'social_assistance' });
      }
      // A lost job named beside it: the job-loss answer, WW first.
      expect(unsureVariant(set, 'ik ben mijn baan kwijt, kan ik bijstand krijgen?')?.variant.id).toBe('apply');
    }
  });

  it('takes the variant whose words take more of the message, and the first in the file only when they take as much', () => {
    const short = variant('fees', ['kosten']);
    const long = variant('fees_abroad', ['kosten paspoort buitenland'], { general: true });
    const narrowLong = variant('fees_abroad', ['kosten paspoort buitenland']);
    const msg = 'wat zijn de kosten paspoort buitenland';
    for (const variants of [[short, narrowLong], [narrowLong, short]]) {
      const none = intentOf('none', variants);
      expect(topicElsewhere(setOf(none), intentOf('payment', []), msg)?.variant.id).toBe('fees_abroad');
      expect(unsureVariant(setOf(none), msg)?.variant.id).toBe('fees_abroad');
      expect(unsureVariant(setOf(intentOf('documents', variants), none), msg, { suggested: 'documents' })?.variant.id).toBe('fees_abroad');
      expect(followUpVariant(intentOf('documents', variants), 'wat als de kosten paspoort buitenland hoger zijn')?.id).toBe('fees_abroad');
    }
    // Two general ones a message read unsurely names.
    for (const variants of [[variant('fees', ['kosten'], { general: true }), long], [long, variant('fees', ['kosten'], { general: true })]]) {
      expect(unsureVariant(setOf(intentOf('none', variants)), msg)?.variant.id).toBe('fees_abroad');
      expect(topicElsewhere(setOf(intentOf('none', variants)), intentOf('payment', []), msg, true)?.variant.id).toBe('fees_abroad');
    }
    // Two narrower cases of the topic just answered, named in a follow-up.
    const fees = variant('fees', ['kosten']);
    const child = variant('fees_child', ['kind'], { within: ['fees'] });
    const childAbroad = variant('fees_child_abroad', ['kind in het buitenland'], { within: ['fees'] });
    for (const variants of [[fees, child, childAbroad], [fees, childAbroad, child]]) {
      expect(variantFor(intentOf('documents', variants), 'en voor een kind in het buitenland?', 'fees', false)?.id).toBe('fees_child_abroad');
    }
    // As much of the message: the first in the file.
    const a = variant('a', ['kosten']);
    const b = variant('b', ['kosten']);
    expect(unsureVariant(setOf(intentOf('none', [a, b])), 'de kosten?')?.variant.id).toBe('a');
    expect(unsureVariant(setOf(intentOf('none', [b, a])), 'de kosten?')?.variant.id).toBe('b');
  });
});
