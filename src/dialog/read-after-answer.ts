/**
 * A short message read as another intent right after an answer, which that answer (or the topic it was on) answers:
 * "hoe laat?" after when benefits are paid (read as the opening hours), "wanneer krijg ik hem?" after the parking
 * permit (read as its cost), "wat kost dat?" after registering a move (read as the benefit payment dates). Each is
 * null when the message is not such a one. Pure, like step.ts.
 */
import type { ParseResult } from '../nlu/types.ts';
import { answer } from './answer.ts';
import { lastAnswered, lastText, sameTopic } from './answer-sentences.ts';
import { afterAnAnswer, askAgain, asksCost, fromLastAnswer, namedInAnswer } from './last-answer.ts';
import { asksInPerson } from './needed-in-answer.ts';
import { ABOUT_DESK } from './opening-hours.ts';
import type { StepContext } from './step.ts';
import type { AnswerVariant, DialogSet, DialogState, IntentDef, StepResult } from './types.ts';
import { keptToTopic } from './variant-choice.ts';
import { ASKS_PRICE, BARE_HOW_MUCH, mentions, wordCount } from './variants.ts';

/** "wanneer komen ze?", "when will they come back?": when something happens. */
const ASKS_WHEN = /\b(wanneer|wnr|wanner|waneer|when)\b/i;
/** "wanneer?", "and when?" as the whole message: when, of the answer just given. */
export const BARE_WHEN = /^\s*(en\s+|and\s+|maar\s+|but\s+)?(wanneer|wnr|wnnr|wanner|waneer|when)\s*(dan\s+|then\s+)?[?!.]*\s*$/i;
/** The office, its desk or its phone named: "zijn jullie morgen open?", "hoe laat is de balie open?". */
const NAMES_OFFICE = /\b(open|dicht|gesloten|balie|loket|gemeentehuis|stadhuis|kantoor|jullie|u|bellen|bel|bereikbaar|langskomen|langs|afspraak|openingstijden|opening|office|desk|closed|you|call|phone|reach|come by|appointment|town hall)\b/i;
/** Money or a price named: "wanneer krijg ik het geld?", "when do I pay?". */
const NAMES_MONEY = /\b(betaal\w*|betalen|betaling\w*|kost\w*|geld|bedrag|uitkering\w*|bijstand|\w*toeslag\w*|gratis|prijs|pay\w*|paid|costs?|money|amount|benefits?|allowances?|free|price|fees?)\b/i;

/**
 * Read as the opening hours: "hoe laat?", "is dat ook in december zo?" right after when benefits are paid is about that
 * payment. That answer's words on time, or that what it knows is in it. Not with the office named ("zijn jullie morgen
 * open?"), and only right after the payment intent: after another answer the hours may be what is asked.
 */
export function hoursReadAfterPayment(state: DialogState, dialogs: DialogSet, nlu: ParseResult, last: IntentDef | undefined): StepResult | null {
  if (last?.id !== 'payment' || !afterAnAnswer(state, last) || wordCount(nlu.text) > 8 || NAMES_OFFICE.test(nlu.text)) return null;
  // After the fees of a passport, paid at the desk, "hoe laat?" asks the desk's hours.
  if (ABOUT_DESK.test(lastText(state, last))) return null;
  return fromLastAnswer(state, dialogs, nlu, ['time']) ?? askAgain(state, dialogs, nlu);
}

/**
 * Read as a payment (`variant`, the topic's payment answer: its cost): "wanneer krijg ik hem?" right after the parking
 * permit, "when will they come back?" right after the answer on waste. Neither that cost nor the benefit payment dates
 * answer a "when": that answer's words on time, or that what it knows is in it. Not with money named ("wanneer krijg ik het geld?").
 */
export function whenReadAsPayment(state: DialogState, dialogs: DialogSet, nlu: ParseResult, variant: AnswerVariant | undefined, last: IntentDef | undefined): StepResult | null {
  if (!last || last.id === 'payment' || !afterAnAnswer(state, last)) return null;
  // With no topic of its own, only a bare "when?" ("when?" right after the opening hours got the benefit payment dates).
  if (variant ? !last.variants?.some((v) => v.id === variant.id) || mentions(variant, nlu.text) : !BARE_WHEN.test(nlu.text)) return null;
  if (!ASKS_WHEN.test(nlu.text) || NAMES_MONEY.test(nlu.text)) return null;
  return fromLastAnswer(state, dialogs, nlu, ['time']) ?? askAgain(state, dialogs, nlu);
}

/**
 * Read as a payment with no topic of its own (`intent`, payment): "Wat kost dat?" right after an answer on a topic
 * payments have no answer for (registering, bulky waste), where the benefit payment dates would be beside the point.
 * The answer's words on cost, or what it knows. After a case's status ("moet ik nog iets betalen?" after the parking
 * permit's): what costs what in general (`resort`), and that a bill says what to pay; not when we pay benefits. So is a
 * bare "hoeveel?" there (how much one gets was taken before). After a status that says a payment (a benefit granted): what
 * applying costs, and where the amount is (`paid_cost`).
 */
export function costAfterAnswer(state: DialogState, base: DialogState, ctx: StepContext, nlu: ParseResult, intent: IntentDef, last: IntentDef | undefined, resort: AnswerVariant | undefined): StepResult | null {
  if (!last || last.id === 'payment' || !(afterAnAnswer(state, last) || last.flow === 'case_status') || !(asksCost(nlu.text) || BARE_HOW_MUCH.test(nlu.text))) return null;
  const paidCost = last.flow === 'case_status' && state.lastAnswer?.paid && ASKS_PRICE.test(nlu.text) ? intent.variants?.find((v) => v.paid_cost) : undefined;
  const atCase = paidCost ?? (last.flow === 'case_status' ? resort : undefined);
  return fromLastAnswer(state, ctx.dialogs, nlu, ['cost']) ?? (atCase ? answer(base, ctx, nlu, intent, atCase) : askAgain(state, ctx.dialogs, nlu));
}

/**
 * "is het gratis?", "is it free?" right after an answer none of whose words (nor its topic's elsewhere) it names: the
 * passport's, which got "Wat ik erover weet, staat hierboven", not its fees. Not after bulky waste, whose "… is free 4
 * times a year" (its fees elsewhere) is quoted.
 */
export function costNotNamed(state: DialogState, dialogs: DialogSet, msg: string): boolean {
  const last = lastAnswered(state, dialogs);
  if (!asksCost(msg)) return false;
  return !last?.answer || ![lastText(state, last), ...sameTopic(state, dialogs, last)].some((said) => namedInAnswer(said, msg) !== null);
}

/**
 * Read as how much one gets (`variant`, bare_how_much): "and how much?" right after the objection answer is what that answer
 * says on cost ("Bezwaar maken is gratis"), as "wat kost dat?" gets. Null when it says none, or right after a payment answer,
 * where the amount is asked; after the hours, asked again.
 */
export function howMuchAfterAnswer(state: DialogState, dialogs: DialogSet, nlu: ParseResult, variant: AnswerVariant | undefined, last: IntentDef | undefined): StepResult | null {
  if (!variant?.bare_how_much || !BARE_HOW_MUCH.test(nlu.text) || !last || last.id === 'payment' || !afterAnAnswer(state, last)) return null;
  // Right after the hours, the address or making an appointment, which name no amount: not the amount of a benefit,
  // but that the citizen says what they mean ("and how much?" got the amount of social assistance).
  return fromLastAnswer(state, dialogs, nlu, ['cost']) ?? (last.id === 'contact_hours' ? askAgain(state, dialogs, nlu) : null);
}

/** Papers, a form, proof, sending or bringing them: what the answer on documents is about. */
const NAMES_PAPERS = /\b(papier\w*|document\w*|stukken|bewijs\w*|formulier\w*|upload\w*|(op|mee|in)?sturen|stuur|meenemen|meebrengen|nodig|afschrift\w*|kopie|paper\w*|proof|forms?|send|bring|need|copy|copies|statements?)\b/i;
/**
 * Read as which papers an application needs (`intent`, documents, on no topic of its own): "moet ik thuis zijn?", "moet ik
 * het buiten zetten?" right after bulky waste name no paper, and got that general answer on papers. They are about the
 * answer just given: its words, or that what it knows is in it. Null for a message that names papers, or no answer before.
 */
export function papersNotAsked(state: DialogState, dialogs: DialogSet, nlu: ParseResult, intent: IntentDef, variant: AnswerVariant | undefined, last: IntentDef | undefined): StepResult | null {
  if (intent.id !== 'documents' || variant || !last || last.id === 'documents' || !afterAnAnswer(state, last) || NAMES_PAPERS.test(nlu.text) || wordCount(nlu.text) > 8) return null;
  return fromLastAnswer(state, dialogs, nlu, ['time', 'how', 'named']) ?? askAgain(state, dialogs, nlu);
}

/**
 * "do I have to come in person?" right after the move, which the lexicon hears as a person asked for: the answer's narrower
 * case on coming oneself (change_details/move_in_person), as "moet ik zelf komen?" gets; it got only the sentence on the desk.
 * Null when the message asks no such thing, or the answer just given has no such case.
 */
export function comingAfterAnswer(state: DialogState, ctx: StepContext, nlu: ParseResult): StepResult | null {
  if (!asksInPerson(nlu.text)) return null;
  const last = lastAnswered(state, ctx.dialogs);
  const kept = last && afterAnAnswer(state, last) ? keptToTopic(last, nlu.text, state.lastAnswer?.topic) : undefined;
  return kept ? answer({ ...state, active: null }, ctx, nlu, last!, kept) : null;
}
