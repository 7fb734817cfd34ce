/**
 * The face the channels see: open a conversation, hand in a message, read and follow activities.
 * Channels never see NLU, dialogs or storage.
 */
import type { ActivityBatch, ChannelId, ConversationRecord, IncomingMessage, StoredActivity, Unsubscribe } from './types.ts';

export interface ConversationService {
  /** Creates a conversation (or returns the existing one with this id). A new web conversation gets the welcome. */
  open(input: { channel: ChannelId; id?: string; userId?: string | null; welcome?: boolean }): Promise<ConversationRecord>;
  get(conversationId: string): Promise<ConversationRecord | null>;
  /** The conversation of a channel address (phone number, Slack user), opened on first contact. */
  openFor(channel: ChannelId, address: string): Promise<ConversationRecord>;
  /** Where the citizen was last reachable: replies go there. */
  lastAddress(conversationId: string): Promise<{ channel: ChannelId; address: string } | null>;
  /**
   * Handles one citizen message as one turn. Resolves after the message, the replies and the new
   * state are stored. Throws LoketError: CONVERSATION_NOT_FOUND, MESSAGE_EMPTY, MESSAGE_TOO_LONG, MESSAGE_NOT_TEXT.
   *
   * A message with `channelData.clientActivityID` that this conversation already stored with the same
   * text (a client retrying a POST whose answer it lost) is not handled or stored again: it resolves
   * with the first one's id and replies, also when both arrive at once or the first came before a
   * restart. The same id with another text throws CLIENT_ACTIVITY_ID_REUSED (409).
   */
  receive(conversationId: string, message: IncomingMessage): Promise<{ id: string; replies: StoredActivity[]; conversationId: string }>;
  /**
   * Work after turns that its process let go of or stopped before doing (a handoff, a callback booked),
   * of the last minutes: done now, unless the citizen wrote again since (src/conversation/after-turn.ts).
   */
  finishLeftWork(): Promise<void>;
  /** Activities after `watermark` (0 = from the start), oldest first. Throws BAD_REQUEST for a watermark past the last activity. */
  activities(conversationId: string, watermark: number, limit?: number): Promise<ActivityBatch>;
  /** Calls `fn` with each new batch of activities of that conversation (in and out). */
  subscribe(conversationId: string, fn: (batch: ActivityBatch) => void): Unsubscribe;
}

/** The most characters a citizen's message may have: Unicode code points, so an emoji counts as one, not two UTF-16 units. */
export const MAX_MESSAGE_LENGTH = 4000;

