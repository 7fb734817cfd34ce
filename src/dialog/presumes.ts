/**
 * A variant that takes a fact as given (`presumes`): the answer on travelling with an expired or lost passport
 * (documents' id_travel). "kan ik nog op vakantie?" right after the plain answer on applying for a passport got
 * "Een verlopen paspoort is niet meer geldig", though nobody said it had expired. When the variant was chosen
 * without its own `when` words, the fact must have been said, in this message or the one before it, or the
 * answer before was this variant's; else its `otherwise` answers (travelling on it while it is valid). Pure.
 *
 * The same memory holds the thing a message named (`thing`): "kan mijn vrouw hem ophalen?" right after "wanneer kan
 * ik mijn rijbewijs ophalen" got who may collect a passport; the driving licence's case of it answers (narrowerByThing).
 */
import type { AnswerVariant, DialogSet, DialogState, IntentDef } from './types.ts';
import { isWithin, mentions, namesAnyOf } from './variants.ts';

const presumingOf = new WeakMap<DialogSet, AnswerVariant[]>();

/** The variants of the set with `presumes` or `thing` words (few), found once per set. */
function presuming(dialogs: DialogSet): AnswerVariant[] {
  let found = presumingOf.get(dialogs);
  if (!found) {
    found = [];
    for (const intent of dialogs.intents.values()) for (const v of intent.variants ?? []) if (v.presumes?.length || v.thing?.length) found.push(v);
    presumingOf.set(dialogs, found);
  }
  return found;
}

/** Whether the message names the thing `v` is about, and none of its `not_with` words ("paspoort en rijbewijs" is not the licence alone). */
const namesThing = (v: AnswerVariant, msg: string): boolean => !!v.thing && namesAnyOf(v.thing, msg) && !(v.not_with && namesAnyOf(v.not_with, msg));

/** The ids of the variants whose presumed fact, or thing, this message says, for the answer's state (`lastAnswer.presumed`). */
export function presumedBy(dialogs: DialogSet, msg: string): string[] | undefined {
  let ids: string[] | undefined;
  for (const v of presuming(dialogs)) if ((v.presumes && namesAnyOf(v.presumes, msg)) || namesThing(v, msg)) (ids ??= []).push(v.id);
  return ids;
}

/**
 * The narrower case of `variant` about the thing the message names, or, when it names no other (none of that case's
 * `not_with` words), the thing the message before it named: the driving licence's "someone else collects it", not
 * the passport's, for "kan mijn vrouw hem ophalen?" right after "wanneer kan ik mijn rijbewijs ophalen".
 */
export function narrowerByThing(state: DialogState, msg: string, intent: IntentDef, variant: AnswerVariant | undefined, dialogs: DialogSet): { intent: IntentDef; variant: AnswerVariant } | undefined {
  if (!variant) return undefined;
  const cases = thingCases(dialogs).filter((c) => isWithin(c.variant, variant.id) && !(c.variant.not_with && namesAnyOf(c.variant.not_with, msg)));
  // The intent's own case first; else another intent's case of a topic with the same id (none's collect_for_someone is the documents' too).
  for (const c of [...cases.filter((c) => c.intent === intent), ...cases]) {
    if (namesThing(c.variant, msg) || state.lastAnswer?.presumed?.includes(c.variant.id)) return c;
  }
  return undefined;
}

const thingCasesOf = new WeakMap<DialogSet, Array<{ intent: IntentDef; variant: AnswerVariant }>>();

/** The variants of the set with `thing` words (few) and their intents, found once per set, not on every answer. */
function thingCases(dialogs: DialogSet): Array<{ intent: IntentDef; variant: AnswerVariant }> {
  let found = thingCasesOf.get(dialogs);
  if (!found) {
    found = [];
    for (const intent of dialogs.intents.values()) for (const variant of intent.variants ?? []) if (variant.thing?.length) found.push({ intent, variant });
    thingCasesOf.set(dialogs, found);
  }
  return found;
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
