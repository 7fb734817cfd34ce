/**
 * Dutch labels for the ids the caseworker side speaks (CONTRACTS §2 reasons, priorities, handoff
 * states, channels, roles). One source: Slack uses this module, and the console gets the same data
 * as /console/labels-data.js (see console-page.ts).
 */
import { MESSAGE_HANDOFF_REASONS } from '../nlu/types.ts';
import { NOT_CRISIS_REASONS } from '../handoff/crisis-correction.ts';
export const REASONS: Record<string, string> = {
  distress: 'Crisis / nood',
  financial_hardship: 'Geldzorgen',
  bereavement: 'Overlijden',
  vulnerability: 'Kwetsbaar / hulp nodig',
  frustration: 'Frustratie',
  complaint: 'Klacht',
  explicit_request: 'Wil een medewerker',
  case_flag: 'Bijzondere zaak',
  verification_failed: 'Verificatie mislukt',
  not_understood: 'Niet begrepen',
  system_unavailable: 'Systeem niet beschikbaar',
};
export const PRIORITIES: Record<number, string> = { 1: 'Spoed', 2: 'Hoog', 3: 'Normaal', 4: 'Laag' };
export const STATES: Record<string, string> = { queued: 'In de wachtrij', active: 'In behandeling', released: 'Teruggegeven', closed: 'Afgesloten' };
export const CHANNELS: Record<string, string> = { web: 'Webchat', sms: 'SMS', whatsapp: 'WhatsApp', slack: 'Slack', test: 'Test' };
/** How a caseworker ends a conversation (the stored outcome is the key; the console and Slack offer these). */
export const OUTCOMES: Record<string, string> = { opgelost: 'Opgelost', doorverwezen: 'Doorverwezen', terugbellen: 'Terugbellen', 'geen reactie': 'Geen reactie', anders: 'Anders' };
/** Outcomes the system stores itself (src/handoff/service.ts): shown in Dutch, never offered in the close form. */
export const SYSTEM_OUTCOMES: Record<string, string> = { released: 'Teruggegeven aan de assistent', closed: 'Afgesloten', cancelled_by_citizen: 'Geannuleerd door de burger' };
/** A case's internal flags (CaseRecord.flags). */
export const CASE_FLAGS: Record<string, string> = { hardship: 'Financiële nood' };
/** Handoff evidence that is a rule, not the citizen's words ("case-flag:hardship"). */
export const RULES: Record<string, string> = { 'case-flag': 'Zaak gemarkeerd', 'decision-term-exceeded': 'Beslistermijn overschreden' };
export const ROLES: Record<string, string> = { caseworker: 'Medewerker', supervisor: 'Teamleider', admin: 'Beheerder' };

/** What a citizen asked (CONTRACTS §1), for correcting the assistant in the console; an intent a contact centre added shows its id. */
const INTENT_LABELS: Record<string, string> = {
  case_status: 'Stand van een aanvraag', documents: 'Documenten', objection: 'Bezwaar', complaint: 'Klacht',
  change_details: 'Gegevens wijzigen', payment: 'Betaling', contact_hours: 'Openingstijden / contact', human: 'Wil een medewerker',
  greeting: 'Groet', thanks: 'Bedankt', goodbye: 'Afscheid', none: 'Geen vraag / iets anders',
};

export const reasonLabel = (id: string): string => REASONS[id] ?? id;
/** A choice for "Geen crisis?" (console and Slack): `none` is no special situation, it goes on as a request for a person. */
export const NOT_CRISIS_NONE = 'Geen bijzondere situatie (wil een medewerker)';
export const notCrisisLabel = (id: string): string => (id === 'none' ? NOT_CRISIS_NONE : reasonLabel(id));
export const priorityLabel = (p: number): string => `P${p} · ${PRIORITIES[p] ?? ''}`.trim();
export const channelLabel = (c: string): string => CHANNELS[c] ?? c;
export const stateLabel = (s: string): string => STATES[s] ?? s;
/** "doorverwezen: naar het Juridisch Loket" → "Doorverwezen: naar het Juridisch Loket"; "released" → "Teruggegeven aan de assistent". */
export function outcomeLabel(outcome: string): string {
  const at = outcome.indexOf(': ');
  const key = at < 0 ? outcome : outcome.slice(0, at);
  const label = OUTCOMES[key] ?? SYSTEM_OUTCOMES[key];
  if (!label) return outcome;
  return at < 0 ? label : `${label}: ${outcome.slice(at + 2)}`;
}

/** The label data as an ES module for the browser, with the teams and intents of the loaded dialogs. */
export function labelsModule(teams: string[], intents: readonly string[]): string {
  const INTENTS = Object.fromEntries(intents.map((id) => [id, INTENT_LABELS[id] ?? id]));
  const data = { REASONS, INTENTS, MESSAGE_REASONS: MESSAGE_HANDOFF_REASONS, NOT_CRISIS_REASONS, NOT_CRISIS_NONE, PRIORITIES, STATES, CHANNELS, ROLES, OUTCOMES, SYSTEM_OUTCOMES, CASE_FLAGS, RULES, TEAMS: teams };
  return Object.entries(data).map(([name, value]) => `export const ${name} = ${JSON.stringify(value)};`).join('\n') + '\n';
}
