/**
 * The answer to an intent, or to a narrower topic of it (variants.ts); the same answer twice in a row
 * offers a person; the opening hours with the day asked about; a message kept for the caseworker while
 * the citizen waits. Pure, like step.ts.
 */
import { crisisText } from './crisis-kind.ts';
import type { ParseResult } from '../nlu/types.ts';
import { absorbEntities } from './case-flow.ts';
import { askFeedback } from './feedback.ts';
import { asksCost, CLOSING, fromLastAnswer, isPlainAnswer, namedInAnswer } from './last-answer.ts';
import { asksAWay } from './ways-in-answer.ts';
import { ABOUT_DESK, alwaysLine, deskHoursOf, eveningLine, openingLine, withOpeningLine, type DayAsked } from './opening-hours.ts';
import { offerPerson } from './rules.ts';
import type { StepContext } from './step.ts';
import { andThen, text, texts, trace } from './texts.ts';
import type { AnswerVariant, DialogSet, DialogState, IntentDef, Reply, Source, StepResult } from './types.ts';
import { asked, isFollowUp, isShort, NAMES_HOW_MUCH, namedAt, swapsTheThing, wordCount } from './variants.ts';
import { costSentences, parkingInAnswer, sentencesOf, withAsked } from './answer-sentences.ts';
import { narrowerByThing, otherwiseFor, presumedBy } from './presumes.ts';

/**
 * The opening hours with the day asked about first (or whether the office is open now), from the office
 * hours and the holidays (opening-hours.ts). `only`: a follow-up on the hours just given, so that day alone.
 * The desk's day (`desk_hours`) when the message or the variant is about the desk, or `desk` says the
 * hours just given were the desk's: a 24/7 contact centre's desk still closes at night.
 */
export function openingDay(state: DialogState, ctx: StepContext, nlu: ParseResult, intent: IntentDef, day: DayAsked | null, now: string, only: boolean, variant?: AnswerVariant, desk = false): StepResult {
  const atDesk = desk || !!variant?.atDesk || ABOUT_DESK.test(nlu.text);
  const hours = atDesk ? deskHoursOf(ctx.dialogs, ctx.officeHours!) : ctx.officeHours!;
  // Open day and night: a day asked right after the hours is that one calls then too, and the desk's day.
  const line = day?.kind === 'evenings' ? eveningLine(ctx.dialogs, ctx.officeHours!, state.lang) : openingLine(ctx.dialogs, hours, new Date(now), day, state.lang, atDesk ? 'desk' : 'hours') ?? (only && day && hours.always ? alwaysLine(ctx.dialogs, hours, new Date(now), day, state.lang) : null);
  const told = withOpeningLine(answer(state, ctx, nlu, intent, variant, { fresh: !!day }), ctx.dialogs, line, now, only);
  const last = told.state.lastAnswer;
  if (!last) return told;
  const marks = { ...(day?.kind === 'day' ? { hoursDay: day.date } : {}), ...(atDesk ? { hoursDesk: true } : {}) };
  return Object.keys(marks).length > 0 ? { ...told, state: { ...told.state, lastAnswer: { ...last, ...marks } } } : told;
}

/** "hoe zit het met …", "en hoe zit het dan met …": a thing named, its words after it. */
const HOW_ABOUT = /^\s*((en|maar|ok(é|e)?)[,]?\s+)?(en )?hoe zit het (dan |nou |eigenlijk )*met\s+/i;
/** "there", "daar": a place the answer named, pointed back at. */
const THERE = /(^|[^\p{L}])(there|daar|daarheen|erheen)([^\p{L}]|$)/iu;
/** Words of leaving, beside a thanks ("bedankt, doei", "thanks, bye"). */
const TAKES_LEAVE = /\b(doei|doeg|dag dag|tot ziens|tot later|tot de volgende keer|fijne dag|bye|goodbye|see you|have a nice day)\b/i;

function presumed(dialogs: DialogSet, msg: string): { presumed?: string[] } {
  const ids = presumedBy(dialogs, msg);
  return ids ? { presumed: ids } : {};
}

/** The intent's answer, or that of one of its variants (variants.ts); a goodbye or thanks asks for feedback. */
export function answer(state: DialogState, ctx: StepContext, nlu: ParseResult, given: IntentDef, variant: AnswerVariant | undefined, opts: { queued?: boolean; fresh?: boolean } = {}): StepResult {
  const { dialogs } = ctx;
  // "kan ik nog op vakantie?" after the plain passport answer: travelling on it while valid, no expiry presumed.
  const instead = otherwiseFor(state, nlu.text, variant, dialogs);
  if (instead) return answer(state, ctx, nlu, instead.intent, instead.variant, opts);
  // "kan mijn vrouw hem ophalen?" right after collecting a driving licence: that thing's case of who may collect it.
  const narrower = narrowerByThing(state, nlu.text, given, variant, dialogs);
  if (narrower) return answer(state, ctx, nlu, narrower.intent, narrower.variant, opts);
  // "bedankt, doei": a thanks that takes leave is a goodbye ("Tot ziens!"), not "Heeft u nog een vraag?".
  const intent = given.id === 'thanks' && !variant && TAKES_LEAVE.test(nlu.text) ? dialogs.intents.get('goodbye') ?? given : given;
  // The same answer twice in a row ("en hoeveel krijg ik?" after the payment answer) may still hold
  // what was asked ("hoe laat zijn jullie morgen open?"), but if it did not the first time, it will
  // not now: it comes with the offer of a person who knows more.
  // `fresh`: the same intent, but about something the answer before did not say (another day's hours).
  // A variant with the text of the one before (`same_as`: the fees of a driving licence after a passport's) is the same answer.
  const before = state.lastAnswer?.topic ? intent.variants?.find((v) => v.id === state.lastAnswer!.topic) : undefined;
  const sameText = !!variant && !!before && before.answer?.[state.lang] === variant.answer?.[state.lang];
  const same = state.lastAnswer?.trace.dialog === intent.id && state.lastAnswer.trace.step === 'answer' && (state.lastAnswer.topic === variant?.id || sameText) && isPlainAnswer(intent) && !opts.fresh;
  // Waiting for a person, the same answer again says nothing new: the message is kept for that person.
  if (same && opts.queued) return kept(absorbEntities(state, nlu.entities, undefined), ctx, nlu);
  const again = same && !opts.queued;
  const sources: Source[] = [{ kind: 'dialog', ref: intent.file }, ...(variant ? [{ kind: 'rule' as const, ref: `topic:${variant.id}` }] : [])];
  const t = trace(dialogs, { dialog: intent.id, step: 'answer', intent: nlu.intent.name, confidence: nlu.intent.confidence, sources });
  const explainTexts = variant?.rule ?? intent.rule ?? texts(dialogs, 'why.default');
  const answered: DialogState = { ...absorbEntities(state, nlu.entities, undefined), fallbacks: 0, lastAnswer: { trace: t, explain: explainTexts, ...(variant ? { topic: variant.id } : {}), ...presumed(dialogs, nlu.text) } };
  const reply: Reply = { text: (variant?.answer ?? intent.answer!)[state.lang], trace: t };
  // A goodbye or thanks closes the contact: ask how it went, once per contact. Not while the citizen
  // waits for a person ("i'm fine, thanks" in the queue after a crisis): the person has not come yet,
  // and their closing asks it.
  if (CLOSING.has(intent.id) && state.feedbackAbout !== 'contact' && !opts.queued) {
    const asked = askFeedback(answered, dialogs, 'contact');
    return { state: asked.state, replies: [reply, asked.reply], effects: [] };
  }
  // Asked again about one thing the answer names ("en als ik een auto heb?"): that sentence of it.
  // "hoeveel moet ik terugbetalen?" again after the answer on paying back, which says "In de brief staat hoeveel en
  // waarom.": that sentence, not the whole answer and the offer of a person.
  // So does "cost?" again after remission: its sentence on cost ("Kwijtschelding aanvragen is gratis").
  // "can i park there?" again after the town hall's address: its sentence on where to park (a place pointed back at).
  // "what about grofvuil", "en grofvuil?" right after the answer on waste (a variant of none, which never counts as the same
  // answer again): its sentence on bulky waste, not the whole answer once more. So does "hoe zit het met grofvuil?" there
  // (after another intent's answer it asks as "hoe" does: the same answer, with the offer of a person).
  const noneAgain = !same && !opts.queued && !opts.fresh && intent.id === 'none' && !!variant && state.lastAnswer?.trace.dialog === 'none' && state.lastAnswer.trace.step === 'answer' && state.lastAnswer.topic === variant.id;
  const swapped = noneAgain && (swapsTheThing(nlu.text) || HOW_ABOUT.test(nlu.text)) ? withAsked(reply.text, namedInAnswer(reply.text, nlu.text.replace(HOW_ABOUT, ''))) : null;
  const named = swapped ?? (again ? ((isFollowUp(nlu.text) || swapsTheThing(nlu.text) || (isShort(nlu.text) && THERE.test(nlu.text)) ? namedInAnswer(reply.text, nlu.text) : null) ?? howMuchInAnswer(reply.text, nlu.text) ?? parkingInAnswer(reply.text, nlu.text) ?? followUpInAnswer(reply.text, nlu.text, variant) ?? (asksCost(nlu.text) ? costSentences(reply.text) || null : null)) : null);
  // "hoe upload ik die?" read as the papers again, right after that answer: its sentence on that way ("U kunt papieren uploaden via …").
  const way = again && !named && asksAWay(nlu.text) ? fromLastAnswer(state, dialogs, nlu, ['how']) : null;
  if (way) return way;
  if (named) {
    const quoted = trace(dialogs, { dialog: intent.id, step: 'named_in_answer', intent: nlu.intent.name, confidence: nlu.intent.confidence, sources });
    return { state: answered, replies: [{ text: text(dialogs, 'answer.time_in_answer', state.lang, { sentence: named }), trace: quoted }], effects: [] };
  }
  if (again) return andThen({ state: answered, replies: [reply], effects: [] }, (s) => offerPerson(s, ctx, nlu, intent.id, 'same_again', 'answer.same_again', intent.file));
  return { state: answered, replies: [reply], effects: [] };
}

/** For a short question of how much: the answer's one sentence that says where the amount is ("In de brief staat hoeveel …"), or null. */
function howMuchInAnswer(said: string, msg: string): string | null {
  if (!NAMES_HOW_MUCH.test(msg) || wordCount(msg) > 8) return null;
  const found = sentencesOf(said, (x) => NAMES_HOW_MUCH.test(x));
  return found.length === 1 ? found[0]! : null;
}

/**
 * "hoeveel keer per jaar?" right after the answer on bulky waste's cost, by that topic's `follow_up` words: the answer's
 * sentences that share a word with it ("… 4 keer per jaar gratis. Daarna kost het 25 euro per keer."), else its first
 * (which the words were written for). It got the whole answer again and the offer of a person.
 */
function followUpInAnswer(said: string, msg: string, variant: AnswerVariant | undefined): string | null {
  if (!variant?.follow_up || !isShort(msg) || !namedAt(variant, asked(msg), variant.follow_up, true)) return null;
  const words = new Set(msg.toLowerCase().split(/[^\p{L}]+/u).filter((w) => w.length >= 4));
  const all = sentencesOf(said, () => true);
  const sharing = all.filter((x) => x.toLowerCase().split(/[^\p{L}]+/u).some((w) => words.has(w)));
  return (sharing.length > 0 ? sharing.slice(0, 2) : all.slice(0, 1)).join(' ') || null;
}

/** While waiting for a person: the message is kept in the transcript the caseworker reads. */
export function kept(state: DialogState, ctx: StepContext, nlu: ParseResult): StepResult {
  const t = trace(ctx.dialogs, { dialog: 'handoff', step: 'kept_for_caseworker', intent: nlu.intent.name, confidence: nlu.intent.confidence, sources: [{ kind: 'dialog', ref: 'dialogs/flows/handoff.yaml' }] });
  // Waiting after a crisis: the crisis line with it, every time (its kind's: Veilig Thuis, 112).
  return { state, replies: [{ text: text(ctx.dialogs, crisisText(ctx.dialogs, state.handoffs, 'handoff.kept'), state.lang), trace: t }], effects: [] };
}
