/**
 * Caseworker sessions. Login gives a random bearer token (only its sha256 is stored) and sets the
 * same token as an HttpOnly, SameSite=Strict cookie for the console. Requests authenticated by the
 * cookie must also send the session's X-CSRF-Token on every change; bearer requests need not, since a
 * browser never adds an Authorization header by itself.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Clock } from '../clock.ts';
import { LoketError } from '../errors.ts';
import type { Role, Store, User } from '../store/types.ts';
import { hashPassword, randomPassword, verifyPassword } from './passwords.ts';

export const SESSION_COOKIE = 'loket_session';
const SESSION_HOURS = 12;
const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

export interface AuthContext {
  user: User;
  csrf: string;
}

export function createAuth(store: Store, clock: Clock) {
  const dummy = hashPassword('timing-equaliser');

  async function login(username: string, password: string): Promise<{ token: string; csrf: string; user: User }> {
    const found = await store.users.get(username);
    // Hash even for unknown users, so response time does not tell which usernames exist.
    const ok = found ? await verifyPassword(password, found.passwordHash) : (await verifyPassword(password, await dummy), false);
    if (!found || !ok) throw new LoketError('LOGIN_FAILED');
    const token = randomBytes(32).toString('base64url');
    const csrf = randomBytes(16).toString('base64url');
    const expiresAt = new Date(clock.now().getTime() + SESSION_HOURS * 3600_000).toISOString();
    await store.sessions.insert({ tokenHash: sha256(token), username, csrf, expiresAt });
    const { passwordHash: _, ...user } = found;
    return { token, csrf, user };
  }

  async function authenticate(request: FastifyRequest): Promise<AuthContext> {
    const header = request.headers.authorization;
    const bearer = header?.startsWith('Bearer ') ? header.slice(7).trim() : undefined;
    const cookie = readCookie(request.headers.cookie, SESSION_COOKIE);
    const token = bearer ?? cookie;
    if (!token) throw new LoketError('UNAUTHENTICATED');
    const session = await store.sessions.get(sha256(token));
    if (!session || session.expiresAt <= clock.now().toISOString()) throw new LoketError('UNAUTHENTICATED');
    const found = await store.users.get(session.username);
    if (!found) throw new LoketError('UNAUTHENTICATED');
    if (!bearer && request.method !== 'GET' && request.method !== 'HEAD' && request.headers['x-csrf-token'] !== session.csrf) {
      throw new LoketError('CSRF_FAILED');
    }
    const { passwordHash: _, ...user } = found;
    return { user, csrf: session.csrf };
  }

  async function logout(request: FastifyRequest): Promise<void> {
    const header = request.headers.authorization;
    const token = header?.startsWith('Bearer ') ? header.slice(7).trim() : readCookie(request.headers.cookie, SESSION_COOKIE);
    if (token) await store.sessions.delete(sha256(token));
  }

  async function createUser(input: { username: string; password: string; name: string; role: Role; teams: string[] }): Promise<User> {
    const user: User = { username: input.username, name: input.name, role: input.role, teams: input.teams, createdAt: clock.now().toISOString() };
    if (!(await store.users.insert(user, await hashPassword(input.password)))) throw new LoketError('USER_EXISTS', [input.username]);
    return user;
  }

  /** The first account (CONTRACTS §8): from the settings, or `demo` with a password printed once. */
  async function ensureFirstUser(admin: { user?: string; password?: string }): Promise<{ username: string; password?: string } | null> {
    if ((await store.users.count()) > 0) return null;
    const username = admin.user ?? 'demo';
    const password = admin.password ?? randomPassword();
    await createUser({ username, password, name: admin.user ? admin.user : 'Demo Medewerker', role: 'admin', teams: ['klantcontact', 'vergunningen', 'parkeren', 'werk-en-inkomen', 'belastingen', 'klachten'] });
    return { username, ...(admin.password ? {} : { password }) };
  }

  return { login, logout, authenticate, createUser, ensureFirstUser, listUsers: () => store.users.list() };
}

export type Auth = ReturnType<typeof createAuth>;

export function requireRole(ctx: AuthContext, ...roles: Role[]): void {
  if (!roles.includes(ctx.user.role)) throw new LoketError('FORBIDDEN', [`needs role ${roles.join(' or ')}`]);
}

export function setSessionCookie(reply: FastifyReply, token: string, secure: boolean): void {
  const parts = [`${SESSION_COOKIE}=${token}`, 'Path=/', 'HttpOnly', 'SameSite=Strict', `Max-Age=${SESSION_HOURS * 3600}`];
  if (secure) parts.push('Secure');
  void reply.header('set-cookie', parts.join('; '));
}

function readCookie(header: string | undefined, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === name) return v.join('=');
  }
  return undefined;
}
