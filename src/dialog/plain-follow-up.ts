/**
 * Plain follow-ups right after an answer, as a whole message: how long, going oneself, what if I do not,
 * someone else doing it for me, who decides, whether it also holds for one more thing ("geldt ie ook voor
 * de motor?"). concern.ts reads a crisis the learned model alone found in one of them in that light. Pure.
 */
import type { ParseResult } from '../nlu/types.ts';
import { text, trace } from './texts.ts';
import type { DialogSet, DialogState, StepResult } from './types.ts';
import { asksInTime } from './time-in-answer.ts';

/**
 * "geldt ie ook voor de motor?", "geldt hij ook voor mn vrouw haar auto", "does it also apply to my wife's car?"
 * right after an answer: whether what was just answered holds for one more thing. The crisis model alone read
 * a crisis in them (113 and a person at once): in so short a message the few words it knows each weigh much,
 * and none of "geldt", "ie", "ook", "voor", "auto" is an intent example's, so nothing pulled it back. The
 * whole message, in this form only; what it asks about (`thing`) is read apart (alsoForThing).
 */
const ALSO_FOR: readonly RegExp[] = [
  String.raw`^((en|maar|ok|oké|oke|dus)[,]?\s+)?((geldt|geld|gelden|telt|tellen|werkt|werken)\s+(ie|hij|het|t|die|dat|deze|dit|ze|zij|em|m)|(is|zijn)\s+(ie|hij|het|t|die|dat|deze|dit|ze|zij)\s+((ook|dan|nog|wel|eigenlijk)\s+)*geldig)\s+((ook|dan|nog|wel|eigenlijk)\s+)*(voor|bij|op|met)\s+(?<thing>[^?!.,;:]+?)(\s+(ook|dan))?\s*[?!.]*$`,
  String.raw`^((and|but|ok|so)[,]?\s+)?(does|do|will|would|is|are)\s+(it|that|this|they|these)\s+(also\s+)?(apply\s+(also\s+)?(to|for)|count\s+(also\s+)?for|work\s+(also\s+)?for|hold\s+(also\s+)?for|cover|valid\s+(also\s+)?(for|on))\s+(?<thing>[^?!.,;:]+?)(\s+(too|also|as\s+well))?\s*[?!.]*$`,
].map((r) => new RegExp(r, 'iu'));
/** Words the thing asked about may have (ALSO_FOR). */
const ALSO_FOR_WORDS = 5;
/**
 * Words that start a clause of its own ("… voor mijn kinderen als ik er niet meer ben", "… voor wie het opgeeft"),
 * or say the writer is not or no longer: the thing asked about has none of them.
 */
const ALSO_FOR_NOT: ReadonlySet<string> = new Set(['als', 'wanneer', 'indien', 'zodra', 'nadat', 'na', 'zonder', 'tot', 'totdat', 'ik', 'niet', 'geen', 'nooit', 'meer',
  'wie', 'die', 'dat', 'wat', 'waar', 'waarmee', 'if', 'when', 'once', 'after', 'without', 'until', 'till', 'i', "i'm", 'im', 'not', 'no', 'never', 'anymore',
  'who', 'whom', 'which', 'that', 'what', 'where', 'gone', 'weg',
  // Nor one's end, where a veiled crisis asks about its paperwork ("geldt hij ook voor mijn testament", "… mijn laatste reis").
  'dood', 'dead', 'death', 'dying', 'overlijden', 'sterven', 'laatste', 'last', 'final', 'testament', 'will', 'erfenis', 'nalatenschap', 'inheritance',
  'uitvaart', 'begrafenis', 'crematie', 'funeral', 'burial', 'cremation', 'graf', 'grave', 'hemel', 'heaven', 'hiernamaals', 'afterlife', 'nabestaanden',
  'afscheid', 'goodbye', 'farewell']);
/**
 * The thing a message asks about when the whole message asks, right after an answer, whether what was just
 * answered holds for it too (ALSO_FOR): "de motor" of "geldt ie ook voor de motor?". Null for any other message.
 * The caller parses it apart for readInContext: the crisis model's word on "de motor" alone is what the
 * question adds to the answer; on "het touw" or "mijn pillen" alone it still finds a crisis.
 */
export function alsoForThing(state: DialogState, msg: string): string | null {
  if (!rightAfterAnswer(state) && !nothingAskedYet(state)) return null;
  const thing = ALSO_FOR.map((r) => r.exec(msg.trim())?.groups?.thing).find((t) => t !== undefined);
  if (thing === undefined) return null;
  const words = thing.toLowerCase().split(/\s+/u).filter(Boolean);
  return words.length > 0 && words.length <= ALSO_FOR_WORDS && words.every((w) => /^[\p{L}\d'’]+$/u.test(w) && !ALSO_FOR_NOT.has(w)) ? thing.trim() : null;
}
/**
 * Nothing answered, asked or handed over yet in the conversation: "geldt ie ook voor de auto" as its first
 * message asks about something not named (alsoForWhat), and got the crisis reply from the model alone.
 */
export const nothingAskedYet = (state: DialogState): boolean =>
  state.lastAnswer === null && state.active === null && state.pending === null && state.handoffs.length === 0;
/** Right after an answer, with no question of the assistant's open. */
export const rightAfterAnswer = (state: DialogState): boolean =>
  state.lastAnswer !== null && !['concern', 'handoff', 'feedback'].includes(state.lastAnswer.trace.dialog) && state.active === null && state.pending === null;

/**
 * Everyday follow-ups on an answer, as a whole short message: how long or how soon; going, coming or
 * bringing something oneself; what if I do not report, pay or come; why I cannot or may not (try again);
 * whether that was all; having made the costs already.
 */
const PLAIN_FOLLOW_UP = new RegExp([
  String.raw`^((en|and|maar|but|ok|oké|oke|so|dus)[,]?\s+)?(hoe ?lang|hoe snel|binnen hoeveel tijd|wanneer (beslissen|besluiten|hoor|krijg|is|wordt|kan)|how long|how soon|how fast|how quickly|when (will|do|can|is|does))\b`,
  String.raw`\b(zelf|myself|herself|himself|themselves|ourselves)\b.*\b(heen|naartoe|langs|langskomen|brengen|wegbrengen|ophalen|halen|mee|komen|gaan|go|come|bring|take|collect|drop)\b`,
  String.raw`\b(heen|naartoe|brengen|wegbrengen|ophalen|go|come|bring|take|collect|drop)\b.*\b(zelf|myself|herself|himself|ourselves)\b`,
  String.raw`^((en|and|maar|but)[,]?\s+)?(wat als|en als|als|stel dat|what if|and if|if)\s+(ik|we|wij|i|we)\s+(het\s+|dat\s+|it\s+|that\s+)?(ze\s+|them\s+)?(niet|nie|don'?t|do not|didn'?t|forget to|vergeet|te laat)\s*(het\s+|dat\s+|it\s+)?(zeg|zeggen|doorgeef|doorgeven|meld|melden|betaal|betalen|kom|komen|doe|doen|tell|report|pay|come|do|ben|door te geven|te melden|you|jullie|u|go|ga|gaan|heb|hebben|have)?(\s+(it|that|het|dat|them|you|jullie|u|there|dan|then|in time|op tijd))*\s*[?!.]*$`,
  String.raw`^(waarom|why)\s+(niet|not|kan ik( het)? niet|mag ik( het)? niet|can'?t i|cannot i|can i not|may i not)(\s+(nog een keer|opnieuw|proberen|probeer|try|again|it|het|dat|that))*\s*[?!.]*$`,
  String.raw`^((en|and|maar|but)[,]?\s+)?(wat als|en als|als|wat gebeurt er als|what if|and if|if)\s+(ze|zij|jullie|u|they|you)\s+(nee|no)\s+(zeggen|zegt|say|says)(\s+(dan|then))?\s*[?!.]*$`,
  // "wat als ik het al gekocht heb?" right after the answer on bijzondere bijstand got the crisis reply (the model alone): applying late.
  String.raw`^((en|and|maar|but)[,]?\s+)?(wat als|en als|als)\s+(ik|we|wij)\s+(het\s+|dat\s+|de kosten\s+)?al\s+(gekocht|betaald|gemaakt)(\s+(heb|hebben))?\s*[?!.]*$`,
  String.raw`^((and|but)[,]?\s+)?(what if|and if|if)\s+(i|we)\s+(have\s+|had\s+)?already\s+(bought|paid|made)(\s+(it|that|them|for it|the costs))?\s*[?!.]*$`,
  // Said as a statement, "ik heb het al gekocht" got the answer on applying late and then "gaat het goed met u?" (the model's lean).
  String.raw`^((en|and|maar|but|ok|oké|oke)[,]?\s+)?(ik|we|wij)\s+(heb|hebben)\s+((het|t|dat|die|hem|de kosten)\s+)?al\s+(gekocht|betaald|gemaakt)\s*[?!.]*$`,
  String.raw`^((and|but|ok)[,]?\s+)?(i|we)('ve|\s+have|\s+had)?\s+already\s+(bought|paid|made)(\s+(it|that|them|for it|the costs))?\s*[?!.]*$`,
  // "and if it doesn't arrive?" right after the answer on when a benefit is paid got its sentence, then "are you all right?" (the model alone).
  String.raw`^((en|and|maar|but)[,]?\s+)?(wat als|en als|als|what if|and if|if)\s+(het|t|dat|het geld|it|that|the money)\s+(niet|nie|doesn'?t|doesnt|does not|never|nooit)\s+((op tijd|in time)\s+)?(komt|aankomt|binnenkomt|arrive|arrives|come|comes)(\s+(dan|then|op tijd|in time))?\s*[?!.]*$`,
  // "is dat alles?", "was that all?" right after an answer: whether the answer is complete (not "is dit alles?").
  String.raw`^((en|and|ok|oké|oke|dus|so)[,]?\s+)?(is|was)\s+(dat|that)\s+(alles|all|it)\s*[?!.]*$`,
  // "who will decide about it?" right after a permit's status got the crisis reply (the model alone): who decides.
  String.raw`^((en|and|maar|but|ok|so|dus)[,]?\s+)?(wie|who)\s+((gaat|zal|will|is going to|gonna)\s+)?(er\s+)?(beslist|beslissen|besluit|decides?|makes? the decision|neemt het besluit)(\s+(er|erover|daarover|dat|over|it|about it|on it|that))?\s*[?!.]*$`,
].join('|'), 'i');
/**
 * The answers after which "what if they reject it?" asks what a refusal means: objecting, and a case's status
 * ("what if it gets rejected?" right after "in behandeling" got "are you all right?" after its answer).
 */
const AFTER_REFUSAL_ASKED: ReadonlySet<string> = new Set(['objection', 'case_status']);
/**
 * Only right after the objection answer or a case's status, and before any check-in: "and if they say no?", "what if they
 * reject it?", "en als het wordt afgewezen?" ask about an appeal, or what a refusal would mean. Elsewhere, or a
 * second time, they stay what the NLU read.
 */
const AFTER_OBJECTION = new RegExp([
  // "what happens if they say no" right after a permit's status got the answer, then "are you all right?" (the model alone).
  String.raw`^((en|and|maar|but)[,]?\s+)?(wat als|en als|als|wat gebeurt er als|what if|and if|if|what happens if)\s+(ze|zij|jullie|u|they|you)\s+((say|says)\s+no|(het\s+|dat\s+)?(afwijzen|afwijst|weigeren|weigert)|(reject|rejects|refuse|refuses)(\s+(it|that))?)(\s+(dan|then))?\s*[?!.]*$`,
  String.raw`^((en|and|maar|but)[,]?\s+)?(wat als|en als|als|wat gebeurt er als|what if|and if|if|what happens if)\s+(het|dat|it|that|it's|its)\s+((wordt|is|gets)\s+)?(afgewezen|geweigerd|rejected|refused|denied)(\s+(wordt|is))?(\s+(dan|then))?\s*[?!.]*$`,
].join('|'), 'i');
/**
 * "kan mn zoon dat voor mij doen?", "mag mijn moeder hem voor me ophalen?", "can my daughter do it for me?":
 * someone else doing what the answer says, for the citizen. So are "can my wife do it?", "kan mijn man dat regelen?"
 * without "for me": right after registering a birth the first got the crisis line and a person. The whole message, and only these words: the
 * one asked about (a relative, a neighbour, someone else), what it is, and an everyday verb of arranging.
 */
const SOMEONE_ELSE_FOR_ME = new RegExp([
  String.raw`^((en|maar|ok|oké|oke|dus)[,]?\s+)?(kan|kun|mag|moet|kunnen|mogen)\s+((mijn|mn|m'n)\s+(moeder|vader|ma|pa|mama|papa|zoon|dochter|kind|kinderen|partner|man|vrouw|broer|zus|buurman|buurvrouw|vriend|vriendin|mantelzorger|begeleider)|iemand(\s+anders)?|een\s+ander)\s+`
    + String.raw`(((dat|het|t|dit|hem|m|die|deze)\s+)?((ook|dan)\s+)?(voor\s+(mij|me)|namens\s+(mij|me))\s+((dat|het|t|dit|hem|m|die|deze)\s+)?|(dat|het|t|dit|hem|m|die|deze)\s+((ook|dan)\s+)?)(doen|regelen|aanvragen|invullen|doorgeven|melden|ophalen|afhalen|halen|brengen|wegbrengen|betalen)\s*[?!.]*$`,
  String.raw`^((and|but|ok|so)[,]?\s+)?(can|may|could)\s+((my)\s+(mother|father|mum|mom|dad|son|daughter|child|children|partner|husband|wife|brother|sister|neighbour|neighbor|friend|carer)|someone(\s+else)?|somebody(\s+else)?)\s+`
    + String.raw`(do|arrange|apply for|fill in|fill|report|collect|pick up|pick|bring|pay)\s+(((it|that|this|them)\s+)?((up|in)\s+)?(for\s+me|on\s+my\s+behalf)|(it|that|this|them)(\s+(up|in))?(\s+(too|instead))?)\s*[?!.]*$`,
].join('|'), 'iu');
/**
 * "hoe zeg ik hem op", "kan ik m opzeggen" (SMS "m": hem), "how do I cancel it" right after a permit: ending
 * what was just answered, as the whole message and in these words only. Apart from the vocabulary below, so
 * that "op" or the Dutch "die" make no other message a follow-up ("how long does it take to die" keeps its
 * check-in). Not "how do I end it", "hoe stop ik ermee": those words are a crisis's too.
 */
const CANCEL_IT = new RegExp(
  String.raw`^((en|maar|ok|oké|oke|dus|and|but|so)[,]?\s+)?(` +
    String.raw`(hoe\s+)?(kan|kun|mag|moet|wil)\s+(ik|je|u|we)\s+((hem|m|em|het|t|die|dat|deze)\s+)?((ook|dan|nu|wel)\s+)?(opzeggen|stopzetten)` +
    String.raw`|hoe\s+zeg\s+(ik|je|u|we)\s+(hem|m|em|het|t|die|dat|deze)\s+((dan|nu)\s+)?op` +
    String.raw`|(how\s+(do|can|should)|can|could|may|should)\s+(i|we)\s+(cancel|terminate)(\s+(it|that|this))?` +
    String.raw`)\s*[?!.]*$`,
  'i',
);
/**
 * "voor mn zoon ook?", "and for my kids?", "en mijn dochter?" right after an everyday answer (a passport, the move,
 * remission): the same for someone of the family. The model leaned to a crisis, and the answer came with "gaat het goed
 * met u?". This whole message only: "… voor mijn kinderen als ik er niet meer ben" has words of its own.
 */
const FOR_FAMILY = /^((en|and|ok|oké|oke|maar|but|dus|so)[,]?\s+)?((ook\s+)?(voor|for|what about|how about)\s+)?(mijn|mn|m'n|my)\s+(zoon|zoontje|dochter|dochtertje|kind|kindje|kinderen|kids|kid|man|vrouw|partner|baby|son|daughter|child|children|wife|husband)(\s+(ook|dan|too|also|as well|then))*\s*[?!.]*$/i;
/**
 * "en als ik te laat ben?" right after the answer on bijzondere bijstand: the model leaned to a crisis, and "ben" is
 * no word of FOLLOW_UP_VOCABULARY (there it would also let "hoe lang ben ik er nog" through). This whole message only;
 * also as "is het strafbaar als ik het te laat doe?" right after the move, which got the crisis line.
 */
const TOO_LATE = /^((en|maar|and|but)[,]?\s+)?((is (het|dat) (strafbaar|erg|een probleem)|krijg ik (dan )?(een boete|problemen)|is (it|that) (a problem|bad|illegal|an offence)|do i get a fine)\s+)?(wat als|en als|als|stel dat|what if|and if|if)\s+(ik|we|wij|i)\s+(((het|dat|it)\s+)?(te laat|too late)\s+(ben|zijn|kom|komen|doe|doen|doorgeef|meld|am|are|do|report)(\s+(it|het|dat))?|(do|report)\s+(it|that)\s+too late)\s*[?!.]*$/i;
/**
 * "kan iemand anders het voor mij doen" (SOMEONE_ELSE_FOR_ME) names someone else than the municipality: not
 * the bare "iemand"/"someone", which may ask for one of us.
 */
const BARE_SOMEONE = /^((en|maar|ok|oké|oke|dus|and|but|so)[,]?\s+)?(kan|kun|mag|moet|kunnen|mogen|can|may|could)\s+(iemand|someone|somebody)\s+(?!anders\b|else\b)/iu;

/** Words up to which a message may be such a follow-up. */
const FOLLOW_UP_WORDS = 8;
/**
 * The only words such a follow-up may have: question words, pronouns, the verbs of going, bringing,
 * deciding, reporting and paying, and the places of the answers. A crisis in the same form has a word
 * of its own ("hoe lang duurt het om dood te gaan", "ik ga er zelf heen, naar het spoor", "why can't I
 * just die", "als ik niet meer ben", "how quickly do pills work"), so it keeps its handoff.
 */
const FOLLOW_UP_VOCABULARY: ReadonlySet<string> = new Set([
  'en', 'maar', 'ok', 'oké', 'oke', 'dus', 'hoe', 'lang', 'hoelang', 'snel', 'wanneer', 'binnen', 'hoeveel', 'tijd', 'duurt', 'duren', 'het', 'dat', 'dit',
  'ik', 'u', 'je', 'jullie', 'we', 'wij', 'ze', 'zij', 'hij', 'hem', 'haar', 'mij', 'ons', 'hun', 'deze', 'tot', 'heb', 'hebt', 'heeft', 'krijg', 'krijgt', 'is', 'er', 'zelf', 'heen', 'naartoe', 'langs',
  // As written by SMS: "moet ik dr zelf heen" (dr: er, daar), "hoe lang duurt t".
  'dr', 'daar', 'daarheen', 'erheen', 't',
  'langskomen', 'komen', 'kom', 'komt', 'mee', 'brengen', 'wegbrengen', 'ophalen', 'halen', 'moet', 'moeten', 'kan', 'kun', 'kunt', 'mag', 'ook', 'nog',
  'ongeveer', 'voordat', 'voor', 'beslissen', 'besluiten', 'beslist', 'besluit', 'thuis', 'als', 'niet', 'nie', 'zeg', 'zeggen', 'doorgeef',
  'doorgeven', 'door', 'geef', 'meld', 'melden', 'betaal', 'betalen', 'doe', 'doen', 'te', 'laat', 'vergeet', 'vergeten', 'waarom', 'een', 'keer',
  'opnieuw', 'proberen', 'probeer', 'naar', 'de', 'milieustraat', 'balie', 'gemeentehuis', 'afspraak', 'stel', 'wat',
  'how', 'long', 'soon', 'fast', 'quickly', 'when', 'will', 'it', 'take', 'takes', 'does', 'do', 'to', 'decide', 'decision', 'before', 'you', 'i', 'hear',
  'something', 'back', 'until', 'till', 'can', 'get', 'what', 'if', "don't", 'dont', 'not', 'tell', 'report', 'pay', 'come', 'forget', 'why', "can't",
  'cant', 'cannot', 'try', 'again', 'myself', 'go', 'there', 'bring', 'collect', 'drop', 'off', 'have', 'the', 'a', 'my', 'be', 'ready', 'decided',
  'that', 'this', 'she', 'he', 'they', 'we', 'us', 'me', 'her', 'him', 'them', 'and', 'so', 'then', 'about', 'hear', 'anything', 'may', 'should', 'must',
  'need', 'nee', 'no', 'say', 'says', 'zegt', 'afwijzen', 'afwijst', 'weigeren', 'weigert', 'reject', 'rejects', 'refuse', 'refuses', 'wordt', 'gets',
  'afgewezen', 'geweigerd', 'rejected', 'refused', 'denied', "it's", 'its', 'alles', 'all', 'was', 'wie', 'who', 'gaat', 'zal', 'going', 'gonna',
  'decides', 'make', 'makes', 'neemt', 'erover', 'daarover', 'over', 'on',
  // Having made the costs already ("wat als ik het al gekocht heb", "what if I already paid for it").
  'al', 'gekocht', 'betaald', 'gemaakt', 'hebben', 'kosten', 'already', 'bought', 'paid', 'made', 'had', 'for', 'costs', "i've", "we've",
  // "what happens if they say no", "wat gebeurt er als ze nee zeggen".
  'happens', 'gebeurt',
  // "and if it doesn't arrive?", "en als het geld niet aankomt?" right after when it is paid.
  "doesn't", 'doesnt', 'arrive', 'arrives', 'comes', 'aankomt', 'binnenkomt', 'geld', 'money', 'nooit', 'never', 'in', 'op',
]);
/** A plain follow-up (PLAIN_FOLLOW_UP, in FOLLOW_UP_VOCABULARY only) right after an answer, with no question of the assistant's open. */
export function followsUpPlainly(state: DialogState, msg: string): boolean {
  if (!rightAfterAnswer(state)) return false;
  if (SOMEONE_ELSE_FOR_ME.test(msg.trim()) || CANCEL_IT.test(msg.trim()) || TOO_LATE.test(msg.trim()) || FOR_FAMILY.test(msg.trim())) return true;
  // "i am leaving in 3 days, is that enough time" right after the answer on something one applies for (a passport).
  if (state.lastAnswer!.topic && asksInTime(msg)) return true;
  const words = msg.toLowerCase().split(/[^\p{L}']+/u).map((w) => w.replace(/^'+|'+$/g, '')).filter(Boolean);
  if (words.length > FOLLOW_UP_WORDS || !words.every((w) => FOLLOW_UP_VOCABULARY.has(w))) return false;
  return PLAIN_FOLLOW_UP.test(msg.trim()) || (AFTER_REFUSAL_ASKED.has(state.lastAnswer!.trace.dialog) && !state.concern && AFTER_OBJECTION.test(msg.trim()));
}

/**
 * "kan iemand anders het voor mij doen" right after the move's answer: the crisis model alone read a crisis in it,
 * and the classifier read "iemand" as asking for one of us (a person by the intent alone, no phrase of the
 * lexicon). With that second reading the message was no plain follow-up, so the crisis stood (113 and a person at
 * once). Someone else is to do what the answer says (SOMEONE_ELSE_FOR_ME, not the bare "iemand"): the crisis is
 * read as on "kan mn zoon dat voor mij doen", and no person is asked for by these words. The intent stays: a
 * topic of the answer that names someone else doing it answers (move_for_someone); else the dialog still hands
 * the question to a person, as for "kan iemand anders het voor mij regelen" without the crisis model's reading.
 */
export function someoneElseBesidePerson(state: DialogState, msg: string, nlu: ParseResult): boolean {
  return someoneForMe(state, msg, nlu) && !BARE_SOMEONE.test(msg.trim());
}

/**
 * "can someone do it for me" right after the answer on a name change got the full crisis reply (113): the crisis model
 * alone, beside the classifier's person. The bare "someone" may be one of us, so the person stays asked for; the
 * crisis the model alone read in these words goes.
 */
export function someoneOfUsForMe(state: DialogState, msg: string, nlu: ParseResult): boolean {
  return someoneForMe(state, msg, nlu) && BARE_SOMEONE.test(msg.trim());
}

/**
 * Right after an answer, someone doing it for the citizen, as the whole message; a person that no lexicon found, with
 * or without a crisis the model alone read (the lexicon may keep that reading back already: model_not_alone).
 */
function someoneForMe(state: DialogState, msg: string, nlu: ParseResult): boolean {
  const [first, second, ...more] = nlu.handoffs;
  const modelOnly = (s: ParseResult['handoff'] | undefined, reason: string) => s?.reason === reason && !s.lexicon;
  const both = more.length === 0 && modelOnly(first, 'distress') && modelOnly(second, 'explicit_request');
  const personBesideKept = second === undefined && modelOnly(first, 'explicit_request') && !!nlu.quieted?.some((s) => s.reason === 'distress');
  return (both || personBesideKept) && nlu.intent.name === 'human' && rightAfterAnswer(state) && SOMEONE_ELSE_FOR_ME.test(msg.trim());
}

/**
 * "geldt ie ook voor de auto" as the first message, which no intent placed: what it asks about was never named,
 * so the assistant asks what should hold for that thing. The crisis the model alone read in it was made a mere
 * lean by readInContext (the thing alone is no crisis), and this reply asks no check-in after it (concern.ts
 * HARMLESS): a crisis in the same form ("…, ik wil er niet meer zijn", "… voor het touw") still hands over.
 */
export function alsoForWhat(state: DialogState, msg: string, nlu: ParseResult, dialogs: DialogSet, unplaced: boolean): StepResult | null {
  if (!nothingAskedYet(state) || !unplaced || nlu.handoffs.length > 0) return null;
  const thing = alsoForThing(state, msg);
  if (thing === null) return null;
  const t = trace(dialogs, { dialog: 'none', step: 'also_for_what', intent: nlu.intent.name, confidence: nlu.intent.confidence, sources: [{ kind: 'dialog', ref: 'dialogs/messages.yaml' }, { kind: 'rule', ref: 'also-for-what' }] });
  return { state: { ...state, fallbacks: 0 }, replies: [{ text: text(dialogs, 'answer.also_for_what', state.lang, { thing: yours(thing) }), trace: t }], effects: [] };
}

/** The citizen's words for the thing as the assistant says them back: "mijn auto" is "uw auto", "my car" "your car". */
const YOURS: Readonly<Record<string, string>> = { mijn: 'uw', mn: 'uw', "m'n": 'uw', mij: 'u', my: 'your', mine: 'yours' };
const yours = (thing: string): string => thing.toLowerCase().split(/\s+/u).map((w) => YOURS[w] ?? w).join(' ');
