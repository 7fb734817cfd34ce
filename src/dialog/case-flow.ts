/**
 * The case-status flow: collect case number, postcode and birth date (never asking twice for what
 * is known), then tell the status only when all three match the case. It never says which part was
 * wrong; three failures lock that case (and, against guessing, all cases) for 15 minutes.
 */
import { HANDOFF_PRIORITY } from '../nlu/types.ts';
import { extended } from '../objects.ts';
import type { Entity, Lang } from '../nlu/types.ts';
import { teamFor } from './routing.ts';
import { topicNamedIn } from './variants.ts';
import { formatDate, formatTime, text, texts, trace } from './texts.ts';
import type { CaseRecord, CaseStep, DialogSet, DialogState, Effect, Reply, StepResult, Texts } from './types.ts';
import { termIdsIn } from './glossary.ts';
import { saidFutureDate, withoutFutureBirthDate } from './typed-facts.ts';
import { DATED_SENTENCE, PAYMENT_SENTENCE, statusKind, statusLine, statusMeaning } from './status-lines.ts';

/** Entity types that answer a question of the case flow. */
export const CASE_ENTITIES = new Set<string>(['case_number', 'postcode', 'date']);
/** Words of a correction ("niet Z-… maar Z-…", "sorry, I meant …"); not "ik heb nog geen bericht", "I have not heard". */
const CORRECTION = /\b(niet|not|no)\s+(z-?\d|zaak|case|nummer|number)|\b(ik bedoel|ik bedoelde|bedoel ik|i mean|i meant|verkeerd|wrong|instead|oeps|oops|sorry)\b/i;

export const MAX_FAILURES = 3;
export const LOCK_MS = 15 * 60_000;
/** Key in `failures` that counts every failure in the conversation, whatever the case number. */
const ANY_CASE = '*';

export interface FlowContext {
  dialogs: DialogSet;
  timeZone: string;
  intent: string;
  confidence: number;
  /** Whether a code by SMS may be offered instead of postcode and birth date (an SMS channel is on). */
  codes?: boolean;
}

/** A step's context as a flow reads it: with the intent and confidence of the message at hand. */
export function flowCtx(ctx: Omit<FlowContext, 'intent' | 'confidence'>, intent: string, confidence: number): FlowContext {
  return Object.assign({}, ctx, { intent, confidence }); // not { ...ctx, intent, confidence }: slow on Node 20 (src/objects.ts)
}

/** Takes case number, postcode and date from entities into the conversation's facts. */
export function absorbEntities(state: DialogState, entities: Entity[], step: CaseStep | undefined, msg = ''): DialogState {
  const facts = { ...state.facts };
  let caseChanged = false;
  for (const e of entities) {
    if (e.type === 'case_number' && e.value !== facts.caseNumber) {
      facts.caseNumber = e.value;
      caseChanged = true;
    }
    if (e.type === 'postcode') facts.postcode = e.value;
    if (e.type === 'phone') facts.phone = e.value;
  }
  // "Z-2026-000123 en Z-2026-000124": the last is looked up, the other is told after its answer. Not
  // "niet Z-2026-000123 maar Z-2026-000124", a correction.
  // Only where the message is read for the case question (`msg` given); any other case number given since ends it.
  const numbers = [...new Set(entities.filter((e) => e.type === 'case_number').map((e) => e.value))];
  const other = msg && numbers.length > 1 && !CORRECTION.test(msg) ? numbers.find((n) => n !== facts.caseNumber) : undefined;
  if (other) facts.alsoNamed = other;
  else if (numbers.length > 0) delete facts.alsoNamed;
  // A date is a birth date only while we are collecting case facts; a lone date elsewhere means something else.
  const date = entities.find((e) => e.type === 'date');
  if (date && (step !== undefined || entities.some((e) => e.type === 'case_number' || e.type === 'postcode'))) {
    facts.birthDate = date.value;
  }
  const active = state.active && caseChanged ? { ...state.active, caseNumber: facts.caseNumber } : state.active;
  return { ...state, facts, active };
}

/**
 * A correction after a failed check: the facts this message gave, the rest from the try that failed.
 * Without a try, or when the message gave no case fact, the state as it is.
 */
export function withCorrection(state: DialogState, given: Entity[]): DialogState {
  const tried = state.active?.tried;
  if (!tried || !given.some((e) => e.type === 'case_number' || e.type === 'postcode' || e.type === 'date')) return state;
  const { tried: _, ...active } = state.active!;
  const f = state.facts;
  const facts = { ...f, caseNumber: f.caseNumber ?? tried.caseNumber, postcode: f.postcode ?? tried.postcode, birthDate: f.birthDate ?? tried.birthDate };
  return { ...state, facts, active: { ...active, caseNumber: facts.caseNumber } };
}

/** Decides the next step of the flow from what is known; may ask a question or ask for the case. */
export function advanceCase(state: DialogState, ctx: FlowContext, now: string, reprompt = false): StepResult {
  const { dialogs } = ctx;
  const lang = state.lang;
  const identity = state.verifiedIdentity;
  // The citizen's proved postcode and birth date, unless the case is someone else's (or they were someone else's).
  const facts = identity && !identity.forOther && !state.facts.forOther && (!state.facts.postcode || !state.facts.birthDate)
    ? { ...state.facts, postcode: state.facts.postcode ?? identity.postcode, birthDate: state.facts.birthDate ?? identity.birthDate }
    : state.facts;
  const ask = (step: CaseStep): StepResult => {
    // Asked for the number with postcode or birth date already given (again, after a mismatch): thank, ask the number alone.
    // The case question again while the number is asked ("is die al goedgekeurd?"): not the same words again.
    const key = !reprompt && step === 'ask_number' && (facts.postcode || facts.birthDate) ? 'case.ask_number_known_facts'
      : !reprompt && step === 'ask_number' && state.active?.step === 'ask_number' ? 'case.ask_number_again'
      : !reprompt && step === 'ask_both' && ctx.codes === false ? 'case.ask_both_no_code'
        : `case.${reprompt ? 'reprompt' : 'ask'}_${step.replace('ask_', '')}`;
    // What a failed check tried stays with the flow while it asks again (a correction is checked with the rest of it).
    const tried = state.active?.tried ? { tried: state.active.tried } : {};
    const next: DialogState = { ...state, facts, active: { flow: 'case_status', step, caseNumber: facts.caseNumber, ...tried } };
    // For someone else: that person's details, not "uw postcode" ("Om te controleren dat u het bent").
    const asked = facts.forOther && dialogs.texts.has(`${key}_other`) ? `${key}_other` : key;
    return { state: next, replies: [reply(dialogs, ctx, text(dialogs, asked, lang), step)], effects: [] };
  };

  // Locked: say so now. With every case locked, asking for a number first would only delay it.
  const until = [facts.caseNumber ? state.failures[facts.caseNumber]?.lockedUntil : undefined, state.failures[ANY_CASE]?.lockedUntil]
    .filter((u): u is string => !!u && u > now).sort().at(-1);
  if (until) {
    // Only the conversation's lock, and another case named ("en zaak Z-2026-000456?"): no case can be looked up, not "this case".
    const own = facts.caseNumber && (state.failures[facts.caseNumber]?.lockedUntil ?? '') > now;
    const msg = text(dialogs, own ? 'case.locked' : 'case.locked_any', lang, { time: formatTime(until, lang, ctx.timeZone) });
    return { state: { ...state, facts, active: null }, replies: [reply(dialogs, ctx, msg, 'locked')], effects: [] };
  }
  const unborn = withoutFutureBirthDate({ ...state, facts }, now);
  if (unborn) return saidFutureDate(advanceCase(unborn, ctx, now, reprompt), dialogs);
  if (!facts.caseNumber) return ask('ask_number');
  if (!facts.postcode && !facts.birthDate) return ask('ask_both');
  if (!facts.postcode) return ask('ask_postcode');
  if (!facts.birthDate) return ask('ask_birthdate');
  const next: DialogState = { ...state, facts, active: { flow: 'case_status', step: 'ask_number', caseNumber: facts.caseNumber } };
  return { state: next, replies: [], effects: [{ type: 'load_case', caseNumber: facts.caseNumber }] };
}

const normPostcode = (p: string): string => p.replace(/\s+/g, '').toUpperCase();

/** True only when the case exists and postcode and birth date both match it. */
export function factsMatch(record: CaseRecord | null, facts: DialogState['facts']): record is CaseRecord {
  return !!record && !!facts.postcode && !!facts.birthDate
    && normPostcode(record.postcode) === normPostcode(facts.postcode)
    && record.birthDate === facts.birthDate;
}

export function isOverdue(record: CaseRecord, now: string): boolean {
  return !record.decisionDate && !!record.decisionDue && record.decisionDue < now.slice(0, 10);
}

/** "de aanvraag van mijn moeder", "namens mijn vader", "zijn aanvraag", "for my mum", "mijn buurman heeft …": the case is someone else's. */
const NL_OTHERS = "moeder|vader|ma|pa|mama|papa|mam|pap|oma|opa|man|vrouw|partner|vriend|vriendin|zoon|dochter|broer|zus|kind|buurman|buurvrouw|tante|oom|schoonmoeder|schoonvader|cli[eë]nt";
const EN_OTHERS = "mother|mum|mom|father|dad|husband|wife|partner|son|daughter|brother|sister|neighbou?r|client|grandmother|grandfather|gran|grandma|grandpa|aunt|uncle|friend";
export const FOR_OTHER = new RegExp([
  String.raw`\b(namens|voor|van)\s+(mijn|m'n|mn|me|onze)\s+(${NL_OTHERS})\b`,
  String.raw`\bnamens\s+(iemand|hem|haar)\b`, String.raw`\b(zijn|haar|hun)\s+(aanvraag|zaak|uitkering|bijstand|vergunning|parkeervergunning|kwijtschelding)\b`,
  String.raw`\bvoor\s+(hem|haar)\s+(vragen|navragen|opzoeken|kijken)\b`,
  String.raw`\b(his|her|their)\s+(application|case|benefit|permit)\b`,
  String.raw`\b(for|of)\s+my\s+(${EN_OTHERS})('s)?\b`,
  // "and my mother's application Z-…?", "mijn moeders aanvraag", "mijn moeder d'r zaak": whose it is, said before it.
  String.raw`\bmy\s+(${EN_OTHERS})['’]s\s+(application|case|benefit|permit|request)\b`,
  String.raw`\b(mijn|m'n|mn)\s+(${NL_OTHERS})(s|\s+(haar|zijn|d'r|z'n))\s+(aanvraag|zaak|uitkering|bijstand|vergunning|parkeervergunning|kwijtschelding)\b`,
  String.raw`\bon\s+behalf\s+of\b`,
  // "mijn buurman heeft ook een dakkapel aangevraagd, hoe staat het daarmee?" (see OWN_CASE)
  String.raw`\b(mijn|m'n|mn|onze)\s+(${NL_OTHERS})\s+(heeft|had)(\s+\S+){0,5}\s+(aangevraagd|ingediend|aanvraag)\b`,
  String.raw`\bmy\s+(${EN_OTHERS})\s+((has|had)\s+)?(applied|submitted)\b`,
].join('|'), 'i');
/** "mijn aanvraag", "my application": the citizen's own case, whoever else the message names. */
const OWN_CASE = /\b(mijn|m'n|mn|my)\s+(aanvraag|zaak|application|case|request)\b/i;
/** "En die van mij?", "mijn eigen", "and mine": back to the citizen's own case after someone else's. */
const OWN_AGAIN = new RegExp(`${OWN_CASE.source}|\\b(die|dat|de aanvraag|de zaak) van mij\\b|\\bmijn eigen (aanvraag|zaak)\\b|\\bmy own (application|case)\\b|\\b(and|what about) mine\\b`, 'i');

/**
 * The state with `forOther` set when the message says the case is someone else's. After a case of the
 * citizen's own was told ("en hoe staat het met de aanvraag van mijn moeder?"), the facts were the
 * citizen's: that person's case needs that person's number, postcode and birth date. Back to the
 * citizen's own case ("en die van mij?"), that person's postcode and birth date are forgotten: the
 * citizen's own are asked, not checked against that person's.
 */
export function withAskingFor(asked: DialogState, msg: string, opts: { start?: boolean } = {}): DialogState {
  const state = withObjection(asked, msg, !!opts.start);
  if (state.facts.forOther && OWN_AGAIN.test(msg) && !FOR_OTHER.test(msg.replace(OWN_AGAIN, ''))) {
    return { ...state, facts: state.facts.phone && !state.facts.caseType ? { phone: state.facts.phone } : {}, active: state.active ? { flow: state.active.flow, step: state.active.step } : state.active };
  }
  if (state.facts.forOther || !FOR_OTHER.test(msg) || OWN_CASE.test(msg)) return state;
  // What a failed check tried was the citizen's own: not to be checked against that person's case.
  if (!state.facts.caseType) return { ...state, facts: { ...state.facts, forOther: true }, active: state.active ? { flow: state.active.flow, step: state.active.step, ...(state.active.caseNumber ? { caseNumber: state.active.caseNumber } : {}) } : state.active };
  return { ...state, facts: { forOther: true }, active: state.active ? { flow: state.active.flow, step: state.active.step } : state.active };
}

/**
 * "hoe staat het met mijn bezwaar?", "any news on my objection?": the citizen's own. Not "geen bezwaar",
 * "I have no objection", nor the neighbour's objection to the citizen's permit.
 */
const OBJECTION = /\b(mijn|m'n|mn|ons|onze|my|our)\s+(bezwaar\w*|beroep|objection|appeal)\b|\b(het\s+)?(bezwaar\w*|beroep)\s+dat\s+(ik|wij|we)\b|\b(ik|wij|we)\s+(heb|hebben)\s+(\S+\s+){0,2}(bezwaar\w*|beroep)\s+(gemaakt|ingediend|aangetekend|ingesteld)|\bi\s*(have|'ve)?\s+(objected|appealed|(filed|lodged|made|submitted)\s+an\s+(objection|appeal))\b/i;
/** A case of an objection itself (its type names one). */
const OBJECTION_CASE = /\b(bezwaar\w*|beroep|objection|appeal)\b/i;

/**
 * Whether the case question is about an objection (`facts.objection`): said in any of its messages, and
 * forgotten with its answer or when a new case question (`start`) does not say it.
 */
function withObjection(state: DialogState, msg: string, start: boolean): DialogState {
  const objection = OBJECTION.test(msg) || (!start && !!state.facts.objection);
  if (objection === !!state.facts.objection) return state;
  const { objection: _, ...facts } = state.facts;
  return { ...state, facts: objection ? { ...facts, objection: true } : facts };
}

type Identity = NonNullable<DialogState['verifiedIdentity']>;
const add = (list: readonly string[] | undefined, ...more: string[]): string[] => [...new Set([...(list ?? []), ...more])];

/**
 * The verified identity after `caseNumber` was proved with `details`. Someone else's case proves that
 * person's details, not the citizen's: a citizen proved before stays as they were, with the case among
 * `others`; with no citizen proved, the identity is that person's (`forOther`). The citizen's own case
 * after it starts the citizen's identity, and that person's cases move to `others`.
 */
function provedWith(prev: DialogState['verifiedIdentity'], details: { postcode: string; birthDate: string }, caseNumber: string, forOther: boolean): Identity {
  if (forOther) return prev && !prev.forOther ? { ...prev, others: add(prev.others, caseNumber) } : { ...details, cases: add(prev?.cases, caseNumber), forOther: true };
  if (prev?.forOther) return { ...details, cases: [caseNumber], others: add(prev.others, ...prev.cases) };
  return { ...details, cases: add(prev?.cases, caseNumber), ...(prev?.others ? { others: prev.others } : {}) };
}

/** Handles the looked-up case: answer, hand to a person, or count a failure. */
export function onCaseLoaded(state: DialogState, ctx: FlowContext, caseNumber: string, record: CaseRecord | null, now: string): StepResult {
  const facts = state.facts;
  if (facts.caseNumber !== caseNumber) return { state, replies: [], effects: [] };
  if (!factsMatch(record, facts)) return onMismatch(state, ctx, caseNumber, now);

  const { dialogs } = ctx;
  const lang = state.lang;
  const identity = provedWith(state.verifiedIdentity, { postcode: facts.postcode!, birthDate: facts.birthDate! }, caseNumber, !!facts.forOther);
  // The case's phone number is that person's: for someone else's case, not a number to call the citizen on.
  const phone = facts.phone ?? (facts.forOther ? undefined : record.phone ?? undefined);
  // A check that matched ends the count of failed tries in this conversation, and of this case: two
  // slips later must not lock out who proved it (a case locked stays locked).
  const { [ANY_CASE]: tries, [caseNumber]: own, ...others } = state.failures;
  const counted = tries?.lockedUntil ? state.failures : own?.lockedUntil ? { ...others, [caseNumber]: own } : others;
  const { alsoNamed: named, otherNamed: _before, objection: _asked, alsoFailed: failed, ...kept } = facts;
  const told = named ?? failed;
  const other = told && told !== caseNumber ? { otherNamed: told } : {};
  const base: DialogState = { ...state, failures: counted, active: null, verifiedIdentity: identity, fallbacks: 0, facts: extended(extended(kept, other), phone ? { caseNumber, caseType: record.type, phone } : { caseNumber, caseType: record.type }) };
  const caseSource = { kind: 'case' as const, ref: caseNumber, system: record.source, at: record.fetchedAt };
  const ruleSource = { kind: 'rule' as const, ref: 'verify-case-number-postcode-birthdate' };
  const vars = { caseNumber, caseType: record.type, time: formatTime(record.fetchedAt, lang, ctx.timeZone), system: record.source };
  // The why in both languages, each with the time as that language writes it: a status looked up in Dutch, then "why?" in English, said "at 1.41".
  const at = (l: Lang) => ({ ...vars, time: formatTime(record.fetchedAt, l, ctx.timeZone) });
  const explained = (key: string, dates?: Record<string, string>): Texts => ({ nl: texts(dialogs, key, at('nl'), dates).nl, en: texts(dialogs, key, at('en'), dates).en });

  if (record.flags.length > 0 || isOverdue(record, now)) {
    const rule = record.flags.length > 0 ? `case-flag:${record.flags.join(',')}` : 'decision-term-exceeded';
    const team = teamFor(ctx.dialogs, ctx.intent, record.type);
    const handoff = { reason: 'case_flag' as const, evidence: rule, priority: HANDOFF_PRIORITY.case_flag, at: now, caseNumber, team };
    // The flag's name is for the caseworker (the evidence); the trace, which the citizen's client gets, names only the rule.
    const t = trace(dialogs, { dialog: 'case_status', step: 'case_flag', intent: ctx.intent, confidence: ctx.confidence, reason: 'case_flag', sources: [caseSource, { kind: 'rule', ref: record.flags.length > 0 ? 'case-flag' : rule }] });
    const known = state.verifiedIdentity?.cases.includes(caseNumber) || state.verifiedIdentity?.others?.includes(caseNumber);
    // Past its decision term, the citizen hears that we are late, and what the law lets them do about it
    // (a notice of default, then a penalty per day: Awb 4:17), not only that a person will look.
    const late = isOverdue(record, now) ? { due: formatDate(record.decisionDue!, lang) } : null;
    const msg = text(dialogs, `${known ? 'case.flagged_known' : 'case.flagged'}${late ? '_overdue' : ''}`, lang, extended(vars, late ?? {}));
    const why = late ? explained('case.explain_overdue', { due: record.decisionDue! }) : explained('case.explain_flagged');
    return {
      state: { ...base, handoffs: [...state.handoffs, handoff], lastAnswer: { trace: t, explain: why } },
      replies: [{ text: msg, trace: t }],
      effects: [{ type: 'handoff', record: handoff }],
    };
  }

  const t = trace(dialogs, { dialog: 'case_status', step: 'answer', intent: ctx.intent, confidence: ctx.confidence, sources: [caseSource, ruleSource] });
  // A case newly proved: an open handoff records it, so the caseworker does not ask again.
  const proved: Effect[] = state.verifiedIdentity?.cases.includes(caseNumber) || state.verifiedIdentity?.others?.includes(caseNumber) ? [] : [{ type: 'identity_verified', caseNumber }];
  const parts = [text(dialogs, facts.forOther ? 'case.status_other' : 'case.status', lang, extended(vars, { statusText: record.statusText }))];
  if (record.decisionDate) parts.push(text(dialogs, 'case.decision_date', lang, { date: formatDate(record.decisionDate, lang) }));
  const kind = statusKind(record);
  const means = statusMeaning(dialogs, record, kind);
  // The case system writes its statuses in Dutch: in English, what it means comes with it at once.
  if (lang === 'en' && means) parts.push(means.en);
  const also = facts.alsoNamed && facts.alsoNamed !== caseNumber ? facts.alsoNamed : undefined;
  if (also) parts.push(text(dialogs, 'case.also_named', lang, { caseNumber: also }));
  // "Z-2026-000123 en Z-2026-000456", with facts that match only the first: the other was looked up too.
  if (facts.alsoFailed && facts.alsoFailed !== caseNumber) parts.push(text(dialogs, 'case.also_not_matched', lang, { caseNumber: facts.alsoFailed }));
  // Asked after an objection, told a case that is none: its status is not the objection's.
  if (facts.objection && !OBJECTION_CASE.test(record.type)) parts.push(text(dialogs, 'case.objection_separate', lang));
  parts.push(text(dialogs, 'case.after_answer', lang));
  const paid = statusLine(dialogs, record, PAYMENT_SENTENCE);
  const dated = statusLine(dialogs, record, DATED_SENTENCE);
  // "waarom hoor ik niks?" after a decision: when it was taken, in the citizen's language.
  const decidedOn = record.decisionDate ? texts(dialogs, 'case.decision_date', {}, { date: record.decisionDate }) : null;
  // "wie is dat?" after "advies welstandscommissie gevraagd": the bodies the status names.
  const terms = termIdsIn(dialogs.glossary, record.statusText);
  const topic = topicNamedIn(dialogs, record.type); // "wat kost dat?" after a parking permit's status: its fees
  return {
    state: { ...base, lastAnswer: { trace: t, explain: explained('case.explain'), ...(topic ? { caseTopic: topic } : {}), ...(means ? { means } : {}), ...(paid ? { paid } : {}), ...(dated ? { dated } : {}), ...(terms.length ? { terms } : {}), ...(kind === 'in_progress' || kind === 'waiting' ? { unfinished: kind === 'waiting' ? 'waiting' : true } : {}), ...(kind === 'granted' || kind === 'refused' ? { decision: kind, ...(decidedOn ? { decidedOn } : {}) } : {}), offersWhy: state.turns } },
    replies: [{ text: parts.join(' '), trace: t }],
    effects: proved,
  };
}

/** Counts a failed check for this case (and for the conversation); three lock for 15 minutes. */
export function countFailure(state: DialogState, caseNumber: string, now: string): { failures: DialogState['failures']; locked: boolean } {
  const failures = { ...state.failures };
  const bump = (key: string): number => {
    const count = (failures[key]?.count ?? 0) + 1;
    failures[key] = { count, ...(count >= MAX_FAILURES ? { lockedUntil: new Date(Date.parse(now) + LOCK_MS).toISOString() } : {}) };
    return count;
  };
  return { failures, locked: Math.max(bump(caseNumber), bump(ANY_CASE)) >= MAX_FAILURES };
}

/** The third failure: lock, and hand the citizen to a person. */
export function lockOut(state: DialogState, ctx: FlowContext, caseNumber: string, now: string): StepResult {
  const { dialogs } = ctx;
  const handoff = { reason: 'verification_failed' as const, evidence: `${MAX_FAILURES} failed checks`, priority: HANDOFF_PRIORITY.verification_failed, at: now, caseNumber, team: teamFor(dialogs, ctx.intent) };
  const until = state.failures[ANY_CASE]?.lockedUntil ?? state.failures[caseNumber]!.lockedUntil!;
  // Every case locked (the conversation's count, as when all three tries were on one case): not 'deze zaak',
  // which the next case number asked would contradict.
  const all = !!state.failures[ANY_CASE]?.lockedUntil;
  const msg = text(dialogs, all ? 'case.locked_any' : 'case.locked', state.lang, { time: formatTime(until, state.lang, ctx.timeZone) });
  const t = trace(dialogs, { dialog: 'case_status', step: 'locked', intent: ctx.intent, confidence: ctx.confidence, reason: 'verification_failed', sources: [{ kind: 'rule', ref: 'lock-after-3-failures' }] });
  return { state: { ...state, active: null, handoffs: [...state.handoffs, handoff] }, replies: [{ text: msg, trace: t }], effects: [{ type: 'handoff', record: handoff }] };
}

function onMismatch(state: DialogState, ctx: FlowContext, caseNumber: string, now: string): StepResult {
  const usedVerifiedIdentity = !!state.verifiedIdentity
    && state.facts.postcode === state.verifiedIdentity.postcode && state.facts.birthDate === state.verifiedIdentity.birthDate;
  // Facts the citizen already proved, tried on another number ("en Z-2026-000456?", a sister's case),
  // guess nothing: no failure. Only facts typed for this check count towards the lock.
  const { failures, locked } = usedVerifiedIdentity ? { failures: state.failures, locked: false } : countFailure(state, caseNumber, now);
  // Forget the facts that were given together: we may not tell which one was wrong.
  const facts = usedVerifiedIdentity ? { ...state.facts, caseNumber: undefined } : { phone: state.facts.phone };
  // "waarom?" now explains the rule (and still says nothing of which fact was wrong).
  const t = trace(ctx.dialogs, { dialog: 'case_status', step: 'mismatch', intent: ctx.intent, confidence: ctx.confidence, sources: [{ kind: 'rule', ref: 'verify-case-number-postcode-birthdate' }] });
  const next: DialogState = { ...state, failures, facts, active: null, lastAnswer: { trace: t, explain: texts(ctx.dialogs, 'case.explain_mismatch') } };
  // A failed check counts over all conversations too (src/cases/guard.ts); facts already proved guess nothing.
  const counted: Effect = { type: 'check_failed', caseNumber };
  // "Z-2026-000123 en Z-2026-000456", then one person's postcode and birth date: they may be for the other
  // case named. That one is checked with them before the citizen hears of a mismatch. The conversation's
  // count takes one failure per message (the other's, if it fails too); the guard over all conversations
  // counts both checks.
  const other = state.facts.alsoNamed;
  if (!usedVerifiedIdentity && other && other !== caseNumber) {
    // Matched by the other, this one is told after its answer; "en de andere?" then checks it again (not its number asked).
    const swapped = advanceCase({ ...state, facts: { ...state.facts, caseNumber: other, alsoNamed: undefined, alsoFailed: caseNumber } }, ctx, now);
    return { ...swapped, effects: [counted, ...swapped.effects] };
  }
  if (locked) {
    const out = lockOut(next, ctx, caseNumber, now);
    return { ...out, effects: [...out.effects, counted] };
  }
  const first: Reply = { text: text(ctx.dialogs, usedVerifiedIdentity ? 'case.mismatch_known_identity' : 'case.mismatch', state.lang), trace: t };
  if (usedVerifiedIdentity) {
    // The mismatch text asks for the number itself: "Dank u. Wat is nog uw zaaknummer?" after it
    // thanked the citizen for a number that did not fit.
    // The number stays with the flow as tried: the postcode and birth date of another person sent
    // next are checked with it, not answered with the question for the number once more.
    const again = advanceCase(next, ctx, now);
    const tried = { caseNumber, postcode: state.facts.postcode!, birthDate: state.facts.birthDate! };
    const active = again.state.active ? { ...again.state.active, tried } : again.state.active;
    return { ...again, state: { ...again.state, active }, replies: [first] };
  }
  // All three were forgotten as facts, so ask for a correction or all three; "Wat is uw zaaknummer?"
  // read as if only the number was wrong. What was tried stays with the flow for a correction.
  const tried = { caseNumber, postcode: state.facts.postcode!, birthDate: state.facts.birthDate! };
  const asked: DialogState = { ...next, active: { flow: 'case_status', step: 'ask_number', tried } };
  return { state: asked, replies: [first, reply(ctx.dialogs, ctx, text(ctx.dialogs, 'case.ask_all_again', state.lang), 'ask_all_again')], effects: [counted] };
}

export function reply(dialogs: DialogSet, ctx: FlowContext, msg: string, step: string): Reply {
  return { text: msg, trace: trace(dialogs, { dialog: 'case_status', step, intent: ctx.intent, confidence: ctx.confidence, sources: [{ kind: 'dialog', ref: 'dialogs/flows/case_status.yaml' }] }) };
}

export type { Effect };
