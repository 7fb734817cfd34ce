/**
 * Answers for a narrower topic of an intent (`variants` in dialogs/intents/*.yaml): "wat kost een
 * paspoort?" is the payment intent, but the payment answer is about benefits; the variant `id_documents`
 * of payment answers it. A variant is chosen when the message names one of its `when` words, or when a
 * short follow-up refers back ("wat kost dat?") to an answer on the same topic (a variant with the same
 * id in another intent). With `unsure: true` it also answers a message the classifier could not place
 * that names the topic ("ik ben mijn rijbewijs kwijt"); so do the variants of `none`, which answer
 * topics without an intent of their own ("waar kan ik mijn grofvuil kwijt?"). This module holds how a
 * message names a variant (its words, a follow-up, the part of a long message that asks); which variant
 * is chosen is variant-choice.ts. Pure, like step.ts.
 */
import type { AnswerVariant, DialogSet, IntentDef } from './types.ts';

/** Lower case, accents off, a curly apostrophe straight, one space between words: "ID-Kaart" and "id-kaart" read the same, "don’t" and "don't" too. */
export const fold = (s: string): string => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/[’‘]/g, "'").replace(/\s+/g, ' ');
const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** " … " in a phrase: up to GAP words of the message stand there ("lost … in germany" finds "lost my passport in germany"). */
const GAP = 3;
const GAP_MARK = / (?:…|\.\.\.) /u;
/** A phrase as a pattern: its words as written, with up to GAP words where it has " … " (not across a comma or full stop). */
const phrase = (w: string): string => w.split(GAP_MARK).map(escape).join(`(?: [\\p{L}\\p{N}'-]+){0,${GAP}} `);

/**
 * A variant's words (`when`, `with` or `unsure`), made once per list: their pattern, and the runs of
 * letters and digits the message must have for it to match at all (see mayMatch).
 */
interface Words {
  re: RegExp;
  /** Where a word is a phrase, or ends in another character, or has one or two letters: the run it starts with, whole ("eigen" of "eigen huis", "ww"). */
  whole: ReadonlySet<string>;
  /** The first three letters of a word of three or more letters and digits only, which may go on ("pas" of "paspoort" in "paspoortaanvraag"). */
  start: ReadonlySet<string>;
  /** A word that starts with another character (or is empty): the pattern is always tried. */
  always: boolean;
}
const compiled = new WeakMap<readonly string[], Words>();
/** The run of letters and digits a word starts with. */
export const LETTERS_AT_START = /^[\p{L}\p{N}]+/u;
const NOT_LETTERS = /[^\p{L}\p{N}]+/u;
const START = 3;
/**
 * A word matches at the start of a word, so "paspoort" also finds "paspoortaanvraag"; a word of one or
 * two letters, and a phrase of more words, only whole ("ww" is not the start of "www.voorbeeld.nl").
 */
function wordsOf(list: readonly string[]): Words {
  let words = compiled.get(list);
  if (!words) {
    const folded = list.map((w) => fold(w));
    // A phrase of more words ends where its last word ends, or its plural: "eigen huis" is not "eigen
    // huisarts", "heb een auto" not "heb een auto-ongeluk", "moving in" not "moving into"; "id card" is "id cards".
    // Longest first: of two phrases that start at the same place the whole one is found ("someone else pick it up for me", not "… pick it up").
    const alternatives = [...folded].sort((a, b) => b.length - a.length).map((w) => (w.includes(' ') ? `${phrase(w)}(?:s|es|n|en|e)?(?![\\p{L}\\p{N}]|-\\p{L})` : w.length <= 2 ? `${escape(w)}(?![\\p{L}\\p{N}])` : escape(w)));
    const whole = new Set<string>();
    const start = new Set<string>();
    let always = false;
    for (const w of folded) {
      const head = LETTERS_AT_START.exec(w)?.[0];
      if (!head) always = true;
      else if (head.length < w.length || w.length < START) whole.add(head);
      else start.add(w.slice(0, START));
    }
    words = { re: new RegExp(`(?:^|[^\\p{L}\\p{N}])(?:${alternatives.join('|')})`, 'u'), whole, start, always };
    compiled.set(list, words);
  }
  return words;
}

/**
 * The runs of letters and digits of a folded message, and their first three characters, made once per
 * message: one message is checked against the words of every variant of every intent.
 */
let runsOf: { folded: string; runs: readonly string[]; starts: readonly string[] } = { folded: '', runs: [], starts: [] };
export function messageRuns(folded: string): typeof runsOf {
  if (runsOf.folded !== folded) {
    const runs = folded.split(NOT_LETTERS).filter(Boolean);
    runsOf = { folded, runs, starts: runs.map((r) => r.slice(0, START)) };
  }
  return runsOf;
}

/**
 * Whether a pattern of `words` can match the folded message. A word's pattern matches only where a run
 * of letters and digits starts (at the start, or after another character), and that run then is the
 * word's own first run (a phrase, a short word) or starts with its first three letters: without such a
 * run the pattern is not tried. Only a shortcut: where it may match, the pattern decides.
 */
function mayMatch(words: Words, folded: string): boolean {
  if (words.always) return true;
  const { runs, starts } = messageRuns(folded);
  for (let i = 0; i < runs.length; i++) if (words.whole.has(runs[i]!) || words.start.has(starts[i]!)) return true;
  return false;
}

const test = (list: readonly string[], folded: string): boolean => {
  const words = wordsOf(list);
  return mayMatch(words, folded) && words.re.test(folded);
};

/**
 * Where the folded message names the variant: one of `words` (its `when` words, or its `unsure` list),
 * and one of its `with` words as well when it has them, and none of its `not_with` words.
 */
export function namedAt(v: AnswerVariant, folded: string, words: readonly string[] = v.when, withSaid = false): RegExpExecArray | null {
  if (v.with && !withSaid && !test(v.with, folded)) return null;
  if (v.not_with && test(v.not_with, folded)) return null;
  const named = wordsOf(words);
  return mayMatch(named, folded) ? named.re.exec(folded) : null;
}

/**
 * A short message that points back at what was just said: "wat kost dat?", "and how long does it
 * take", "hoelang duurt t" (SMS for "het"; not the t of "haven't"), "kan ik m opzeggen" (SMS for "hem"; not the m of "I'm"
 * or "m'n"), "is ie nog geldig" ("hij" as said), "moet zij zelf ook mee?" (the daughter the ID card was for), "wat kost een nieuwe?" (passport).
 */
export const REFERS_BACK = /(^|[^\p{L}])(dat|die|dit|het|(?<!\p{L}')t|daarvan|daarvoor|ervoor|daar|daartegen|ertegen|daarover|erover|daarmee|ermee|zij|ze|hij|ie|hem|(?<!\p{L}')m(?!'\p{L})|em|haar|een nieuwe|zo'n|meenemen|meebrengen|that|it|this|those|them|she|he|they|him|her|a new one|bring)([^\p{L}]|$)/iu;
const SHORT = 8;
/** "Hoeveel kost?", "kosten?", "costs?": the price of what was just answered, with no word pointing back. */
export const BARE_COST = /^\s*((en|maar|ok(é|e)?|and|but|so)[,]?\s+){0,2}((wat|hoeveel) (kost|kosten)|kosten|(wat zijn )?de kosten|kost (het |dat )?(wat|iets|geld)|((wat is )?de )?(prijs|price)|costs?|price|how much( is| does)?|what('?s| is| are) the (price|cost|costs|fee|fees))\s*[?!.]*\s*$/i;
/**
 * "kosten?", "wat kost het?", "how much does it cost?": what it costs, of nothing named; not whether it costs anything
 * ("kost het iets?", "moet ik betalen?"), which what costs what in general answers.
 */
export const ASKS_PRICE = /^\s*((en|maar|ok(é|e)?|and|but|so)[,]?\s+)?((wat|hoeveel) (kost|kosten) (het|dat|dit|'?t|ie)?( dan| ook| eigenlijk)?|kosten|(wat zijn )?de kosten|prijs|tarief|costs?|price|fee|how much( is it| does (it|that|this) cost)?|what does (it|that|this) cost|what('?s| is| are) the (price|cost|costs|fee|fees))\s*[?!.]*\s*$/i;
/**
 * "hoeveel?", "en hoeveel dan?", "how much?": how much, of nothing named. Right after a fee that fee (as BARE_COST);
 * where no thing with a price was just answered, how much one gets (variant-choice.ts bareHowMuch). Not in
 * BARE_COST: after a status with a payment date that one would ask what the status costs.
 */
export const BARE_HOW_MUCH = /^\s*((en|maar|ok(é|e)?|and|but|so)[,]?\s+)?(hoeveel|how much)( dan| then| precies| exactly| ongeveer| roughly)?\s*[?!.]*\s*$/i;
/** "hoeveel" or "how much" anywhere in a message or a sentence: how much is asked, or said where to find. */
export const NAMES_HOW_MUCH = /(^|[^\p{L}])(hoeveel|how much)([^\p{L}]|$)/iu;
/** "mijn zaak", "my application": the citizen's own, not what was just answered. */
export const OWN = /(^|[^\p{L}])(mijn|mn|m'n|onze|ons|my|our)([^\p{L}]|$)/iu;
export const wordCount = (msg: string): number => msg.trim().split(/\s+/).length;
/** A condition after the question ("… als ik het te laat doorgeef", "… if i report it late"). */
const CONDITION_AFTER = /\s+(als|indien|wanneer|if|when)\s+(ik|i|je|u|we|you)\s.*$/i;
/** The words of the question, a condition after it aside: "krijg ik een boete als ik het te laat doorgeef?" asks in 4. */
export const wordsAsked = (msg: string): number => wordCount(msg.replace(CONDITION_AFTER, ''));
/** A message of at most SHORT words: a follow-up, not a question of its own. */
export const isShort = (msg: string): boolean => wordCount(msg) <= SHORT;

/**
 * A short question that points back at the answer before it and not at the citizen's own case: "hoe
 * lang duurt dat?", "what does it cost" (not "hoe lang duurt het nog met mijn bezwaar").
 */
export function isFollowUp(msg: string): boolean {
  return isShort(msg) && REFERS_BACK.test(msg) && !OWN.test(msg);
}

/** Words from which a message counts as long: a topic named in passing is then not what it asks. */
const LONG = 25;

/**
 * Where a message names its topic: a short message anywhere; a long one only in its questions (the
 * sentences ending in "?"), or its last sentence when none does. "Ik ben geopereerd aan mijn knie en
 * mag een paar weken niet autorijden. … Welke papieren heb ik nodig voor de bijstand?" asks about the
 * bijstand, not about the driving licence it mentions.
 */
function askedPart(msg: string): string {
  if (wordCount(msg) <= LONG) return msg;
  const sentences = msg.split(/(?<=[.!?])\s+|\n+/).filter((x) => x.trim());
  const questions = sentences.filter((x) => x.trim().endsWith('?'));
  return (questions.length > 0 ? questions : sentences.slice(-1)).join(' ');
}

/**
 * The message as the `when` words are matched against it, made once per message: one message is
 * checked against every variant of every intent (unsureVariant), and each check used to fold it anew.
 */
let prepared: { msg: string; folded: string } = { msg: '', folded: '' };
export function asked(msg: string): string {
  if (prepared.msg !== msg) prepared = { msg, folded: fold(askedPart(msg)) };
  return prepared.folded;
}

/** Whether the whole message (not only the part that asks) names one of `words`, matched as the `when` words are. */
export const namesAnyOf = (words: readonly string[], msg: string): boolean => test(words, fold(msg));

/** Whether the message names the variant's topic (in the part of it that asks, see askedPart). */
export function mentions(v: AnswerVariant, msg: string): boolean {
  return namedAt(v, asked(msg)) !== null;
}

/** As `mentions`, with the variant's `with` words taken as said already (a death told earlier in the conversation). */
export function mentionsBeside(v: AnswerVariant, msg: string): boolean {
  return namedAt(v, asked(msg), v.when, true) !== null;
}

/** Whether `v` is a narrower case of the variant `id` (its `within`, one or more). */
export const isWithin = (v: AnswerVariant, id: string | undefined): boolean =>
  id !== undefined && v.within !== undefined && v.within.includes(id);

/**
 * The topics `id` is a narrower case of in `intent`, up its `within` words and theirs, nearest first: the
 * driving licence's fees (within licence, within id_documents) → licence, id_documents.
 */
export function broaderTopics(intent: IntentDef, id: string): string[] {
  const found: string[] = [];
  let at: string | undefined = id;
  for (let i = 0; at !== undefined; at = found[i++]) {
    for (const up of intent.variants?.find((v) => v.id === at)?.within ?? []) if (up !== id && !found.includes(up)) found.push(up);
  }
  return found;
}

/**
 * How many words of a short message lie outside the `when` phrase of `v` it names: "wat als ik te laat
 * ben" is one word ("wat") beside the late objection's "als ik te laat ben". Null when it names none.
 */
export function wordsBeside(v: AnswerVariant, msg: string, words: readonly string[] = v.when, withToo = false): number | null {
  const folded = fold(msg.trim());
  const at = namedAt(v, folded, words);
  if (!at) return null;
  const count = (s: string) => s.split(/[^\p{L}\p{N}]+/u).filter(Boolean).length;
  // `withToo`: the variant's `with` word is its own too ("my wife" of "can my wife use it too?" right after the parking permit).
  const rest = `${folded.slice(0, at.index)} ${folded.slice(at.index + at[0].length)}`;
  const withAt = withToo && v.with ? wordsOf(v.with).re.exec(rest) : null;
  return count(folded) - count(at[0]) - (withAt ? count(withAt[0]) : 0);
}

/**
 * "waar moet ik verf laten", "where do I take old paint": where a thing goes, which the classifier read as the office's
 * address (contact_hours); a topic that names the thing answers it (variant-choice.ts topicElsewhere).
 */
const WHERE_TO_TAKE = /(^|[^\p{L}])(waar|where)\s(.+\s)?(laten|laat|inleveren|lever|brengen|breng|wegbrengen|kwijt|weggooien|gooi|take|bring|drop|dispose|throw)([^\p{L}]|$)/iu;
export const asksWhereToTake = (msg: string): boolean => WHERE_TO_TAKE.test(msg);

/** Paying the municipality (how, in parts): for what another body bills ("inkomstenbelasting in termijnen"), that body answers. */
export const givesWayToOtherBody = (v: AnswerVariant): boolean => v.ours_only === true;

/** "En een paspoort?", "and for a passport?": the question before, about something else. */
const AND_ABOUT = /^\s*(en|and|of|or|ook|also|what about|how about)\b/i;
export const swapsTheThing = (msg: string): boolean => AND_ABOUT.test(msg);

/** Words up to which a message is taken as one short question ("ik heb een hond gekocht, moet ik dat doorgeven?"). */
export const ONE_QUESTION = 12;
/**
 * "moet ik nog iets betalen?", "moet ik nog betalen?", "do I still have to pay?": whether there is something to pay
 * (last-answer.ts POINTING_COST too); "moet ik aan de balie betalen?", "betaal ik bij de balie?", "do I pay at the
 * desk?": that, and where.
 */
export const PAY_ANYTHING = String.raw`moet ik (nog |nu |dan |ook |daar |er )*((iets|wat) (nog )?)?(voor |ervoor |daarvoor )?((aan|bij|op) (de|het) (balie|loket|gemeentehuis) )?betalen|betaal ik (dat |het |die |dan |daar )*(aan|bij|op) (de|het) (balie|loket|gemeentehuis)|do i (still |also )?(have|need) to pay|do i pay( for (it|that|this))?( (at|in) the (desk|counter|town hall)| there| when i apply)`;
/**
 * "wat kost dat?", "kosten?", "hoeveel moet ik betalen", "moet ik nog iets betalen": the price, which a case's type has a topic for.
 * "moet ik er iets voor betalen" right after the parking permit's status got when a benefit is paid.
 */
export const ASKS_COST = new RegExp(String.raw`\b(kost|kosten|kostte|prijs|tarief|tarieven|leges|hoeveel moet ik betalen|${PAY_ANYTHING}|cost|costs|price|fee|fees|how much)\b`, 'i');

/**
 * "wanneer betaal ik?", "when do I have to pay?", "moet ik per jaar betalen?", "when is the payment due?": when or how often the
 * citizen pays (a case's topic may say: the parking permit's letter).
 */
export const ASKS_WHEN_I_PAY = /\b(wanneer|wnr|when)\b.*\b(betaal ik|moet ik (\p{L}+ )*betalen|do i (have to |need to )?pay|must i pay|should i pay|is (the )?payment due)\b|\b(per (jaar|maand|kwartaal)|elk jaar|elke maand|ieder jaar|jaarlijks|maandelijks)\b.*\bbetalen\b|\bpay\b.*\b(per|every|each) (year|month)\b|\b(payment|it|that) (is )?due\b/iu;

/**
 * The variant on `topic` of an intent not in `skip` whose `follow_up` words a short message names (its `with` words taken as
 * said: right after the topic they stand alone): "how many times a year?" right after the answer on waste (none/waste),
 * which the classifier could not place, is payment/waste's "free 4 times a year". It got "staat hierboven".
 */
export function followUpOfTopic(dialogs: DialogSet, skip: readonly string[], topic: string | undefined, msg: string): { intent: IntentDef; variant: AnswerVariant } | undefined {
  if (!topic || !isShort(msg)) return undefined;
  for (const intent of dialogs.intents.values()) {
    const variant = skip.includes(intent.id) ? undefined : intent.variants?.find((v) => v.id === topic && v.follow_up && namedAt(v, asked(msg), v.follow_up, true) !== null);
    if (variant) return { intent, variant };
  }
  return undefined;
}

/**
 * The one topic a text names (a case type: "Parkeervergunning bewoners" is `parking`), so that "wat
 * kost dat?" after the status of that case gets the parking permit's fees, not the benefit dates.
 * Undefined when it names none, or topics of different ids.
 */
export function topicNamedIn(dialogs: DialogSet, text: string): string | undefined {
  // Asked with a case type once per status told, and there are few case types: remembered per set.
  let known = namedTopics.get(dialogs);
  if (!known) namedTopics.set(dialogs, (known = new Map()));
  if (known.has(text)) return known.get(text);
  const ids = new Set<string>();
  for (const intent of dialogs.intents.values()) for (const v of intent.variants ?? []) if (mentions(v, text)) ids.add(v.id);
  const topic = ids.size === 1 ? [...ids][0] : undefined;
  if (known.size < 256) known.set(text, topic);
  return topic;
}
const namedTopics = new WeakMap<DialogSet, Map<string, string | undefined>>();
