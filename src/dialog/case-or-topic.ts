/**
 * Whether a message the classifier read as the case question asks how an application stands, or is
 * about a topic with an answer of its own; and whether the topic just asked about ("Wat wilt u weten
 * over de afvalstoffenheffing?") still holds for the next message. Pure, like step.ts.
 */
import type { DialogSet, IntentDef, AnswerVariant } from './types.ts';
import { mentions, wordCount } from './variants.ts';
import { unsureVariant } from './variant-choice.ts';

/** "hoe zit het met mijn parkeervergunning", "hoe het met haar kwijtschelding staat", "status of my permit", "when will I hear about my …": how an application stands. */
const ASKS_OWN_STATUS = /\b(hoe ((staat|zit) het|het (staat|zit))( nu| nou| eigenlijk)* met ((de|het) \S+ (van|voor) )?(mijn|mn|m'n|me|onze|haar|zijn|z'n|hun)|hoe het( nu| nou| eigenlijk)* met (mijn|mn|m'n|me|onze|haar|zijn|z'n|hun) \S+( \S+)? (staat|zit)|(stand|status) van (mijn|mn|m'n|onze)|wanneer hoor (ik|we|wij) (iets |wat |meer )?over (mijn|mn|m'n|onze|haar|zijn)|how is my|(status|progress) (of|on) (my|it|her|his|our)|when (will|do|can|shall) (i|we) (hear|get news) (about|on) (my|our|her|his)|any news (about|on) (my|our|her|his))\b/i;

/**
 * "wanneer komt mijn parkeervergunning?", "when will I get my parking permit?": a permit of one's own
 * awaited is the case question, whatever the classifier made of it (the permit's cost, read as a payment).
 * Not "wanneer is mijn vergunning geldig" or "when will my permit expire" (a topic), a residence or work
 * permit (the IND's), nor a benefit awaited (its payment dates).
 */
const AWAITS_PERMIT = /\b(wanneer|when)\s+(komt|krijg\s+ik|krijgen\s+we|ontvang\s+ik|will\s+i\s+get|do\s+i\s+get|do\s+we\s+get|can\s+i\s+expect|will)\s+(mijn|mn|m'n|onze|my|our)\s+(?!(verblijfs|werk|residence|work)\p{L}*)(\p{L}+\s+)?(\p{L}*vergunning|\p{L}*ontheffing|parkeerkaart|permit)\b(?!\s+(\S+\s+)?(te\s+vervallen|vervallen|verlopen|geldig|ophalen|expire|expires|run\s+out|be\s+valid|valid))/iu;
/**
 * "waar blijft mijn vergunning?", "waar blijft nou de beslissing", "whats happening with my permit": a decision or
 * document of one's own that is late, which is how many ask after an application. The classifier read it as the
 * opening hours ("waar"), where to collect a passport, or nothing. Not money that has not come ("waar blijft mijn
 * geld", a payment with dates of its own), nor anything else that is late ("waar blijft de bus").
 */
const WAITS_FOR = /\bwaar\s+(blijft|blyft|blijven)\s+((het\s+)?(nou|nu|toch)\s+)?(met\s+)?(mijn|mn|m'n|me|onze|de|het|die|dat|jullie)\s+(?!(geld|uitkering|betaling|toeslag|huurtoeslag|zorgtoeslag|bijstand)\b)(\p{L}+\s+)?(\p{L}*vergunning|\p{L}*ontheffing|besluit|beslissing|beschikking|uitspraak|aanvraag|reactie|antwoord|paspoort|id-?kaart|identiteitskaart|rijbewijs|\p{L}*parkeerkaart)\b/iu;
const HAPPENING_WITH = /\b(what'?s|whats|what\s+is)\s+(happening|going\s+on)\s+with\s+(my|our)\s+(\p{L}+\s+)?(\p{L}*permit|application|request|objection|appeal)\b/iu;
/** A permit awaited, or a decision of one's own that is late: the case question, whatever the classifier made of it. */
export const awaitsOwnCase = (msg: string): boolean => AWAITS_PERMIT.test(msg) || WAITS_FOR.test(msg) || HAPPENING_WITH.test(msg);
/** A question about the state of one's own application, in so many words or as a permit or decision awaited. */
const asksOwnStatus = (msg: string): boolean => ASKS_OWN_STATUS.test(msg) || awaitsOwnCase(msg);

/** "Laat maar, …", "iets anders", "by the way": the message turns from the topic just asked about. */
const OTHER_TOPIC = /\b(laat maar|never mind|iets anders|een andere vraag|nog een vraag|trouwens|something else|another question|by the way)\b/i;
/** Words of a case of the municipality's own: "hoe staat het met mijn bijstand nu mijn ww stopt" is ours. */
const OURS = /\b(bijstand|aanvraag|vergunning|parkeervergunning|kwijtschelding|zaak|bbz|tozo|application|permit)\b/i;
/** The words right before "aanvraag" ("mijn vog aanvraag", "my VOG application"): whose application it is. */
const APPLICATION_OF = /((?:\p{L}+\s+)?\p{L}+)[\s-]?(?:aanvraag|application)\b/iu;
/** Or the words right after it ("de aanvraag van mijn vog", "my application for a VOG"). */
const APPLICATION_FOR = /\b(?:aanvraag|application)\s+(?:van|voor|for|of)\s+((?:(?:mijn|mn|m'n|de|het|een|my|the|a|an)\s+)?\p{L}+(?:\s+\p{L}+)?)/iu;
/** Ours, unless the application named is of the topic another body handles ("hoe staat het met mijn vog aanvraag"). */
function ours(msg: string, topic: AnswerVariant | undefined): boolean {
  if (!OURS.test(msg)) return false;
  if (!topic) return true;
  const theirs = (re: RegExp) => {
    const named = re.exec(msg)?.[1];
    return !!named && mentions(topic, named) && !OURS.test(msg.replace(re, ' '));
  };
  return !theirs(APPLICATION_OF) && !theirs(APPLICATION_FOR);
}
/** "Is mijn paspoort nog geldig?", "how long is my passport valid?": how long a document lasts, not how an application stands. */
const ASKS_VALIDITY = /\b(geldig|geldigheid|valid|validity)\b/i;
/** An identity document or driving licence, as people write it. */
const ID_DOCUMENT = String.raw`\b(paspoort|id[- ]?kaart|identiteitskaart|rijbe?wijs|rijbewys|passport|id[- ]card|driving licen[cs]e|drivers?'? licen[cs]e)\b`;
/** "Wanneer is mn id kaart klaar?", "hoe lang duurt een paspoort?", "wanneer kan ik mijn rijbewijs ophalen": when a document is ready, which has no case to look up. */
const ASKS_ID_READY = new RegExp(`${ID_DOCUMENT}.*\\b(klaar|ready|ophalen|afhalen|pick ?up|collect)\\b|\\b(ophalen|afhalen|pick ?up|collect)\\b.*${ID_DOCUMENT}|\\b(hoe ?lang|how long)\\b.*${ID_DOCUMENT}`, 'i');
/**
 * "passport renewal", "id kaart verlengen", "renew driving licence": a document and its renewal, typed as a search. Read as
 * the case question, "passport renewal" got "Wat is uw zaaknummer?" (in Dutch). A renewal of one's own asked after
 * ("hoe staat het met mijn paspoort verlenging") is no such search.
 */
const RENEWAL = new RegExp(String.raw`^\s*((a|an|new|een|nieuwe?)\s+)?${ID_DOCUMENT}\s+(renewal|renewing|renew|verlengen|verlenging|vernieuwen|vervangen)\s*[?!.]*\s*$|^\s*(renew|renewing|renewal of|verleng|verlengen|vernieuwen)\s+((a|an|the|een|het|de)\s+)?${ID_DOCUMENT}\s*[?!.]*\s*$`, 'i');
/** "Hoe vraag ik kwijtschelding aan?", "how do I apply for …": how to apply, not how an application stands. */
const HOW_TO_APPLY = /\b(hoe|waar) (vraag|kan|moet) ik (\S+ ){0,4}(aan|aanvragen)\b|\b(hoe|waar) ik (een|nieuwe?) (\S+ ){0,3}(aanvraag|aan (kan |moet )?vragen|(kan|moet) aanvragen)\b|\b(how|where) (do|can|should) i apply\b|^\s*((ik )?(wil|wil graag|zou graag|moet)\s+)?(een |nieuw |nieuwe |mijn )?(\S+ ){0,2}aanvragen\s*[?!.]*\s*$|^\s*(i )?(want|would like|need) to apply for\b/i;
/** Words of an application and its state: "is mijn kliko-aanvraag al verwerkt?" is about a case. */
const CASE_WORDS = /\b(aanvraag|aanvragen|aangevraagd|zaak|zaaknummer|status|stand|besluit|besluiten|beslissing|beslissen|beslist|behandeling|bezwaar|melding|verzoek|nieuws|antwoord|reactie|wacht|wachten|verwerkt|opgepakt|afgehandeld|goedgekeurd|toegekend|inschrijving|ingeschreven|behandeltijd|ceremonie|uitnodiging|uitgenodigd|application|applied|case|decision|decide|decided|objection|report|request|news|answer|reply|waiting|processed|granted|approved|handled|update|registration|registered|ready|ceremony|invite|invitation|gone through|geplaatst|geleverd|placed|installed|delivered)\b/i;

/**
 * For a message read as the case question (`unsure`: the classifier was not sure of it): the topic it
 * is about instead, or undefined when it asks how an application stands. It names a topic with an
 * answer of its own and the classifier was unsure ("mijn id kaart is verlopen"); or it asks how to
 * apply or how long a document is valid, never the state of an application. But "hoe zit het met mijn
 * parkeervergunning?" is the state of one's own, unless another body has that case ("hoe zit het met
 * mijn huurtoeslag?", "huurtoeslag aangevraagd, nog niks gehoord") and nothing of ours is named. A topic without an intent of its own (waste, the
 * neighbours) named without any word of an application is that topic, however sure the classifier was; so is a topic
 * named bare (in one or two words) right after another answer.
 */
export function topicNotCase(dialogs: DialogSet, msg: string, unsure: boolean, last: string | undefined): { intent: IntentDef; variant: AnswerVariant } | undefined {
  // "de kliko is niet geleegd", "when is my bin collected?": a topic without an intent of its own
  // (waste), and no word of an application or its state.
  // Looked for always: a topic another body handles ("ik heb huurtoeslag aangevraagd maar nog niks
  // gehoord") has no case of ours, however sure the classifier was and however the wait is put.
  const candidate = unsureVariant(dialogs, msg, { last });
  const ownStatus = asksOwnStatus(msg);
  const topicOnly = !CASE_WORDS.test(msg) && !OURS.test(msg) && !ownStatus ? candidate : undefined;
  // Unless we handle applications for it and the classifier was sure: "is mijn gehandicaptenparkeerkaart al klaar?".
  if (topicOnly?.intent.id === 'none' && !(topicOnly.variant.our_cases && !unsure)) return topicOnly;
  const notStatus = asksNoStatus(msg);
  const elsewhereOnly = !!candidate?.variant.other_body && !ours(msg, candidate.variant);
  // A topic we handle applications for, with a word of its state ("was the stairlift approved yet"): the case, however unsure.
  const ourCase = !!candidate?.variant.our_cases && CASE_WORDS.test(msg);
  // "passport?", "paspoort?" right after another answer (the move): the topic swapped to, not the case question it got.
  const swapped = !!last && last !== 'case_status' && !ownStatus && !CASE_WORDS.test(msg) && !OURS.test(msg) && wordCount(msg) <= 2;
  return candidate && (notStatus || elsewhereOnly || swapped || (!ownStatus && unsure && !ourCase)) ? candidate : undefined;
}

/**
 * "hoe lang duurt de bijstand?", "how long does my benefit last?": how long a benefit goes on (it has no end date), not how
 * its application stands (it got the status again right after a bijstand status). Not "hoe lang duurt de bijstandsaanvraag".
 */
const BENEFIT_LASTS = /^\s*((en|maar|and|but|so)[,]?\s+)?((hoe ?lang|tot wanneer) (duurt|loopt|krijg ik|heb ik) (de |mijn |een |die )?(bijstand|uitkering)|(how long|until when) (does|will) (the |my )?(bijstand|social assistance|benefit) (last|go on|run)|how long (do|will) i (get|have|keep) (the |my )?(bijstand|social assistance|benefit))( (nog|eigenlijk|still|for))?\s*[?!.]*\s*$/i;

/** "parkeervergunning kwijt", "I lost my parking permit": something lost, which no application's state answers. */
const LOST = /\b(kwijt|kwijtgeraakt|verloren|gestolen|lost|stolen)\b/i;

/**
 * "hoe lang duurt een paspoort?", "hoe vraag ik een parkeervergunning aan?", "is mijn paspoort nog
 * geldig?", "parkeervergunnig kwijt": how to apply, how long a document lasts or takes, or something
 * lost, never the state of an application (so never another case's, right after a status either).
 */
export const asksNoStatus = (msg: string): boolean => HOW_TO_APPLY.test(msg) || ASKS_VALIDITY.test(msg) || ASKS_ID_READY.test(msg) || LOST.test(msg) || RENEWAL.test(msg) || BENEFIT_LASTS.test(msg);

/** The topic asked about, unless the message turns to something else ("laat maar, wanneer komt mijn uitkering"). */
export function stillAbout(about: string | undefined, msg: string): string | undefined {
  return about && !OTHER_TOPIC.test(msg) ? about : undefined;
}
