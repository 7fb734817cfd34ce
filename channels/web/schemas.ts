/**
 * JSON schemas of the Direct Line routes. Fastify checks requests against them and they feed the
 * OpenAPI document at /docs. Response schemas also decide what is serialised, so activity objects
 * are left open (`additionalProperties: true`): they are Bot Framework activities, not ours to trim.
 */
import { postedActivitySchema } from './inbound.ts';

const tags = ['directline'];

const error = {
  type: 'object',
  properties: {
    error: { type: 'object', properties: { code: { type: 'string' }, message: { type: 'string' } }, required: ['code', 'message'] },
  },
} as const;

const errors = { '4xx': error } as const;

const bearer = {
  type: 'object',
  properties: { authorization: { type: 'string', description: 'Bearer <token>' } },
} as const;

const conversationParams = {
  type: 'object',
  required: ['conversationId'],
  properties: { conversationId: { type: 'string', minLength: 1, maxLength: 128 } },
} as const;

const watermarkQuery = {
  type: 'object',
  properties: { watermark: { type: 'string', maxLength: 32, description: 'Activities after this one; empty or absent = from the start.' } },
} as const;

const token = {
  type: 'object',
  required: ['conversationId', 'token', 'expires_in'],
  properties: {
    conversationId: { type: 'string' },
    token: { type: 'string' },
    expires_in: { type: 'integer', description: 'Seconds until the token expires.' },
  },
} as const;

const conversation = {
  type: 'object',
  required: ['conversationId', 'token', 'expires_in', 'streamUrl'],
  properties: {
    ...token.properties,
    streamUrl: { type: 'string', description: 'WebSocket URL of the activity stream.' },
    referenceGrammarId: { type: 'string' },
  },
} as const;

const activitySet = {
  type: 'object',
  required: ['activities', 'watermark'],
  properties: {
    activities: { type: 'array', items: { type: 'object', additionalProperties: true } },
    watermark: { type: 'string' },
  },
} as const;

const startBody = {
  type: 'object',
  description: 'Optional; what botframework-directlinejs sends.',
  properties: {
    user: { type: 'object', properties: { id: { type: 'string', maxLength: 256 }, name: { type: 'string', maxLength: 256 } } },
    locale: { type: 'string', maxLength: 35 },
  },
} as const;

export const generateTokenSchema = {
  tags,
  summary: 'Issue a token for a new conversation',
  description: 'No secret is needed: the token opens one new conversation and nothing else.',
  headers: bearer,
  response: { 200: token, ...errors },
} as const;

export const refreshTokenSchema = {
  tags,
  summary: 'Refresh a token (same conversation, new expiry)',
  headers: bearer,
  response: { 200: token, ...errors },
} as const;

export const startConversationSchema = {
  tags,
  summary: 'Start a conversation (or open the one a token was issued for)',
  description: 'Without a token a new conversation and token are made. The welcome is the first activity.',
  headers: bearer,
  body: startBody,
  response: { 201: conversation, ...errors },
} as const;

export const reconnectSchema = {
  tags,
  summary: 'Reconnect: a fresh token and stream URL that resumes after the watermark',
  headers: bearer,
  params: conversationParams,
  querystring: watermarkQuery,
  response: { 200: conversation, ...errors },
} as const;

export const postActivitySchema = {
  tags,
  summary: 'Send an activity (a citizen message runs one turn)',
  description:
    'message → one turn, answered after the replies are stored. A message whose channelData.clientActivityID this conversation already has (a retry) → 200 with the first one\'s id, not handled again; the same clientActivityID with another text → 409 CLIENT_ACTIVITY_ID_REUSED. typing, event, conversationUpdate and other types are acknowledged and dropped. Attachments without text → 400 ATTACHMENTS_NOT_SUPPORTED.',
  headers: bearer,
  params: conversationParams,
  body: postedActivitySchema,
  response: { 200: { type: 'object', required: ['id'], properties: { id: { type: 'string' } } }, ...errors },
} as const;

export const listActivitiesSchema = {
  tags,
  summary: 'Activities after the watermark (polling)',
  headers: bearer,
  params: conversationParams,
  querystring: watermarkQuery,
  response: { 200: activitySet, ...errors },
} as const;

export const streamSchema = {
  tags,
  summary: 'WebSocket stream of {activities, watermark} frames',
  description: 'Connect with a WebSocket upgrade; the token goes in `t` (or the Authorization header). A plain GET without the upgrade → 426 STREAM_NEEDS_WEBSOCKET.',
  params: conversationParams,
  querystring: {
    type: 'object',
    properties: { t: { type: 'string', maxLength: 2048 }, watermark: watermarkQuery.properties.watermark },
  },
  response: errors,
} as const;

export const pageSchema = { tags: ['web'], summary: 'The citizen chat page', hide: true } as const;
