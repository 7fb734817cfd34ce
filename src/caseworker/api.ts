/**
 * The caseworker API (CONTRACTS §5), JSON over HTTP with a bearer token or the console's session
 * cookie. The console uses exactly this API; so can Slack and any other desk tool.
 */
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import type { CaseSource } from '../cases/case-source.ts';
import type { Clock } from '../clock.ts';
import type { ConversationService } from '../conversation/service.ts';
import type { Presence } from '../handoff/presence.ts';
import type { HandoffService } from '../handoff/service.ts';
import type { Handoff, HandoffState } from '../handoff/types.ts';
import type { CorrectionTable, FeedbackTable } from '../store/types.ts';
import { correctFalseCrisis, correctionRoutes } from './corrections.ts';
import { NOT_CRISIS_REASONS } from '../handoff/crisis-correction.ts';
import { LoketError } from '../errors.ts';
import { requireRole, setSessionCookie, type Auth, type AuthContext } from './auth.ts';
import { eventsRoute } from './events-ws.ts';
import type { EventBus } from '../conversation/events.ts';
import { schemas, idParams } from './schemas.ts';
import { callbackOrder, closedOrder, detailView, earlierView, handoffView, inboxOrder, publicUser } from './views.ts';

export interface CaseworkerApiDeps {
  auth: Auth;
  handoffs: HandoffService;
  /** Who is at work: a caseworker with an open events socket counts (events-ws.ts). */
  presence: Presence;
  conversations: ConversationService;
  cases: CaseSource;
  bus: EventBus;
  clock: Clock;
  secureCookies: boolean;
  feedback: FeedbackTable;
  corrections: CorrectionTable;
  /** The loaded dialog set's intent ids and version (for corrections). */
  intents: readonly string[];
  dialogVersion: string;
}

const tags = ['caseworker'];
const security = [{ bearerAuth: [] }];

export function caseworkerApi(deps: CaseworkerApiDeps): FastifyPluginAsync {
  return async (app) => {
    const { auth, handoffs, clock } = deps;
    const who = (req: FastifyRequest): Promise<AuthContext> => auth.authenticate(req);
    const now = () => clock.now().toISOString();
    const view = (h: Handoff) => handoffView(h, now(), handoffs.replyDueAt(h));

    app.post('/api/v1/auth/login', { schema: { tags, summary: 'Log in; returns a bearer token and sets the console session cookie', ...schemas.login } }, async (req) => {
      const { username, password } = req.body as { username: string; password: string };
      const { token, csrf, user } = await auth.login(username, password);
      return { token, csrfToken: csrf, user: publicUser(user) };
    });
    app.addHook('onSend', async (req, reply, payload) => {
      // The login response also becomes the console's cookie session.
      if (req.routeOptions.url === '/api/v1/auth/login' && reply.statusCode === 200 && typeof payload === 'string') {
        setSessionCookie(reply, (JSON.parse(payload) as { token: string }).token, deps.secureCookies);
      }
      return payload;
    });
    app.post('/api/v1/auth/logout', { schema: { tags, summary: 'End this session', security } }, async (req) => {
      await who(req);
      await auth.logout(req);
      return { ok: true };
    });
    app.get('/api/v1/auth/me', { schema: { tags, summary: 'Who is logged in (and the CSRF token for cookie sessions)', security } }, async (req) => {
      const { user, csrf } = await who(req);
      return { user: publicUser(user), csrfToken: csrf };
    });

    app.get('/api/v1/handoffs', { schema: { tags, summary: 'Handoffs in queue order, your teams first; state=closed: the most recently ended first', security, ...schemas.list } }, async (req) => {
      const { user } = await who(req);
      const { state, callback } = req.query as { state?: string; callback?: boolean };
      const states: HandoffState[] = state === 'closed' ? ['closed', 'released'] : state ? [state as HandoffState] : ['queued', 'active'];
      // The callbacks to make ("Terugbellen"): open ones with a callback request, the earliest first;
      // the ended ones the most recently ended first; the open ones in queue order.
      const items = callback
        ? (await handoffs.list(['queued', 'active'])).filter((h) => h.callback).sort(callbackOrder)
        : (await handoffs.list(states)).sort(state === 'closed' ? closedOrder : inboxOrder(user));
      return { items: items.map(view), total: items.length };
    });

    app.get('/api/v1/handoffs/:id', { schema: { tags, summary: 'One handoff: reason, evidence, identity, case, summary, notes, wait, and the handoffs before it in the same conversation (earlier)', security, params: idParams } }, async (req) => {
      await who(req);
      const h = await handoffs.get((req.params as { id: string }).id);
      const proved = h.caseNumber && (h.identity?.cases.includes(h.caseNumber) || h.identity?.others?.includes(h.caseNumber));
      const record = proved ? await deps.cases.find(h.caseNumber!).catch(() => null) : null;
      // Who helped this citizen before in the same conversation, and what they noted: nobody starts again.
      const earlier = (await handoffs.before(h)).map(earlierView);
      return { ...detailView(h, now(), handoffs.replyDueAt(h), await handoffs.notes(h.id), record), earlier };
    });

    const id = (req: FastifyRequest) => (req.params as { id: string }).id;
    app.post('/api/v1/handoffs/:id/claim', { schema: { tags, summary: 'Take over the conversation; 409 when someone else holds it', security, params: idParams } }, async (req) => {
      const { user } = await who(req);
      return view(await handoffs.claim(id(req), user));
    });
    app.post('/api/v1/handoffs/:id/messages', { schema: { tags, summary: 'Send a message to the citizen on the channel they use', security, ...schemas.text } }, async (req) => {
      const { user } = await who(req);
      return view(await handoffs.reply(id(req), user, (req.body as { text: string }).text));
    });
    app.post('/api/v1/handoffs/:id/notes', { schema: { tags, summary: 'An internal note; never sent to the citizen', security, ...schemas.text } }, async (req, reply) => {
      const { user } = await who(req);
      await handoffs.note(id(req), user, (req.body as { text: string }).text);
      return reply.status(201).send({ ok: true });
    });
    // Who may release or close is the handoff service's rule (mayAct), so Slack follows it too.
    app.post('/api/v1/handoffs/:id/release', { schema: { tags, summary: 'Hand the conversation back to the assistant', security, ...schemas.release } }, async (req) => {
      const { user } = await who(req);
      return view(await handoffs.release(id(req), user, (req.body as { note?: string } | null)?.note));
    });
    app.post('/api/v1/handoffs/:id/close', { schema: { tags, summary: 'End the conversation with an outcome', security, ...schemas.close } }, async (req) => {
      const { user } = await who(req);
      return view(await handoffs.close(id(req), user, (req.body as { outcome: string }).outcome));
    });
    app.post('/api/v1/handoffs/:id/callback-attempts', { schema: { tags, summary: 'Record a call made for the callback request: "reached" or "no_answer", with an optional note (the holder or a supervisor); after the third unanswered call the citizen is told how to reach us', security, ...schemas.callbackAttempt } }, async (req) => {
      const { user } = await who(req);
      return view(await handoffs.recordCallbackAttempt(id(req), user, req.body as { outcome: unknown; note?: unknown }));
    });
    app.post('/api/v1/handoffs/:id/transfer', { schema: { tags, summary: 'Move to another team or caseworker, with a note; the citizen is told', security, ...schemas.transfer } }, async (req) => {
      // Moving a colleague's conversation is a supervisor's (403 here, as the API has always said; the service refuses it too).
      const ctx = await who(req);
      const h = await handoffs.get(id(req));
      if (h.state === 'active' && h.assignee !== ctx.user.username) requireRole(ctx, 'supervisor', 'admin');
      return view(await handoffs.transfer(h.id, ctx.user, req.body as { team?: string; caseworker?: string; note: string }));
    });
    // A false crisis ("ik ga dood van het lachen"): the reason it was instead, and a note why (crisis-correction.ts).
    app.post('/api/v1/handoffs/:id/reason', { schema: { tags, summary: `Say a crisis (reason "distress") was none: the reason it was instead (${NOT_CRISIS_REASONS.join(', ')}; "none": no special situation, it goes on as a request for a person) and a note why. Only who holds it, or a supervisor or admin. The citizen gets the ordinary texts from then on, and the message that raised it is recorded as a correction.`, security, ...schemas.reason } }, async (req) => {
      const { user } = await who(req);
      return view(await correctFalseCrisis(deps, id(req), user, req.body as { reason: string; note?: string }, req.log));
    });

    app.get('/api/v1/feedback', { schema: { tags, summary: 'Citizens\' 1–5 scores after each contact, with the average (supervisor, admin)', security } }, async (req) => {
      requireRole(await who(req), 'supervisor', 'admin');
      const items = await deps.feedback.list({ limit: 1000 });
      const average = items.length ? Math.round((items.reduce((n, f) => n + f.score, 0) / items.length) * 100) / 100 : null;
      return { items, total: items.length, average };
    });

    app.get('/api/v1/users', { schema: { tags, summary: 'Caseworker accounts (admin)', security } }, async (req) => {
      requireRole(await who(req), 'admin');
      return { items: (await auth.listUsers()).map(publicUser) };
    });
    // Who one can transfer a conversation to, by name: any logged-in caseworker may read it (the
    // account list itself, /users, stays the admin's). No creation dates or other account details.
    app.get('/api/v1/colleagues', { schema: { tags, summary: 'Colleagues: username, name, role and teams, for transfers', security } }, async (req) => {
      await who(req);
      return { items: (await auth.listUsers()).map(publicUser) };
    });
    app.post('/api/v1/users', { schema: { tags, summary: 'Create a caseworker account (admin)', security, ...schemas.createUser } }, async (req, reply) => {
      requireRole(await who(req), 'admin');
      const user = await auth.createUser(req.body as Parameters<Auth['createUser']>[0]);
      return reply.status(201).send(publicUser(user));
    });

    app.get('/api/v1/conversations/:id/transcript', { schema: { tags, summary: 'Every activity of a conversation, with the trace of each bot message', security, params: idParams } }, async (req) => {
      await who(req);
      const conversationId = id(req);
      const batch = await deps.conversations.activities(conversationId, 0, 10_000);
      if (!batch) throw new LoketError('CONVERSATION_NOT_FOUND', [conversationId]);
      return { conversationId, activities: batch.activities.map((s) => s.activity), watermark: batch.watermark };
    });

    correctionRoutes(app, { ...deps, who });

    eventsRoute(app, deps);
  };
}
