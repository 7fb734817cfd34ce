/**
 * "kan ik het later nog eens proberen?", "can i try again later?" after three failed checks locked the case: got only
 * "Ik heb uw bericht bewaard" while waiting for the person the lock asked, or the opening hours. Yes: after the time
 * the lock ends (15 minutes, case-flow.ts LOCK_MS), with all three facts; or a person helps. Pure, like step.ts.
 */
import type { ParseResult } from '../nlu/types.ts';
import { formatTime, text, trace } from './texts.ts';
import type { DialogSet, DialogState, StepResult } from './types.ts';
import { wordCount } from './variants.ts';

/** Trying again, later or once more: "kan ik het straks opnieuw proberen", "wanneer mag ik het weer proberen", "try again later". */
const TRY_AGAIN = /\b(opnieuw|weer|nog (een ?keer|eens|1 keer)|later|straks|morgen|wanneer)\b.*\b(proberen|probere|probern)\b|\bprobeer (ik|het) (het |dan |nog )*(later|straks|opnieuw|weer|nog eens|morgen)\b|\b(try|tried) (it |this |that )?(again|later|once more|another time|tomorrow)\b/i;
/** Words up to which the message is read as only that question. */
const SHORT = 14;

/** The time the latest lock of this conversation ends, if one holds now. */
const lockEnds = (state: DialogState, now: string): string | undefined => Object.values(state.failures).map((f) => f.lockedUntil).filter((u): u is string => !!u && u > now).sort().at(-1);

/**
 * Whether the message asks to try again while the conversation had a case locked: "kan ik het straks opnieuw proberen"
 * got the full crisis reply (the crisis model alone read despair in it); concern.ts asks once instead.
 */
export const asksTryAgainAfterLock = (state: DialogState, msg: string): boolean =>
  Object.values(state.failures).some((f) => !!f.lockedUntil) && asksTryAgain(msg);

/** The whole message asks to try again (a short one: in a longer one it is a part of something else). */
const asksTryAgain = (msg: string): boolean => wordCount(msg) <= SHORT && TRY_AGAIN.test(msg);

/** The answer to "kan ik het later nog eens proberen?" while a lock holds (`waiting`: a person is coming); null when that is not asked, or no lock holds. */
export function tryAgainLater(state: DialogState, msg: string, nlu: ParseResult, ctx: { dialogs: DialogSet; timeZone: string }, now: string, waiting: boolean): StepResult | null {
  const until = lockEnds(state, now);
  if (!until || nlu.handoffs.some((h) => h.reason === 'distress') || !asksTryAgain(msg)) return null;
  const said = text(ctx.dialogs, waiting ? 'case.try_again_waiting' : 'case.try_again_later', state.lang, { time: formatTime(until, state.lang, ctx.timeZone) });
  const t = trace(ctx.dialogs, { dialog: 'case_status', step: 'try_again_later', intent: nlu.intent.name, confidence: nlu.intent.confidence, sources: [{ kind: 'rule', ref: 'lock-after-3-failures' }, { kind: 'dialog', ref: 'dialogs/flows/case_status.yaml' }] });
  return { state: { ...state, fallbacks: 0 }, replies: [{ text: said, trace: t }], effects: waiting ? [{ type: 'queue_status' }] : [] };
}
