/**
 * The dialog runtime's one decision: `step(state, input, ctx) → { state, replies, effects }`.
 * Pure: no I/O, no clock (the time comes in with the input), no randomness. Effects are data that
 * the conversation pipeline carries out; a `load_case` effect comes back as a `case_loaded` input.
 */
import type { HandoffReason, HandoffSignal, ParseResult } from '../nlu/types.ts';
import { onCaseGuarded } from './case-guarded.ts';
import { absorbEntities, advanceCase, CASE_ENTITIES, onCaseLoaded, withAskingFor, flowCtx } from './case-flow.ts';
import { withPaymentLine } from './status-lines.ts';
import { objectionTooEarly, statusDated, statusDecisionWhen, statusLate, statusMeant, statusPaid, statusNext, statusPickUp, statusSlow, statusNeighboursObject, statusSpeedUp, startsBeforeDecision, statusStartedEarly, statusWhyDecided, whySlowAlone } from './about-status.ts';
import { statusDoubted, statusHearNothing, statusHearWhen, statusMonthly, statusSick } from './status-asked.ts';
import { firstCaseReply, saysWithoutCaseNumber, whyWeAsk, withAskedDate, withTriedYear, aboutTheNumber, withIfRefused, withTypedNumber, disagrees } from './case-answers.ts';
import { andThen } from './texts.ts';
import { cancelsThenAsks, duringHandoff, leaveCallbackQuestion, remindCallback } from './handoff-mode.ts';
import { feedbackTurn } from './feedback.ts';
import { asksSomething, LINK_REQUEST, lowConfidence, SWITCH_CONFIDENCE, withoutClosingThatAsks } from './asks.ts';
import { withHowLong } from './second-aspect.ts';
import { onCodeChecked, onCodeSent } from './sms-code.ts';
import { askOtherCase, asksAnotherCase, onlyOtherCase, severalCases, shortCaseNumber } from './other-case.ts';
import { ASKS_COST, ASKS_WHEN_I_PAY, BARE_COST, BARE_HOW_MUCH, followUpOfTopic, givesWayToOtherBody, isFollowUp, isWithin, mentions, swapsTheThing, wordCount } from './variants.ts';
import { bareHowMuch, followUpVariant, inWords, keptToTopic, lastResort, topicElsewhere, topicKnownBy, unsureVariant, variantFor } from './variant-choice.ts';
import { heardAsAPerson, namesAPerson } from './person-topics.ts';
import { answerByRule, answerPersonOffer, help, isQuestion, notPaidYet } from './rules.ts';
import { answerLanguage, asksAnswerAgain, dutchNotRead, languageAsked, statusToldInOther, switchLanguage, withoutEntities } from './language.ts';
import { afterAnAnswer, appointmentAsked, askAgain, asksCanICall, asksOfAnswer, asksWhoToCall, fromLastAnswer, namedInAnswer, openInAnswer } from './last-answer.ts';
import { asksAWay } from './ways-in-answer.ts';
import { appointmentInAnswer, asksInPerson } from './needed-in-answer.ts';
import { asksInTime, asksOnlyTime } from './time-in-answer.ts';
import { lastAnswered, lastText, lastTopic } from './answer-sentences.ts';
import { answerWhyOfferOrNo, asksWhy, asksWhyAPerson, asksWhyOfAPerson, explain, explainHandoff, explainLastReply } from './why.ts';
import { answerConcern, explainConcern, justAsked } from './concern.ts';
import { afterDeathAsked, afterSituation } from './after-situation.ts';
import { BARE_WHEN, comingAfterAnswer, costAfterAnswer, costNotNamed, hoursReadAfterPayment, howMuchAfterAnswer, papersNotAsked, whenReadAsPayment } from './read-after-answer.ts';
import { askedBehindThanks, severalQuestions } from './two-questions.ts';
import { answerTerm } from './term-how.ts';
import { handOff, strongest, withCallback } from './hand-off.ts';
import { answerCallNow } from './call-now.ts';
import { asksNoStatus, awaitsOwnCase, stillAbout, topicNotCase } from './case-or-topic.ts';
import { notClear } from './not-clear.ts';
import { whoHandles } from './who-handles.ts';
import { alsoForWhat } from './plain-follow-up.ts';
import { aboutWhatWasSaid } from './about-what-was-said.ts';
import { answerSuggestion, onNotPlaced } from './not-understood.ts';
import { onCaseUnavailable, onLinkCode } from './side-inputs.ts';
import { withNotes } from './notes.ts';
import { inCaseFlow, movedWhileAsked } from './in-case-flow.ts';
import { answer, kept, openingDay } from './answer.ts';
import { ABOUT_DESK, dayAsked, hoursFollowUp } from './opening-hours.ts';
import type { OfficeHours } from '../handoff/office-hours.ts';
import type { DialogSet, DialogState, HandoffMode, Reply, StepInput, StepResult } from './types.ts';

export interface StepContext {
  dialogs: DialogSet;
  /** The organisation's time zone, for times said to the citizen. */
  timeZone: string;
  /** false when no SMS channel is on: the case flow then does not offer a code by SMS. */
  codes?: boolean;
  /** LOKET_OFFICE_HOURS with the holidays: the contact_hours answer then says whether the day asked about is open. */
  officeHours?: OfficeHours;
}

/** Reasons after which the assistant stops and only points to a person. */
const STOPS_THE_TURN: ReadonlySet<HandoffReason> = new Set(['distress', 'explicit_request', 'complaint', 'frustration']);
/** Handoffs after which a statement in the queue tells the caseworker what it is about (a complaint, anger). */
const TOLD_FOR_THE_CASEWORKER: ReadonlySet<string> = new Set(['complaint', 'frustration']);
/** "Ik heb niets veranderd", "nothing changed", "I didn't change anything": no change to report (not "ik heb niks doorgegeven", which has one). */
const NOTHING_CHANGED = /\b(niets|niks|nix|nothing)\s+(is\s+|has\s+)?(veranderd|gewijzigd|changed)\b|\b(heb|hebben|heeft)\s+(ik\s+|we\s+|wij\s+)?(niets|niks|nix)\s+(veranderd|gewijzigd|aangepast|anders gedaan)\b|\b(didn'?t|did\s+not|haven'?t|have\s+not|never)\s+(change|changed)\s+(anything|a\s+thing)\b/i;
/** The case number named ("zaaknummer", "case number"). */
const CASE_NUMBER_WORD = /\b(zaaknummer|zaak nummer|dossiernummer|case ?number|reference number)\b/i;
const STILL = /(^|[^\p{L}])(nog|still|yet)([^\p{L}]|$)/iu;
/** Answers on something one asks for (remission, social assistance, a passport, a move, a case's status): "en als het wordt afgewezen?" after one asks how to object (withIfRefused). */
const APPLIED_FOR: ReadonlySet<string> = new Set(['payment', 'documents', 'change_details', 'none', 'case_status']);
/** A message the classifier could not place, or placed unsurely. */
const notPlaced = (nlu: ParseResult): boolean => nlu.intent.name === 'none' || lowConfidence(nlu);
const unsureOrCase = (nlu: ParseResult): boolean => notPlaced(nlu) || nlu.intent.name === 'case_status';

export function step(state: DialogState, input: StepInput, ctx: StepContext): StepResult {
  if (input.kind === 'case_loaded') return onCaseLoaded(state, flowCtx(ctx, 'case_status', 1), input.caseNumber, input.record, input.now);
  if (input.kind === 'case_guarded') return onCaseGuarded(state, flowCtx(ctx, 'case_status', 1), input.caseNumber, input.until);
  if (input.kind === 'case_unavailable') return onCaseUnavailable(state, ctx, input.caseNumber, input.now);
  if (input.kind === 'code_sent') return onCodeSent(state, flowCtx(ctx, 'case_status', 1), input.sent, input.now);
  if (input.kind === 'code_checked') return onCodeChecked(state, flowCtx(ctx, 'case_status', 1), input.caseNumber, input.ok, input.record, input.now);
  if (input.kind === 'link_code') return onLinkCode(state, ctx, input.code, input.waiting);
  return withNotes(remindCallback(state, onMessage(state, input.text, input.nlu, input.now, ctx, input.handoff), input.text, input.nlu, input.handoff, ctx.dialogs), input.nlu, ctx);
}

function onMessage(before: DialogState, msg: string, nlu: ParseResult, now: string, ctx: StepContext, mode?: HandoffMode | null): StepResult {
  // The topic asked about holds for this one message ("Wat wilt u weten over …?" → "die is te hoog").
  const { askedAbout: about, ...prev } = before;
  const entered: DialogState = leaveCallbackQuestion({ ...prev, turns: prev.turns + 1, lang: answerLanguage(prev, msg, nlu) }, msg, nlu);
  const waiting = duringHandoff(entered, msg, nlu, mode, ctx, now);
  // "Laat maar, wat is de status van Z-2026-000123?": out of the queue, and on with the question.
  if (waiting?.effects.some((e) => e.type === 'handoff_cancel') && cancelsThenAsks(msg, nlu)) return andThen(waiting, (s) => onIntent(s, nlu, now, ctx));
  if (waiting) return waiting;
  const queued = mode?.state === 'queued';
  const scored = feedbackTurn(entered, msg, nlu, mode, ctx.dialogs, now, (words) => asksSomething(words, nlu, ctx.dialogs));
  // "2 want ik wilde eigenlijk weten of jullie zaterdag open zijn": the score, then the question in its words.
  if (scored.result) return scored.thenAnswer ? andThen(scored.result, (s) => onIntent(s, nlu, now, ctx, { queued })) : scored.result;
  let state = scored.state;
  if (scored.wantsPerson) return handOff(state, ctx, nlu, { reason: 'explicit_request', evidence: msg.trim().slice(0, 200) }, now);
  const suggestion = answerSuggestion(state, msg, nlu, ctx.dialogs);
  if (suggestion?.yes) return onIntent(suggestion.state, suggestion.yes, now, ctx);
  if (suggestion?.result) return suggestion.result;
  if (suggestion) state = suggestion.state;
  const fine = answerConcern(state, msg, nlu, ctx.dialogs);
  if (fine) return fine;
  const offer = answerPersonOffer(state, msg, nlu, ctx);
  if (offer?.result) return offer.result;
  if (offer) state = offer.state;
  if (offer?.wantsPerson) return handOff(state, ctx, nlu, { reason: 'explicit_request', evidence: `${msg.trim().slice(0, 150)} (antwoord op: zal ik een medewerker vragen?)` }, now);
  const flow = flowCtx(ctx, nlu.intent.name, nlu.intent.confidence);
  // "Waarom wil je dat weten?" to the question for the postcode: why it is asked, not why the answer before was given.
  const asked = nlu.handoffs.length === 0 ? whyWeAsk(state, flow, msg, nlu.fixed) : null;
  if (asked) return asked;
  // "ja" or "nee" to "Wilt u weten waarom ik dit zeg?" after a status, "nee" after a plain answer; not when it carries a crisis ("ja. ik wil dood").
  const whyOffered = nlu.handoffs.length === 0 ? answerWhyOfferOrNo(state, msg, ctx.dialogs, !!mode && mode.state !== 'ended') : null;
  if (whyOffered) return whyOffered;
  const slow = nlu.handoffs.length === 0 ? statusMonthly(state, msg, flow) ?? statusSick(state, msg, flow) ?? statusHearWhen(state, msg, flow) ?? statusHearNothing(state, msg, flow) ?? statusSlow(state, msg, flow) ?? statusWhyDecided(state, msg, flow) ?? statusSpeedUp(state, msg, flow) ?? statusDecisionWhen(state, msg, flow) ?? statusLate(state, msg, flow) ?? statusPickUp(state, msg, flow) ?? statusStartedEarly(state, msg, flow) ?? statusNeighboursObject(state, msg, flow) ?? statusDoubted(state, msg, flow) : null;
  if (slow) return slow;
  // "waarom moet ik een medewerker spreken?" right after a person was promised: why, not a request for one.
  // So is "why do I need a person?" later, while waiting: the wait's why, not a request for a person once more.
  const whyWaiting = queued && nlu.handoffs.every((h) => h.reason === 'explicit_request') && asksWhyOfAPerson(msg);
  if (asksWhyAPerson(state, msg, nlu) || whyWaiting) return explainHandoff(state, ctx.dialogs, queued);
  if (nlu.handoffs.length === 0 && asksWhy(state, ctx.dialogs, msg, isFollowUp)) return explainConcern(state, ctx.dialogs) ?? explainLastReply(state, ctx.dialogs) ?? explain(state, ctx.dialogs);
  // "dat snap ik niet" right after an answer: say it differently or a person, not a handoff at once (not-clear.ts).
  const unclear = notClear(state, msg, nlu, ctx, flow);
  if (unclear) return unclear;
  const means = statusMeant(state, msg, flow) ?? statusNext(state, msg, flow) ?? (nlu.handoffs.length === 0 ? statusPaid(state, msg, flow) : null) ?? (unsureOrCase(nlu) || startsBeforeDecision(msg) ? statusDated(state, msg, flow) : null);
  if (means) return means;
  const term = nlu.handoffs.length === 0 ? answerTerm(state, msg, nlu, ctx) : null;
  if (term) return term;
  const where = nlu.handoffs.length === 0 ? aboutTheNumber(state, ctx.dialogs, nlu, msg) : null;
  if (where) return where;
  // "english please", or "sorry i dont understand dutch", right after a status told in Dutch: that status again, in English.
  const language = languageAsked(msg, nlu) ?? dutchNotRead(before, msg, nlu);
  if (language) return switchLanguage({ ...state, lang: language }, flow, now, queued, asksAnswerAgain(msg) || statusToldInOther(before, language));
  const byRule = answerByRule(state, msg, nlu, ctx, { queued, unsure: notPlaced(nlu) });
  if (byRule) return byRule;
  if (LINK_REQUEST.test(msg)) return { state, replies: [], effects: [{ type: 'issue_link_code', ...(queued ? { waiting: true } : {}) }] };

  // "wie is mijn contactpersoon?": who handles the application, not "Dat kan ik niet beantwoorden" nor a person at once.
  // "geldt ie ook voor de auto" as the first message: what should hold for the auto (no crisis, no check-in).
  const plainAsked = !queued ? whoHandles(state, msg, nlu, ctx.dialogs) ?? alsoForWhat(state, msg, nlu, ctx.dialogs, notPlaced(nlu)) : null;
  if (plainAsked) return plainAsked;
  // "Wie moet ik dan bellen?" right after an answer that says whom: its sentences, not a person (the lexicon hears "bellen").
  const onlyRequest = nlu.handoffs.length > 0 && nlu.handoffs.every((h) => h.reason === 'explicit_request') && !queued && !justAsked(state);
  // "do I have to come in person?" right after the passport: whether one comes oneself, not a person asked for.
  const said = onlyRequest && (asksWhoToCall(msg) || asksInPerson(msg)) ? comingAfterAnswer(state, ctx, nlu) ?? fromLastAnswer(state, ctx.dialogs, nlu, ['how']) : null;
  if (said) return said;
  const callNow = !queued ? answerCallNow(state, msg, nlu, ctx, now) : null;
  if (callNow) return callNow;
  // Only "kan ik bellen?", with no answer before it that names a number: ours, and when (a person by phone).
  if (onlyRequest && asksCanICall(msg)) return onIntent(state, { ...nlu, intent: { name: 'contact_hours', confidence: 1 }, handoff: null, handoffs: [] }, now, ctx, { queued });
  // "can I bring someone to my appointment?": a person only the classifier heard (no lexicon's words) is that topic's.
  // "kan ik met de bus komen?" (a person only the classifier heard), waiting for a person or not: the answer on getting here.
  const aside = (onlyRequest ? namesAPerson(ctx.dialogs, nlu, state.lastAnswer?.topic) : undefined) ?? (onlyRequest || queued ? heardAsAPerson(ctx.dialogs, nlu, queued) : undefined);
  if (aside) return answer({ ...state, active: null }, ctx, nlu, aside.intent, aside.variant, { queued });
  const signal = strongest(nlu.handoffs);
  if (signal) {
    // What the message tells us is known before the handoff is recorded, also when the flow stops
    // here: the record and the caseworker's summary carry the case number, and nobody asks again.
    const handed = handOff(absorbEntities(withAskingFor(state, msg), nlu.entities, state.active?.step), ctx, nlu, signal, now, { queued });
    if (STOPS_THE_TURN.has(signal.reason)) return handed;
    // Acknowledge the situation, then still answer what was asked: "it say something about 'beschikking'.
    // what is this" from a newcomer who does not understand a letter is that word explained.
    const explained = answerTerm(handed.state, msg, nlu, ctx);
    if (explained) return andThen(handed, () => explained);
    return andThen(handed, (s) => onIntent(s, nlu, now, ctx, { acknowledged: true, queued }));
  }
  const behind = !queued && !state.active ? askedBehindThanks(ctx.dialogs, nlu) : null;
  if (behind) return onIntent(state, behind, now, ctx);
  const several = !queued && !state.active ? severalQuestions(ctx.dialogs, nlu) : null;
  if (several) return several.slice(1).reduce((res, p) => andThen(res, (s) => onIntent(s, p, now, ctx)), onIntent(state, several[0]!, now, ctx));
  // "ze vergeten steeds mijn container" right after a complaint was handed on: what it is about, for the
  // caseworker who takes it, not the answer on waste collection. A question still gets its answer.
  // Case facts ("9012EF 29 februari 1968") still verify the case the handoff is about.
  const tellsFacts = !!state.active || nlu.entities.some((e) => CASE_ENTITIES.has(e.type));
  if (queued && TOLD_FOR_THE_CASEWORKER.has(state.handoffs.at(-1)?.reason ?? '') && !isQuestion(msg) && !tellsFacts) return kept(state, ctx, nlu);
  return onIntent(state, nlu, now, ctx, { queued, ...(about ? { about } : {}) });
}

/**
 * `acknowledged`: a special situation was just acknowledged with the person it promises. When the
 * message asks nothing more ("ik heb schulden en de deurwaarder komt morgen"), that is the answer:
 * "Sorry, dat begrijp ik niet goed" after it would take both back.
 * `queued`: the citizen waits for a person. A message the assistant cannot place is for that person
 * ("ok en dan?", a story, an address): it is kept for them, not answered with the list of topics,
 * and not counted towards a second handoff.
 */
function onIntent(state: DialogState, given: ParseResult, now: string, ctx: StepContext, opts: { acknowledged?: boolean; queued?: boolean; about?: string } = {}): StepResult {
  const { dialogs } = ctx;
  // "I didn't change anything" tells what did not happen: no change of details to report.
  const unchanged = given.intent.name === 'change_details' && NOTHING_CHANGED.test(given.text) ? { ...given, intent: { name: 'none', confidence: given.intent.confidence } } : given;
  const asked = withoutClosingThatAsks(unchanged);
  const nlu = withIfRefused(withTriedYear(withAskedDate(withTypedNumber(asked, state), state.active?.step, now), state.active?.tried), state.active?.step, APPLIED_FOR.has(state.lastAnswer?.trace.dialog ?? ''));
  // After "Wat wilt u weten over de afvalstoffenheffing?", "die is veel te hoog" is about that (case-or-topic.ts).
  const about = stillAbout(opts.about, nlu.text);
  const answersFlow = nlu.entities.some((e) => CASE_ENTITIES.has(e.type));
  const movedInFlow = movedWhileAsked(state, nlu);
  const switches = nlu.intent.name !== 'none' && nlu.intent.name !== 'case_status' && nlu.intent.confidence >= SWITCH_CONFIDENCE && !movedInFlow;

  const inFlow = inCaseFlow(state, nlu, ctx, now, { ...opts, answersFlow, switches });
  if (inFlow) return inFlow;

  // A bare case number (or postcode and birth date while a case is known) means the case question,
  // whatever the classifier made of so few words.
  // So are a postcode and birth date sent without a question ("1234 AB 15-03-1980"): the flow thanks
  // and asks for the number alone.
  const caseFacts = nlu.entities.some((e) => e.type === 'case_number' || e.type === 'postcode')
    || (!!state.facts.caseNumber && nlu.entities.some((e) => e.type === 'date'));
  // "ik weet mijn zaaknummer niet" as a first question: the case question without its number.
  const noNumber = !caseFacts && !opts.queued && nlu.intent.name === 'none' && CASE_NUMBER_WORD.test(nlu.text) && saysWithoutCaseNumber(nlu.text);
  // "en de andere?" after a status: another case, whatever the classifier made of "andere" (details to change).
  const otherCase = !opts.queued && state.lastAnswer?.trace.dialog === 'case_status' && onlyOtherCase(withoutEntities(nlu.text, nlu), state.facts.caseType);
  // "ik heb 2 aanvragen lopen", not placed; "wanneer komt mijn parkeervergunning?", read as its cost, and "waar blijft mijn
  // vergunning?", read as the opening hours: the case question.
  // "waarom is het nog niet klaar?" with no answer before (read as a payment): the case question.
  const asksCase = !caseFacts && !opts.queued && ((notPlaced(nlu) && severalCases(nlu.text)) || awaitsOwnCase(nlu.text) || (!state.lastAnswer && whySlowAlone(nlu.text)));
  // "prijs?", "price?" right after an answer or a status, which the classifier could not place: the price of what was just
  // answered (it got "Dat kan ik niet beantwoorden" right after a parking permit's status), as "kosten?" read as a payment gets.
  // So is "is het gratis?" right after the passport, whose answer has no word of it (read-after-answer.ts costNotNamed).
  const bareCost = !caseFacts && !opts.queued && !!state.lastAnswer && notPlaced(nlu) && nlu.handoffs.length === 0 && (BARE_COST.test(nlu.text) || costNotNamed(state, dialogs, nlu.text));
  const intentId = ((caseFacts || noNumber) && (notPlaced(nlu) || otherCase)) || asksCase ? 'case_status' : bareCost ? 'payment' : nlu.intent.name;
  const intent = dialogs.intents.get(intentId) ?? dialogs.intents.get('none')!;
  const base: DialogState = { ...state, active: null };
  const last = lastAnswered(state, dialogs);
  const notPaid = !caseFacts && !opts.queued ? notPaidYet(base, ctx, nlu, last, intent.id) : null;
  if (notPaid) return notPaid;
  // After a death was told (also while waiting): "en zijn rijbewijs?", "moet ik de bank bellen?" right after what the
  // death arranges by itself, "do i need to cancel her parking permit": the answer on that after a death (their-matters.ts).
  const theirs = !caseFacts ? afterDeathAsked(state, base, ctx, nlu) : null;
  if (theirs) return theirs;
  const lastVariant = lastTopic(state, last);
  // "kan t ook zaterdag?", "en zaterdag?" right after another intent's answer that sends the citizen to the
  // desk (an ID card applied for there): a day of the desk. Not after a place with days of its own (a wedding).
  const deskAnswer = !caseFacts && !opts.queued && !!last && last.id !== 'contact_hours' && afterAnAnswer(state, last) && !lastVariant?.own_hours
    && wordCount(nlu.text) <= 8 && (isFollowUp(nlu.text) || swapsTheThing(nlu.text)) && ABOUT_DESK.test(lastText(state, last))
    // "i leave on friday, is that enough time?": whether it is ready in time (next-step.ts), not the desk on Friday.
    && !asksInTime(nlu.text);
  // "zijn jullie morgen open?", and "en zaterdag?" right after the opening hours: that day.
  // (A follow-up of a few words: "en zaterdag?", "ook op zondag open?".)
  // ("en morgenavond?" may look like a greeting to the classifier: "morgen" as in "goedemorgen".)
  const hoursAbout = !caseFacts && (intent.id === 'contact_hours' || (last?.id === 'contact_hours' && (intent.id === 'none' || intent.id === 'greeting') && wordCount(nlu.text) <= 6)
    || (deskAnswer && (notPlaced(nlu) || intent.id === 'greeting')));
  const day = hoursAbout && ctx.officeHours ? dayAsked(nlu.text, nlu.entities, new Date(now), ctx.officeHours.timeZone, dialogs.holidayNames) : null;
  // Not after a place with hours of its own (the recycling centre), nor when the message names another topic.
  // After the desk's hours for collecting a passport it is that day of the office.
  // "tot hoe laat?", "ook 's avonds?" right after the office's hours: today's, the day's just told, or the evenings.
  const hoursOf = last?.id !== 'contact_hours' ? null : day ?? (!lastVariant && ctx.officeHours ? hoursFollowUp(nlu.text, new Date(now), ctx.officeHours.timeZone, state.lastAnswer?.hoursDay, hoursAbout) : null);
  if (hoursOf && !lastVariant?.own_hours && !variantFor(last!, nlu.text, undefined, false)) return openingDay(base, ctx, nlu, last!, hoursOf, now, true, undefined, !!state.lastAnswer?.hoursDesk || !!lastVariant?.atDesk);
  // "en zondag?" right after the recycling centre, whose days are its own: what its answer says on when it is open.
  const ownDay = hoursOf && lastVariant?.own_hours && !opts.queued ? openInAnswer(state, dialogs, nlu) : null;
  if (ownDay) return ownDay;
  // That day of the desk, with the answer's own words on an appointment; the topic stays the one just answered.
  // Not the hours' answer on that topic ("t" points back at the ID card: collecting it), which was not asked.
  // Nor a narrower case of the topic its words keep to ("kan ik het nu al doen?" right after the move: reporting it early, not the desk now).
  if (deskAnswer && day && !variantFor(intent, nlu.text, undefined, true) && !keptToTopic(last!, nlu.text, state.lastAnswer?.topic)) {
    const told = openingDay(base, ctx, nlu, last!, day, now, true, lastVariant, true);
    const appointment = appointmentInAnswer(state, dialogs);
    return appointment ? { ...told, replies: told.replies.map((r, i) => (i === 0 ? { ...r, text: `${r.text} ${appointment}` } : r)) } : told;
  }
  // A follow-up about something the topic just answered names ("die is gestopt" after the answer on
  // huurtoeslag, which says where to see why it stopped): that topic, not the variant its word suggests
  // (a benefit that stopped). answer() then quotes the sentence.
  const stays = lastVariant && isFollowUp(nlu.text) && namedInAnswer(lastVariant.answer[state.lang], nlu.text) !== null ? lastVariant : undefined;
  // A follow-up about the very status or answer just told ("een vergunning", "en dan?", "hoe lang is hij geldig?").
  const told = !caseFacts && !opts.queued ? aboutWhatWasSaid(state, base, ctx, nlu) : null;
  if (told) return told;
  // Words the topic just answered keeps to (`follow_up`), read as another intent or not placed: that topic, or a
  // narrower case of it. (An intent's own answer keeps to them in variantFor.)
  const kept = last && !caseFacts && !opts.queued && (last.id !== intent.id || intent.id === 'none') ? keptToTopic(last, nlu.text, state.lastAnswer?.topic) : undefined;
  const followUp = kept ?? (last && last.id !== intent.id && !caseFacts && !opts.queued ? stays ?? followUpVariant(last, nlu.text, intent, state.lastAnswer?.topic) : undefined);
  // A kind of question ("kan dat in termijnen?") that the answer just given has a sentence for: that sentence.
  const quoted = followUp?.general ? fromLastAnswer(state, dialogs, nlu, ['how']) : null;
  if (followUp) return quoted ?? answer(base, ctx, nlu, last!, followUp);
  // "how many times a year?" right after the answer on waste (none), not placed: that topic's words in another intent (payment/waste).
  const onTopic = last && !caseFacts && !opts.queued ? followUpOfTopic(dialogs, [last.id, intent.id], state.lastAnswer?.topic, nlu.text) : undefined;
  if (onTopic) return answer(base, ctx, nlu, onTopic.intent, onTopic.variant);
  // "can I do it by email?" right after the objection answer: that answer's words on how, whatever intent the e-mail suggested.
  // "binnen hoeveel tijd?" right after it (which the classifier may take for a payment question): that answer's time.
  const onlyTime = asksOnlyTime(nlu.text);
  const how = last && !caseFacts && !opts.queued && (isFollowUp(nlu.text) || asksOfAnswer(nlu.text) || onlyTime) ? fromLastAnswer(state, dialogs, nlu, onlyTime ? ['time'] : ['how']) : null;
  if (how) return how;
  // "can i do it online?" right after a case's status, read unsurely as changing one's details (or surely, when it names a
  // way: "kan dat ook online"): "it" is that case, and the answer on one's details, naming none of its topics, is beside it.
  // Such a reading is no reading: the message goes on as one not placed, as "kan ik het online doen?" does. (Not a payment:
  // its answer right after a status gives the status's payment date, "waar haal ik het geld op?".)
  const besideTheCase = state.lastAnswer?.trace.dialog === 'case_status' && !caseFacts && !opts.queued && (lowConfidence(nlu) || asksAWay(nlu.text)) && intent.id === 'change_details'
    && isFollowUp(nlu.text) && !variantFor(intent, nlu.text, undefined, true);
  // "en mijn andere aanvraag?", "hoe zit het met mijn dakkapel?" after the parking permit's status:
  // another case, so its number; not the status told again.
  const unsure = intent.id === 'none' || lowConfidence(nlu);
  // "en zaak 124?" after the status of Z-2026-000123: the whole number, asked with "Z-2026-000124" as the example.
  const short = !opts.queued && state.lastAnswer?.trace.dialog === 'case_status' && !nlu.entities.some((e) => e.type === 'case_number') ? shortCaseNumber(nlu.text, state.facts.caseNumber) : null;
  if (short) return askOtherCase(base, flowCtx(ctx, intent.id, nlu.intent.confidence), now, short);
  // Not "hoe lang duurt een paspoort?" after the dormer's status: how long a passport takes, which has an answer of its own.
  if ((intent.flow === 'case_status' || unsure || otherCase) && !nlu.entities.some((e) => e.type === 'case_number') && ((asksAnotherCase(nlu.text, state.facts.caseType) && !asksNoStatus(nlu.text)) || (asksCase && !!state.facts.caseType))) {
    return askOtherCase(base, flowCtx(ctx, intent.id, nlu.intent.confidence), now);
  }
  // "hoe lang duurt dat?" after an answer (the BRP extract): about that answer, not the case question.
  // "hoe lang duurt het nog?" waits for something of the citizen's own: that is the case question.
  if (intent.flow === 'case_status' && afterAnAnswer(state, last) && !caseFacts && !opts.queued && (isFollowUp(nlu.text) || BARE_WHEN.test(nlu.text)) && !STILL.test(nlu.text)) return fromLastAnswer(state, dialogs, nlu) ?? askAgain(state, dialogs, nlu);
  if (intent.flow === 'case_status') {
    // Read as the case question, but about a topic with an answer of its own (case-or-topic.ts).
    const topic = caseFacts ? undefined : topicNotCase(dialogs, nlu.text, lowConfidence(nlu), last?.id) ?? (nlu.fixed ? topicNotCase(dialogs, nlu.fixed, lowConfidence(nlu), last?.id) : undefined);
    if (topic) return answer(base, ctx, nlu, topic.intent, topic.variant);
    const fctx = flowCtx(ctx, intent.id, nlu.intent.confidence);
    const started = advanceCase({ ...absorbEntities(withAskingFor(base, nlu.text, { start: true }), nlu.entities, 'ask_number', nlu.text), fallbacks: 0 }, fctx, now);
    // "hoe staat het met mijn aanvraag? ik heb geen zaaknummer": where to find it, not the question for it.
    return firstCaseReply(started, fctx, nlu.text, opts.queued, nlu.entities);
  }
  if (intent.handoff) {
    // "I want to speak to someone about my debts": the situation's acknowledgement just promised a
    // person; a second "Natuurlijk, ik zorg dat een medewerker u helpt" would say it twice. A callback
    // asked for still counts.
    if (opts.acknowledged) return withCallback({ state, replies: [], effects: [] }, nlu, ctx, now);
    return handOff(base, ctx, nlu, { reason: intent.handoff as HandoffSignal['reason'], evidence: nlu.text.slice(0, 200) }, now, { queued: opts.queued });
  }
  // "Do I need to go to the police?" right after the answer on a lost ID card, which says so, read
  // unsurely as an intent (the documents to send): that answer's sentence, as for a message not placed. Not "price?" (bareCost).
  const readUnsurely = intent.id !== 'none' && last && lowConfidence(nlu) && !caseFacts && !opts.queued && !opts.acknowledged && !bareCost;
  const named = readUnsurely ? fromLastAnswer(state, dialogs, nlu, ['named']) : null;
  if (named) return named;
  // "mijn vader is overleden, wat moet ik doen?", which no intent takes: what the registration of the death
  // arranges by itself, as for "… wat moet ik regelen?" (read as documents), not the condolences alone.
  const afterDeath = intent.id === 'none' && opts.acknowledged ? afterSituation(state, base, ctx, nlu, intent.id, false, true) : null;
  if (afterDeath) return afterDeath;
  if (intent.id === 'none' || besideTheCase) {
    const near = { last: last?.id, suggested: nlu.suggestion?.name, topic: state.lastAnswer?.topic ?? state.lastAnswer?.caseTopic };
    const notPlacedNlu = besideTheCase ? { ...nlu, intent: { name: 'none', confidence: nlu.intent.confidence } } : nlu;
    return onNotPlaced(state, base, ctx, notPlacedNlu, now, near, { ...opts, about });
  }

  // "hallo" after the greeting: the introduction again would say nothing new. Nor after the acknowledgement
  // of a situation ("hoi ik heb schulden en de deurwaarder komt morgen"): the person it promises comes next.
  if (intent.id === 'greeting' && opts.acknowledged) return { state, replies: [], effects: [] };
  if (intent.id === 'greeting' && state.lastAnswer?.trace.dialog === 'greeting') return help(state, ctx, 'go_ahead');
  // "Hello I need help with my rent allowance": a greeting that names a topic with an answer of its own.
  const greetedAbout = intent.id === 'greeting' ? unsureVariant(dialogs, nlu.text) : undefined;
  if (greetedAbout) return answer(base, ctx, nlu, greetedAbout.intent, greetedAbout.variant);
  // "hoi" right after the web chat's welcome, which introduced the assistant already. A greeting in the
  // other language ("hello" after the Dutch welcome) gets the introduction, in words the citizen reads.
  if (intent.id === 'greeting' && state.welcomed === state.lang && !state.lastAnswer) return help(state, ctx, 'greeting_after_welcome');
  // "is die nog geldig?" after "Wat wilt u weten over uw paspoort?", read unsurely (as the fees): the narrower
  // case the message names itself (validity), within the topic asked about.
  const own = about && lowConfidence(nlu) && !opts.queued && !ASKS_COST.test(nlu.text) && !variantFor(intent, nlu.text, undefined, last?.id !== intent.id) ? unsureVariant(dialogs, nlu.text, { last: last?.id }) : undefined;
  const parent = own ? own.intent.variants?.find((v) => isWithin(own.variant, v.id) && mentions(v, about!)) : undefined;
  if (own && parent) return answer(base, ctx, nlu, own.intent, own.variant);
  // "hoeveel?" with no fee just answered: first, right after when benefits are paid, right after a status that says a payment.
  const howMuch = !state.lastAnswer?.topic && !state.lastAnswer?.caseTopic && (!last || last.id === intent.id || !!state.lastAnswer?.paid) ? bareHowMuch(intent, nlu.text) : undefined;
  const variantIn = (text: string) => inWords(text, about, (msg) => variantFor(intent, msg, topicKnownBy(intent, last, state.lastAnswer?.topic) ?? (ASKS_COST.test(msg) || BARE_HOW_MUCH.test(msg) || ASKS_WHEN_I_PAY.test(msg) ? state.lastAnswer?.caseTopic : undefined), last?.id !== intent.id));
  // The words as the NLU read them ("paspoort verlenge" → "verlengen") only when the words as written name no topic.
  const variant = variantIn(nlu.text) ?? howMuch ?? (nlu.fixed ? variantIn(nlu.fixed) : undefined);
  // "wat kost hondenbelasting?": the dog tax has an answer of its own; "geboorteaangifte", read unsurely as documents: a birth.
  // Not for objecting: how to object is the same whatever it is about ("bezwaar tegen de afvalboete").
  // How to pay (in instalments) gives way only to what another body handles ("inkomstenbelasting in termijnen").
  const readUnsure = lowConfidence(nlu) && intent.id !== 'objection';
  const nearIn = (text: string) => inWords(text, about, (msg) => topicElsewhere(dialogs, intent, msg, readUnsure)) ?? (readUnsure && !variant ? unsureVariant(dialogs, text, { last: last?.id }) : undefined);
  const near = variant && !givesWayToOtherBody(variant) ? undefined : nearIn(nlu.text) ?? (nlu.fixed ? nearIn(nlu.fixed) : undefined);
  const elsewhere = variant && !near?.variant.other_body ? undefined : near;
  // A variant's answer (the address, the desk without appointment) keeps the day asked about ("en zijn jullie zaterdag open?").
  // "op zaterdag ook?" right after the recycling centre or a wedding, places with days of their own: not the office's days;
  // "hoe maak ik een afspraak?" there: that answer's own appointment (bulky waste's), not the desk's.
  if (intent.id === 'contact_hours' && !variant && lastVariant?.own_hours && !opts.queued && wordCount(nlu.text) <= 8) {
    return fromLastAnswer(state, dialogs, nlu, ['time', 'how', 'named']) ?? appointmentAsked(state, dialogs, nlu) ?? askAgain(state, dialogs, nlu);
  }
  // Not when another topic answers a message read unsurely as the hours ("what is my BSN number?").
  // A day asked about still gets the office's day ("… DigiD … hoe laat zijn jullie morgen open"), unless that topic keeps its own days.
  const hoursAsked = !variant ? !elsewhere || (!!day && !elsewhere.variant.own_hours) : !!day && !variant.own_hours;
  const hoursAsPayment = intent.id === 'contact_hours' && !variant && !opts.queued ? hoursReadAfterPayment(state, dialogs, nlu, last) : null;
  if (hoursAsPayment) return hoursAsPayment;
  // "hoe maak ik een afspraak?" right after the answer on bulky waste: where that answer says to make one, not the desk's.
  const appointment = intent.id === 'contact_hours' && !day && !opts.queued && last && (last.id !== 'contact_hours' || !!lastVariant?.own_hours) && afterAnAnswer(state, last) ? appointmentAsked(state, dialogs, nlu) : null;
  if (appointment) return appointment;
  if (intent.id === 'contact_hours' && hoursAsked && ctx.officeHours) return openingDay(base, ctx, nlu, intent, day, now, false, variant);
  // After a situation was acknowledged: the answer that fits it, or none (after-situation.ts).
  const instead = afterSituation(state, base, ctx, nlu, intent.id, !!(variant ?? elsewhere), !!opts.acknowledged);
  if (instead) return instead;
  const whenAsked = intent.id === 'payment' && !elsewhere && !opts.queued ? whenReadAsPayment(state, dialogs, nlu, variant, last) : null;
  if (whenAsked) return whenAsked;
  const readElse = opts.queued || elsewhere ? null : intent.id === 'payment' ? howMuchAfterAnswer(state, dialogs, nlu, variant, last) : papersNotAsked(state, dialogs, nlu, intent, variant, last);
  if (readElse) return readElse;
  const resort = !variant && !elsewhere ? lastResort(intent, nlu.text) : undefined;
  const cost = intent.id === 'payment' && !variant && !elsewhere && !opts.queued ? costAfterAnswer(state, base, ctx, nlu, intent, last, resort) : null;
  if (cost) return cost;
  // "Kan ik bezwaar maken?" right after a status that is no decision yet: there is nothing to object to yet.
  // Only a bare question ("kan ik bezwaar maken?", "en als ik het er niet mee eens ben?"), not one against
  // something else ("… tegen mijn parkeerboete").
  const bareObjection = disagrees(nlu.text) || (wordCount(nlu.text) <= 6 && !/\b(tegen|against|buurman|buurvrouw|buren|neighbou?rs?)\b/i.test(nlu.text));
  const tooEarly = intent.id === 'objection' && bareObjection && !variant && !elsewhere && !opts.queued ? objectionTooEarly(state, flowCtx(ctx, intent.id, nlu.intent.confidence)) : null;
  if (tooEarly) return tooEarly;
  const chosen = variant ?? resort;
  const answered = withHowLong(answer(base, ctx, nlu, elsewhere?.intent ?? intent, elsewhere?.variant ?? chosen, { queued: opts.queued }), nlu.text, dialogs);
  // "wanneer krijg ik het geld?" right after a status that says when: that first.
  // Not "kost het iets?", "hoe betaal ik?": the citizen pays there, and when we pay them is beside the point.
  return intent.id === 'payment' && !elsewhere && (!chosen || ((chosen.general || chosen.last_resort) && !chosen.citizen_pays)) ? withPaymentLine(answered, state.lastAnswer) : answered;
}

export type { Reply };
