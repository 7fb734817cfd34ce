/** Dutch labels for the ids the API speaks (CONTRACTS §2 reasons, handoff states, channels). */

export const REASONS = {
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

export const reasonLabel = (id) => REASONS[id] ?? id;

export const PRIORITIES = { 1: 'Spoed', 2: 'Hoog', 3: 'Normaal', 4: 'Laag' };
export const priorityLabel = (p) => `P${p} · ${PRIORITIES[p] ?? ''}`.trim();

export const STATES = { queued: 'In de wachtrij', active: 'In behandeling', released: 'Teruggegeven', closed: 'Afgesloten' };
export const stateLabel = (s) => STATES[s] ?? s;

export const CHANNELS = { web: 'Webchat', sms: 'SMS', whatsapp: 'WhatsApp', slack: 'Slack', test: 'Test' };
export const channelLabel = (c) => CHANNELS[c] ?? c;

/** Teams known from dialogs/routing.yaml; the transfer field also accepts others. */
export const TEAMS = ['klantcontact', 'vergunningen', 'parkeren', 'werk-en-inkomen', 'belastingen', 'klachten'];

export const ROLES = { caseworker: 'Medewerker', supervisor: 'Teamleider', admin: 'Beheerder' };
