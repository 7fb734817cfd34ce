/** JSON Schemas of the caseworker API (CONTRACTS §5); they validate requests and feed /docs. */
// Length is checked by the handoff service, so an empty or long text gets its own code (TEXT_EMPTY,
// TEXT_TOO_LONG) instead of a generic BAD_REQUEST; the body limit still bounds it.
const text = { type: 'string', description: '1 to 2000 characters' } as const;
export const idParams = { type: 'object', required: ['id'], properties: { id: { type: 'string', minLength: 1, maxLength: 100 } } } as const;
export const errorResponse = {
  type: 'object',
  properties: { error: { type: 'object', properties: { code: { type: 'string' }, message: { type: 'string' } } } },
} as const;

export const schemas = {
  login: { body: { type: 'object', required: ['username', 'password'], additionalProperties: false, properties: { username: { type: 'string', minLength: 1, maxLength: 100 }, password: { type: 'string', minLength: 1, maxLength: 200 } } } },
  list: { querystring: { type: 'object', additionalProperties: false, properties: { state: { type: 'string', enum: ['queued', 'active', 'closed'] }, callback: { type: 'boolean', description: 'true: only open handoffs with a callback request, the earliest "not before" first' } } } },
  text: { params: idParams, body: { type: 'object', required: ['text'], additionalProperties: false, properties: { text } } },
  release: { params: idParams, body: { type: ['object', 'null'], additionalProperties: false, properties: { note: { type: 'string', maxLength: 2000 } } } },
  close: { params: idParams, body: { type: 'object', required: ['outcome'], additionalProperties: false, properties: { outcome: { type: 'string', minLength: 1, maxLength: 200 } } } },
  // The outcome is checked by the handoff service, so a wrong one gets its own code (CALLBACK_OUTCOME_UNKNOWN).
  callbackAttempt: { params: idParams, body: { type: 'object', required: ['outcome'], additionalProperties: false, properties: { outcome: { type: 'string', description: '"reached" or "no_answer"', maxLength: 100 }, note: { type: 'string', maxLength: 2000 } } } },
  transfer: { params: idParams, body: { type: 'object', required: ['note'], additionalProperties: false, properties: { team: { type: 'string', minLength: 1, maxLength: 100 }, caseworker: { type: 'string', minLength: 1, maxLength: 100 }, note: text } } },
  // The reason is checked by the handoff service (HANDOFF_REASON_UNKNOWN, with the ones allowed), and
  // so is a missing or empty note (HANDOFF_NOT_CRISIS_NOTE): each refusal says what to fix.
  reason: { params: idParams, body: { type: 'object', required: ['reason'], additionalProperties: false, properties: { reason: { type: 'string', maxLength: 100 }, note: { type: 'string', description: 'Why it is no crisis: 1 to 2000 characters' } } } },
  createUser: {
    body: {
      type: 'object', required: ['username', 'password', 'name', 'role', 'teams'], additionalProperties: false,
      properties: {
        username: { type: 'string', pattern: '^[a-z0-9._-]{2,40}$' },
        password: { type: 'string', minLength: 10, maxLength: 200 },
        name: { type: 'string', minLength: 1, maxLength: 100 },
        role: { type: 'string', enum: ['caseworker', 'supervisor', 'admin'] },
        teams: { type: 'array', items: { type: 'string', minLength: 1, maxLength: 100 }, maxItems: 20 },
      },
    },
  },
} as const;
