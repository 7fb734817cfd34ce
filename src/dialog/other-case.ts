/**
 * The case question about another application than the one just told: "en mijn andere aanvraag?",
 * "ik heb nog een aanvraag lopen", "hoe zit het met mijn dakkapel?" after the parking permit's status.
 * The case number in the facts is that of the case told, so without this the same status came back.
 * Postcode and birth date stay known: only the other case's number is asked.
 */
import { advanceCase, FOR_OTHER, reply, type FlowContext } from './case-flow.ts';
import { text } from './texts.ts';
import type { ParseResult } from '../nlu/types.ts';
import type { DialogState, StepResult } from './types.ts';
import { wordCount } from './variants.ts';

/** Words that say it is another application. */
const OTHER = new RegExp([
  String.raw`\b(andere|tweede|volgende)\s+(aanvraag|aanvragen|zaak|zaken|vergunning|uitkering)\b`,
  String.raw`\bnog\s+(een|1|n|'n)\s+(aanvraag|zaak|vergunning|uitkering)\b`,
  String.raw`\b(other|another|second|next)\s+(application|case|request|permit|claim)s?\b`,
  String.raw`^\W*((en|and|but|maar)\s+)?(de|die|mijn|m'n|mn|the|my)\s+(andere|other)(\s+one)?\W*$`,
].join('|'), 'i');

/** "ik wil nog een aanvraag doen": a new application, not the status of one. */
const NEW_ONE = /\b(doen|indienen|insturen|maken|starten|apply|submit|make|file|start)\b/i;

/**
 * Kinds of application a citizen names, each with the words that show it in a case type (which is
 * Dutch: "Omgevingsvergunning (dakkapel)", "Parkeervergunning bewoners", "Bijstandsuitkering").
 * "vergunning" or "permit" alone names no kind: every permit is one.
 */
const KINDS: ReadonlyArray<readonly [RegExp, readonly string[], building?: true]> = [
  [/\b(dakkapel\w*|dormer)\b/i, ['dakkapel'], true],
  [/\b(uitbouw|aanbouw|serre|schuur|verbouwing|extension|conservatory)\b/i, ['uitbouw', 'aanbouw', 'serre', 'schuur', 'verbouw'], true],
  [/\b(bouwvergunning|omgevingsvergunning|building permit|planning permission)\b/i, ['omgeving', 'bouw'], true],
  [/\b(parkeer\w*|parking)\b/i, ['parkeer']],
  [/\b(bijstand\w*|uitkering\w*|benefits?|welfare|social assistance)\b/i, ['bijstand', 'uitkering']],
  [/\b(kwijtschelding|gemeentebelasting\w*|belasting\w*|tax|taxes|remission)\b/i, ['kwijtschelding', 'belasting']],
  [/\b(\w*toeslag\w*|allowance)\b/i, ['toeslag']],
  [/\b(subsidie\w*|grant|subsidy)\b/i, ['subsidie']],
  [/\b(paspoort|passport)\b/i, ['paspoort', 'reisdocument']],
  [/\b(id-?kaart|identiteitskaart|id card)\b/i, ['identiteitskaart', 'id-kaart', 'reisdocument']],
  [/\b(rijbewijs|driving licen[cs]e|driver'?s licen[cs]e)\b/i, ['rijbewijs']],
  [/\b(wmo|huishoudelijke hulp|scootmobiel|rolstoel|traplift|woningaanpassing|wheelchair|mobility scooter|stairlift)\b/i, ['wmo', 'hulp', 'scootmobiel', 'rolstoel', 'traplift', 'woningaanpassing', 'voorziening']],
  [/\b(schuldhulp\w*|schuldsanering|debt help)\b/i, ['schuld']],
  [/\b(evenement\w*|event permit)\b/i, ['evenement']],
  [/\b(terras\w*|horeca\w*)\b/i, ['terras', 'horeca', 'exploitatie']],
];

/**
 * "ik heb 2 aanvragen lopen", "I have several applications pending": a statement the classifier may
 * not place; it is the case question (one case at a time, its number first). Nothing else in it; not
 * "ik heb een paar zaken" (things to ask).
 */
const SEVERAL = /^\s*((hallo|hoi|goedemorgen|goedemiddag|goedenavond|hi|hello)[,!.]?\s+)?(ik heb|heb|wij hebben|we hebben|i have|i've got|i got|we have)\s+(nog\s+)?(2|3|4|twee|drie|vier|meerdere|een paar|paar|verschillende|meer dan (een|één|1)|two|three|four|several|a few|multiple|more than one)\s+(aanvragen|aanvraagjes|applications)(\s+(lopen|lopend|lopende|open staan|openstaan|openstaand|ingediend|gedaan|bij jullie|bij de gemeente|running|pending|open|with you|in progress|submitted))*\s*[?!.,]*\s*$/iu;
export const severalCases = (msg: string): boolean => SEVERAL.test(msg);

/** Whether the message says in so many words that it is about another application than the case told ("en de andere?"). */
function saysOtherCase(msg: string, caseType: string | undefined): boolean {
  return !!caseType && OTHER.test(msg) && !NEW_ONE.test(msg);
}

const OTHER_ALL = new RegExp(OTHER.source, 'gi');
/** Words around the reference that ask nothing of their own ("hoe zit het met mijn andere aanvraag?"). */
const AROUND = /(^|[^\p{L}])(en|and|maar|but|ook|also|nu|now|dan|then|wat|what|hoe|how|about|zit|staat|het|is|it|met|with|van|of|de|die|the|mijn|mn|m'n|my|graag|please|pls|aub)(?=[^\p{L}]|$)/giu;
/**
 * A message that is nothing but the reference to another application ("en de andere?", "and my other
 * case?"): the case question about it, whatever the classifier made of "andere". Not "wat kost een
 * tweede vergunning?" or "krijg ik nog een uitkering?", which ask something of their own.
 */
export function onlyOtherCase(msg: string, caseType: string | undefined): boolean {
  return saysOtherCase(msg, caseType) && !/\p{L}/u.test(msg.replace(OTHER_ALL, ' ').replace(AROUND, ' '));
}

/** Whether a kind of application is the case's type (lower case). */
const ofType = ([, stems]: (typeof KINDS)[number], type: string): boolean => stems.some((s) => type.includes(s));

/**
 * Whether the message asks about another application than the case told (`caseType`): it says so, or
 * it names a kind of application that the case's type is not. Without a case told, never.
 */
export function asksAnotherCase(msg: string, caseType: string | undefined, opts: { anyBuilding?: boolean } = {}): boolean {
  if (!caseType) return false;
  if (saysOtherCase(msg, caseType)) return true;
  const type = caseType.toLowerCase();
  // `anyBuilding`: after a building permit's status, any building work named is that permit's ("wanneer mag ik met de verbouwing beginnen?").
  const building = opts.anyBuilding && KINDS.some((k) => k[2] && ofType(k, type));
  const named = KINDS.filter(([words, , isBuilding]) => words.test(msg) && !(building && isBuilding));
  return named.length > 0 && !named.some((k) => ofType(k, type));
}

/**
 * The question for the other case's number; what the citizen proved (postcode, birth date) stays.
 * "Z-2026-000123 en Z-2026-000124" named at first, one told ("U noemde ook zaak …"): "en die andere?"
 * is that one, looked up with the postcode and birth date given, not its number asked again.
 */
export function askOtherCase(state: DialogState, ctx: FlowContext, now: string, short?: string): StepResult {
  const { caseNumber: _number, caseType: _type, alsoNamed: _also, otherNamed, ...facts } = state.facts;
  if (otherNamed && facts.postcode && facts.birthDate && !short) {
    return advanceCase({ ...state, facts: { ...facts, caseNumber: otherNamed }, fallbacks: 0, active: { flow: 'case_status', step: 'ask_number', caseNumber: otherNamed } }, ctx, now);
  }
  const next: DialogState = { ...state, facts, fallbacks: 0, active: { flow: 'case_status', step: 'ask_number' } };
  const known = facts.postcode && facts.birthDate;
  const key = short ? (known ? 'case.ask_whole_number_next' : 'case.ask_whole_number') : known ? 'case.ask_number_next' : 'case.ask_number';
  return { state: next, replies: [reply(ctx.dialogs, ctx, text(ctx.dialogs, key, state.lang, short ? { example: short } : undefined), 'ask_number_next')], effects: [] };
}

/** "en zaak 124?", "case 124", "en 124?": the end of another case number, written short. */
const SHORT_NUMBER = /^\W*((en|and|ook|also|wat met|what about|hoe zit het met|en hoe staat het met|how about)\s+)?((de|het|the)\s+)?(zaak|case|zaaknummer|nummer|number|nr\.?|no\.?)?\s*#?\s*(\d{1,6})\W*(ook|too|also|dan|then)?\W*$/i;

/**
 * Right after a case's status, another case's number written short ("en zaak 124?" after Z-2026-000123):
 * that case, by the number as it is written in full with the told case's year ("Z-2026-000124"), as an
 * example to type; never looked up on a guess (a wrong guess would count as a failed check). Null otherwise.
 */
export function shortCaseNumber(msg: string, told: string | undefined): string | null {
  const m = SHORT_NUMBER.exec(msg);
  const prefix = told ? /^(Z-\d{4}-)\d{6}$/.exec(told)?.[1] : undefined;
  if (!m || !prefix) return null;
  // A bare number with no word for a case is one only in a message of at most two words ("en 124?").
  if (!m[5] && wordCount(msg) > 2) return null;
  return prefix + m[6]!.padStart(6, '0');
}

/** "en voor mijn vrouw?", "and for my mum?", "van mijn moeder ook?": the words beside the person. */
const JUST_THE_PERSON = /^\W*((en|and|maar|but|ook|also|nu|now|dan|then|wat|what|hoe|how|about|zit|staat|het|is|it|met|with)\W+){0,4}/i;

/**
 * "en voor mn vrouw?" right after a case's status, with no other question in it: the same question for
 * that person's case (its own number, postcode and birth date are asked), which the classifier alone,
 * seeing four words, could not place. A message of more words, or one the classifier placed, is left.
 */
export function sameQuestionForOther(state: DialogState, msg: string, nlu: ParseResult): ParseResult {
  const told = state.lastAnswer?.trace.dialog === 'case_status' && state.lastAnswer.trace.step === 'answer';
  if (!told || state.active || wordCount(msg) > 6 || !FOR_OTHER.test(msg)) return nlu;
  const placed = nlu.intent.name !== 'none' && nlu.intent.name !== 'case_status' && nlu.intent.confidence >= 0.6;
  const rest = msg.replace(JUST_THE_PERSON, '').replace(FOR_OTHER, '').replace(/\b(ook|too|also|dan|then|aanvraag|zaak|application|case)\b/gi, '');
  if (placed || /\p{L}/u.test(rest) || nlu.handoffs.length > 0) return nlu;
  return { ...nlu, intent: { name: 'case_status', confidence: Math.max(nlu.intent.confidence, 0.9) } };
}
