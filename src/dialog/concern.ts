/**
 * A crisis the NLU only leans to (ParseResult.concern: the learned model between the distress
 * lexicon's `model_concern_threshold` and its `model_threshold`). That is no handoff: most such
 * messages are everyday questions with a dark word in them. But a missed crisis costs more than a
 * question too many, so once per conversation the assistant asks after its answer whether all is
 * well, gives the crisis line and offers a person. A yes is a handoff for distress, with the words
 * that worried it as the evidence. Pure, like step.ts.
 */
import type { HandoffReason, ParseResult } from '../nlu/types.ts';
import { text, trace } from './texts.ts';
import { asksIfLate, asksWhyDecided, asksWhySlow, whySlowAlone } from './about-status.ts';
import { asksTryAgainAfterLock } from './after-lock.ts';
import { disagrees, isCorrection, LEAVE_FLOW, withTriedYear } from './case-answers.ts';
import { speaksEnglishInstead, withoutEntities } from './language.ts';
import { lastTopic } from './answer-sentences.ts';
import { asksNextStep } from './next-step.ts';
import { DONT_KNOW_ONLY, NOT_AT_HAND_ONLY, notAtHand, THEY_DONT_KNOW, THEY_UNSURE } from './not-at-hand.ts';
import { BARE_COST, BARE_HOW_MUCH, wordsBeside } from './variants.ts';
import { ofTheAnswersWords } from './why.ts';
import { sameQuestionForOther } from './other-case.ts';
import { followsUpPlainly, someoneElseBesidePerson, someoneOfUsForMe } from './plain-follow-up.ts';
import { isDecline } from './yes-no.ts';
import { asksWhomToTellOnly } from './after-situation.ts';
import type { DialogSet, DialogState, HandoffMode, Reply, StepResult } from './types.ts';

/** The reasons whose lean the assistant asks about; the others have no check-in of their own. */
const ASKED_ABOUT = new Set(['distress']);

/**
 * The turn's result with the check-in after its replies, when the message leaned to a crisis, the
 * turn hands nothing off, no person is on the way and the assistant has not asked before in this
 * conversation. With no question of its own open, it asks "zal ik een medewerker vragen?" (yes or
 * no); else it says how to ask for one, so the open question keeps its meaning. A feedback question
 * the turn ended with (after "doei, het ga je goed") gives way to it: no score is asked of someone
 * who may be in a crisis, and it is asked at the next goodbye instead (`before`: the state the turn
 * started from, whose feedbackAbout comes back).
 */
export function withConcern(res: StepResult, nlu: ParseResult, dialogs: DialogSet, mode: HandoffMode | null | undefined, now: string, before?: DialogState): StepResult {
  const c = nlu.concern;
  if (!c || !ASKED_ABOUT.has(c.reason) || res.replies.length === 0 || res.state.concern) return res;
  if (mode && mode.state !== 'ended') return res;
  if (res.effects.some((e) => e.type === 'handoff')) return res;
  if (ownWordsOfTheAnswer(res.replies, nlu.text, c.evidence, dialogs)) return res;
  if (topicIsTheMessage(res, nlu.text, dialogs)) return res;
  // "how much then?" (the whole message) answered with a payment answer: the reply shows what was asked, as a topic's own words do.
  if ((BARE_HOW_MUCH.test(nlu.text) || BARE_COST.test(nlu.text)) && res.replies[0]?.trace.dialog === 'payment') return res;
  // "wat als ik het niet eens ben?": not agreeing with a decision (answered with objecting); its "niet … ben" is no "er niet meer zijn".
  if (disagrees(nlu.text)) return res;
  // An everyday follow-up the reply answers from the answer before it: the reply shows what was asked.
  if (c.followUp && answeredFromTheAnswer(res)) return res;
  // "en daarna?" answered with the answer's next step: the whole message was only that question (next-step.ts).
  // So when the answer has no next step and next-step.ts says its time, or that it knows none ("wat gebeurt er
  // daarna?" right after how long a passport takes, which the model leans to as after dying).
  if (res.replies[0]?.trace.step === 'next_step') return res;
  if (asksNextStep(nlu.text) && NEXT_STEP_REPLIES.has(res.replies[0]?.trace.step ?? '')) return res;
  // "waarom zo snel", "why so?" answered with what the answer before rested on: a why, read as one. Only
  // with no word beyond the answer's own and those of asking why ("waarom lukt het nooit" still gets it).
  if (res.replies[0]?.trace.dialog === 'why' && ofTheAnswersWords(res.state, dialogs, nlu.text)) return res;
  // "hang on let me find it": the whole message was read as looking something up, or a nod.
  if (res.replies.length === 1 && HARMLESS.has(res.replies[0]!.trace.step)) return res;
  const isFeedbackAsk = (r: Reply) => r.trace.dialog === 'feedback' && r.trace.step === 'ask';
  const feedbackAsked = res.state.pending === 'feedback' && res.replies.some(isFeedbackAsk);
  const replies = feedbackAsked ? res.replies.filter((r) => !isFeedbackAsk(r)) : res.replies;
  let decided: DialogState = res.state;
  if (feedbackAsked) {
    const { feedbackAbout: _asked, replyWhy: _why, ...rest } = res.state;
    decided = { ...rest, pending: null, ...(before?.feedbackAbout !== undefined ? { feedbackAbout: before.feedbackAbout } : {}) };
  }
  const asks = decided.pending === null && decided.active === null;
  const step = asks ? 'ask' : 'line';
  const t = trace(dialogs, {
    // No `reason`: in a trace that names a handoff, and this is none.
    dialog: 'concern', step, intent: nlu.intent.name, confidence: nlu.intent.confidence,
    sources: [{ kind: 'dialog', ref: `dialogs/lexicons/${c.reason}.yaml` }, { kind: 'rule', ref: `concern-check-in:${c.reason}` }],
  });
  // The answer before it stays the last answer, so a follow-up on it ("aan wie?") is still about it;
  // "waarom?" in the next message asks why the assistant asked (explainConcern).
  const state: DialogState = {
    ...decided,
    concern: { reason: c.reason, evidence: c.evidence, at: now, turn: decided.turns, ...(asks ? {} : { beside: true as const }) },
    ...(asks ? { pending: 'concern_offer' as const } : {}),
  };
  return { ...res, state, replies: [...replies, { text: text(dialogs, `concern.${step}`, state.lang), trace: t }] };
}

/** Whether the turn's first reply answers from the answer before it: a quoted sentence, or a narrower topic of it. */
function answeredFromTheAnswer(res: StepResult): boolean {
  const first = res.replies[0];
  if (!first) return false;
  return QUOTES.has(first.trace.step) || (first.trace.step === 'answer' && first.trace === res.state.lastAnswer?.trace && !!res.state.lastAnswer.topic);
}

/** The replies of next-step.ts: the next step, else the answer's own time, else that it knows none. */
const NEXT_STEP_REPLIES: ReadonlySet<string> = new Set(['next_step', 'time_in_answer', 'next_step_unknown']);

/**
 * Replies to a message that a rule read whole as harmless: looking something up ("hang on let me find it"), a nod, an apology alone,
 * "geldt ie ook voor de auto" as a first message asked what it is about (plain-follow-up.ts alsoForWhat).
 * "waarom niet?" right after the money that did not come (rules.ts WHY_NOT).
 */
const HARMLESS: ReadonlySet<string> = new Set(['take_your_time', 'ack', 'no_problem', 'also_for_what', 'why_not_paid']);

/** Replies that quote the answer before them, for a follow-up on it (last-answer.ts). */
const QUOTES: ReadonlySet<string> = new Set(['named_in_answer', 'how_in_answer', 'time_in_answer', 'time_not_in_answer', 'time_unknown', 'since_unknown', 'objecting_in_answer']);
/**
 * "ik wil dat jullie alles verwijderen" after the answer on one's data, which says they may be deleted:
 * a short message (at most SHORT words), the reply quotes that answer, and a long word that worried the
 * model is a word of the quoted sentences (not of the words around a quote, "Wilt u meer weten?").
 */
function ownWordsOfTheAnswer(replies: readonly Reply[], msg: string, evidence: string, dialogs: DialogSet): boolean {
  const quote = replies.find((r) => QUOTES.has(r.trace.step));
  if (!quote || countWords(msg) > SHORT) return false;
  const around = templateWords(dialogs);
  const quoted = new Set(wordsOf(quote.text).filter((w) => !around.has(w)));
  return wordsOf(evidence).some((w) => w.length >= 6 && quoted.has(w));
}
const SHORT = 6;
/** The words of the text around a quote ("In mijn antwoord staat: … Wilt u meer weten?"), made once per dialog set. */
const templates = new WeakMap<DialogSet, ReadonlySet<string>>();
function templateWords(dialogs: DialogSet): ReadonlySet<string> {
  let words = templates.get(dialogs);
  if (!words) {
    const t = dialogs.texts.get('answer.time_in_answer');
    templates.set(dialogs, (words = new Set([...wordsOf(t?.nl ?? ''), ...wordsOf(t?.en ?? '')])));
  }
  return words;
}

/** Words a message may have beside the topic it names ("wat", "en", "maar") and still be only that topic. */
const BESIDE = 2;
const TOPIC_SHORT = 8;
/**
 * "Wat als ik te laat ben?" after the answer on objecting, answered by the late objection's answer: the
 * words that worried the model are the topic's own `when` phrase ("als ik te laat ben"), and the short
 * message says nothing beside it. A message with more words of its own still gets the check-in.
 * "i am scared i am to late" (7 words, the late worry's "scared … to late" with "i am" beside) is as short:
 * a topic's phrase may take a word or two more than a quoted answer's follow-up (TOPIC_SHORT).
 */
function topicIsTheMessage(res: StepResult, msg: string, dialogs: DialogSet): boolean {
  const last = res.state.lastAnswer;
  const reply = res.replies[0];
  if (!last?.topic || !reply || reply.trace !== last.trace || countWords(msg) > TOPIC_SHORT) return false;
  const variant = lastTopic(res.state, dialogs.intents.get(last.trace.dialog));
  // Also by its words for right after the topic it is within ("is it linked to my car" after the parking permit).
  const besides = variant ? [wordsBeside(variant, msg, variant.when, true), variant.when_after_answer ? wordsBeside(variant, msg, variant.when_after_answer, true) : null] : [];
  return besides.some((beside) => beside !== null && beside <= BESIDE);
}
const wordsOf = (s: string): string[] => s.toLowerCase().split(/[^\p{L}]+/u).filter(Boolean);
/** How many words a message has, "don't" one ("what if i don't have it?" is as short as "what if i dont have it?"). */
const countWords = (s: string): number => s.split(/[^\p{L}'’]+/u).filter((w) => /\p{L}/u.test(w)).length;

/** Whether the check-in ("gaat het goed met u?") was the assistant's last question, asked in the turn before this message: a request for a person now answers it. */
export const justAsked = (state: DialogState): boolean => state.concern?.turn !== undefined && state.turns === state.concern.turn + 1;

/** "Waarom?" right after the check-in: why the assistant asked, with the words that worried it. Null otherwise. */
export function explainConcern(state: DialogState, dialogs: DialogSet): StepResult | null {
  if (!justAsked(state)) return null;
  const c = state.concern!;
  const t = trace(dialogs, { dialog: 'why', step: 'explain', intent: 'why', confidence: 1, sources: [{ kind: 'dialog', ref: `dialogs/lexicons/${c.reason}.yaml` }, { kind: 'rule', ref: `concern-check-in:${c.reason}` }, { kind: 'rule', ref: 'why-after-answer' }] });
  const why = `${text(dialogs, 'concern.why', state.lang, { evidence: c.evidence })} ${text(dialogs, 'why.version', state.lang, { dialog: 'concern', version: dialogs.version })}`;
  return { state, replies: [{ text: why, trace: t }], effects: [] };
}

/** "het gaat goed hoor", "ja hoor, alles prima", "I'm fine": all is well, whatever yes or no it starts with. */
const FINE = /(^|[^\p{L}])((het |met mij )?gaat( het)?( wel| echt| heus| best)? (goed|prima|oké|oke|ok)|alles (is )?(goed|prima|oké|oke|ok)|geen zorgen|niks aan de hand|niets aan de hand|ik ben (ok|oké|oke|in orde)|i'?m (fine|ok|okay|good|alright|all right)|i am (fine|ok|okay|good|alright|all right)|all good|no worries|all is well|nothing wrong)([^\p{L}]|$)/iu;
/** "ok bedankt", "prima, dank je", "ok thanks" as the whole answer to "gaat het goed met u?": fine, thank you. */
const FINE_THANKS = /^\s*(ok|oké|oke|okay|prima|goed|fine)[\s,.!]*(bedankt|dank je( wel)?|dank u( wel)?|dankjewel|dankuwel|thanks|thank you|thx)[\s.!]*$/iu;
/** A negation anywhere ("niet alles is goed", "I'm fine, don't worry"): not sure enough that all is well. */
const NEGATED = /(^|[^\p{L}])(niet|nooit|not|never|no longer)([^\p{L}]|$)|n'?t([^\p{L}]|$)/iu;

/**
 * The answer to the check-in, when it says all is well: a yes that only means "yes, I am fine" must not
 * bring a person for a crisis. Null for anything else (yes, no and new questions are read as for any
 * offer of a person).
 */
export function answerConcern(state: DialogState, msg: string, nlu: ParseResult, dialogs: DialogSet): StepResult | null {
  if (state.pending !== 'concern_offer' || nlu.handoffs.length > 0 || !(FINE.test(msg) || FINE_THANKS.test(msg)) || NEGATED.test(msg)) return null;
  const t = trace(dialogs, { dialog: 'concern', step: 'fine', intent: nlu.intent.name, confidence: nlu.intent.confidence, sources: [{ kind: 'dialog', ref: 'dialogs/messages.yaml' }, { kind: 'rule', ref: 'concern-fine' }] });
  return { state: { ...state, pending: null }, replies: [{ text: text(dialogs, 'concern.fine', state.lang), trace: t }], effects: [] };
}

/**
 * A request for a person right after the check-in (its "ja", or "medewerker", in the next message): a
 * handoff for distress, with the words that worried the assistant. Any other signal stays as it is.
 */
export function afterConcern(state: DialogState, signal: { reason: HandoffReason; evidence: string; lexicon?: string }, answer: string): { reason: HandoffReason; evidence: string; lexicon?: string } {
  if (signal.reason !== 'explicit_request' || !state.concern) return signal;
  // Only the message right after it: a case question's replies leave the check-in as the last answer,
  // and "mag ik iemand spreken" two turns on asks for a person, not for the crisis line.
  if (state.concern.turn !== undefined && !justAsked(state)) return signal;
  return { reason: 'distress', evidence: checkInEvidence(state, answer) };
}

/** The words that worried the assistant, with the answer given to the check-in: a handoff's evidence. */
const checkInEvidence = (state: DialogState, answer: string): string => `${state.concern?.evidence ?? ''} (antwoord op: gaat het goed met u? "${answer.trim().slice(0, 60)}")`;

/** In the state before this message's turn: the check-in was asked in the turn before (so this message answers it). */
const checkInLastTurn = (state: DialogState): boolean => state.concern?.turn !== undefined && state.turns === state.concern.turn;

/** The questions of fact the assistant asks: the case number, postcode, birth date, SMS code, phone number. */
const FACT_STEPS: ReadonlySet<string> = new Set(['ask_number', 'ask_postcode', 'ask_birthdate', 'ask_both', 'ask_code']);

/**
 * What the NLU kept back because the whole message is a short harmless phrase ("en vanavond?", "hoeft
 * niet"), read in context. Right after the check-in it counts as found (that question was whether all
 * is well), unless it is a no to its offer of a person; so it does after a crisis earlier in the conversation. After the opening hours a time, and to an offer
 * a no, is what it seems. Elsewhere the assistant asks once whether all is well.
 */
function withQuieted(state: DialogState, msg: string, nlu: ParseResult): ParseResult {
  const kept = nlu.quieted?.find((s) => s.reason === 'distress');
  if (!kept) return notSaying(state, msg, nlu);
  const { quieted: _kept, ...rest } = nlu;
  // (The state before this message's turn: the check-in was asked in its last turn.)
  // A no to it ("hoeft niet", to "Zal ik een medewerker vragen?") is a no, as "nee" is.
  if (checkInLastTurn(state)) return isDecline(msg) ? rest : { ...rest, handoff: kept, handoffs: [kept, ...nlu.handoffs] };
  // After a crisis earlier in the conversation, what the model heard counts ("ik ga het vanavond invullen" then may say more).
  if (state.handoffs.some((h) => h.reason === 'distress') && !isDecline(msg)) return { ...rest, handoff: kept, handoffs: [kept, ...nlu.handoffs] };
  const offered = state.pending !== null && OFFERS.has(state.pending);
  // A time asked after the opening hours ("en vanavond?"); not a what-if ("and if they say no?"), which gets the check-in.
  const afterHours = state.lastAnswer?.trace.dialog === 'contact_hours' && !/\b(als|if)\b/i.test(msg);
  // "waarom is het nog niet klaar?", "why is it taking so long": impatient about an application, a question of its status.
  // Right after a status with no decision yet it keeps the why and the check-in once it had (readInContext).
  if (asksWhySlow(state, msg)) return { ...rest, handoff: kept, handoffs: [kept, ...nlu.handoffs] };
  if ((isDecline(msg) && (offered || PLAIN_NO.test(msg))) || (!isDecline(msg) && afterHours) || whySlowAlone(msg)) return rest;
  // With a person beside it the kept reading stays on the parse, for someoneElseBesidePerson ("kan iemand anders het voor mij doen").
  return rest.handoffs.length > 0 ? nlu : { ...rest, concern: { reason: 'distress', probability: 1, evidence: kept.evidence } };
}

/** "dat wil ik niet zeggen", "geef ik liever niet", "I'd rather not say", as the whole answer. */
const NOT_SAYING = /^\s*(nee,? )?(dat |het )?(wil ik (liever )?niet zeggen|zeg ik (liever )?niet|geef ik (liever )?niet|daar geef ik (liever )?geen antwoord op|liever niet zeggen|i'?d rather not (say|tell)|i would rather not (say|tell)|rather not say|i (do not|don'?t) want to (say|tell|talk about it)|none of your business)[\s.!]*$/iu;

/**
 * Not saying whether all is well, right after the check-in asked it: that counts as found, as what the
 * model keeps back does there (withQuieted), whatever the model makes of the words alone.
 */
function notSaying(state: DialogState, msg: string, nlu: ParseResult): ParseResult {
  if (!checkInLastTurn(state) || !NOT_SAYING.test(msg) || nlu.handoffs.some((h) => h.reason === 'distress')) return nlu;
  const found = { reason: 'distress' as const, evidence: checkInEvidence(state, msg) };
  return { ...nlu, handoff: found, handoffs: [found, ...nlu.handoffs] };
}

/** Words beside the facts of a message that only gives them ("sorry, I mean 15/03/1980", "nee, ik probeer het zelf wel: …"). */
const FACT_WORDS: ReadonlySet<string> = new Set(['sorry', 'i', 'mean', 'meant', 'ik', 'bedoel', 'bedoelde', 'nee', 'no', 'ja', 'yes', 'oh', 'o', 'wacht', 'oops',
  'oeps', 'het', 'is', 'was', 'dat', 'de', 'mijn', 'my', "it's", 'its', 'it', 'postcode', 'geboortedatum', 'date', 'birth', 'of', 'en', 'and', 'probeer', 'zelf',
  'wel', 'hier', 'here', 'typo', 'typfout', 'foutje', 'klopt', 'ok', 'oké', 'dan', 'then', 'zijn', 'are', 'dit', 'this', 'try', 'myself', 'again', 'opnieuw']);
/** Whether a message has no words beside its facts but those of giving or correcting them. */
function onlyFactWords(msg: string, nlu: ParseResult): boolean {
  return wordsOf(withoutEntities(msg, nlu)).every((w) => FACT_WORDS.has(w));
}

/** The feedback question is open, or a score was just given. */
const FEEDBACK_ASKED: ReadonlySet<string> = new Set(['feedback', 'feedback_comment', 'feedback_person']);
/**
 * Words about how the contact went, beside the words a lexicon of frustration or complaint found: "niks
 * opgelost", "nothing got fixed", "weer niet geholpen". Any other word may carry the despair the crisis
 * model heard ("… het leven ook", "… met alles"), so the crisis stays.
 */
const ABOUT_THE_SERVICE: ReadonlySet<string> = new Set([
  'niks', 'niets', 'nix', 'opgelost', 'geholpen', 'gedaan', 'geregeld', 'veranderd', 'gebeurd', 'beantwoord', 'antwoord', 'weer', 'alweer', 'nog', 'steeds',
  'nooit', 'altijd', 'helemaal', 'echt', 'gewoon', 'en', 'maar', 'want', 'het', 'is', 'was', 'wordt', 'word', 'er', 'ik', 'mij', 'me', 'mijn', 'jullie', 'u',
  'je', 'niet', 'geen', 'dus', 'al', 'toch', 'zo', 'ben', 'heb', 'hebben', 'heeft', 'wel', 'met', 'mee', 'van', 'de', 'een', 'dat', 'dit', 'deze', 'vraag',
  'probleem', 'klacht', 'service', 'hulp', 'nu', 'keer', 'lang', 'wachten', 'gewacht', 'slecht', 'waardeloos', 'klaar', 'zat', 'beu',
  'nothing', 'fixed', 'solved', 'resolved', 'helped', 'done', 'answered', 'answer', 'again', 'still', 'never', 'always', 'really', 'just', 'and', 'but',
  'so', 'it', 'is', 'was', 'has', 'have', 'been', 'got', 'get', 'i', 'me', 'my', 'you', 'your', 'not', 'no', 'the', 'a', 'this', 'that', 'with', 'of',
  'problem', 'question', 'complaint', 'service', 'help', 'now', 'time', 'long', 'waiting', 'waited', 'am', "i'm", 'im', 'yet', 'bad', 'useless',
]);

/**
 * "2 ik ben er klaar mee, niks opgelost" to the feedback question: fed up with the service, in words a
 * lexicon of frustration or complaint names, while the learned model alone also leaned to a crisis.
 * That is the low score and its comment, when every other word is about how the contact went. A crisis
 * in words of its own ("2. ik wil niet meer leven", found by the distress lexicon), any other
 * situation, or another word beside ("1 ik ben er klaar mee, het leven ook") keeps its handoff.
 */
function fedUpWithUs(msg: string, nlu: ParseResult): boolean {
  const fedUp = nlu.handoffs.filter((h) => (h.reason === 'frustration' || h.reason === 'complaint') && !!h.lexicon);
  if (!nlu.handoffs.some((h) => h.reason === 'distress') || fedUp.length === 0) return false;
  if (!nlu.handoffs.every((h) => (h.reason === 'distress' && !h.lexicon) || h.reason === 'frustration' || h.reason === 'complaint')) return false;
  let rest = msg.toLowerCase();
  for (const part of fedUp.flatMap((h) => h.evidence.toLowerCase().split(' … '))) rest = rest.replace(part, ' ');
  return rest.split(/[^\p{L}']+/u).filter(Boolean).every((w) => ABOUT_THE_SERVICE.has(w));
}

/** Questions the assistant asks that a plain no answers: a person?, "gaat uw vraag over …?", a score. Not "gaat het goed met u?". */
const OFFERS: ReadonlySet<string> = new Set(['person_offer', 'person_offer_again', 'suggestion', 'feedback', 'feedback_comment', 'feedback_person']);
/** A decline that starts with no or thanks. */
const PLAIN_NO = /^\s*(nee|neen|nope|nah|no|dank|bedankt|thanks|thank|thx)\b/i;
/** Answers that end with "Heeft u nog een vraag?", and the thanks for a score after them (the contact is closing). */
const CLOSED: ReadonlySet<string> = new Set(['thanks', 'goodbye', 'feedback']);
/**
 * The message read in the light of the question just asked. To "wat is uw zaaknummer?", "weet ik
 * niet meer" means the number is not remembered, while on its own it is also despair ("ik weet het
 * niet meer"), and the NLU, which sees one message, rightly reads it as a crisis. Here the crisis
 * becomes a concern: the assistant answers the "don't know" and asks once whether all is well, with
 * the crisis line (withConcern). So with "nee hoeft niet", "niets meer" to "zal ik een medewerker
 * vragen?" or "heeft u nog een vraag?". Only when the whole message is that phrase and distress is all
 * the NLU found: any other word of a crisis keeps the handoff. `thing`: the parse of alsoForThing's
 * thing, when there is one (without it such a question keeps what the NLU read).
 */
export function readInContext(state: DialogState, msg: string, parsed: ParseResult, thing?: ParseResult): ParseResult {
  const askedFact = (state.active?.flow === 'case_status' && FACT_STEPS.has(state.active.step)) || state.pending === 'callback_phone';
  const nlu = notAtHand(askedFact, msg, sameQuestionForOther(state, msg, speaksEnglishInstead(withQuieted(state, msg, parsed), msg)));
  const crisis = nlu.handoffs.length === 1 ? nlu.handoffs[0]! : undefined;
  const onlyDistress = crisis?.reason === 'distress' && (!crisis.lexicon || crisis.lexicon === 'distress');
  // "Sorry, ik heb me vergist" to "wat is uw geboortedatum?": a typing mistake, which the flow mends
  // (correctFact); the lean of the words to a crisis asks nothing here. A crisis found stays.
  // Nor "hij weet het niet", said of the person the case is for: found or leaned to, no crisis of the writer's.
  const lean = nlu.concern && nlu.handoffs.length === 0;
  // Nor "heb ik niet", "ik heb het niet bij me": the letter not at hand, which the flow answers (where
  // to find it, a person), though the learned model alone leaned to or read despair in it.
  const notAtHandOnly = !crisis?.lexicon && NOT_AT_HAND_ONLY.test(msg);
  if ((lean || onlyDistress) && askedFact && ((lean && isCorrection(msg)) || (state.facts.forOther === true && THEY_DONT_KNOW.test(msg)) || notAtHandOnly)) {
    const { concern: _lean, ...rest } = nlu;
    return { ...rest, handoff: null, handoffs: [] };
  }
  // "sorry, I mean 15/03/1980", "nee, ik probeer het zelf wel: 1234 AB 15-03-1980": the facts asked for,
  // which the model leaned on; and "oh wacht, verkeerde postcode", which the model alone read as anger.
  // So is "sorry ik bedoel 1980" to the question for the birth date: a year, which the flow asks to complete.
  const factsGiven = withTriedYear(nlu, state.active?.tried).entities.some((e) => e.type === 'postcode' || e.type === 'date' || e.type === 'case_number')
    || (state.active?.step === 'ask_birthdate' && /(?<!\d)(19|20)\d{2}(?!\d)/.test(msg));
  if (askedFact && lean && factsGiven && onlyFactWords(msg, nlu)) {
    const { concern: _lean, ...rest } = nlu;
    return rest;
  }
  if (FEEDBACK_ASKED.has(state.pending ?? '') && fedUpWithUs(msg, nlu)) {
    const handoffs = nlu.handoffs.filter((h) => h.reason !== 'distress');
    return { ...nlu, handoffs, handoff: handoffs[0] ?? null };
  }
  if (asksWhomToTellOnly(state, nlu)) return { ...nlu, handoff: null, handoffs: [] };
  const angerOnly = nlu.handoffs.length > 0 && nlu.handoffs.every((h) => h.reason === 'frustration' && !h.lexicon);
  if ((askedFact || !!state.active?.tried) && angerOnly && isCorrection(msg)) return { ...nlu, handoff: null, handoffs: [] };
  // "Hoe snel heb ik het?", "moet ik er zelf heen?", "how long will it take to decide?" right after an
  // answer, or "het ging snel" after a score (words about the contact): plain, though the learned model
  // alone read a crisis in them. Asked once instead (the check-in gives the crisis line and offers a
  // person); a mere lean is dropped. A lexicon's phrase ("wat als ik er morgen niet meer ben") keeps the handoff.
  const afterScore = state.pending === 'feedback_comment' || state.pending === 'feedback_person';
  // "waarom is het nog niet klaar?" right after a status with no decision yet: the learned model alone
  // read despair in it (a full crisis handoff, 113); it asks about the case just told.
  // So is "waarom is het afgewezen?" right after a decision.
  // So is the same question with nothing told before: impatient about one's own application (whySlowAlone).
  const whySlow = asksWhySlow(state, msg) || (!state.lastAnswer && whySlowAlone(msg));
  // "geldt ie ook voor de motor?" right after an answer (alsoForThing): the crisis model alone found or leaned to a
  // crisis in it, and neither finds nor leans to one in the thing asked about alone (`thing`: "de motor"). Asked
  // once instead (the check-in gives the crisis line and offers a person), unless the reply answers it from that
  // answer ("geldt hij ook voor mijn tweede auto?": parking_car). A lexicon's phrase keeps the handoff, and so does
  // a thing that is dark alone ("geldt het ook voor het touw?").
  if (thing && thing.handoffs.length === 0 && !thing.concern && ((onlyDistress && !crisis!.lexicon) || (lean && nlu.concern!.reason === 'distress'))) {
    const { concern, ...rest } = nlu;
    return { ...rest, handoff: null, handoffs: [], concern: onlyDistress ? { reason: 'distress', probability: 1, evidence: crisis!.evidence, followUp: true } : { ...concern!, followUp: true } };
  }
  if (someoneOfUsForMe(state, msg, nlu)) {
    const person = nlu.handoffs.find((h) => h.reason === 'explicit_request')!;
    return { ...nlu, handoff: person, handoffs: [person] };
  }
  if (someoneElseBesidePerson(state, msg, nlu)) {
    const { quieted, ...rest } = nlu;
    const crisisToo = nlu.handoffs.find((h) => h.reason === 'distress') ?? quieted?.find((h) => h.reason === 'distress');
    return { ...rest, handoff: null, handoffs: [], concern: { reason: 'distress', probability: 1, evidence: crisisToo!.evidence, followUp: true } };
  }
  // So is "what if you dont decide in time?" right after a status with a decision date (asksIfLate), and "kan ik het
  // straks opnieuw proberen?" after a lock (asksTryAgainAfterLock).
  if ((afterScore || followsUpPlainly(state, msg) || whySlow || asksWhyDecided(state, msg) || asksIfLate(state, msg) || asksTryAgainAfterLock(state, msg)) && ((onlyDistress && !crisis!.lexicon) || lean)) {
    const { concern: _lean, ...rest } = nlu;
    return onlyDistress ? { ...rest, handoff: null, handoffs: [], concern: { reason: 'distress', probability: 1, evidence: crisis!.evidence, followUp: true } } : rest;
  }
  if (!onlyDistress) return nlu;
  const offered = (state.pending !== null && OFFERS.has(state.pending)) || (state.lastAnswer !== null && CLOSED.has(state.lastAnswer.trace.dialog));
  const declined = offered && isDecline(msg);
  // "hoeft niet meer", "laat maar" (LEAVE_FLOW): the question no longer wanted, but also the words of giving up.
  if (!declined && !(askedFact && (DONT_KNOW_ONLY.test(msg) || LEAVE_FLOW.test(msg) || (state.facts.forOther === true && THEY_UNSURE.test(msg))))) return nlu;
  // "Nee hoeft niet", "nee dank je, niets meer": a plain no to the offer, which needs no check-in either.
  // Without the no ("het hoeft niet meer", "niets meer") the words are also those of giving up: ask once.
  if (declined && PLAIN_NO.test(msg)) return { ...nlu, handoff: null, handoffs: [] };
  // "weet ik niet uit mijn hoofd", "i dont know it by heart": a fact not remembered, said so; no giving up in it.
  if (askedFact && DONT_KNOW_ONLY.test(msg) && BY_HEART.test(msg) && !ANY_MORE.test(msg)) return { ...nlu, handoff: null, handoffs: [] };
  return { ...nlu, handoff: null, handoffs: [], concern: { reason: 'distress', probability: 1, evidence: crisis!.evidence } };
}
/** "uit mijn hoofd", "by heart": what is not known is a fact to remember (got the check-in with the crisis line). */
const BY_HEART = /(^|[^\p{L}])(uit (mijn|m'n|mn) hoofd|by heart)([^\p{L}]|$)/iu;
const ANY_MORE = /(^|[^\p{L}])(meer|any ?more)([^\p{L}]|$)/iu;

