/**
 * Questions about time right after an answer ("en hoe lang duurt het?", "wanneer moet ik dat doen?",
 * "binnen hoeveel tijd?") and the sentences of that answer that say it. Pure, like step.ts.
 */
import type { DialogSet, DialogState } from './types.ts';
import { wordCount } from './variants.ts';
import { lastAnswered, lastText, onTopic, sameTopic, sentencesOf, withAntecedent, withTheirAnswers } from './answer-sentences.ts';

/** "hoe lang duurt het?", "how long do I have?", "tot wanneer?": a question about time. */
const HOW_LONG = /\b(hoe\s*lang|hoelang|hoe\s+snel|how\s+(fast|quickly|soon)|tot\s+wanneer|binnen\s+hoeveel|hoeveel\s+(tijd|dagen|weken|maanden)|binnen\s+(een\s+)?(bepaalde|welke)\s+(tijd|termijn)|(een|welke|de)\s+termijn|deadline|how\s+long|how\s+much\s+time|how\s+many\s+(days|weeks|months)|within\s+(a\s+certain|what)\s+time|time\s+limit|until\s+when|by\s+when)\b/i;
const VALID = /\b(geldig|geldigheid|verloopt|verlopen|houdbaar|valid|validity|expire|expires)\b/i;
/**
 * "Wanneer?", "voor wanneer?", "when?", "wanneer moet ik dat doen?" alone: when, of what the answer before says ("Doe dat binnen 5 dagen").
 * "wanneer krijg ik dat", "wanneer krijk ik dat", "when i get it", after when benefits are paid, got that whole answer again.
 */
const WHEN_ONLY = /^\s*((en|maar|ok(é|e)?|and|but)[,]?\s+)?(voor |tot |vanaf |per |by |until |from )?(wanneer|wnn?r|when)( dan| then| (komt|krijg ik|krijk ik|heb ik) (het|t|hij|ie|die|dat)( dan)?| (do i|will i|i|can i|i will|do we|will we|we) (get|receive|recieve|have) (it|that|them|the money|my money|our money)( then)?| moet dat| moet het| (moet|kan|mag) ik (dat|het|dit|die)( dan)?( doen| doorgeven| melden| regelen| aanvragen| inleveren| opsturen| sturen)?| (do|should|must|can) i (have to |need to )?(do|report|send|apply for) (it|that|this)( then)?)?\s*[?!.]*\s*$/i;
/** "Hoe lang duurt het?", "how long does it take?", "hoe snel": how long something takes, not how long one has. */
const TAKES = /\b(duurt|duren|hoe\s+snel|takes?|taking|how\s+(soon|fast|quickly)|klaar|ready)\b/i;
/** "Doe dat binnen 6 weken", "Then register … within 5 days": a deadline the citizen must keep. */
const DEADLINE = /^\s*(\p{L}+\s+)?(doe|geef|meld|schrijf|maak|stuur|vraag|register|report|object|do|send|make|apply)\b.*\b(binnen|within)\b/iu;
/** "als u hier langer dan 4 maanden blijft": how long one stays, a condition, no time something takes. */
const STAY = /\b(langer|korter|longer|shorter|less|minder)\s+(dan|than)\b/i;
/** "U mag het ook al eerder doorgeven, tot 4 weken voor de verhuisdatum": how early one may do it, no time something takes. */
const AHEAD = /\b(tot|up to)\s+\S+\s+(dagen|weken|maanden|days|weeks|months)\s+(voor|vóór|before)\b|\b(van tevoren|in advance)\b/i;
/** "Hoe vroeg mag ik het doorgeven?", "hoeveel dagen van tevoren?", "how early can I do that?": how early one may do it (AHEAD's sentences). */
const EARLY = /\b(hoe\s+vroeg|hoe\s+ver\s+(van\s+)?tevoren|hoeveel\s+(dagen|weken|maanden)\s+(van\s+tevoren|vooraf|eerder)|how\s+early|how\s+far\s+(ahead|in\s+advance)|how\s+many\s+(days|weeks|months)\s+(before|in\s+advance|ahead))\b/i;
/** "Wanneer moet ik het uiterlijk doorgeven?", "by when at the latest?": the deadline (DEADLINE's sentences). */
const LATEST = /\b(uiterlijk|op\s+(zijn|z'n)\s+laatst|at\s+the\s+latest)\b/i;
/** A sentence that says to do it at once ("Geef het meteen door"): a time too. */
const AT_ONCE = /\b(meteen|direct|zo snel mogelijk|straight away|immediately|as soon as)\b/i;
/** "rond de 1e van de maand", "around the 1st of the month": a day, which answers "wanneer?" as a span does. */
const DAY_OF_MONTH = /\b(de|the)\s+\d{1,2}(e|ste|de|st|nd|rd|th)\s+(van|of)\s+(de|the|elke|every|each)\s+(maand|month)\b/i;
/** A sentence of an answer that names a span of time ("Ongeveer 5 werkdagen later …", "within 6 weeks"). */
const SPAN = /(?<![.:\d])\b(\d+|een|één|twee|drie|vier|vijf|zes|acht|tien|one|two|three|four|five|six|eight|ten)\s+(werk)?(dagen|dag|weken|week|maanden|maand|uur|minuten|working\s+days?|days?|weeks?|months?|hours?|minutes?)\b/i;
/** An age ("niet ouder dan 6 maanden") is no time to wait. */
const AGE = /\b(ouder|jonger|older|younger)\s+(dan|than)\s+\S+\s+\S+/gi;

/**
 * For a question about time right after an answer ("en hoe lang duurt het?" after the passport
 * answer): the sentences of that answer that name a span of time; when it names none, those of the
 * same topic's answer in another intent ("how long does it take?" after the passport fees: the
 * passport answer's "about 5 working days"). Null when none does.
 */
export function timeInAnswer(state: DialogState, dialogs: DialogSet, msg: string): string | null {
  const last = lastAnswered(state, dialogs);
  // "hoe lang is het geldig?" asks how long it lasts, not how long it takes.
  const when = WHEN_ONLY.test(msg);
  const early = EARLY.test(msg);
  const latest = !early && LATEST.test(msg);
  if (!last?.answer || (!HOW_LONG.test(msg) && !when && !early && !latest) || VALID.test(msg)) return null;
  // An age is no time to wait ("een pasfoto van niet ouder dan 6 maanden"). "Wanneer?" is also answered by "meteen",
  // and by a day of the month ("wnr krijg ik t" after when benefits are paid: "rond de 1e van de maand" first).
  // "Daar ziet u ook … hoe lang het duurt" says where to read it: with the sentence "daar" points back to.
  // "Hoe lang duurt het?" asks how long it takes: "Doe dat binnen 6 weken" is a deadline for the citizen, no answer to it.
  // Nor is how early one may do it ("tot 4 weken voor de verhuisdatum").
  const takes = TAKES.test(msg);
  const spans = (x: string) => (SPAN.test(x.replace(AGE, '')) || (when && (AT_ONCE.test(x) || DAY_OF_MONTH.test(x))) || HOW_LONG.test(x)) && !(takes && (DEADLINE.test(x) || STAY.test(x) || AHEAD.test(x)));
  // How early, or by when at the latest: the sentence that says just that, when the answer has one.
  const exact = early ? onTopic(state, dialogs, last, (x) => AHEAD.test(x)) : latest ? onTopic(state, dialogs, last, (x) => DEADLINE.test(x)) : [];
  const picked = exact.length > 0 ? exact : onTopic(state, dialogs, last, spans);
  // The answer the sentences come from: this one, or the same topic's elsewhere (the parking permit after its fees).
  const from = [lastText(state, last), ...sameTopic(state, dialogs, last)].find((x) => picked.length > 0 && x.includes(picked[0]!)) ?? '';
  const sentences = withTheirAnswers(from, withAntecedent(from, picked));
  return sentences.length > 0 ? sentences.slice(0, 2).join(' ') : null;
}

/**
 * For "hoe lang duurt het?" right after an answer that names no time it takes, only by when the citizen
 * must do it ("Doe dat binnen 5 dagen na uw verhuizing"): those sentences, what the answer does say
 * about time. Null for another question, or an answer without them.
 */
export function deadlineInAnswer(state: DialogState, dialogs: DialogSet, msg: string): string | null {
  const last = lastAnswered(state, dialogs);
  if (!last?.answer || !HOW_LONG.test(msg) || !TAKES.test(msg) || VALID.test(msg)) return null;
  const said = lastText(state, last);
  // Not how early one may do it ("tot 4 weken voor de verhuisdatum"): beside "hoe lang duurt het?" that reads as the time it takes.
  const sentences = withTheirAnswers(said, sentencesOf(said, (x) => DEADLINE.test(x)));
  return sentences.length > 0 ? sentences.slice(0, 2).join(' ') : null;
}

/** A sentence that says where to see how it stands ("Hoe het met uw aanvraag staat, ziet u op www.justis.nl."). */
const WHERE_TO_SEE = /^(?=.*\b(ziet u|kunt u zien|you can see|you see)\b)(?=.*(www\.|mijn voorbeeld))/i;
const STILL = /\b(nog|still|yet)\b/i;

/**
 * For "hoe lang duurt dat?" right after an answer that names no time at all, nor by when to do it (the VOG, which
 * Justis decides): '' when that answer says nothing to go on, else its sentences on where to see how it stands.
 * Null for another question (also "hoe lang duurt het nog?": the wait for one's own). Before, it got "Wat ik erover
 * weet, staat in mijn antwoord hierboven", which had no time in it.
 */
export function timeUnknown(state: DialogState, dialogs: DialogSet, msg: string): string | null {
  const last = lastAnswered(state, dialogs);
  if (!last?.answer || !HOW_LONG.test(msg) || !TAKES.test(msg) || VALID.test(msg) || STILL.test(msg)) return null;
  return sentencesOf(lastText(state, last), (x) => WHERE_TO_SEE.test(x)).slice(0, 1).join(' ');
}

/** "Sinds wanneer?", "sinds wanneer is dat zo?", "since when?": since when what the answer says holds. */
const SINCE_WHEN = /^\s*((en|maar|ok(é|e)?|and|but)[,]?\s+)?(sinds|vanaf|since|from)\s+(wanneer|wnn?r|when)(\s+(is|geldt|gelden|was|is dat|is het|geldt dat|geldt het|dan|is that|does that|then|so|zo|al|apply))*\s*[?!.]*\s*$/i;
/** A sentence that names since or from when ("De vergunning geldt vanaf 7 december 2026"). */
const SINCE = /\b(sinds|vanaf|since|from)\s+\S*\d/i;
export const asksSinceWhen = (msg: string): boolean => SINCE_WHEN.test(msg);

/**
 * For "sinds wanneer?" right after an answer (the payment answer: "Een uitkering betalen we meestal rond de 1e van de
 * maand"): its sentence that names from when, else '' (it names none). Null for another question. Before, it got the
 * question for a case number, as if the citizen had asked how their case stands.
 */
export function sinceInAnswer(state: DialogState, dialogs: DialogSet, msg: string): string | null {
  const last = lastAnswered(state, dialogs);
  if (!last?.answer || !SINCE_WHEN.test(msg)) return null;
  return sentencesOf(lastText(state, last), (x) => SINCE.test(x)).slice(0, 1).join(' ');
}

/** Words a question about time may have beside its time words ("binnen hoeveel tijd", "hoe lang heb ik daarvoor?"). */
const ONLY_TIME = new Set(['en', 'maar', 'ok', 'oké', 'oke', 'dus', 'dan', 'ongeveer', 'precies', 'ik', 'we', 'wij', 'u', 'je', 'heb', 'hebben', 'heeft', 'duurt', 'duren',
  'gaat', 'is', 'het', 'dat', 'dit', 'er', 'daarvoor', 'ervoor', 'voor', 'om', 'te', 'tijd', 'dagen', 'weken', 'maanden', 'and', 'but', 'so', 'then', 'do', 'does', 'i', 'you', 'have',
  'has', 'it', 'that', 'this', 'take', 'takes', 'there', 'to', 'for', 'will', 'about', 'roughly', 'time', 'days', 'weeks', 'months', 'get', 'got',
  // How early: "hoe lang van tevoren?", "how long before?", "how long in advance?" (AHEAD's sentences answer it).
  'van', 'tevoren', 'vooraf', 'before', 'beforehand', 'in', 'advance', 'ahead',
  // How early one may, by when one must: "hoe vroeg mag ik het doorgeven?", "wanneer moet ik het uiterlijk doen?", "how early can I do that?".
  'mag', 'kan', 'moet', 'wanneer', 'doorgeven', 'doen', 'melden', 'can', 'may', 'must', 'should', 'when', 'report']);
/**
 * "Binnen hoeveel tijd?", "hoe lang heb ik?", "how long do I have?": only the question how long, about
 * nothing of its own, so about the answer just given, whatever intent its words suggest to the classifier.
 * Not with "nog" or "still" ("hoe lang duurt het nog?"): that is the wait for one's own case.
 */
export function asksOnlyTime(msg: string): boolean {
  if (WHEN_ONLY.test(msg) || SINCE_WHEN.test(msg)) return true;
  const found = wordCount(msg) <= 12 ? HOW_LONG.exec(msg) ?? EARLY.exec(msg) ?? LATEST.exec(msg) : null;
  if (!found) return false;
  // Up to six words beside the time words ("moet ik dat binnen een bepaalde tijd doorgeven": four), each one ONLY_TIME has.
  const rest = `${msg.slice(0, found.index)} ${msg.slice(found.index + found[0].length)}`.toLowerCase().split(/[^\p{L}]+/u).filter((w) => w !== '');
  return rest.length <= 6 && rest.every((w) => ONLY_TIME.has(w));
}

/** When the citizen leaves or needs it: "in 3 days", "tomorrow", "next week", "on friday", "over 3 dagen", "morgen", "vrijdag". */
const SOON = String.raw`(in|within|over|binnen) (\d+|a|an|one|two|three|four|five|six|seven|ten|a few|few|a couple of|couple of|een|twee|drie|vier|vijf|zes|zeven|tien|een paar|paar) (days?|weeks?|dagen|dag|weken|week)|tomorrow|the day after tomorrow|morgen|overmorgen|(next|this|volgende|deze) (week|weekend|monday|tuesday|wednesday|thursday|friday|saturday|sunday|maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag)|(on )?(monday|tuesday|wednesday|thursday|friday|saturday|sunday)|(op )?(maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag)|soon|binnenkort`;
/** A trip, as the leaving is named: "on holiday", "op vakantie", "abroad". Not "away", "weg": "ik ga morgen weg" may be a farewell. */
const TRIP = String.raw`(on|op) (holiday|vacation|a trip|trip|reis|vakantie)|abroad|naar het buitenland`;
/**
 * "i am leaving in 3 days", "we fly next week", "my flight is tomorrow", "ik vertrek over 3 dagen", "ik ga volgende week op
 * vakantie": the whole clause says only that the citizen travels soon. Not "i am leaving this world in 3 days": the time
 * follows the verb, and no other word may stand in the clause.
 */
const LEAVING_SOON = new RegExp(String.raw`^((i|we) (am|are|'m|'re) |i'm |im |we're |i |we )?(leaving|flying|travelling|traveling|going|leave|fly|travel|go)( ${TRIP})? (${SOON})( ${TRIP})?$`
  + String.raw`|^(my|our) (flight|trip|holiday|vacation) is (${SOON})$`
  + String.raw`|^(i|we) need (it|the passport|my passport|the id card|my id card|the licence|my licence) (${SOON})$`
  + String.raw`|^(ik|we|wij) (vertrek|vertrekken|vlieg|vliegen|reis|reizen|ga|gaan)( ${TRIP})? (${SOON})( ${TRIP})?$`
  + String.raw`|^(mijn|onze) (vlucht|reis|vakantie) is (${SOON})$`
  + String.raw`|^(ik|we|wij) (heb|hebben) (het|hem|die|mijn paspoort|het paspoort|mijn id-kaart|mijn id kaart) (${SOON}) nodig$`, 'iu');
/**
 * "is that enough time", "will it be ready in time", "is het dan op tijd klaar", "red ik dat nog": whether it is ready before
 * the citizen leaves, as the whole clause.
 */
const READY_IN_TIME = new RegExp([
  String.raw`^(is|was) (that|this|it|there) (enough time|soon enough|early enough|fast enough|quick enough|in time|on time)$`,
  String.raw`^(is|will) (that|this|it) (be )?(ready|done|possible) (in time|on time|by then|before then|before that|before i leave|before we leave|before my flight)$`,
  String.raw`^(will|would|can|could) (it|that|i|we) (be ready|be done|get it|have it|make it)( in time| on time| by then| before then| before that| before i leave| before we leave| before my flight)?$`,
  String.raw`^(do|will) (i|we) have enough time$`,
  String.raw`^(enough time|in time|on time|soon enough)$`,
  String.raw`^is (dat|het|er) (genoeg tijd|snel genoeg|vroeg genoeg|op tijd|haalbaar)$`,
  String.raw`^is (het|hij|die|dat) (dan |nog )*(op tijd )?klaar$`,
  String.raw`^(red|haal) ik (dat|het)( nog| dan)*( op tijd)?$`,
  String.raw`^lukt (dat|het)( nog| dan)*( op tijd)?$`,
  String.raw`^(heb|krijg) ik (het|hem|die) (dan |nog )*(op tijd|voor die tijd|voor mijn vertrek)$`,
  String.raw`^(genoeg tijd|op tijd|op tijd klaar)$`,
].join('|'), 'iu');
/** Words that start or join the clauses of such a message. */
const JOINS = /^(and|but|so|ok|okay|en|maar|dus|oké|oke)\s+/iu;
/**
 * "i am leaving in 3 days, is that enough time", "ik vertrek vrijdag, is het dan op tijd klaar?": the whole message
 * says that the citizen leaves soon, asks whether it will be ready in time, or both (at most two clauses, each only
 * that). Right after the answer on a passport that asks whether it can go faster (next-step.ts speedUp).
 */
export function asksInTime(msg: string): boolean {
  const clauses = msg.toLowerCase().replace(/[’‘]/g, "'").split(/\s*[,.;:!?]+\s*|\s+-\s+|\s+(?=(?:so|and|but|dus|en|maar)\s)/u)
    .map((c) => c.replace(JOINS, '').replace(/\s+/g, ' ').trim()).filter(Boolean);
  const each = (c: string): boolean => LEAVING_SOON.test(c) || READY_IN_TIME.test(c);
  if (clauses.length === 1) return each(clauses[0]!) || leavingThenAsked(clauses[0]!);
  return clauses.length === 2 && clauses.every(each);
}
/** "im leaving next week will it be ready in time": the two clauses without a comma between them. */
function leavingThenAsked(clause: string): boolean {
  const words = clause.split(' ');
  for (let i = 2; i < words.length - 1; i++) {
    if (LEAVING_SOON.test(words.slice(0, i).join(' ')) && READY_IN_TIME.test(words.slice(i).join(' '))) return true;
  }
  return false;
}
