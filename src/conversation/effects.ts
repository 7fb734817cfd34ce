/**
 * The turn's logic between NLU and storage: run dialog steps, and carry out the effects that fetch
 * or send something (case lookups, SMS codes, link codes), feeding each result back as the next input.
 */
import type { CaseSource } from '../cases/case-source.ts';
import type { Codes } from '../cases/codes.ts';
import type { CaseGuard } from '../cases/guard.ts';
import type { Clock } from '../clock.ts';
import { alsoForThing } from '../dialog/plain-follow-up.ts';
import { readInContext, withConcern } from '../dialog/concern.ts';
import { step } from '../dialog/step.ts';
import { text } from '../dialog/texts.ts';
import type { DialogSet, DialogState, Effect, HandoffMode, Reply, StepInput, StepResult } from '../dialog/types.ts';
import type { OfficeHours } from '../handoff/office-hours.ts';
import type { NluService } from '../nlu/thread.ts';
import type { Delivery } from './delivery.ts';
import { BOT, type ActivityJson } from './types.ts';

/** Enough for lookup → answer and a follow-up; more means a dialog loops. */
const MAX_STEPS_PER_TURN = 4;

export interface TurnLogicDeps {
  /** The recognizer, in this thread or in a worker (src/nlu/thread.ts). */
  nlu: NluService;
  dialogs: DialogSet;
  cases: CaseSource;
  codes: Codes;
  /** Failed checks of a case number over all conversations (against guessing in many conversations). */
  guard: CaseGuard;
  delivery?: Delivery;
  clock: Clock;
  timeZone: string;
  /** The office hours and holidays, for "zijn jullie morgen open?". */
  officeHours?: OfficeHours;
  log?: { error(obj: unknown, msg?: string): void };
}

export type Decision = StepResult;

export async function decide(conversationId: string, start: DialogState, msg: string, mode: HandoffMode | null, deps: TurnLogicDeps): Promise<Decision> {
  const parsed = await deps.nlu.parse(msg);
  // "geldt ie ook voor de motor?" right after an answer: what it asks about, read apart (concern.ts alsoForThing).
  const thing = alsoForThing(start, msg);
  const nlu = readInContext(start, msg, parsed, thing === null ? undefined : await deps.nlu.parse(thing, parsed.lang));
  const ctx = { dialogs: deps.dialogs, timeZone: deps.timeZone, codes: !!deps.delivery?.senderFor('sms'), ...(deps.officeHours ? { officeHours: deps.officeHours } : {}) };
  let input: StepInput | null = { kind: 'message', text: msg, nlu, now: deps.clock.now().toISOString(), handoff: mode };
  let state = start;
  const replies: Reply[] = [];
  const effects: Effect[] = [];
  // A check of case facts is counted by the guard before the case is looked up (so checks sent at the
  // same moment in many conversations cannot all pass the count), and let go again when it did not fail.
  const held: Held = {};
  for (let i = 0; input && i < MAX_STEPS_PER_TURN; i++) {
    const res: StepResult = step(state, input, ctx);
    state = res.state;
    replies.push(...res.replies);
    effects.push(...res.effects);
    if (held.attempt !== undefined && (input.kind === 'case_loaded' || input.kind === 'case_unavailable')) {
      if (!res.effects.some((e) => e.type === 'check_failed')) await deps.guard.passed(held.attempt);
      delete held.attempt;
    }
    input = await carryOut(conversationId, state, res.effects, deps, held);
  }
  // Once the turn is decided: ask whether all is well when the message leaned to a crisis.
  return withConcern({ state, replies, effects }, nlu, deps.dialogs, mode, deps.clock.now().toISOString(), start);
}

/** The guard's count of the check under way in this turn (its id), until the check's outcome is known. */
interface Held {
  attempt?: number;
}

/** Carries out the effects that produce data; returns the next step's input, if any. */
async function carryOut(conversationId: string, state: DialogState, effects: Effect[], deps: TurnLogicDeps, held: Held): Promise<StepInput | null> {
  for (const e of effects) {
    if (e.type === 'load_case') {
      // A case proved earlier in this conversation is not held back: the guard is against guessing.
      const proved = state.verifiedIdentity?.cases.includes(e.caseNumber) || state.verifiedIdentity?.others?.includes(e.caseNumber);
      if (!proved) {
        const counted = await deps.guard.attempt(e.caseNumber, nowOf(deps));
        if ('until' in counted) return { kind: 'case_guarded', caseNumber: e.caseNumber, until: counted.until, now: nowOf(deps) };
        held.attempt = counted.id;
      }
      try {
        return { kind: 'case_loaded', caseNumber: e.caseNumber, record: await deps.cases.find(e.caseNumber), now: nowOf(deps) };
      } catch (err) {
        deps.log?.error({ err, caseNumber: e.caseNumber }, 'case source failed');
        return { kind: 'case_unavailable', caseNumber: e.caseNumber, now: nowOf(deps) };
      }
    }
    if (e.type === 'send_code') return { kind: 'code_sent', caseNumber: e.caseNumber, sent: await sendCode(conversationId, state, e.caseNumber, deps), now: nowOf(deps) };
    if (e.type === 'check_code') {
      const ok = await deps.codes.checkVerification(conversationId, e.caseNumber, e.code);
      const record = ok ? await deps.cases.find(e.caseNumber).catch(() => null) : null;
      return { kind: 'code_checked', caseNumber: e.caseNumber, ok, record, now: nowOf(deps) };
    }
    if (e.type === 'issue_link_code') {
      const otherChannels = (['sms', 'whatsapp', 'slack'] as const).some((c) => deps.delivery?.has(c));
      return { kind: 'link_code', code: otherChannels ? await deps.codes.issueLink(conversationId) : null, now: nowOf(deps), ...(e.waiting ? { waiting: true } : {}) };
    }
  }
  return null;
}

/** The clock's time as ISO text (a function, not an arrow made per call: tsx defines a name on each). */
function nowOf(deps: TurnLogicDeps): string {
  return deps.clock.now().toISOString();
}

/**
 * Sends a code to the case's own phone number. Returns false only when SMS cannot be sent at all;
 * an unknown case or a case without a phone gives true too, so the answer tells nothing.
 */
async function sendCode(conversationId: string, state: DialogState, caseNumber: string, deps: TurnLogicDeps): Promise<boolean> {
  const sms = deps.delivery?.senderFor('sms');
  if (!sms) return false;
  try {
    const record = await deps.cases.find(caseNumber);
    if (!record?.phone) return true;
    const code = await deps.codes.issueVerification(conversationId, caseNumber);
    const message: ActivityJson & { id: string } = {
      id: `code-${conversationId}-${Date.now()}`,
      type: 'message',
      from: BOT,
      conversation: { id: conversationId },
      text: text(deps.dialogs, 'code.sms', state.lang, { code }),
    };
    await sms.send(record.phone, message, conversationId);
  } catch (err) {
    deps.log?.error({ err, caseNumber }, 'sending the verification code failed');
  }
  return true;
}
