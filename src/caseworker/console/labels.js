/** Label helpers; the data comes from the server (src/caseworker/labels.ts) as labels-data.js. */

import { CASE_FLAGS, CHANNELS, INTENTS, MESSAGE_REASONS, NOT_CRISIS_NONE, NOT_CRISIS_REASONS, OUTCOMES, PRIORITIES, REASONS, ROLES, RULES, STATES, SYSTEM_OUTCOMES, TEAMS } from './labels-data.js';

export { INTENTS, MESSAGE_REASONS, NOT_CRISIS_REASONS, OUTCOMES, ROLES, TEAMS };
export const reasonLabel = (id) => REASONS[id] ?? id;
/** A choice for "Geen crisis?": `none` is no special situation (the conversation goes on as a request for a person). */
export const notCrisisLabel = (id) => (id === 'none' ? NOT_CRISIS_NONE : reasonLabel(id));
export const priorityLabel = (p) => `P${p} · ${PRIORITIES[p] ?? ''}`.trim();
export const stateLabel = (s) => STATES[s] ?? s;
export const channelLabel = (c) => CHANNELS[c] ?? c;
export const intentLabel = (id) => INTENTS[id] ?? id;
export const flagLabel = (f) => CASE_FLAGS[f] ?? f;

/** "doorverwezen: naar het Juridisch Loket" → "Doorverwezen: naar het Juridisch Loket"; "released" → "Teruggegeven aan de assistent". */
export function outcomeLabel(outcome) {
  const at = outcome.indexOf(': ');
  const key = at < 0 ? outcome : outcome.slice(0, at);
  const label = OUTCOMES[key] ?? SYSTEM_OUTCOMES[key];
  if (!label) return outcome;
  return at < 0 ? label : `${label}: ${outcome.slice(at + 2)}`;
}

/**
 * Evidence as the caseworker reads it: the citizen's words stay as they are; a rule that fired
 * ("case-flag:hardship", "decision-term-exceeded", "3 failed checks") gets Dutch words.
 */
export function evidenceLabel(text) {
  const flag = /^case-flag:(.+)$/.exec(text);
  if (flag) return `${RULES['case-flag'] ?? 'case-flag'}: ${flag[1].split(',').map(flagLabel).join(', ')}`;
  if (RULES[text]) return RULES[text];
  const failed = /^(\d+) failed checks$/.exec(text);
  if (failed) return `${failed[1]} mislukte controles van postcode en geboortedatum`;
  const down = /^case system did not answer for (.+)$/.exec(text);
  if (down) return `Zaaksysteem gaf geen antwoord voor ${down[1]}`;
  return text;
}
