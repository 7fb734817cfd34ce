/**
 * Twilio request signatures (X-Twilio-Signature): HMAC of the full URL Twilio called plus the sorted
 * form parameters, keyed with the account's auth token. The computation is the `twilio` library's own
 * (`validateRequest`), so its URL variants (with and without port) and the SHA-256 variant named in
 * X-Twilio-Webhooks-Signature-Settings are honoured.
 *
 * A pure check plus a boolean twin, after Bolt's verify-request. Twilio signs no timestamp, so there
 * is no clock; replays are caught by the MessageSid dedupe in the plugin.
 *
 *     verifyTwilioRequest({ authToken, signature, url, params });   // throws TWILIO_SIGNATURE_INVALID
 *     if (!isValidTwilioRequest({ authToken, signature, url, params })) …
 *
 * https://www.twilio.com/docs/usage/webhooks/webhooks-security
 */
import twilio from 'twilio';
import { LoketError } from '../../src/errors.ts';

export interface SignedRequest {
  authToken: string;
  /** The X-Twilio-Signature header; undefined when absent. */
  signature: string | string[] | undefined;
  /** The URL Twilio requested: LOKET_PUBLIC_URL + path (+ query), see `webhookUrl`. */
  url: string;
  /** The parsed form body. */
  params: Record<string, unknown>;
  /** The X-Twilio-Webhooks-Signature-Settings header, if any (names the algorithm). */
  signatureSettings?: string | string[] | undefined;
}

/** Longer headers are refused before any hashing (a SHA-256 signature in base64 is 44 characters). */
const MAX_SIGNATURE_LENGTH = 128;
const ALGORITHMS = new Set([twilio.HMAC_SHA1, twilio.HMAC_SHA256]);

export function verifyTwilioRequest(req: SignedRequest): void {
  const signature = single(req.signature);
  if (!signature || signature.length > MAX_SIGNATURE_LENGTH) throw new LoketError('TWILIO_SIGNATURE_INVALID');
  const algorithm = twilio.getSignatureAlgorithm(single(req.signatureSettings) ?? null).toUpperCase();
  if (!ALGORITHMS.has(algorithm)) throw new LoketError('TWILIO_SIGNATURE_INVALID');
  let ok = false;
  try {
    ok = twilio.validateRequest(req.authToken, signature, req.url, req.params, algorithm);
  } catch {
    ok = false; // an unparsable URL or unsupported algorithm is a failed check, not a crash
  }
  if (!ok) throw new LoketError('TWILIO_SIGNATURE_INVALID');
}

export function isValidTwilioRequest(req: SignedRequest): boolean {
  try {
    verifyTwilioRequest(req);
    return true;
  } catch {
    return false;
  }
}

/**
 * The URL Twilio signed. Behind a proxy the app sees another host and scheme than Twilio called, so
 * it is `publicUrl` (LOKET_PUBLIC_URL, path prefix kept) + the route + the query string as received.
 * Without a public URL, the request's own scheme and Host header are used (direct exposure, tests).
 */
export function webhookUrl(input: { publicUrl?: string | undefined; routePath: string; request: { protocol: string; host: string; url: string } }): string {
  const q = input.request.url.indexOf('?');
  const query = q === -1 ? '' : input.request.url.slice(q);
  if (input.publicUrl) return `${input.publicUrl.replace(/\/+$/, '')}${input.routePath}${query}`;
  return `${input.request.protocol}://${input.request.host}${input.request.url}`;
}

function single(v: string | string[] | undefined): string | undefined {
  return Array.isArray(v) ? v[0] : v;
}
