/**
 * Every contact ends with a feedback question (a 1–5 score, with words if the citizen likes): after a
 * goodbye or thanks, and after a caseworker ends a handoff. A reply that is not a score is simply
 * handled as a new message. Each contact is asked once.
 */
import { text, trace } from './texts.ts';
import type { DialogSet, DialogState, HandoffMode, Reply, StepResult } from './types.ts';

const SCORE = /^\s*([1-5])(?:\s*(?:\/|van|uit|out of|of)\s*5)?(?![\d.,])\s*[.!,:;-]?\s*(.*)$/is;
const SKIP = /^\s*(overslaan|skip|nee|no|geen|liever niet)\s*[.!]?\s*$/i;

/** The question, added after a closing answer; marks it as asked. */
export function askFeedback(state: DialogState, dialogs: DialogSet, about: string): { state: DialogState; reply: Reply } {
  const t = trace(dialogs, { dialog: 'feedback', step: 'ask', intent: about, confidence: 1, sources: [{ kind: 'dialog', ref: 'dialogs/messages.yaml' }] });
  return { state: { ...state, pending: 'feedback', feedbackAbout: about }, reply: { text: text(dialogs, 'feedback.ask', state.lang), trace: t } };
}

/** Whether this message answers a feedback question (ours, or the one in a caseworker's closing message). */
export function answerFeedback(state: DialogState, msg: string, mode: HandoffMode | null | undefined, dialogs: DialogSet, now: string): StepResult | null {
  const afterHandoff = mode?.state === 'ended' && state.feedbackAbout !== `handoff:${mode.handoffId}` ? `handoff:${mode.handoffId}` : null;
  const about = state.pending === 'feedback' ? state.feedbackAbout ?? 'contact' : afterHandoff;
  if (!about) return null;
  const done: DialogState = { ...state, pending: null, feedbackAbout: about };
  const t = trace(dialogs, { dialog: 'feedback', step: 'thanks', intent: 'feedback', confidence: 1, sources: [{ kind: 'rule', ref: 'feedback-after-contact' }] });
  if (SKIP.test(msg) && state.pending === 'feedback') return { state: done, replies: [{ text: text(dialogs, 'feedback.skipped', state.lang), trace: t }], effects: [] };
  const m = SCORE.exec(msg);
  if (!m) return state.pending === 'feedback' ? { state: { ...state, pending: null }, replies: [], effects: [] } : null;
  const score = Number(m[1]);
  const comment = m[2]!.trim().slice(0, 1000);
  return {
    state: done,
    replies: [{ text: text(dialogs, score <= 2 ? 'feedback.thanks_low' : 'feedback.thanks', state.lang), trace: t }],
    effects: [{ type: 'feedback', score, comment, about, at: now }],
  };
}
