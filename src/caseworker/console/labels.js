/** Label helpers; the data comes from the server (src/caseworker/labels.ts) as labels-data.js. */

import { CHANNELS, INTENTS, MESSAGE_REASONS, OUTCOMES, PRIORITIES, REASONS, ROLES, STATES, TEAMS } from './labels-data.js';

export { INTENTS, MESSAGE_REASONS, OUTCOMES, ROLES, TEAMS };
export const reasonLabel = (id) => REASONS[id] ?? id;
export const priorityLabel = (p) => `P${p} · ${PRIORITIES[p] ?? ''}`.trim();
export const stateLabel = (s) => STATES[s] ?? s;
export const channelLabel = (c) => CHANNELS[c] ?? c;
