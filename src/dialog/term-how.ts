/**
 * How to get a word the glossary explains (its `how`: the variant that says so). "how do i make one?" or "hoe krijg ik die?"
 * right after "what is digid?" got "Sorry, I did not understand that": the pronoun names nothing the classifier knows, and
 * the explanation is about what it is. "how do i make a digid" got the explanation, as "how do I send a notice of default"
 * rightly does (that explanation says how). Both get the answer on applying now.
 */
import type { ParseResult } from '../nlu/types.ts';
import { answer } from './answer.ts';
import { askedHow, explainTerm, termAmounts } from './glossary.ts';
import type { StepContext } from './step.ts';
import type { DialogState, GlossaryTerm, StepResult } from './types.ts';

/**
 * "hoe krijg ik die?", "hoe vraag ik t aan", "waar vraag ik het aan?", "hoe regel ik dat?", "how do i make one?",
 * "and where do I get it", "how can i apply for it": the way to get the thing just explained, not named again.
 */
const HOW_TO_GET = /^\s*((en|maar|ok(é|e|ay)?|and|but|so)[,]?\s+)*((hoe|waar) (krijg|maak|vraag|regel|doe|haal|kom) (ik|je|we|u) (die|dat|deze|dit|het|t|'t|hem|er een|er 1|zo n|zo'n|daar|er)( (dan|precies|eigenlijk|nou))*( (aan|aanvragen|krijgen|regelen|vandaan))?( (dan|precies|eigenlijk|nou))*|(how|where) (do|can|could|should) (i|we|you) (make|get|apply for|obtain|request|arrange|do|create|sign up for) (it|one|that|this|them)( (then|exactly|from))?|how to (get|apply for|make|arrange) (it|one|that|this))\s*[?!.]*\s*$/i;

/** The term explained in the answer just before, when the message asks how to get it; null otherwise. */
function followedUp(state: DialogState, msg: string, glossary: readonly GlossaryTerm[]): GlossaryTerm | null {
  const last = state.lastAnswer?.trace;
  if (last?.dialog !== 'glossary' || !HOW_TO_GET.test(msg)) return null;
  return glossary.find((t) => t.id === last.step && t.how) ?? null;
}

/** The term's answer on how to get it, when the message asks that; null otherwise. */
export function termHow(state: DialogState, msg: string, nlu: ParseResult, ctx: StepContext): StepResult | null {
  const term = followedUp(state, msg, ctx.dialogs.glossary) ?? askedHow(state, msg, ctx.dialogs);
  if (!term) return null;
  const [intentId, variantId] = term.how!.split('/') as [string, string];
  const intent = ctx.dialogs.intents.get(intentId);
  const variant = intent?.variants?.find((v) => v.id === variantId);
  return intent && variant ? answer({ ...state, active: null }, ctx, nlu, intent, variant) : null;
}

/** What a word asked about gets: how to get it, what it means, or (right after its explanation) its amounts. */
export const answerTerm = (state: DialogState, msg: string, nlu: ParseResult, ctx: StepContext): StepResult | null =>
  termHow(state, msg, nlu, ctx) ?? explainTerm(state, msg, nlu, ctx.dialogs) ?? termAmounts(state, msg, nlu, ctx.dialogs);
