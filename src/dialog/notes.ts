/**
 * Notes said before the answer to a message, whatever that answer is: that a BSN is never needed in a
 * chat, and that the assistant reads only Dutch and English. Pure, like step.ts.
 */
import type { ParseResult } from '../nlu/types.ts';
import { FOOD } from './handoff-mode.ts';
import { inOtherLanguage } from './not-understood.ts';
import type { StepContext } from './step.ts';
import { text, trace } from './texts.ts';
import type { Reply, StepResult } from './types.ts';

/** The answer to a message with the notes it needs before it. */
export function withNotes(res: StepResult, nlu: ParseResult, ctx: StepContext): StepResult {
  return withBsnNote(withLanguageNote(withWritingNote(withFoodNote(res, nlu, ctx), nlu, ctx), nlu, ctx), nlu, ctx);
}

/**
 * A handoff for money worries that names food: a person of debt support comes, perhaps only on the
 * next working day; after the acknowledgement, where to get food meanwhile.
 */
function withFoodNote(res: StepResult, nlu: ParseResult, ctx: StepContext): StepResult {
  const food = res.effects.some((e) => e.type === 'handoff' && e.record.reason === 'financial_hardship' && FOOD.test(e.record.evidence));
  if (!food) return res;
  const t = trace(ctx.dialogs, { dialog: 'handoff', step: 'hardship_meanwhile', intent: nlu.intent.name, confidence: nlu.intent.confidence, reason: 'financial_hardship', sources: [{ kind: 'rule', ref: 'food-meanwhile' }] });
  return afterAcknowledgement(res, { text: text(ctx.dialogs, 'handoff.hardship_meanwhile', res.state.lang), trace: t });
}

/** Deafness or hard hearing named as the reason for a person ("ik ben doof, kan ik ook mailen?"). */
const HEARING = /(^|[^\p{L}])(doof|dove|doven|slechthorend\p{L}*|gehoorapparaat|deaf|hard of hearing|hearing aid|hearing impaired)([^\p{L}]|$)/iu;

/**
 * A handoff for a vulnerability that names deafness: after the acknowledgement (which says a person will explain it),
 * that the person writes here in the chat, so no phone call is needed. The caseworker sees the words too. With a crisis
 * named beside deafness, how to reach the crisis line without phoning.
 */
function withWritingNote(res: StepResult, nlu: ParseResult, ctx: StepContext): StepResult {
  const handoff = res.effects.find((e) => e.type === 'handoff');
  if (handoff?.type !== 'handoff' || !HEARING.test(nlu.text)) return res;
  // With a crisis, the crisis line in writing: 113's chat, and the 112 app for who cannot call.
  const crisis = handoff.record.reason === 'distress';
  if (!crisis && (handoff.record.reason !== 'vulnerability' || !HEARING.test(handoff.record.evidence))) return res;
  const [step, key] = crisis ? ['crisis_in_writing', 'handoff.crisis_in_writing'] : ['in_writing', 'handoff.in_writing'];
  const t = trace(ctx.dialogs, { dialog: 'handoff', step, intent: nlu.intent.name, confidence: nlu.intent.confidence, reason: handoff.record.reason, sources: [{ kind: 'rule', ref: 'deaf-in-writing' }] });
  return afterAcknowledgement(res, { text: text(ctx.dialogs, key, res.state.lang), trace: t });
}

/** A note said right after a handoff's acknowledgement (before where the wait stands). */
function afterAcknowledgement(res: StepResult, note: Reply): StepResult {
  if (res.replies.length === 0) return res;
  return { ...res, replies: [res.replies[0]!, note, ...res.replies.slice(1)] };
}

/**
 * A citizen service number in a message: the assistant never needs it (cases are found by their
 * number), so it says so before its answer, and asks not to send it in a chat. A special situation's
 * acknowledgement (the crisis line) stays first.
 */
function withBsnNote(res: StepResult, nlu: ParseResult, ctx: StepContext): StepResult {
  if (res.replies.length === 0 || !nlu.entities.some((e) => e.type === 'bsn')) return res;
  const t = trace(ctx.dialogs, { dialog: 'privacy', step: 'bsn_not_needed', intent: nlu.intent.name, confidence: nlu.intent.confidence, sources: [{ kind: 'rule', ref: 'privacy-no-bsn' }] });
  const at = res.replies.findIndex((r) => r.trace.dialog !== 'handoff');
  const replies = [...res.replies];
  replies.splice(at === -1 ? replies.length : at, 0, { text: text(ctx.dialogs, 'privacy.bsn_not_needed', res.state.lang), trace: t });
  return { ...res, replies };
}

/**
 * A message in another script or language: before a handoff's acknowledgement is followed, in both
 * languages, that the person can arrange an interpreter (so too for a language barrier named, "ik spreek
 * geen Nederlands"). Else, when the assistant could still act on it (a case number in it): before the
 * answer, in both languages, that it reads only Dutch and English and that a person with an interpreter
 * can help. Not while waiting for a person (the message is kept for them), nor twice.
 */
function withLanguageNote(res: StepResult, nlu: ParseResult, ctx: StepContext): StepResult {
  const other = inOtherLanguage(nlu);
  if (res.effects.some((e) => e.type === 'handoff')) {
    const key = other ? 'handoff.interpreter' : languageBarrier(nlu) ? 'handoff.interpreter_barrier' : null;
    if (!key) return res;
    const t = trace(ctx.dialogs, { dialog: 'handoff', step: 'interpreter_note', intent: nlu.intent.name, confidence: nlu.intent.confidence, sources: [{ kind: 'rule', ref: 'other-language' }] });
    return afterAcknowledgement(res, { text: text(ctx.dialogs, key, res.state.lang), trace: t });
  }
  if (!other || res.replies.length === 0 || !nlu.entities.some((e) => e.type === 'case_number')) return res;
  if (res.replies.some((r) => r.trace.step === 'other_language' || r.trace.dialog === 'handoff')) return res;
  const none = ctx.dialogs.intents.get('none')!;
  const t = trace(ctx.dialogs, { dialog: 'none', step: 'other_language_note', intent: nlu.intent.name, confidence: nlu.intent.confidence, sources: [{ kind: 'dialog', ref: none.file }] });
  return { ...res, replies: [{ text: text(ctx.dialogs, 'note.other_language', res.state.lang), trace: t }, ...res.replies] };
}

/** A language barrier named as the reason a person is needed ("ik spreek geen Nederlands", "kan er een tolk bij?"). */
const LANGUAGE_WORD = /\b(nederlands|dutch|engels|english|taal|language|tolk|interpreter)\b/i;
function languageBarrier(nlu: ParseResult): boolean {
  return nlu.handoffs.some((h) => h.reason === 'vulnerability' && LANGUAGE_WORD.test(h.evidence));
}
