/**
 * Delivery: every outbound message of a conversation goes to the channel the citizen used last.
 * Channels that push from the transcript themselves (the web stream) need no sender; SMS, WhatsApp
 * and Slack register one. Messages of one conversation are sent in order, one at a time.
 */
import type { Store } from '../store/types.ts';
import type { EventBus } from './events.ts';
import type { ActivityJson, ChannelId, StoredActivity } from './types.ts';

export interface ChannelSender {
  /** Sends one message to an address on this channel. Retrying is the sender's own business. */
  send(address: string, activity: ActivityJson & { id: string }, conversationId: string): Promise<void>;
}

export interface DeliveryDeps {
  bus: EventBus;
  store: Store;
  log?: { error(obj: unknown, msg?: string): void };
}

const isOutbound = (s: StoredActivity) =>
  s.activity.type === 'message' && (s.activity.from.role === 'bot' || s.activity.from.role === 'caseworker');

export class Delivery {
  private readonly senders = new Map<ChannelId, ChannelSender>();
  private readonly queues = new Map<string, Promise<void>>();
  private readonly off: () => void;

  constructor(private readonly deps: DeliveryDeps) {
    this.off = deps.bus.on('activities.appended', ({ conversationId, activities }) => {
      // With only the web channel (which reads the transcript itself) there is nobody to send to.
      if (this.senders.size === 0) return;
      const outbound = activities.filter(isOutbound);
      if (outbound.length > 0) this.enqueue(conversationId, outbound);
    });
  }

  register(channel: ChannelId, sender: ChannelSender): void {
    this.senders.set(channel, sender);
  }

  has(channel: ChannelId): boolean {
    return this.senders.has(channel);
  }

  /** For messages that do not belong in a transcript (a verification code to the case's own phone). */
  senderFor(channel: ChannelId): ChannelSender | undefined {
    return this.senders.get(channel);
  }

  /** Resolves when everything handed over so far has been sent (tests, shutdown). */
  async idle(): Promise<void> {
    while (this.queues.size > 0) await Promise.all([...this.queues.values()]);
  }

  stop(): void {
    this.off();
  }

  private enqueue(conversationId: string, outbound: StoredActivity[]): void {
    const prev = this.queues.get(conversationId) ?? Promise.resolve();
    const next = prev.then(() => this.send(conversationId, outbound)).catch((err) => this.deps.log?.error({ err, conversationId }, 'delivery failed'));
    this.queues.set(conversationId, next);
    void next.then(() => {
      if (this.queues.get(conversationId) === next) this.queues.delete(conversationId);
    });
  }

  private async send(conversationId: string, outbound: StoredActivity[]): Promise<void> {
    const [last] = await this.deps.store.addresses.list(conversationId);
    const sender = last && this.senders.get(last.channel);
    if (!last || !sender) return;
    for (const s of outbound) await sender.send(last.address, s.activity, conversationId);
  }
}
