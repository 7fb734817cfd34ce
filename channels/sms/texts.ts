/**
 * What the SMS channel itself says (keywords, files, unreadable messages): B1 Dutch, then English,
 * because these answers come before any turn and the channel does not know the citizen's language.
 * Everything else the citizen reads comes from the dialogs.
 */
import type { ErrorCode } from '../../src/errors.ts';
import type { Keyword } from './inbound.ts';

export const KEYWORD_REPLIES: Record<Keyword, string> = {
  help:
    'Dit is Loket, de digitale assistent van de gemeente. Stel uw vraag in een bericht, bijvoorbeeld over uw aanvraag. ' +
    'Wilt u een medewerker spreken? Schrijf dat gewoon. Bellen kan ook: 14 0123. Geen berichten meer? Stuur STOP.\n' +
    'This is Loket, the digital assistant of the municipality. Ask your question in a message. ' +
    'Want to talk to a person? Just say so. Or call 14 0123. No more messages? Send STOP.',
  stop:
    'U krijgt geen berichten meer van Loket. Wilt u weer berichten? Stuur START.\n' +
    'You will get no more messages from Loket. Send START to get messages again.',
  start:
    'U krijgt weer berichten van Loket. Stel gerust uw vraag.\n' +
    'You will get messages from Loket again. Feel free to ask your question.',
};

/**
 * HELP from a number that sent STOP: still answered (a number must always be able to learn who
 * texts it and how to get going again), but only with this, not with an invitation to chat.
 */
export const HELP_WHILE_STOPPED =
  'Dit is Loket, de digitale assistent van de gemeente. U heeft STOP gestuurd, dus u krijgt geen berichten van ons. ' +
  'Wilt u weer berichten? Stuur START. Bellen kan ook: 14 0123.\n' +
  'This is Loket, the digital assistant of the municipality. You sent STOP, so you get no messages from us. ' +
  'Send START to get messages again. Or call 14 0123.';

export const MEDIA_REPLY =
  "Ik kan geen foto's of bestanden lezen. Typ uw vraag in een bericht. Moet u papieren sturen? Vraag dan naar een medewerker.\n" +
  'I cannot read photos or files. Please type your question. Need to send papers? Ask for a person.';

/** Polite answers to a message the conversation refused (instead of an error to Twilio). */
export const REFUSED_REPLIES: Partial<Record<ErrorCode, string>> = {
  MESSAGE_EMPTY: 'Ik heb geen tekst gekregen. Typ uw vraag in een bericht.\nI received no text. Please type your question.',
  MESSAGE_TOO_LONG: 'Uw bericht is te lang voor mij. Stuur een korter bericht, of bel 14 0123.\nYour message is too long for me. Please send a shorter one, or call 14 0123.',
  MESSAGE_NOT_TEXT: 'Ik kan dit bericht niet lezen. Stuur gewone tekst.\nI cannot read this message. Please send plain text.',
};

/** Shown before a caseworker's words on SMS and WhatsApp: "Anna (gemeente): …". */
export const caseworkerPrefix = (name: string | undefined) => `${name?.trim() || 'Medewerker'} (gemeente): `;
