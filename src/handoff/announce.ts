/**
 * What the citizen's channel gets when a handoff changes: the Bot Framework handoff events
 * (`handoff.initiate`, `handoff.status`, which botbuilder-core has no builders for) and plain messages.
 */
import { BOT, type ActivityJson, type StoredActivity } from '../conversation/types.ts';
import { formatDay, formatTime, text } from '../dialog/texts.ts';
import type { DialogSet, Lang } from '../dialog/types.ts';
import type { Handoff } from './types.ts';

export type HandoffStatus = 'accepted' | 'failed' | 'completed';

/** A bot message about the handoff, with a trace like every bot message. */
export function botMessage(dialogs: DialogSet, h: Handoff, key: string, lang: Lang, vars?: Record<string, string | number>): ActivityJson {
  return {
    type: 'message',
    from: BOT,
    conversation: { id: h.conversationId },
    text: text(dialogs, key, lang, vars),
    textFormat: 'plain',
    locale: lang === 'nl' ? 'nl-NL' : 'en-GB',
    channelData: {
      trace: { dialog: 'handoff', step: key, intent: 'human', confidence: 1, reason: h.reason, dialogVersion: dialogs.version, sources: [{ kind: 'rule', ref: `handoff:${h.state}` }] },
    },
  };
}

/**
 * A caseworker's message as the citizen's own client gets it: `from.id` without the account's username
 * (which may hold a surname); the first name is in `from.name`. The stored copy keeps it for the console.
 */
export function asCitizenSees(activity: ActivityJson): ActivityJson {
  if (activity.from?.role !== 'caseworker' || activity.from.id === 'caseworker') return activity;
  return { ...activity, from: { ...activity.from, id: 'caseworker' } };
}

/**
 * The Bot Framework handoff.initiate, with the transcript attached as its handoff pattern does. The
 * citizen's own client receives it too (Direct Line): why, the summary and the transcript of their own
 * conversation, but not what only the municipality knows.
 * The verified identity (with the phone number from the case system, perhaps of someone else the
 * citizen asked for) and a case's internal flags ("case-flag:hardship") stay in the caseworker API.
 */
export function initiateEvent(h: Handoff, transcript: StoredActivity[]): ActivityJson {
  return {
    type: 'event',
    name: 'handoff.initiate',
    from: BOT,
    conversation: { id: h.conversationId },
    value: {
      handoffId: h.id,
      reason: h.reason,
      priority: h.priority,
      evidence: h.evidence.map((e) => (e.reason === 'case_flag' ? { ...e, evidence: 'case_flag' } : e)),
      summary: h.summary,
      verified: !!h.identity,
      case: h.caseNumber,
      team: h.team,
    },
    attachments: [{ contentType: 'application/json', name: 'Transcript', content: { activities: transcript.map((s) => asCitizenSees(s.activity)) } }],
  };
}

export function statusEvent(h: Handoff, state: HandoffStatus, message: string): ActivityJson {
  return {
    type: 'event',
    name: 'handoff.status',
    from: BOT,
    conversation: { id: h.conversationId },
    value: { state, message, handoffId: h.id },
  };
}

/** A caseworker's message to the citizen: first name only (CONTRACTS §4). */
export function caseworkerMessage(h: Handoff, user: { username: string; name: string }, text: string): ActivityJson {
  return {
    type: 'message',
    from: { id: `caseworker:${user.username}`, name: shownName(user) ?? 'Medewerker', role: 'caseworker' },
    conversation: { id: h.conversationId },
    text,
    textFormat: 'plain',
  };
}

export const firstName = (name: string): string => name.trim().split(/\s+/)[0] ?? name;

/** Words an account is named by when nobody gave it a person's name ("admin", "Demo Medewerker"). */
const ACCOUNT_WORD = /^(admin|administrator|beheer|beheerder|demo|test|medewerker|caseworker|user|gebruiker|root|support)$/i;

/**
 * The name the citizen sees for a caseworker: the first name, or null for an account that has no
 * person's name (its username, or a role word): "admin van de gemeente helpt u" tells nobody anything.
 */
export function shownName(user: { username: string; name: string }): string | null {
  const first = firstName(user.name);
  // The account's own lower-case name given as its name (the first account from LOKET_ADMIN_USER is).
  const noName = user.name.trim() === user.username && user.username === user.username.toLowerCase();
  if (!first || noName || ACCOUNT_WORD.test(first)) return null;
  return first;
}

/** "maandag 30 november om 8.30 uur" / "Monday 30 November at 08:30" in the organisation's zone. */
export function formatWhen(at: Date, lang: Lang, timeZone: string): string {
  const day = formatDay(at, lang, timeZone);
  const time = formatTime(at.toISOString(), lang, timeZone);
  return lang === 'nl' ? `${day} om ${time} uur` : `${day} at ${time}`;
}
