/**
 * "Weet ik niet meer", "heb ik niet bij me", "i don't have that with me": the whole answer to a question
 * of fact (the case number, postcode, birth date, SMS code, phone number) that says the fact is not
 * known or not at hand, by the citizen or by the one the case is for. On its own such a message may
 * also be despair, or money trouble, and the NLU, which sees one message, may read it so; concern.ts
 * (readInContext) reads it in the light of the question asked, with these patterns. Pure, like step.ts.
 */
import type { ParseResult } from '../nlu/types.ts';

/** A whole message that is only one of `answers`, with at most the fact it is about and a sorry or "hoor" around it. */
const onlyAnswer = (answers: string[]): RegExp => new RegExp(
  String.raw`^\s*((nee|no|sorry|hmm+|eh+|uh+|oei|oeps|oops)[,.!]*\s+)*` +
    String.raw`((dat|die|het|mijn|m'n|mn|de|that|my|the)\s+)?((zaak)?nummer|postcode|geboortedatum|datum|code|case\s+number|number|date|birthday)?\s*` +
    `(${answers.join('|')})` +
    String.raw`(\s+(hoor|precies|uit\s+(mijn|m'n|mn)\s+hoofd|sorry|exactly|by\s+heart))*\s*[.!?]*\s*$`,
  'iu',
);

/** "i don't have it", "i dont have that number": the English for not having the fact, in DONT_KNOW_ONLY and NOT_AT_HAND_ONLY. */
const I_DONT_HAVE = String.raw`(i\s+)?(don'?t|do\s+not|dont)\s+have\s+(it|that|this|one|the\s+letter|the\s+number|that\s+number|that\s+info|that\s+information)`;
/** "… with me", "… right now": the words after it that say it is not at hand. */
const AT_HAND = String.raw`with\s+me|on\s+me|at\s+hand|here|now|right\s+now|at\s+the\s+moment`;

/**
 * Only "I don't know (any more)" or "I don't have it" — "weet ik niet meer", "sorry, het nummer weet ik
 * echt niet meer", "I don't remember", "ik heb het niet": the whole message, with at most the fact it is about.
 */
export const DONT_KNOW_ONLY = onlyAnswer([
  String.raw`(ik\s+)?weet\s+(ik\s+)?((het|dat|die|hem|m|em|mijn|m'n|mn|de)\s+)?((zaak)?nummer\s+|postcode\s+|geboortedatum\s+|code\s+)?((echt|ook|even|nu|zo)\s+)?(niet|nie|ni)(\s+meer)?`,
  String.raw`(dat|die|het)\s+weet\s+ik\s+((echt|ook|even|nu|zo)\s+)?(niet|nie|ni)(\s+meer)?`,
  String.raw`geen\s+idee(\s+meer)?`,
  String.raw`(i\s+)?(really\s+)?(don'?t|do\s+not|dont)\s+(know|remember)(\s+(it|that))?(\s+(any\s?more|now))?`,
  String.raw`(i\s+)?(can'?t|cannot|cant)\s+remember(\s+(it|that))?(\s+(any\s?more|now))?`,
  String.raw`(ik\s+)?ben\s+(het|hem|m|em|dat)\s+vergeten`,
  String.raw`(i\s+)?forgot(\s+(it|that))?`,
  // "ik heb het niet", "heb ik niet": not having it at hand.
  String.raw`(ik\s+)?heb\s+(ik\s+)?((het|hem|m|em|dat|die|die\s+brief|de\s+brief|dat\s+nummer|het\s+nummer)\s+)?((echt|ook|nu|even|hier|zo)\s+)?(niet|nie|ni|geen)(\s+(meer|bij\s+de\s+hand|bij\s+me|hier))?`,
  String.raw`${I_DONT_HAVE}(\s+(anymore|any\s+more|${AT_HAND}))*`,
]);

/**
 * Not having the letter or the number at hand, as the whole answer to a question of fact: "heb ik niet",
 * "ik heb het niet bij me", "niet bij de hand", "heb ik niet hier", "i don't have it with me". Nothing
 * here of no longer knowing or no longer having ("weet ik niet meer", "heb ik niet meer"), which stay
 * in DONT_KNOW_ONLY with its check-in once: a possible sign of a crisis.
 */
export const NOT_AT_HAND_ONLY = onlyAnswer([
  String.raw`(ik\s+)?heb\s+(ik\s+)?((het|hem|m|em|dat|die|die\s+brief|de\s+brief|dat\s+nummer|het\s+nummer|die\s+gegevens|de\s+gegevens)\s+)?((echt|ook|nu|even|hier|zo)\s+)?(niet|nie|ni|geen)(\s+(bij\s+de\s+hand|bij\s+me|bij\s+mij|hier|nu|op\s+zak|(hier\s+)?bij\s+me))*`,
  String.raw`((het|dat|die|de\s+brief)\s+)?(is\s+|ligt\s+)?(niet|nie)\s+(bij\s+de\s+hand|bij\s+me|bij\s+mij|hier|op\s+zak)(\s+(nu|hier))*`,
  String.raw`${I_DONT_HAVE}(\s+(${AT_HAND}))*`,
  String.raw`((it'?s|it\s+is)\s+)?not\s+(with|on)\s+me(\s+(now|right\s+now|at\s+the\s+moment))*`,
  // No case number at all: "ik heb geen zaaknummer", "i have no case number", "i don't have a case number".
  String.raw`(ik\s+)?heb\s+(ik\s+)?geen\s+(zaak)?nummer`,
  String.raw`(i\s+)?(have\s+no|(don'?t|do\s+not|dont)\s+have\s+(a|my|the|any|that))\s+(case\s+)?number`,
  // Not on the letter: "het staat er niet op", "staat niet op de brief", "it's not on there" (NOT_ON_IT).
  String.raw`(er\s+)?staat\s+(er\s+)?((echt|ook|gewoon|helemaal)\s+)?(niet|nie|nergens|geen\s+(zaak)?nummer)(\s+(op|in|bij))?(\s+(de|die|mijn|m'n|mn|het|deze)\s+(brief|mail|e-?mail|papier))?`,
  String.raw`(((it'?s|its|it\s+is)\s+)?not|it\s+isn'?t)\s+(on|in)\s+(there|it|the\s+letter|my\s+letter|the\s+e-?mail)`,
  String.raw`there('?s|\s+is)\s+no\s+(case\s+)?number(\s+on\s+(it|there|the\s+letter|my\s+letter))?`,
]);

/**
 * "Het staat er niet op", "staat niet in de brief", "it's not on the letter": the number is not where the assistant
 * said to look. Got the full crisis reply (the learned model read despair in "staat er niet"), or "Ik zie geen
 * zaaknummer in uw bericht". Looking again does not help; a person can look the case up (case-answers.ts noCaseNumber).
 */
export const NOT_ON_IT = /\bstaat\s+(er\s+)?((echt|ook|gewoon|helemaal)\s+)?(niet|nie|nergens|geen\s+(zaak)?nummer)(\s+(op|in|bij)\b|\s*[.!?]*\s*$)|\b(it'?s|its|it\s+is|is)\s+not\s+(on|in)\s+(there|it|the\s+letter|my\s+letter|the\s+e-?mail)\b|\bit\s+isn'?t\s+(on|in)\s+(there|it|the\s+letter|my\s+letter)\b|\bno\s+(case\s+)?number\s+on\s+(it|there|the\s+letter|my\s+letter)\b/i;

/**
 * The same of someone else, for whose case the citizen asks ("de aanvraag van mijn vader"), about the
 * fact itself: "hij weet zijn zaaknummer niet", "ze heeft geen zaaknummer", "he doesn't have it". No
 * words of anyone's despair.
 */
export const THEY_DONT_KNOW = onlyAnswer([
  String.raw`(hij|ze|zij|mijn\s+\S+)\s+weet\s+((het|dat|die|zijn|haar|de)\s+)?((zaak)?nummer|postcode|geboortedatum|code)\s+((echt|ook|even|nu|zo)\s+)?(niet|nie|ni)(\s+meer)?`,
  String.raw`(hij|ze|zij|mijn\s+\S+)\s+heeft\s+((het|hem|m|em|dat|die|die\s+brief|de\s+brief|dat\s+nummer|het\s+nummer)\s+)?((echt|ook|nu|even|hier|zo)\s+)?(niet|nie|ni|geen)(\s+((zaak)?nummer|brief|meer|bij\s+de\s+hand))?`,
  String.raw`(he|she|they|my\s+\S+)\s+(doesn'?t|does\s+not|don'?t|do\s+not)\s+(have(\s+(it|that|one|the\s+letter|the\s+number|a\s+case\s+number))?|(know|remember)\s+(it|that|the\s+number|(the\s+|a\s+|her\s+|his\s+)?case\s+number))(\s+(anymore|any\s+more))?`,
]);
/**
 * "Hij weet het niet (meer)", "she doesn't know": of the person the case is for, but also how people say
 * that person is in despair. Like the citizen's own "weet ik niet meer": a check-in, not a handoff.
 */
export const THEY_UNSURE = onlyAnswer([
  String.raw`(hij|ze|zij|mijn\s+\S+)\s+weet\s+(het|dat)\s+((echt|ook|even|nu|zo)\s+)?(niet|nie|ni)(\s+meer)?`,
  String.raw`(he|she|they|my\s+\S+)\s+(doesn'?t|does\s+not|don'?t|do\s+not)\s+(know|remember)(\s+(it|that))?(\s+(anymore|any\s+more))?`,
]);

/** A person only the learned model heard ("i don't have that with me"): the flow's answer offers one. */
const misread = (h: ParseResult['handoffs'][number]): boolean => h.reason === 'financial_hardship' || (h.reason === 'explicit_request' && !h.lexicon);

/**
 * "i dont have that (with me)", "i don't have that number" to the question for the case number or
 * postcode: the fact is not at hand. The financial lexicon hears in "i don't have that" an amount that
 * cannot be paid, and the citizen got the debt team ("I understand you have money worries"). As the
 * whole answer to a question of fact it is no money trouble, nor a request for a person; what the
 * crisis model leans to is read as for "weet ik niet meer" (a check-in once).
 */
export function notAtHand(askedFact: boolean, msg: string, nlu: ParseResult): ParseResult {
  if (!askedFact || !(DONT_KNOW_ONLY.test(msg) || NOT_AT_HAND_ONLY.test(msg))) return nlu;
  // The whole message answers the question of fact, so it asks no topic of its own: "i don't have that
  // number" (sure: the phone number, so contact details) got the opening hours, not where the case number is.
  const intent = nlu.intent.name === 'none' || nlu.intent.name === 'case_status' ? nlu.intent : { name: 'none', confidence: nlu.intent.confidence };
  if (!nlu.handoffs.some(misread) || !nlu.handoffs.every((h) => misread(h) || (h.reason === 'distress' && !h.lexicon))) return { ...nlu, intent };
  const handoffs = nlu.handoffs.filter((h) => !misread(h));
  return { ...nlu, intent, handoffs, handoff: handoffs[0] ?? null };
}
