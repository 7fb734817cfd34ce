/**
 * Direct Line tokens: conversation-scoped, HMAC-SHA256 signed, with an expiry. They are compact JWTs
 * (HS256) so Bot Framework clients that peek into the token (botframework-directlinejs `parseToken`)
 * decode them without complaint; the conversation id is the `conv` claim.
 *
 * Checking is a pure function with the time passed in, plus a boolean twin (after Bolt's
 * verify-request), so tests fix the clock instead of sleeping:
 *
 *     const claims = verifyToken(token, secret, clock.now()); // throws TOKEN_INVALID
 *     if (!isValidToken(token, secret, new Date())) …
 */
import { createHmac, randomUUID, timingSafeEqual } from 'node:crypto';
import { LRUCache } from 'lru-cache';
import { LoketError } from '../../src/errors.ts';

export interface TokenClaims {
  /** The one conversation this token opens. */
  conv: string;
  /** Issued at / expires at, in seconds since the epoch (JWT `iat` / `exp`). */
  iat: number;
  exp: number;
  /** A unique id per token, so a refreshed token never equals the old one. */
  jti: string;
}

export interface IssuedToken {
  token: string;
  expiresIn: number;
  claims: TokenClaims;
}

const HEADER = base64url(JSON.stringify({ alg: 'HS256', typ: 'JWT' }));
/** Tokens longer than this are refused before any work is done. */
const MAX_TOKEN_LENGTH = 2048;
/** A token issued a little in the future (clock skew between instances) is still accepted. */
const ALLOWED_SKEW_SECONDS = 60;
const PART = /^[A-Za-z0-9_-]+$/;

/** Signs a token for `conversationId`, valid `ttlSeconds` from `now`. */
export function signToken(input: { conversationId: string; secret: string; now: Date; ttlSeconds: number }): IssuedToken {
  const iat = Math.floor(input.now.getTime() / 1000);
  const claims: TokenClaims = { conv: input.conversationId, iat, exp: iat + input.ttlSeconds, jti: randomUUID() };
  const body = `${HEADER}.${base64url(JSON.stringify(claims))}`;
  return { token: `${body}.${sign(body, input.secret)}`, expiresIn: input.ttlSeconds, claims };
}

/**
 * Checks signature, shape and expiry at `now`; returns the claims. Throws LoketError TOKEN_INVALID
 * for anything wrong, without saying what (a forger learns nothing from the answer).
 */
export function verifyToken(token: string, secret: string, now: Date): TokenClaims {
  return checkTimes(readToken(token, secret), now);
}

/**
 * verifyToken with a memory: a client sends the same token with every request, so the signature of
 * a token is checked once and its claims kept (at most `max` tokens, least recently used go first).
 * Expiry is still checked against `now` on every call, and only genuine tokens are ever kept, so a
 * forger cannot fill the cache.
 *
 *     const verify = tokenVerifier(secret);
 *     const claims = verify(token, clock.now()); // throws TOKEN_INVALID
 */
export function tokenVerifier(secret: string, opts: { max?: number } = {}): (token: string, now: Date) => TokenClaims {
  const known = new LRUCache<string, TokenClaims>({ max: opts.max ?? 10_000 });
  return (token, now) => {
    let claims = known.get(token) ?? null;
    if (claims === null) {
      claims = readToken(token, secret);
      if (claims !== null) known.set(token, claims);
    }
    return checkTimes(claims, now);
  };
}

function checkTimes(claims: TokenClaims | null, now: Date): TokenClaims {
  const t = Math.floor(now.getTime() / 1000);
  if (claims === null || claims.exp <= t || claims.iat > t + ALLOWED_SKEW_SECONDS) throw new LoketError('TOKEN_INVALID');
  return claims;
}

/** The boolean twin of verifyToken. */
export function isValidToken(token: string, secret: string, now: Date): boolean {
  try {
    verifyToken(token, secret, now);
    return true;
  } catch {
    return false;
  }
}

/** Throws TOKEN_WRONG_CONVERSATION unless the token was issued for `conversationId`. */
export function assertConversation(claims: TokenClaims, conversationId: string): void {
  if (claims.conv !== conversationId) throw new LoketError('TOKEN_WRONG_CONVERSATION');
}

/**
 * Whether `token` is shaped like one of ours (signature not checked). A Bearer that is not, such as
 * the literal "Bearer undefined" directlinejs sends when it was given no token, or a Direct Line
 * secret meant for Azure, counts as no token where no token is allowed.
 */
export function looksLikeToken(token: string): boolean {
  return token.startsWith(`${HEADER}.`) && token.split('.').length === 3;
}

/** The token of an `Authorization: Bearer <token>` header, or null when there is none. */
export function bearerToken(header: string | undefined): string | null {
  const m = /^Bearer[ ]+(\S+)\s*$/i.exec(header ?? '');
  return m ? m[1]! : null;
}

function readToken(token: string, secret: string): TokenClaims | null {
  if (typeof token !== 'string' || token.length > MAX_TOKEN_LENGTH) return null;
  const parts = token.split('.');
  if (parts.length !== 3 || !parts.every((p) => PART.test(p))) return null;
  const [header, payload, signature] = parts as [string, string, string];
  // Only our own header is accepted, so `alg: none` or another algorithm never gets a say.
  if (header !== HEADER) return null;
  const expected = Buffer.from(sign(`${header}.${payload}`, secret));
  const given = Buffer.from(signature);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  try {
    const c = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Partial<TokenClaims>;
    const ok = typeof c.conv === 'string' && c.conv !== '' && Number.isInteger(c.iat) && Number.isInteger(c.exp) && typeof c.jti === 'string';
    return ok ? (c as TokenClaims) : null;
  } catch {
    return null;
  }
}

function sign(data: string, secret: string): string {
  return createHmac('sha256', secret).update(data).digest('base64url');
}

function base64url(s: string): string {
  return Buffer.from(s, 'utf8').toString('base64url');
}
