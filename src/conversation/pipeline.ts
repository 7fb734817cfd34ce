/**
 * The conversation service: one citizen message → one turn, in a row of small named steps:
 * check the text, read the conversation, run the turn (NLU → dialog step → effects), store the
 * message, the replies and the new state in one commit, then announce them. Turns of one
 * conversation run one at a time; a stale eTag (another instance wrote first) re-runs the turn on
 * fresh state. A message the client sends again (same channelData.clientActivityID, a retry after a
 * lost response) is answered with the id it was stored under and not handled again.
 */
import { randomUUID } from 'node:crypto';
import { initialState, text } from '../dialog/texts.ts';
import type { DialogState, Effect, HandoffMode } from '../dialog/types.ts';
import type { Lang } from '../nlu/types.ts';
import { LoketError, isLoketError } from '../errors.ts';
import type { ConversationRow, FeedbackWrite, Store } from '../store/types.ts';
import { activityId } from '../store/ids.ts';
import { extended } from '../objects.ts';
import { LoketAdapter, replyActivity, replyTo, type TurnOutbox } from './adapter.ts';
import { decide, type Decision, type TurnLogicDeps } from './effects.ts';
import { afterTurnWork, turnWork, type AfterTurnPort, type TurnWork } from './after-turn.ts';
import type { EventBus } from './events.ts';
import type { Outbox } from './outbox.ts';
import { MAX_MESSAGE_LENGTH, type ConversationService } from './service.ts';
import { checkedText, type TextRules } from './text.ts';
import { BOT, type ActivityJson, type ChannelId, type ConversationRecord, type IncomingMessage, type StoredActivity } from './types.ts';

const MAX_CONFLICT_RETRIES = 3;

export interface PipelineDeps extends TurnLogicDeps {
  store: Store;
  bus: EventBus;
  outbox: Outbox;
  /** The handoff lifecycle, when there is one (the dialog asks it whether a person holds the conversation). */
  handoffs?: HandoffPort;
  log?: { error(obj: unknown, msg?: string): void };
}

export interface HandoffPort extends AfterTurnPort {
  modeFor(conversationId: string): Promise<HandoffMode | null>;
}

export function createConversationService(deps: PipelineDeps): ConversationService {
  const { store, bus, clock } = deps;
  const adapter = new LoketAdapter();
  const outbox = deps.outbox;
  const now = () => clock.now().toISOString();
  const left = deps.handoffs ? afterTurnWork({ store, port: deps.handoffs, now, ...(deps.log ? { log: deps.log } : {}) }) : null;

  adapter.onTurnError = async (context, error) => {
    deps.log?.error({ err: error, conversationId: context.activity.conversation?.id }, 'turn failed');
    bus.emit('turn.failed', { conversationId: context.activity.conversation?.id ?? '', error });
    const state = (context.turnState.get(STATE) as DialogState | undefined) ?? initialState();
    const t = { dialog: 'error', step: 'turn_error', intent: 'none', confidence: 0, dialogVersion: deps.dialogs.version, sources: [] };
    await context.sendActivity(replyActivity(context.activity as ActivityJson, text(deps.dialogs, 'error.turn', state.lang), { trace: t }, state.lang));
  };

  async function open(input: Parameters<ConversationService['open']>[0]): Promise<ConversationRecord> {
    return strip(await openRow(input));
  }

  async function openRow(input: Parameters<ConversationService['open']>[0]): Promise<ConversationRow> {
    const id = input.id ?? randomUUID();
    const row = await store.openConversation({ id, channel: input.channel, userId: input.userId ?? null, now: now() });
    if (row.lastSeq === 0 && input.channel === 'web') await store.addresses.attach(id, 'web', id, now());
    if (input.welcome && row.lastSeq === 0) {
      const lang = WELCOME_LANG;
      const t = { dialog: 'welcome', step: 'welcome', intent: 'none', confidence: 1, dialogVersion: deps.dialogs.version, sources: [{ kind: 'dialog', ref: 'dialogs/messages.yaml' }] };
      const welcome: ActivityJson = {
        type: 'message', from: BOT, conversation: { id }, text: text(deps.dialogs, 'welcome', lang),
        textFormat: 'plain', locale: 'nl-NL', channelData: { trace: t },
      };
      await outbox.post(id, [welcome]);
    }
    if (row.lastSeq === 0) bus.emit('conversation.opened', { conversationId: id, channel: input.channel });
    return row;
  }

  /**
   * Runs the turn on `first` (re-read after a stale eTag) and stores the citizen's message, the
   * replies and the new state in one commit. When the commit fails for good, the message is still
   * kept on its own (best effort), so a failed turn never loses what the citizen wrote.
   */
  async function runTurn(first: ConversationRow, message: ActivityJson, via: IncomingMessage['via']): Promise<TurnOutcome | Repeated> {
    const receivedAt = now();
    try {
      for (let attempt = 0, row = first; ; attempt++) {
        try {
          // Read again on every attempt: after a stale eTag a person may hold the conversation by now.
          return await attemptTurn(row, message, receivedAt, await modeOf(row), via);
        } catch (err) {
          if (!isLoketError(err, 'CONVERSATION_CONFLICT') || attempt >= MAX_CONFLICT_RETRIES) throw err;
          // Another instance wrote first: perhaps this very message, retried by its client over there.
          const copy = await storedCopy(first.id, message);
          if (copy) return { repeated: copy };
          const fresh = await store.getConversation(first.id);
          if (!fresh) throw new LoketError('CONVERSATION_NOT_FOUND', [first.id]);
          row = fresh;
        }
      }
    } catch (err) {
      if (!isLoketError(err, 'CLIENT_ACTIVITY_ID_REUSED')) await keepMessage(first.id, message, receivedAt, via);
      throw err;
    }
  }

  /**
   * The stored copy of a message its client sends again: same `channelData.clientActivityID` (webchat
   * and our page give every message one, and send it again only to retry that message) and the same
   * text. Null when the message has no such id or none is stored with it; CLIENT_ACTIVITY_ID_REUSED
   * when the stored one says something else. Called inside the conversation's turn lock, so of two
   * copies that arrive together the second finds the first once its turn is stored. Only for
   * messages that carry the id; `asOf` (the eTag of the row the turn runs on) lets the store answer
   * from what it knows of that row, without a read (Store.findActivityByClientId).
   */
  async function storedCopy(conversationId: string, message: ActivityJson, asOf?: string): Promise<StoredActivity | null> {
    const clientId = message.channelData?.clientActivityID;
    if (typeof clientId !== 'string') return null;
    const copy = await store.findActivityByClientId(conversationId, clientId, asOf);
    if (!copy) return null;
    if (copy.activity.text !== message.text) throw new LoketError('CLIENT_ACTIVITY_ID_REUSED');
    return copy;
  }

  /** What a repeated message is answered with: the first copy's id and the replies its turn stored. */
  async function answerRepeated(conversationId: string, copy: StoredActivity) {
    const after = await store.listActivities(conversationId, copy.seq, 50);
    return { id: copy.activity.id, replies: after.filter((a) => a.activity.replyToId === copy.activity.id), conversationId };
  }

  async function attemptTurn(row: ConversationRow, message: ActivityJson, receivedAt: string, mode: HandoffMode | null, via: IncomingMessage['via']): Promise<TurnOutcome> {
    const conversationId = row.id;
    let seq = row.lastSeq;
    const received: StoredActivity = { seq: ++seq, activity: extended(message, { id: activityId(conversationId, seq), timestamp: receivedAt }) };
    const turnOutbox: TurnOutbox = { nextId: () => activityId(conversationId, ++seq), sent: [] };
    let result: Decision | undefined;
    await adapter.runTurn(received.activity, turnOutbox, async (ctx) => {
      const start = withChannelFacts(row.state ?? firstState(row), received.activity);
      ctx.turnState.set(STATE, start);
      result = await decide(conversationId, start, received.activity.text ?? '', mode, deps);
      ctx.turnState.set(STATE, result.state);
      const { replies, state } = result;
      const reply = replyTo(received.activity);
      await ctx.sendActivities(replies.map((r) => reply(r.text, { trace: r.trace }, state.lang)));
    });
    const state = result?.state ?? row.state ?? initialState();
    const at = now();
    const replies = turnOutbox.sent.map((a, i) => ({ seq: received.seq + i + 1, activity: extended(a, { id: a.id!, timestamp: at }) }));
    const effects = result?.effects ?? [];
    const handoffs = effects.flatMap((e) => (e.type === 'handoff' ? [e.record] : []));
    const verifiedPhone = state.verifiedIdentity ? state.facts.phone : undefined;
    const feedback = feedbackOf(effects, via?.channel ?? row.channel);
    const work = left ? turnWork({ activityId: received.activity.id!, conversationId, channel: row.channel, state, effects, mode }) : null;
    await store.commitTurn({ conversationId, expectedEtag: row.etag, state, activities: [received, ...replies], handoffs, ...(verifiedPhone ? { verifiedPhone } : {}), ...(via ? { via } : {}), ...(feedback.length ? { feedback } : {}), ...(work?.keep ? { afterTurn: work.keep } : {}) }, at);
    for (const record of handoffs) bus.emit('handoff.requested', { conversationId, record });
    return { received, replies, work };
  }

  /**
   * The message of a turn that could not be stored, kept on its own. Its client was told it failed,
   * so it is kept without its clientActivityID: a retry of it is a new message and runs the turn.
   */
  async function keepMessage(conversationId: string, message: ActivityJson, receivedAt: string, via: IncomingMessage['via']): Promise<void> {
    try {
      if (via) await store.addresses.attach(conversationId, via.channel, via.address, now());
      await outbox.appendNow(conversationId, [{ ...withoutClientId(message), timestamp: receivedAt }]);
    } catch (err) {
      deps.log?.error({ err, conversationId }, 'could not keep the message of a failed turn');
    }
  }

  /**
   * The handoff mode only matters once a handoff was requested, and every handoff starts as a
   * dialog effect that the same step records in `state.handoffs`: without one (or before the first
   * turn), skip the lookup.
   */
  async function modeOf(row: ConversationRow): Promise<HandoffMode | null> {
    if (!deps.handoffs || !row.state?.handoffs?.length) return null;
    return deps.handoffs.modeFor(row.id);
  }

  /**
   * "LINK 12345678" from another channel moves that channel's address to the conversation the code
   * was given in, and says so there. A wrong or used code is answered where it was sent.
   */
  async function followLink(requestedId: string, message: IncomingMessage, body: string, code: string) {
    const target = await deps.codes.redeemLink(code);
    const conversationId = target ?? requestedId;
    return outbox.exclusive(conversationId, async () => {
      // Fresh: the language to answer in, and the conversation's turns may have run in another process.
      const row = await store.getConversation(conversationId, { fresh: true });
      if (!row) throw new LoketError('CONVERSATION_NOT_FOUND', [conversationId]);
      if (message.via) await store.addresses.attach(conversationId, message.via.channel, message.via.address, now());
      const lang = row.state?.lang ?? 'nl';
      const key = target ? 'link.done' : 'link.invalid';
      const t = { dialog: 'link', step: target ? 'linked' : 'invalid', intent: 'link', confidence: 1, dialogVersion: deps.dialogs.version, sources: [{ kind: 'rule', ref: 'link-code-30-minutes' }] };
      const inbound = toActivity(conversationId, message, body);
      const reply: ActivityJson = { type: 'message', from: BOT, conversation: { id: conversationId }, text: text(deps.dialogs, key, lang), textFormat: 'plain', channelData: { trace: t } };
      const [received, ...replies] = await outbox.appendNow(conversationId, [inbound, reply]);
      return { id: received!.activity.id, replies, conversationId };
    });
  }

  return {
    open,
    async openFor(channel, address) {
      const existing = await store.addresses.find(channel, address);
      if (existing) {
        const row = await store.getConversation(existing);
        if (row) return strip(row);
      }
      // A phone number verified in a recent conversation (say on the web) continues that conversation.
      if (channel === 'sms' || channel === 'whatsapp') {
        const since = new Date(clock.now().getTime() - CONTINUE_WITHIN_MS).toISOString();
        const verified = await store.codes.findByVerifiedPhone(address, since);
        const row = verified ? await store.getConversation(verified) : null;
        if (row) {
          await store.addresses.attach(row.id, channel, address, now());
          return strip(row);
        }
      }
      const record = await open({ channel, userId: address });
      await store.addresses.attach(record.id, channel, address, now());
      return record;
    },
    async lastAddress(conversationId) {
      const [last] = await store.addresses.list(conversationId);
      return last ? { channel: last.channel, address: last.address } : null;
    },
    async get(conversationId) {
      const row = await store.getConversation(conversationId);
      return row ? strip(row) : null;
    },
    async receive(requestedId, message) {
      const body = checkText(message.text);
      const link = message.via ? LINK_MESSAGE.exec(body) : null;
      if (link) return followLink(requestedId, message, body, link[1]!);
      const conversationId = requestedId;
      const turn = await outbox.exclusive(conversationId, async () => {
        const row = await store.getConversation(conversationId);
        if (!row) throw new LoketError('CONVERSATION_NOT_FOUND', [conversationId]);
        const activity = toActivity(conversationId, message, body);
        // As of the row the turn will run on: a copy stored by another process since then makes the
        // turn's commit fail on its eTag, and runTurn looks again (without asOf) before it tries again.
        const copy = await storedCopy(conversationId, activity, row.etag);
        if (copy) return { repeated: copy };
        // The channel it came by becomes the conversation's last used one in the turn's own commit.
        const outcome = await runTurn(row, activity, message.via);
        if ('repeated' in outcome) return outcome;
        outbox.announce(conversationId, [outcome.received, ...outcome.replies]);
        return outcome;
      });
      // Handled (and announced) the first time; only work after the turn that failed then is done now.
      if ('repeated' in turn) {
        await left?.retry(turn.repeated.activity.id!);
        return answerRepeated(conversationId, turn.repeated);
      }
      if (turn.work) await left!.finish(turn.work);
      return { id: turn.received.activity.id, replies: turn.replies, conversationId };
    },
    async activities(conversationId, watermark, limit = 500) {
      const row = await store.getConversation(conversationId);
      if (!row) throw new LoketError('CONVERSATION_NOT_FOUND', [conversationId]);
      const activities = await store.listActivities(conversationId, watermark, limit);
      // A watermark past the end was answered with itself and no activities, so a client that held
      // one waited for ever: whatever came later had a lower seq. The cached row may lag behind
      // another process's writes, so only the stored row can say the watermark is ahead.
      if (activities.length === 0 && watermark > row.lastSeq) {
        const last = (await store.getConversation(conversationId, { fresh: true }))?.lastSeq ?? 0;
        if (watermark > last) throw new LoketError('BAD_REQUEST', [`watermark ${watermark} is past the last activity of this conversation (${last}); send the watermark you were given last, or none to start from the beginning`]);
      }
      return { activities, watermark: activities.at(-1)?.seq ?? watermark };
    },
    async finishLeftWork() {
      await left?.sweep();
    },
    subscribe(conversationId, fn) {
      // Also what other instances append (a caseworker's reply may be handled elsewhere).
      const unwatch = bus.watch(conversationId);
      const off = bus.on('activities.appended', (batch) => {
        if (batch.conversationId === conversationId) fn({ activities: batch.activities, watermark: batch.watermark });
      }, { fromOtherInstances: true });
      return () => {
        off();
        unwatch();
      };
    },
  };
}

const STATE = Symbol('loket.state');

/** The feedback of a turn, stored with it (TurnCommit.feedback). */
function feedbackOf(effects: readonly Effect[], channel: ChannelId): FeedbackWrite[] {
  return effects.flatMap((e): FeedbackWrite[] => {
    if (e.type === 'feedback') return [{ kind: 'score', score: e.score, comment: e.comment, about: e.about, channel, at: e.at }];
    if (e.type === 'feedback_comment') return [{ kind: 'comment', about: e.about, comment: e.comment }];
    return [];
  });
}

/** A message stored before under the same clientActivityID: it is not handled again. */
interface Repeated {
  repeated: StoredActivity;
}

interface TurnOutcome {
  received: StoredActivity;
  replies: StoredActivity[];
  /** The handoff's work after the turn (null: none), with the mode as read on the attempt that was stored. */
  work: TurnWork | null;
}
const LINK_MESSAGE = /^\s*link\s*(\d{4}\s?\d{4})\s*$/i;
/**
 * How long a verified phone number may pick up an earlier conversation on SMS or WhatsApp, counted from
 * the phone's stored time: up to VERIFIED_PHONE_REFRESH_MS (src/store/types.ts) before the conversation's last turn.
 */
const CONTINUE_WITHIN_MS = 24 * 3600_000;
/** The web chat's welcome is in Dutch (it says in English that English is fine too). */
const WELCOME_LANG: Lang = 'nl';

/**
 * The state before a conversation's first turn. A web chat that holds an activity by then holds the
 * welcome (openRow): nothing else is sent before the citizen's first message.
 */
function firstState(row: ConversationRow): DialogState {
  return row.channel === 'web' && row.lastSeq > 0 ? { ...initialState(), welcomed: WELCOME_LANG } : initialState();
}

/** A citizen texting by SMS or WhatsApp has told us their phone number already: never ask it again. */
function withChannelFacts(state: DialogState, activity: ActivityJson): DialogState {
  const phone = (activity.channelId === 'sms' || activity.channelId === 'whatsapp') && /^\+\d{8,15}$/.test(activity.from.id) ? activity.from.id : undefined;
  return phone && !state.facts.phone ? { ...state, facts: { ...state.facts, phone } } : state;
}

function strip(row: ConversationRow): ConversationRecord {
  const { state: _s, etag: _e, lastSeq: _l, ...record } = row;
  return record;
}

const CITIZEN_TEXT: TextRules = { max: MAX_MESSAGE_LENGTH, codes: { empty: 'MESSAGE_EMPTY', tooLong: 'MESSAGE_TOO_LONG', broken: 'MESSAGE_NOT_TEXT' } };

/** Checks a citizen's text at the door; returns it trimmed. */
export function checkText(raw: unknown): string {
  return checkedText(raw, CITIZEN_TEXT);
}

function withoutClientId(message: ActivityJson): ActivityJson {
  if (message.channelData?.clientActivityID === undefined) return message;
  const { clientActivityID: _c, ...channelData } = message.channelData;
  return { ...message, channelData };
}

function toActivity(conversationId: string, m: IncomingMessage, body: string): ActivityJson {
  return {
    type: 'message',
    conversation: { id: conversationId },
    from: { id: m.from.id, ...(m.from.name ? { name: m.from.name } : {}), role: 'user' },
    recipient: BOT,
    ...(m.via ? { channelId: m.via.channel } : {}),
    text: body,
    ...(m.locale ? { locale: m.locale } : {}),
    ...(m.channelData ? { channelData: m.channelData } : {}),
  };
}
