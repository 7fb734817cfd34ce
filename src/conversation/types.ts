/**
 * Channel-blind conversation types. Activities follow the Bot Framework Activity schema so they
 * travel unchanged to Direct Line clients; only src/conversation/adapter.ts touches botbuilder-core.
 */

export type ChannelId = 'web' | 'sms' | 'whatsapp' | 'slack' | 'test';

export interface ChannelAccount {
  id: string;
  name?: string;
  /** `user` (citizen), `bot`, or `caseworker`. */
  role?: string;
}

/** A Bot Framework activity as JSON (structurally the botframework-schema `Activity`). */
export interface ActivityJson {
  type: string;
  id?: string;
  timestamp?: string;
  channelId?: string;
  conversation: { id: string };
  from: ChannelAccount;
  recipient?: ChannelAccount;
  text?: string;
  textFormat?: string;
  locale?: string;
  name?: string;
  value?: unknown;
  replyToId?: string;
  attachments?: unknown[];
  channelData?: Record<string, unknown>;
}

/** An activity as stored: `seq` is its position in the conversation (the Direct Line watermark). */
export interface StoredActivity {
  seq: number;
  activity: ActivityJson & { id: string; timestamp: string };
}

export interface ConversationRecord {
  id: string;
  channel: ChannelId;
  createdAt: string;
  updatedAt: string;
  /** The citizen's channel address (phone number, Slack user, web user id), if known. */
  userId: string | null;
}

/** What a channel hands over after it has verified and normalised a request. */
export interface IncomingMessage {
  type: 'message';
  text: string;
  from: ChannelAccount;
  /** The channel it came by, when the conversation spans several (sms, whatsapp, slack, web). */
  via?: { channel: ChannelId; address: string };
  locale?: string;
  /**
   * Channel-specific ids (Twilio MessageSid …), kept with the activity. A string `clientActivityID`
   * (Direct Line) makes a repeat of the message recognised (ConversationService.receive).
   */
  channelData?: Record<string, unknown>;
}

export interface ActivityBatch {
  activities: StoredActivity[];
  /** The seq of the last activity in the conversation after this batch. */
  watermark: number;
}

export type Unsubscribe = () => void;

/** The assistant itself, as the sender of its messages and events. */
export const BOT: ChannelAccount = { id: 'loket', name: 'Loket', role: 'bot' };
