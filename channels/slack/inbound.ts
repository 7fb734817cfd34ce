/**
 * What Slack users do, turned into the same calls the console makes. Bolt routes; each listener is a
 * short row of steps: acknowledge, find who acts, find the handoff, call the service, explain a refusal.
 *
 * - Buttons on a handoff message: claim, release, close (`handoffs.*`, so the 409 rules are the
 *   console's). Slack users not in SLACK_CASEWORKERS get an ephemeral "not linked" and nothing changes.
 * - "Geen crisis?" on a crisis opens a form (reason and note) that corrects it as the console does.
 * - A thread reply under a handoff message by its caseworker goes to the citizen; `note: …` stays internal.
 * - A direct message from a Slack user who is not a caseworker is a citizen's message, like an SMS.
 * - Any slash command pointed at us answers with the queue.
 */
import type { AllMiddlewareArgs, App, BlockAction, SlackActionMiddlewareArgs, SlackCommandMiddlewareArgs, SlackViewMiddlewareArgs, webApi } from '@slack/bolt';
import type { Clock } from '../../src/clock.ts';
import type { ConversationService } from '../../src/conversation/service.ts';
import { ERRORS, isLoketError } from '../../src/errors.ts';
import { checkMayCorrectCrisis } from '../../src/handoff/crisis-correction.ts';
import type { HandoffService } from '../../src/handoff/service.ts';
import type { Handoff } from '../../src/handoff/types.ts';
import type { User } from '../../src/store/types.ts';
import {
  ACTION, NOT_CRISIS, TEXTS, TRANSFERRED_FROM_SLACK, choice, escapeText, fromSlackText, notCrisisMetadata, notCrisisModal, queueSummary, type ActionVerb,
} from './blocks.ts';
import type { CaseworkerDirectory } from './caseworkers.ts';
import type { HandoffMessageTable } from './messages.ts';
import { call, type SlackOrigin } from './outbound.ts';

type WebClient = webApi.WebClient;

export interface InboundDeps {
  handoffs: HandoffService;
  conversations: ConversationService;
  caseworkers: CaseworkerDirectory;
  messages: HandoffMessageTable;
  origin: SlackOrigin;
  /** Slack user id → their DM channel with the app, learnt from their messages. */
  dmChannels: Map<string, string>;
  clock: Clock;
  log: { error(obj: unknown, msg?: string): void };
  /** Says a crisis was none and records it for learning, as the console's route does (corrections.ts `correctFalseCrisis`). */
  correctCrisis(id: string, user: User, input: { reason?: unknown; note?: unknown }): Promise<Handoff>;
}

/** The fields of a Slack `message` event we read (https://api.slack.com/events/message). */
interface MessageEvent {
  subtype?: string;
  bot_id?: string;
  user?: string;
  text?: string;
  ts: string;
  thread_ts?: string;
  channel: string;
  channel_type?: string;
  user_profile?: { display_name?: string; real_name?: string };
}

/** Messages that are something a person wrote; edits, joins and bot posts are not. */
const PERSON_SUBTYPES = new Set([undefined, 'file_share', 'thread_broadcast']);
const NOTE_PREFIX = /^\s*(note|notitie)\s*:\s*/i;

export function registerInbound(bolt: App, deps: InboundDeps): void {
  const { handoffs, caseworkers } = deps;

  /** Tells one Slack user why nothing happened, visible only to them. */
  const tell = (client: WebClient, channel: string, user: string, text: string, threadTs?: string) =>
    call('chat.postEphemeral', () => client.chat.postEphemeral({ channel, user, text, ...(threadTs ? { thread_ts: threadTs } : {}) }));

  /** Runs a caseworker's action; a refusal (409, 404, 400) is explained to them, anything else logged. */
  async function attempt(explain: (text: string) => Promise<unknown>, task: () => Promise<unknown>): Promise<void> {
    try {
      await task();
    } catch (err) {
      if (isLoketError(err) && err.statusCode < 500) {
        await explain(err.message);
        return;
      }
      deps.log.error({ err }, 'slack: caseworker action failed');
      await explain(TEXTS.failed);
    }
  }

  const verbs: Record<ActionVerb, (id: string, user: User, chosen: string) => Promise<unknown>> = {
    claim: (id, user) => handoffs.claim(id, user),
    release: (id, user) => handoffs.release(id, user),
    close: (id, user, outcome) => handoffs.close(id, user, outcome),
    transfer: (id, user, team) => handoffs.transfer(id, user, { team, note: TRANSFERRED_FROM_SLACK }),
  };

  for (const verb of Object.keys(ACTION) as ActionVerb[]) {
    bolt.action(ACTION[verb], async ({ ack, body, action, client }: SlackActionMiddlewareArgs & AllMiddlewareArgs) => {
      await ack();
      // A button carries the handoff id; a menu option `<handoff id>|<choice>`.
      const raw = 'selected_option' in action && action.selected_option ? action.selected_option.value ?? '' : 'value' in action && typeof action.value === 'string' ? action.value : '';
      const { handoffId, chosen } = choice(raw);
      const slackUser = body.user.id;
      const channel = body.channel?.id ?? '';
      const explain = (text: string) => tell(client, channel, slackUser, text);
      const user = await caseworkers.userFor(slackUser);
      if (!user) return void (await explain(TEXTS.notLinked));
      await attempt(explain, () => verbs[verb](handoffId, user, chosen));
    });
  }

  // "Geen crisis?": who may not correct it hears why at once; who may gets the form (views.open).
  bolt.action(NOT_CRISIS.button, async ({ ack, body, action, client }: SlackActionMiddlewareArgs & AllMiddlewareArgs) => {
    await ack();
    const handoffId = 'value' in action && typeof action.value === 'string' ? action.value : '';
    const channel = body.channel?.id ?? '';
    const explain = (text: string) => tell(client, channel, body.user.id, text);
    const user = await caseworkers.userFor(body.user.id);
    if (!user) return void (await explain(TEXTS.notLinked));
    await attempt(explain, async () => {
      checkMayCorrectCrisis(await handoffs.get(handoffId), user);
      const view = notCrisisModal(handoffId, channel);
      await call('views.open', () => client.views.open({ trigger_id: (body as BlockAction).trigger_id, view }));
    });
  });

  // The form sent: the form closes, and a refusal (someone else took it meanwhile) is explained like a button's.
  bolt.view(NOT_CRISIS.view, async ({ ack, body, view, client }: SlackViewMiddlewareArgs & AllMiddlewareArgs) => {
    await ack();
    const { handoffId, channel } = notCrisisMetadata(view.private_metadata);
    const explain = (text: string) => tell(client, channel, body.user.id, text);
    const user = await caseworkers.userFor(body.user.id);
    if (!user) return void (await explain(TEXTS.notLinked));
    const values = view.state.values;
    const reason = values[NOT_CRISIS.reason]?.[NOT_CRISIS.reason]?.selected_option?.value;
    const note = values[NOT_CRISIS.note]?.[NOT_CRISIS.note]?.value;
    await attempt(explain, () => deps.correctCrisis(handoffId, user, { reason, note }));
  });

  bolt.event('message', async ({ event, client }) => {
    const m = event as unknown as MessageEvent;
    if (m.bot_id || !m.user || !PERSON_SUBTYPES.has(m.subtype)) return;
    if (m.channel_type === 'im') return fromCitizen({ ...m, user: m.user }, client);
    if (m.thread_ts && m.thread_ts !== m.ts) return threadReply({ ...m, user: m.user, thread_ts: m.thread_ts }, client);
  });

  /** A reply in the thread of a handoff message: to the citizen, or an internal note. */
  async function threadReply(m: MessageEvent & { user: string; thread_ts: string }, client: WebClient): Promise<void> {
    const shown = await deps.messages.byThread(m.channel, m.thread_ts);
    if (!shown) return;
    const explain = (text: string) => tell(client, m.channel, m.user, text, m.thread_ts);
    const user = await caseworkers.userFor(m.user);
    if (!user) return void (await explain(TEXTS.notLinked));
    const text = fromSlackText(m.text ?? '');
    if (NOTE_PREFIX.test(text)) {
      const note = text.replace(NOTE_PREFIX, '');
      await attempt(explain, async () => {
        await deps.origin.run(shown.conversationId, note, () => handoffs.note(shown.handoffId, user, note));
        await explain(TEXTS.noteSaved);
      });
      return;
    }
    await attempt(explain, () => deps.origin.run(shown.conversationId, text, () => handoffs.reply(shown.handoffId, user, text)));
  }

  /** A direct message from someone who is not a caseworker: one turn of their conversation. */
  async function fromCitizen(m: MessageEvent & { user: string }, client: WebClient): Promise<void> {
    if (caseworkers.isCaseworker(m.user)) return;
    deps.dmChannels.set(m.user, m.channel);
    const answer = (text: string) => call('chat.postMessage', () => client.chat.postMessage({ channel: m.channel, text: escapeText(text), mrkdwn: false }));
    const text = fromSlackText(m.text ?? '').trim();
    if (text === '') return void (await answer(ERRORS.ATTACHMENTS_NOT_SUPPORTED.message));
    const conversation = await deps.conversations.openFor('slack', m.user);
    const name = m.user_profile?.display_name || m.user_profile?.real_name;
    try {
      await deps.conversations.receive(conversation.id, {
        type: 'message',
        text,
        from: { id: m.user, ...(name ? { name } : {}), role: 'user' },
        via: { channel: 'slack', address: m.user },
        channelData: { slack: { channel: m.channel, ts: m.ts } },
      });
    } catch (err) {
      // Too long, not text …: the citizen hears why; the rest is ours to log.
      if (!isLoketError(err) || err.statusCode >= 500) throw err;
      await answer(err.message);
    }
  }

  bolt.command(/.*/, async ({ ack }: SlackCommandMiddlewareArgs & AllMiddlewareArgs) => {
    const open = await handoffs.list(['queued', 'active']);
    await ack({ response_type: 'ephemeral', text: queueSummary(open, deps.clock.now().toISOString()) });
  });
}
