/**
 * A posted Direct Line activity → what the conversation service takes. Receivers only receive: this
 * decides whether the activity is a citizen message (one turn) or something we acknowledge and drop.
 *
 * - `message` with text → a turn. Empty, too long and binary text are refused by the service
 *   (MESSAGE_EMPTY, MESSAGE_TOO_LONG, MESSAGE_NOT_TEXT), so that rule lives in one place.
 * - `message` with attachments but no text → 400 ATTACHMENTS_NOT_SUPPORTED: the assistant cannot read
 *   files, and a made-up text would only earn a "not understood". With text, the text is handled and
 *   only the attachments' names and types are kept (channelData.attachments), never their content.
 * - `typing` → acknowledged, not stored, no turn.
 * - `event`, `conversationUpdate`, `invoke`, … → acknowledged and dropped (webchat sends some of these
 *   on its own; refusing them would show the citizen an error for nothing).
 */
import { randomUUID } from 'node:crypto';
import { LoketError } from '../../src/errors.ts';
import type { IncomingMessage } from '../../src/conversation/types.ts';

/** The part of a posted Bot Framework activity we read; everything else is ignored. */
export interface PostedActivity {
  type: string;
  from?: { id?: string; name?: string };
  text?: string;
  locale?: string;
  attachments?: Array<{ name?: string; contentType?: string }>;
  channelData?: Record<string, unknown>;
}

export type Inbound =
  | { kind: 'message'; message: IncomingMessage }
  | { kind: 'ignored'; type: string };

/** The citizen id when the client sends none (webchat always sends one). */
export const ANONYMOUS_USER = 'web-citizen';

/** JSON schema of the POST …/activities body (also shown at /docs). */
export const postedActivitySchema = {
  type: 'object',
  required: ['type'],
  properties: {
    type: { type: 'string', minLength: 1, maxLength: 64, description: 'message, typing, event, …' },
    from: {
      type: 'object',
      properties: { id: { type: 'string', maxLength: 256 }, name: { type: 'string', maxLength: 256 } },
    },
    text: { type: 'string', description: 'At most 4,000 characters (MESSAGE_TOO_LONG).' },
    locale: { type: 'string', maxLength: 35 },
    attachments: {
      type: 'array',
      maxItems: 20,
      items: { type: 'object', properties: { name: { type: 'string' }, contentType: { type: 'string' } } },
    },
    channelData: { type: 'object', description: 'Only clientActivityID and clientTimestamp are kept. A message sent again with the same clientActivityID is handled once.' },
  },
} as const;

/** Sorts a posted activity into a message for the service, or one to acknowledge and drop. */
export function toInbound(activity: PostedActivity): Inbound {
  if (activity.type !== 'message') return { kind: 'ignored', type: activity.type };
  const attachments = activity.attachments ?? [];
  const hasText = typeof activity.text === 'string' && activity.text.trim() !== '';
  if (!hasText && attachments.length > 0) throw new LoketError('ATTACHMENTS_NOT_SUPPORTED');
  const channelData = keptChannelData(activity.channelData, attachments);
  return {
    kind: 'message',
    message: {
      type: 'message',
      text: activity.text ?? '',
      from: { id: activity.from?.id || ANONYMOUS_USER, ...(activity.from?.name ? { name: activity.from.name } : {}), role: 'user' },
      ...(activity.locale ? { locale: activity.locale } : {}),
      ...(channelData ? { channelData } : {}),
    },
  };
}

/** An id for an activity we acknowledge but do not store (typing, events). */
export function unstoredActivityId(conversationId: string): string {
  return `${conversationId}|x-${randomUUID()}`;
}

/**
 * What of the client's channelData travels with the stored message. webchat matches the echoed
 * activity to the one it sent by `clientActivityID`, so that one must survive; the service also knows
 * a retried POST by it (handled once). Anything else (a forged `trace`, say) is dropped.
 */
function keptChannelData(raw: Record<string, unknown> | undefined, attachments: PostedActivity['attachments'] & object): Record<string, unknown> | undefined {
  const kept: Record<string, unknown> = {};
  for (const key of ['clientActivityID', 'clientTimestamp'] as const) {
    const v = raw?.[key];
    // An empty or blank id is no id: kept, it made every later message of the conversation the
    // "same" one (409 CLIENT_ACTIVITY_ID_REUSED, or a repeated question swallowed without an answer).
    if (typeof v === 'string' && v.trim() !== '' && v.length <= 128) kept[key] = v;
  }
  if (attachments.length > 0) {
    kept.attachments = attachments.map((a) => ({ name: String(a.name ?? '').slice(0, 256), contentType: String(a.contentType ?? '').slice(0, 128) }));
  }
  return Object.keys(kept).length > 0 ? kept : undefined;
}
