/**
 * Slack as a listener on the bus (STYLE: "Slack is one listener, not the implementation"):
 *
 * - `handoff.changed`: a new queued handoff gets its Block Kit message in SLACK_CHANNEL; later changes
 *   of state, assignee, team or priority update that message (`chat.update`).
 * - `activities.appended`: while a handoff with a Slack message is open, the citizen's messages (and
 *   replies a caseworker sent from the console) appear in its thread, as escaped plain text.
 * - `handoff.noted`: notes written in the console appear in the thread, marked internal.
 *
 * Plus the `ChannelSender` for citizens who talk to Loket by direct message.
 * Work runs one at a time per conversation, so a thread line never overtakes its handoff message.
 */
import type { webApi } from '@slack/bolt';
import type { Clock } from '../../src/clock.ts';
import type { ChannelSender } from '../../src/conversation/delivery.ts';
import type { EventBus } from '../../src/conversation/events.ts';
import { KeyedMutex } from '../../src/conversation/mutex.ts';
import type { ActivityJson } from '../../src/conversation/types.ts';
import { LoketError } from '../../src/errors.ts';
import type { Store } from '../../src/store/types.ts';
import { caseworkerLine, citizenLine, escapeText, noteLine, renderHandoff } from './blocks.ts';
import type { CaseworkerDirectory } from './caseworkers.ts';
import type { HandoffMessageTable } from './messages.ts';

type WebClient = webApi.WebClient;

/**
 * Remembers what a caseworker is saying from Slack right now, so the echo of it on the bus is not
 * posted back into the thread where it was typed.
 */
export class SlackOrigin {
  private readonly pending = new Set<string>();

  async run<T>(conversationId: string, text: string, task: () => Promise<T>): Promise<T> {
    const key = `${conversationId}\n${text.trim()}`;
    this.pending.add(key);
    try {
      return await task();
    } finally {
      this.pending.delete(key);
    }
  }

  has(conversationId: string, text: string | undefined): boolean {
    return this.pending.has(`${conversationId}\n${(text ?? '').trim()}`);
  }
}

export interface OutboundDeps {
  client: WebClient;
  bus: EventBus;
  store: Store;
  messages: HandoffMessageTable;
  caseworkers: CaseworkerDirectory;
  /** SLACK_CHANNEL: where handoff messages are posted. */
  channel: string;
  clock: Clock;
  origin: SlackOrigin;
  log: { error(obj: unknown, msg?: string): void };
  /** Offered in the transfer menu of a handoff message. */
  teams: readonly string[];
}

export interface SlackOutbound {
  /** Resolves when all Slack work handed over so far is done (tests, shutdown). */
  idle(): Promise<void>;
  stop(): void;
}

export function slackOutbound(deps: OutboundDeps): SlackOutbound {
  const { client, bus, store, messages, origin } = deps;
  const lanes = new KeyedMutex();
  const pending = new Set<Promise<unknown>>();

  const enqueue = (conversationId: string, what: string, task: () => Promise<void>) => {
    const done = lanes.run(conversationId, task).catch((err) => deps.log.error({ err, conversationId }, `slack: ${what} failed`));
    pending.add(done);
    void done.finally(() => pending.delete(done));
  };

  /** Posts the handoff's message once, then updates it when what it shows has changed. */
  async function syncHandoff(id: string): Promise<void> {
    const h = await store.handoffs.get(id);
    if (!h) return;
    const shown = await messages.get(h.id);
    const view = renderHandoff(h, { now: deps.clock.now().toISOString(), slackUserOf: deps.caseworkers.slackUserOf, teams: deps.teams });
    if (!shown) {
      if (h.state !== 'queued') return;
      const res = await call('chat.postMessage', () => client.chat.postMessage({ channel: deps.channel, text: view.text, blocks: view.blocks as never, unfurl_links: false }));
      if (!res.ts || !res.channel) throw new LoketError('SLACK_API_FAILED', ['chat.postMessage', 'no ts or channel in the answer']);
      await messages.save({ handoffId: h.id, conversationId: h.conversationId, channel: res.channel, ts: res.ts, rendered: view.signature });
      return;
    }
    if (shown.rendered === view.signature) return;
    await call('chat.update', () => client.chat.update({ channel: shown.channel, ts: shown.ts, text: view.text, blocks: view.blocks as never }));
    await messages.save({ ...shown, rendered: view.signature });
  }

  /** Posts plain, escaped lines into the thread of the conversation's open handoff, if it has one. */
  async function toThread(conversationId: string, lines: string[]): Promise<void> {
    const h = await store.handoffs.openFor(conversationId);
    const shown = h && (await messages.get(h.id));
    if (!shown) return;
    for (const text of lines) {
      await call('chat.postMessage', () => client.chat.postMessage({
        channel: shown.channel, thread_ts: shown.ts, text, mrkdwn: false, unfurl_links: false, unfurl_media: false,
      }));
    }
  }

  const threadLine = (conversationId: string, a: ActivityJson): string | null => {
    if (a.type !== 'message' || !a.text) return null;
    if (a.from.role === 'user') return citizenLine(a.text);
    if (a.from.role === 'caseworker' && !origin.has(conversationId, a.text)) return caseworkerLine(a.from.name ?? 'Medewerker', a.text);
    return null;
  };

  const offs = [
    bus.on('handoff.changed', ({ handoff }) => enqueue(handoff.conversationId, 'handoff message', () => syncHandoff(handoff.id))),
    bus.on('activities.appended', ({ conversationId, activities }) => {
      const lines = activities.map((s) => threadLine(conversationId, s.activity)).filter((l): l is string => l !== null);
      if (lines.length > 0) enqueue(conversationId, 'thread message', () => toThread(conversationId, lines));
    }),
    bus.on('handoff.noted', ({ handoff, note }) => {
      if (origin.has(handoff.conversationId, note.text)) return;
      enqueue(handoff.conversationId, 'note', () => toThread(handoff.conversationId, [noteLine(note.author, note.text)]));
    }),
  ];

  return {
    async idle() {
      while (pending.size > 0) await Promise.all([...pending]);
    },
    stop() {
      for (const off of offs) off();
    },
  };
}

/**
 * Direct messages to citizens: the address is their Slack user id. The DM channel comes from their
 * own messages (`dmChannels`), else from `conversations.open`.
 */
export function slackSender(client: WebClient, dmChannels: Map<string, string>): ChannelSender {
  async function dmChannelOf(userId: string): Promise<string> {
    const known = dmChannels.get(userId);
    if (known) return known;
    const res = await call('conversations.open', () => client.conversations.open({ users: userId }));
    const id = res.channel?.id;
    if (!id) throw new LoketError('SLACK_API_FAILED', ['conversations.open', 'no channel in the answer']);
    dmChannels.set(userId, id);
    return id;
  }
  return {
    async send(address, activity) {
      if (!activity.text) return;
      const text = activity.from.role === 'caseworker' && activity.from.name ? `${activity.from.name}: ${activity.text}` : activity.text;
      const channel = await dmChannelOf(address);
      await call('chat.postMessage', () => client.chat.postMessage({ channel, text: escapeText(text), mrkdwn: false, unfurl_links: false, unfurl_media: false }));
    },
  };
}

/** Slack Web API errors become SLACK_API_FAILED at this edge, with the original kept as cause. */
export async function call<T>(method: string, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    const detail = (err as { data?: { error?: string } }).data?.error ?? (err as Error).message;
    throw new LoketError('SLACK_API_FAILED', [method, detail], { cause: err });
  }
}
