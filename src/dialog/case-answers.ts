/**
 * What the citizen answers to the case flow's questions, other than the fact asked: a move, why it is
 * asked, a correction of a fact just given, a number of another kind, no number or no postcode at hand.
 * Each gives the flow's reply, or null when the message is not that. Pure, like step.ts.
 */
import { text, trace } from './texts.ts';
import { wordCount } from './variants.ts';
import { advanceCase, FOR_OTHER, reply, type FlowContext } from './case-flow.ts';
import type { Entity, ParseResult } from '../nlu/types.ts';
import type { CaseStep, DialogSet, DialogState, StepResult } from './types.ts';
import { hasIncompleteCaseNumber } from '../nlu/entities/case-number.ts';
import { NOT_ON_IT } from './not-at-hand.ts';
import { findCompactDates } from '../nlu/entities/date.ts';
import { withCaseNumberOs, withNumberNoYear, withTypedHint } from './typed-facts.ts';

/** "Wat is mijn zaaknummer?", "where do I find my case number?": where it is written. */
const WHERE_IS_NUMBER = /^\s*((en|maar|hoi|hallo|hi)[,]?\s+)?(wat is (mijn|m'n|mn|het|dat|een) ?zaaknummer|wat (betekent|bedoelt u met|bedoel je met) (een |het )?zaaknummer|wat is (mijn|m'n|mn) nummer|waar (vind|zie|lees) ik (mijn|m'n|mn|het|dat|een) ?zaaknummer|waar staat (mijn|m'n|mn|het|dat) ?zaaknummer|hoe (kom|kan) ik (aan )?(mijn|m'n|mn|het|een) zaaknummer( komen| vinden| krijgen)?|what('?s| is) (my|the|a) case ?number|what do you mean (by|with) (a |the )?case ?number|where (do|can) i find (my|the|a) case ?number|where is (my|the) case ?number|how (do|can) i (get|find) (my|the|a) case ?number)\s*[?!.]*\s*$/i;
/** "Waar staat dat?", "welk nummer?", "ik heb een brief" while the case number is asked: where to find it. */
const WHERE_IS_IT = /^\s*((en|maar|huh|eh|uh|ok(é|e)?)[,]?\s+)?(waar (staat|vind ik|zie ik|lees ik) (dat|die|het|dit|een)( nummer| zaaknummer)?( dan)?|welk nummer( bedoelt u| bedoel je| dan)?|wat voor (een )?nummer|(ik heb|heb) (een|de|die|wel een|wel de|hier een|hier de) brief( gehad| gekregen| hier| ontvangen)?|in welke brief|where (is|do i find|can i find) (it|that|the number|that number)( then)?|which number|what number|i (have|got|received|have got) (a|the) letter)\s*[?!.]*\s*$/i;
/** "Laat maar", "stop": the citizen no longer wants what the flow asks for. */
export const LEAVE_FLOW = /^\s*((nee|no|ok(é|e)?)[,!.]?\s+)?(laat (maar|ook maar|het maar)( zitten)?|toch niet|vergeet (het|dat)( maar)?|stop|stoppen|annuleer|annuleren|niet meer nodig|(het )?(hoeft|hoef) (al |ook )?niet meer|never ?mind|nvm|forget (it|that)|cancel|stop it)\s*[.!]*\s*$/i;
/** Out of the flow at the citizen's wish: what was told stays known, the question is dropped. */
export function leaveFlow(state: DialogState, ctx: { dialogs: DialogSet }, nlu: ParseResult): StepResult {
  const t = trace(ctx.dialogs, { dialog: 'case_status', step: 'left', intent: nlu.intent.name, confidence: nlu.intent.confidence, sources: [{ kind: 'dialog', ref: 'dialogs/flows/case_status.yaml' }] });
  return { state: { ...state, active: null, fallbacks: 0 }, replies: [{ text: text(ctx.dialogs, 'case.left', state.lang), trace: t }], effects: [] };
}

/** "ja graag", "yes please": yes to what was just offered (not "ok", which may only mean "I'll look"). */
export const WANTS_THAT = /^\s*(ja|jawel|jazeker|yes|yeah|yep|graag|please)([,!.\s]+(graag|alsjeblieft|alstublieft|aub|doe maar|please|graag ja|dat is goed))*\s*[.!]*\s*$/i;

/** What the citizen says of the case number or its check, other than a number: where it is written, or that the facts were right. */
export function aboutTheNumber(state: DialogState, dialogs: DialogSet, nlu: ParseResult, msg: string): StepResult | null {
  return insistsRight(state, dialogs, nlu, msg) ?? whereIsTheNumber(state, dialogs, nlu, msg);
}

/**
 * "Wat is mijn zaaknummer?" (or "waar staat dat?" while it is asked): where the case number is written.
 * Outside a flow the case question starts with it, so the number sent next is taken as the answer;
 * inside one the flow stays where it was. Null when the message asks no such thing.
 */
function whereIsTheNumber(state: DialogState, dialogs: DialogSet, nlu: ParseResult, msg: string): StepResult | null {
  if (!WHERE_IS_NUMBER.test(msg) && !(state.active?.step === 'ask_number' && WHERE_IS_IT.test(msg))) return null;
  const t = trace(dialogs, { dialog: 'case_status', step: 'where_number', intent: nlu.intent.name, confidence: nlu.intent.confidence, sources: [{ kind: 'dialog', ref: 'dialogs/flows/case_status.yaml' }, { kind: 'rule', ref: 'where-is-the-case-number' }] });
  const active = state.active ?? { flow: 'case_status' as const, step: 'ask_number' as const };
  return { state: { ...state, active }, replies: [{ text: text(dialogs, 'case.where_number', state.lang), trace: t }], effects: [] };
}

/** "huh dat klopt wel", "that's correct!": right after a failed check, the citizen says the facts were right. */
const INSISTS_RIGHT = /^\s*((huh|eh|uh|maar|but|nee|no|hè|he)[,!?]?\s+)*(dat|het|die|ze|deze|dit|alles|that|it|they|those|these)?\s*(klopt|klopte|klopten|kloppen|is|was|zijn|waren|are|were|'s|is all)?\s*(wel|toch|echt|gewoon|really|definitely|all)?\s*(klopt|kloppen|goed|juist|correct|right|true)(\s+(hoor|toch|echt|wel|zo|hè|he|hoor!?))*\s*[?!.]*\s*$|^\s*((huh|maar|but)[,]?\s+)?(ik weet (het )?zeker|ik heb (het|alles) (goed|juist) (ingevuld|getypt|gestuurd)|i'?m sure|i am sure|i typed (it|them) (right|correctly))\b/i;

/**
 * The facts were right, says the citizen after a failed check: that may be so, for the case system may
 * hold an old address or a typing error. Where to look and who can check it, saying nothing of which
 * fact failed. The flow's question stands.
 */
function insistsRight(state: DialogState, dialogs: DialogSet, nlu: ParseResult, msg: string): StepResult | null {
  // Only right after a failed check; two words at least: "goed" alone may just be OK.
  if (state.lastAnswer?.trace.step !== 'mismatch' || wordCount(msg) < 2 || !INSISTS_RIGHT.test(msg)) return null;
  const t = trace(dialogs, { dialog: 'case_status', step: 'mismatch_insist', intent: nlu.intent.name, confidence: nlu.intent.confidence, sources: [{ kind: 'rule', ref: 'verify-case-number-postcode-birthdate' }] });
  // After the third try the case is locked and a person was asked: not "probeer het dan opnieuw", "typ: medewerker".
  const locked = Object.values(state.failures).some((f) => f.lockedUntil);
  return { state, replies: [{ text: text(dialogs, locked ? 'case.mismatch_insist_locked' : 'case.mismatch_insist', state.lang), trace: t }], effects: [] };
}

/** "ik ben net verhuisd", "we moved last month": the postcode asked may not be the one in the case. */
export const MOVED = /\b(verhuisd|verhuizen|verhuizing|nieuw adres|nieuwe postcode|ander adres|moved|moving|new address|new postcode|different address)\b/i;

/**
 * A postcode asked again of someone who says they moved: the case may still have the old address, and
 * the letter about the application shows the postcode it was sent to.
 */
export function withMovedHint(res: StepResult, dialogs: DialogSet, msg: string): StepResult {
  const step = res.state.active?.step;
  if ((step !== 'ask_postcode' && step !== 'ask_both') || !MOVED.test(msg)) return res;
  return withHint(res, dialogs, step === 'ask_both' ? 'case.reprompt_moved_both' : 'case.reprompt_moved');
}

/** The flow's question asked again, with the text of `key` in its place (the trace stays the question's). */
function withHint(res: StepResult, dialogs: DialogSet, key: string): StepResult {
  const first = res.replies[0];
  return first ? { ...res, replies: [{ ...first, text: text(dialogs, key, res.state.lang) }, ...res.replies.slice(1)] } : res;
}

/** "Waarom wil je dat weten?", "waarom moet dat?", "is dat veilig?", "why do you need that?" while a fact is asked. */
const WHY_ASKED = /^\s*((maar|en|ok(é|e)?|but|and|hmm+)[,]?\s+)?(waarom|hoezo|why|how come|waarvoor|what for|(waarom|hoezo) (dat|dit|dan)|waarom (moet|is) (dat|dit|het)( (nou|nu|dan|eigenlijk|echt))?( (nodig|zo))?|why (is|would) (that|this|it) (be )?(needed|necessary)|why that|waarom (wil|moet|heb|hebben|vraag|vraagt) (je|u|jij|jullie|ik) (dat|dit|die|het|mijn \S+)( (weten|hebben|geven|sturen|nodig( hebben)?))?|waarom (heb|hebben) (je|jullie|u) (dat|dit|die|het|mijn \S+) nodig|waarvoor (heb|hebben|is) (je|jullie|u|dat|dit) (dat|dit )?(nodig|voor)?|is (dat|dit|het) (wel )?veilig( om (hier |dat |dit |die |het )?(te )?(geven|sturen|delen|typen|in te vullen))?|(why|y) (do|would) you (need|want) (that|this|it|my \S+( \S+)?)( for)?|what (do you need|is) (that|it|this) for|is (that|this|it) safe)\s*[?!.]*\s*$/i;

/**
 * "Waarom wil je dat weten?" to the question for the case number, postcode or birth date: why the
 * assistant asks it, and how to go on without giving it in the chat. The question stays open.
 * Null when the message asks no such thing or no fact is asked.
 */
export function whyWeAsk(state: DialogState, ctx: FlowContext, msg: string, fixed?: string): StepResult | null {
  const step = state.active?.flow === 'case_status' ? state.active.step : undefined;
  // As written, or with its shorthand and typos put right ("wrm wil je dat wete", "why do u need that").
  if (!step || !['ask_number', 'ask_postcode', 'ask_birthdate', 'ask_both'].includes(step) || !(WHY_ASKED.test(msg) || (fixed !== undefined && WHY_ASKED.test(fixed)))) return null;
  // Right after a check that failed, "waarom?" asks about that (explain, which says the rule but not which fact).
  if (state.lastAnswer?.trace.step === 'mismatch') return null;
  const t = trace(ctx.dialogs, { dialog: 'case_status', step: 'why_asked', intent: ctx.intent, confidence: ctx.confidence, sources: [{ kind: 'dialog', ref: 'dialogs/flows/case_status.yaml' }, { kind: 'rule', ref: 'verify-case-number-postcode-birthdate' }] });
  const key = `${step === 'ask_number' ? 'case.why_number' : 'case.why_identity'}${state.facts.forOther ? '_other' : ''}`;
  return { state, replies: [{ text: text(ctx.dialogs, key, state.lang), trace: t }], effects: [] };
}

/** "Verkeerd nummer", "ik heb me vergist", "typo": what was just given was wrong. */
const WRONG = /\b(verkeerd(e)?|fout(e|je)?|vergist|typfout|tikfout|typefout|verschreven|verkeerd (getypt|ingetypt|ingevuld)|klopt( \S+)? (niet|nie)|wrong|mistake|typo|incorrect|not (right|correct)|my bad)\b/i;
/** The fact a correction names; a date also names the birth date ("verkeerde datum"). */
const NAMES_FACT: ReadonlyArray<[keyof Pick<DialogState['facts'], 'caseNumber' | 'postcode' | 'birthDate'>, RegExp]> = [
  ['caseNumber', /\b((zaak)?nummer|number|zaak|case)\b/i],
  ['postcode', /\b(postcode|post code|zip)\b/i],
  ['birthDate', /\b(geboortedatum|datum|geboren|birth ?date|date of birth|birthday|date)\b/i],
];
/** "Het is allemaal mijn fout": blame, not a typing mistake. */
const BLAME = /\b(mijn|my) (fout|fault)\b|\b(alles|allemaal|everything|leven|life)\b/i;
/**
 * A message that says something given was wrong: one that names the fact ("verkeerd nummer"), or a
 * short one that says no more ("sorry ik heb me vergist", "oeps foutje"); not one the classifier is
 * `sure` is another question ("het bedrag van mijn uitkering klopt niet"), nor a move or someone else's case.
 */
export function isCorrection(msg: string, sure = false): boolean {
  if (!WRONG.test(msg) || MOVED.test(msg) || FOR_OTHER.test(msg) || wordCount(msg) > 12) return false;
  if (NAMES_FACT.some(([, words]) => words.test(msg))) return true;
  return !sure && wordCount(msg) <= 5 && !BLAME.test(msg);
}

/**
 * "Oh wacht, verkeerd nummer" while postcode or birth date is asked: the fact it names (or the only one
 * given) is forgotten and asked again, not answered with "Ik zie geen postcode in uw bericht". With
 * two facts given and neither named, the citizen is asked to send the right one. Null: not a
 * correction of a fact given in this conversation (a move, or someone else's case, is answered elsewhere).
 */
export function correctFact(state: DialogState, ctx: FlowContext, msg: string, now: string, sure = false): StepResult | null {
  if (!isCorrection(msg, sure)) return null;
  // "Sorry, ik heb me vergist" right after a check that failed: send what must change, or all three.
  if (state.active?.tried) return sure ? null : { state: { ...state, fallbacks: 0 }, replies: [reply(ctx.dialogs, ctx, text(ctx.dialogs, 'case.fix_tried', state.lang), 'fix_tried')], effects: [] };
  const named = NAMES_FACT.filter(([, words]) => words.test(msg)).map(([fact]) => fact);
  const given = NAMES_FACT.map(([fact]) => fact).filter((fact) => state.facts[fact] !== undefined);
  const wrong = named.length > 0 ? named.filter((fact) => given.includes(fact)) : given.length === 1 ? given : [];
  if (named.length > 0 && wrong.length === 0) return null;
  if (wrong.length === 0) {
    // Two facts given, neither named: the two that were given.
    const which = given.includes('postcode') ? 'case.fix_which' : 'case.fix_which_date';
    return { state: { ...state, fallbacks: 0 }, replies: [reply(ctx.dialogs, ctx, text(ctx.dialogs, which, state.lang), 'fix_which')], effects: [] };
  }
  const facts = { ...state.facts };
  for (const fact of wrong) delete facts[fact];
  const active = state.active ? { ...state.active, caseNumber: facts.caseNumber } : state.active;
  const asked = advanceCase({ ...state, facts, active, fallbacks: 0 }, ctx, now);
  const key = wrong.includes('caseNumber') ? 'case.fix_number' : wrong.includes('postcode') ? 'case.fix_postcode' : 'case.fix_birthdate';
  return { ...asked, replies: [reply(ctx.dialogs, ctx, text(ctx.dialogs, key, state.lang), `fix_${asked.state.active?.step ?? 'number'}`)] };
}

/**
 * A number of some kind that is no case number: letters and digits ("BZ-2026-1234"), digits joined by a
 * mark ("2026/4411"), or five digits or more; not a year. No nested repeats: messages run to 4,000 characters.
 */
const OTHER_NUMBER = /(^|[^\p{L}\p{N}])(\p{L}{1,5}[-./]?\d{3,}(?:[-\s./]\d+)*|\d{3,}(?:[-./]\d+)+|\d{5,})(?![\p{L}\p{N}])/u;

/**
 * The question for the case number asked again after a number that is none ("BZ-2026-1234", a
 * reference from another letter): say that this one is not it, and that a person can find the case
 * with another number too.
 */
export function withOtherNumberHint(res: StepResult, dialogs: DialogSet, msg: string): StepResult {
  if (res.state.active?.step !== 'ask_number') return res;
  if (hasIncompleteCaseNumber(msg)) return withHint(res, dialogs, 'case.hint_short_number');
  return OTHER_NUMBER.test(msg) ? withHint(res, dialogs, 'case.hint_other_number') : res;
}

/** A case number as typed: with a letter O for a zero, short of digits, or without its year ("zaak 123", typed-facts.ts). */
export function withTypedNumber(nlu: ParseResult, state: DialogState): ParseResult {
  return withNumberNoYear(withoutIncompleteNumber(withCaseNumberOs(nlu), state.active?.step), state);
}

/**
 * Drops a case number typed incomplete ("Z-2026-00012", hasIncompleteCaseNumber): padded it would be
 * another case, and a failed check the citizen cannot place. The flow asks for it again, with the hint.
 * A first message the number alone made a case question ("how is my case Z-2026-00012") stays one.
 */
export function withoutIncompleteNumber(nlu: ParseResult, step: CaseStep | undefined): ParseResult {
  const kept = nlu.entities.filter((e) => e.type !== 'case_number' || !hasIncompleteCaseNumber(nlu.text.slice(e.start, e.end)));
  if (kept.length === nlu.entities.length) return nlu;
  const alone = step === undefined && nlu.intent.name === 'none' && !kept.some((e) => e.type === 'case_number');
  return { ...nlu, entities: kept, ...(alone ? { intent: { name: 'case_status', confidence: 1 } } : {}) };
}

/** "niet" as people type and say it: "weet ik nie", "heb ik nit". */
const NIET = String.raw`(niet|nie|nit|ni)`;
/** "Weet ik niet", "kwijt", "not sure", "I can't find it": the citizen has no case number at hand. */
const NO_NUMBER = new RegExp([
  String.raw`\bweet(\s+\S+){0,3}\s+${NIET}\b`, String.raw`\b(k|ik\s+)?weenie\b`, String.raw`\bgeen\s+idee\b`, String.raw`\bkwijt\b`, String.raw`\bheb(\s+\S+){0,3}\s+(${NIET}|geen)\b`,
  String.raw`\b(kan|vind)(\s+\S+){0,3}\s+${NIET}\b`, String.raw`\b${NIET}\s+(te\s+)?vinden\b`,
  String.raw`\b${NIET}\s+zeker\b`, String.raw`\bnot\s+sure\b`,
  String.raw`\b(don'?t|do\s+not|dont)\s+(know|have|remember)\b`, String.raw`\b(idk|dunno)\b`, String.raw`\bno\s+idea\b`, String.raw`\blost\b`, String.raw`\b(can'?t|cannot|cant)\s+(find|remember)\b`, String.raw`\bhave(n'?t|\s+not)\s+got\b`,
  String.raw`\bvergeten\b`, String.raw`\bforg[oe]t(ten)?\b`,
  // "niet bij me", "not with me": the letter is not at hand.
  String.raw`\b${NIET}\s+bij\s+(de\s+hand|me|mij)\b`, String.raw`\bnot\s+(with|on)\s+me\b`,
  // For someone else: "hij heeft geen zaaknummer", "she doesn't have it".
  String.raw`\bheeft(\s+\S+){0,3}\s+(${NIET}|geen)\b`, String.raw`\b(doesn'?t|does\s+not)\s+(know|have|remember)\b`,
].join('|'), 'i');

/** (And WITHOUT_NUMBER: "i have no case number" reads as none of the others.) */
export const hasNoCaseNumber = (msg: string): boolean => NO_NUMBER.test(msg) || NO_LETTER.test(msg) || NOT_APPLIED.test(msg) || WITHOUT_NUMBER.test(msg) || NOT_ON_IT.test(msg);
/** "ik heb nog niks aangevraagd", "I haven't applied yet": no case at all. */
const NOT_APPLIED = /\b(nog (niks|niets|geen aanvraag|geen aanvragen) (aangevraagd|ingediend|gedaan)|(heb|had) (nog )?(niks|niets|geen aanvraag) (aangevraagd|ingediend|gedaan)|nog niet aangevraagd|(haven'?t|hasn'?t|didn'?t|have not|has not|did not) (yet )?(applied|apply|submitted)( (for anything|anything|yet))?|not (yet )?applied)\b/i;
/** "Hoe lang duurt een omgevingsvergunning?", "how long does a permit take?": how long in general, not one's own case. */
const HOW_LONG_IN_GENERAL = /\b(hoe ?lang duurt (een|het aanvragen van een|het krijgen van een|het voordat een)|how long (does|do|will) (an?|it take to get an?|it take for an?) )\b/i;

/**
 * The first reply of the case question just started: where the number is for "… ik heb geen
 * zaaknummer", how long it usually takes (and the number, in case there is an application) for a
 * question how long one takes in general.
 */
export function firstCaseReply(started: StepResult, ctx: FlowContext, msg: string, queued = false, entities: readonly Entity[] = []): StepResult {
  if (started.state.active?.step !== 'ask_number') return started;
  if (saysWithoutCaseNumber(msg)) return noCaseNumber(started.state, ctx, queued);
  if (HOW_LONG_IN_GENERAL.test(msg)) return { ...started, replies: [reply(ctx.dialogs, ctx, text(ctx.dialogs, 'case.how_long', started.state.lang), 'how_long')] };
  return hasIncompleteCaseNumber(msg) ? withHint(started, ctx.dialogs, 'case.hint_short_number') : withTypedHint(started, ctx.dialogs, msg, entities);
}

/**
 * The case question and, in the same message, that there is no case number: "hoe staat het met mijn
 * aanvraag? ik heb geen zaaknummer". Narrower than NO_NUMBER, which reads an answer to the question for
 * the number ("weet ik niet"): a first message says "ik weet niet hoe het staat" about the case itself.
 */
const WITHOUT_NUMBER = new RegExp([
  String.raw`\b(geen|zonder)\s+(zaak)?nummer\b`, String.raw`\b(zaak)?nummer\s+(\S+\s+){0,3}(niet|kwijt)\b`,
  String.raw`\b(weet|heb|ken|vind|kan)\s+(\S+\s+){0,3}(zaak)?nummer\s+(\S+\s+)?(niet|nergens)\b`,
  String.raw`\b(no|without\s+(a|the|my)?)\s*(case\s+)?number\b`,
  String.raw`\b(don'?t|do\s+not|dont|doesn'?t|does\s+not)\s+(know|have)\s+(my|the|a|our|her|his)?\s*(case\s+)?number\b`,
  String.raw`\b(lost|forgot|forgotten|can'?t\s+find|cannot\s+find|cant\s+find)\s+(my|the|our|her|his)\s+(case\s+)?number\b`,
].join('|'), 'i');

export const saysWithoutCaseNumber = (msg: string): boolean => WITHOUT_NUMBER.test(msg);

/** No letter or e-mail came (so no number either): "ik heb geen brief gehad", "never got a letter". */
const NO_LETTER = /\b(geen|nooit)\s+(een\s+)?(brief|e-?mail|mail|post|bericht)\b|\b(geen|nooit)\s+(een\s+)?(zaak)?nummer\s+(gekregen|gehad|ontvangen|gezien)\b|\b(didn'?t|did\s+not|haven'?t|have\s+not|never)\s+(get|got|receive|received|been\s+given)\s+(a|any|the)\s+(case\s+)?number\b|\bno\s+(letter|e-?mail|mail)\b|\b(didn'?t|did\s+not|haven'?t|have\s+not|never)\s+(get|got|receive|received)\s+(a|any|the)\s+(letter|e-?mail|mail)\b/i;

/**
 * The answer to "I don't have my case number": where to find it, and a person who can look it up.
 * Said twice ("ik heb geen brief gekregen"), the assistant can go no further: it offers that person
 * with a yes/no question (`person_offer`), unless the citizen already waits for one.
 */
export function noCaseNumber(state: DialogState, ctx: FlowContext, queued = false, msg = ''): StepResult {
  if (NOT_APPLIED.test(msg)) return { state: { ...state, active: null }, replies: [reply(ctx.dialogs, ctx, text(ctx.dialogs, 'case.not_applied', state.lang), 'not_applied')], effects: [] };
  // "Ik heb geen brief gehad": where the number is written does not help; a person does.
  // Nor "het staat er niet op": they looked where the number is written.
  if ((state.active?.noNumberSaid || NO_LETTER.test(msg) || NOT_ON_IT.test(msg)) && !queued) {
    return { state: { ...state, pending: 'person_offer' }, replies: [reply(ctx.dialogs, ctx, text(ctx.dialogs, 'case.no_number_offer', state.lang), 'no_number_offer')], effects: [] };
  }
  const said: DialogState = state.active ? { ...state, active: { ...state.active, noNumberSaid: true } } : state;
  return { state: said, replies: [reply(ctx.dialogs, ctx, text(ctx.dialogs, 'case.no_number', state.lang), 'no_number')], effects: [] };
}

/**
 * "Weet ik niet meer", "ik heb geen postcode" to the question for postcode or birth date: asking again
 * how to write them does not help. The postcode is on the letter; for the rest a person can check who
 * it is in other ways, so the assistant offers one (yes or no). In the queue, that person will.
 */
export function noIdentity(state: DialogState, ctx: FlowContext, queued = false): StepResult {
  const key = queued ? 'case.no_identity' : state.active?.step === 'ask_birthdate' ? 'case.no_birthdate_offer' : 'case.no_identity_offer';
  // Someone else's case: that person's details, not "nagaan wie u bent".
  const said = reply(ctx.dialogs, ctx, text(ctx.dialogs, state.facts.forOther && !queued ? `${key}_other` : key, state.lang), 'no_identity');
  return { state: queued ? state : { ...state, pending: 'person_offer' }, replies: [said], effects: [] };
}

/** Words around a year that mends a birth date: "sorry ik bedoel 1980", "oh, 1980 moet het zijn", "I meant 1980". */
const MENDING: ReadonlySet<string> = new Set(['sorry', 'ik', 'bedoel', 'bedoelde', 'oh', 'o', 'oeps', 'oops', 'nee', 'no', 'i', 'mean', 'meant', 'het', 'is', 'moet',
  'zijn', 'was', 'jaar', 'year', 'geboortejaar', 'it', "it's", 'its', 'should', 'be', 'typo', 'typfout', 'foutje', 'wacht', 'wait', 'dus', 'so', 'in', 'geboren', 'born']);
/** A year alone among the message's numbers ("sorry ik bedoel 1980", "1980 moet het zijn"). */
const YEAR = /(?<!\d)(19\d{2}|20\d{2})(?!\d)/;
/**
 * "Sorry, ik bedoel 1980" after a check that failed: the birth date tried, in that year. A short
 * message whose only number is a year, and no fact of the case flow read in it.
 */
export function withTriedYear(nlu: ParseResult, tried: { birthDate: string } | undefined): ParseResult {
  if (!tried || nlu.entities.length > 0 || wordCount(nlu.text) > 6 || (nlu.text.match(/\d+/g) ?? []).length !== 1) return nlu;
  const m = YEAR.exec(nlu.text);
  // Only the year and words of mending it ("ik woon er sinds 2015", "de brief is van 2026" are no birth
  // year); not the year just tried ("ik ben 1981 geboren, klopt toch?").
  if (!m || m[1] === tried.birthDate.slice(0, 4)) return nlu;
  const rest = nlu.text.slice(0, m.index) + nlu.text.slice(m.index + m[1]!.length);
  if (!rest.toLowerCase().split(/[^\p{L}']+/u).filter(Boolean).every((w) => MENDING.has(w))) return nlu;
  const value = `${m[1]}${tried.birthDate.slice(4)}`;
  // 29 February tried, in a year that has none: no such date.
  if (new Date(`${value}T00:00:00Z`).toISOString().slice(0, 10) !== value) return nlu;
  return { ...nlu, entities: [{ type: 'date', value, start: m.index, end: m.index + m[1]!.length }] };
}

/**
 * A situation just handed to a person ("de deurwaarder staat morgen voor de deur") while the flow asked
 * for a fact: not that question again with "Wilt u liever een medewerker spreken?" (one is coming),
 * but the fact offered as a help for that person (to someone who does not understand, nothing). The
 * flow stays open, so a fact sent next is used.
 */
export function meanwhile(state: DialogState, ctx: FlowContext): StepResult {
  // "Ik begrijp het niet": no question at all; the person explains it.
  if (state.handoffs.at(-1)?.reason === 'vulnerability') return { state, replies: [], effects: [] };
  const step = state.active?.step === 'ask_number' ? 'number' : 'identity';
  return { state, replies: [reply(ctx.dialogs, ctx, text(ctx.dialogs, `case.meanwhile_${step}`, state.lang), `meanwhile_${step}`)], effects: [] };
}

/**
 * While a birth date is asked, or beside a case number or postcode ("Z-2026-000123 1234 AB 15 3 1980"),
 * "15031980" and "15 3 1980" are that date (findCompactDates), though the NLU does not read them as one.
 */
export function withAskedDate(nlu: ParseResult, step: CaseStep | undefined, now: string): ParseResult {
  const asked = step === 'ask_birthdate' || step === 'ask_both' || nlu.entities.some((e) => e.type === 'case_number' || e.type === 'postcode');
  if (!asked || nlu.entities.some((e) => e.type === 'date')) return nlu;
  const dates = findCompactDates(nlu.text, { now: new Date(now) });
  return dates.length > 0 ? { ...nlu, entities: [...nlu.entities, ...dates] } : nlu;
}

/**
 * "En als ze het afwijzen?", "what if they say no?" while the case question is asked: what follows when
 * the application is refused is objecting to that decision, so the objection's answer (after which the
 * flow's question still stands), not "Ik zie geen zaaknummer". The classifier reads these few words as
 * objection only about half sure, too little to leave the flow on. So too right after an answer
 * (`afterAnswer`: remission, social assistance): what is refused is what that answer told how to ask
 * for, not a question the answer leaves open ("Wat ik erover weet, staat in mijn antwoord hierboven").
 */
const IF_REFUSED = /^\s*((en|maar|ok(é|e)?|and|but|ok(ay)?)[,]?\s+)?(wat als|en als|maar als|stel dat|wat gebeurt er als|wat moet ik doen als|wat kan ik doen als|what if|and if|but if|what happens if|what do i do if|what can i do if)\s+(ze|zij|jullie|de gemeente|het|die|mijn aanvraag|de aanvraag|they|you|it|it's|its|it’s|the municipality|my application)\s+((het|mijn aanvraag|de aanvraag|it|my application)\s+)?((wordt|word|is|gets|get|is being)\s+)?(afgewezen|afwijzen|afwijst|weigeren|weigert|geweigerd|nee (zeggen|zegt)|say no|says no|rejected|reject it|refuse it|refused|reject|refuse|turned down|turn it down)\s*[?!.]*\s*$/i;
/**
 * "En als ik het er niet mee eens ben?", "what if I don't agree?": not agreeing with a decision is
 * objecting to it, wherever it is asked (the classifier read these words as nothing it knows). Right after
 * a status that is no decision yet, the objection's answer says that objecting waits for the decision.
 */
const IF_DISAGREE = /^\s*((en|maar|ok(é|e)?|oke|and|but|ok(ay)?)[,]?\s+)?(wat als|en als|maar als|stel dat|wat gebeurt er als|wat moet ik doen als|wat kan ik doen als|als|what if|and if|but if|what happens if|what do i do if|what can i do if|if)\s+(ik|we|wij|i|we)\s+(het\s+)?(er\s+)?(niet\s+(mee\s+)?eens\s+(ben|zijn)(\s+met\s+(het besluit|de beslissing|het|dat|die))?|(het\s+)?oneens\s+(ben|zijn)|(do not|don't|dont|don’t)\s+agree(\s+with\s+(it|that|the decision))?|disagree(\s+with\s+(it|that|the decision))?)\s*(,?\s*(wat dan|what then))?\s*[?!.]*\s*$/i;
/** "Echt", "veel", "way": words that make it stronger and say nothing else. */
const NL_SO = '(echt|heel|zo|gewoon|totaal|helemaal|erg|veel|belachelijk|wel|ook|best) ';
const EN_SO = '(really|very|so|totally|completely|just|way|far) ';
/**
 * "ik vind het onterecht", "ik ben het er niet mee eens", "daar ben ik het niet mee eens", "die is veel te hoog", "i
 * disagree": disagreeing, said now as the whole message. Right after the parking fine it got "Wat ik erover weet, staat
 * hierboven" (the answer's own way to object is what to do then: last-answer.ts); right after a status that is no
 * decision yet, the objection's answer as if there were a decision (now: objecting waits for it).
 */
const DISAGREES_NOW = new RegExp(String.raw`^\s*((maar|en|ok(é|e)?|nou|and|but|well)[,]?\s+)?(`
  + String.raw`ik vind (het|dat|die|dit|deze|hem)( (boete|aanslag|bedrag|besluit|rekening|belasting))? (${NL_SO})*(onterecht|oneerlijk|niet eerlijk|niet terecht|te hoog|te veel)`
  + String.raw`|(ik )?ben het (er |daar )?(${NL_SO})*(niet mee eens|oneens)( mee)?|(daar|dat|dit|hier) ben ik het (${NL_SO})*(niet mee eens|oneens)|(${NL_SO})*(niet mee eens|oneens)`
  + String.raw`|(dat|het|die|dit|deze|de boete|de aanslag|het bedrag|het besluit|de rekening) (is|vind ik) (${NL_SO})*(onterecht|oneerlijk|niet eerlijk|niet terecht|te hoog|te veel)`
  + String.raw`|(veel )?te hoog|onterecht|oneerlijk`
  // "ik was het niet", "die zak is niet van mij", "it wasn't me": the fine is for something one did not do.
  + String.raw`|(ik was het|ik was dat|dat was ik|het was ik|ik ben het) (${NL_SO})*niet|ik heb (het|dat) (${NL_SO})*niet gedaan|(die|de|het|dat|deze) (zak|vuilniszak|afval|auto|kliko|container)( is| was)? (${NL_SO})*niet van (mij|ons)`
  + String.raw`|(it|that) (wasn'?t|was not|wasn’t) (me|us|mine|ours)|i (didn'?t|did not|didn’t) do (it|that)|(it'?s|it is|that'?s|that is|the bag is|the car is) not (mine|ours)`
  + String.raw`|i (do not|don't|dont|don’t) agree( with (it|that|this|the fine|the assessment|the decision))?|i disagree( with (it|that|this|the fine|the assessment|the decision))?`
  + String.raw`|(that|this|it|the fine|the assessment|the bill|the amount)( is|'s|’s) (${EN_SO})*(unfair|not fair|too high|too much)|(thats|its) (${EN_SO})*(unfair|not fair|too high|too much)|(way )?too (high|much)|unfair|not fair|i'?m not (ok|okay|happy) with (it|that|this)`
  + String.raw`)\s*[?!.]*\s*$`, 'iu');
export const disagreesNow = (msg: string): boolean => wordCount(msg) <= 10 && DISAGREES_NOW.test(msg);
export const disagrees = (text: string): boolean => IF_DISAGREE.test(text) || disagreesNow(text);
/** Too high, too much: about an amount. */
const ABOUT_AMOUNT = /\b(te hoog|te veel|too high|too much)\b/i;

export function withIfRefused(nlu: ParseResult, step: CaseStep | undefined, afterAnswer = false): ParseResult {
  if (wordCount(nlu.text) > 12 || nlu.entities.some((e) => e.type === 'case_number')) return nlu;
  // Not "die is veel te hoog": the amount, which a topic's answer takes (a WOZ value's own objection page, remission).
  const objects = IF_DISAGREE.test(nlu.text) || (disagreesNow(nlu.text) && !ABOUT_AMOUNT.test(nlu.text)) || ((!!step || afterAnswer) && IF_REFUSED.test(nlu.text));
  return objects ? { ...nlu, intent: { name: 'objection', confidence: Math.max(nlu.intent.confidence, 0.6) } } : nlu;
}
