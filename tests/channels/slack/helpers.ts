/**
 * The real Loket with the Slack channel on, talking to a fake Slack Web API, and helpers to send it
 * what Slack sends: signed Events API JSON, `payload=` interactivity forms and slash command forms.
 */
import { createHmac } from 'node:crypto';
import type { LightMyRequestResponse } from 'fastify';
import type { Clock } from '../../../src/clock.ts';
import type { Loket } from '../../../src/server/loket.ts';
import { startLoket } from '../../support/loket.ts';
import { HANDOFF_CHANNEL, startFakeSlack, type FakeSlack } from './fake-slack.ts';

export const SECRET = 'slack-signing-secret-for-tests';
export const EVENTS = '/channels/slack/events';
/** Mapped caseworkers (SLACK_CASEWORKERS) and one Slack user who is not. */
export const ANNA = 'UANNA0001';
export const BRAM = 'UBRAM0002';
export const STRANGER = 'USTRANGER3';
export const CITIZEN = 'UCITIZEN04';

export interface SlackWorld {
  loket: Loket;
  slack: FakeSlack;
  close(): Promise<void>;
}

export async function startSlackWorld(extra: Record<string, string> = {}, clock?: Clock): Promise<SlackWorld> {
  const slack = await startFakeSlack();
  const loket = await startLoket({
    SLACK_SIGNING_SECRET: SECRET,
    SLACK_BOT_TOKEN: 'xoxb-test-token',
    SLACK_CHANNEL: HANDOFF_CHANNEL,
    SLACK_API_URL: slack.url,
    SLACK_CASEWORKERS: `${ANNA}=anna,${BRAM}=bram`,
    ...extra,
  }, clock ? { clock } : {});
  for (const [username, name] of [['anna', 'Anna de Vries'], ['bram', 'Bram Jansen']] as const) {
    await loket.auth.createUser({ username, password: `${username}-password-1`, name, role: 'caseworker', teams: ['klantcontact'] });
  }
  return {
    loket,
    slack,
    async close() {
      await loket.close();
      await slack.close();
    },
  };
}

/** Slack's v0 signature: HMAC-SHA256 of `v0:{ts}:{body}` with the signing secret. */
export function sign(body: string, ts: number, secret = SECRET): string {
  return `v0=${createHmac('sha256', secret).update(`v0:${ts}:${body}`).digest('hex')}`;
}

export interface SendOptions {
  /** Unix seconds; now by default. */
  ts?: number;
  secret?: string;
  signature?: string;
  headers?: Record<string, string>;
}

export function sendRaw(loket: Loket, body: string, contentType: string, o: SendOptions = {}): Promise<LightMyRequestResponse> {
  const ts = o.ts ?? Math.floor(Date.now() / 1000);
  return loket.app.inject({
    method: 'POST',
    url: EVENTS,
    payload: body,
    headers: {
      'content-type': contentType,
      'x-slack-request-timestamp': String(ts),
      'x-slack-signature': o.signature ?? sign(body, ts, o.secret),
      ...o.headers,
    },
  });
}

export const sendJson = (loket: Loket, body: unknown, o?: SendOptions) => sendRaw(loket, JSON.stringify(body), 'application/json', o);

export const sendForm = (loket: Loket, fields: Record<string, string>, o?: SendOptions) =>
  sendRaw(loket, new URLSearchParams(fields).toString(), 'application/x-www-form-urlencoded', o);

let eventSeq = 0;

/** An Events API envelope around one event. */
export function eventEnvelope(event: Record<string, unknown>, eventId = `Ev${++eventSeq}`): Record<string, unknown> {
  return { token: 'x', team_id: 'T0001', api_app_id: 'A0001', type: 'event_callback', event_id: eventId, event_time: 1700000000, event };
}

let tsSeq = 0;
const messageTs = () => `1700001000.${String(++tsSeq).padStart(6, '0')}`;

export function threadReply(user: string, threadTs: string, text: string, channel = HANDOFF_CHANNEL) {
  return eventEnvelope({ type: 'message', channel, channel_type: 'channel', user, text, ts: messageTs(), thread_ts: threadTs, event_ts: messageTs() });
}

export function directMessage(user: string, text: string) {
  return eventEnvelope({ type: 'message', channel: `D${user.slice(1)}`, channel_type: 'im', user, text, ts: messageTs(), event_ts: messageTs() });
}

/** A block_actions payload: `user` clicked the button `actionId` on the handoff message. */
export function buttonClick(user: string, actionId: string, handoffId: string, messageTs = '1700000000.000001'): Record<string, string> {
  const payload = {
    type: 'block_actions',
    team: { id: 'T0001', domain: 'voorbeeld' },
    user: { id: user, username: user.toLowerCase(), team_id: 'T0001' },
    api_app_id: 'A0001',
    token: 'x',
    container: { type: 'message', message_ts: messageTs, channel_id: HANDOFF_CHANNEL, is_ephemeral: false },
    trigger_id: '123.456.abc',
    channel: { id: HANDOFF_CHANNEL, name: 'overdrachten' },
    message: { type: 'message', ts: messageTs, text: 'Overdracht' },
    response_url: 'http://127.0.0.1:9/unused',
    actions: [{ type: 'button', action_id: actionId, block_id: 'loket_handoff', value: handoffId, action_ts: '1700000001.000000', text: { type: 'plain_text', text: 'x' } }],
  };
  return { payload: JSON.stringify(payload) };
}

/** A block_actions payload: `user` picked `chosen` in the menu `actionId` (option value `<handoff id>|<chosen>`). */
export function menuChoice(user: string, actionId: string, handoffId: string, chosen: string, messageTs = '1700000000.000001'): Record<string, string> {
  const payload = JSON.parse(buttonClick(user, actionId, handoffId, messageTs).payload!) as { actions: unknown[] };
  payload.actions = [{
    type: 'static_select', action_id: actionId, block_id: 'loket_handoff', action_ts: '1700000001.000000',
    selected_option: { text: { type: 'plain_text', text: chosen }, value: `${handoffId}|${chosen}` },
    placeholder: { type: 'plain_text', text: 'x' },
  }];
  return { payload: JSON.stringify(payload) };
}

/**
 * A view_submission payload: `user` sent the modal `view` (as the app opened it with views.open) with
 * these `values`: block id → action id → the element's state, e.g. `{ note: { note: { type: 'plain_text_input', value: 'x' } } }`.
 */
export function viewSubmission(user: string, view: Record<string, unknown>, values: Record<string, Record<string, unknown>>): Record<string, string> {
  const payload = {
    type: 'view_submission',
    team: { id: 'T0001', domain: 'voorbeeld' },
    user: { id: user, username: user.toLowerCase(), name: user.toLowerCase(), team_id: 'T0001' },
    api_app_id: 'A0001',
    token: 'x',
    trigger_id: '789.012.def',
    view: { id: 'V0001', team_id: 'T0001', app_id: 'A0001', bot_id: 'BLOKET', hash: '1700000002.abc', ...view, state: { values } },
    response_urls: [],
  };
  return { payload: JSON.stringify(payload) };
}

/** Waits until Slack events, Slack calls and deliveries handed over so far are all done. */
export async function settle(loket: Loket): Promise<void> {
  for (let round = 0; round < 10; round++) {
    await loket.slack!.idle();
    await loket.delivery.idle();
    await loket.slack!.idle();
    await new Promise((r) => setImmediate(r));
  }
}

/** The text of every block of a recorded message, joined, to search in. */
export function blockText(args: Record<string, unknown>): string {
  return JSON.stringify(args.blocks ?? []);
}

export function buttonIds(args: Record<string, unknown>): string[] {
  const blocks = (args.blocks ?? []) as Array<{ type: string; elements?: Array<{ action_id?: string }> }>;
  return blocks.filter((b) => b.type === 'actions').flatMap((b) => (b.elements ?? []).map((e) => e.action_id ?? ''));
}
