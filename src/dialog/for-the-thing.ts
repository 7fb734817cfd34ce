/**
 * "Voor het paspoort", "for my passport", "het is voor mijn id kaart" right after an answer on a narrower
 * topic of that thing (moving an appointment, which is within making one, within passports and ID cards):
 * the citizen says what the question before was for, and that answer holds for it. Before, the thing's
 * own answer came (collecting a passport), not the question asked. So, right after the answer to a
 * question that named no thing ("wat kost dat?"), "voor een paspoort" or "een paspoort" asks it for that
 * thing (its fees). Pure, like step.ts.
 */
import { lastAnswered, sentencesOf } from './answer-sentences.ts';
import type { AnswerVariant, DialogSet, DialogState, IntentDef } from './types.ts';
import { bestNamed } from './variant-choice.ts';
import { broaderTopics, fold, mentions, namedAt, wordCount, wordsBeside } from './variants.ts';

/** Only what it is for: "voor het paspoort", "ja voor mijn rijbewijs", "het gaat om mijn id kaart", "for my passport". */
const FOR_ONLY = /^\s*((en|ja|ok(é|e|ay)?|oh|nou|and|yes|well)[,]?\s+)?((het is|het gaat om|gaat om|dat is|it'?s|it is|that'?s)\s+)?(voor|om|over|for|about)\s+/i;
/** Only the thing, with an article or "my": "een paspoort", "mijn rijbewijs?", "a passport". */
const THING_ONLY = /^\s*((en|ja|ok(é|e|ay)?|oh|nou|and|yes|well)[,]?\s+)?(een|het|de|mijn|mn|m'n|a|an|the|my)\s+/i;
/** The thing with "en" or "and" before it: "en een paspoort?", "and my passport?". */
const AND_THING = /^\s*(en|and)[,]?\s+(een|het|de|mijn|mn|m'n|a|an|the|my)\s+/i;
/** Words up to which such a message names only the thing. */
const SHORT = 6;

/** The topics `id` is a narrower case of in `intent`, along their `within`, to the broadest. */
const broaderOf = (intent: IntentDef, id: string): Set<string> => new Set(broaderTopics(intent, id));

/**
 * The answer before it again (its intent and variant) when the message only says what that question was
 * for, and what it names is a broader topic of it (in any intent: a topic's id is shared); else undefined.
 */
export function sameQuestionFor(dialogs: DialogSet, state: DialogState, msg: string): { intent: IntentDef; variant: AnswerVariant } | undefined {
  const topic = state.lastAnswer?.topic;
  const last = lastAnswered(state, dialogs);
  const variant = topic ? last?.variants?.find((v) => v.id === topic) : undefined;
  if (!last || !variant || wordCount(msg) > SHORT) return undefined;
  if (variant.last_resort) return forTheGeneral(last, msg);
  // "en een paspoort?" right after how long an ID card is valid, a topic within several things (passports
  // and ID cards, driving licences): that question for the passport, not how to apply for one. Not after a
  // topic within one thing (the fees of a driving licence): a passport is then another thing, with its own topic.
  const ofSeveral = (variant.within?.length ?? 0) > 1;
  if (!FOR_ONLY.test(msg) && !(ofSeveral && AND_THING.test(msg))) return undefined;
  const broader = broaderOf(last, variant.id);
  if (broader.size === 0) return undefined;
  // Another topic named beside it ("voor het paspoort van mijn overleden vader"): not only the thing. A kind
  // of the thing is that thing ("voor mijn rijbewijs": the driving licence, within passports and ID cards).
  const related = (intent: IntentDef, v: AnswerVariant) => v.id === variant.id || broader.has(v.id) || [...broaderOf(intent, v.id)].some((w) => broader.has(w));
  for (const intent of dialogs.intents.values()) {
    if (intent.variants?.some((v) => mentions(v, msg) && !related(intent, v))) return undefined;
  }
  // Without "voor", only the thing: "en een paspoort?", not "en mijn paspoort is weg".
  const thing = FOR_ONLY.test(msg) ? null : msg.replace(AND_THING, '');
  const named = [...dialogs.intents.values()].some((intent) => intent.variants?.some((v) => broader.has(v.id) && mentions(v, msg) && (thing === null || wordsBeside(v, thing) === 0)));
  if (!named) return undefined;
  return thingsOwn(dialogs, variant, broader, msg) ?? { intent: last, variant };
}

/**
 * "for a passport" right after making an appointment, whose answer names the passport already as an example ("Choose
 * what you are coming for, for example a passport"): that answer again says nothing new (it came again). The thing's
 * own answer says it for that thing (applying for a passport: an appointment at the desk, and what to bring). Not after
 * moving an appointment, whose answer names no thing: that answer holds for it.
 */
const AS_EXAMPLE = /\b(bijvoorbeeld|zoals|for example|such as|like)\b/i;
function thingsOwn(dialogs: DialogSet, variant: AnswerVariant, broader: ReadonlySet<string>, msg: string): { intent: IntentDef; variant: AnswerVariant } | undefined {
  // Only where the answer names it as an example ("Kies waarvoor u komt, bijvoorbeeld een paspoort"): "Een paspoort en een
  // ID-kaart zijn 10 jaar geldig" says its fact of the passport too, so "en een paspoort?" right after it keeps that answer.
  const examples = fold(sentencesOf(`${variant.answer?.nl ?? ''} ${variant.answer?.en ?? ''}`, (x) => AS_EXAMPLE.test(x)).join(' '));
  // The thing named in the message and among the answer's examples ("passport").
  const found: Array<{ intent: IntentDef; variant: AnswerVariant }> = [];
  for (const intent of dialogs.intents.values()) {
    const own = bestNamed(intent.variants?.filter((v) => broader.has(v.id) && mentions(v, msg) && namedAt(v, examples, v.when, true) !== null) ?? [], msg);
    if (own) found.push({ intent, variant: own });
  }
  // The thing's own answer is the one within no other topic (applying for a passport, not collecting it at the desk).
  return found.find((f) => !f.variant.within?.length) ?? found[0];
}

/**
 * "voor een paspoort", "een paspoort" right after the answer to a question that named no thing ("wat
 * kost dat?", the intent's `last_resort` variant, whose answer says it depends on what): the same
 * question for the thing named, the intent's variant for it (the passport's fees). Before, it got how to
 * apply for a passport. Without "voor" the message must be only the thing ("een paspoort", not "mijn
 * paspoort is weg").
 */
function forTheGeneral(last: IntentDef, msg: string): { intent: IntentDef; variant: AnswerVariant } | undefined {
  const forIt = FOR_ONLY.test(msg);
  if (!forIt && !THING_ONLY.test(msg)) return undefined;
  const variant = bestNamed(last.variants?.filter((v) => !v.last_resort && mentions(v, msg)) ?? [], msg);
  if (!variant || (!forIt && wordsBeside(variant, msg.replace(THING_ONLY, '')) !== 0)) return undefined;
  return { intent: last, variant };
}
