/** The v0 signature check with captured headers and a fixed clock, and reading Slack's three body kinds. */
import { describe, expect, it } from 'vitest';
import { isValidSlackSignature, parseSlackBody, verifySlackSignature } from '../../../channels/slack/verify.ts';
import { isLoketError } from '../../../src/errors.ts';

// Slack's documented example (https://api.slack.com/authentication/verifying-requests-from-slack).
const SECRET = '8f742231b10e8888abcd99yyyzzz85a5';
const BODY = 'token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&channel_id=G8PSS9T3V&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-collect&text=&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c';
const TIMESTAMP = '1531420618';
const SIGNATURE = 'v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503';
const AT = new Date(1531420618 * 1000 + 60_000);

const input = (over: Partial<Parameters<typeof verifySlackSignature>[0]> = {}) => ({
  signingSecret: SECRET, body: BODY, signature: SIGNATURE, timestamp: TIMESTAMP, now: AT, ...over,
});

describe('verifySlackSignature', () => {
  it('accepts Slack’s own example within five minutes', () => {
    expect(() => verifySlackSignature(input())).not.toThrow();
    expect(isValidSlackSignature(input({ now: new Date(1531420618 * 1000 + 300_000) }))).toBe(true);
  });

  it('refuses another secret, another body, or another timestamp', () => {
    expect(isValidSlackSignature(input({ signingSecret: 'x'.repeat(32) }))).toBe(false);
    expect(isValidSlackSignature(input({ body: `${BODY}&x=1` }))).toBe(false);
    expect(isValidSlackSignature(input({ timestamp: '1531420619' }))).toBe(false);
  });

  it('refuses a request older than five minutes, or dated ahead by more', () => {
    expect(isValidSlackSignature(input({ now: new Date(1531420618 * 1000 + 301_000) }))).toBe(false);
    expect(isValidSlackSignature(input({ now: new Date(1531420618 * 1000 - 301_000) }))).toBe(false);
  });

  it('refuses missing headers, other versions and a timestamp that is not a number', () => {
    expect(isValidSlackSignature(input({ signature: undefined }))).toBe(false);
    expect(isValidSlackSignature(input({ timestamp: undefined }))).toBe(false);
    expect(isValidSlackSignature(input({ signature: SIGNATURE.replace('v0=', 'v1=') }))).toBe(false);
    expect(isValidSlackSignature(input({ timestamp: '1531420618.5' }))).toBe(false);
  });

  it('throws SLACK_SIGNATURE_INVALID with status 401', () => {
    try {
      verifySlackSignature(input({ signingSecret: 'wrong' }));
      expect.fail('should throw');
    } catch (err) {
      expect(isLoketError(err, 'SLACK_SIGNATURE_INVALID')).toBe(true);
      expect((err as { statusCode: number }).statusCode).toBe(401);
    }
  });
});

describe('parseSlackBody', () => {
  it('reads Events API JSON', () => {
    expect(parseSlackBody('{"type":"event_callback","event":{"type":"message"}}', 'application/json')).toEqual({ type: 'event_callback', event: { type: 'message' } });
  });

  it('unwraps the payload of an interactivity form', () => {
    const raw = new URLSearchParams({ payload: JSON.stringify({ type: 'block_actions', actions: [] }) }).toString();
    expect(parseSlackBody(raw, 'application/x-www-form-urlencoded; charset=utf-8')).toEqual({ type: 'block_actions', actions: [] });
  });

  it('reads a slash command as its form fields', () => {
    expect(parseSlackBody(BODY, 'application/x-www-form-urlencoded')).toMatchObject({ command: '/webhook-collect', user_id: 'U2CERLKJA', text: '' });
  });

  it('refuses what is neither', () => {
    expect(() => parseSlackBody('nope', 'application/json')).toThrow(expect.objectContaining({ code: 'BAD_REQUEST' }));
    expect(() => parseSlackBody('[1,2]', 'application/json')).toThrow(expect.objectContaining({ code: 'BAD_REQUEST' }));
  });
});
