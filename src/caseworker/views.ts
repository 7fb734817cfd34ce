/** What the caseworker API returns for a handoff: the stored handoff plus derived facts (wait, place). */
import type { CaseRecord } from '../dialog/types.ts';
import { byQueueOrder, waitedSeconds } from '../handoff/queue.ts';
import type { Handoff, Note } from '../handoff/types.ts';
import type { User } from '../store/types.ts';

/**
 * `replyDueAt`: when the holder's answer is due, from the handoff service (src/handoff/reply-due.ts),
 * so the console counts down to the server's own deadline without knowing the timeout setting.
 */
export function handoffView(h: Handoff, now: string, replyDueAt: string | null) {
  return {
    id: h.id,
    // Which write this is: an action's answer can arrive after the socket's event for a later write
    // (the citizen wrote meanwhile), and the console keeps the newer (src/caseworker/console/newer.js).
    version: h.version,
    conversationId: h.conversationId,
    state: h.state,
    reason: h.reason,
    priority: h.priority,
    evidence: h.evidence,
    channel: h.channel,
    team: h.team,
    assignee: h.assignee,
    summary: h.summary,
    caseNumber: h.caseNumber,
    identity: h.identity ? { verified: true, ...h.identity } : { verified: false },
    // How long the citizen waited for a person: until now while queued, else until it was claimed (or closed unclaimed).
    waitedSeconds: waitedSeconds(h, h.state === 'queued' ? now : (h.claimedAt ?? h.closedAt ?? now)),
    createdAt: h.createdAt,
    queuedAt: h.queuedAt,
    claimedAt: h.claimedAt,
    closedAt: h.closedAt,
    // Who ended it (released or closed), so the closed list can say who handled one nobody took over.
    closedBy: h.closedBy ?? null,
    outcome: h.outcome,
    // With the calls made so far (none yet: an empty list, also for callbacks stored before calls were kept).
    callback: h.callback && { ...h.callback, attempts: h.callback.attempts ?? [] },
    returned: h.returned,
    // While held: when the citizen last wrote and the caseworker last answered (an unanswered message shows in the inbox).
    lastCitizenMessageAt: h.lastCitizenMessageAt,
    lastCaseworkerReplyAt: h.lastCaseworkerReplyAt,
    // Held and not answered: the moment it goes back to the queue if the holder stays silent.
    replyDueAt,
    // A crisis a caseworker said was none: what it was before, who said so and when (null when never).
    correctedFrom: h.correctedFrom ?? null,
    correctedBy: h.correctedBy ?? null,
    correctedAt: h.correctedAt ?? null,
  };
}

export function detailView(h: Handoff, now: string, replyDueAt: string | null, notes: Note[], record: CaseRecord | null) {
  return {
    ...handoffView(h, now, replyDueAt),
    case: record && {
      number: record.number, type: record.type, statusText: record.statusText,
      decisionDate: record.decisionDate, decisionDue: record.decisionDue, flags: record.flags, source: record.source,
    },
    notes,
  };
}

/** A handoff of the same conversation that came before: who held it (by name), how it ended, what they noted. */
export function earlierView({ handoff: h, by, notes }: { handoff: Handoff; by: string | null; notes: Array<Note & { authorName: string }> }) {
  return {
    id: h.id, reason: h.reason, state: h.state, team: h.team, assignee: h.assignee, assigneeName: by,
    queuedAt: h.queuedAt, claimedAt: h.claimedAt, closedAt: h.closedAt, outcome: h.outcome, notes,
  };
}

/** A crisis nobody has taken yet: first in every inbox, whatever its team (the first one free takes it). */
const waitingCrisis = (h: Handoff): boolean => h.state === 'queued' && h.reason === 'distress';

/** Queue order, with waiting crises first, then the caller's own teams. */
export function inboxOrder(user: User) {
  const mine = new Set(user.teams);
  return (a: Handoff, b: Handoff) =>
    Number(!waitingCrisis(a)) - Number(!waitingCrisis(b)) || Number(!mine.has(a.team)) - Number(!mine.has(b.team)) || byQueueOrder(a, b);
}

/**
 * The closed list ("Afgesloten"): the most recently ended first, as a caseworker looks for the
 * conversation they just finished. Queue order said nothing there: who waited longest is long over.
 */
export const closedOrder = (a: Handoff, b: Handoff): number =>
  (b.closedAt ?? '').localeCompare(a.closedAt ?? '') || b.id.localeCompare(a.id);

/** The callbacks to make: the earliest "not before" first, then who asked first. */
export const callbackOrder = (a: Handoff, b: Handoff): number =>
  (a.callback?.notBefore ?? '').localeCompare(b.callback?.notBefore ?? '') || (a.callback?.requestedAt ?? '').localeCompare(b.callback?.requestedAt ?? '') || a.id.localeCompare(b.id);

export const publicUser = (u: User) => ({ username: u.username, name: u.name, role: u.role, teams: u.teams });
