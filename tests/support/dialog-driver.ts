/**
 * Drives the pure dialog step like the pipeline does (load_case → case_loaded), without a server.
 * Lets dialog tests read as transcripts: `await d.say('hoe staat het met Z-2026-000123')`.
 */
import { DEMO_CASES } from '../../src/cases/demo-data.ts';
import { withConcern } from '../../src/dialog/concern.ts';
import { step, type StepContext } from '../../src/dialog/step.ts';
import { initialState } from '../../src/dialog/texts.ts';
import type { CaseRecord, DialogState, Effect, Reply, StepInput, StepResult } from '../../src/dialog/types.ts';
import type { Entity, ParseResult } from '../../src/nlu/types.ts';

export function demoRecord(number: string, at: string): CaseRecord | null {
  const row = DEMO_CASES.find((c) => c.number === number);
  return row ? { ...row, flags: [...row.flags], source: 'embedded', fetchedAt: at } : null;
}

/**
 * One input through the step as the pipeline carries it out: a `load_case` effect comes back as a
 * `case_loaded` input with the demo case (demoRecord), at most four steps in all. `onLoad` is told of
 * each case loaded, with the state of the step that asked for it. For the dialog tests' driver and
 * bench/lib/step-cost.ts, which run the pure step without the pipeline.
 */
export function stepThrough(state: DialogState, input: StepInput, ctx: StepContext, now: string, onLoad?: (caseNumber: string, state: DialogState) => void): StepResult {
  const replies: Reply[] = [];
  const effects: Effect[] = [];
  let next: StepInput | null = input;
  for (let i = 0; next && i < 4; i++) {
    const res = step(state, next, ctx);
    state = res.state;
    replies.push(...res.replies);
    effects.push(...res.effects);
    const load = res.effects.find((e) => e.type === 'load_case');
    if (load && load.type === 'load_case') {
      onLoad?.(load.caseNumber, state);
      next = { kind: 'case_loaded', caseNumber: load.caseNumber, record: demoRecord(load.caseNumber, now), now };
    } else next = null;
  }
  return { state, replies, effects };
}

export interface Said {
  replies: Reply[];
  effects: Effect[];
  text: string;
}

export function createDriver(ctx: StepContext, opts: { now?: string; parse: (text: string) => ParseResult }) {
  let state: DialogState = initialState();
  let now = opts.now ?? '2026-11-28T10:00:00.000Z';
  /** Facts as they were when each load happened: the property test checks replies against them. */
  const loads: Array<{ caseNumber: string; facts: DialogState['facts'] }> = [];

  function run(input: StepInput): Said {
    const before = state;
    const { replies, effects, ...ran } = stepThrough(state, input, ctx, now, (caseNumber, asked) => loads.push({ caseNumber, facts: { ...asked.facts } }));
    state = ran.state;
    if (input.kind === 'message') {
      // As the pipeline does once the turn is decided (src/conversation/effects.ts).
      const decided = withConcern({ state, replies, effects }, input.nlu, ctx.dialogs, input.handoff, now, before);
      state = decided.state;
      return { replies: decided.replies, effects: decided.effects, text: decided.replies.map((r) => r.text).join('\n') };
    }
    return { replies, effects, text: replies.map((r) => r.text).join('\n') };
  }

  return {
    get state() {
      return state;
    },
    loads,
    setNow(iso: string) {
      now = iso;
    },
    say(text: string): Said {
      return run({ kind: 'message', text, nlu: opts.parse(text), now });
    },
    /** Sends a hand-built NLU result (for property tests). */
    sayParsed(nlu: ParseResult): Said {
      return run({ kind: 'message', text: nlu.text, nlu, now });
    },
  };
}

/** A hand-built parse result: tests that must not depend on the classifier. */
export function parsed(text: string, intent: string, entities: Entity[] = [], confidence = 0.9): ParseResult {
  return { text, lang: 'nl', intent: { name: intent, confidence }, entities, handoff: null, handoffs: [] };
}
