/** Connects the conversation pipeline to the handoff lifecycle: the mode a turn runs in, and the effects after it. */
import type { HandoffPort } from '../conversation/pipeline.ts';
import type { HandoffRecord } from '../dialog/types.ts';
import type { HandoffService } from './service.ts';
import type { Store } from '../store/types.ts';
import type { Clock } from '../clock.ts';

export function handoffPort(service: HandoffService, store: Store, clock: Clock): HandoffPort {
  return {
    async modeFor(conversationId) {
      const h = await store.handoffs.latestFor(conversationId);
      if (!h) return null;
      if (h.state === 'released' || h.state === 'closed') {
        // Ended by a caseworker within the hour: the next message may answer their feedback question.
        // (Not one closed before anyone spoke with the citizen: there was no help to score; nor a
        // crisis, whose closing message gives the crisis line and asks no score.)
        const recent = h.closedAt && clock.now().getTime() - Date.parse(h.closedAt) < 3600_000 && h.outcome !== 'cancelled_by_citizen' && !!h.claimedAt && h.reason !== 'distress';
        return recent ? { state: 'ended', handoffId: h.id, awaitingCallbackAnswer: false } : null;
      }
      // Open until the first message after it (afterTurn below), or the one after that when the answer in
      // between asked it again: after 'wat zijn de openingstijden?' and its answer alone, 'ok' is about
      // that answer, not a yes to a call.
      const offered = !!h.callbackOffer && !h.callbackOffer.answered && !h.callback;
      return { state: h.state, handoffId: h.id, awaitingCallbackAnswer: offered, callbackOffered: !!h.callbackOffer && !h.callback, ...(h.callback ? { callbackBooked: true } : {}) };
    },
    async afterTurn({ conversationId, channel, state, effects, mode }) {
      if (mode?.state === 'active' || mode?.state === 'queued') await service.citizenWrote(conversationId, state);
      // The handoff first: a callback asked in the same message needs it open.
      const records: HandoffRecord[] = effects.flatMap((e) => (e.type === 'handoff' ? [e.record] : []));
      // A callback asked for in the same message, with its number or with the question for it: no offer of one.
      const callbackAsked = effects.some((e) => e.type === 'callback_request') || state.pending === 'callback_phone';
      if (records.length > 0) await service.request(conversationId, channel, records, state, { callbackAsked });
      else if (mode?.state === 'queued' && effects.some((e) => e.type === 'identity_verified')) await service.identityVerified(conversationId, state);
      for (const e of effects) {
        if (e.type === 'handoff_cancel') await service.cancel(conversationId);
        else if (e.type === 'callback_request') await service.requestCallback(conversationId, e.phone, e.at);
        else if (e.type === 'callback_declined') await service.declineCallback(conversationId);
        else if (e.type === 'queue_status') await service.tellPlace(conversationId, state.lang);
      }
      // A message about something else passes the offer by, unless its answer asked the offer again.
      // A yes that was asked the number ('Op welk nummer?') is its answer still under way.
      const answered = effects.some((e) => e.type === 'callback_request' || e.type === 'callback_declined') || state.pending === 'callback_phone' || !!state.callbackAskedAgain;
      if (mode?.awaitingCallbackAnswer && !answered) await service.passCallbackOffer(conversationId);
    },
  };
}
