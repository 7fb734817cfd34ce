/**
 * Handoff requests a turn stored but whose handoff never came: the turn commits the request with its
 * replies ("Ik zorg dat een medewerker u helpt"), and the handoff itself is made after the commit
 * (pipeline.ts, afterTurn). A crash or a failing write in between, or a retry that lands on another
 * instance, would leave the citizen promised a person nobody sees. The sweep finds such requests once
 * they are FORGOTTEN_AFTER_MS old and queues them then; each request is looked at once per process.
 */
import type { Clock } from '../clock.ts';
import type { DialogSet, HandoffRecord } from '../dialog/types.ts';
import { teamFor } from '../dialog/routing.ts';
import type { ConversationRow, Store } from '../store/types.ts';
import type { Handoff } from './types.ts';

/** A request younger than this may still be on its way (its own turn's afterTurn). */
export const FORGOTTEN_AFTER_MS = 30_000;
/** Older requests are not looked at: a person promised long ago is no longer waiting in this chat. */
export const FORGOTTEN_WINDOW_MS = 15 * 60_000;
const PAGE = 200;
/** Replies that show the citizen no longer wants the person ("annuleren" with nothing open, "nee" to one). */
const DECLINED_STEPS: ReadonlySet<string> = new Set(['nothing_to_cancel', 'no_person', 'cancelled']);

/** Whether a handoff of the conversation carries this request (the same reason, words and time: service.request keeps them). */
export const carries = (handoffs: readonly Handoff[], r: HandoffRecord): boolean =>
  handoffs.some((h) => h.evidence.some((e) => e.reason === r.reason && e.evidence === r.evidence && e.at === r.at));

/** One stored request in id order; `queue` is set when its handoff must still be made. */
export interface LookedAt {
  id: number;
  queue?: { conversationId: string; record: HandoffRecord };
}

export function forgottenRequests(store: Store, clock: Clock, dialogs: DialogSet) {
  /** The highest request id dealt with. */
  let checked = 0;
  return {
    /** The stored requests old enough to look at, in id order, each with whether its handoff must still be made. */
    async due(): Promise<LookedAt[]> {
      const at = clock.now().getTime();
      const since = new Date(at - FORGOTTEN_WINDOW_MS).toISOString();
      const found: LookedAt[] = [];
      for (const r of await store.handoffs.requestsAfter(checked, since, PAGE)) {
        // In id order: stop at the first one still young, and look at it again next time.
        if (Date.parse(r.record.at) > at - FORGOTTEN_AFTER_MS) break;
        const row = await store.getConversation(r.conversationId);
        if (!row || carries(await store.handoffs.ofConversation(r.conversationId), r.record) || (await declinedSince(r.conversationId, row.lastSeq, r.record.at))) {
          found.push({ id: r.id });
          continue;
        }
        // Requests stored before the team was: the routing gives it again from the reason and the case.
        const team = r.record.team ?? teamFor(dialogs, '', row.state?.facts.caseType, r.record.reason);
        found.push({ id: r.id, queue: { conversationId: r.conversationId, record: { ...r.record, team } } });
      }
      return found;
    },
    /** Dealt with (queued, or nothing to do): not looked at again. */
    done(id: number): void {
      if (id > checked) checked = id;
    },
    /**
     * Makes the handoff of each request due, in order. One that fails stops the round and is tried again
     * next time; its error is returned, so the caller's other work runs all the same.
     */
    async queueAll(request: (q: { conversationId: string; record: HandoffRecord }, row: ConversationRow) => Promise<unknown>): Promise<unknown> {
      for (const f of await this.due()) {
        const row = f.queue ? await store.getConversation(f.queue.conversationId) : null;
        try {
          if (f.queue && row) await request(f.queue, row);
        } catch (err) {
          return err;
        }
        this.done(f.id);
      }
      return undefined;
    },
  };

  /** Whether the citizen said after the request that no person is needed any more. */
  async function declinedSince(conversationId: string, lastSeq: number, at: string): Promise<boolean> {
    const recent = await store.listActivities(conversationId, Math.max(0, lastSeq - 50), 50);
    return recent.some((a) => (a.activity.timestamp ?? '') >= at && DECLINED_STEPS.has(String((a.activity.channelData as { trace?: { step?: string } } | undefined)?.trace?.step)));
  }
}
