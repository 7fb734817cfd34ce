/**
 * After a death told in the conversation (also while waiting for the person it promised), a thing of who died
 * named in a later message: the answer written for it after a death (a variant whose `with` words tell a death),
 * with those words taken as said. "do i need to cancel her parking permit" got how to apply for one, "hoe zit het
 * met de gemeentelijke belastingen" the general tax answer. Pure, like step.ts.
 */
import type { ParseResult } from '../nlu/types.ts';
import { answer } from './answer.ts';
import type { StepContext } from './step.ts';
import type { AnswerVariant, DialogState, IntentDef, StepResult } from './types.ts';
import { mentionsBeside, wordCount } from './variants.ts';
import { bestNamed } from './variant-choice.ts';

/** A variant written for after a death: its `with` words tell one. */
const TELLS_DEATH: ReadonlySet<string> = new Set(['overleden', 'died', 'deceased']);
/** "haar parkeervergunning", "his council tax": the thing named as theirs. */
const THEIRS = /\b(zijn|haar|z'n|zn|hun|his|her|their)\b/i;
/** "mijn eigen auto", "my own permit": the citizen's own. */
const OWN = /\b(mijn|m'n|mn|my|mine|eigen|own|ik\s+zelf|myself)\b/i;
/** Words up to which a message that names the thing alone ("en de belastingen?") follows on the death told. */
const FOLLOW_UP_WORDS = 9;

const isAfterDeath = (v: AnswerVariant): boolean => !!v.with?.some((w) => TELLS_DEATH.has(w));

/**
 * The answer after a death on the thing the message names, or null: not with a situation of its own in the
 * message (a crisis keeps its line), nor for a thing named as the citizen's own, nor in a long message that
 * does not name it as theirs. `base`: the state out of any flow.
 */
export function theirMatter(state: DialogState, base: DialogState, ctx: StepContext, nlu: ParseResult): StepResult | null {
  if (nlu.handoffs.length > 0 || !state.handoffs.some((h) => h.reason === 'bereavement')) return null;
  const theirs = THEIRS.test(nlu.text);
  if (!theirs && (OWN.test(nlu.text) || wordCount(nlu.text) > FOLLOW_UP_WORDS)) return null;
  const found = new Map<AnswerVariant, IntentDef>();
  for (const intent of ctx.dialogs.intents.values()) {
    for (const v of intent.variants ?? []) if (isAfterDeath(v) && mentionsBeside(v, nlu.text)) found.set(v, intent);
  }
  const best = bestNamed([...found.keys()], nlu.text);
  return best ? answer(base, ctx, nlu, found.get(best)!, best) : null;
}
