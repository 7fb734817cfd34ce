/**
 * Ways to do something (by post, by e-mail, online, by phone, at the desk, collecting, bringing): how a question
 * names one ("kan dat ook per mail?", "hoe upload ik die?", "kan ik langskomen?"), and how a sentence of an answer
 * says one (a website, Mijn Voorbeeld, a letter, the phone, the desk). last-answer.ts quotes the sentence. Pure.
 */
/** "kan dat ook per mail?", "can I do it online?": a question about how or where to do it. */
const HOW_TO_DO = /\b(per|via|by|over|through|met)\s+(de\s+|the\s+)?(e-?mail|mail|telefoon|phone|post|brief|letter|app|whatsapp|internet|website|site)\b|\b(e-?mailen|mailen|e-?mail\s+(it|them|that)|mail\s+(it|them|that)|upload\w*|online|digitaal|telefonisch|schriftelijk|op\s+papier|on\s+paper|by\s+phone|in\s+person|persoonlijk|aan\s+de\s+balie|at\s+the\s+desk|ophalen|afhalen|opgehaald|afgehaald|pick\s+(it\s+|them\s+)?up|collect\s+(it|them)|zelf\s+(heen|naartoe|langs|langskomen|komen|brengen|wegbrengen)|wegbrengen|langsbrengen|(go|come)\s+(there\s+)?(myself|in\s+person)|bring\s+(it|them)(\s+there)?(\s+myself)?)\b/i;
/** "Kan dat bij jullie?", "kan dat op het gemeentehuis?", "at your office": at the municipality, so the desk or our address. */
const AT_OURS = /\b(bij\s+(jullie|de\s+gemeente)|(op|in|naar)\s+het\s+(gemeentehuis|stadhuis|stadskantoor)|(bij|aan)\s+het\s+loket|langs\s?komen|at\s+(your\s+office|the\s+town\s+hall|the\s+(municipality|council)))\b/i;
/** Ways to do something a question names, and the words of a sentence that says that way. */
export const WAYS: ReadonlyArray<readonly [question: RegExp, sentences: RegExp[]]> = [
  [/\b(ophalen|afhalen|opgehaald|afgehaald|komen halen|pick (it |them )?up|collect)\b/i, [/\b(ophalen|afhalen|haalt|pick (it |them )?up|collect(s|ed)?)\b/i, /\b(balie|desk)\b/i]],
  [new RegExp(`\\b(balie|langskomen|persoonlijk|desk|in person|zelf (heen|naartoe|langs|komen)|(go|come) (there )?myself)\\b|${AT_OURS.source}`, 'i'), [/\b(balie|gemeentehuis|desk|town hall)\b/i, /\b(langsbrengen|bring them)\b|Voorbeeldplein/i]],
  [/\b(wegbrengen|langsbrengen|zelf brengen|bring (it|them))\b/i, [/\b(milieustraat|brengen|langsbrengen|recycling centre|bring)\b/i, /\b(balie|desk)\b/i]],
  // "Kan dat ook op papier?" after the move (without DigiD): by post, or else at the desk, with its condition.
  // "Kan ik ze per post sturen?" after the papers answer: its sentence on sending them ("U mag ze ook opsturen …: Voorbeeldplein 1"), not uploading.
  [/\b(post|brief|letter|papier|paper)\b/i, [/\b(post|per brief|met een brief|by post|by letter|a letter to|op papier|on paper)\b/i, /^(?!.*\be-?mail\b).*\b(opsturen|toesturen|insturen|send (or bring )?(them|it)|send or bring)\b/i, /\b(balie|desk)\b/i]],
  [/\be-?mail(en)?\b/i, [/\be-?mail\b/i]],
  // "hoe upload ik die?" after the papers answer: its sentence on uploading, not the whole answer again.
  [/\bupload/i, [/\bupload/i]],
  [/\b(telefoon|telefonisch|bellen|phone|call)\b/i, [/\b(bel|bellen|call|14 0123)\b/i]],
  // "can i do it online" right after registering as a newcomer got "Make an appointment at www.voorbeeld.nl/inschrijven",
  // as if it could: the sentence that says one comes to the desk oneself answers it first.
  [/\b(online|internet|website|site|digitaal|app)\b/i, [/\b(komt|kom) (daarvoor )?zelf naar de balie\b|\bcome to the desk yourself\b/i, /(www\.|\bonline\b|mijn voorbeeld)/i]],
];
/** A sentence of an answer that says how or where: a website, Mijn Voorbeeld, a letter, the phone, the desk. */
export const CHANNEL = /(www\.|mijn voorbeeld|\bbrief\b|\bletter\b|\bbel\b|\bcall\b|\bbalie\b|\bdesk\b|14 0123|\bonline\b|e-?mail)/i;
/** "binnen 6 weken na de datum van de brief" names a letter, but not as a way to do it. */
const LETTER_DATE = /\b(datum|date)\s+(van|of)\s+(de|the|uw|your)\s+(brief|letter)\b/gi;
export const ONLY_CALL = /^\s*(bel|call)\s+14 0123[.!]?\s*$/i;
/** "Dat staat in de brief of op www.voorbeeld.nl": where to read something, not a way to do it. */
const READ_IN = /\b(staat|staan|vindt u|leest u|ziet u|says|is on|are on|you can find|you find|you see)\b.*$/i;
export const SAYS_HOW = { test: (sentence: string): boolean => CHANNEL.test(sentence.replace(LETTER_DATE, '').replace(READ_IN, '')) };

/** "kan dat ook per mail?", "hoe upload ik die?", "kan ik langskomen?": a way to do it, or our office, named. */
export const asksAWay = (msg: string): boolean => HOW_TO_DO.test(msg) || AT_OURS.test(msg);
