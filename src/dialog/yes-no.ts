/**
 * Yes and no, as citizens answer a question of the assistant's. Two ways to read them: an answer that
 * starts with one ("ja, bel me maar om drie uur", for the callback offer), and an answer that is only
 * that ("klopt", for "gaat uw vraag over …?", where "nee, ik wil de openingstijden" is a new question).
 */
const YES_WORDS = ['ja', 'jawel', 'jazeker', 'graag', 'ja graag', 'ja hoor', 'ja please', 'yes', 'yes please', 'yeah', 'yep', 'ok', 'oké', 'oke', 'okay', 'prima', 'goed', 'zeker', 'sure', 'please', 'j', 'y'];
const NO_WORDS = ['nee', 'neen', 'nope', 'no', 'niet nodig', 'hoeft niet', 'liever niet', 'no thanks', 'n'];
/** "That is right / not right": only as the whole answer, since "klopt niet" starts with "klopt". */
const RIGHT_WORDS = ['klopt', 'dat klopt', 'precies', 'inderdaad', 'yup', 'correct', 'right', "that's right", 'thats right', 'exactly'];
const WRONG_WORDS = ['nee hoor', 'klopt niet', 'dat klopt niet', 'not really', "that's not it", 'thats not it'];

const alternatives = (words: readonly string[]): string => words.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|');
const starting = (words: readonly string[]): RegExp => new RegExp(`^\\s*(${alternatives(words)})\\b`, 'i');
const only = (words: readonly string[]): RegExp => new RegExp(`^\\s*(${alternatives(words)})\\s*[.!]*\\s*$`, 'i');

const STARTS_YES = starting(YES_WORDS);
const STARTS_NO = starting(NO_WORDS);
const ONLY_YES = only([...YES_WORDS, ...RIGHT_WORDS]);
const ONLY_NO = only([...NO_WORDS, ...WRONG_WORDS]);

export const startsWithYes = (msg: string): boolean => STARTS_YES.test(msg);
export const startsWithNo = (msg: string): boolean => STARTS_NO.test(msg);
export const isYes = (msg: string): boolean => ONLY_YES.test(msg);
export const isNo = (msg: string): boolean => ONLY_NO.test(msg);

/**
 * Only a no, thank you — "nee hoeft niet", "nee niks meer", "niets meer", "no thanks, that's all" —
 * which the learned model, seeing one message, reads as giving up.
 */
const DECLINE_ONLY = new RegExp(
  String.raw`^\s*((nee|neen|nope|nah|no|hoor|dank\s+je(\s+wel)?|dank\s+u(\s+wel)?|bedankt|thanks|thank\s+you|thx)[,.!]*\s+)*` +
    '(' +
    [
      String.raw`(het\s+)?hoeft\s+niet(\s+meer)?`,
      String.raw`(verder\s+)?(niks|niets|nothing)(\s+(meer|anders|else|more))?`,
      String.raw`(is\s+)?niet\s+(meer\s+)?nodig`,
      String.raw`(dat\s+was\s+het|that'?s\s+all|that\s+is\s+all|geen\s+vragen(\s+meer)?|no\s+more\s+questions|not\s+needed|no\s+need)`,
    ].join('|') +
    ')' +
    String.raw`(\s+(hoor|meer|dank\s+je(\s+wel)?|dank\s+u(\s+wel)?|bedankt|thanks|thank\s+you))*\s*[.!]*\s*$`,
  'iu',
);

/** A no, also in the words of a no thank you ("nee hoeft niet", "niets meer", "no thanks, that's all"). */
export const isDecline = (msg: string): boolean => ONLY_NO.test(msg) || DECLINE_ONLY.test(msg);

/**
 * "Nee hoor, laat maar", "never mind": no, as the whole answer to an offer. Not in isDecline: to the
 * check-in ("gaat het goed met u?") it may say more than no.
 */
const NEVER_MIND = /^\s*((nee|neen|no|nah)(\s+hoor)?[,.!]*\s+)?(laat\s+(maar|ook\s+maar)(\s+zitten)?|never\s*mind|forget\s+it|no\s+worries)\s*[.!]*\s*$/i;
export const isNeverMind = (msg: string): boolean => NEVER_MIND.test(msg);

/** "bedankt", "ok dank je wel!", "thanks a lot": thanks and nothing else (not "i'm fine, thanks" to a check-in). */
export const ONLY_THANKS = /^\s*((ok|oke|oké|okay|oki|k|kk|top|fijn|super|great|ok[ée]?),?\s+)?((heel |hartelijk |erg |super )?(bedankt|bdankt|dank( je| u)?( wel)?|dankjewel|dankuwel|dankje|dankjwl)|thanks?( you)?( (very much|so much|a lot))?|thx|thnx|tnx|thanx|ty|merci)\s*[!.]*\s*$/i;
