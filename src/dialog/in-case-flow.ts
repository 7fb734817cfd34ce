/**
 * A message while the case flow asks one of its questions (the case number, postcode and birth date, an
 * SMS code): the flow's own handling of it. A code asked for or given, a fact corrected, the question left,
 * no number or no identity at hand, a question about something else meanwhile, or the facts taken and the
 * case taken further. Null when there is no question open, or the message leaves it for a question of its
 * own (`switches`: another intent, read surely). Pure, like step.ts.
 */
import type { ParseResult } from '../nlu/types.ts';
import { absorbEntities, advanceCase, CASE_ENTITIES, flowCtx, withAskingFor, withCorrection } from './case-flow.ts';
import { correctFact, hasNoCaseNumber, leaveFlow, LEAVE_FLOW, meanwhile, MOVED, noCaseNumber, noIdentity, WANTS_THAT } from './case-answers.ts';
import { kept } from './answer.ts';
import { handOff } from './hand-off.ts';
import { reprompt } from './not-understood.ts';
import { isQuestion } from './rules.ts';
import { onCodeAnswer, requestCode, wantsCode } from './sms-code.ts';
import type { StepContext } from './step.ts';
import type { CaseStep, DialogState, StepResult } from './types.ts';
import { isNo } from './yes-no.ts';
import { text } from './texts.ts';
import { withoutEntities } from './language.ts';
import { withTypedHint } from './typed-facts.ts';

/** The questions for postcode and birth date (someone who moved gets withMovedHint's answer instead). */
export const IDENTITY_STEPS: ReadonlySet<CaseStep> = new Set(['ask_postcode', 'ask_birthdate', 'ask_both']);
/** "Ik heb hem gevonden", "found it": the number is coming. */
const FOUND_IT = /\b(gevonden|gevonde|hebbes|found it|got it|here it is|hier is (hij|het|ie))\b/i;

export interface FlowMessage {
  /** The message gives a fact the flow asks for (a case number, postcode, date). */
  answersFlow: boolean;
  /** The message asks something else, read surely enough to leave the question for it. */
  switches: boolean;
  acknowledged?: boolean;
  queued?: boolean;
}

export function inCaseFlow(state: DialogState, nlu: ParseResult, ctx: StepContext, now: string, opts: FlowMessage): StepResult | null {
  const { answersFlow, switches } = opts;
  const caseNumber = state.active?.caseNumber ?? state.facts.caseNumber;
  if (state.active && caseNumber && !answersFlow) {
    if (state.active.step === 'ask_code') return onCodeAnswer(state, flowCtx(ctx, nlu.intent.name, nlu.intent.confidence), nlu.text, caseNumber);
    if (state.active.step !== 'ask_number' && wantsCode(nlu.text)) return requestCode(state, caseNumber);
  }
  // "Oh wacht, verkeerd nummer" while postcode or birth date is asked, or "sorry ik heb me vergist" after a failed check.
  if (state.active && !answersFlow && ((caseNumber && IDENTITY_STEPS.has(state.active.step)) || state.active.tried)) {
    const fixed = correctFact(state, flowCtx(ctx, nlu.intent.name, nlu.intent.confidence), nlu.text, now, switches);
    if (fixed) return fixed;
  }
  // "stop" (read surely as a goodbye) or "cancel" while a case fact is asked leaves the question, as
  // "laat maar" does: "Goed, dan zoek ik het niet op", not "Tot ziens" and the feedback question.
  if (state.active && !answersFlow && LEAVE_FLOW.test(nlu.text)) return leaveFlow(state, ctx, nlu);
  if (state.active && (answersFlow || !switches)) {
    const absorbed = absorbEntities(withAskingFor(state, nlu.text), nlu.entities, state.active.step, nlu.text);
    // "ja graag" to "Kunt u die niet vinden? Dan zoekt een medewerker uw zaak voor u op.": that person.
    if (!answersFlow && state.active.step === 'ask_number' && state.active.noNumberSaid && !opts.queued && WANTS_THAT.test(nlu.text)) {
      return handOff(absorbed, ctx, nlu, { reason: 'explicit_request', evidence: `${nlu.text.trim().slice(0, 150)} (antwoord op: een medewerker zoekt uw zaak op)` }, now);
    }
    // After "ik weet het nummer niet", "het gaat over mijn parkeervergunning" or "kunt u het op naam
    // opzoeken?" does not find the case either: the offer of a person who can (not "Ik zie geen zaaknummer").
    const stillNone = state.active.noNumberSaid && !FOUND_IT.test(nlu.text);
    if (!answersFlow && state.active.step === 'ask_number' && (hasNoCaseNumber(nlu.text) || isNo(nlu.text) || stillNone)) return noCaseNumber(absorbed, flowCtx(ctx, nlu.intent.name, nlu.intent.confidence), opts.queued, nlu.text);
    if (!answersFlow && IDENTITY_STEPS.has(state.active.step) && hasNoCaseNumber(nlu.text) && !MOVED.test(nlu.text)) return noIdentity(absorbed, flowCtx(ctx, nlu.intent.name, nlu.intent.confidence), opts.queued);
    // "het gaat om mijn dakkapel" while waiting for a person, the case number given: for that person, who reads it;
    // not "Ik zie geen postcode … Wilt u liever een medewerker spreken?". The question stays open for the facts.
    if (!answersFlow && opts.queued && nlu.intent.name !== 'case_status' && !isQuestion(nlu.text) && !/\?/.test(nlu.text)) return kept(absorbed, ctx, nlu);
    if (!answersFlow && nlu.intent.name !== 'case_status') return opts.acknowledged ? meanwhile(absorbed, flowCtx(ctx, nlu.intent.name, nlu.intent.confidence)) : reprompt(absorbed, ctx, nlu, now);
    const advanced = advanceCase({ ...withCorrection(absorbed, nlu.entities), fallbacks: 0 }, flowCtx(ctx, nlu.intent.name, nlu.intent.confidence), now);
    return withChangeNoted(state, withTypedHint(advanced, ctx.dialogs, nlu.text, nlu.entities), ctx, nlu);
  }
  return null;
}

const sameFact = (a: string | undefined, b: string | undefined): boolean => (a ?? '').replace(/\s+/g, '').toUpperCase() === (b ?? '').replace(/\s+/g, '').toUpperCase();

/**
 * "nee sorry het is 1234 AC" while the birth date is asked (or another birth date while the postcode is): the new one
 * was taken silently and the same question came again, as if not read. One sentence says it was changed, before the
 * question; it does not say which fact, nor that anything was wrong. The same postcode (or birth date) sent again
 * got the question again with no word on it, as if not read: one sentence says it is already there.
 */
function withChangeNoted(before: DialogState, res: StepResult, ctx: StepContext, nlu: ParseResult): StepResult {
  const step = before.active?.step;
  const reply = res.replies[0];
  if (!reply || res.replies.length !== 1 || res.state.active?.step !== step) return res;
  const was = before.facts, now = res.state.facts;
  const fact = step === 'ask_birthdate' ? 'postcode' : step === 'ask_postcode' ? 'birthDate' : undefined;
  if (!fact || !was[fact]) return res;
  const key = !sameFact(was[fact], now[fact]) ? 'case.fact_changed' : givesAgain(nlu, fact) ? 'case.fact_known' : undefined;
  return key ? { ...res, replies: [{ ...reply, text: `${text(ctx.dialogs, key, res.state.lang)} ${reply.text}` }] } : res;
}

/**
 * Whether the message only gives the fact again (postcode, or a date as birth date), with at most a few words around it
 * ("mijn postcode is 1234 AB"): "1234 AB ik weet mijn geboortedatum niet" says more than that.
 */
const givesAgain = (nlu: ParseResult, fact: 'postcode' | 'birthDate'): boolean => {
  const types = new Set(nlu.entities.filter((e) => CASE_ENTITIES.has(e.type)).map((e) => e.type));
  const around = withoutEntities(nlu.text, nlu).split(/\s+/).filter((w) => /\p{L}/u.test(w)).length;
  return types.size === 1 && types.has(fact === 'postcode' ? 'postcode' : 'date') && around <= FACT_AROUND;
};
const FACT_AROUND = 3;

/** "Hoe geef ik dat door?", "where do I report my move?": a question about reporting the move itself. */
const ASKS_TO_REPORT = /\b(doorgeven|door geven|doorgegeven|melden|report|register|wijzigen|change)\b|\b(hoe|waar|how|where)\b.*\b(verhuizing|verhuis\w*|move|moving|adres|address)\b/i;
/**
 * "postcode weet ik niet meer, ben verhuisd" to the question for postcode and birth date tells why the postcode is
 * hard, and asks nothing about reporting the move: the flow's hint for someone who moved, not the answer on moving.
 */
export const movedWhileAsked = (state: DialogState, nlu: ParseResult): boolean =>
  !!state.active && IDENTITY_STEPS.has(state.active.step) && nlu.intent.name === 'change_details' && MOVED.test(nlu.text) && !ASKS_TO_REPORT.test(nlu.text);
