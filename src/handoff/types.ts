/**
 * A handoff: a conversation that a person takes over. Its lifecycle is explicit:
 *
 *   queued ──claim──► active ──release──► released   (back to the assistant)
 *     ▲                 │ └────close────► closed     (conversation ends)
 *     └──requeue/transfer┘
 *   queued ──close/cancel──► closed
 */
import type { HandoffReason } from '../nlu/types.ts';
import type { ChannelId } from '../conversation/types.ts';

export const HANDOFF_STATES = ['queued', 'active', 'released', 'closed'] as const;
export type HandoffState = (typeof HANDOFF_STATES)[number];

export interface Evidence {
  reason: HandoffReason;
  /** The citizen's words, or the rule that fired. */
  evidence: string;
  at: string;
  /** The situation's own kind, as its record had it (src/dialog/crisis-kind.ts). */
  kind?: string;
  /** A caseworker said these words were no crisis (crisis-correction.ts): the reason the assistant gave them. */
  correctedFrom?: HandoffReason;
}

export interface VerifiedIdentity {
  postcode: string;
  birthDate: string;
  cases: string[];
  phone?: string;
  /** Proved for someone else's case ("de aanvraag van mijn moeder"): that person's postcode and birth date. */
  forOther?: boolean;
  /** Cases proved with someone else's details, beside the citizen's own. */
  others?: string[];
}

export interface Callback {
  phone: string;
  requestedAt: string;
  /** Not to be called before this moment (the next opening when asked outside office hours). */
  notBefore: string;
  /** The calls made so far, oldest first (absent on callbacks stored before attempts were kept). */
  attempts?: CallbackAttempt[];
}

export const CALL_OUTCOMES = ['reached', 'no_answer'] as const;
export type CallOutcome = (typeof CALL_OUTCOMES)[number];

/** One call to the citizen's number: when, by which caseworker, and whether they answered. */
export interface CallbackAttempt {
  at: string;
  by: string;
  outcome: CallOutcome;
  note?: string;
}

export interface Handoff {
  id: string;
  conversationId: string;
  channel: ChannelId;
  state: HandoffState;
  /** The strongest reason (lowest priority number) among the evidence. */
  reason: HandoffReason;
  priority: number;
  evidence: Evidence[];
  summary: string;
  identity: VerifiedIdentity | null;
  caseNumber: string | null;
  team: string;
  assignee: string | null;
  createdAt: string;
  /** When it first entered the queue: the order and the citizen's waiting time count from here. */
  queuedAt: string;
  /** When it came back to the queue (returned or transferred): the callback timer restarts here. */
  requeuedAt?: string | null;
  claimedAt: string | null;
  lastCaseworkerReplyAt: string | null;
  closedAt: string | null;
  /** Who released or closed it (absent on handoffs stored before this was kept, null when the citizen cancelled). */
  closedBy?: string | null;
  outcome: string | null;
  callback: Callback | null;
  /** A callback was offered: outside office hours, or because nobody took the handoff in time. */
  callbackOffer: { reason: 'after_hours' | 'timeout' | 'nobody_free'; at: string; answered: boolean } | null;
  /** When the citizen last wrote while a person held the conversation. */
  lastCitizenMessageAt: string | null;
  /** The queue position the citizen was last told (to tell again only on a real change). */
  toldPosition: number | null;
  /**
   * Told that nobody of the team is at work (no minutes promised): the first caseworker to arrive
   * brings the wait in minutes, once. Absent on handoffs never told so.
   */
  toldNobodyFree?: boolean;
  /** Came back to the queue because the caseworker did not answer in time (supervisors see it). */
  returned: boolean;
  /**
   * A false crisis corrected by a caseworker (crisis-correction.ts): the reason it had before
   * (`distress`), who said it was none, and when. Absent on handoffs never corrected.
   */
  correctedFrom?: HandoffReason;
  correctedBy?: string;
  correctedAt?: string;
  /** Bumped on every change; updates with a stale version fail (two caseworkers racing). */
  version: number;
}

export interface Note {
  handoffId: string;
  author: string;
  text: string;
  at: string;
}

export const isOpen = (h: Pick<Handoff, 'state'>): boolean => h.state === 'queued' || h.state === 'active';
