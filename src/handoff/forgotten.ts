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
/**
 * Replies that show the citizen no longer wants the person ("annuleren" with nothing open). Never for a
 * crisis: there a cancel does not end the wait either (handoff-mode.ts), and a "nee" is no decline.
 */
const DECLINED_STEPS: ReadonlySet<string> = new Set(['nothing_to_cancel', 'cancelled']);
/** A request whose handoff fails to be made this many sweeps is given up (and its error reported each time). */
const MAX_TRIES = 5;

/**
 * Whether a handoff of the conversation carries this request (the same reason, words and time: service.request
 * keeps them). A crisis a caseworker said was none (crisis-correction.ts) is carried under its new reason.
 */
export const carries = (handoffs: readonly Handoff[], r: HandoffRecord): boolean =>
  handoffs.some((h) => h.evidence.some((e) => (e.correctedFrom ?? e.reason) === (r.correctedFrom ?? r.reason) && e.evidence === r.evidence && e.at === r.at));
/** Carried, or a handoff was made for the conversation since (the citizen asked again and got a person). */
const seenTo = (handoffs: readonly Handoff[], r: HandoffRecord): boolean => carries(handoffs, r) || handoffs.some((h) => h.createdAt >= r.at);

/** One stored request in id order; `queue` is set (with its conversation as read) when its handoff must still be made. */
interface LookedAt {
  id: number;
  queue?: { conversationId: string; record: HandoffRecord; row: ConversationRow };
}

export function forgottenRequests(store: Store, clock: Clock, dialogs: DialogSet) {
  /** The highest request id dealt with. */
  let checked = 0;
  /** Requests whose handoff failed to be made, with how often: tried again at the next sweeps. */
  const retry = new Map<number, { item: LookedAt; tries: number }>();

  /** The stored requests old enough to look at, in id order, each with whether its handoff must still be made. */
  async function due(): Promise<LookedAt[]> {
    const at = clock.now().getTime();
    const since = new Date(at - FORGOTTEN_WINDOW_MS).toISOString();
    const found: LookedAt[] = [];
    for (const r of await store.handoffs.requestsAfter(checked, since, PAGE)) {
      // In id order: stop at the first one still young, and look at it again next time.
      if (Date.parse(r.record.at) > at - FORGOTTEN_AFTER_MS) break;
      // Fresh: with LOKET_WORKERS the citizen's later turns (a language, a decline) may have run in another process.
      const row = await store.getConversation(r.conversationId, { fresh: true });
      const declined = r.record.reason !== 'distress' && !!row && (await declinedSince(r.conversationId, row.lastSeq, r.record.at));
      if (!row || declined || seenTo(await store.handoffs.ofConversation(r.conversationId), r.record)) {
        found.push({ id: r.id });
        continue;
      }
      // Requests stored before the team was: the routing gives it again from the reason and the case.
      const team = r.record.team ?? teamFor(dialogs, '', row.state?.facts.caseType, r.record.reason);
      found.push({ id: r.id, queue: { conversationId: r.conversationId, record: { ...r.record, team }, row } });
    }
    return found;
  }

  return {
    /**
     * Makes the handoff of each request due. One that fails is tried again at the next sweeps (MAX_TRIES
     * in all) while the others go ahead; the last error is returned, so the caller's other work runs all the same.
     */
    async queueAll(request: (q: { conversationId: string; record: HandoffRecord }, row: ConversationRow) => Promise<unknown>): Promise<unknown> {
      let failed: unknown;
      let found: LookedAt[] = [];
      try {
        found = await due();
      } catch (err) {
        failed = err;
      }
      for (const f of [...[...retry.values()].map((r) => r.item), ...found]) {
        try {
          if (f.queue) await request(f.queue, f.queue.row);
          retry.delete(f.id);
        } catch (err) {
          failed = err;
          const tries = (retry.get(f.id)?.tries ?? 0) + 1;
          if (tries < MAX_TRIES) retry.set(f.id, { item: f, tries });
          else retry.delete(f.id);
        }
        // Dealt with (queued, nothing to do, or waiting in `retry`): not read again.
        if (f.id > checked) checked = f.id;
      }
      return failed;
    },
  };

  /** Whether the citizen said after the request that no person is needed any more. */
  async function declinedSince(conversationId: string, lastSeq: number, at: string): Promise<boolean> {
    const recent = await store.listActivities(conversationId, Math.max(0, lastSeq - 50), 50);
    return recent.some((a) => (a.activity.timestamp ?? '') >= at && DECLINED_STEPS.has(String((a.activity.channelData as { trace?: { step?: string } } | undefined)?.trace?.step)));
  }
}
