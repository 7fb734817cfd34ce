/**
 * How to get a word the glossary explains (its `how`: the variant that says so). "how do i make one?" or "hoe krijg ik die?"
 * right after "what is digid?" got "Sorry, I did not understand that": the pronoun names nothing the classifier knows, and
 * the explanation is about what it is. "how do i make a digid" got the explanation, as "how do I send a notice of default"
 * rightly does (that explanation says how). Both get the answer on applying now.
 */
import type { ParseResult } from '../nlu/types.ts';
import { answer } from './answer.ts';
import { sentencesOf } from './answer-sentences.ts';
import { askedHow, explained, explainTerm, termAmounts, termsIn } from './glossary.ts';
import type { StepContext } from './step.ts';
import { text, trace } from './texts.ts';
import type { DialogSet, DialogState, GlossaryTerm, StepResult } from './types.ts';

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

/**
 * "waar vind ik die?", "where do i find mine?", "hoe kom ik daar?": where it is (`find`: where one's own BSN is written, where
 * the town hall is), right after the explanation.
 */
const WHERE_OWN = new RegExp(String.raw`^\s*((en|maar|ok(é|e|ay)?|and|but|so)[,]?\s+)*((waar|hoe) (vind|zie|staat|zoek) (ik|je|u)? ?(die|dat|het|t|hem|m|mijn|m'n|mn|die van mij)( (dan|precies|eigenlijk|nou))*( (op|terug))?|where (do|can|could) i (find|see|look up) (it|mine|my own|that)|where is (it|mine|that)|waar is (die|dat|het|t)|(hoe|waar) kom ik (daar|er)( naartoe)?|how (do|can) i get there)( (dan|then|pls|please|aub))*\s*[?!.]*\s*$`, 'i');

/** The term explained in the answer just before, if it was one. */
function justExplained(state: DialogState, glossary: readonly GlossaryTerm[]): GlossaryTerm | undefined {
  const last = state.lastAnswer?.trace;
  return last?.dialog === 'glossary' ? glossary.find((t) => t.id === last.step) : undefined;
}

/** A sentence of an explanation that says what to do ("Stuur een brief …", "Send a letter …"). */
const DOES = /^(stuur|vraag|send|apply)\b/i;

/**
 * "hoe doe ik dat?" right after the notice of default, whose explanation says how (no `how` of its own): got the answer on
 * changing one's address. Its sentences from the one that says what to do on.
 */
function howInExplanation(state: DialogState, term: GlossaryTerm, nlu: ParseResult, dialogs: DialogSet): StepResult | null {
  const all = sentencesOf(term.explain[state.lang], () => true);
  const from = all.findIndex((x) => DOES.test(x));
  if (from < 0) return null;
  const t = trace(dialogs, {
    dialog: 'glossary', step: term.id, intent: nlu.intent.name, confidence: nlu.intent.confidence,
    sources: [{ kind: 'dialog', ref: 'dialogs/glossary.yaml' }, { kind: 'rule', ref: `glossary:${term.id}:how` }],
  });
  const reply = text(dialogs, 'answer.time_in_answer', state.lang, { sentence: all.slice(from).join(' ') });
  return { state: { ...state, fallbacks: 0, lastAnswer: { ...state.lastAnswer!, trace: t } }, replies: [{ text: reply, trace: t }], effects: [] };
}

/** The answer `ref` names: a variant (intent/variant), or another term's explanation (glossary/term). */
function answerOf(ref: string, state: DialogState, nlu: ParseResult, ctx: StepContext): StepResult | null {
  const [intentId, variantId] = ref.split('/') as [string, string];
  const term = intentId === 'glossary' ? ctx.dialogs.glossary.find((t) => t.id === variantId) : undefined;
  if (term) return explained(state, term, nlu, ctx.dialogs);
  const intent = ctx.dialogs.intents.get(intentId);
  const variant = intent?.variants?.find((v) => v.id === variantId);
  return intent && variant ? answer({ ...state, active: null }, ctx, nlu, intent, variant) : null;
}

/** "ik heb geen bsn", "i dont have one": what the citizen lacks (`what`), said right after an explanation. */
const LACKS = /^\s*(?:(?:maar|en|and|but|ok(?:é|e|ay)?)[,]?\s+)*(?:ik heb (?:nog |ook )?geen|i (?:do not|don't|dont|don t) (?:even )?have(?: (?:a|an|any))?|i have no|i (?:haven't|havent) got(?: (?:a|an|any))?)\s+(?<what>\S.{0,40}?)\s*[?!.]*\s*$/i;
/** "ik heb die niet", "ik heb er geen", "i dont have one": the thing just explained. */
const LACKS_IT = /^\s*((maar|en|and|but|ok(é|e|ay)?)[,]?\s+)*(ik heb (die|dat|het|hem) (nog |ook )?niet|ik heb er (nog |ook )?(geen|niet een|niet 1)|i (do not|don't|dont|don t) (even )?have (one|it|that|1)|i have none)\s*[?!.]*\s*$/i;

/** The `how` of what the citizen says they lack right after an explanation: "ik heb geen bsn" after what DigiD needs. */
function lacked(state: DialogState, msg: string, glossary: readonly GlossaryTerm[]): string | undefined {
  if (state.lastAnswer?.trace.dialog !== 'glossary') return undefined;
  if (LACKS_IT.test(msg)) return justExplained(state, glossary)?.how;
  const what = LACKS.exec(msg)?.groups?.what;
  if (!what) return undefined;
  const found = termsIn(glossary, what).filter((f) => f.before === '' && f.after === '');
  return found.length === 1 ? found[0]!.term.how : undefined;
}

/** The term's answer on how to get it (or where one's own is), when the message asks that; null otherwise. */
export function termHow(state: DialogState, msg: string, nlu: ParseResult, ctx: StepContext): StepResult | null {
  const lacks = lacked(state, msg, ctx.dialogs.glossary);
  if (lacks) return answerOf(lacks, state, nlu, ctx);
  const last = justExplained(state, ctx.dialogs.glossary);
  if (last && HOW_TO_GET.test(msg)) return last.how ? answerOf(last.how, state, nlu, ctx) : howInExplanation(state, last, nlu, ctx.dialogs);
  if (last?.find && WHERE_OWN.test(msg)) return answerOf(last.find, state, nlu, ctx);
  const how = askedHow(state, msg, ctx.dialogs)?.how;
  return how ? answerOf(how, state, nlu, ctx) : null;
}

/** What a word asked about gets: how to get it, what it means, or (right after its explanation) its amounts. */
export const answerTerm = (state: DialogState, msg: string, nlu: ParseResult, ctx: StepContext): StepResult | null =>
  termHow(state, msg, nlu, ctx) ?? explainTerm(state, msg, nlu, ctx.dialogs) ?? termAmounts(state, msg, nlu, ctx.dialogs);
