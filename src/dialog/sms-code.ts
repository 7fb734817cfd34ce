/**
 * A second way to verify: a 6-digit code by SMS to the phone number the municipality has for the
 * case, instead of postcode + birth date. The citizen is never told whether the case or a phone
 * number exists: the answer is the same either way. Wrong codes count as failed checks.
 */
import { advanceCase, countFailure, lockOut, onCaseLoaded, reply, type FlowContext } from './case-flow.ts';
import { text } from './texts.ts';
import type { CaseRecord, DialogState, StepResult } from './types.ts';

const CODE_REQUEST = /^\s*(code|sms|sms[- ]?code|(stuur|geef|send)( me| mij)? (een |de |a |the )?(nieuwe |new )?(sms[- ]?)?code|nieuwe code|new code|per sms|via sms|liever (een )?code)\s*[.!]?\s*$/i;
const SIX_DIGITS = /(?<!\d)(\d{3})\s?(\d{3})(?!\d)/;

export const wantsCode = (msg: string): boolean => CODE_REQUEST.test(msg);

/** "code": ask the pipeline to send one for the case being checked. */
export function requestCode(state: DialogState, caseNumber: string): StepResult {
  return {
    state: { ...state, active: { flow: 'case_status', step: 'ask_code', caseNumber } },
    replies: [],
    effects: [{ type: 'send_code', caseNumber }],
  };
}

export function onCodeSent(state: DialogState, ctx: FlowContext, sent: boolean, now: string): StepResult {
  if (sent) return { state, replies: [reply(ctx.dialogs, ctx, text(ctx.dialogs, 'case.code_sent', state.lang), 'code_sent')], effects: [] };
  const back = advanceCase({ ...state, active: null }, { ...ctx, codes: false }, now);
  return { ...back, replies: [reply(ctx.dialogs, ctx, text(ctx.dialogs, 'case.code_unavailable', state.lang), 'code_unavailable'), ...back.replies] };
}

/** A message while waiting for the code: the code itself, a request for a new one, or something else. */
export function onCodeAnswer(state: DialogState, ctx: FlowContext, msg: string, caseNumber: string): StepResult {
  const m = SIX_DIGITS.exec(msg);
  if (m) return { state, replies: [], effects: [{ type: 'check_code', caseNumber, code: `${m[1]}${m[2]}` }] };
  if (wantsCode(msg)) return requestCode(state, caseNumber);
  return { state, replies: [reply(ctx.dialogs, ctx, text(ctx.dialogs, 'case.reprompt_code', state.lang), 'ask_code')], effects: [] };
}

export function onCodeChecked(state: DialogState, ctx: FlowContext, caseNumber: string, ok: boolean, record: CaseRecord | null, now: string): StepResult {
  if (ok && record) {
    // Having the phone proves it as well as postcode + birth date would; take those from the case.
    const verified = { ...state, facts: { ...state.facts, caseNumber, postcode: record.postcode, birthDate: record.birthDate } };
    return onCaseLoaded(verified, ctx, caseNumber, record, now);
  }
  const { failures, locked } = countFailure(state, caseNumber, now);
  const next = { ...state, failures };
  if (locked) return lockOut(next, ctx, caseNumber, now);
  return { state: next, replies: [reply(ctx.dialogs, ctx, text(ctx.dialogs, 'case.code_wrong', state.lang), 'code_wrong')], effects: [] };
}
