/**
 * The inputs of a turn that are no message of the citizen's: the case system did not answer, a link
 * code was made. Pure, like step.ts.
 */
import type { ParseResult } from '../nlu/types.ts';
import { handOff } from './hand-off.ts';
import type { StepContext } from './step.ts';
import { text, trace } from './texts.ts';
import type { DialogState, StepResult } from './types.ts';

/** The case system did not answer: a person looks the case up. */
export function onCaseUnavailable(state: DialogState, ctx: StepContext, caseNumber: string, now: string): StepResult {
  const nlu: ParseResult = { text: '', lang: state.lang, intent: { name: 'case_status', confidence: 1 }, entities: [], handoff: null, handoffs: [] };
  return handOff({ ...state, active: null }, ctx, nlu, { reason: 'system_unavailable', evidence: `case system did not answer for ${caseNumber}` }, now);
}

/** The link code to continue this conversation on another channel. No other channel while waiting for a person: that person answers here. */
export function onLinkCode(state: DialogState, ctx: StepContext, code: string | null, waiting = false): StepResult {
  const key = code ? 'link.code' : waiting ? 'link.unavailable_waiting' : 'link.unavailable';
  const t = trace(ctx.dialogs, { dialog: 'link', step: code ? 'code' : 'unavailable', intent: 'link', confidence: 1, sources: [{ kind: 'rule', ref: 'link-code-30-minutes' }] });
  return { state, replies: [{ text: text(ctx.dialogs, key, state.lang, { code: code ?? '' }), trace: t }], effects: [] };
}
