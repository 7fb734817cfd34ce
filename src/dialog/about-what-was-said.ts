/**
 * A short follow-up about the very thing just told (a case's status, or an answer), which one of the
 * specialised readers places, in this order:
 *
 * - "een vergunning" right after the dormer's status: what the citizen wants to know about it (case-thing.ts);
 * - "en dan?" right after an answer: its next step, not "staat hierboven"; "kan het sneller?" its decision
 *   term; "waarom duurt het zo lang?" why (next-step.ts);
 * - "hoe lang is hij geldig?" right after a parking permit's status: how long a permit holds (case-topic-narrower.ts);
 * - "voor het paspoort" right after moving an appointment: that answer holds for it, not asked again (for-the-thing.ts).
 *
 * `state` is the conversation as the message found it, `base` the state the reply builds on (step.ts).
 * Null when none of them places it; step.ts then reads the message as usual.
 */
import { answer } from './answer.ts';
import { aboutTheCase } from './case-thing.ts';
import { narrowerOfCase } from './case-topic-narrower.ts';
import { sameQuestionFor } from './for-the-thing.ts';
import { nextStep, speedUp, whySlow } from './next-step.ts';
import type { StepContext } from './step.ts';
import type { DialogState, ParseResult, StepResult } from './types.ts';

export function aboutWhatWasSaid(state: DialogState, base: DialogState, ctx: StepContext, nlu: ParseResult): StepResult | null {
  const { dialogs } = ctx;
  const told = aboutTheCase(state, dialogs, nlu) ?? nextStep(base, dialogs, nlu) ?? speedUp(base, dialogs, nlu) ?? whySlow(base, dialogs, nlu);
  if (told) return told;
  const ofCase = narrowerOfCase(dialogs, state, nlu.text);
  if (ofCase) return answer(base, ctx, nlu, ofCase.intent, ofCase.variant);
  const forIt = sameQuestionFor(dialogs, state, nlu.text);
  return forIt ? answer(base, ctx, nlu, forIt.intent, forIt.variant, { fresh: true }) : null;
}
