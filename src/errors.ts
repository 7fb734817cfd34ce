/**
 * Every error Loket reports has a stable code, an HTTP status where one applies, and a sentence that
 * says what to fix. Codes are never reused for another meaning; retire one by leaving it here.
 */

export const ERRORS = {
  // Input at the HTTP edge
  BAD_JSON: { status: 400, message: 'The request body is not valid JSON. Send one JSON object.' },
  BAD_CONTENT_TYPE: { status: 415, message: 'Send the body as application/json.' },
  BAD_REQUEST: { status: 400, message: 'The request is not valid: %s' },
  BODY_TOO_LARGE: { status: 413, message: 'The request body is too large; keep it under %s bytes.' },
  MESSAGE_EMPTY: { status: 400, message: 'The message has no text. Send a message with text.' },
  MESSAGE_TOO_LONG: { status: 400, message: 'The message is longer than %s characters. Send a shorter message.' },
  MESSAGE_NOT_TEXT: { status: 400, message: 'The message text contains control characters or binary data. Send plain text.' },
  ACTIVITY_TYPE_UNSUPPORTED: { status: 400, message: 'Activity type "%s" is not supported here. Send a "message" activity.' },
  STREAM_NEEDS_WEBSOCKET: { status: 426, message: 'This address is a WebSocket stream. Connect to it with a WebSocket (Upgrade: websocket), or poll GET …/activities?watermark=N instead.' },
  ATTACHMENTS_NOT_SUPPORTED: { status: 400, message: 'This channel does not accept files. Type your question as text, or ask to talk to a person.' },
  // Auth
  TOKEN_MISSING: { status: 401, message: 'Send a Direct Line token as "Authorization: Bearer <token>".' },
  TOKEN_INVALID: { status: 403, message: 'The token is not valid or has expired. Start a new conversation or refresh the token.' },
  TOKEN_WRONG_CONVERSATION: { status: 403, message: 'This token belongs to another conversation.' },
  UNAUTHENTICATED: { status: 401, message: 'Log in first: send "Authorization: Bearer <token>".' },
  FORBIDDEN: { status: 403, message: 'Your role may not do this: %s' },
  // Domain
  CONVERSATION_NOT_FOUND: { status: 404, message: 'Conversation "%s" does not exist.' },
  CONVERSATION_CONFLICT: { status: 409, message: 'The conversation changed while this message was handled. Send it again.' },
  CLIENT_ACTIVITY_ID_REUSED: { status: 409, message: 'This conversation already has a different message with this clientActivityID. Give every new message its own channelData.clientActivityID; send the same one again only to retry the same message.' },
  NOT_FOUND: { status: 404, message: 'Nothing here: %s' },
  HANDOFF_NOT_FOUND: { status: 404, message: 'Handoff "%s" does not exist.' },
  HANDOFF_TAKEN: { status: 409, message: 'This conversation is already taken by %s.' },
  HANDOFF_WRONG_STATE: { status: 409, message: 'This handoff is %s; you cannot %s it.' },
  HANDOFF_CRISIS_UNCLAIMED: { status: 409, message: 'This conversation is about a crisis and nobody has spoken with the citizen yet. Take it over first and talk with them; close it after that.' },
  HANDOFF_CRISIS_NOTE: { status: 400, message: 'Write a note when you hand back a conversation about a crisis: how the citizen is, and what was agreed or still has to happen.' },
  HANDOFF_NOT_CRISIS: { status: 409, message: 'This conversation is not about a crisis (its reason is "%s"); only a crisis can be corrected to no crisis.' },
  HANDOFF_REASON_UNKNOWN: { status: 400, message: 'There is no reason "%s" for a conversation that is no crisis. Choose one of: %s.' },
  HANDOFF_NOT_CRISIS_NOTE: { status: 400, message: 'Write a note when you say a conversation is no crisis: why the citizen\'s words did not mean one.' },
  HANDOFF_CRISIS_NOT_HELD: { status: 409, message: 'Take this conversation over and talk with the citizen first; then you can say it is no crisis (or ask a supervisor).' },
  HANDOFF_NOT_YOURS: { status: 409, message: 'This conversation is held by %s. Ask them or a supervisor to transfer it to you.' },
  HANDOFF_OTHER_TEAM: { status: 403, message: 'This conversation waits in the queue of team "%s", which is not yours. Take it over first, or ask someone of that team or a supervisor.' },
  HANDOFF_CHANGED: { status: 409, message: 'Someone changed this handoff at the same moment. Reload and try again.' },
  CALLBACK_NONE: { status: 409, message: 'This conversation has no callback request: the citizen did not ask to be called back, so there is no call to record.' },
  CALLBACK_OUTCOME_UNKNOWN: { status: 400, message: 'Unknown call outcome "%s". Send "reached" (the citizen answered) or "no_answer" (nobody answered).' },
  CALLBACK_NOT_CLAIMED: { status: 409, message: 'This callback still waits in the queue. Take the conversation over before you call: only its holder (or a supervisor) records a call.' },
  USER_NOT_FOUND: { status: 404, message: 'There is no caseworker "%s".' },
  TEAM_NOT_FOUND: { status: 404, message: 'There is no team "%s". Transfer to one of: %s.' },
  USER_EXISTS: { status: 409, message: 'The username "%s" is taken.' },
  LOGIN_FAILED: { status: 401, message: 'Username or password is wrong.' },
  CSRF_FAILED: { status: 403, message: 'Send the X-CSRF-Token header you got at login (cookie sessions need it for every change).' },
  TEXT_EMPTY: { status: 400, message: 'The text is empty. Write something.' },
  TEXT_TOO_LONG: { status: 400, message: 'The text is longer than %s characters. Make it shorter.' },
  TEXT_NOT_TEXT: { status: 400, message: 'The text holds control characters or a broken character (half an emoji). Send plain text.' },
  // Start-up and configuration
  CONFIG_INVALID: { status: 500, message: 'The configuration is not valid:\n%s' },
  DIALOGS_INVALID: { status: 500, message: 'The dialogs in %s are not valid:\n%s' },
  // Back ends
  CASE_SOURCE_UNAVAILABLE: { status: 503, message: 'The case system did not answer: %s' },
  STORE_FAILED: { status: 500, message: 'The store could not save: %s' },
  INTERNAL: { status: 500, message: 'Something went wrong on our side. It has been logged.' },
  WORKER_STOPPED: { status: 503, message: 'A worker thread stopped: %s' },
  // Twilio (SMS and WhatsApp)
  TWILIO_SIGNATURE_INVALID: { status: 403, message: 'The X-Twilio-Signature header is missing or does not match this request.' },
  TWILIO_FORM_INVALID: { status: 400, message: 'This is not a Twilio webhook form: %s' },
  TWILIO_SEND_FAILED: { status: 502, message: 'Twilio did not accept the message: %s' },
  // Slack
  SLACK_SIGNATURE_INVALID: { status: 401, message: 'The Slack request signature is not valid: %s.' },
  SLACK_API_FAILED: { status: 502, message: 'Slack refused %s: %s' },
} as const satisfies Record<string, { status: number; message: string }>;

export type ErrorCode = keyof typeof ERRORS;

/**
 * The same sentences in Dutch, for the caseworker console (it asks for them with Accept-Language: nl):
 * the refusals a caseworker meets. A code without one answers in English.
 */
export const ERRORS_NL: Partial<Record<ErrorCode, string>> = {
  BAD_REQUEST: 'Het verzoek klopt niet: %s',
  FORBIDDEN: 'Dit mag uw rol niet: %s',
  UNAUTHENTICATED: 'Log eerst in.',
  LOGIN_FAILED: 'De gebruikersnaam of het wachtwoord klopt niet.',
  CONVERSATION_NOT_FOUND: 'Gesprek "%s" bestaat niet.',
  HANDOFF_NOT_FOUND: 'Deze overdracht ("%s") bestaat niet.',
  HANDOFF_TAKEN: 'Dit gesprek is al overgenomen door %s.',
  HANDOFF_WRONG_STATE: 'Dit gesprek is intussen veranderd (afgesloten, teruggegeven of overgenomen); dit kan nu niet meer.',
  HANDOFF_CRISIS_UNCLAIMED: 'Dit gesprek gaat over een crisis en nog niemand heeft de burger gesproken. Neem het eerst over en praat met de burger; sluit het daarna af.',
  HANDOFF_CRISIS_NOTE: 'Schrijf een notitie als u een gesprek over een crisis teruggeeft: hoe het met de burger gaat, en wat is afgesproken of nog moet gebeuren.',
  // Without the reason's id ("explicit_request"), which is no Dutch: the console shows the reason itself.
  HANDOFF_NOT_CRISIS: 'Dit gesprek gaat niet (meer) over een crisis. Alleen bij een crisis kunt u zeggen dat het geen crisis is.',
  HANDOFF_REASON_UNKNOWN: 'Er is geen reden "%s" voor een gesprek dat geen crisis is. Kies een van deze: %s.',
  HANDOFF_NOT_CRISIS_NOTE: 'Schrijf een notitie als u zegt dat het geen crisis is: waarom de woorden van de burger geen crisis betekenden.',
  HANDOFF_CRISIS_NOT_HELD: 'Neem dit gesprek eerst over en spreek de burger; daarna kunt u zeggen dat het geen crisis is (of vraag een leidinggevende).',
  HANDOFF_NOT_YOURS: 'Dit gesprek ligt bij %s. Vraag die collega of een leidinggevende om het aan u door te zetten.',
  HANDOFF_OTHER_TEAM: 'Dit gesprek wacht in de wachtrij van team "%s". Dat is niet uw team. Neem het eerst over, of vraag iemand van dat team of een leidinggevende.',
  HANDOFF_CHANGED: 'Iemand anders veranderde dit gesprek op hetzelfde moment. Laad opnieuw en probeer het nog eens.',
  CALLBACK_NONE: 'Bij dit gesprek hoort geen terugbelverzoek: de burger vroeg niet om teruggebeld te worden. Er is dus geen belpoging om vast te leggen.',
  CALLBACK_OUTCOME_UNKNOWN: 'Onbekende uitkomst van het gesprek: "%s". Kies "bereikt" of "geen gehoor".',
  CALLBACK_NOT_CLAIMED: 'Dit terugbelverzoek staat nog in de wachtrij. Neem het gesprek eerst over en bel dan: alleen wie het gesprek heeft (of een leidinggevende) legt een belpoging vast.',
  USER_NOT_FOUND: 'Er is geen medewerker "%s".',
  TEAM_NOT_FOUND: 'Er is geen team "%s". Zet door naar een van deze teams: %s.',
  USER_EXISTS: 'De gebruikersnaam "%s" bestaat al.',
  CSRF_FAILED: 'Uw sessie is verlopen of ongeldig. Laad de pagina opnieuw en log in.',
  TEXT_EMPTY: 'De tekst is leeg. Schrijf iets.',
  TEXT_TOO_LONG: 'De tekst is langer dan %s tekens. Maak hem korter.',
  TEXT_NOT_TEXT: 'De tekst bevat stuurtekens of een half teken (een halve emoji). Stuur gewone tekst.',
  INTERNAL: 'Er ging bij ons iets mis. Dat is vastgelegd.',
};

export class LoketError extends Error {
  readonly code: ErrorCode;
  readonly statusCode: number;

  constructor(code: ErrorCode, readonly args: Array<string | number> = [], options?: { cause?: unknown }) {
    let i = 0;
    const message = ERRORS[code].message.replace(/%s/g, () => String(args[i++] ?? ''));
    super(message, options);
    this.name = 'LoketError';
    this.code = code;
    this.statusCode = ERRORS[code].status;
  }

  toJSON(): { error: { code: ErrorCode; message: string } } {
    return { error: { code: this.code, message: this.message } };
  }

  /** The sentence in Dutch where there is one (ERRORS_NL), else in English. */
  messageIn(lang: 'nl' | 'en'): string {
    const nl = lang === 'nl' ? ERRORS_NL[this.code] : undefined;
    if (!nl) return this.message;
    let i = 0;
    return nl.replace(/%s/g, () => String(this.args[i++] ?? ''));
  }
}

/** Wraps anything thrown into a LoketError so error handlers always see one shape. */
export function asLoketError(err: unknown): LoketError {
  if (err instanceof LoketError) return err;
  return new LoketError('INTERNAL', [], { cause: err });
}

export const isLoketError = (err: unknown, code?: ErrorCode): err is LoketError =>
  err instanceof LoketError && (code === undefined || err.code === code);
