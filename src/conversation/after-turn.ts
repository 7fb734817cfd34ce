/**
 * The handoff's work after a turn (making the handoff, booking a callback, a cancel, the place in the
 * queue), kept in the store by the turn's own commit until it is done. It posts activities of its own,
 * so it runs after the turn has let go of the conversation; when it fails or its process stops, it is
 * done by the client's retry of the message (whichever process that reaches) or by the sweep once its
 * lease has run out — but never once the citizen has written again since: work replayed then would act
 * on a conversation that moved on (a cancel after "ik wil toch een medewerker").
 *
 * What only the person waited for or holding the conversation needs (that the citizen wrote, for the
 * summary and the reply timeout; a callback offer passed by) is done after the turn and not kept: it is
 * best effort, and a later message does it again.
 */
import { randomUUID } from 'node:crypto';
import type { DialogState, Effect, HandoffMode } from '../dialog/types.ts';
import type { Store } from '../store/types.ts';
import type { ChannelId } from './types.ts';

export interface AfterTurn {
  conversationId: string;
  channel: ChannelId;
  state: DialogState;
  /** Only the effects the handoff acts on (HANDOFF_WORK). */
  effects: Effect[];
  mode: HandoffMode | null;
}

/** The handoff's side of the pipeline (src/handoff/port.ts). */
export interface AfterTurnPort {
  afterTurn(turn: AfterTurn): Promise<void>;
}

/** Work of one turn: `keep` when it must be stored with the turn (it acts on the handoff), with the token that holds it. */
export interface TurnWork {
  work: AfterTurn;
  keep: { activityId: string; json: string; token: string } | null;
}

/** Effects the handoff acts on after the turn (HandoffPort.afterTurn). */
const HANDOFF_WORK: ReadonlySet<Effect['type']> = new Set(['handoff', 'handoff_cancel', 'callback_request', 'callback_declined', 'queue_status', 'identity_verified']);
/** Older loose work is no longer done by the sweep: a person promised long ago is no longer waiting in this chat. */
const SWEEP_WINDOW_MS = 15 * 60_000;
const SWEEP_PAGE = 100;

/**
 * The handoff's work after a turn, or null when there is none. A proved identity matters only to a
 * handoff that waits (port.ts), so it alone is no work otherwise.
 */
export function turnWork(turn: Omit<AfterTurn, 'effects'> & { effects: readonly Effect[]; activityId: string }): TurnWork | null {
  const { activityId, mode, effects: all, ...rest } = turn;
  const effects = all.filter((e) => HANDOFF_WORK.has(e.type) && (e.type !== 'identity_verified' || mode?.state === 'queued'));
  if (effects.length === 0 && mode?.state !== 'active' && mode?.state !== 'queued' && !mode?.awaitingCallbackAnswer) return null;
  const work: AfterTurn = { ...rest, effects, mode };
  return { work, keep: effects.length > 0 ? { activityId, json: JSON.stringify(work), token: randomUUID() } : null };
}

export function afterTurnWork(deps: { store: Store; port: AfterTurnPort; now: () => string; log?: { error(obj: unknown, msg?: string): void } }) {
  const { store, port, log } = deps;

  /** Runs work (held under `hold`, when it is kept); done, or let go for a retry when it fails (then it throws). */
  async function run(work: AfterTurn, hold: { activityId: string; token: string } | null): Promise<void> {
    try {
      await port.afterTurn(work);
    } catch (err) {
      if (hold) await store.afterTurn.release(hold.activityId, hold.token).catch((e: unknown) => log?.error({ err: e, conversationId: work.conversationId }, 'could not let go of after-turn work'));
      throw err;
    }
    // Only a write that fails now leaves it behind, to be done again after its lease.
    if (hold) await store.afterTurn.done(hold.activityId, hold.token).catch((err: unknown) => log?.error({ err, conversationId: work.conversationId }, 'could not mark after-turn work done'));
  }

  /** Takes loose work of this message and does it, unless the citizen wrote again since (then it is dropped). */
  async function take(activityId: string): Promise<void> {
    const token = randomUUID();
    const taken = await store.afterTurn.claim(activityId, deps.now(), token);
    if (!taken) return;
    const later = await store.listActivities(taken.conversationId, taken.lastSeq, 200);
    if (later.some((a) => a.activity.type === 'message' && a.activity.from?.role === 'user')) {
      await store.afterTurn.done(activityId, token);
      return;
    }
    await run(JSON.parse(taken.json) as AfterTurn, { activityId, token });
  }

  return {
    /** The work of the turn just stored (held since its commit). */
    finish: (w: TurnWork): Promise<void> => run(w.work, w.keep),
    /** A repeated message: the work its turn left undone, if any is loose. */
    retry: take,
    /** Loose work of the last minutes whose process let go of it or stopped: done now, one by one. */
    async sweep(): Promise<void> {
      const now = deps.now();
      const since = new Date(Date.parse(now) - SWEEP_WINDOW_MS).toISOString();
      for (const id of await store.afterTurn.loose(now, since, SWEEP_PAGE)) {
        await take(id).catch((err: unknown) => log?.error({ err, activityId: id }, 'after-turn work failed again'));
      }
      // Kept for a retry that never came: a day is long enough.
      await store.afterTurn.prune(new Date(Date.parse(now) - 24 * 3600_000).toISOString());
    },
  };
}
