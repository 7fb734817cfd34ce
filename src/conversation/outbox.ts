/**
 * The one place where activities enter a conversation's transcript: appended in order (one writer
 * per conversation at a time), stored, then announced on the bus, from where each channel delivers.
 */
import type { Clock } from '../clock.ts';
import type { Store } from '../store/types.ts';
import type { EventBus } from './events.ts';
import { KeyedMutex } from './mutex.ts';
import type { ActivityJson, StoredActivity } from './types.ts';

export class Outbox {
  private readonly locks = new KeyedMutex();

  constructor(
    private readonly store: Store,
    private readonly bus: EventBus,
    private readonly clock: Clock,
  ) {}

  /** Runs `task` as the only writer of this conversation. */
  exclusive<T>(conversationId: string, task: () => Promise<T>): Promise<T> {
    return this.locks.run(conversationId, task);
  }

  /** Appends and announces; call only inside `exclusive` for that conversation. */
  async appendNow(conversationId: string, activities: ActivityJson[]): Promise<StoredActivity[]> {
    if (activities.length === 0) return [];
    const { stored } = await this.store.appendActivities(conversationId, activities, this.clock.now().toISOString());
    this.announce(conversationId, stored);
    return stored;
  }

  /** Appends from outside a turn (caseworker replies, queue updates). */
  post(conversationId: string, activities: ActivityJson[]): Promise<StoredActivity[]> {
    return this.exclusive(conversationId, () => this.appendNow(conversationId, activities));
  }

  announce(conversationId: string, stored: StoredActivity[]): void {
    if (stored.length === 0) return;
    this.bus.emit('activities.appended', { conversationId, activities: stored, watermark: stored.at(-1)!.seq });
  }
}
