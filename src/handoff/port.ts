/** Connects the conversation pipeline to the handoff lifecycle: the mode a turn runs in, and the effects after it. */
import type { HandoffPort } from '../conversation/pipeline.ts';
import type { HandoffRecord } from '../dialog/types.ts';
import type { HandoffService } from './service.ts';
import type { Store } from '../store/types.ts';

export function handoffPort(service: HandoffService, store: Store): HandoffPort {
  return {
    async modeFor(conversationId) {
      const h = await store.handoffs.openFor(conversationId);
      if (!h) return null;
      return {
        state: h.state as 'queued' | 'active',
        awaitingCallbackAnswer: !!h.callbackOffer && !h.callbackOffer.answered && !h.callback,
      };
    },
    async afterTurn({ conversationId, channel, state, effects, mode }) {
      if (mode?.state === 'active') await service.citizenWrote(conversationId);
      const records: HandoffRecord[] = [];
      for (const e of effects) {
        if (e.type === 'handoff') records.push(e.record);
        else if (e.type === 'handoff_cancel') await service.cancel(conversationId);
        else if (e.type === 'callback_request') await service.requestCallback(conversationId, e.phone);
        else if (e.type === 'callback_declined') await service.declineCallback(conversationId);
      }
      if (records.length > 0) await service.request(conversationId, channel, records, state);
    },
  };
}
