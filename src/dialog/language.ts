/**
 * Which language the assistant answers in (Dutch or English, the two it speaks): the language of a
 * message as people write one, a language asked for ("mag ik in het Engels?"), and the conversation's
 * language for a short answer that says nothing about it ("1234 AB"). Pure, like step.ts.
 */
import type { Lang, ParseResult } from '../nlu/types.ts';
import { advanceCase, type FlowContext } from './case-flow.ts';
import { help } from './rules.ts';
import { andThen } from './texts.ts';
import type { DialogState, StepResult } from './types.ts';

const SOCIAL = new Set(['greeting', 'goodbye', 'thanks']);

/**
 * "Mag ik in het Engels?", "do you speak Dutch?": the assistant speaks both, so it switches and says
 * so. No language barrier (that is "ik spreek geen Nederlands", which the lexicon hears) and no
 * person needed. Another language than these two is left to the lexicons: a person with an interpreter.
 */
const GREETING_FIRST = String.raw`^\s*((hallo|hoi|hi|hello|hey|goedemorgen|goedemiddag|goedenavond|good (morning|afternoon|evening))[\s,!.:)]*)?`;
const IN_LANGUAGE = (nl: string, en: string) => new RegExp(`${GREETING_FIRST}(`
  + `(mag|kan|kun|kunt) (ik|het|dat|dit|je|jij|u) (ook |even |weer |gewoon |nu )*(mijn vragen |mijn vraag |de vragen |de vraag |dit gesprek |het gesprek |verder )?(ook |even |gewoon )*(in het )?${nl}( schrijven| vragen| stellen| doen| praten| antwoorden| typen| voeren| chatten)?`
  + `|kunnen (we|wij) (dit gesprek |het gesprek |dit |het )?(ook |verder |weer |gewoon |nu |even )*(in het )?${nl}( praten| schrijven| doen| verder| voeren| chatten)?`
  // Back to the language of before: "kunnen we weer Nederlands praten?", "terug naar het Engels", "back to Dutch please".
  + `|((kunnen|kunt|kan|mag) (we|wij|u|je|het) )?(weer |terug )(naar |in )?(het )?${nl}( praten| schrijven| verder| doen)?`
  + `|((can|could|shall) (we|you) |let'?s |please )?(go |switch |change |get |come )?back (to|into) ${en}`
  + `|((can|could|shall) (we|you) |let'?s |please )?(switch|change) (back )?(to|into) ${en}`
  + `|((can|could) (we|you) )?(talk|speak|write|chat|continue|answer|reply) (in )?${en} again`
  + `|(spreek|spreekt|praat|begrijp|begrijpt|versta|verstaat) (je|jij|u) (ook )?${nl}`
  + `|(liever|graag|alstublieft|aub|svp)? ?(in het )?${nl} (graag|alstublieft|aub|svp|ok|oké|oke|goed)`
  + `|(liever|graag) in het ${nl}`
  + `|(do|can) you (also )?(speak|understand|read|write|do) ${en}`
  + `|can (i|we) (talk|speak|write|chat|continue|ask|do (this|it)|ask (my|the|a) questions?|have (this|the) conversation) (also )?(in )?${en}`
  + `|(speak|talk|write) (in )?${en}`
  + `|(i )?(want|wanna|would like|'d like|prefer|need) (to )?((speak|talk|write|chat|continue) )?(in )?${en}`
  + `|(ik )?(wil|wil graag|zou graag|wil liever) (verder )?(in het )?${nl}( praten| schrijven| spreken| verder)?`
  + `|(is |in )?${en} (ok|okay|fine|possible|allowed|please|pls)`
  + `|in ${en}`
  // The language's name alone, in either language ("English", "Engels?"): the whole message is the wish.
  + `|${en}|${nl}`
  + `|(can|could|would) you (please )?(answer|reply|respond|write|talk|speak|continue|help me) (in )?${en}`
  + `|(het )?(kan|mag) (ook )?(in het )?${nl}( hoor| ook| hoor ook)?`
  + String.raw`)[,]?( (please|pls|plz|alsjeblieft|alstublieft|aub|graag|then|dan|thanks|thank you|hoor))?\s*[?!.]*\s*$`, 'iu');
const LANGUAGE_ASKED: ReadonlyArray<[Lang, RegExp]> = [['en', IN_LANGUAGE('engels', 'english')], ['nl', IN_LANGUAGE('nederlands', 'dutch')]];
/**
 * Each way of asking for a language above and below names the language: a message without one of these
 * words asks for none, and the long patterns (tried on every message) need not be.
 */
const NAMES_A_LANGUAGE = /engels|english|nederlands|dutch/iu;
/** The reasons a bare "in het Engels?" may set off in the NLU: asking for a language reads like a barrier, or a person. */
const LANGUAGE_READ_AS: ReadonlySet<string> = new Set(['vulnerability', 'explicit_request']);

/** The language the citizen asks the assistant to write in, when that is all the message asks. */
export function languageAsked(msg: string, nlu: ParseResult): Lang | null {
  if (!nlu.handoffs.every((h) => LANGUAGE_READ_AS.has(h.reason)) || !NAMES_A_LANGUAGE.test(msg)) return null;
  return LANGUAGE_ASKED.find(([, re]) => re.test(msg))?.[0] ?? THAT_IN_LANGUAGE.find(([, re]) => re.test(msg))?.[0] ?? null;
}

/**
 * "Sorry, can you say that in English please?", "kunt u dat in het Nederlands zeggen?", "dat in het
 * Engels graag": the answer just given, again, in the other language (switchLanguage).
 */
const SORRY = String.raw`^\s*((sorry|excuse me|pardon|sorry but|sorry maar|hallo|hello|hi)[\s,!.]*)*`;
const THAT = String.raw`(dat|dit|het|het antwoord|uw antwoord|je antwoord|that|this|it|the answer|your answer)`;
const THAT_AGAIN = (nl: string, en: string) => new RegExp(`${SORRY}(`
  + `(kun|kunt|kan|wil|wilt) (je|jij|u) ${THAT} (ook |nog eens |nog een keer |even |alsjeblieft |alstublieft )*(in het )?${nl} (zeggen|schrijven|vertellen|uitleggen|herhalen|geven)`
  + `|(zeg|schrijf|vertel|herhaal) ${THAT} (ook |nog eens |even )*(in het )?${nl}`
  + `|${THAT} (ook |nog eens |even |graag )*in het ${nl}`
  + `|((can|could|would) you (please )?)?(say|tell|write|explain|repeat|give|put|translate) (me )?${THAT}( again)? (in|into) ${en}`
  + `|${THAT} in ${en}`
  + String.raw`)[,]?( (please|pls|plz|alsjeblieft|alstublieft|aub|graag|then|dan|thanks|thank you|again|nog eens))*\s*[?!.]*\s*$`, 'iu');
const THAT_IN_LANGUAGE: ReadonlyArray<[Lang, RegExp]> = [['en', THAT_AGAIN('engels', 'english')], ['nl', THAT_AGAIN('nederlands', 'dutch')]];
/** The language asked for is asked for the answer just given ("say that in English"). */
export const asksAnswerAgain = (msg: string): boolean => NAMES_A_LANGUAGE.test(msg) && THAT_IN_LANGUAGE.some(([, re]) => re.test(msg));

/** Asking for a language somewhere in a message ("… mag het in het Engels?"). */
const WANTS_LANGUAGE: ReadonlyArray<[Lang, RegExp]> = [
  ['en', /\b(in het engels|in english|engels (graag|alstublieft|aub|ok|oké|oke)|english (ok|okay|please|pls|possible)|(spreek|spreekt|praat) (u|je|jij) engels|(speak|talk|write) english)\b/iu],
  ['nl', /\b(in het nederlands|in dutch|nederlands (graag|alstublieft|aub|ok|oké|oke)|dutch (ok|okay|please|pls|possible)|(speak|talk|write) dutch)\b/iu],
];

/**
 * The language to answer in when the citizen names a language barrier and asks for the other
 * language in the same message ("ik spreek geen Nederlands, mag het in het Engels?"): a person takes
 * over, and what the assistant says until then should be readable. Without a barrier, asking for
 * a language in passing ("is de brief ook in het Engels?") changes nothing.
 */
export function languageWithBarrier(msg: string, nlu: ParseResult): Lang | null {
  if (!nlu.handoffs.some((h) => h.reason === 'vulnerability')) return null;
  const asked = msg.replace(BARRIER, ' ');
  return WANTS_LANGUAGE.find(([, re]) => re.test(asked))?.[0] ?? null;
}

/**
 * The barrier itself ("I don't speak Dutch well", "ik spreek slecht Engels", "the letter is all in
 * Dutch", "i got a letter in dutch"): no wish for that language. The English newcomer who wrote it was answered in Dutch.
 */
const BARRIER = /\b((it'?s|it\s+is|all)\s+in\s+(dutch|english)|(letter|letters|mail|e-?mail|message|form|document|documents|paper|papers|brief|brieven)\s+((is|was|are|were|all|only|written|completely|fully|helemaal|alleen)\s+)*in\s+(dutch|english|het\s+nederlands|het\s+engels)|(don'?t|do\s+not|dont|can'?t|cannot|cant|not|never|barely|hardly)\s+(really\s+|very\s+|so\s+)?(speak|talk|write|read|understand)\s+(much\s+|any\s+|good\s+)?(dutch|english)|(spreek|praat|versta|lees|schrijf|begrijp)\s+(ik\s+)?(geen|niet|slecht|weinig|nauwelijks|amper)\s+(goed\s+)?(nederlands|engels))\b/giu;

/** The language of the answer to this message: asked for with a language barrier, else pickLang. */
export function answerLanguage(prev: DialogState, msg: string, nlu: ParseResult): Lang {
  return languageWithBarrier(msg, nlu) ?? pickLang(prev, msg, nlu);
}

/**
 * A word as people write one, with the punctuation around it: letters, perhaps joined by a hyphen or
 * apostrophe ("e-mail", "don't", "(ja,"), or the one-letter words "I", "a" and "u" ("i need help"), also with an
 * apostrophe ("I'm moving abroad" has three words).
 */
const WORD = /^[\p{P}\p{S}]*(?:\p{L}{2,}|[iIaAuU])(?:['’-]\p{L}+)*[\p{P}\p{S}]*$/u;

/**
 * A short answer such as "1234 AB" says nothing about language, and neither does markup or code
 * ("<img src=x onerror=…>", whose one English-looking word would switch the conversation to
 * English): keep the conversation's language unless the message has three words as people write
 * them, each standing between spaces (punctuation around it is fine), or is a first message with a
 * word only the other language has. Words only one language has overrule a detector that read none.
 */
function pickLang(state: DialogState, msg: string, nlu: ParseResult): Lang {
  const detected = nlu.lang;
  // The first message being "hello" or "good morning": the detector knows those words, and the
  // greeting back should be in the citizen's language from the start.
  if (state.turns === 0 && SOCIAL.has(nlu.intent.name) && WORD.test(msg.trim().split(/\s+/)[0] ?? '')) return detected;
  const chunks = withoutEntities(msg, nlu).split(/\s+/).filter((chunk) => WORD.test(chunk));
  // Words only one language writes, and English loanwords Dutch writers use too (English only in a first
  // message, or to stay in English).
  const only = { nl: 0, en: 0 };
  let loans = 0;
  for (const chunk of chunks) {
    const w = bare(chunk);
    if (ONLY_NL.has(w)) only.nl += 1;
    else if (ONLY_EN.has(w)) only.en += 1;
    else if (LOAN_EN.has(w) && (state.turns === 0 || state.lang === 'en')) loans += 1;
  }
  // The words that mark each language (an object, not an arrow made per call: tsx defines a name on each).
  const marks = { nl: only.nl, en: only.en + loans };
  // "status please Z-2026-000123", "why?": too short for the detector, but a word only one language has.
  // Only in a first message: in a conversation, "what?", "nope" or "er, ok" says little about its language.
  // Two words, each only the other language's ("i disagree" after a Dutch status), say it in a conversation too.
  // So does one word only the other language has that is a whole answer of its own ("disagree!" after a Dutch status).
  // So do two words, one only the other language's and the other no word of the conversation's language nor one both write,
  // when the detector reads the other language too ("who decides", "when exactly" after a Dutch status: not "ok what?").
  const other = opposite(state.lang);
  const twoOther = chunks.length === 2 && only[other] >= 1 && only[state.lang] === 0 && detected === other && chunks.every((c) => !SHARED.has(bare(c)) && !LOAN_EN.has(bare(c)));
  const allOther = (chunks.length === 2 && only[other] === 2) || twoOther || (chunks.length === 1 && ALONE[other].has(bare(chunks[0]!)));
  if (chunks.length < 3) return (state.turns === 0 || allOther) && marks[opposite(state.lang)] > 0 && marks[state.lang] === 0 ? opposite(state.lang) : state.lang;
  // "I moved house last week", which the detector read as Dutch: words of only one language decide.
  if (only[opposite(detected)] > 0 && marks[detected] === 0) return opposite(detected);
  // "oops postcode is 5678 CD" in English, "ok thanks, bedankt!": the detector reads Dutch, but the
  // conversation's language has as many words of its own in it. Switch only on more.
  if (state.turns > 0 && detected !== state.lang && marks[state.lang] > 0 && marks[detected] <= marks[state.lang]) return state.lang;
  return detected;
}

const opposite = (lang: Lang): Lang => (lang === 'nl' ? 'en' : 'nl');
/** A word in lower case, without the punctuation around it ("Disagree!" is "disagree"). */
const bare = (chunk: string): string => chunk.toLowerCase().replace(/^[\p{P}\p{S}]+|[\p{P}\p{S}]+$/gu, '');

/**
 * Words only one language has that are a whole answer of their own: one alone says the language in a conversation
 * too ("disagree!", "cost?", "tomorrow?" after a Dutch answer). So does a question word alone ("why?", "where?" after a Dutch answer,
 * "waarom?", "hoeveel?" after an English one), which got the other language's answer. Not "what?", which reads as
 * "wat?" or as not having heard, nor a word both write ("ok", "sorry", "top", "nice", "thanks").
 */
const ALONE: Readonly<Record<Lang, ReadonlySet<string>>> = {
  en: new Set(['disagree', 'cost', 'costs', 'price', 'why', 'where', 'when', 'how', 'today', 'tomorrow']),
  nl: new Set(['oneens', 'waarom', 'hoezo', 'hoeveel', 'wanneer', 'waar', 'hoe', 'vandaag', 'morgen']),
};

/**
 * Words only one of the two languages has, as people write them: enough to tell a short message's
 * language ("status please", "waarom?"). Not the words both write ("ok", "status", "help", "sorry",
 * "hallo", "yes": Dutch texters use them too; nor "wat", which English texters write for "what").
 */
const ONLY_EN: ReadonlySet<string> = new Set(['i', "don't", 'dont', 'are', 'will', 'it', 'if', 'why', 'what', "what's", 'whats', 'how', 'when', 'where', 'which', 'who', 'the', 'my', 'your', 'you', "i'm", 'im',
  'about', 'with', 'from', 'and', 'but', 'not', 'can', 'could', 'would', 'should', 'does', 'did', 'have', 'has', 'get', 'got', 'need',
  'know', 'still', "it's", 'this', 'that', 'there', 'to', 'any', 'disagree',
  // Short follow-ups ("how much?", "how long then?", "how often?", "cost?"): words no Dutch writer uses for theirs ("kost", "nu", "lang").
  'much', 'many', 'often', 'long', 'cost', 'costs', 'price', 'pay', 'paid', 'money', 'free', 'then', 'now', 'too', 'also', 'again', 'really', 'today', 'tomorrow', 'yet', 'they',
  // A topic typed as a search as the first message ("passport renewal", "payment plan", "bulky waste") got its answer in Dutch.
  'passport', 'renewal', 'renew', 'appointment', 'allowance', 'payment', 'waste', 'bulky', 'opening', 'hours', 'birth', 'complaint', 'objection',
  'remission', 'licence', 'license', 'driving']);
/** English words Dutch writers use as well ("thanks!", "check", "please"): English only in a first message, or to stay in English. */
const LOAN_EN: ReadonlySet<string> = new Set(['please', 'pls', 'plz', 'thanks', 'thank', 'thx', 'cheers', 'bye', 'oops']);
/** Words both write, as a word of a two-word message: "ok what?", "sorry wat?" switch nothing. */
const SHARED: ReadonlySet<string> = new Set(['ok', 'oke', 'oké', 'okay', 'okee', 'sorry', 'yes', 'no', 'nope', 'hallo', 'hello', 'hi', 'hey', 'help', 'status', 'super', 'top', 'cool', 'nice', 'check', 'wat', 'wow', 'huh', 'hm', 'hmm', 'eh', 'uh']);
const ONLY_NL: ReadonlySet<string> = new Set(['graag', 'bedankt', 'dank', 'dankjewel', 'dankuwel', 'waarom', 'hoezo', 'hoeveel', 'vandaag', 'morgen', 'hoe', 'wanneer', 'waar', 'welke', 'wie', 'ja',
  'nee', 'hoi', 'doei', 'alstublieft', 'alsjeblieft', 'aub', 'ajb', 'mijn', 'mn', 'jullie', 'ik', 'het', 'een', 'de', 'van', 'met', 'voor', 'niet', 'wel',
  'kan', 'kun', 'kunt', 'moet', 'wil', 'heb', 'heeft', 'hebben', 'zijn', 'op', 'naar', 'nog', 'ook', 'maar', 'en', 'dat', 'die', 'dit', 'geen', 'niks', 'niets', 'oneens']);

/** The message with the entities found in it blanked out: the "AB" of "1234 AB" is no word ("postcode 1234 AB born 15/03/1980"). */
export function withoutEntities(msg: string, nlu: ParseResult): string {
  if (nlu.entities.length === 0 || nlu.text !== msg) return msg;
  let out = msg;
  for (const e of nlu.entities) if (e.end > e.start && e.end <= out.length) out = `${out.slice(0, e.start)}${' '.repeat(e.end - e.start)}${out.slice(e.end)}`;
  return out;
}

/**
 * "Can we do this in English?": from now on in that language; inside the case flow, its question again
 * in it; waiting for a person (`queued`), where the wait stands, in it.
 */
export function switchLanguage(state: DialogState, ctx: FlowContext, now: string, queued = false, again = false): StepResult {
  if (queued) return { ...help(state, ctx, 'language_in_flow', { keepFallbacks: true }), effects: [{ type: 'queue_status' }] };
  // "Sorry, can you say that in English?" right after an answer: that answer, in English.
  const repeated = again && !state.active ? answerAgain(state, ctx, now) : null;
  if (repeated) return andThen(help(state, ctx, 'language_in_flow', { keepFallbacks: true }), () => repeated);
  if (!state.active) return help(state, ctx, 'language', { keepFallbacks: true });
  return andThen(help(state, ctx, 'language_in_flow', { keepFallbacks: true }), (s) => advanceCase(s, ctx, now));
}

/**
 * Evidence that is only about speaking Dutch ("my dutch is not good", "I don't speak Dutch", "i dont
 * understand dutch"), not reading it; so is speaking only English, or being new here, written in English.
 */
const DUTCH_SPOKEN = /\bdutch\b|\bonly\s+speak\s+english\b|\bnew\s+in\s+(the\s+)?(netherlands|holland)\b/i;
/**
 * A need beside it that English does not meet: a letter to read, not understanding (but "I don't
 * understand Dutch" is the language alone), English not good either (not "I only speak English"), old
 * age ("I am 84 years old"; not "I moved here last year").
 */
const MORE_THAN_DUTCH = /\b((?<!only\s+speak\s+)english|engels|read|reading|lezen|letter|letters|brief|understand(?!\s+(any\s+|the\s+)?dutch\b)|begrijp|snap|write|writing|form|forms|formulier|confus\w*|lost|beschikking|besluit|decision|old|elderly|\d+\s*(years?|jaar)(?!\s+(ago|geleden))|alone|help\s+me|what\s+do\s+i\s+(need|have)\s+to\s+do)\b/i;
/**
 * "Hello, sorry my dutch is not good" written in English: a language barrier the assistant does not
 * have, since it answers in English. No handoff for that alone when the message says something else
 * the assistant can answer (a greeting, the case question, what to arrange after moving here); it is
 * answered as that, however long the message. A Dutch letter to read, English that is hard too, or any
 * other need the vulnerability lexicon finds further on (`further`: "… I am blind") still goes to a person.
 */
export function speaksEnglishInstead(nlu: ParseResult, msg: string): ParseResult {
  const only = nlu.handoffs.length === 1 ? nlu.handoffs[0]! : undefined;
  if (nlu.lang !== 'en' || only?.reason !== 'vulnerability' || MORE_THAN_DUTCH.test(msg)) return nlu;
  if (![only.evidence, ...(only.further ?? [])].every((words) => DUTCH_SPOKEN.test(words))) return nlu;
  // Only when the rest of the message is placed: else the person is the better answer to it.
  if (nlu.intent.name === 'none') return nlu;
  return { ...nlu, handoff: null, handoffs: [] };
}

/** A case's status was told in the turn before this message, with no question of the assistant's open (the status offers its why). */
const statusJustTold = (before: DialogState): boolean => before.lastAnswer?.offersWhy === before.turns && !before.active && !before.pending;

/**
 * Whether switching to `lang` now should give the answer just told again in it: a case's status told in the
 * other language in the turn before. A case number with postcode and birth date says nothing about language,
 * so a newcomer gets the status in Dutch; "english please" right after it got only "What would you like to
 * know?". `before`: the state the turn started from.
 */
export const statusToldInOther = (before: DialogState, lang: Lang): boolean => before.lang !== lang && statusJustTold(before);

/** Words up to which "sorry I don't understand Dutch" right after a status is only that (dutchNotRead). */
const NOT_READ_WORDS = 8;
/**
 * "sorry i dont understand dutch", "i don't speak dutch" written in English, and nothing more, right after a
 * status told in Dutch: the status was not understood for its language, which the assistant also speaks. It
 * got a person for a language barrier; now English, and the status again in it (statusToldInOther). A letter
 * to read, English that is hard too, or any other need (MORE_THAN_DUTCH) still brings a person.
 */
export function dutchNotRead(before: DialogState, msg: string, nlu: ParseResult): Lang | null {
  if (before.lang !== 'nl' || nlu.lang !== 'en' || !statusJustTold(before) || nlu.handoffs.length === 0 || MORE_THAN_DUTCH.test(msg)) return null;
  if (msg.trim().split(/\s+/).length > NOT_READ_WORDS) return null;
  const languageOnly = nlu.handoffs.every((h) => h.reason === 'vulnerability' && [h.evidence, ...(h.further ?? [])].every((words) => DUTCH_SPOKEN.test(words)));
  return languageOnly ? 'en' : null;
}

/**
 * The last answer again, in the language now set: an intent's answer (its variant, when it was one)
 * from the dialogs; a case's status by looking the case up again with the facts proved (the status
 * told in English comes with what it means). Null when there is none to give again.
 */
function answerAgain(state: DialogState, ctx: FlowContext, now: string): StepResult | null {
  const last = state.lastAnswer;
  if (!last) return null;
  if (last.trace.dialog === 'case_status' && last.trace.step === 'answer' && state.facts.caseNumber && state.verifiedIdentity) return advanceCase(state, ctx, now);
  const intent = last.trace.step === 'answer' ? ctx.dialogs.intents.get(last.trace.dialog) : undefined;
  const variant = last.topic ? intent?.variants?.find((v) => v.id === last.topic) : undefined;
  const said = variant?.answer ?? intent?.answer;
  return said ? { state, replies: [{ text: said[state.lang], trace: last.trace }], effects: [] } : null;
}
