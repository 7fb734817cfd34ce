/**
 * Stored activities → Direct Line JSON, and the watermark and stream URL that go with them.
 *
 * Stored activities are already Bot Framework shaped (id `<conversationId>|0000001`, timestamp, from
 * with role, conversation, text, channelData.trace on bot messages); the wire adds `channelId`. The
 * citizen's own messages are sent back too: Direct Line echoes them and webchat relies on the echo.
 */
import type { ActivityJson, StoredActivity } from '../../src/conversation/types.ts';
import { LoketError } from '../../src/errors.ts';
import { asCitizenSees } from '../../src/handoff/announce.ts';

export const CHANNEL_ID = 'directline';

/** The body of GET …/activities and of each WebSocket frame. */
export interface ActivitySet {
  activities: ActivityJson[];
  /** Opaque to clients; here the seq of the last activity seen, as a string like Azure sends it. */
  watermark: string;
}

/**
 * One stored activity as a Direct Line client receives it. `handoff.initiate` keeps its whole value
 * and the transcript attachment (CONTRACTS §4): a channel or desk behind Direct Line routes on them,
 * and everything in them is the citizen's own conversation, readable only with its token.
 */
export function toDirectLine(stored: StoredActivity): ActivityJson {
  return { ...asCitizenSees(stored.activity), channelId: CHANNEL_ID };
}

/**
 * Whether a stored activity goes to the citizen. Bot Framework `trace` activities are for developer
 * tools; Azure Direct Line does not deliver them either.
 */
export function isForCitizen(stored: StoredActivity): boolean {
  return stored.activity.type !== 'trace';
}

/**
 * An activity set for the activities after `watermark`. The new watermark is the last activity's seq
 * (also when that one was held back), or `watermark` itself when nothing is new.
 */
export function toActivitySet(activities: StoredActivity[], watermark: number): ActivitySet {
  const last = activities.at(-1)?.seq ?? watermark;
  return { activities: activities.filter(isForCitizen).map(toDirectLine), watermark: String(last) };
}

/**
 * The watermark a client sends back. botframework-directlinejs sends `watermark=` (empty) before it
 * has seen one, which means "from the start".
 */
export function parseWatermark(raw: string | undefined): number {
  if (raw === undefined || raw === '') return 0;
  if (!/^\d{1,15}$/.test(raw)) throw new LoketError('BAD_REQUEST', [`watermark must be a number, got "${raw.slice(0, 40)}"`]);
  return Number(raw);
}

/**
 * The WebSocket address for a conversation: under `publicUrl` when set (https → wss), otherwise on
 * the host and protocol the request came in on.
 */
export function streamUrl(input: {
  conversationId: string;
  token: string;
  watermark?: number;
  publicUrl?: string;
  request: { protocol: string; host: string };
}): string {
  const base = input.publicUrl ? new URL(input.publicUrl) : requestOrigin(input.request);
  base.protocol = base.protocol === 'https:' ? 'wss:' : 'ws:';
  const prefix = base.pathname.replace(/\/+$/, '');
  const url = new URL(`${prefix}/v3/directline/conversations/${encodeURIComponent(input.conversationId)}/stream`, base);
  url.searchParams.set('t', input.token);
  if (input.watermark !== undefined && input.watermark > 0) url.searchParams.set('watermark', String(input.watermark));
  return url.toString();
}

// A Host header is whatever the client sent; only a plain host[:port] may end up in a URL we hand out.
const HOST = /^(\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9.-]+)(:\d{1,5})?$/;

function requestOrigin(request: { protocol: string; host: string }): URL {
  if (!HOST.test(request.host)) throw new LoketError('BAD_REQUEST', ['the Host header is not a valid host name']);
  return new URL(`${request.protocol === 'https' ? 'https' : 'http'}://${request.host}/`);
}
