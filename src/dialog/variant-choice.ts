/**
 * Which variant (a narrower topic of an intent, see variants.ts) answers a message: of the variants it
 * names, the narrowest and the one whose words take most of it (bestNamed); the one a short follow-up
 * keeps to after the answer before (variantFor, keptToTopic, followUpVariant); a last resort; and, for a
 * message no intent was sure of or one read as an intent about another subject, a topic of another
 * intent or of `none` (unsureVariant, topicElsewhere). How a message names a variant is variants.ts.
 * Pure, like step.ts.
 */
import type { AnswerVariant, DialogSet, IntentDef } from './types.ts';
import { ASKS_COST, asked, asksWhereToTake, BARE_COST, BARE_HOW_MUCH, broaderTopics, NAMES_HOW_MUCH, fold, isFollowUp, LETTERS_AT_START, messageRuns, isShort, isWithin, mentions, mentionsBeside, namedAt, ONE_QUESTION, OWN, REFERS_BACK, swapsTheThing, wordCount, wordsAsked } from './variants.ts';

/**
 * "Kan ik bezwaar maken?", "can I object?": objecting, to nothing named, so to what was just answered (a parking fine).
 * So is "en als ik het er niet mee eens ben?", which got the general objection page, not the fine's own way.
 */
const BARE_OBJECTION = /^\s*((en|maar|ok(é|e)?|and|but|so)[,]?\s+)?((wat als|als|en als|what if|if) (ik|i) (het |er |het er )?(niet (mee )?eens ben|(do not|don't|dont) agree)|(kan|kun|mag|moet) ik (dan |daar |er |hier |ook |nog |wel )*(bezwaar|beroep) (maken|aantekenen|indienen|instellen)|hoe (maak|teken|dien) ik (dan |daar |er )*(bezwaar|beroep)( aan| in)?|(can|may|could|should|how do|how can) i (still |also |then )?(object|appeal|file an objection|lodge an objection|make an objection|submit an objection))\s*[?!.]*\s*$/i;

/** How many characters of the message the variant's first `when` word found takes; 0 when none. */
function matchLength(v: AnswerVariant, msg: string, words: readonly string[] = v.when): number {
  return namedAt(v, asked(msg), words)?.[0].trim().length ?? 0;
}

/** Whether the message names `v` by its `when_after_answer` words (said right after an answer of its intent). */
const mentionsAfterAnswer = (v: AnswerVariant, msg: string): boolean => !!v.when_after_answer && namedAt(v, asked(msg), v.when_after_answer) !== null;
/**
 * A narrower case's words for right after an answer hold right after the topic it is within: "hoe lang is
 * hij geldig?" after the fees of a parking permit is not the building permit's validity (within its fees).
 */
const afterItsTopic = (v: AnswerVariant, lastTopic: string | undefined): boolean => v.within === undefined || isWithin(v, lastTopic);

/** Whether `v`'s `with` words name the topic `id` it is within (not another fact, as a death does). */
const withIsTopic = (variants: readonly AnswerVariant[], v: AnswerVariant, id: string): boolean => {
  const topic = variants.find((t) => t.id === id);
  return !!v.with && !!topic && v.with.some((w) => topic.when.includes(w));
};

/** Of the variants a message names, those no other named one is a narrower case of ("paspoort" gives way to its validity). */
const narrowest = (found: AnswerVariant[]): AnswerVariant[] => found.filter((v) => !found.some((o) => isWithin(o, v.id)));

/**
 * How many characters of the message `v`'s words take where it first names them (its `when` words,
 * or those it names right after an answer; the longer of the two), its `with` words taken as said: 0 when it names none.
 */
const saidLength = (v: AnswerVariant, msg: string): number =>
  Math.max(...[v.when, v.when_after_answer ?? []].map((words) => namedAt(v, asked(msg), words, true)?.[0].trim().length ?? 0));

/**
 * Of the variants a message names, the one that answers it, whatever their order in the file: a
 * narrower case wins over the variant it is within ("bijstand aanvragen" is the bijstand, not all of
 * applying for an income); else the one whose words take more of the message (the longer word says
 * more: "afvalstoffenheffing" is the tax, not "afval"); the first in the file only when that does not decide.
 * unsureVariant does the same across intents, with each variant's `unsure` words.
 */
export function bestNamed(found: AnswerVariant[], msg: string): AnswerVariant | undefined {
  let best: { v: AnswerVariant; length: number } | undefined;
  for (const v of narrowest(found)) {
    const length = saidLength(v, msg);
    if (!best || length > best.length) best = { v, length };
  }
  return best?.v;
}


/**
 * The variant of `intent` for this message, given the topic of the answer before it. `elsewhere`: that
 * answer was another intent's (the parking fine's), or there was none: a bare "kan ik bezwaar maken?"
 * objects to it. After the objection intent's own "hoe lang duurt een bezwaar?" it asks how to object,
 * not how long again, and "en als ze het afwijzen?" asks the appeal (`when_after_answer`).
 */
export function variantFor(intent: IntentDef, msg: string, lastTopic: string | undefined, elsewhere: boolean): AnswerVariant | undefined {
  const variants = intent.variants;
  if (!variants?.length) return undefined;
  // A short follow-up on the topic just answered stays on it, also when it names another variant's word.
  // So do "hoeveel moet ik betalen?" that names no other topic, and a bare "kan ik bezwaar maken?".
  // Unless it names a narrower case of that topic: "en als ik het niet kan betalen?" after the taxes.
  // Then, right after a narrower case, another case of the topic it is within: "hoe lang is het geldig?" right
  // after someone else collecting the BRP extract (brp_for_someone) is the extract's validity (brp_validity).
  let narrower = lastTopic ? namedCaseOf(variants, lastTopic, msg, elsewhere) : undefined;
  for (const up of !narrower && lastTopic ? parentsOf(variants, lastTopic) : NONE) narrower ??= namedCaseOf(variants, up, msg, elsewhere);
  if (narrower) return narrower;
  // A last resort ("moet ik betalen?") names no thing: "hoeveel moet ik betalen?" after a parking permit is its fees.
  // (A bare objection is the whole message, whatever its length: "en als ik het er niet mee eens ben?" has nine words.)
  const same = lastTopic && ((isShort(msg) && (REFERS_BACK.test(msg) || BARE_COST.test(msg) || BARE_HOW_MUCH.test(msg) || onlyCost(variants, lastTopic, msg) || followsUp(variants, lastTopic, msg) || howMuchSaid(variants, lastTopic, msg))) || (elsewhere && BARE_OBJECTION.test(msg))) ? variants.find((v) => v.id === lastTopic) : undefined;
  if (same) return same;
  // Two topics in one message ("ik ben verhuisd en heb een nieuw rekeningnummer"): the intent's own answer covers both.
  // A kind of question gives way to the thing it is about ("huurtoeslag terugbetalen": the toeslagen answer).
  // A narrower case wins over the variant it is within ("moved here from Poland": not the move's answer).
  // Words that name a topic only right after this intent's own answer (`when_after_answer`). Not for `none`,
  // whose variants are topics of their own: there they hold only right after the topic they are within
  // (`narrower` above), so "what does that cost?" after bulky waste is not the own contribution of Wmo support.
  const afterOwn = !elsewhere && intent.id !== 'none';
  const found = variants.filter((v) => !v.last_resort && (mentions(v, msg) || (afterOwn && afterItsTopic(v, lastTopic) && mentionsAfterAnswer(v, msg))));
  const named = narrowest(found);
  const things = named.length > 1 ? named.filter((v) => !v.general) : named;
  return things.length === 1 ? things[0] : undefined;
}

/**
 * A bare "hoeveel?" or "how much?" where no thing with a price was just answered: the variant of `intent` it then
 * asks (`bare_how_much`: how much one gets). The caller says when that holds (first message, right after the
 * intent's own answer on no topic, right after a status that says a payment); right after a fee variantFor keeps to it.
 */
export const bareHowMuch = (intent: IntentDef, msg: string): AnswerVariant | undefined =>
  BARE_HOW_MUCH.test(msg) ? intent.variants?.find((v) => v.bare_how_much) : undefined;

/**
 * The last answer's topic as `intent` knows it: the topic itself, or else the nearest topic it is within
 * (up the `within` words of `last`, the intent that answered) that `intent` has a variant for. "wat kost
 * een nieuwe?" right after travelling without a valid passport (documents' id_travel, within id_documents)
 * asks the documents' fees (payment's id_documents), not when a benefit is paid.
 */
export function topicKnownBy(intent: IntentDef, last: IntentDef | undefined, lastTopic: string | undefined): string | undefined {
  if (!lastTopic || !intent.variants?.length || !last?.variants?.length || last.id === intent.id) return lastTopic;
  if (intent.variants.some((v) => v.id === lastTopic)) return lastTopic;
  for (const up of broaderTopics(last, lastTopic)) if (intent.variants.some((v) => v.id === up)) return up;
  return lastTopic;
}

const NONE: readonly string[] = [];
/** Words up to which a message right after an answer may name a narrower case of its topic by that case's words for then. */
const NARROWER_WORDS = 9;

/**
 * Of the narrower cases of `topic`, the one the message names (by its `when_after_answer` words too, right after its own
 * intent's answer). A case whose `with` words are that topic's own has them said by the answer just given: "heb ik een
 * keuring nodig?" right after renewing a driving licence is its medical check from 75 (licence_75, with the licence).
 */
function namedCaseOf(variants: readonly AnswerVariant[], topic: string, msg: string, elsewhere: boolean): AnswerVariant | undefined {
  const named: AnswerVariant[] = [];
  for (const v of variants) if (isWithin(v, topic) && (mentions(v, msg) || (withIsTopic(variants, v, topic) && mentionsBeside(v, msg)) || (!elsewhere && mentionsAfterAnswer(v, msg)))) named.push(v);
  return named.length ? bestNamed(named, msg) : undefined;
}

/** The first narrower case of `topic` the message names by its words for right after an answer. */
function caseAfterAnswer(variants: readonly AnswerVariant[], topic: string, msg: string): AnswerVariant | undefined {
  for (const v of variants) if (isWithin(v, topic) && mentionsAfterAnswer(v, msg)) return v;
  return undefined;
}

/**
 * The topics `topic` is a narrower case of (its `within` words), in this intent's variants, when it is that
 * topic's thing asked with a condition (its `with` words: the extract collected by someone else), so that
 * after it the thing is still the topic's. Not a thing of its own within a broader topic (the driving
 * licence within identity documents: after it, "kan ik nog op vakantie?" is not about a passport).
 */
function parentsOf(variants: readonly AnswerVariant[], topic: string): readonly string[] {
  const v = variants.find((x) => x.id === topic);
  return v?.with?.length && v.within ? v.within : NONE;
}

/**
 * "hoeveel krijg ik?" right after the answer on allowances, which says where to see how much: that topic (its sentence
 * is quoted), not the bijstand's amount, which a general variant names. Only when no topic but general ones is named.
 */
const howMuchSaid = (variants: readonly AnswerVariant[], lastTopic: string, msg: string): boolean => {
  if (!NAMES_HOW_MUCH.test(msg)) return false;
  const last = variants.find((v) => v.id === lastTopic);
  return !!last?.answer && NAMES_HOW_MUCH.test(last.answer.nl) && !variants.some((v) => v.id !== lastTopic && !v.last_resort && !v.general && mentions(v, msg));
};

/** The cost asked, and no variant named but the last topic (or a last resort). */
const onlyCost = (variants: readonly AnswerVariant[], lastTopic: string, msg: string): boolean =>
  ASKS_COST.test(msg) && !variants.some((v) => v.id !== lastTopic && !v.last_resort && mentions(v, msg));

/** A `last_resort` variant the message names: the answer when no topic, here or elsewhere, and no answer before it does. */
export function lastResort(intent: IntentDef, msg: string): AnswerVariant | undefined {
  return bestNamed(intent.variants?.filter((v) => v.last_resort && mentions(v, msg)) ?? [], msg);
}

/** The last topic's `follow_up` words, in a message that names no other variant of the intent ("moet ik me uitschrijven?" after moving abroad). */
function followsUp(variants: readonly AnswerVariant[], lastTopic: string, msg: string): boolean {
  const last = variants.find((v) => v.id === lastTopic);
  // A last resort ("gratis": what costs what) names no thing: "hoe vaak is het gratis?" after bulky waste keeps to it.
  return !!last?.follow_up && namedAt(last, asked(msg), last.follow_up, true) !== null && !variants.some((v) => v.id !== lastTopic && !v.last_resort && mentions(v, msg));
}

/**
 * The variant of `last` (the intent just answered, on `lastTopic`) a short message keeps to by the
 * topic's `follow_up` words, or a narrower case's `when_after_answer` words, whatever intent it was read
 * as: right after that answer they outweigh what they name elsewhere ("waar kan ik parkeren?" right after
 * the parking permit: where it holds, not the town hall's car park).
 */
export function keptToTopic(last: IntentDef, msg: string, lastTopic: string | undefined): AnswerVariant | undefined {
  const variants = last.variants;
  // A narrower case's words for right after its topic name it plainly, also in English one or two words longer
  // than a short follow-up ("do i also need to tell the tax office" after the move; the Dutch has 8 words). Not more:
  // "hoe vraag ik een vergunning aan voor mijn tweede auto" (10) after the parking permit asks how to apply.
  if (!variants?.length || wordsAsked(msg) > NARROWER_WORDS) return undefined;
  // Right after the intent's own answer on no topic, a topic of no other's by its words for then: "moet ik eerst
  // betalen?" after how to object, read as a payment, is paying meanwhile (not when a benefit is paid). Not when
  // the message names another of the intent's topics ("moet ik de parkeerboete eerst betalen?").
  if (!lastTopic) return variants.find((v) => !v.within && mentionsAfterAnswer(v, msg) && !variants.some((o) => o !== v && mentions(o, msg)));
  // A narrower case of it, by its words for right after that topic (`when_after_answer`, as in variantFor): where the permit holds.
  // Or, right after a narrower case, another case of the topic it is within (as in variantFor).
  const kept = caseAfterAnswer(variants, lastTopic, msg) ?? (isShort(msg) && followsUp(variants, lastTopic, msg) ? variants.find((v) => v.id === lastTopic) : undefined);
  if (kept) return kept;
  for (const up of parentsOf(variants, lastTopic)) {
    const sibling = caseAfterAnswer(variants, up, msg);
    if (sibling) return sibling;
  }
  return undefined;
}

/**
 * A short follow-up that refers back to the answer of `last` and names one of its variants ("hoe lang
 * duurt dat?" after the objection answer), whatever the classifier made of it (there: the case question).
 * With "ook"/"too" ("moeten de kinderen ook?" after the move) only when the intent it was read as has no
 * answer of its own on what it names (`intent`: "heb ik ook een paspoort nodig?" is the passport's), and
 * not "ook alweer" (asked again). Nor when the message names a topic of the intent it was read as. A
 * narrower case wins over the variant it is within, as in variantFor.
 */
export function followUpVariant(last: IntentDef, msg: string, intent?: IntentDef, lastTopic?: string): AnswerVariant | undefined {
  if (!last.variants?.length) return undefined;
  // A narrower case of the topic just answered, named by its own words, whose `with` words are that
  // topic's own: the answer before said them ("ik ben verhuisd" … "moet ik ook iets met mijn
  // parkeervergunning?": the permit after a move, not how to apply for one).
  // Only as a follow-up ("en …", "… ook …"), not a question of its own ("wat kost een parkeervergunning?").
  const followsOn = (ALSO.test(msg) && !AGAIN.test(msg)) || AND_THEN.test(msg) || isFollowUp(msg);
  const narrower = lastTopic && isShort(msg) && followsOn && !ASKS_COST.test(msg) ? bestNamed(last.variants.filter((v) => isWithin(v, lastTopic) && withIsTopic(last.variants!, v, lastTopic) && mentionsBeside(v, msg)), msg) : undefined;
  if (narrower) return narrower;
  const also = isShort(msg) && ALSO.test(msg) && !AGAIN.test(msg) && !OWN.test(msg) && !(intent && variantFor(intent, msg, undefined, intent.id !== last.id));
  // "how long do you take to decide?" right after the objection answer, read as the case question: with no
  // "my" in it, a question on that answer's topic (a case number in it goes to the case before this is asked).
  const onTopic = isShort(msg) && intent?.flow === 'case_status' && !OWN.test(msg);
  if (!(isFollowUp(msg) || (isShort(msg) && WHAT_IF.test(msg)) || also || onTopic)) return undefined;
  if (intent && namesOwnTopic(intent, last, msg)) return undefined;
  // The variants of `none` are topics of their own: their words for right after an answer hold only right after the topic they are within.
  return bestNamed(last.variants.filter((v) => mentions(v, msg) || ((last.id !== 'none' ? afterItsTopic(v, lastTopic) : isWithin(v, lastTopic)) && mentionsAfterAnswer(v, msg))), msg);
}

/**
 * A message read as another intent than the answer before, naming one of that intent's own topics:
 * "wat moet ik meenemen voor een id kaart" after the fees of an ID card asks what to bring for one
 * (documents), not the fees again, though "meenemen" points back. A topic both intents answer the same (`same_as`:
 * someone else collecting a document) is no topic of its own: "mag iemand anders hem ophalen", read as
 * `none`, right after when an ID card can be collected got that answer's sentence on the desk.
 */
export function namesOwnTopic(intent: IntentDef, last: IntentDef, msg: string): boolean {
  return intent.id !== last.id && !!intent.variants?.some((v) => mentions(v, msg) && !last.variants?.some((o) => o.id === v.id && o.answer === v.answer));
}

/** "en mijn parkeervergunning?", "and my parking permit?": a message that goes on from the answer before. */
const AND_THEN = /^\s*(en|and|maar|but)\s/i;
/** "Moeten de kinderen ook?", "do the kids need to be registered too?": the same, for something the answer's topic has a variant for. */
const ALSO = /(^|[^\p{L}])(ook|too|also|as well)([^\p{L}]|$)/iu;
/** "Wat is jullie adres ook alweer?": the same asked again, not the same for something else. */
const AGAIN = /(^|[^\p{L}])(ook )?(alweer|al weer|weer|again)([^\p{L}]|$)/iu;
/** "Wat als ik te laat ben?", "what if it doesn't come": a case the answer before may cover, with no word pointing back. */
const WHAT_IF = /^\s*((en|maar|and|but|ok(é|e|ay)?|oke)[,]?\s+)?(wat als|en als|maar als|stel dat|what if|and if|but if|suppose)(\s|$)/i;

/**
 * Intents whose answer is about one subject (benefit payments, personal details). How to object, send
 * papers or reach the office is the same whatever it is about ("bezwaar tegen de hondenbelasting",
 * "is there parking near your office?").
 */
const ABOUT_ONE_SUBJECT: ReadonlySet<string> = new Set(['payment', 'change_details']);

/**
 * A topic without an intent of its own (a variant of `none`) that a short message names, for a message
 * read as an intent about another subject: "wat kost hondenbelasting?" is `payment`, whose answer is
 * about benefits; the answer on dog tax says where to look. So for any intent the classifier was
 * unsure of (`unsure`: "mag ik mijn gesprek laten verwijderen?" leaned to goodbye). Not in a longer
 * message, where such a word is easily beside the point.
 */
export function topicElsewhere(dialogs: DialogSet, intent: IntentDef, msg: string, unsure = false): { intent: IntentDef; variant: AnswerVariant } | undefined {
  if (!(ABOUT_ONE_SUBJECT.has(intent.id) || unsure || (intent.id === 'contact_hours' && asksWhereToTake(msg))) || wordCount(msg) > ONE_QUESTION) return undefined;
  const none = dialogs.intents.get('none');
  // A general one gives way to a thing named beside it ("what is my BSN? I lost the letter": the BSN).
  // A narrower case wins over the variant it is within ("waar krijg ik een afvalpas?": the pass, not all of the waste).
  // Else the one whose words take more of the message, whatever the order in the file (bestNamed).
  const named = narrowest(none?.variants?.filter((v) => mentions(v, msg)) ?? []);
  // A situation (a lost letter) only when the intent is unsure: "ik ben de brief kwijt, wanneer wordt mijn uitkering betaald?" is the payment.
  const variant = bestNamed(named.filter((v) => !v.general), msg) ?? (unsure ? bestNamed(named, msg) : undefined);
  return variant ? { intent: none!, variant } : undefined;
}

/**
 * A narrower case swapped in stays within its own (the topic just answered): "en mijn kinderen?" after
 * the move is the family moving along, after the bank account answer it is not.
 */
const fits = (v: AnswerVariant, topic: string | undefined): boolean => !v.within || !topic || isWithin(v, topic) || topic === v.id;

interface Named { intent: IntentDef; variant: AnswerVariant; length: number }
/** Of the variants found, one no other found of its intent is a narrower case of, the longest named (the first of equals). */
const longestNarrowest = (list: readonly Named[]): Named | undefined =>
  list.filter((f) => !list.some((o) => o.intent === f.intent && isWithin(o.variant, f.variant.id))).reduce<Named | undefined>((a, f) => (!a || f.length > a.length ? f : a), undefined);

/**
 * For a message no intent was sure of: a variant that a short message names of an intent it is
 * likely about — the intent just answered, when the message only swaps the thing asked about ("en
 * een paspoort?" after the fees of a driving licence: the passport fees), and the one the classifier
 * was closest to, its suggestion ("wat kost een nieuw rijbewijs" → the fees) — else an `unsure`
 * variant whose topic the message names.
 */
export function unsureVariant(dialogs: DialogSet, msg: string, near: { last?: string | undefined; suggested?: string | undefined; topic?: string | undefined } = {}): { intent: IntentDef; variant: AnswerVariant } | undefined {
  // Only for a short message: in a longer one a topic word is easily beside the point ("… de toeslag
  // staat op zijn naam. Wat nu?" is not about changing a name).
  if (isShort(msg)) {
    const swapped = swapsTheThing(msg) ? near.last : undefined;
    for (const id of [swapped, near.suggested]) {
      const intent = id ? dialogs.intents.get(id) : undefined;
      // A narrower case wins over the variant it is within ("paspoort verlopen": applying, not collecting).
      const variant = intent?.answer ? bestNamed(intent.variants?.filter((v) => mentions(v, msg) && (id !== swapped || fits(v, near.topic))) ?? [], msg) : undefined;
      if (variant) return { intent: intent!, variant };
    }
  }
  // The variants of `none` are answers for topics without an intent of their own: always when named.
  // A general one gives way to a thing named beside it ("a passport for my baby": the passport).
  // A narrower case wins over the variant it is within ("is mijn paspoort nog geldig": its validity);
  // else, of two things named, the longer word says more: "afvalstoffenheffing" is the tax, not "afval".
  // The same for two general ones ("bijstand aanvragen" is the bijstand, within applying for an income), whatever their order in the file.
  const generals: Named[] = [];
  const found: Named[] = [];
  const unsure = unsureCandidates(dialogs);
  // Only the variants whose words start where the message's words do: a pattern for each of hundreds costs tens of µs.
  for (const i of mayName(unsure, asked(msg))) {
    const { intent, variant, words } = unsure.candidates[i]!;
    const length = matchLength(variant, msg, words);
    if (length === 0) continue;
    (variant.general ? generals : found).push({ intent, variant, length });
  }
  const best = longestNarrowest(found) ?? longestNarrowest(generals);
  const picked = best ? { intent: best.intent, variant: best.variant } : undefined;
  // "hoe lang is hij geldig?" right after the status of a parking permit: that intent's answer on the
  // topic just told, when it has one (as variantFor keeps a short follow-up on it). Not when what it names is
  // a narrower case of that topic: "kan mn moeder hem voor mij ophalen" right after the ID card is who may
  // collect it, not the ID card's answer again. Nor to the very answer just given ("kan mn moeder het voor mij doen?" after bulky waste).
  const onTopic = near.topic && picked && picked.intent.id !== near.last && isShort(msg) && REFERS_BACK.test(msg) && !isWithin(picked.variant, near.topic) ? picked.intent.variants?.find((v) => v.id === near.topic) : undefined;
  return onTopic && picked ? { intent: picked.intent, variant: onTopic } : picked;
}

interface UnsureCandidates {
  /** The variants unsureVariant may answer with (`unsure`, or of `none`), in the set's order, with the words that name them. */
  candidates: Array<{ intent: IntentDef; variant: AnswerVariant; words: readonly string[] }>;
  /**
   * Candidates (their index) by the letters and digits their words start with (folded, up to the first
   * other character): `whole` when the message's run of letters must be just those (a phrase, a word of
   * one or two letters), `start` when it may go on ("paspoort" in "paspoortaanvraag").
   */
  whole: ReadonlyMap<string, readonly number[]>;
  start: ReadonlyMap<string, readonly number[]>;
  /** Candidates with a word that starts with another character: looked at for every message. */
  always: readonly number[];
}
const unsureLists = new WeakMap<DialogSet, UnsureCandidates>();
/** The variants an unsure message may name, made once per loaded dialog set. */
function unsureCandidates(dialogs: DialogSet): UnsureCandidates {
  let known = unsureLists.get(dialogs);
  if (!known) {
    const candidates: UnsureCandidates['candidates'] = [];
    for (const intent of dialogs.intents.values()) {
      for (const variant of intent.variants ?? []) {
        if (variant.unsure || intent.id === 'none') candidates.push({ intent, variant, words: Array.isArray(variant.unsure) ? variant.unsure : variant.when });
      }
    }
    const whole = new Map<string, number[]>();
    const start = new Map<string, number[]>();
    const always: number[] = [];
    const add = (map: Map<string, number[]>, key: string, i: number) => {
      const list = map.get(key) ?? [];
      if (list.at(-1) !== i) list.push(i);
      map.set(key, list);
    };
    candidates.forEach((c, i) => {
      for (const word of c.words.map(fold)) {
        const head = LETTERS_AT_START.exec(word)?.[0];
        if (!head) {
          if (always.at(-1) !== i) always.push(i);
        } else add(head.length < word.length || word.length <= 2 ? whole : start, head, i);
      }
    });
    known = { candidates, whole, start, always };
    unsureLists.set(dialogs, known);
  }
  return known;
}

/**
 * The candidates a folded message may name, in their order. A word's pattern matches only where a run
 * of letters and digits starts (at the start, or after another character), and that run then starts
 * with the word's own first letters (is just those, for a phrase or a short word): the others cannot match.
 */
function mayName({ whole, start, always }: UnsureCandidates, folded: string): number[] {
  const found = new Set(always);
  for (const run of messageRuns(folded).runs) {
    for (const i of whole.get(run) ?? []) found.add(i);
    for (let k = 1; k <= run.length; k++) for (const i of start.get(run.slice(0, k)) ?? []) found.add(i);
  }
  return [...found].sort((a, b) => a - b);
}

/**
 * What `find` finds in the message, or else in it with the topic asked about before it ("Wat wilt u
 * weten over uw paspoort?" → "is die nog geldig?").
 */
export function inWords<T>(msg: string, about: string | undefined, find: (msg: string) => T | undefined): T | undefined {
  return find(msg) ?? (about ? find(`${about} ${msg}`) : undefined);
}
