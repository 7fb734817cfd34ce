/**
 * A case number the guard holds back (src/cases/guard.ts: too many failed checks of it, over all
 * conversations): not checked now, whatever was typed, so a guess learns nothing. The citizen hears
 * until when, and that a person can help meanwhile; no handoff is queued by itself, or whoever guesses
 * could fill the caseworkers' queue.
 */
import { formatTime, text, texts, trace } from './texts.ts';
import type { FlowContext } from './case-flow.ts';
import type { DialogState, StepResult } from './types.ts';

export function onCaseGuarded(state: DialogState, ctx: FlowContext, caseNumber: string, until: string): StepResult {
  const { dialogs } = ctx;
  const vars = { caseNumber, time: formatTime(until, state.lang, ctx.timeZone) };
  const t = trace(dialogs, { dialog: 'case_status', step: 'guarded', intent: ctx.intent, confidence: ctx.confidence, sources: [{ kind: 'rule', ref: 'guard-failed-checks-all-conversations' }] });
  const { caseNumber: _held, ...facts } = state.facts;
  const next: DialogState = { ...state, facts, active: null, lastAnswer: { trace: t, explain: texts(dialogs, 'case.explain_guarded', vars) } };
  return { state: next, replies: [{ text: text(dialogs, 'case.guarded', state.lang, vars), trace: t }], effects: [] };
}
