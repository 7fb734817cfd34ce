/**
 * The sentences of what the assistant last answered: which answer that was, its text, the same topic's
 * answers in other intents, and the sentences that go with one picked (the answer to a question, the
 * place a "Daar …" points back to, the question a "Bel dan …" goes on from). Pure, like step.ts.
 */
import type { AnswerVariant, DialogSet, DialogState, IntentDef } from './types.ts';
import { wordCount } from './variants.ts';

/** The intent whose answer (or case status) was the last thing the assistant said, if it was one. */
export function lastAnswered(state: DialogState, dialogs: DialogSet): IntentDef | undefined {
  return state.lastAnswer?.trace.step === 'answer' ? dialogs.intents.get(state.lastAnswer.trace.dialog) : undefined;
}

/** The variant the last answer was, when it was one of `last` (the intent that answered). */
export function lastTopic(state: DialogState, last: IntentDef | undefined): AnswerVariant | undefined {
  const topic = state.lastAnswer?.topic;
  return topic ? last?.variants?.find((v) => v.id === topic) : undefined;
}

/** The text of the last answer (its variant's, when it had one). */
export function lastText(state: DialogState, last: IntentDef): string {
  return (lastTopic(state, last)?.answer ?? last.answer!)[state.lang];
}

export const sentencesOf = (said: string, keep: (sentence: string) => boolean): string[] => said.split(/(?<=[.!?])\s+/).filter(keep);

/** A sentence that names a place: a website, Mijn Voorbeeld, the desk, the town hall, a street address. */
export const PLACE = /(www\.|mijn voorbeeld|\bbalie\b|\bdesk\b|\bgemeentehuis\b|\btown hall\b|\p{Lu}\p{L}+(plein|straat|laan|weg) \d)/iu;

/**
 * A sentence that asks ("Heeft de gemeente 4 weken na uw aanvraag nog geen besluit genomen?") with the
 * one after it in `said` that answers it ("Dan krijgt u meestal vanzelf een voorschot.").
 */
export function withTheirAnswers(said: string, picked: string[]): string[] {
  const all = sentencesOf(said, () => true);
  return [...new Set(picked.flatMap((x) => {
    const at = all.indexOf(x);
    return x.trim().endsWith('?') && at >= 0 && at + 1 < all.length ? [x, all[at + 1]!] : [x];
  }))];
}

/** A sentence that points back at the one before it ("Daar ziet u ook …", "There you also see …"). */
const POINTS_BACK = /^\s*(daar|there you)\b/i;
/**
 * `picked` (sentences of `said` or of another answer), with the place the first one points back to
 * ("Daar …"): the nearest sentence before it that names one (a website, the desk).
 */
export function withAntecedent(said: string, picked: string[]): string[] {
  const all = sentencesOf(said, () => true);
  const at = picked.length > 0 && POINTS_BACK.test(picked[0]!) ? all.indexOf(picked[0]!) : -1;
  const place = at > 0 ? all.slice(0, at).reverse().find((x) => PLACE.test(x)) : undefined;
  return place ? [place, ...picked] : picked;
}

/**
 * The words around a quote of `sentence`: "In mijn antwoord staat: …" when the answer the citizen was
 * shown (`said`) has it, else only the sentence itself (it comes from the same topic's answer in another
 * intent, which the citizen did not see: "moet ik een pasfoto meenemen?" after the driving licence's fees).
 */
export function quoteKey(said: string, sentence: string): 'answer.time_in_answer' | 'answer.on_topic' {
  return sentencesOf(sentence, () => true).every((x) => said.includes(x)) ? 'answer.time_in_answer' : 'answer.on_topic';
}

/** The answers on the last answer's topic in other intents (the passport fees, then the passport itself). */
export function sameTopic(state: DialogState, dialogs: DialogSet, last: IntentDef): string[] {
  const topic = state.lastAnswer?.topic;
  if (!topic) return [];
  return [...dialogs.intents.values()].flatMap((intent) => (intent.id === last.id ? [] : (intent.variants ?? []).filter((v) => v.id === topic).map((v) => v.answer[state.lang])));
}

/**
 * The sentences of the last answer that `keep` takes; when it has none, those of the same topic's
 * answer in another intent (after the passport fees, the passport answer's "Maak eerst een afspraak"),
 * of those the one that says most.
 */
export function onTopic(state: DialogState, dialogs: DialogSet, last: IntentDef, keep: (sentence: string) => boolean): string[] {
  const sentences = sentencesOf(lastText(state, last), keep);
  const topic = state.lastAnswer?.topic;
  if (sentences.length > 0 || !topic) return sentences;
  // Of several such answers, the one that says most on it (the papers to bring: the passport answer's full list).
  let best: string[] = [];
  const said = (xs: string[]) => xs.join(' ').length;
  for (const answer of sameTopic(state, dialogs, last)) {
    const found = sentencesOf(answer, keep);
    if (said(found) > said(best)) best = found;
  }
  return best;
}

/** "Bel dan de politie", "Then call …": a sentence that says what to do when the question before it holds. */
const THEN = /^\s*(\p{L}+\s+)?(dan|then)\b/iu;
/** `picked` with, before each that goes on from a question ("Is het gevaarlijk? Bel dan de politie"), that question. */
export function withConditions(said: string, picked: string[]): string[] {
  const all = sentencesOf(said, () => true);
  return picked.flatMap((x) => {
    const asked = THEN.test(x) ? questionBefore(all, x, picked) : undefined;
    return asked ? [asked, x] : [x];
  });
}

/**
 * `quoted` (sentences of `said`) with the question the first one answers ("Want bulky waste collected? Make an appointment …")
 * and the place a "Daar …" points back to ("Kijk op www.voorbeeld.nl/afval. Daar ziet u …").
 */
export function withAsked(said: string, quoted: string | null): string | null {
  if (!quoted) return null;
  const picked = sentencesOf(quoted, () => true);
  const asked = questionBefore(sentencesOf(said, () => true), picked[0]!, picked);
  return withAntecedent(said, asked ? [asked, ...picked] : picked).join(' ');
}

/** The sentence right before `x` in `all` when it is a question not picked already. */
function questionBefore(all: readonly string[], x: string, picked: readonly string[]): string | undefined {
  const before = all[all.indexOf(x) - 1];
  return before?.trim().endsWith('?') && !picked.includes(before) ? before : undefined;
}

/**
 * A sentence that goes on from the one before it ("Maak daarvoor eerst een afspraak", "First make an appointment", "Maak dan
 * bezwaar …", "Daar gaat u in beroep"): it comes with that one.
 */
export const GOES_ON = /^\s*(maak daarvoor|daarvoor|daarna|first make|for that|(\p{L}+\s+)?(dan|then|daar|there))\b/iu;

/** A sentence that says what something costs ("… kost €…", "Het is gratis", "fees"). */
const COST = /\b(kost|kosten|gratis|prijs|tarief|leges|betaalt u|free|costs?|price|fees?)\b/i;
/** The (first two) sentences of `said` on what it costs, each with the question it answers; '' when it says none. */
export const costSentences = (said: string): string => withConditions(said, sentencesOf(said, (x) => COST.test(x)).slice(0, 2)).join(' ');

/** "is there parking", "is er parkeerplek?": parking asked of, not a permit. */
const PARKING_ASKED = /(^|[^\p{L}])(park|parking|parkeren|parkeerplek|parkeerplaats|parkeerplaatsen|parkeergelegenheid)([^\p{L}]|$)/iu;
/** Parking named for a permit or a fine ("parking permit", "parkeerboete"): not where to park at the town hall. */
const NOT_PARKING_THERE = /permit|vergunning|parkeerkaart|boete|bekeuring|\bfine\b|ticket|\bbon\b/iu;
/** The sentence that says where to park ("… en waar u kunt parkeren, staat op …"). */
const SAYS_PARKING = /(^|[^\p{L}/])(park|parkeren)([^\p{L}]|$)/iu;
/**
 * "is there parking" right after the town hall's address: its sentence on where to park, not the whole answer and the
 * offer of a person (the question is one of that answer's own words, so the same answer came again). So is a bare
 * "parking?", which shares no word with "where to park". Null if none.
 */
export function parkingInAnswer(said: string, msg: string): string | null {
  if (!PARKING_ASKED.test(msg) || NOT_PARKING_THERE.test(msg) || wordCount(msg) > 8) return null;
  return sentencesOf(said, (x) => SAYS_PARKING.test(x))[0] ?? null;
}
