/**
 * "een vergunning", "de vergunning?", "the permit" right after a case's status: only the thing the case
 * is about, named. The citizen means that permit and has a question about it, or answers a question they
 * thought was asked. Not "Dat kan ik niet beantwoorden" (after the dormer's status), nor how to apply for
 * a parking permit (after the status of one that was granted): what they want to know about it, with
 * examples for that case's topic. The next message is read with the case's type (`askedAbout`), and the
 * status stays the answer a follow-up is about. Pure, like step.ts.
 */
import { text, trace } from './texts.ts';
import { fold, topicNamedIn } from './variants.ts';
import type { ParseResult } from '../nlu/types.ts';
import type { DialogSet, DialogState, StepResult } from './types.ts';

/** Only a word for the thing, with an article or "over"/"voor" before it: "een vergunning", "over de dakkapel", "the permit". */
const THING_ONLY = /^\s*((ja|ok(é|e)?|nou|eh+|uh+|yes|well)[,]?\s+)?((een|de|die|mijn|m'n|mn|onze|ons|het|over (de|die|mijn|m'n|mn|een|het)|voor (de|die|mijn|m'n|mn|een|het)|om (de|die|mijn|m'n|mn|een|het)|a|the|my|our|about (the|my|a|our)|for (the|my|a|our))\s+)?(vergunning|omgevingsvergunning|bouwvergunning|parkeervergunning|dakkapel|verbouwing|permit|building permit|parking permit|dormer)\s*[?!.]*\s*$/i;
/** Words for any permit: they fit a case whose type is one. */
const ANY_PERMIT = /^(vergunning|permit)$/;

/** The thing named, when it is the case's own: its type names it, or it names the same topic (null: not that). */
function thingOfTheCase(dialogs: DialogSet, state: DialogState, msg: string): string | null {
  const m = THING_ONLY.exec(msg);
  const type = state.facts.caseType;
  if (!m || !type) return null;
  const word = fold(m.at(-1)!);
  if (ANY_PERMIT.test(word)) return /vergunning|permit/i.test(type) ? word : null;
  if (fold(type).includes(word)) return word;
  const topic = state.lastAnswer?.caseTopic;
  return topic && topicNamedIn(dialogs, word) === topic ? word : null;
}

/**
 * What the citizen wants to know about the case just told, when the message only names its thing; null
 * when it does more, or no status was just told.
 */
export function aboutTheCase(state: DialogState, dialogs: DialogSet, nlu: ParseResult): StepResult | null {
  const last = state.lastAnswer;
  if (last?.trace.dialog !== 'case_status' || !last.means || state.active || nlu.handoffs.length > 0) return null;
  if (!thingOfTheCase(dialogs, state, nlu.text)) return null;
  const own = last.caseTopic && dialogs.texts.has(`case.about_the_case.${last.caseTopic}`) ? `case.about_the_case.${last.caseTopic}` : 'case.about_the_case';
  const t = trace(dialogs, { dialog: 'case_status', step: 'about_the_case', intent: nlu.intent.name, confidence: nlu.intent.confidence, sources: [{ kind: 'dialog', ref: 'dialogs/flows/case_status.yaml' }] });
  return { state: { ...state, fallbacks: 0, askedAbout: state.facts.caseType! }, replies: [{ text: text(dialogs, own, state.lang), trace: t }], effects: [] };
}
