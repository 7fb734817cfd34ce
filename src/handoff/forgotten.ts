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
import type { Store } from '../store/types.ts';

/** A request younger than this may still be on its way (its own turn's afterTurn). */
export const FORGOTTEN_AFTER_MS = 30_000;
/** Older requests are not looked at: a person promised long ago is no longer waiting in this chat. */
export const FORGOTTEN_WINDOW_MS = 15 * 60_000;
const PAGE = 200;

export interface ForgottenRequest {
  conversationId: string;
  record: HandoffRecord;
}

export function forgottenRequests(store: Store, clock: Clock, dialogs: DialogSet) {
  /** The highest request id looked at. */
  let checked = 0;
  return {
    /** The stored requests old enough that no handoff of their conversation carries. */
    async due(): Promise<ForgottenRequest[]> {
      const at = clock.now().getTime();
      const since = new Date(at - FORGOTTEN_WINDOW_MS).toISOString();
      const found: ForgottenRequest[] = [];
      for (const r of await store.handoffs.requestsAfter(checked, since, PAGE)) {
        // In id order: stop at the first one still young, and look at it again next time.
        if (Date.parse(r.record.at) > at - FORGOTTEN_AFTER_MS) break;
        checked = r.id;
        const { reason, evidence } = r.record;
        // Carried by a handoff that was open when it was asked (or opened by it): it was seen to.
        const handoffs = await store.handoffs.ofConversation(r.conversationId);
        if (handoffs.some((h) => (h.closedAt === null || h.closedAt >= r.record.at) && h.evidence.some((e) => e.reason === reason && e.evidence === evidence))) continue;
        const row = await store.getConversation(r.conversationId);
        if (!row) continue;
        // The team is not stored with the request: the routing gives it again from the reason and the case.
        found.push({ conversationId: r.conversationId, record: { ...r.record, team: teamFor(dialogs, '', row.state?.facts.caseType, reason) } });
      }
      return found;
    },
  };
}
