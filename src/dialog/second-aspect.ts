/**
 * Two aspects of one topic in one question: "wat kost een paspoort en hoe lang duurt het?". The
 * classifier places the first (the fees); the second, how long it takes, is what the topic's answers
 * say on time (timeInAnswer, as for "en hoe lang duurt het?" sent right after). Pure, like step.ts.
 */
import { timeInAnswer } from './time-in-answer.ts';
import { text, trace } from './texts.ts';
import type { DialogSet, StepResult } from './types.ts';

/** ", en hoe lang duurt het?" / "and how long does it take?" closing a question that asked something else first. */
const THEN_HOW_LONG = /\S\s*,?\s+(?:en|and)\s+((?:hoe ?lang|hoe snel|how long|how soon)\b[^?.!]*)[?.!]*\s*$/i;

export function withHowLong(answered: StepResult, msg: string, dialogs: DialogSet): StepResult {
  const asked = THEN_HOW_LONG.exec(msg)?.[1];
  if (!asked || answered.replies.length === 0) return answered;
  const sentence = timeInAnswer(answered.state, dialogs, asked);
  // The answer given may say it already (the passport's answer, asked how long it takes and where).
  if (!sentence || answered.replies.some((r) => r.text.includes(sentence.split(/(?<=[.!?])\s/)[0]!))) return answered;
  const last = answered.replies.at(-1)!.trace;
  const t = trace(dialogs, { dialog: last.dialog, step: 'time_in_answer', intent: last.intent, confidence: last.confidence, sources: [{ kind: 'dialog', ref: 'dialogs/messages.yaml' }] });
  return { ...answered, replies: [...answered.replies, { text: text(dialogs, 'answer.also_how_long', answered.state.lang, { sentence }), trace: t }] };
}
