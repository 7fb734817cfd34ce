/**
 * A false crisis, corrected by a caseworker (lesson 5: caseworkers correct the assistant). "Ik wil er
 * niet meer zijn op dat feest haha" got the crisis line and priority 1; whoever holds the conversation
 * (or a supervisor or admin) says what it was instead, with a note why:
 *
 *   POST /api/v1/handoffs/{id}/reason {reason: 'frustration', note: 'grapje over een feest'}
 *
 * The handoff then carries that reason and its priority (as service.request computes them: the
 * strongest evidence), and keeps the original (`correctedFrom`, `correctedBy`, `correctedAt`, and
 * `correctedFrom` on each evidence entry). The conversation's dialog state gets the same relabelling,
 * so every text the citizen gets from then on is the ordinary one, not the crisis one: the service
 * reads the handoff's evidence (queue-told.ts, `forCrisis`), the dialog reads `state.handoffs`
 * (handoff-mode.ts, answer.ts `kept`). Words of a new crisis after it count again as a crisis.
 */
import type { Clock } from '../clock.ts';
import type { EventBus } from '../conversation/events.ts';
import type { Outbox } from '../conversation/outbox.ts';
import type { DialogState, HandoffRecord } from '../dialog/types.ts';
import { isLoketError, LoketError } from '../errors.ts';
import { HANDOFF_PRIORITY, type HandoffReason } from '../nlu/types.ts';
import type { Store, User } from '../store/types.ts';
import { mustHold } from './may-act.ts';
import { isOpen, type Evidence, type Handoff } from './types.ts';

/**
 * What a false crisis may be corrected to: the situations one message can show (CONTRACTS §2) other
 * than distress, and `none`: no special situation at all. The handoff itself then goes on as a request
 * for a person (`explicit_request`): the citizen was promised one, and one is on it.
 */
export const NOT_CRISIS_REASONS = ['financial_hardship', 'bereavement', 'vulnerability', 'frustration', 'complaint', 'explicit_request', 'none'] as const;
export type NotCrisisReason = (typeof NOT_CRISIS_REASONS)[number];

/** The reason the corrected words stand for on the handoff and in the dialog state. */
export const asHandoffReason = (r: NotCrisisReason): HandoffReason => (r === 'none' ? 'explicit_request' : r);

const isNotCrisisReason = (r: unknown): r is NotCrisisReason => typeof r === 'string' && (NOT_CRISIS_REASONS as readonly string[]).includes(r);

/** Whether a dialog record is one of these false alarms (the same reason, words and time, as forgotten.ts `carries` matches). */
const isFalseAlarm = (falseAlarms: readonly Evidence[], r: HandoffRecord): boolean =>
  r.reason === 'distress' && falseAlarms.some((e) => e.evidence === r.evidence && e.at === r.at);

/** The dialog state with the false alarms' records relabelled (the original kept as `correctedFrom`); the same state when none is there. */
export function relabelledState(state: DialogState, falseAlarms: readonly Evidence[], reason: HandoffReason): DialogState {
  if (!state.handoffs.some((r) => isFalseAlarm(falseAlarms, r))) return state;
  const handoffs = state.handoffs.map((r) => (isFalseAlarm(falseAlarms, r) ? { ...r, reason, priority: HANDOFF_PRIORITY[reason], correctedFrom: r.reason } : r));
  return { ...state, handoffs };
}

/**
 * The reason and priority of the evidence, as service.request picks them (the lowest priority number);
 * among equals the caseworker's own choice.
 */
export function strongestOf(evidence: readonly Evidence[], chosen: HandoffReason): { reason: HandoffReason; priority: number } {
  const priority = Math.min(HANDOFF_PRIORITY[chosen], ...evidence.map((e) => HANDOFF_PRIORITY[e.reason]));
  const reason = HANDOFF_PRIORITY[chosen] === priority ? chosen : evidence.find((e) => HANDOFF_PRIORITY[e.reason] === priority)!.reason;
  return { reason, priority };
}

/**
 * Throws why `user` may not say the crisis of `h` was none, if they may not. Only who holds the
 * conversation, having spoken with the citizen, or a supervisor or admin: a waiting crisis is not
 * talked down by a colleague who only read it in the queue. Slack asks before it opens its form, so
 * nobody writes a note for nothing.
 */
export function checkMayCorrectCrisis(h: Handoff, user: User): void {
  if (!isOpen(h)) throw new LoketError('HANDOFF_WRONG_STATE', [h.state, 'correct']);
  if (h.reason !== 'distress') throw new LoketError('HANDOFF_NOT_CRISIS', [h.reason]);
  mustHold(h, user, 'HANDOFF_CRISIS_NOT_HELD');
}

export interface CrisisCorrectionDeps {
  store: Store;
  outbox: Outbox;
  bus: EventBus;
  clock: Clock;
  /** The handoff service's read, versioned write, queue messages and text rules (service.ts). */
  mustGet(id: string): Promise<Handoff>;
  save(prev: Handoff, changes: Partial<Handoff>): Promise<Handoff>;
  tellPositions(team: string): Promise<void>;
  checkText(text: unknown): string;
}

/** How often the dialog state's write is tried again when a citizen's turn wrote first. */
const STATE_TRIES = 3;

export function crisisCorrector(deps: CrisisCorrectionDeps) {
  const { store, outbox, bus, clock, save } = deps;
  const now = () => clock.now().toISOString();

  /**
   * The same relabelling in the conversation's dialog state, written as a turn without activities on
   * the eTag it read (a citizen's turn that wrote first is read again). In the conversation's lock, so
   * no turn of this process runs on the old state meanwhile.
   */
  async function relabelDialog(conversationId: string, falseAlarms: readonly Evidence[], reason: HandoffReason): Promise<void> {
    await outbox.exclusive(conversationId, async () => {
      for (let attempt = 1; ; attempt++) {
        const row = await store.getConversation(conversationId, { fresh: true });
        if (!row?.state) return;
        const state = relabelledState(row.state, falseAlarms, reason);
        if (state === row.state) return;
        try {
          await store.commitTurn({ conversationId, expectedEtag: row.etag, state, activities: [], handoffs: [] }, now());
          return;
        } catch (err) {
          if (!isLoketError(err, 'CONVERSATION_CONFLICT') || attempt >= STATE_TRIES) throw err;
        }
      }
    });
  }

  /**
   * Says the crisis of handoff `id` was none. Returns the handoff as it is now, and the evidence that
   * was taken for a crisis (the caller records those words as a correction for learning).
   */
  return async function correctCrisis(id: string, user: User, input: { reason?: unknown; note?: unknown }): Promise<{ handoff: Handoff; falseAlarms: Evidence[] }> {
    const h = await deps.mustGet(id);
    checkMayCorrectCrisis(h, user);
    if (!isNotCrisisReason(input.reason)) throw new LoketError('HANDOFF_REASON_UNKNOWN', [String(input.reason ?? ''), NOT_CRISIS_REASONS.join(', ')]);
    if (typeof input.note !== 'string' || !input.note.trim()) throw new LoketError('HANDOFF_NOT_CRISIS_NOTE');
    const note = deps.checkText(input.note);
    const at = now();
    const reason = asHandoffReason(input.reason);
    const falseAlarms = h.evidence.filter((e) => e.reason === 'distress');
    const evidence = h.evidence.map((e) => (e.reason === 'distress' ? { ...e, reason, correctedFrom: e.reason } : e));
    const saved = await save(h, { ...strongestOf(evidence, reason), evidence, correctedFrom: 'distress', correctedBy: user.username, correctedAt: at });
    const written = { handoffId: h.id, author: user.username, text: `Geen crisis: ${note}`, at };
    await store.handoffs.addNote(written);
    bus.emit('handoff.noted', { handoff: saved, note: written });
    await relabelDialog(h.conversationId, falseAlarms, reason);
    // No longer first in line: those behind it move up, and hear so when it is worth a message.
    if (saved.state === 'queued') await deps.tellPositions(saved.team);
    return { handoff: saved, falseAlarms };
  };
}
