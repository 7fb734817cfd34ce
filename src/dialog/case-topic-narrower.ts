/**
 * A short question right after a case's status on a narrower case of the topic its case type names (or
 * right after an answer on a topic, by the narrower case's words for right after it, in any intent):
 * "hoe lang is hij geldig?", "moet ik hem verlengen?", "waar mag ik ermee parkeren?" after the status of a
 * parking permit get the answer on how long a permit holds (or where), as they do right after the permit's
 * own answer (the variant's `when_after_answer` words), not the permit's whole answer, nor how long a
 * passport holds. Pure, like step.ts.
 */
import type { AnswerVariant, DialogSet, DialogState, IntentDef } from './types.ts';
import { fold, isFollowUp, isWithin, mentions, namedAt, wordCount } from './variants.ts';
import { bestNamed } from './variant-choice.ts';
import { alsoForThing } from './plain-follow-up.ts';

/** Words up to which a message is a short question on what was just told. */
const SHORT = 8;
/**
 * Words up to which a message is little more than the words of the case it names ("tot wanneer geldig?"): another topic
 * it names by those same words is not asked. A longer one may name it by them ("kan mn moeder dat voor mij doen" names
 * authorising someone, not only someone reporting one's move).
 */
const BARE = 3;

/**
 * Case types no variant names by their words ("Bijstandsuitkering"), with the topic their narrower cases are within:
 * "can i work part time", "wat moet ik doorgeven" right after a bijstand status got the opening hours or the papers.
 */
const CASE_TYPE_TOPICS: ReadonlyArray<readonly [RegExp, string]> = [[/bijstand/i, 'social_assistance']];
const topicOfCaseType = (type: string | undefined): string | undefined => (type ? CASE_TYPE_TOPICS.find(([named]) => named.test(type))?.[1] : undefined);

/**
 * The narrower case of the last status's topic (`caseTopic`) that a short message names, by its words
 * for right after that topic or its own, with the intent whose variant it is. Only when the message points
 * back ("hij", "it") or names no other topic: "hoe lang is mijn paspoort geldig?" is the passport's.
 */
export function narrowerOfCase(dialogs: DialogSet, state: DialogState, msg: string): { intent: IntentDef; variant: AnswerVariant } | undefined {
  // Right after an answer on a topic, only by the words for right after it: "kan ik hem opzeggen?" after the
  // parking permit's fees is ending the permit (none/parking_stop), whichever intent holds that narrower case.
  // Its `with` words are the answer's: "en voor een kind?" right after the answer on passports is a child's passport.
  const answered = state.lastAnswer?.topic;
  const topic = answered ?? state.lastAnswer?.caseTopic ?? (state.lastAnswer?.trace.dialog === 'case_status' ? topicOfCaseType(state.facts.caseType) : undefined);
  if (!topic || wordCount(msg) > SHORT) return undefined;
  const folded = fold(msg);
  const found: Array<{ intent: IntentDef; variant: AnswerVariant }> = [];
  for (const intent of dialogs.intents.values()) {
    for (const v of intent.variants ?? []) {
      if (isWithin(v, topic) && ((!answered && mentions(v, msg)) || (!!v.when_after_answer && namedAt(v, folded, v.when_after_answer, true) !== null))) found.push({ intent, variant: v });
    }
  }
  // Looked for only when a narrower case is named (most messages name none): another topic named.
  // "is hij ook geldig voor mijn motor?" asks whether what was just told holds for one more thing: only that
  // thing ("mijn motor") may name another topic, not "geldig" (a passport's validity), which is the permit's.
  const thing = alsoForThing(state, msg);
  if (found.length === 0 || (!isFollowUp(msg) && namesOtherTopic(dialogs, topic, thing ?? (wordCount(msg) <= BARE || (!answered && byPhrase(found, folded)) ? beside(found, folded) : msg), coveredBy(dialogs, found)))) return undefined;
  // "en voor mijn dochter?" right after a passport's fees is a child's fees; right after what to bring, what to bring for a child.
  const own = found.filter((f) => f.intent.id === state.lastAnswer?.trace.dialog);
  const mine = own.length > 0 ? own : found;
  // Of those, the one the thing names ("mijn motor": another vehicle), not the one "geldig" names (how long it holds).
  const thingFolded = thing === null ? null : fold(thing);
  const ofThing = thingFolded === null ? [] : mine.filter((f) => namedAt(f.variant, thingFolded, f.variant.when_after_answer ?? f.variant.when, true) !== null);
  const those = ofThing.length > 0 ? ofThing : mine;
  const best = bestNamed(those.map((f) => f.variant), msg);
  return those.find((f) => f.variant === best);
}

/**
 * The folded message without the words that name the cases found: "tot wanneer geldig?" right after a parking permit's
 * status names a passport's validity only by "geldig", which is the permit's too (it got how long a passport holds);
 * "hoe lang is mijn paspoort geldig?" still names the passport.
 */
function beside(found: ReadonlyArray<{ variant: AnswerVariant }>, folded: string): string {
  let rest = folded;
  for (const { variant } of found) {
    for (const words of [variant.when_after_answer ?? [], variant.when]) {
      const at = namedAt(variant, rest, words, true);
      if (at) rest = `${rest.slice(0, at.index)} ${rest.slice(at.index + at[0].length)}`;
    }
  }
  return rest;
}

/**
 * Whether a case found is named by a phrase of its words for right after its topic (after a status): "wat zijn mijn plichten?" right after a
 * parking permit's status names its duties by "mijn plichten", which are the bijstand's words too (it got the bijstand's duties).
 */
const byPhrase = (found: ReadonlyArray<{ variant: AnswerVariant }>, folded: string): boolean =>
  found.some(({ variant }) => !!variant.when_after_answer && (namedAt(variant, folded, variant.when_after_answer, true)?.[0].trim().includes(' ') ?? false));

/**
 * Whether the message names a topic other than `topic` and its narrower cases (not a general one, nor a last resort),
 * nor one of `covered`.
 */
function namesOtherTopic(dialogs: DialogSet, topic: string, msg: string, covered: ReadonlySet<string>): boolean {
  for (const intent of dialogs.intents.values()) {
    if (intent.variants?.some((v) => !isWithin(v, topic) && v.id !== topic && !covered.has(v.id) && !v.general && !v.last_resort && mentions(v, msg))) return true;
  }
  return false;
}

/**
 * The topics the cases found answer for too: those the variant each one is the same as (`same_as`) is a narrower case
 * of, and that variant itself. "en als ik verhuis" right after a parking permit's status names the move, and the permit on a move
 * (parking_move, within the move) answers it; before, the move's general answer did.
 */
function coveredBy(dialogs: DialogSet, found: ReadonlyArray<{ variant: AnswerVariant }>): ReadonlySet<string> {
  const covered = new Set<string>();
  for (const { variant } of found) {
    if (!variant.same_as) continue;
    const [intentId, id] = variant.same_as.split('/');
    // The variant itself too: "can i work part time" right after a bijstand status names earning beside it by its own words.
    covered.add(id!);
    for (const up of dialogs.intents.get(intentId!)?.variants?.find((v) => v.id === id)?.within ?? []) covered.add(up);
  }
  return covered;
}
