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

/** "die", "dat", "hem", "m" (texted): the thing just explained, not named again. */
const IT_NL = String.raw`(die|dat|deze|dit|het|t|'t|hem|m|'m|em|er een|er 1|zo n|zo'n)`;
const IT_EN = String.raw`(it|one|1|that|this|them)`;
/**
 * "hoe krijg ik die?", "hoe vraag ik t aan", "waar kan ik die aanvragen?", "hoe kom ik eraan?", "hoe regel ik dat?",
 * "how do i make one?", "and where do I get it", "how can i apply for it", "how do i get 1 pls": the way to get the thing
 * just explained.
 */
const HOW_TO_GET = new RegExp(String.raw`^\s*((en|maar|ok(é|e|ay)?|and|but|so)[,]?\s+)*(`
  + String.raw`(hoe|waar) (krijg|maak|vraag|regel|doe|haal) (ik|je|we|u) ${IT_NL}( (dan|precies|eigenlijk|nou))*( (aan|vandaan))?`
  + String.raw`|(hoe|waar) (kan|kun|moet) (ik|je|we|u) ${IT_NL}( (dan|precies|eigenlijk|nou))* (aanvragen|aanmaken|krijgen|regelen|maken|halen)`
  + String.raw`|(hoe|waar) (kom|kan|kun) (ik|je|we|u) (daar|er) ?aan( komen)?`
  + String.raw`|(how|where) (do|can|could|should) (i|we|you) (make|get|apply for|obtain|request|arrange|do|create|sign up for) ${IT_EN}( (then|exactly|from))?`
  + String.raw`|how to (get|apply for|make|arrange) ${IT_EN})( (dan|then|pls|please|plz|aub|ajb))*\s*[?!.]*\s*$`, 'i');

/** "waar vind ik die?", "where do i find mine?": where one's own is written (`find`), right after the explanation. */
const WHERE_OWN = new RegExp(String.raw`^\s*((en|maar|ok(é|e|ay)?|and|but|so)[,]?\s+)*((waar|hoe) (vind|zie|staat|zoek) (ik|je|u)? ?(die|dat|het|t|hem|m|mijn|m'n|mn|die van mij)( (dan|precies|eigenlijk|nou))*( (op|terug))?|where (do|can|could) i (find|see|look up) (it|mine|my own|that)|where is (it|mine))( (dan|then|pls|please|aub))*\s*[?!.]*\s*$`, 'i');

/** The answer (intent/variant) the message asks of the term explained just before; null when it asks none of them. */
function followedUp(state: DialogState, msg: string, glossary: readonly GlossaryTerm[]): string | null {
  const last = state.lastAnswer?.trace;
  const term = last?.dialog === 'glossary' ? glossary.find((t) => t.id === last.step) : undefined;
  return (HOW_TO_GET.test(msg) ? term?.how : WHERE_OWN.test(msg) ? term?.find : undefined) ?? null;
}

/** The term's answer on how to get it (or where one's own is), when the message asks that; null otherwise. */
export function termHow(state: DialogState, msg: string, nlu: ParseResult, ctx: StepContext): StepResult | null {
  const ref = followedUp(state, msg, ctx.dialogs.glossary) ?? askedHow(state, msg, ctx.dialogs)?.how;
  if (!ref) return null;
  const [intentId, variantId] = ref.split('/') as [string, string];
  const intent = ctx.dialogs.intents.get(intentId);
  const variant = intent?.variants?.find((v) => v.id === variantId);
  return intent && variant ? answer({ ...state, active: null }, ctx, nlu, intent, variant) : null;
}

/** What a word asked about gets: how to get it, what it means, or (right after its explanation) its amounts. */
export const answerTerm = (state: DialogState, msg: string, nlu: ParseResult, ctx: StepContext): StepResult | null =>
  termHow(state, msg, nlu, ctx) ?? explainTerm(state, msg, nlu, ctx.dialogs) ?? termAmounts(state, msg, nlu, ctx.dialogs);
