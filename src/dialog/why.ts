/**
 * "Waarom?" after an answer (lesson 4: every answer is traceable, and the citizen may ask why): which
 * messages ask it, and the reply that says what the answer rested on. Pure, like step.ts.
 */
import { withKind } from './crisis-kind.ts';
import type { ParseResult } from '../nlu/types.ts';
import { text, trace } from './texts.ts';
import { afterAnAnswer } from './last-answer.ts';
import { lastAnswered, lastText } from './answer-sentences.ts';
import type { DialogSet, DialogState, HandoffRecord, StepResult } from './types.ts';
import { strongest, whyHandedOff } from './hand-off.ts';
import { mentions } from './variants.ts';
import { askFeedback } from './feedback.ts';

// Stretched as people type it in a chat: "whyyy", "waaromm", "hoezoo".
export const WHY = /^\s*((en|maar|ok(é|e)?|and|but|so)[,]?\s+)?(wa+ro+m+|wh+y+|hoe+zo+|how come|hoe (weet|weten) (je|u|jij|jullie) dat( zo zeker)?|how do you know( that| this| so)?|how can you be sure|waar (baseer|baseert) (je|u) dat op)\s*[?!.]*\s*$/i;
/**
 * "Waar staat dat?", "is dat zeker?", "says who?", "are you sure?": where the last answer comes from,
 * asked as doubt. Only outside a flow: while the case number is asked, "waar staat dat?" asks where to find it.
 */
const DOUBT = /^\s*((en|maar|ok(é|e)?|and|but|so)[,]?\s+)?(waar staat dat( dan| ergens| precies| geschreven)?|waar (haal|haalt) (je|u) dat (vandaan|uit)|waar komt dat vandaan|(is|weet (je|u)) dat (wel |echt )?zeker|zeker weten|wie zegt dat( dan)?|volgens wie|says who|who says( so| that)?|are you sure( about that)?|is (that|this) (certain|sure)|where does it say (that|so)|where is (that|this|it) written|what is your source)\s*[?!.]*\s*$/i;
/** "Waarom moet dat binnen 5 dagen?", "why do I have to do that?": a why about the answer just given. */
const WHY_THAT = /^\s*((en|and|maar|but|ok(é|e)?)[,]?\s+)?(waarom|why|hoezo|how come)\b/i;

/**
 * Whether the message asks why of the last answer: "waarom?" alone, or right after a plain answer a
 * short why that points back at it (`followsUp`: variants.ts isFollowUp) or has only words of that
 * answer and of asking why ("waarom binnen 5 dagen?", "waarom zo snel", "why so?"). After a case's status,
 * "waarom duurt het zo lang?" asks about the case, not about where the status came from.
 */
export function asksWhy(state: DialogState, dialogs: DialogSet, msg: string, followsUp: (msg: string) => boolean): boolean {
  if (WHY.test(msg)) return true;
  if (DOUBT.test(msg)) return !!state.lastAnswer && !state.active;
  const last = state.lastAnswer;
  // "Wat betekent dat?" to "Deze gegevens komen niet overeen": what the check is, as "waarom?" tells it.
  if (last?.trace.step === 'mismatch' && MEANS_THAT.test(msg)) return true;
  if (!last || !WHY_THAT.test(msg) || ABOUT_DELAY.test(msg)) return false;
  // "en waarom is het minder dan vorige maand?" after the payment dates: a question of its own, which
  // another variant of that answer's intent answers (less paid), not why the answer said what it said.
  if (lastAnswered(state, dialogs)?.variants?.some((v) => v.id !== last.topic && mentions(v, msg))) return false;
  if (!followsUp(msg) && !ofTheAnswersWords(state, dialogs, msg)) return false;
  // After a status, "waarom duurt het zo lang?" is about the case; after a check that failed ("waarom
  // klopt het niet?"), about that check.
  if (last.trace.dialog === 'case_status') return last.trace.step === 'mismatch';
  // "Waarom vraag je dat?" after any reply that can say why (the offer of a person after "help").
  return afterAnAnswer(state, lastAnswered(state, dialogs)) || WHY_ASK.test(msg);
}

/** "Wat betekent dat?", "hoe bedoel je?", "what do you mean?": the whole message. */
const MEANS_THAT = /^\s*((en|maar|ok|oké|and|but|so|sorry)[,]?\s+)?(wat (betekent|betekend|beteken|bedoel(t|en)?( je| u)?( met)?) (dat|dit|het)|hoe (bedoel|bedoelt) (je|u)( dat)?|wat (wil|wilt) (je|u) (daarmee )?zeggen|(wat|welke) (klopt|klopte) (er )?niet|what (does|do) (that|this|it) mean|what (that|this|it) means?|what (means|mean) (that|this|it)|what do you mean( by that)?|what('?s| is) (wrong|not right)|which one (is wrong|does not match|doesn'?t match))\s*[?!.]*\s*$/i;

/** "Waarom vraag je dat?", "why do you ask?": why the assistant said what it said. */
const WHY_ASK = /^\s*((en|maar|and|but)[,]?\s+)?(waarom|hoezo|why) (vraag|vraagt|zeg|zegt|wil|do|did|would) (je|u|jij|you) (dat|dit|het|that|this|ask|say)\b/i;

/** "Why so late this month?", "waarom duurt het zo lang?": about the citizen's own wait, not about the answer's source. */
const ABOUT_DELAY = /\b(laat|late|later|lang|long|nog niet|not yet|niks|niets|nothing|geen geld|no money|vertraagd|vertraging|delayed|delay)\b/i;

/**
 * "waarom?" right after an answer: say in plain words what it rested on, and under which version of
 * the dialogs. The text is the one stored with the answer, so it fits the version it names.
 */
export function explain(state: DialogState, dialogs: DialogSet): StepResult {
  const last = state.lastAnswer;
  // Asked again right after the why: the same why, said to be all there is, and who knows more.
  const again = !!last && state.explainedAt === state.turns - 1 && last.trace.reason === undefined;
  // "waarom?" is recognised by rule, not by the classifier: the trace says so.
  const t = trace(dialogs, { dialog: 'why', step: !last ? 'nothing_to_explain' : again ? 'explain_again' : 'explain', intent: 'why', confidence: 1, sources: [...(last?.trace.sources ?? []), { kind: 'rule', ref: 'why-after-answer' }] });
  const why = last ? (again ? text(dialogs, 'why.again', state.lang, { why: last.explain[state.lang] }) : last.explain[state.lang]) : '';
  const msg = last
    ? `${why} ${text(dialogs, 'why.version', state.lang, { dialog: last.trace.dialog, version: last.trace.dialogVersion })}`
    : text(dialogs, 'why.nothing', state.lang);
  return { state: last ? { ...state, explainedAt: state.turns } : state, replies: [{ text: msg, trace: t }], effects: [] };
}

/**
 * "waarom?" right after a reply that was not an answer: the fallback (why it could not place the
 * message, by the fallback's step), or the feedback question (why a score is asked). Not the why of
 * the answer before them, which the citizen did not ask about.
 */
export function explainLastReply(state: DialogState, dialogs: DialogSet): StepResult | null {
  const said = state.replyWhy;
  if (said?.turn !== state.turns - 1 || !dialogs.texts.has(said.key)) return null;
  const t = trace(dialogs, { dialog: 'why', step: said.step, intent: 'why', confidence: 1, sources: [{ kind: 'rule', ref: said.rule }, { kind: 'dialog', ref: said.file }] });
  // Asked once more right after: the same why again (it is still about that reply).
  return { state: { ...state, replyWhy: { ...said, turn: state.turns } }, replies: [{ text: text(dialogs, said.key, state.lang), trace: t }], effects: [] };
}

/**
 * "Waarom moet ik een medewerker spreken?", "why do I have to talk to a person?", "waarom kun je me niet
 * zelf helpen?": a why about the person just promised. The lexicon hears a request for a person in it.
 */
const WHY_A_PERSON = /^\s*((en|maar|ok(é|e)?|and|but|so)[,]?\s+)?(waarom|hoezo|why|how come)\b(?=[^.!?]*\b(medewerk\w*|mens|persoon|iemand|person|human|someone|somebody|staff|caseworker|doorverbonden|doorgestuurd|doorverwezen|verwezen|wachtrij|queue|passed on|transferred|referred|(niet|not) (zelf |yourself )?(helpen|help)|can'?t you help|cannot you help)\b)[^.!?]{0,100}[?!.]*\s*$/i;

/**
 * Whether the message asks why the last reply handed the conversation to a person (`WHY_A_PERSON`),
 * with no situation in it beside the request for a person its words make the lexicon hear.
 */
export function asksWhyAPerson(state: DialogState, msg: string, nlu: ParseResult): boolean {
  const last = state.lastAnswer?.trace;
  return last?.dialog === 'handoff' && last.reason !== undefined && nlu.handoffs.every((h) => h.reason === 'explicit_request') && asksWhyOfAPerson(msg);
}

/** Words of the wait itself in a why ("waarom duurt het zo lang voordat er iemand komt?"): about the wait, not why a person. */
const ABOUT_THE_WAIT = /\b(lang|lange|long|longer|duurt|duren|takes?|taking|wachten|wait|waiting|wanneer|when)\b/i;

/** "Waarom moet ik met iemand praten?", "why do I have to talk to someone?": why a person, whatever the last reply was. */
export const asksWhyOfAPerson = (msg: string): boolean => WHY_A_PERSON.test(msg) && !ABOUT_THE_WAIT.test(msg);

/**
 * "Waarom moet ik met iemand praten?" while waiting after a crisis: why a person will contact them, in
 * gentle words, and the crisis line again. Never that the wait can be given up (explainHandoff does
 * that for other waits), and not the place in the queue as if a person had been asked for once more.
 */
export function explainCrisisWait(state: DialogState, dialogs: DialogSet): StepResult {
  const t = trace(dialogs, { dialog: 'why', step: 'handoff_distress', intent: 'why', confidence: 1, sources: [{ kind: 'rule', ref: 'handoff:distress' }, { kind: 'dialog', ref: 'dialogs/messages.yaml' }] });
  return { state, replies: [{ text: text(dialogs, withKind(dialogs, state.handoffs, 'why.handoff.distress'), state.lang), trace: t }], effects: [] };
}

/**
 * The why of the handoff (its reason in plain words, as "waarom?" after it says it), and, to someone
 * waiting who asks why they must, that they need not: the wait can be given up (not a wait for a crisis).
 */
export function explainHandoff(state: DialogState, dialogs: DialogSet, queued: boolean): StepResult {
  // Asked later, while waiting: the why of the wait (its strongest handoff), not of the last reply, which
  // may be anything since ("Ik verwees u naar een medewerker omdat u schreef: "need a person"" was the why-question itself).
  const handoff = state.lastAnswer?.trace.reason === undefined ? strongest(state.handoffs) : undefined;
  const told = handoff ? explainWait(state, dialogs, handoff) : explain(state, dialogs);
  if (!queued || state.handoffs.some((h) => h.reason === 'distress')) return told;
  const t = trace(dialogs, { dialog: 'why', step: 'handoff_optional', intent: 'why', confidence: 1, sources: [{ kind: 'dialog', ref: 'dialogs/messages.yaml' }] });
  return { ...told, replies: [...told.replies, { text: text(dialogs, 'why.handoff_optional', state.lang), trace: t }] };
}

/** The why of a recorded handoff, in the words "waarom?" gave right after it. */
function explainWait(state: DialogState, dialogs: DialogSet, h: HandoffRecord): StepResult {
  const t = trace(dialogs, { dialog: 'why', step: 'explain_handoff', intent: 'why', confidence: 1, sources: [{ kind: 'rule', ref: `handoff:${h.reason}` }, { kind: 'dialog', ref: 'dialogs/messages.yaml' }] });
  return { state, replies: [{ text: whyHandedOff(dialogs, h)[state.lang], trace: t }], effects: [] };
}

/**
 * A plain yes ("ja", "ja graag", "yes please"; not "ok", which takes note) in the message right after an
 * answer that ended with "Wilt u weten waarom ik dit zeg?" (`state`: with this message's turn counted).
 */
export function wantsTheWhy(state: DialogState, msg: string): boolean {
  return offeredWhy(state) && WANTS_IT.test(msg);
}
const offeredWhy = (state: DialogState): boolean => state.lastAnswer?.offersWhy === state.turns - 1 && !state.active && !state.pending;
const WANTS_IT = /^\s*(ja|jawel|jazeker|ja graag|graag|ja hoor|ja please|ja,? waarom|yes|yes please|yeah|yep|sure|please)\s*[.!]*\s*$/i;
const NO_NEED = /^\s*(nee|neen|nee hoor|nee dank( je| u)?( wel)?|nee bedankt|nee hoeft niet|hoeft niet|niet nodig|no|nope|no thanks|no thank you|no need)\s*[.!]*\s*$/i;

/**
 * "nee" to the offer of the why, or right after a plain answer (an answer of its own, not a flow's
 * question): yes to the offer is the why; the no was answered with "Dat kan ik niet beantwoorden" and
 * "Wat ik erover weet, staat in mijn antwoord hierboven" before, and is now a plain "Goed. Heeft u nog
 * een vraag?", with the feedback question once per contact (not while the citizen waits for a person).
 */
export function answerWhyOfferOrNo(state: DialogState, msg: string, dialogs: DialogSet, waiting: boolean): StepResult | null {
  if (wantsTheWhy(state, msg)) return explain(state, dialogs);
  // "nee" to "Graag gedaan! Heeft u nog een vraag?": no more questions, the end of the contact.
  if (NO_NEED.test(msg) && !state.active && !state.pending && (state.lastAnswer?.trace.dialog === 'thanks' || state.lastAnswer?.trace.step === 'thanks_back')) {
    const bye = trace(dialogs, { dialog: 'thanks', step: 'no_more', intent: 'thanks', confidence: 1, sources: [{ kind: 'dialog', ref: 'dialogs/messages.yaml' }] });
    return { state, replies: [{ text: text(dialogs, 'feedback.skipped', state.lang), trace: bye }], effects: [] };
  }
  const offered = offeredWhy(state);
  if (!NO_NEED.test(msg) || !(offered || afterPlainAnswer(state, dialogs))) return null;
  const [dialog, step] = offered ? ['why', 'not_needed'] : ['none', 'no_after_answer'];
  const t = trace(dialogs, { dialog, step, intent: dialog, confidence: 1, sources: [{ kind: 'dialog', ref: 'dialogs/messages.yaml' }] });
  const done: StepResult = { state, replies: [{ text: text(dialogs, 'why.not_needed', state.lang), trace: t }], effects: [] };
  if (waiting || state.feedbackAbout === 'contact') return done;
  const asked = askFeedback(state, dialogs, 'contact');
  return { ...done, state: asked.state, replies: [...done.replies, asked.reply] };
}
/** The last thing answered was a plain answer, and nothing is asked of the citizen now (a flow's question, a pending yes or no). */
const afterPlainAnswer = (state: DialogState, dialogs: DialogSet): boolean => !state.active && !state.pending && afterAnAnswer(state, lastAnswered(state, dialogs));

/** At most this many words in a why that only repeats words of the answer. */
const WHY_WORDS = 6;
/** Words of asking why, beside the answer's own: "waarom zo snel", "why so?", "waarom moet dat dan?". */
const ASKING_WHY: ReadonlySet<string> = new Set([
  'waarom', 'hoezo', 'en', 'maar', 'ok', 'oké', 'oke', 'zo', 'snel', 'dat', 'dit', 'het', 'is', 'niet', 'nou', 'dan', 'toch', 'eigenlijk', 'precies',
  'moet', 'moeten', 'ik', 'u', 'we', 'wij', 'er', 'daar', 'mag', 'kan', 'nodig',
  'why', 'how', 'come', 'and', 'but', 'so', 'that', 'this', 'it', 'is', 'not', 'then', 'exactly', 'do', 'does', 'i', 'have', 'to', 'need', 'must', 'we',
  'you', 'there', 'can', 'may', 'fast', 'quick', 'quickly', 'soon',
  // "waarom zo duur?", "why so expensive?" after the fees: why they are what the answer says (its rule), not the benefit dates.
  'duur', 'duurder', 'zoveel', 'veel', 'hoog', 'expensive', 'costly', 'pricey', 'much', 'high',
]);
const wordsOf = (s: string): string[] => s.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean);

/** A short why after a plain answer whose other words are all that answer's own, or words of asking why. */
export function ofTheAnswersWords(state: DialogState, dialogs: DialogSet, msg: string): boolean {
  const last = lastAnswered(state, dialogs);
  const words = wordsOf(msg);
  if (!afterAnAnswer(state, last) || words.length > WHY_WORDS) return false;
  const said = new Set(wordsOf(lastText(state, last!)));
  // "waarom 5 dagen?" after "5 werkdagen": a Dutch compound's last part is that answer's word too.
  const inCompound = (w: string): boolean => w.length >= 4 && [...said].some((s) => s.endsWith(w));
  return words.every((w) => ASKING_WHY.has(w) || said.has(w) || inCompound(w));
}
