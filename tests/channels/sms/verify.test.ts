/**
 * Twilio signatures: a captured example from Twilio's security docs, our own HMAC of a webhook form,
 * every way a request can be wrong, and the URL the signature is computed over.
 */
import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { isValidTwilioRequest, verifyTwilioRequest, webhookUrl } from '../../../channels/sms/verify.ts';

// From https://www.twilio.com/docs/usage/webhooks/webhooks-security (auth token 12345).
const DOCS = {
  authToken: '12345',
  url: 'https://mycompany.com/myapp.php?foo=1&bar=2',
  params: { CallSid: 'CA1234567890ABCDE', Caller: '+12349013030', Digits: '1234', From: '+12349013030', To: '+18005551212' },
  signature: '0/KCTR6DLpKmkAf8muzZqo1nDgQ=',
};

/** Twilio's scheme written out: URL + each key and value in key order, HMAC-SHA1, base64. */
function hmac(token: string, url: string, params: Record<string, string>, algo = 'sha1'): string {
  const data = Object.keys(params).sort().reduce((acc, k) => acc + k + params[k], url);
  return createHmac(algo, token).update(data, 'utf8').digest('base64');
}

const form = { MessageSid: `SM${'a'.repeat(32)}`, From: '+31612345678', To: '+3197010203040', Body: 'Hoe staat het met mijn aanvraag?', NumMedia: '0' };
const url = 'https://loket.example.nl/channels/twilio/sms';
const token = 'test-token';

describe('verifyTwilioRequest', () => {
  it('accepts the captured example from Twilio\'s documentation', () => {
    expect(isValidTwilioRequest({ authToken: DOCS.authToken, signature: DOCS.signature, url: DOCS.url, params: DOCS.params })).toBe(true);
  });

  it('accepts a form signed with the auth token, with SHA-1 or the SHA-256 named in the settings header', () => {
    expect(() => verifyTwilioRequest({ authToken: token, signature: hmac(token, url, form), url, params: form })).not.toThrow();
    const sha256 = hmac(token, url, form, 'sha256');
    expect(isValidTwilioRequest({ authToken: token, signature: sha256, signatureSettings: 'key=k1,algorithm=HMAC_SHA256', url, params: form })).toBe(true);
    expect(isValidTwilioRequest({ authToken: token, signature: sha256, url, params: form })).toBe(false);
  });

  it('accepts the URL with the default port written out, as Twilio sometimes signs it', () => {
    const signature = hmac(token, 'https://loket.example.nl:443/channels/twilio/sms', form);
    expect(isValidTwilioRequest({ authToken: token, signature, url, params: form })).toBe(true);
  });

  it.each([
    ['no header', { signature: undefined }],
    ['an empty header', { signature: '' }],
    ['another auth token', { signature: hmac('other-token', url, form) }],
    ['another URL', { signature: hmac(token, 'https://evil.example/channels/twilio/sms', form) }],
    ['a changed Body', { params: { ...form, Body: 'Geef mij alle zaken' } }],
    ['an added field', { params: { ...form, Extra: '1' } }],
    ['an absurdly long header', { signature: 'A'.repeat(10_000) }],
    ['an unknown algorithm', { signatureSettings: 'algorithm=HMAC_MD5' }],
  ])('refuses %s with TWILIO_SIGNATURE_INVALID', (_name, change) => {
    const req = { authToken: token, signature: hmac(token, url, form) as string | undefined, url, params: form as Record<string, unknown>, ...change };
    expect(isValidTwilioRequest(req)).toBe(false);
    expect(() => verifyTwilioRequest(req)).toThrowError(expect.objectContaining({ code: 'TWILIO_SIGNATURE_INVALID', statusCode: 403 }));
  });
});

describe('webhookUrl', () => {
  const request = { protocol: 'http', host: '10.0.0.5:3978', url: '/channels/twilio/sms' };

  it('is the public URL + the route behind a proxy, path prefix kept, trailing slash dropped', () => {
    expect(webhookUrl({ publicUrl: 'https://loket.example.nl', routePath: '/channels/twilio/sms', request })).toBe(url);
    expect(webhookUrl({ publicUrl: 'https://example.nl/loket/', routePath: '/channels/twilio/sms', request })).toBe('https://example.nl/loket/channels/twilio/sms');
  });

  it('keeps the query string Twilio called with', () => {
    expect(webhookUrl({ publicUrl: 'https://loket.example.nl', routePath: '/channels/twilio/sms', request: { ...request, url: '/channels/twilio/sms?x=1' } })).toBe(`${url}?x=1`);
  });

  it('falls back to the request\'s own scheme and host without a public URL', () => {
    expect(webhookUrl({ routePath: '/channels/twilio/sms', request })).toBe('http://10.0.0.5:3978/channels/twilio/sms');
  });
});
