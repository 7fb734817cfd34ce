/**
 * Every contact ends with a feedback question (a 1–5 score, with words if the citizen likes): after a
 * goodbye or thanks, and after a caseworker ends a handoff. A reply that is not a score is simply
 * handled as a new message. Each contact is asked once.
 */
import { text, texts, trace } from './texts.ts';
import type { DialogSet, DialogState, HandoffMode, ParseResult, Reply, StepResult, Trace } from './types.ts';
import { wordCount } from './variants.ts';
import { isDecline, isNo, isYes, ONLY_THANKS } from './yes-no.ts';

const SCORE = /^\s*([1-5])(?:\s*(?:\/|van de|van|uit|out of|of)\s*5)?(?!\d|[.,]\d|[a-z])\s*[.!,:;-]?\s*(.*)$/is;
/**
 * A school mark out of ten, as Dutch people give one ("8", "7/10", "9 van 10"): half of it, rounded, on
 * our 1–5 scale. A bare 6–10 can be nothing else; 1–5 alone is read as our own scale.
 */
const OUT_OF_TEN = /^\s*(10|[1-9])\s*(?:\/|van de|van|uit|out of|of)\s*10(?!\d|[.,]\d)\s*[.!,:;-]?\s*(.*)$|^\s*(10|[6-9])(?!\d|[.,]\d)\s*[.!,:;-]?\s*(.*)$/is;
/**
 * "vier", "acht van de tien", "four": a number written as a word, at the start, alone or before a mark
 * or "van/out of". Not "een"/"one" before more words ("een beetje traag" is no 1).
 */
const NUMBER_WORDS: Record<string, number> = {
  twee: 2, drie: 3, vier: 4, vijf: 5, zes: 6, zeven: 7, acht: 8, negen: 9, tien: 10,
  two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
};
const NUMBER_WORD = new RegExp(`^\\s*(${Object.keys(NUMBER_WORDS).join('|')}|een|één|one)(?=\\s*$|\\s*[.!,:;-]|\\s+(?:van|uit|out of|of)\\s|\\s+(?:sterren|ster|stars?)\\b)`, 'i');
const inDigits = (msg: string): string => msg.replace(NUMBER_WORD, (_, w: string) => {
  const word = w.toLowerCase();
  if (word in NUMBER_WORDS) return String(NUMBER_WORDS[word]);
  return msg.trim().toLowerCase() === word ? '1' : w;
}).replace(/^(\s*\d+\s*(?:\/|van de|van|uit|out of|of)\s*)(vijf|five|tien|ten)\b/i, (_, before: string, w: string) => `${before}${/vijf|five/i.test(w) ? 5 : 10}`);
const MAX_COMMENT = 1000;
/** Entities that make a message an answer to something else than a score. */
const FACTS: ReadonlySet<string> = new Set(['date', 'postcode', 'case_number', 'phone']);
/** "nvt" (niet van toepassing), "n/a": nothing to say, as people fill in a form. */
const SKIP = /^\s*(overslaan|skip|nee|no|geen|liever niet|nvt|n\.v\.t\.?|n\/a|niks|niets|nothing)\s*[.!]?\s*$/i;
/** "nee dank je", "nee hoor, bedankt", "no thank you": no to the question, with a thanks (not a new thanks to answer). */
const NO_THANKS = /^\s*(nee|neen|no|nope|nah)(\s+hoor)?[,.!]*\s*(dank\s*je(\s*wel)?|dank\s*u(\s*wel)?|bedankt|thanks|thank\s+you|thx|tnx)\s*[.!]*\s*$/i;

/** "ik geef een 4", "een 8", "cijfer: 4", "I'd give it a 4": the words before a mark. */
const GIVES = /^\s*(?:(?:ik geef (?:het|jullie|u|je|dit|dat|hem)?|i(?:'d| would)? give (?:it|you|this)?|i rate (?:it|you|this)?)\s*)?(?:(?:een|a|an)\s+)?(?:(?:cijfer|score|rating|mark)\s*:?\s*)?(?=(?:\d|(?:twee|drie|vier|vijf|zes|zeven|acht|negen|tien|two|three|four|five|six|seven|eight|nine|ten)\b))/i;
/** "4 sterren", "five stars": out of five. */
const STARS_AFTER = /^(\s*[1-5])\s*(?:sterren|ster|stars?)\b/i;
/** "⭐⭐⭐⭐", "****", "★★★": one to five stars and nothing else. */
const STARS = /^\s*(?:[⭐★*]\uFE0F?\s*){1,5}$/u;
/** One face or thumb and nothing else: for people who answer with an emoji. */
const FACES: ReadonlyArray<readonly [number, RegExp]> = [
  [1, /^\s*[😡😠🤬]\uFE0F?\s*$/u],
  [2, /^\s*[👎😞🙁☹😕😢]\uFE0F?\s*$/u],
  [4, /^\s*[👍🙂😊😀😃👌]\uFE0F?\s*$/u],
  [5, /^\s*(?:[😍🤩🥰❤💯🙏]\uFE0F?|👍\s*👍)\s*$/u],
];

/** A score as a number ("4", "4/5", "8", "7/10 prima", "een 4", "vijf sterren", "⭐⭐⭐⭐", "👍"), on our 1–5 scale, with the words after it. */
function numberScore(given: string): { score: number; comment: string } | null {
  if (STARS.test(given)) return { score: [...given].filter((c) => c === '⭐' || c === '★' || c === '*').length, comment: '' };
  const face = FACES.find(([, re]) => re.test(given));
  if (face) return { score: face[0], comment: '' };
  const said = given.replace(GIVES, '');
  const digits = NUMBER_WORD.test(said) ? inDigits(said) : said;
  const msg = digits.replace(STARS_AFTER, '$1/5');
  const ten = OUT_OF_TEN.exec(msg);
  if (ten) return { score: Math.max(1, Math.round(Number(ten[1] ?? ten[3]) / 2)), comment: ten[2] ?? ten[4] ?? '' };
  const five = SCORE.exec(msg);
  return five ? { score: Number(five[1]), comment: five[2]! } : null;
}

/**
 * A score in words, at the start of a short answer that asks nothing: "goed", "heel goed!", "het was
 * prima maar het duurde lang", "niet goed", "bad". Stronger words first ("heel goed" before "goed").
 * Not "ok": after a question that is as often a nod as a grade.
 */
const LEAD = String.raw`^\s*((ja|yes|yeah)(\s+hoor)?[,!.]*\s+)?((het|dat|it)\s+)?((was|ging|is|went)\s+)?`;
const WORDS: ReadonlyArray<readonly [number, RegExp]> = [
  [1, /(heel|zeer|erg|echt|really|very)\s+(slecht|bad|poor)|waardeloos|vreselijk|verschrikkelijk|rampzalig|terrible|awful|useless|horrible/],
  [2, /(niet|not)\s+(zo\s+|so\s+|erg\s+|very\s+)?(goed|good|fijn|tevreden|satisfied|great)|slecht|ontevreden|teleurgesteld|teleurstellend|viel\s+(me\s+)?tegen|tegenvallend|bad|poor|disappointing|unsatisfied|dissatisfied|disappointed/],
  [5, /(heel|zeer|erg|echt|super|really|very)\s+(goed|good|fijn|nice|tevreden|satisfied|happy|prima)|uitstekend|perfect|super|top|geweldig|fantastisch|excellent|great|gr8|brilliant/],
  [4, /goed|prima|fijn|tevreden|good|fine|nice|satisfied|happy/],
  // "ging wel", "het was ok", "it was okay", "not bad": a middling mark (a bare "ok" is a nod, above).
  [3, /matig|redelijk|(gaat|ging)\s+wel|viel\s+mee|(was|ging|is|went)\s+(wel\s+)?(ok|oke|oké|okee|okay)|niet\s+slecht|not\s+bad|zozo|neutraal|kan\s+beter|so-so|so\s+so|average|neutral|meh|could\s+be\s+better/],
];
const WORD_SCORES = WORDS.map(([score, words]) => [score, new RegExp(`${LEAD}(${words.source})(?![\\p{L}])`, 'iu')] as const);

/** How many words a mark in words may have when it also reads as frustration. */
const MARK_WORDS = 3;

function wordScore(msg: string): number | null {
  if (msg.includes('?') || wordCount(msg) > 12) return null;
  return WORD_SCORES.find(([, re]) => re.test(msg))?.[0] ?? null;
}

/** The question, added after a closing answer; marks it as asked. */
export function askFeedback(state: DialogState, dialogs: DialogSet, about: string): { state: DialogState; reply: Reply } {
  const t = trace(dialogs, { dialog: 'feedback', step: 'ask', intent: about, confidence: 1, sources: [{ kind: 'dialog', ref: 'dialogs/messages.yaml' }] });
  return { state: { ...state, pending: 'feedback', feedbackAbout: about, replyWhy: { turn: state.turns, key: 'why.feedback', step: 'explain_feedback', rule: 'feedback-after-contact', file: 'dialogs/messages.yaml' } }, reply: { text: text(dialogs, 'feedback.ask', state.lang), trace: t } };
}

/**
 * Whether this message answers a feedback question (ours, or the one in a caseworker's closing
 * message). The caseworker's question stays open for an hour, but not inside a flow the citizen
 * started since, and a message with a date, postcode, case or phone number is never a score:
 * "1 juli 1992" answers the question for a birth date, not "how satisfied are you?" with a 1.
 */
export function answerFeedback(state: DialogState, msg: string, nlu: ParseResult, mode: HandoffMode | null | undefined, dialogs: DialogSet, now: string): StepResult | null {
  const afterHandoff = mode?.state === 'ended' && !state.active && state.feedbackAbout !== `handoff:${mode.handoffId}` ? `handoff:${mode.handoffId}` : null;
  const about = state.pending === 'feedback' ? state.feedbackAbout ?? 'contact' : afterHandoff;
  if (!about) return null;
  // The first message after a caseworker's closing question answers it as it would answer ours ("goed",
  // "nee dank je"); later ones only with a number, as "nee" then answers something else.
  const closing = afterHandoff && state.pending !== 'feedback' && state.closeAnswered !== mode!.handoffId ? mode!.handoffId : null;
  const asked = state.pending === 'feedback' || !!closing;
  const done: DialogState = { ...state, pending: null, feedbackAbout: about };
  const t = trace(dialogs, { dialog: 'feedback', step: 'thanks', intent: 'feedback', confidence: 1, sources: [{ kind: 'rule', ref: 'feedback-after-contact' }] });
  if ((SKIP.test(msg) || NO_THANKS.test(msg) || isDecline(msg)) && asked) return { state: thanked(done, dialogs, t), replies: [{ text: text(dialogs, 'feedback.skipped', state.lang), trace: t }], effects: [] };
  // "10/10 maar ik wil dood", "8 pillen heb ik al genomen": a crisis is never a score.
  if (nlu.handoffs.some((h) => h.reason === 'distress')) return null;
  const number = nlu.entities.some((e) => FACTS.has(e.type)) ? null : numberScore(msg);
  // Words instead of a number, to our own question: the score they say, the words as its comment.
  // A low mark in a word or two ("disappointing", "waardeloos") also reads as frustration: it is the mark,
  // and the low mark offers a person.
  const mark = nlu.handoffs.length === 0 || (wordCount(msg) <= MARK_WORDS && nlu.handoffs.every((h) => h.reason === 'frustration'));
  const inWords = !number && asked && mark ? wordScore(msg) : null;
  if (!number && inWords === null) {
    if (state.pending === 'feedback') return { state: { ...state, pending: null }, replies: [], effects: [] };
    // Not the answer to the caseworker's question: that question was this contact's, so "bedankt" does not ask it again.
    return closing ? { state: { ...state, closeAnswered: closing, feedbackAbout: 'contact' }, replies: [], effects: [] } : null;
  }
  const score = number ? number.score : inWords!;
  const comment = (number ? number.comment : wordCount(msg) > 2 ? msg : '').trim().slice(0, MAX_COMMENT);
  const thanks = score <= 2 ? 'feedback.thanks_low' : number ? 'feedback.thanks' : 'feedback.thanks_words';
  return {
    // A low score asks whether the citizen wants a person; a score alone may get its words next.
    state: thanked({ ...done, pending: score <= 2 ? 'feedback_person' : comment ? null : 'feedback_comment' }, dialogs, t),
    replies: [{ text: text(dialogs, thanks, state.lang), trace: t }],
    effects: [{ type: 'feedback', score, comment, about, at: now }],
  };
}

/**
 * The feedback part of a turn, before the message is read as anything else: a score for the question
 * (answerFeedback), or the words after one (afterScore). `result`: the answer to it; with `thenAnswer`
 * the score's words also ask something of their own, which the caller answers after it, with no offer
 * of a person in between to say yes or no to. Else the state to go on from, and `wantsPerson` after a
 * yes to "wilt u een medewerker spreken?". `asks`: whether words ask the assistant something (asks.ts).
 */
export function feedbackTurn(state: DialogState, msg: string, nlu: ParseResult, mode: HandoffMode | null | undefined, dialogs: DialogSet, now: string, asks: (words: string) => boolean):
  { result: StepResult; thenAnswer?: boolean } | { result?: undefined; state: DialogState; wantsPerson?: boolean } {
  const feedback = answerFeedback(state, msg, nlu, mode, dialogs, now);
  if (feedback && (feedback.replies.length > 0 || feedback.effects.length > 0)) {
    // "2 want ik wilde eigenlijk weten of jullie zaterdag open zijn": the score is kept, and the
    // question in its words answered.
    const scored = feedback.effects.find((e) => e.type === 'feedback');
    if (scored?.type === 'feedback' && scored.comment && nlu.handoffs.length === 0 && asks(scored.comment)) {
      return { result: { ...feedback, state: { ...feedback.state, pending: null } }, thenAnswer: true };
    }
    // "1 ik wil een klacht indienen": the score is kept, and the complaint is started as the words alone
    // start it; the thanks for the score then does not ask "wilt u een medewerker spreken?" first.
    if (scored?.type === 'feedback' && scored.comment && filesComplaint(scored.comment, nlu)) {
      const replies = feedback.replies.map((r) => ({ ...r, text: text(dialogs, 'feedback.thanks', state.lang) }));
      return { result: { ...feedback, replies, state: { ...feedback.state, pending: null } }, thenAnswer: true };
    }
    return { result: feedback };
  }
  // Not an answer to the feedback question: handle it as the message it is.
  const next = feedback ? feedback.state : state;
  const after = afterScore(next, msg, nlu, dialogs, asks(msg));
  if (after?.result) return { result: after.result };
  return { state: after ? after.state : next, ...(after?.wantsPerson ? { wantsPerson: true } : {}) };
}

/**
 * The message after a score. "4" and then "snel en duidelijk" is one piece of feedback, so words that
 * ask nothing are added to the score's comment. After a low score the assistant asked "wilt u een
 * medewerker spreken?": yes and no answer that. A question, a special situation or a case fact is the
 * new message it is (no `result`): the caller handles it as any other, in `state`. Null: no score
 * was given just before.
 */
export function afterScore(state: DialogState, msg: string, nlu: ParseResult, dialogs: DialogSet, asksSomething: boolean): { state: DialogState; result?: StepResult; wantsPerson?: boolean } | null {
  const about = state.feedbackAbout;
  if ((state.pending !== 'feedback_comment' && state.pending !== 'feedback_person') || !about) return null;
  const done: DialogState = { ...state, pending: null };
  // "de wachttijd was lang" is read as a complaint (intent and signal): after a score it is a remark.
  const remark = nlu.handoffs.length > 0 && aboutTheContact(msg, nlu);
  if (!remark && (nlu.handoffs.length > 0 || asksSomething)) return { state: done };
  const t = (step: string) => trace(dialogs, { dialog: 'feedback', step, intent: 'feedback', confidence: 1, sources: [{ kind: 'rule', ref: 'feedback-after-contact' }] });
  if (state.pending === 'feedback_person') {
    if (isYes(msg)) return { state: done, wantsPerson: true };
    if (isNo(msg)) return { state: done, result: { state: thanked(done, dialogs, t('no_person')), replies: [{ text: text(dialogs, 'feedback.skipped', state.lang), trace: t('no_person') }], effects: [] } };
  }
  const comment = msg.trim().slice(0, MAX_COMMENT);
  if (!comment) return { state: done };
  // "bedankt" after the thanks for a score: a thanks back, not a comment that says "bedankt".
  if (ONLY_THANKS.test(msg)) return { state: done, result: { state: thanked(done, dialogs, t('thanks_back')), replies: [{ text: text(dialogs, 'handoff.thanks_waiting', state.lang), trace: t('thanks_back') }], effects: [] } };
  // "nee" after a score: nothing to add, not a comment that says "nee".
  if (SKIP.test(msg) || isDecline(msg) || isNo(msg)) return { state: done, result: { state: thanked(done, dialogs, t('no_comment')), replies: [{ text: text(dialogs, 'feedback.skipped', state.lang), trace: t('no_comment') }], effects: [] } };
  // After a low score the offer of a person still stands, so it is asked again with the thanks.
  const low = state.pending === 'feedback_person';
  const key = low ? 'feedback.comment_thanks_low' : nlu.handoffs.length > 0 ? 'feedback.comment_thanks_complaint' : 'feedback.comment_thanks';
  const reply = { text: text(dialogs, key, state.lang), trace: t('comment') };
  return { state: done, result: { state: thanked(low ? state : done, dialogs, reply.trace), replies: [reply], effects: [{ type: 'feedback_comment', comment, about }] } };
}

/**
 * The thanks for a score or its words is the last answer: "waarom?" after it tells why the score was
 * asked (why.feedback), not why the "Graag gedaan" before the question was said.
 */
function thanked(state: DialogState, dialogs: DialogSet, t: Trace): DialogState {
  return { ...state, lastAnswer: { trace: t, explain: texts(dialogs, 'why.feedback') } };
}

/** "ik wil een klacht indienen", "i want to file a complaint": a complaint to be handled. */
const COMPLAINS = /\b(een\s+klacht|klacht\s+(indienen|in\s+dienen|doen|melden|over)|wil\s+(\S+\s+)?klagen|(file|make|lodge|submit)\s+a\s+(formal\s+)?complaint|(want|like)\s+to\s+complain|ombudsman)\b/i;
/** "ik wil een medewerker spreken", "talk to someone": a person asked for. */
const ASKS_PERSON = /\b(medewerker|mens\s+spreken|iemand\s+spreken|(talk|speak)\s+to\s+(a|someone|somebody)|person)\b/i;

/** Words that file a complaint (and ask no person), heard as one by the NLU: "ik wil een klacht indienen". */
function filesComplaint(words: string, nlu: ParseResult): boolean {
  return nlu.handoffs.some((h) => h.reason === 'complaint') && COMPLAINS.test(words) && !ASKS_PERSON.test(words);
}

/**
 * The words after a score that only say what went wrong in this contact ("de wachttijd was lang", "ik
 * vond het onduidelijk"): feedback, though the NLU hears a complaint or frustration in them. Not a
 * complaint to be filed or a person asked for, and never any other special situation.
 */
function aboutTheContact(msg: string, nlu: ParseResult): boolean {
  return !msg.includes('?') && nlu.entities.length === 0 && nlu.handoffs.every((h) => h.reason === 'complaint' || h.reason === 'frustration') && !COMPLAINS.test(msg) && !ASKS_PERSON.test(msg);
}
