/**
 * A message the assistant cannot place: the answer before it may say it (last-answer.ts); else it asks
 * "gaat uw vraag over …?" (and reads the answer to it) or to say it in other words, and after a second
 * miss hands over to a person. So inside a case flow, for a message without the fact asked (reprompt).
 * Pure, like step.ts.
 */
import type { HandoffSignal, ParseResult } from '../nlu/types.ts';
import { handOff } from './hand-off.ts';
import { afterAnAnswer, askAgain, fromLastAnswer } from './last-answer.ts';
import { lastAnswered } from './answer-sentences.ts';
import type { StepContext } from './step.ts';
import { text, trace } from './texts.ts';
import type { DialogSet, DialogState, StepResult } from './types.ts';
import { answer, kept } from './answer.ts';
import { absorbEntities, advanceCase, flowCtx } from './case-flow.ts';
import { withMovedHint, withOtherNumberHint } from './case-answers.ts';
import { typedNearlyRight, withTypedHint } from './typed-facts.ts';
import { isNo, isYes } from './yes-no.ts';
import { isQuestion } from './rules.ts';
import { isFollowUp, wordCount } from './variants.ts';
import { unsureVariant } from './variant-choice.ts';

/** What a message not placed may be near: the answer before, the classifier's suggestion, the topic just answered. */
type Near = NonNullable<Parameters<typeof unsureVariant>[2]>;

export function fallback(state: DialogState, ctx: StepContext, nlu: ParseResult, now: string): StepResult {
  const fromLast = fromLastAnswer(state, ctx.dialogs, nlu, ['time', 'how', 'named']);
  if (fromLast) return fromLast;
  const fallbacks = state.fallbacks + 1;
  if (fallbacks >= 2) return notUnderstood({ ...state, fallbacks: 0 }, ctx, nlu, now);
  // Written in another script (Arabic, Cyrillic, …) or language (German, Polish, …): say in both
  // languages which ones the assistant reads, and that a person with an interpreter can help; a
  // second such message goes to that person.
  if (inOtherLanguage(nlu)) {
    const none = ctx.dialogs.intents.get('none')!;
    const t = trace(ctx.dialogs, { dialog: 'none', step: 'other_language', intent: 'none', confidence: nlu.intent.confidence, sources: [{ kind: 'dialog', ref: none.file }] });
    return { state: { ...state, fallbacks }, replies: [{ text: text(ctx.dialogs, 'fallback.other_language', state.lang), trace: t }], effects: [] };
  }
  // Unsure rather than lost: ask whether the question is about the intent that came closest. Not for
  // a short follow-up on the answer just given ("hoe kan dat?"): that is about the answer. Nor right after
  // a case's status ("can i check it online?"): that is about the case (askAgain says what it can tell of one).
  const last = lastAnswered(state, ctx.dialogs);
  const followsUp = isFollowUp(nlu.text) && (afterAnAnswer(state, last) || last?.id === 'case_status');
  const near = nlu.suggestion && !followsUp ? ctx.dialogs.intents.get(nlu.suggestion.name) : undefined;
  if (near?.topic) {
    const t = trace(ctx.dialogs, { dialog: 'none', step: 'suggest', intent: near.id, confidence: nlu.suggestion!.confidence, sources: [{ kind: 'dialog', ref: near.file }] });
    return { state: { ...state, fallbacks, pending: 'suggestion', suggested: near.id }, replies: [{ text: text(ctx.dialogs, 'suggest.ask', state.lang, { topic: near.topic[state.lang] }), trace: t }], effects: [] };
  }
  return askAgain({ ...state, fallbacks }, ctx.dialogs, nlu);
}

/**
 * A message the classifier placed nowhere: the answer of a topic it names ("ik ben mijn rijbewijs kwijt"),
 * else the fallback. After a situation was acknowledged, and while waiting for a person ("hoe vraag ik
 * een paspoort aan" in the queue), only a question counts: anything else then adds nothing to the
 * acknowledgement, or is kept for the person. `about`: the topic the conversation is on, tried with the message.
 */
export function onNotPlaced(state: DialogState, base: DialogState, ctx: StepContext, nlu: ParseResult, now: string, near: Near, opts: { acknowledged?: boolean | undefined; queued?: boolean | undefined; about?: string | undefined }): StepResult {
  const { dialogs } = ctx;
  // By the words as written, else as the NLU read them ("hoe vraag ik bijstnd aan": the bijstand).
  const named = (text: string) => unsureVariant(dialogs, text, near) ?? (nlu.fixed ? unsureVariant(dialogs, nlu.fixed, near) : undefined);
  // So does a topic typed as a search ("betalingsregeling gemeentebelasting", "payment plan"): it got the acknowledgement of
  // money trouble alone, without the answer on a payment plan. Not a statement ("ik heb schulden").
  const searched = opts.acknowledged && wordCount(nlu.text) <= TOPIC_WORDS && !SAYS_OWN.test(nlu.text);
  const asked = (opts.acknowledged || opts.queued) && (isQuestion(nlu.text) || /\?/.test(nlu.text) || searched) ? named(nlu.text) : undefined;
  if (asked) return answer(base, ctx, nlu, asked.intent, asked.variant, { queued: opts.queued });
  if (opts.acknowledged) return { state, replies: [], effects: [] };
  if (opts.queued) return kept(absorbEntities(base, nlu.entities, undefined), ctx, nlu);
  const topic = named(nlu.text) ?? (opts.about ? unsureVariant(dialogs, `${opts.about} ${nlu.text}`, near) : undefined) ?? ofTheCase(dialogs, state, nlu.text, near);
  // "kan ik parkeren?" right after the town hall's address, whose answer says where to park: parking there, not a parking
  // permit (as "can i park?" and "kan ik daar parkeren?" got). Only right after the address itself.
  const there = topic && near.last === 'contact_hours' && state.lastAnswer?.topic === 'visit_address' ? fromLastAnswer(state, dialogs, nlu, ['named']) : null;
  if (there) return there;
  return topic ? answer(base, ctx, nlu, topic.intent, topic.variant) : fallback(base, ctx, nlu, now);
}

/** Words up to which a message with no one in it is a topic typed as a search ("betalingsregeling gemeentebelasting"). */
const TOPIC_WORDS = 3;
/** Someone in a message ("ik heb schulden", "my debts"): it tells a situation, not a topic searched. */
const SAYS_OWN = /(^|[^\p{L}])(ik|mijn|mn|m'n|wij|we|ons|onze|i|my|me|our|us|i'm|im)([^\p{L}]|$)/iu;

/** A thing named without its kind: "een vergunning", "a permit". */
const BARE_THING = /\b(vergunning|permit)\b/i;

/**
 * "kan mijn vrouw ook een vergunning krijgen?" right after the status of a parking permit: "een vergunning"
 * is that kind of permit, so the message is read with the topic's own word for it ("parkeervergunning"),
 * as when the citizen names it. So it is right after that permit's own answer. Only right after a case's
 * status or an answer that names a topic.
 */
function ofTheCase(dialogs: DialogSet, state: DialogState, msg: string, near: Near): ReturnType<typeof unsureVariant> {
  const topic = state.lastAnswer?.topic ?? state.lastAnswer?.caseTopic;
  const bare = topic ? BARE_THING.exec(msg) : null;
  if (!topic || !bare) return undefined;
  const generic = bare[1]!.toLowerCase();
  for (const intent of dialogs.intents.values()) {
    const own = intent.variants?.find((v) => v.id === topic)?.when?.find((w) => w.toLowerCase().includes(generic) && w.toLowerCase() !== generic);
    if (own) return unsureVariant(dialogs, msg.replace(BARE_THING, own), near);
  }
  return undefined;
}

export function notUnderstood(state: DialogState, ctx: StepContext, nlu: ParseResult, now: string): StepResult {
  return handOff(state, ctx, nlu, { reason: 'not_understood' as HandoffSignal['reason'], evidence: 'two fallbacks in a row' }, now);
}

/**
 * A message whose letters are mostly not Latin ("مرحبا، أريد أن أعرف حالة طلبي", "Здравствуйте"): not
 * Dutch or English, whatever the classifier made of it. Digits, case numbers and emoji do not count.
 */
export function inOtherScript(msg: string): boolean {
  // Only ASCII: every letter is Latin (most messages; spares two lists of every letter).
  if (ASCII_ONLY.test(msg)) return false;
  const letters = msg.match(/\p{L}/gu)?.length ?? 0;
  const latin = msg.match(/\p{Script=Latin}/gu)?.length ?? 0;
  return letters >= 2 && latin / letters < 0.2;
}

const ASCII_ONLY = /^[\x00-\x7F]*$/;

/** A message in neither Dutch nor English: in another script, or another language in Latin letters. */
export function inOtherLanguage(nlu: ParseResult): boolean {
  return nlu.otherLanguage !== undefined || inOtherScript(nlu.text);
}

/**
 * The answer to "gaat uw vraag over …?" (`pending: 'suggestion'`), with the question taken off the state:
 * yes answers that intent (`yes`: the message read as it), no counts as not understood (`result`);
 * anything else is the new message it is. Null when that question was not asked.
 */
export function answerSuggestion(state: DialogState, msg: string, nlu: ParseResult, dialogs: DialogSet): { state: DialogState; yes?: ParseResult; result?: StepResult } | null {
  if (state.pending !== 'suggestion') return null;
  const { suggested, ...rest } = state;
  const asked: DialogState = { ...rest, pending: null };
  if (nlu.handoffs.length === 0) {
    if (suggested && isYes(msg)) return { state: asked, yes: { ...nlu, intent: { name: suggested, confidence: 1 } } };
    // "nee": the same round of not understanding (asking counted it), so ask to say it in other words.
    if (isNo(msg)) return { state: asked, result: askAgain(asked, dialogs, nlu) };
  }
  return { state: asked };
}

/** Inside a flow, a message without the asked fact: ask again with a hint, then a person after two misses. */
export function reprompt(state: DialogState, ctx: StepContext, nlu: ParseResult, now: string): StepResult {
  // A fact typed nearly right ("15 maart") was understood: what it lacks is said, and it ends a row of misses.
  const fallbacks = typedNearlyRight(state, nlu) ? 0 : state.fallbacks + 1;
  if (fallbacks >= 2) return notUnderstood({ ...state, fallbacks: 0, active: null }, ctx, nlu, now);
  const asked = advanceCase({ ...state, fallbacks }, flowCtx(ctx, nlu.intent.name, nlu.intent.confidence), now, true);
  // What a nearly right fact lacks goes before a hint on other numbers ("000123" is a case number's end, not a reference).
  return withTypedHint(withOtherNumberHint(withMovedHint(asked, ctx.dialogs, nlu.text), ctx.dialogs, nlu.text), ctx.dialogs, nlu.text, nlu.entities);
}
