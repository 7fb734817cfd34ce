/** Direct Line tokens with a fixed clock: expiry, tampering, another secret, alg none. */
import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../../src/clock.ts';
import { isValidToken, signToken, tokenVerifier, verifyToken } from '../../../channels/web/verify.ts';
import { DL, activities, bearer, errorCode, startConversation, startLoket, type TestLoket } from './helpers.ts';

const clock = fixedClock('2026-11-30T10:00:00Z');
let loket: TestLoket;

beforeAll(async () => {
  loket = await startLoket({ clock });
});
afterAll(async () => {
  await loket?.stop();
});

const inject = (opts: InjectOptions) => loket.app.inject(opts);

describe('tokens with a fixed clock', () => {
  it('expire after expires_in seconds: 403 TOKEN_INVALID, and refresh cannot revive them', async () => {
    const c = await startConversation(loket);
    clock.advance(1799_000);
    expect((await activities(loket, c)).activities).toHaveLength(1);
    clock.advance(2_000);
    for (const [method, url] of [['GET', `${DL}/conversations/${c.conversationId}/activities`], ['POST', `${DL}/tokens/refresh`]] as const) {
      const res = await inject({ method, url, headers: bearer(c.token) });
      expect(res.statusCode).toBe(403);
      expect(errorCode(res)).toBe('TOKEN_INVALID');
    }
  });

  it('are refused when tampered with, signed with another secret, or re-signed as alg none', async () => {
    const c = await startConversation(loket);
    const [h, p, s] = c.token.split('.') as [string, string, string];
    const other = await startConversation(loket);
    const otherPayload = other.token.split('.')[1]!;
    const forged = [
      `${h}.${otherPayload}.${s}`,
      `${h}.${p}.${s.slice(0, -2)}${s.endsWith('AA') ? 'BB' : 'AA'}`,
      signToken({ conversationId: c.conversationId, secret: 'another-secret-of-enough-length', now: clock.now(), ttlSeconds: 1800 }).token,
      `${Buffer.from('{"alg":"none","typ":"JWT"}').toString('base64url')}.${p}.`,
      `${c.token}.extra`,
    ];
    for (const token of forged) {
      const res = await inject({ method: 'GET', url: `${DL}/conversations/${c.conversationId}/activities`, headers: bearer(token) });
      expect(res.statusCode, token).toBe(403);
      expect(errorCode(res)).toBe('TOKEN_INVALID');
    }
  });

  it('verifyToken is pure: same token, different times', () => {
    const secret = 'x'.repeat(32);
    const now = new Date('2026-01-01T00:00:00Z');
    const { token } = signToken({ conversationId: 'c1', secret, now, ttlSeconds: 60 });
    expect(verifyToken(token, secret, new Date(now.getTime() + 59_000)).conv).toBe('c1');
    expect(isValidToken(token, secret, new Date(now.getTime() + 60_000))).toBe(false);
    expect(isValidToken(token, secret, new Date(now.getTime() - 120_000))).toBe(false); // issued in the future
    expect(isValidToken(token, 'y'.repeat(32), now)).toBe(false);
  });

  it('tokenVerifier checks a signature once, but the expiry on every call, and never keeps a forgery', () => {
    const secret = 'x'.repeat(32);
    const now = new Date('2026-01-01T00:00:00Z');
    const verify = tokenVerifier(secret, { max: 1 });
    const a = signToken({ conversationId: 'a', secret, now, ttlSeconds: 60 }).token;
    const b = signToken({ conversationId: 'b', secret, now, ttlSeconds: 60 }).token;
    expect(verify(a, now).conv).toBe('a');
    expect(verify(a, new Date(now.getTime() + 59_000)).conv).toBe('a');
    expect(() => verify(a, new Date(now.getTime() + 60_000))).toThrow(expect.objectContaining({ code: 'TOKEN_INVALID' }));
    expect(verify(b, now).conv).toBe('b'); // pushes `a` out of a cache of one
    expect(verify(a, now).conv).toBe('a');
    const forged = `${a.slice(0, a.lastIndexOf('.'))}.${b.slice(b.lastIndexOf('.') + 1)}`;
    for (let i = 0; i < 2; i++) expect(() => verify(forged, now)).toThrow(expect.objectContaining({ code: 'TOKEN_INVALID' }));
    expect(() => tokenVerifier('y'.repeat(32))(a, now)).toThrow(expect.objectContaining({ code: 'TOKEN_INVALID' }));
  });
});
