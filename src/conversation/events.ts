/**
 * Every event name in one place (`noun.past_tense`). Listeners (web stream, Slack, metrics) subscribe
 * here; the conversation core never calls them directly.
 */
import type { ActivityBatch, ChannelId } from './types.ts';
import type { HandoffRecord } from '../dialog/types.ts';
import type { Handoff, Note } from '../handoff/types.ts';

export interface EventMap {
  'conversation.opened': { conversationId: string; channel: ChannelId };
  /** Activities were stored (in or out); the batch is ordered by seq. */
  'activities.appended': { conversationId: string } & ActivityBatch;
  'handoff.requested': { conversationId: string; record: HandoffRecord };
  'turn.failed': { conversationId: string; error: unknown };
  /** A handoff was created or changed state, assignee, priority, team … */
  'handoff.changed': { handoff: Handoff };
  'handoff.noted': { handoff: Handoff; note: Note };
}
export type EventName = keyof EventMap;

type Listener<K extends EventName> = (payload: EventMap[K]) => void;

/** A tiny typed event bus. A listener that throws is reported, not allowed to break the emitter. */
export class EventBus {
  private readonly listeners = new Map<EventName, Set<Listener<never>>>();

  constructor(private readonly onListenerError: (err: unknown, name: EventName) => void = () => {}) {}

  on<K extends EventName>(name: K, fn: Listener<K>): () => void {
    let set = this.listeners.get(name);
    if (!set) this.listeners.set(name, (set = new Set()));
    set.add(fn as Listener<never>);
    return () => set.delete(fn as Listener<never>);
  }

  emit<K extends EventName>(name: K, payload: EventMap[K]): void {
    for (const fn of this.listeners.get(name) ?? []) {
      try {
        (fn as Listener<K>)(payload);
      } catch (err) {
        this.onListenerError(err, name);
      }
    }
  }
}
