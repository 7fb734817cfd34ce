/**
 * "Dat snap ik niet", "ik begrijp het niet", "I don't understand" right after an answer: that answer was
 * not clear. Before, the vulnerability lexicon handed the conversation to a person at once, as for
 * someone who cannot read or speaks no Dutch. Here the assistant says sorry, asks what is not clear so
 * it can say it differently, and offers a person (`person_offer`: "ja" brings one). After a status it is
 * that status in plain words. With no answer before it, or with more said ("… ik ben slechtziend"), the
 * NLU's reading stands. Pure, like step.ts.
 */
import type { ParseResult } from '../nlu/types.ts';
import type { FlowContext } from './case-flow.ts';
import { statusInPlainWords } from './about-status.ts';
import { lastAnswered } from './answer-sentences.ts';
import { afterAnAnswer } from './last-answer.ts';
import { offerPerson } from './rules.ts';
import type { DialogSet, DialogState, StepResult } from './types.ts';

/**
 * The whole message says only that: "dat snap ik niet", "snap ik niet", "ik begrijp het niet", "sorry, dat
 * begrijp ik niet", "huh snap er niks van", "I don't understand (that)", "not clear". Not the letter ("ik
 * snap de brief niet", "ik snap hem niet" after the letter question), which a person explains.
 */
const NOT_CLEAR = new RegExp(
  String.raw`^\s*((sorry|huh|eh+|uh+|hmm+|nee|maar|but|ok(é|e)?)[,.!?]?\s+)*(` +
    [
      String.raw`(dat|dit|het|t)?\s*(snap|begrijp|snapte|begreep) ik (niet|nie|niks|niets|er niks van|er niets van|geen bal van)`,
      String.raw`ik (snap|begrijp|snapte|begreep) (het|dat|dit|t|u|je|jullie) (niet|nie)`,
      String.raw`ik (snap|begrijp|snapte|begreep) (er )?(niks|niets) van`,
      String.raw`(snap|begrijp) (het|dat|dit|t) (niet|nie)`,
      String.raw`(snap|begrijp) er (niks|niets) van`,
      String.raw`(dat|dit|het) is (mij |me )?(niet duidelijk|onduidelijk)`,
      String.raw`i (don'?t|do not|didn'?t|did not) (understand|get)( (it|that|this|you))?`,
      String.raw`(that'?s|that is|this is|it'?s|it is) not clear`,
      String.raw`not clear`,
    ].join('|') +
    String.raw`)(\s+(hoor|sorry|eigenlijk|echt|helemaal|at all|really))*\s*[?!.]*\s*$`,
  'i',
);

/** The reply to a message that says the answer before it was not clear; null for any other message or moment. */
export function notClear(state: DialogState, msg: string, nlu: ParseResult, ctx: { dialogs: DialogSet }, flow: FlowContext): StepResult | null {
  if (!NOT_CLEAR.test(msg) || state.active !== null || state.pending !== null) return null;
  // Only what the vulnerability lexicon heard in these words: a crisis or anger beside it keeps its handoff.
  if (!nlu.handoffs.every((h) => h.reason === 'vulnerability' && !h.further?.length)) return null;
  const status = state.lastAnswer?.trace.dialog === 'case_status' ? statusInPlainWords(state, flow) : null;
  if (status) return status;
  if (!afterAnAnswer(state, lastAnswered(state, ctx.dialogs))) return null;
  return offerPerson(state, ctx, nlu, 'answer', 'not_clear', 'answer.not_clear');
}
