/**
 * What the answer just given says one needs: a thing to bring ("heb ik een foto nodig?": its sentence that names the
 * photo), an appointment, coming oneself, the old document. The questions that ask it, and the sentences that say it;
 * last-answer.ts quotes them. Pure, like step.ts.
 */
import type { DialogSet, DialogState, IntentDef } from './types.ts';
import { GOES_ON, lastAnswered, lastText, onTopic, sentencesOf } from './answer-sentences.ts';
import { wordCount } from './variants.ts';

/**
 * "Moet ik een afspraak maken?", "do I need an appointment?": whether an appointment is needed. "mot ik n afspraak maken"
 * (SMS for "moet", "een") right after the passport got the whole answer on making appointments; "appt needed?" the answer on papers.
 * "do i need an afspraak?" (the Dutch word in English) right after registering from abroad got all the opening hours.
 */
export const NEED_APPOINTMENT = /\b((moet|mot|moe) ik (eerst |wel |ook |dan )?(een |n |'n |en )?afspraak( maken)?|is (er )?(wel |ook )?(een |n )?afspraak nodig|heb ik (wel |ook |dan )?(een |n )?afspraak nodig|kan (het|dat|ik) (ook )?zonder afspraak|(do|must) i (need|have) (to make )?(an? )?(appointment|appt|afspraak)|need (an? )?(appointment|appt|afspraak)|(appointment|appt|afspraak) (needed|required|necessary)|without an? (appointment|appt|afspraak))\b/i;
export const APPOINTMENT = /\b(afspraak|appointment)\b/i;
/** The last answer's own sentence on an appointment ("Maak eerst een afspraak via …"), not a question; null when it has none. */
export function appointmentInAnswer(state: DialogState, dialogs: DialogSet): string | null {
  const last = lastAnswered(state, dialogs);
  return last?.answer ? sentencesOf(lastText(state, last), (x) => APPOINTMENT.test(x) && !x.trim().endsWith('?'))[0] ?? null : null;
}

/** The desk, the town hall, coming by or collecting: a way that may need an appointment (the opening hours then say how). */
const DESK_WAY = /\b(balie|gemeentehuis|stadhuis|langs|ophalen|afhalen|haalt|op te halen|desk|town hall|come (by|in)|collect|pick (it |them )?up)\b/i;
/** A way without coming by: a website, Mijn Voorbeeld, a letter (not only a phone number, which may be to ask first). */
const OWN_WAY = /(www\.|mijn voorbeeld|mijn toeslagen|\bonline\b|\bbrief\b|\bletter\b|\bpost\b)/i;
/**
 * For "moet ik een afspraak maken?", "do i need an appointment?" right after an answer that names no appointment (on its
 * topic) and no desk: its first sentence on how (`saysHow`: a website, the phone, a letter), else null. The parking permit, remission
 * and an objection got the whole opening hours.
 */
export function wayWithoutDesk(state: DialogState, dialogs: DialogSet, last: IntentDef, msg: string, saysHow: (sentence: string) => boolean): string | null {
  if (!NEED_APPOINTMENT.test(msg) || wordCount(msg) > 8 || onTopic(state, dialogs, last, (x) => APPOINTMENT.test(x)).length > 0) return null;
  const said = lastText(state, last);
  if (DESK_WAY.test(said)) return null;
  return sentencesOf(said, (x) => saysHow(x) && OWN_WAY.test(x))[0] ?? null;
}

/** "hoe maak ik een afspraak?", "where do I book an appointment?": how or where to make one. */
const HOW_APPOINTMENT = /^\s*((en|maar|ok(é|e)?|and|but|so)[,]?\s+)?(hoe|waar|how|where)\b.*\b(afspraak|appointment)\b[^?]*\??\s*$/i;
/** "hoe maak ik die?", "how do i make one?": making a thing the answer named, without naming it. */
const MAKE_IT = /^\s*((en|maar|ok(é|e)?|and|but|so)[,]?\s+)?((hoe|waar) (maak|boek|plan) (ik|je|we|u) (die|dat|deze|dit|het|hem|er een|er 1)( dan| precies)?|(how|where) (do|can|should) (i|we) (make|book|schedule) (it|one|that|this)( then)?)\s*[?!.]*\s*$/i;
/** A sentence that says to make or book something. */
const MAKES = /\b(maak|maakt|maken|boek|boeken|make|book)\b/i;
/** The desk or the town hall: an appointment there is the contact centre's to tell (its hours, www.voorbeeld.nl/afspraak). */
const AT_THE_DESK = /\b(balie|gemeentehuis|desk|town hall)\b/i;
/**
 * For "hoe maak ik een afspraak?": the last answer's own sentence on where to make one ("Maak een afspraak op
 * www.voorbeeld.nl/grofvuil of bel 14 0123."). Null when the answer has no such sentence, or one at the desk.
 */
export function ownAppointment(state: DialogState, dialogs: DialogSet, msg: string): string | null {
  if (wordCount(msg) > 8 || !(HOW_APPOINTMENT.test(msg) || MAKE_IT.test(msg))) return null;
  const sentence = appointmentInAnswer(state, dialogs);
  if (!sentence) return null;
  // "U kunt het ook aan de balie aanvragen. Maak daarvoor eerst een afspraak …": the desk's, by the sentence it goes on from.
  const all = sentencesOf(lastText(state, lastAnswered(state, dialogs)!), () => true);
  // "hoe maak ik die?": the appointment only when that is all the answer says to make ("bezwaar maken" is made too).
  if (!HOW_APPOINTMENT.test(msg) && !all.filter((x) => MAKES.test(x)).every((x) => APPOINTMENT.test(x))) return null;
  const before = GOES_ON.test(sentence) ? all[all.indexOf(sentence) - 1] ?? '' : '';
  // Only a question about an appointment itself is the contact centre's when it is at the desk: "how do i make one?" after the
  // English passport ("… you come to the desk yourself. First make an appointment …") got "in my answer above", the Dutch its sentence.
  return !HOW_APPOINTMENT.test(msg) || !AT_THE_DESK.test(`${before} ${sentence}`) ? sentence : null;
}

/**
 * "Moet ik een formulier invullen?", "is er een formulier?", "do I need a form?": whether there is a form to use, which the
 * answer's sentences on how (a website, a letter) and what to write say. After objecting it got the general answer on papers.
 */
export const FORM_ASKED = /^\s*((en|maar|ok(é|e)?|and|but|so)[,]?\s+)?((moet|moeten|kan|kun|mag|hoef|hoeven) (ik|we|wij) (daar |daarvoor |hiervoor |er |dan |ook |nog |wel |eerst |zelf )*(een |n |het |dat )?(formulier|formuliertje)( (in ?vullen|invullen|gebruiken|downloaden|sturen|opsturen|voor invullen|aanvragen))?|(is|zit) (er |daar )?(ook |wel |dan |nog )?(een |n )?(formulier|formuliertje)( voor)?|(heb|hebben) (ik|we|wij) (ook |wel |dan |nog )?(een |n )?formulier nodig|(een |n )?formulier( nodig)?|welk formulier( (moet|kan) ik (hebben|gebruiken|invullen))?|waar (vind|haal|krijg) ik (het|een|dat) formulier|(do|must|should|can) (i|we) (also |still )?(need to |have to )?(fill in|fill out|use|complete|download) (a|the) form|(is there|do you have|is there also) a form( for (it|that|this))?|(do|will) (i|we) need a form|(a )?form( needed)?|which form( do i (need|use))?|where (do|can) i (find|get) (the|a) form)\s*[?!.]*\s*$/i;

/**
 * "Moet ik een foto meenemen?", "do I need to bring a photo?": whether to bring a thing, which the sentence on what
 * to bring says (not the whole answer again). Not a person ("mag ik iemand meenemen?": names_a_person).
 */
export const WHAT_TO_BRING = /\b(wat (moet|moeten) (ik|we|wij) (allemaal |nog |dan )?(mee ?nemen|meebrengen)|wat neem ik mee|what (do|should|must) (i|we) (need to )?bring|what to bring|(moet|moeten|hoef|hoeven) (ik|we|wij) (ook |nog |wel |dan |zelf |er )*(een|de|het|mijn|mn|m'n|onze|ons) (oude |eigen |nieuwe )?(?!iemand|tolk|begeleider|kind|man|vrouw|partner|vriend)[a-z'-]+ (mee ?te nemen|mee ?nemen|meebrengen|mee te brengen)|(do|must|should) (i|we) (also |still )?(need to |have to )?bring (a|an|the|my|our) (old |own |new )?(?!friend|interpreter|child|husband|wife|partner|someone)[a-z-]+)\b/i;
export const BRING = /\b(neem|neemt|meenemen|mee\b|bring)\b/i;
/** Words that may follow the thing asked for without being it ("do i need a photo too?"). */
const NOT_A_THING = String.raw`(?!(?:too|also|as|well|ook|nog|wel|dan|erbij|echt|really)\b)`;
/** The thing asked for: one word, maybe after one that says which ("a passport photo", "een goede pasfoto"). */
const THING = String.raw`(?:(?:een|de|het|mijn|mn|m'n|onze|ons|a|an|the|my|our)\s+)?(?:[\p{L}'-]+\s+)??${NOT_A_THING}([\p{L}'-]{3,})`;
const ENDS = String.raw`(?:\s+(?:too|also|as well|ook|nog|wel|dan|erbij|echt))?\s*[?!.]*\s*$`;
/**
 * "Heb ik een foto nodig?", "moet er een foto bij?", "foto nodig?", "do i need a photo?", "is a photo needed?": whether a
 * thing is needed (its word the group), which the answer's sentence on what to bring or what one needs may name. After the
 * answer on a passport they got the general answer on which papers an application needs.
 */
const NEEDS_THING: readonly RegExp[] = [
  new RegExp(String.raw`^\s*(?:(?:en|maar|ok|oke|oké)[,]?\s+)?(?:heb|hebben) (?:ik|we|wij|je) (?:(?:ook|nog|wel|dan|er|echt)\s+)*${THING}\s+(?:(?:ook|wel|dan|nog)\s+)*(?:bij\s+)?nodig${ENDS}`, 'iu'),
  new RegExp(String.raw`^\s*(?:(?:en|maar|ok|oke|oké)[,]?\s+)?(?:moet|moeten|hoeft|hoeven) er (?:(?:ook|nog|wel|dan|echt)\s+)*${THING}\s+(?:bij|mee)(?:\s+zitten|\s+zijn)?${ENDS}`, 'iu'),
  new RegExp(String.raw`^\s*(?:(?:en|maar|ok|oke|oké)[,]?\s+)?(?:is|zijn) (?:er\s+)?(?:(?:ook|nog|wel|dan|echt)\s+)*${THING}\s+nodig${ENDS}`, 'iu'),
  new RegExp(String.raw`^\s*(?:(?:en|and|ok|okay)[,]?\s+)?${THING}\s+(?:nodig|needed|required)${ENDS}`, 'iu'),
  new RegExp(String.raw`^\s*(?:(?:and|but|ok|okay|so)[,]?\s+)?(?:(?:do|will|would|shall) (?:i|we) (?:(?:also|still|really|then)\s+)?)?need ${THING}${ENDS}`, 'iu'),
  new RegExp(String.raw`^\s*(?:(?:and|but|ok|okay|so)[,]?\s+)?(?:is|are) ${THING}\s+(?:needed|required|necessary)${ENDS}`, 'iu'),
];
/**
 * "Moet ik mijn oude inleveren?", "do i have to hand in my old one?": the old document, which the answer's list of what
 * to bring names ("uw oude paspoort"). It got the general answer on which papers an application needs.
 */
const OLD_ONE: readonly RegExp[] = [
  /^\s*(?:(?:en|maar|ok)[,]?\s+)?(?:moet|moeten|hoef|hoeven) (?:ik|we|wij) (?:(?:ook|nog|wel|dan|zelf)\s+)*(?:mijn|mn|m'n|de|het|onze|ons) (oude)(?:\s+[\p{L}-]+)?\s+(?:inleveren|in te leveren|meenemen|mee te nemen|meebrengen|mee te brengen|afgeven|af te geven)\s*[?!.]*\s*$/iu,
  /^\s*(?:(?:and|but|ok|so)[,]?\s+)?(?:do|must|should) (?:i|we) (?:(?:also|still)\s+)?(?:need to |have to )?(?:hand in|return|bring|give back|turn in) (?:my|the|our) (old)(?:\s+[\p{L}-]+)?\s*[?!.]*\s*$/iu,
];
/** Other words for a thing an answer names in its own word ("picture": the photo). */
const SAME_THING: Readonly<Record<string, string>> = { picture: 'photo', pictures: 'photo', pic: 'photo', pics: 'photo', photos: 'photo', fotos: 'foto', "foto's": 'foto' };
/** A sentence of an answer that says what to bring or what one needs ("Neem mee: een goede pasfoto …", "U heeft uw DigiD nodig"). */
const NEEDED = /\b(neem|neemt|meenemen|mee|bring|nodig|need|needs)\b/i;
/** The thing a message asks whether it is needed ("foto"), or null when it asks no such thing. */
export function thingAsked(msg: string): string | null {
  const word = [...NEEDS_THING, ...OLD_ONE].map((re) => re.exec(msg)?.[1]).find((w) => w !== undefined)?.toLowerCase();
  return word ? SAME_THING[word] ?? word : null;
}
/** The last answer's sentences on what to bring or need that name `thing` ("foto" in "pasfoto"), not questions. */
export function neededInAnswer(state: DialogState, dialogs: DialogSet, last: IntentDef, thing: string): string[] {
  return onTopic(state, dialogs, last, (x) => NEEDED.test(x) && !x.trim().endsWith('?') && x.toLowerCase().split(/[^\p{L}]+/u).some((w) => w.includes(thing)));
}

/** "Wat heb ik nodig?", "what do I need?": what the answer says one needs or brings (not the general answer on papers). */
export const WHAT_NEEDED = /^\s*((en|maar|ok(é|e)?|and|but|so)[,]?\s+)?(wat (heb|hebben) (ik|we|wij) (allemaal |dan |er |precies |nog )*(voor |daarvoor |ervoor |hiervoor )?nodig|what (do|will|would) (i|we) need( for (it|that|this))?|what('s| is) needed)\s*[?!.]*\s*$/i;
export const SAYS_NEEDED = { test: (x: string): boolean => NEEDED.test(x) && !x.trim().endsWith('?') };
/** "Moet ik zelf komen?", "do I have to come in person?": whether one comes oneself, which the answer may say ("u komt zelf naar de balie"). */
export const COME_MYSELF = /^\s*((en|maar|ok|and|but|so)[,]?\s+)?(moet ik (dan |daarvoor |ervoor |echt |wel )*(zelf|persoonlijk) (komen|langskomen|langs komen|naar de balie( komen)?)|(do|must) i (have to |need to )?(come|go) (in person|myself|to the desk myself))\s*[?!.]*\s*$/i;
/** "Do I have to come in person?": whether one comes oneself (the lexicon hears a person asked for in "in person"). */
export const asksInPerson = (msg: string): boolean => COME_MYSELF.test(msg);
export const IN_PERSON = { test: (x: string): boolean => /\b(komt|kom) zelf\b|\b(come|go) to the desk yourself\b|\bin person\b/i.test(x) && !x.trim().endsWith('?') };

/** "waar is dat?", "where is that?", "welk adres?": where the place just named is. */
const WHERE_IS_IT = /^\s*((en|maar|ok(é|e)?|and|but|so|sorry)[,]?\s+)?(waar (is|zit|ligt|staat) (dat|dit|het|die|dat gemeentehuis|het gemeentehuis)|waar (moet|kan) ik (dan |daar )?(heen|naartoe|zijn)|wat is het adres|welk adres|where is (that|it|this|the town hall)|where (do|should|must) i go|what is the address|what's the address|which address|adres|address)(\s+(dan|precies|nou|nu|again|exactly|then))*\s*[?!.]*\s*$/i;
/** A sentence with a street address ("Het gemeentehuis staat op Voorbeeldplein 1, 1234 AA Voorbeeld."). */
const SAYS_ADDRESS = /\p{Lu}\p{L}+(plein|straat|laan|weg|gracht|kade|singel) \d/u;
/**
 * For "waar is dat?" right after an answer that gives an address (the town hall's): that sentence alone. It got the whole
 * answer again, and the offer of a person. Null when the message asks no place or the answer has no address.
 */
export function addressInAnswer(state: DialogState, dialogs: DialogSet, msg: string): string | null {
  const last = lastAnswered(state, dialogs);
  if (!last?.answer || !WHERE_IS_IT.test(msg)) return null;
  return sentencesOf(lastText(state, last), (x) => SAYS_ADDRESS.test(x))[0] ?? null;
}
