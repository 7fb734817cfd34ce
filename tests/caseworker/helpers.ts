/**
 * The real Loket (in-memory SQLite, office always open, admin/admin-password-1) for the caseworker
 * tests, and small helpers to speak the caseworker API through inject() as a logged-in user.
 */
import { mkdirSync } from 'node:fs';
import type { LightMyRequestResponse } from 'fastify';
import type { Clock } from '../../src/clock.ts';
import type { ActivityJson } from '../../src/conversation/types.ts';
import type { Loket } from '../../src/server/loket.ts';
import { NLU_CACHE } from '../support/nlu-cache.ts';
import { createPreparedLoket } from '../support/prepared.ts';

export const ADMIN = { username: 'admin', password: 'admin-password-1' };
export const ASK_PERSON = 'ik wil een medewerker spreken';


export function loketSettings(extra: Record<string, string> = {}): Record<string, string> {
  mkdirSync(NLU_CACHE, { recursive: true });
  return {
    DATABASE_URL: 'sqlite::memory:',
    LOG_LEVEL: 'silent',
    LOKET_OFFICE_HOURS: 'always',
    LOKET_ADMIN_USER: ADMIN.username,
    LOKET_ADMIN_PASSWORD: ADMIN.password,
    LOKET_SWEEP_SECONDS: '0',
    LOKET_NLU_CACHE: NLU_CACHE,
    // Parsing in this thread: the worker thread would load the model again for every Loket (two
    // seconds each). tests/channels/web and tests/nlu/thread.test.ts run the worker.
    LOKET_NLU_THREAD: 'off',
    ...extra,
  };
}

export async function startLoket(extra: Record<string, string> = {}, clock?: Clock): Promise<Loket> {
  const settings = loketSettings(extra);
  return createPreparedLoket(settings, clock ? { clock } : {});
}

export interface Session {
  username: string;
  token: string;
  csrf: string;
}

export async function login(loket: Loket, username: string, password: string): Promise<Session> {
  const res = await loket.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password } });
  if (res.statusCode !== 200) throw new Error(`login ${username} failed: ${res.statusCode} ${res.body}`);
  const body = res.json() as { token: string; csrfToken: string };
  return { username, token: body.token, csrf: body.csrfToken };
}

/** Creates a caseworker account (as admin) and logs it in. */
export async function addCaseworker(loket: Loket, admin: Session, username: string, opts: { name?: string; role?: string; teams?: string[] } = {}): Promise<Session> {
  const password = `${username}-password-1`;
  const res = await as(loket, admin).post('/api/v1/users', {
    username, password, name: opts.name ?? `${cap(username)} Jansen`, role: opts.role ?? 'caseworker', teams: opts.teams ?? ['klantcontact'],
  });
  if (res.statusCode !== 201) throw new Error(`create ${username} failed: ${res.statusCode} ${res.body}`);
  return login(loket, username, password);
}

const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** Requests as `s`: by default with the bearer token; `{ cookie: true }` like the console (cookie + CSRF). */
export function as(loket: Loket, s: Session, opts: { cookie?: boolean; csrf?: boolean } = {}) {
  const headers = (method: string): Record<string, string> => {
    if (!opts.cookie) return { authorization: `Bearer ${s.token}` };
    const h: Record<string, string> = { cookie: `loket_session=${s.token}` };
    if (method !== 'GET' && opts.csrf !== false) h['x-csrf-token'] = s.csrf;
    return h;
  };
  return {
    get: (url: string) => loket.app.inject({ method: 'GET', url, headers: headers('GET') }),
    post: (url: string, payload: unknown = {}) => loket.app.inject({ method: 'POST', url, headers: headers('POST'), payload: payload as object }),
  };
}

export const code = (res: LightMyRequestResponse): string | undefined => (res.json() as { error?: { code?: string } }).error?.code;
export const message = (res: LightMyRequestResponse): string => (res.json() as { error?: { message?: string } }).error?.message ?? '';

/** A web conversation with the welcome. */
export async function citizen(loket: Loket): Promise<Citizen> {
  const c = await loket.service.open({ channel: 'web', welcome: true });
  return new Citizen(loket, c.id);
}

export class Citizen {
  private seen = 0;
  constructor(readonly loket: Loket, readonly id: string) {}

  /** Sends a message and returns what came back since the last look (replies, events). */
  async say(text: string): Promise<ActivityJson[]> {
    await this.loket.service.receive(this.id, { type: 'message', from: { id: 'u1' }, text });
    return this.news();
  }

  /** Activities after the last look, without the citizen's own. */
  async news(): Promise<ActivityJson[]> {
    const batch = await this.loket.service.activities(this.id, this.seen);
    this.seen = batch.watermark;
    return batch.activities.map((s) => s.activity).filter((a) => a.from.role !== 'user');
  }

  async all(): Promise<ActivityJson[]> {
    return (await this.loket.service.activities(this.id, 0)).activities.map((s) => s.activity);
  }

  /** The feedback scores stored for this conversation. */
  async scores() {
    return (await this.loket.store.feedback.list({})).filter((f) => f.conversationId === this.id);
  }

  /** The open (queued or active) handoff of this conversation. */
  async handoff() {
    return this.loket.store.handoffs.openFor(this.id);
  }

  /** Asks for a person and returns the new handoff's id. */
  async askForPerson(text = ASK_PERSON): Promise<string> {
    await this.say(text);
    const h = await this.handoff();
    if (!h) throw new Error(`no handoff after "${text}"`);
    return h.id;
  }
}

export const texts = (activities: ActivityJson[]): string[] => activities.filter((a) => a.type === 'message').map((a) => a.text ?? '');
export const events = (activities: ActivityJson[], name: string) => activities.filter((a) => a.type === 'event' && a.name === name);
