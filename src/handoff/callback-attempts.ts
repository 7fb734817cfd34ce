/**
 * Calls made for a callback request: each attempt ("bereikt", "geen gehoor") is kept on the handoff
 * (`callback.attempts`, oldest first, never rewritten), and after the third call nobody answered the
 * citizen reads in their conversation that we tried, and how to reach us. Used by the handoff service
 * (service.ts), which owns the writes (`save`) and who may act.
 *
 *     await handoffs.recordCallbackAttempt(id, user, { outcome: 'no_answer', note: 'voicemail' });
 */
import type { Clock } from '../clock.ts';
import type { Outbox } from '../conversation/outbox.ts';
import { crisisText } from '../dialog/crisis-kind.ts';
import type { DialogSet, Lang } from '../dialog/types.ts';
import { LoketError } from '../errors.ts';
import type { User } from '../store/types.ts';
import { botMessage } from './announce.ts';
import { mustHold } from './may-act.ts';
import { CALL_OUTCOMES, type CallbackAttempt, type CallOutcome, type Handoff } from './types.ts';

/** After this many calls nobody answered, the citizen is told once (callback.not_reached). */
export const UNANSWERED_CALLS_TOLD = 3;

export interface CallbackAttemptDeps {
  outbox: Outbox;
  clock: Clock;
  dialogs: DialogSet;
  /** The service's versioned write: throws when someone changed the handoff meanwhile, emits handoff.changed. */
  save(prev: Handoff, changes: Partial<Handoff>): Promise<Handoff>;
  get(id: string): Promise<Handoff>;
  langOf(conversationId: string): Promise<Lang>;
  /** A caseworker's text by the service's rules (TEXT_EMPTY, TEXT_TOO_LONG …). */
  checkText(text: unknown): string;
}

export const isCallOutcome = (v: unknown): v is CallOutcome => (CALL_OUTCOMES as readonly unknown[]).includes(v);

/** How many calls of a callback nobody answered. */
export const unansweredCalls = (attempts: readonly CallbackAttempt[] | undefined): number => (attempts ?? []).filter((a) => a.outcome === 'no_answer').length;

export function callbackAttempts(deps: CallbackAttemptDeps) {
  const { outbox, clock, dialogs, save } = deps;

  return {
    /** Records one call on the handoff's callback; returns the handoff with it. */
    async record(id: string, user: User, body: { outcome: unknown; note?: unknown }): Promise<Handoff> {
      // What was sent is checked before anything is read: a wrong outcome is wrong for every handoff.
      if (!isCallOutcome(body.outcome)) throw new LoketError('CALLBACK_OUTCOME_UNKNOWN', [String(body.outcome).slice(0, 40)]);
      const note = typeof body.note === 'string' && body.note.trim() ? deps.checkText(body.note) : undefined;
      const h = await deps.get(id);
      if (h.state !== 'queued' && h.state !== 'active') throw new LoketError('HANDOFF_WRONG_STATE', [h.state, 'record a call for']);
      if (!h.callback) throw new LoketError('CALLBACK_NONE');
      // Whoever holds it made the call; a callback still waiting is taken over first, so two colleagues do not both call.
      mustHold(h, user, 'CALLBACK_NOT_CLAIMED');
      const attempt: CallbackAttempt = { at: clock.now().toISOString(), by: user.username, outcome: body.outcome, ...(note ? { note } : {}) };
      const attempts = [...(h.callback.attempts ?? []), attempt];
      // Written with the version read: of two attempts recorded at once, the second is refused (HANDOFF_CHANGED), not lost.
      const saved = await save(h, { callback: { ...h.callback, attempts } });
      // Exactly the third unanswered call: the message goes once, however many calls follow.
      if (attempt.outcome === 'no_answer' && unansweredCalls(attempts) === UNANSWERED_CALLS_TOLD) {
        const key = crisisText(dialogs, h.evidence, 'callback.not_reached');
        await outbox.post(h.conversationId, [botMessage(dialogs, saved, key, await deps.langOf(h.conversationId))]);
      }
      return saved;
    },
  };
}
