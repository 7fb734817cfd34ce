/**
 * GET /api/v1/events (WebSocket): live handoff changes and the messages of conversations that are
 * with a person, for the console's inbox. Authenticated like the API (cookie, or ?token= for tools).
 * An open socket is also what makes its caseworker present (src/handoff/presence.ts): the wait
 * citizens are told counts them.
 */
import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { CaseworkerApiDeps } from './api.ts';
import { LoketError } from '../errors.ts';
import { handoffView } from './views.ts';

/**
 * Which conversations are with a person (queued or active, or just released/closed so the last
 * lines still reach the console). Only their messages go out on the events socket.
 */
function trackConversations(deps: CaseworkerApiDeps): { has(id: string): boolean; stop(): void } {
  // Watched: their messages also come from the other instances (src/conversation/events.ts).
  const open = new Map<string, () => void>();
  const add = (id: string) => {
    if (!open.has(id)) open.set(id, deps.bus.watch(id));
  };
  const drop = (id: string) => {
    open.get(id)?.();
    open.delete(id);
  };
  void deps.handoffs.list(['queued', 'active']).then((hs) => hs.forEach((h) => add(h.conversationId)));
  const off = deps.bus.on('handoff.changed', ({ handoff }) => {
    if (handoff.state === 'queued' || handoff.state === 'active') add(handoff.conversationId);
    // Closed or released: keep it a little, so the closing lines reach the console too.
    else setTimeout(() => drop(handoff.conversationId), 5_000).unref();
  }, { fromOtherInstances: true });
  return {
    has: (id) => open.has(id),
    stop() {
      off();
      for (const id of [...open.keys()]) drop(id);
    },
  };
}

/** A browser's WebSocket always sends Origin; it must be this server (the cookie is SameSite too). */
function sameOrigin(origin: string | undefined, host: string | undefined): boolean {
  if (!origin) return true; // not a browser (tools with ?token=)
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}

export function eventsRoute(app: FastifyInstance, deps: CaseworkerApiDeps): void {
  const withPerson = trackConversations(deps);
  app.addHook('onClose', async () => withPerson.stop());
  // `handler` + `wsHandler` instead of `websocket: true`: @fastify/websocket hides `websocket: true`
  // routes from the OpenAPI document, and CONTRACTS §5 lists this one at /docs.
  app.route({
    method: 'GET',
    url: '/api/v1/events',
    schema: { tags: ['caseworker'], summary: 'WebSocket: live handoff.* and message events (a plain GET answers 400)', security: [{ bearerAuth: [] }] },
    handler: async () => {
      throw new LoketError('BAD_REQUEST', ['open /api/v1/events as a WebSocket']);
    },
    wsHandler: (socket, req) => {
      if (!sameOrigin(req.headers.origin, req.headers.host)) {
        socket.close(4403, 'cross-origin');
        return;
      }
      const token = (req.query as { token?: string }).token;
      if (token && !req.headers.authorization) req.headers.authorization = `Bearer ${token}`;
      const offs: Array<() => void> = [];
      const socketId = randomUUID();
      const send = (msg: unknown) => {
        if (socket.readyState === socket.OPEN) socket.send(JSON.stringify(msg));
      };
      deps.auth.authenticate(req).then(
        ({ user }) => {
          if (socket.readyState !== socket.OPEN) return; // closed while authenticating: nothing to unsubscribe later
          send({ type: 'hello', user: user.username });
          void deps.presence.arrive({ username: user.username, teams: user.teams }, socketId).catch((err: unknown) => req.log.error({ err }, 'presence not recorded'));
          offs.push(() => void deps.presence.leave(user.username, socketId).catch((err: unknown) => req.log.error({ err }, 'presence not ended')));
          const now = () => deps.clock.now().toISOString();
          const everywhere = { fromOtherInstances: true };
          offs.push(deps.bus.on('handoff.changed', ({ handoff }) => send({ type: `handoff.${handoff.state}`, handoff: handoffView(handoff, now(), deps.handoffs.replyDueAt(handoff)) }), everywhere));
          offs.push(deps.bus.on('handoff.noted', ({ handoff, note, transferredTo }) => send({ type: 'handoff.noted', handoffId: handoff.id, note, ...(transferredTo ? { transferredTo } : {}) }), everywhere));
          offs.push(deps.bus.on('activities.appended', ({ conversationId, activities }) => {
            if (!withPerson.has(conversationId)) return;
            for (const s of activities) send({ type: 'message', conversationId, activity: s.activity });
          }, everywhere));
        },
        () => socket.close(4401, 'unauthenticated'),
      );
      socket.on('close', () => offs.forEach((off) => off()));
    },
  });
}
