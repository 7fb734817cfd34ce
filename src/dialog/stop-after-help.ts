/**
 * "stop" right after a bare cry for help ("help", a sad emoji) or the check-in ("gaat het goed met u?"),
 * both of which offered a person: before, it was read as a goodbye, "Tot ziens!" and "Hoe tevreden bent u
 * over dit gesprek?". Someone who just cried for help and stops is not done with a contact that went well:
 * the assistant stops, says a person is still there and how to reach one, and gives the crisis lines once
 * more. No score is asked (as after the check-in, concern.ts): a later goodbye asks it. Pure, like step.ts.
 */
import type { ParseResult } from '../nlu/types.ts';
import { text, trace } from './texts.ts';
import type { DialogSet, DialogState, StepResult } from './types.ts';

/** The whole message says stop: "stop", "nee stop", "ik wil stoppen", "hou op", "stop it", "quit". */
const STOPS = /^\s*((nee|no|ok(é|e|ay)?|oke|laat maar)[,.!]?\s+)?(stop|stoppen|stop maar|stop ermee|stop er maar mee|ik stop|ik stop ermee|ik wil stoppen|hou op|houd op|ophouden|stop it|stop now|stop please|please stop|quit|exit)\s*[.!]*\s*$/i;

/** The offers of a person made because the citizen may be in need: after "help" or a sad emoji, and the check-in. */
const IN_NEED: ReadonlySet<string> = new Set(['bare_help', 'sad_emoji']);

/** The reply to "stop" right after an offer of a person made because the citizen may be in need; null otherwise. */
export function stopAfterHelp(state: DialogState, msg: string, nlu: ParseResult, dialogs: DialogSet): StepResult | null {
  if (nlu.handoffs.length > 0 || !STOPS.test(msg)) return null;
  // Also once asked again after an "ok" ("Wilt u dat ik een medewerker vraag?"), which keeps the answer before it.
  const offered = ((state.pending === 'person_offer' || state.pending === 'person_offer_again') && IN_NEED.has(state.lastAnswer?.trace.step ?? '')) || state.pending === 'concern_offer';
  if (!offered) return null;
  const t = trace(dialogs, { dialog: 'help', step: 'stop_after_help', intent: nlu.intent.name, confidence: nlu.intent.confidence, sources: [{ kind: 'dialog', ref: 'dialogs/messages.yaml' }, { kind: 'rule', ref: 'stop-after-help' }] });
  return { state: { ...state, pending: null, active: null }, replies: [{ text: text(dialogs, 'help.stop_after_help', state.lang), trace: t }], effects: [] };
}
