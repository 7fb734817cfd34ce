/**
 * Slack request signatures (v0: HMAC-SHA256 of `v0:{timestamp}:{raw body}` with the signing secret,
 * https://api.slack.com/authentication/verifying-requests-from-slack), checked with Bolt's own
 * `verifySlackRequest` against an injected clock. A pure function that throws, and a twin that answers
 * a boolean, as in Bolt's src/receivers/verify-request.ts.
 *
 *     verifySlackSignature({ signingSecret, body: raw, signature, timestamp, now: clock.now() });
 */
import { verifySlackRequest } from '@slack/bolt';
import { LoketError } from '../../src/errors.ts';

/** Slack's replay window: a request older (or newer) than this is refused. */
export const MAX_AGE_SECONDS = 5 * 60;

export interface SlackSignatureInput {
  signingSecret: string;
  /** The raw request body, exactly as received. */
  body: string;
  /** `X-Slack-Signature`. */
  signature: string | undefined;
  /** `X-Slack-Request-Timestamp` (Unix seconds). */
  timestamp: string | undefined;
  now: Date;
}

/** Throws SLACK_SIGNATURE_INVALID (401) when the signature is missing, wrong or stale. */
export function verifySlackSignature(input: SlackSignatureInput): void {
  const { signature, timestamp } = input;
  if (!signature || !timestamp) throw new LoketError('SLACK_SIGNATURE_INVALID', ['the X-Slack-Signature or X-Slack-Request-Timestamp header is missing']);
  const seconds = Number(timestamp);
  if (!/^\d+$/.test(timestamp) || !Number.isSafeInteger(seconds)) {
    throw new LoketError('SLACK_SIGNATURE_INVALID', ['X-Slack-Request-Timestamp is not a number']);
  }
  // Bolt refuses only timestamps in the past; a timestamp far in the future is refused here too.
  if (Math.abs(input.now.getTime() / 1000 - seconds) > MAX_AGE_SECONDS) {
    throw new LoketError('SLACK_SIGNATURE_INVALID', ['the request is older than 5 minutes (or the clocks differ)']);
  }
  try {
    verifySlackRequest({
      signingSecret: input.signingSecret,
      body: input.body,
      headers: { 'x-slack-signature': signature, 'x-slack-request-timestamp': seconds },
      nowMilliseconds: input.now.getTime(),
    });
  } catch (err) {
    throw new LoketError('SLACK_SIGNATURE_INVALID', ['the signature does not match'], { cause: err });
  }
}

export function isValidSlackSignature(input: SlackSignatureInput): boolean {
  try {
    verifySlackSignature(input);
    return true;
  } catch {
    return false;
  }
}

/**
 * The body as Bolt expects it: Events API JSON as is; interactivity (`payload=` JSON) unwrapped; a
 * slash command as its form fields. Throws BAD_REQUEST when it cannot be read.
 */
export function parseSlackBody(raw: string, contentType: string | undefined): Record<string, unknown> {
  const type = (contentType ?? '').split(';')[0]!.trim().toLowerCase();
  try {
    if (type === 'application/x-www-form-urlencoded') {
      const form = new URLSearchParams(raw);
      const payload = form.get('payload');
      if (payload !== null) return asObject(JSON.parse(payload));
      return Object.fromEntries(form);
    }
    return asObject(JSON.parse(raw));
  } catch (err) {
    throw new LoketError('BAD_REQUEST', ['the Slack request body is neither JSON nor a form'], { cause: err });
  }
}

function asObject(value: unknown): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new Error('not an object');
  return value as Record<string, unknown>;
}
