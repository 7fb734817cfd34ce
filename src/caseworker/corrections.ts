/**
 * Caseworkers correct the assistant (lesson 5). On any citizen message in a transcript a caseworker
 * may say which special situation it showed (`none`: no special situation, a false alarm) and/or what
 * the citizen asked. Supervisors export the corrections as NDJSON in the format of the labelled sets
 * in tests/nlu ({text, lang, intent, handoff}), with personal data replaced by look-alikes, to add
 * them to the dialogs' examples or to a test set.
 *
 *   POST /api/v1/conversations/{id}/corrections {activityId, reason?, intent?}  → 201
 *   GET  /api/v1/corrections[?format=ndjson]                                    (supervisor, admin)
 *
 * A crisis said to be none (POST /api/v1/handoffs/{id}/reason, api.ts, or Slack's "Geen crisis?") is
 * recorded here too, as a correction of the message that raised it (correctFalseCrisis).
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ActivityJson } from '../conversation/types.ts';
import { LoketError } from '../errors.ts';
import { replaceEntities } from '../nlu/index.ts';
import { MESSAGE_HANDOFF_REASONS, type EntityType } from '../nlu/types.ts';
import type { Correction, User } from '../store/types.ts';
import type { HandoffService } from '../handoff/service.ts';
import type { Evidence, Handoff } from '../handoff/types.ts';
import type { CaseworkerApiDeps } from './api.ts';
import { requireRole, type AuthContext } from './auth.ts';
import { idParams } from './schemas.ts';

/** What a correction is made with. */
type CorrectionDeps = Pick<CaseworkerApiDeps, 'conversations' | 'corrections' | 'clock' | 'dialogVersion'>;

/** What the routes need of the caseworker API's deps, and its way of telling who asks. */
export type CorrectionRoutesDeps = CorrectionDeps & Pick<CaseworkerApiDeps, 'intents'> & {
  who(req: FastifyRequest): Promise<AuthContext>;
};

const tags = ['caseworker'];
const security = [{ bearerAuth: [] }];
/** `none`: the message showed no special situation (the assistant raised a false alarm). */
const REASONS = [...MESSAGE_HANDOFF_REASONS, 'none'];

/** Look-alikes for personal data, in the same shape, so an exported example still reads like the real one. */
const LOOK_ALIKE: Record<EntityType, string> = {
  bsn: '123456782',
  iban: 'NL91ABNA0417164300',
  phone: '0612345678',
  postcode: '1234 AB',
  date: '1-1-1980',
  case_number: 'Z-2026-000000',
};

/** The text with every BSN, IBAN, phone number, postcode, date and case number replaced by a look-alike. */
export function maskPersonalData(text: string): string {
  return replaceEntities(text, (e) => LOOK_ALIKE[e.type]);
}

/** One correction as a line of a labelled set: the caseworker's labels, else what the assistant said. */
export function asLabelledLine(c: Correction): { text: string; lang: string; intent: string; handoff: string | null } {
  const reason = c.reason ?? c.assistant.reason;
  // Only the reasons one message can show (a case flag or a failed check is no label for a text).
  const handoff = reason !== null && (MESSAGE_HANDOFF_REASONS as readonly string[]).includes(reason) ? reason : null;
  return { text: maskPersonalData(c.text), lang: c.lang, intent: c.intent ?? c.assistant.intent ?? 'none', handoff };
}

export function correctionRoutes(app: FastifyInstance, deps: CorrectionRoutesDeps): void {
  const body = {
    type: 'object',
    required: ['activityId'],
    additionalProperties: false,
    properties: {
      activityId: { type: 'string', minLength: 1, maxLength: 200 },
      reason: { enum: REASONS, description: 'The special situation the message showed; "none" when it showed none.' },
      intent: { enum: [...deps.intents], description: 'What the citizen asked.' },
    },
  } as const;

  app.post('/api/v1/conversations/:id/corrections', {
    schema: { tags, summary: 'Correct what the assistant made of one citizen message (situation and/or intent)', security, params: idParams, body },
  }, async (req, reply) => {
    const { user } = await deps.who(req);
    const conversationId = (req.params as { id: string }).id;
    const { activityId, reason, intent } = req.body as { activityId: string; reason?: string; intent?: string };
    if (reason === undefined && intent === undefined) throw new LoketError('BAD_REQUEST', ['give a reason, an intent, or both']);
    const batch = await deps.conversations.activities(conversationId, 0, 10_000);
    if (!batch) throw new LoketError('CONVERSATION_NOT_FOUND', [conversationId]);
    const all = batch.activities.map((s) => s.activity);
    const index = all.findIndex((a) => a.id === activityId);
    if (index < 0) throw new LoketError('NOT_FOUND', [`activity "${activityId}" in conversation "${conversationId}"`]);
    if (!isCitizenMessage(all[index]!)) throw new LoketError('BAD_REQUEST', ['only a message the citizen wrote can be corrected']);
    const correction = correctionOf(deps, conversationId, all, index, { intent, reason }, user.username);
    await deps.corrections.upsert(correction);
    return reply.status(201).send(correction);
  });

  app.get('/api/v1/corrections', {
    schema: {
      tags, security,
      summary: 'Caseworkers\' corrections, newest first (supervisor, admin); ?format=ndjson: as a labelled set, personal data replaced',
      querystring: { type: 'object', additionalProperties: false, properties: { format: { enum: ['json', 'ndjson'] }, since: { type: 'string', format: 'date-time' } } },
    },
  }, async (req, reply) => {
    requireRole(await deps.who(req), 'supervisor', 'admin');
    const { format, since } = req.query as { format?: string; since?: string };
    const items = await deps.corrections.list({ ...(since ? { since } : {}), limit: 10_000 });
    if (format === 'ndjson') {
      return reply.type('application/x-ndjson; charset=utf-8').send(items.map((c) => JSON.stringify(asLabelledLine(c)) + '\n').join(''));
    }
    return { items, total: items.length };
  });
}

const isCitizenMessage = (a: ActivityJson): boolean => a.type === 'message' && a.from?.role === 'user' && !!a.text;

/** The correction of citizen message `all[index]` (the conversation's activities), as of now. */
function correctionOf(deps: CorrectionDeps, conversationId: string, all: ActivityJson[], index: number, labels: { intent?: string | undefined; reason?: string | undefined }, by: string): Correction {
  const message = all[index]!;
  return {
    conversationId,
    activityId: message.id!,
    text: message.text!,
    ...assistantView(all.slice(index + 1)),
    intent: labels.intent ?? null,
    reason: labels.reason ?? null,
    by,
    at: deps.clock.now().toISOString(),
    dialogVersion: deps.dialogVersion,
  };
}

/**
 * The citizen message that raised a handoff's evidence: the last one written at or before it whose
 * text holds its words ("zie het niet meer zitten"), else the last one before it (the words were a rule's).
 */
export function raisedBy(all: ActivityJson[], e: Pick<Evidence, 'evidence' | 'at'>): number {
  const words = e.evidence.toLowerCase();
  let last = -1;
  for (let i = all.length - 1; i >= 0; i--) {
    const a = all[i]!;
    if (!isCitizenMessage(a) || (a.timestamp ?? '') > e.at) continue;
    if (a.text!.toLowerCase().includes(words)) return i;
    if (last < 0) last = i;
  }
  return last;
}

/**
 * A crisis a caseworker said was none (POST /handoffs/{id}/reason), recorded as a correction of each
 * message that raised it, like a correction made on the message itself: with what the assistant made
 * of it, and the caseworker's label (`none`: no special situation, a false alarm). So a false crisis
 * is in the export with the other corrections, to learn from.
 */
export async function correctFalseAlarms(deps: CorrectionDeps, conversationId: string, falseAlarms: readonly Evidence[], reason: string, by: string): Promise<Correction[]> {
  const batch = await deps.conversations.activities(conversationId, 0, 10_000);
  const all = batch?.activities.map((s) => s.activity) ?? [];
  const indexes = new Set(falseAlarms.map((e) => raisedBy(all, e)).filter((i) => i >= 0));
  const corrections: Correction[] = [];
  for (const i of indexes) {
    // What the caseworker said already of what the citizen asked stays (a correction replaces their earlier one).
    const before = await deps.corrections.of(all[i]!.id!, by);
    const c = correctionOf(deps, conversationId, all, i, { reason, intent: before?.intent ?? undefined }, by);
    await deps.corrections.upsert(c);
    corrections.push(c);
  }
  return corrections;
}

/** What saying a crisis was none needs: the handoff service's verb, and what a correction is recorded with. */
export type FalseCrisisDeps = CorrectionDeps & { handoffs: Pick<HandoffService, 'correctCrisis'> };

/**
 * Says the crisis of handoff `id` was none (the handoff service's `correctCrisis`) and records the
 * message that raised it as a correction. The console's route and Slack's "Geen crisis?" both come
 * here, so a false crisis is learnt from the same way wherever it was corrected.
 *
 *     const handoff = await correctFalseCrisis(deps, id, user, { reason: 'frustration', note: 'grapje' }, log);
 */
export async function correctFalseCrisis(deps: FalseCrisisDeps, id: string, user: User, input: { reason?: unknown; note?: unknown }, log: { error(obj: unknown, msg?: string): void }): Promise<Handoff> {
  const { handoff, falseAlarms } = await deps.handoffs.correctCrisis(id, user, input);
  // For learning; the handoff is corrected either way, so a failure here is logged, not answered.
  await correctFalseAlarms(deps, handoff.conversationId, falseAlarms, String(input.reason), user.username)
    .catch((err: unknown) => log.error({ err, handoffId: handoff.id }, 'could not record the false crisis as a correction'));
  return handoff;
}

/** What the assistant made of the message: the trace of its first reply, and the reply's language. */
function assistantView(after: ActivityJson[]): Pick<Correction, 'assistant' | 'lang'> {
  const reply = after.find((a) => a.type === 'message' && a.from?.role !== 'user' && a.from?.role !== 'caseworker');
  const trace = (reply?.channelData as { trace?: { intent?: string; reason?: string } } | undefined)?.trace;
  return {
    assistant: { intent: trace?.intent ?? null, reason: trace?.reason ?? null },
    lang: reply?.locale?.startsWith('en') ? 'en' : 'nl',
  };
}
