/**
 * A variant that takes a fact as given (`presumes`): the answer on travelling with an expired or lost passport
 * (documents' id_travel). "kan ik nog op vakantie?" right after the plain answer on applying for a passport got
 * "Een verlopen paspoort is niet meer geldig", though nobody said it had expired. When the variant was chosen
 * without its own `when` words, the fact must have been said, in this message or the one before it, or the
 * answer before was this variant's; else its `otherwise` answers (travelling on it while it is valid). Pure.
 */
import type { AnswerVariant, DialogSet, DialogState, IntentDef } from './types.ts';
import { mentions, namesAnyOf } from './variants.ts';

const presumingOf = new WeakMap<DialogSet, AnswerVariant[]>();

/** The variants of the set with `presumes` words (few), found once per set. */
function presuming(dialogs: DialogSet): AnswerVariant[] {
  let found = presumingOf.get(dialogs);
  if (!found) {
    found = [];
    for (const intent of dialogs.intents.values()) for (const v of intent.variants ?? []) if (v.presumes?.length) found.push(v);
    presumingOf.set(dialogs, found);
  }
  return found;
}

/** The ids of the variants whose presumed fact this message says, for the answer's state (`lastAnswer.presumed`). */
export function presumedBy(dialogs: DialogSet, msg: string): string[] | undefined {
  let ids: string[] | undefined;
  for (const v of presuming(dialogs)) if (namesAnyOf(v.presumes!, msg)) (ids ??= []).push(v.id);
  return ids;
}

/** The intent and variant that answer instead of `variant` when the fact it presumes was not said; undefined when it was, or it presumes none. */
export function otherwiseFor(state: DialogState, msg: string, variant: AnswerVariant | undefined, dialogs: DialogSet): { intent: IntentDef; variant: AnswerVariant } | undefined {
  if (!variant?.presumes || !variant.otherwise || mentions(variant, msg) || namesAnyOf(variant.presumes, msg)) return undefined;
  const last = state.lastAnswer;
  if (last?.topic === variant.id || last?.presumed?.includes(variant.id)) return undefined;
  const [intentId, variantId] = variant.otherwise.split('/') as [string, string];
  const intent = dialogs.intents.get(intentId);
  const instead = intent?.variants?.find((v) => v.id === variantId);
  return intent && instead ? { intent, variant: instead } : undefined;
}
