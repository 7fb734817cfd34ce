/**
 * Every event name in one place (`noun.past_tense`). Listeners (web stream, Slack, metrics) subscribe
 * here; the conversation core never calls them directly.
 *
 * Several instances (`LOKET_WORKERS`, later several machines) each have their own bus. Side effects
 * (sending an SMS, updating Slack) run once, on the instance where the event happened: that is a
 * plain `on`. Listeners that only show what happened (a citizen's chat stream, the console's inbox)
 * pass `{ fromOtherInstances: true }` and also get the events a link (src/server/cluster.ts) brings
 * from the other instances. The link carries handoff events always; the activities of a
 * conversation only to instances that `watch` it, since every turn appends some.
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
  /** `transferredTo`: the note is a transfer's, to this caseworker (their console tells them). */
  'handoff.noted': { handoff: Handoff; note: Note; transferredTo?: string };
}
export type EventName = keyof EventMap;

/** The events other instances hear about (plain JSON payloads). */
export const SHARED_EVENTS: ReadonlySet<EventName> = new Set<EventName>(['conversation.opened', 'activities.appended', 'handoff.changed', 'handoff.noted']);

/** How a bus reaches the other instances. */
export interface BusLink {
  publish<K extends EventName>(name: K, payload: EventMap[K]): void;
  /** Whether another instance watches this conversation's activities. */
  watchedElsewhere(conversationId: string): boolean;
  /** This instance starts (true) or stops (false) watching a conversation. */
  interest(conversationId: string, on: boolean): void;
}

type Listener<K extends EventName> = (payload: EventMap[K]) => void;
interface Entry {
  fn: Listener<never>;
  remote: boolean;
}

/** A tiny typed event bus. A listener that throws is reported, not allowed to break the emitter. */
export class EventBus {
  private readonly listeners = new Map<EventName, Set<Entry>>();
  private readonly watched = new Map<string, number>();
  private link: BusLink | null = null;

  constructor(private readonly onListenerError: (err: unknown, name: EventName) => void = () => {}) {}

  on<K extends EventName>(name: K, fn: Listener<K>, opts: { fromOtherInstances?: boolean } = {}): () => void {
    let set = this.listeners.get(name);
    if (!set) this.listeners.set(name, (set = new Set()));
    const entry: Entry = { fn: fn as Listener<never>, remote: opts.fromOtherInstances === true };
    set.add(entry);
    return () => set.delete(entry);
  }

  /** An event that happened here: every listener, and the other instances. */
  emit<K extends EventName>(name: K, payload: EventMap[K]): void {
    this.deliver(name, payload, false);
    const link = this.link;
    if (link && SHARED_EVENTS.has(name)) {
      if (name !== 'activities.appended' || link.watchedElsewhere((payload as EventMap['activities.appended']).conversationId)) link.publish(name, payload);
    }
  }

  /** An event from another instance: only the listeners that asked for those. */
  receive<K extends EventName>(name: K, payload: EventMap[K]): void {
    this.deliver(name, payload, true);
  }

  /** Asks for this conversation's activities from the other instances too, until the returned function is called. */
  watch(conversationId: string): () => void {
    const n = this.watched.get(conversationId) ?? 0;
    this.watched.set(conversationId, n + 1);
    if (n === 0) this.link?.interest(conversationId, true);
    let done = false;
    return () => {
      if (done) return;
      done = true;
      const left = (this.watched.get(conversationId) ?? 1) - 1;
      if (left > 0) this.watched.set(conversationId, left);
      else {
        this.watched.delete(conversationId);
        this.link?.interest(conversationId, false);
      }
    };
  }

  /** Connects the bus to the other instances; what it already watches is announced. */
  connect(link: BusLink): void {
    this.link = link;
    for (const id of this.watched.keys()) link.interest(id, true);
  }

  private deliver<K extends EventName>(name: K, payload: EventMap[K], remoteOnly: boolean): void {
    const set = this.listeners.get(name);
    if (!set) return;
    for (const e of set) {
      if (remoteOnly && !e.remote) continue;
      try {
        (e.fn as Listener<K>)(payload);
      } catch (err) {
        this.onListenerError(err, name);
      }
    }
  }
}
