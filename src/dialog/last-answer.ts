/**
 * What the assistant last answered: which intent, whether it was a plain answer (so a follow-up the
 * assistant cannot place is about it), and "waarom?" about it. Pure, like step.ts.
 */
import { text, trace } from './texts.ts';
import type { DialogSet, DialogState, IntentDef, StepResult } from './types.ts';

/** A thanks or goodbye closes the contact (and asks for feedback). */
export const CLOSING: ReadonlySet<string> = new Set(['goodbye', 'thanks']);
export const WHY = /^\s*(waarom|why|hoezo|how come|hoe weet je dat|how do you know( that)?|waar baseer je dat op)\s*[?!.]*\s*$/i;
/** "Waarom moet dat binnen 5 dagen?", "why do I have to do that?": a why about the answer just given. */
const WHY_THAT = /^\s*((en|and|maar|but|ok(é|e)?)[,]?\s+)?(waarom|why|hoezo|how come)\b/i;

/**
 * Whether the message asks why of the last answer: "waarom?" alone, or right after a plain answer a
 * short why that points back at it (`followsUp`: variants.ts isFollowUp). After a case's status,
 * "waarom duurt het zo lang?" asks about the case, not about where the status came from.
 */
export function asksWhy(state: DialogState, dialogs: DialogSet, msg: string, followsUp: (msg: string) => boolean): boolean {
  if (WHY.test(msg)) return true;
  return WHY_THAT.test(msg) && followsUp(msg) && afterAnAnswer(state, lastAnswered(state, dialogs)) && state.lastAnswer?.trace.dialog !== 'case_status';
}

/** The intent whose answer (or case status) was the last thing the assistant said, if it was one. */
export function lastAnswered(state: DialogState, dialogs: DialogSet): IntentDef | undefined {
  return state.lastAnswer?.trace.step === 'answer' ? dialogs.intents.get(state.lastAnswer.trace.dialog) : undefined;
}

/** "hoe lang duurt het?", "how long do I have?", "tot wanneer?": a question about time. */
const HOW_LONG = /\b(hoe\s*lang|hoelang|tot\s+wanneer|binnen\s+hoeveel|hoeveel\s+(tijd|dagen|weken|maanden)|binnen\s+(een\s+)?(bepaalde|welke)\s+(tijd|termijn)|(een|welke|de)\s+termijn|deadline|how\s+long|how\s+much\s+time|how\s+many\s+(days|weeks|months)|within\s+(a\s+certain|what)\s+time|time\s+limit|until\s+when|by\s+when)\b/i;
/** A sentence of an answer that names a span of time ("Ongeveer 5 werkdagen later …", "within 6 weeks"). */
const SPAN = /(?<![.:\d])\b(\d+|een|één|twee|drie|vier|vijf|zes|acht|tien|one|two|three|four|five|six|eight|ten)\s+(werk)?(dagen|dag|weken|week|maanden|maand|uur|minuten|working\s+days?|days?|weeks?|months?|hours?|minutes?)\b/i;

const AGE = /\b(ouder|jonger|older|younger)\s+(dan|than)\s+\S+\s+\S+/gi;

/**
 * For a question about time right after an answer ("en hoe lang duurt het?" after the passport
 * answer): the sentences of that answer that name a span of time, or null when it names none.
 */
export function timeInAnswer(state: DialogState, dialogs: DialogSet, msg: string): string | null {
  const last = lastAnswered(state, dialogs);
  if (!last?.answer || !HOW_LONG.test(msg)) return null;
  const variant = state.lastAnswer?.topic ? last.variants?.find((v) => v.id === state.lastAnswer!.topic) : undefined;
  const said = (variant?.answer ?? last.answer)[state.lang];
  // An age is no time to wait ("een pasfoto van niet ouder dan 6 maanden").
  const sentences = said.split(/(?<=[.!?])\s+/).filter((x) => SPAN.test(x.replace(AGE, '')));
  return sentences.length > 0 ? sentences.slice(0, 2).join(' ') : null;
}

/** Right after a plain answer or a variant's: a follow-up the assistant cannot place is about that answer. */
export function afterAnAnswer(state: DialogState, last: IntentDef | undefined): boolean {
  return !!last && (isPlainAnswer(last) || !!state.lastAnswer?.topic);
}

/** An intent answered with a text of its own: not a flow, a handoff, a greeting, a thanks or a goodbye. */
export function isPlainAnswer(intent: IntentDef | undefined): boolean {
  return !!intent?.answer && !intent.flow && !intent.handoff && intent.id !== 'none' && intent.id !== 'greeting' && !CLOSING.has(intent.id);
}

/**
 * "waarom?" right after an answer: say in plain words what it rested on, and under which version of
 * the dialogs. The text is the one stored with the answer, so it fits the version it names.
 */
export function explain(state: DialogState, dialogs: DialogSet): StepResult {
  const last = state.lastAnswer;
  // "waarom?" is recognised by rule, not by the classifier: the trace says so.
  const t = trace(dialogs, { dialog: 'why', step: last ? 'explain' : 'nothing_to_explain', intent: 'why', confidence: 1, sources: [...(last?.trace.sources ?? []), { kind: 'rule', ref: 'why-after-answer' }] });
  const msg = last
    ? `${last.explain[state.lang]} ${text(dialogs, 'why.version', state.lang, { dialog: last.trace.dialog, version: last.trace.dialogVersion })}`
    : text(dialogs, 'why.nothing', state.lang);
  return { state, replies: [{ text: msg, trace: t }], effects: [] };
}
