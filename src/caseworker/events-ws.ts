/**
 * GET /api/v1/events (WebSocket): live handoff changes and the messages of conversations that are
 * with a person, for the console's inbox. Authenticated like the API (cookie, or ?token= for tools).
 */
import type { FastifyInstance } from 'fastify';
import type { CaseworkerApiDeps } from './api.ts';
import { handoffView } from './views.ts';

export function eventsRoute(app: FastifyInstance, deps: CaseworkerApiDeps): void {
  app.get('/api/v1/events', { websocket: true, schema: { tags: ['caseworker'], summary: 'WebSocket: live handoff.* and message events' } }, (socket, req) => {
    const token = (req.query as { token?: string }).token;
    if (token && !req.headers.authorization) req.headers.authorization = `Bearer ${token}`;
    const offs: Array<() => void> = [];
    const send = (msg: unknown) => {
      if (socket.readyState === socket.OPEN) socket.send(JSON.stringify(msg));
    };
    deps.auth.authenticate(req).then(
      ({ user }) => {
        send({ type: 'hello', user: user.username });
        const now = () => deps.clock.now().toISOString();
        offs.push(deps.bus.on('handoff.changed', ({ handoff }) => send({ type: `handoff.${handoff.state}`, handoff: handoffView(handoff, now()) })));
        offs.push(deps.bus.on('handoff.noted', ({ handoff, note }) => send({ type: 'handoff.noted', handoffId: handoff.id, note })));
        offs.push(deps.bus.on('activities.appended', ({ conversationId, activities }) => {
          for (const s of activities) send({ type: 'message', conversationId, activity: s.activity });
        }));
      },
      () => socket.close(4401, 'unauthenticated'),
    );
    socket.on('close', () => offs.forEach((off) => off()));
  });
}
