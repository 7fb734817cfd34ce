/**
 * What the assistant recognises by rule, before the classifier's intent counts: a nod, "momentje",
 * "ben jij een robot?", "wat kan ik hier vragen?", "ik heb een vraag (over …)", "kan dat hier?", a bank
 * account sent by itself, and the answer to its own offer of a person ("zal ik een medewerker
 * vragen?"). Like step.ts: pure, no I/O.
 */
import type { Lang, ParseResult } from '../nlu/types.ts';
import { CASE_ENTITIES } from './case-flow.ts';
import { withPaymentLine } from './status-lines.ts';
import { text, texts, trace } from './texts.ts';
import type { DialogSet, DialogState, IntentDef, StepResult } from './types.ts';
import { wordCount } from './variants.ts';
import { keptToTopic, unsureVariant } from './variant-choice.ts';
import { isDecline, isNeverMind, isYes, startsWithYes } from './yes-no.ts';
import { justAsked } from './concern.ts';
import { asksIfNot, CLOSING } from './last-answer.ts';
import { WANTS_THAT } from './case-answers.ts';
import { stopAfterHelp } from './stop-after-help.ts';

type Ctx = { dialogs: DialogSet };

/** "Wat kan ik hier vragen?": what the assistant helps with. A bare "help" is not that: it may be a cry for help (BARE_HELP). */
const WHAT_CAN_I_ASK = /^\s*(wat (kan|kun|kunt) (ik|je|jij|u) (hier |jou |u |je |bij jullie )?(allemaal )?vragen|wat (kan|kun|kunt) ik ((hier|bij jou|bij u|bij jullie|met (jou|je|u))( allemaal)?|allemaal) doen|wat (kan|kun|kunt) (je|jij|u) (hier |allemaal )?doen|waar ?mee (kan|kun|kunt) (je|jij|u) (mij |me )?helpen|waar (kan|kun|kunt) (je|jij|u) (mij |me )?mee helpen|wat (kun|kan|kunt) (je|jij|u)( allemaal)?( doen| voor (mij|me) doen)?|wat doe (je|jij) (hier|allemaal|precies)|what can (you|i) (do|ask)( here| you)?( for me)?|how can you help( me)?|what do you do)\s*[?!.]*\s*$/i;
/**
 * "Wat is dit eigenlijk?", "my grandson said i can chat here, how does this work?", "is this ChatGPT?":
 * someone new to a chat (often set up by family) asks what it is. A clause may come before it.
 */
/** "ik ben 82 en weet niet hoe dit werkt", "i dont know how this works": not knowing how the chat works is asking it (these got "Sorry, dat begrijp ik niet goed"). */
const WHAT_IS_THIS = /(^|[,.!?;]\s*|\b(maar|but|so|dus|and|en)\s+)(wat is (dit|deze app|deze chat)( (eigenlijk|nou|precies|voor (iets|een app|een ding)))*|waar is (dit|deze app|deze chat) voor|hoe werkt (dit|deze app|deze chat|het hier)( eigenlijk)?|what is (this|this app|this chat)( for)?|what'?s (this|this app|this chat)( for)?|how does (this|this app|this chat) work|is this how (it|this) works|is (this|dit) (chatgpt|chat gpt|ai|siri)|what do i do here|wat moet ik hier (mee )?doen|(ik )?(weet|snap|begrijp) (echt )?(niet|niks|nie) (goed |zo goed )?hoe (dit|deze app|deze chat|het hier) werkt|(i )?(don'?t|do not) (really )?(know|understand|get) how (this|this app|this chat|it here) works)\s*[?!.]*\s*$/i;
/** The same with "it", only as an opening (after an answer, "what is it for?" is about that answer). */
const WHAT_IS_IT = /(^|[,.!?;]\s*)(what is it for|how does it work|wat is het|hoe werkt het)\s*[?!.]*\s*$/i;
/** "Ik heb een vraag": an invitation to go ahead, not a greeting. */
const HAS_A_QUESTION = /^\s*((hallo|hoi|goedemorgen|goedemiddag|hi|hello|wacht|wacht even|oh|o|oja|o ja|oh ja|ja|nee|wait|ah)[,!.]?\s+)?(ik heb (nog )?(een|n|1|één) (vraag|vraagje)|(nog|still) (een|n|1|één|a) (vraag|vraagje|question)|mag ik (u |je |jullie )?(nog )?(iets|wat) vragen|(i )?(have|got) (a|another|one more) (quick )?question|(i )?still have a question|(one|1) more question|another question|can i ask (you )?(something|a question|another question|one more thing))\s*[?!.:]*\s*$/i;
/** "Ik heb een vraag over mijn uitkering": an invitation to go ahead, about that topic. */
const HAS_A_QUESTION_ABOUT = /^\s*((hallo|hoi|goedemorgen|goedemiddag|goedenavond|hi|hello)[,!.]?\s+)?(ik heb (nog )?(een|n) (vraag|vraagje)|(i )?(have|got) a (quick )?question) (over|about) ([\p{L}' -]{2,40}?)\s*[?!.:]*\s*$/iu;
/**
 * "Ik heb een brief gehad", "we got a letter from you today": a letter, and nothing yet of what it says
 * or what the citizen wants to know. Not the general "I do not understand" (the question is coming).
 */
const GREET = '((hallo|hoi|goedemorgen|goedemiddag|goedenavond|hi|hello)[,!.]?\\s+)?';
const WHEN_NL = '(vandaag|gisteren|deze week|vorige week|net|zojuist)';
const WHEN_EN = '(today|yesterday|this week|last week|just now)';
const ONLY_A_LETTER = [
  new RegExp(`^\\s*${GREET}((ik|wij|we|mijn (moeder|vader|man|vrouw|partner|zoon|dochter|oma|opa)) (heb|hebben|heeft) )?(${WHEN_NL} )?((een|n|de|jullie|uw|die) )?brief( (van|vanuit) (jullie|u|de gemeente))? (gehad|gekregen|ontvangen)( (van|vanuit) (jullie|u|de gemeente))?( ${WHEN_NL})?\\s*[.!?:]*\\s*$`, 'iu'),
  new RegExp(`^\\s*${GREET}(i|we|my (mother|mom|mum|father|dad|husband|wife|partner|son|daughter)) (have |has |just )?(got|received|had|get) (a|the|your|this) letter( from (you|the (council|municipality|city)))?( ${WHEN_EN})?\\s*[.!?:]*\\s*$`, 'iu'),
  // "wat moet ik met deze brief?" (got "Sorry, dat begrijp ik niet goed"): what it is about tells what to do.
  new RegExp(`^\\s*${GREET}(en |maar )?wat (moet|moeten) (ik|we|wij) (nou |nu |dan )?(doen )?met (deze|die|de|jullie|uw|mijn|mn|m'n|een) brief( (van|vanuit) (jullie|u|de gemeente))?( doen)?\\s*[.!?:]*\\s*$`, 'iu'),
  new RegExp(`^\\s*${GREET}(and |but )?what (do|should|must) (i|we) do with (this|the|your|my|a) letter( from (you|the (council|municipality|city)))?\\s*[.!?:]*\\s*$`, 'iu'),
  // "over een brief", "about a letter" (to "waar gaat het over?" after a worry): got "Wat ik erover weet, staat hierboven".
  new RegExp(`^\\s*((het|t) (gaat|is) )?over ((een|n|de|die|jullie|uw|mijn|mn|m'n) )?brief( (van|vanuit) (jullie|u|de gemeente))?\\s*[.!?:]*\\s*$`, 'iu'),
  new RegExp(`^\\s*((it'?s|it is) )?about (a|the|your|my|this) letter( from (you|the (council|municipality|city)))?\\s*[.!?:]*\\s*$`, 'iu'),
];

/** "Kan dat hier?", "kunt u dat voor mij regelen?": asking the assistant to do what only a person can. */
const NOT_HERE = /^\s*((en|maar|ok(é|e)?|dus)[,]?\s+)?((kan|kun|kunt) (ik )?(dat|het) (ook )?(hier|in de chat|via de chat|in deze chat|via deze chat|via jou|via u|bij jou|bij u|meteen)( (doen|regelen|wijzigen|aanpassen|doorgeven|veranderen))?|(kun|kan|kunt) (je|jij|u) (dat|het) (ook )?(voor (mij|me) )?(doen|regelen|wijzigen|aanpassen|doorgeven|veranderen)( voor (mij|me))?|can (i|you) (do|change|arrange|fix|sort) (that|it|this)( for me)?( (here|in (the|this) chat|via (the|this) chat|through you))?)\s*[?!.]*\s*$/iu;
/** "Kunt u mij helpen met het invullen van een formulier?": a person can, the chat cannot. So "ik heb hulp nodig met invullen", "i need help with filling in" (got "Sorry"). */
const FORM_HELP = /\b((kan|kun|kunt|wil|wilt) (je|jij|u|iemand) (mij|me|ons) (even |ff )?helpen (met|bij) (het )?(invullen( van)? )?(een|het|dit|dat|mijn|m'n|mn|de|die) (formulier|aanvraagformulier|aanvraag ?formulier|vragenlijst)|hulp (nodig )?(bij|met|voor) (het )?invullen|(need|want) help (with|to) (fill|filling) (in|out)|weet (\S+ )?niet (meer )?(wat|hoe) ik (\S+ ){0,3}(met )?(dit|dat|het|de|die|deze|mijn|m'n|mn) (formulier|formulieren|aanvraagformulier|vragenlijst)|(snap|begrijp) (\S+ ){0,2}(formulier|formulieren|vragenlijst) (echt |helemaal )?niet|(don'?t|do not) (know|understand) (how to fill in|what to do with|how to do) (the|this|that|my) (form|questionnaire)|(help|helping) (me |us )?(to )?(fill|filling) (in|out)|(can|could) (you|someone|somebody) help (me|us) with (a|the|this|that|my) (form|application form|questionnaire))\b/i;
/** A bare "ok": a nod or a yes, depending on what was asked. */
const OK_ONLY = /^\s*(ok(é|e|ay|i)?|prima|goed|alright|all right|fine)\s*[.!]*\s*$/i;
/**
 * "ok", "prima", "helder", "ok top", "oh zo", "ok got it": the citizen took in an answer. Nothing to
 * answer but a nod. So is a "ja" when nothing was asked (a question waiting for yes or no is answered before the rules).
 */
const ACK = /^\s*((ah|oh|o|aha|ach|ok(é|e|ay)?)[,!.]?\s+)?(ok(é|e|ay|ido|i)?([ ,]+ok(é|e|ay)?)*|k+|jaja|ja+|jep|jup|jawel|yes|yep|yeah|yup|prima|helder|duidelijk|begrepen|snap (ik|het)|ik snap het|mooi( zo)?|goed( zo)?|super|cool|top|fijn|zo|achso|alright|all right|got it|gotcha|i see|understood|great|fine|nice|perfect|aha|ah|oh|👍+|👌+)(\s+(hoor|dan|dus|then))?\s*[.!]*\s*$/iu;
/**
 * "sorry", "oeps sorry", "my bad": an apology alone (for a typo, a message sent too soon). No question to
 * answer, and no crisis: the crisis model leans to "sorry" alone, which crises often say beside their words.
 * Not "pardon" (that asks "what?", about-status.ts) and not "sorry voor alles" (more than the apology).
 */
const SORRY = /^\s*((oh|o|oeps|oops|oopsie|whoops|ah|ai|oei)[,!.]?\s+)?(sorry|sorrie|sry|srry|soz|excuus|excuses|mijn excuses|my bad|my mistake|mijn fout)([ ,]+(hoor|hè|he|sorry))?\s*[.!]*\s*$/iu;
/** One piece of "hold on, I'm looking": "momentje", "ik zoek hem even op", "ik kijk even in mijn mail", "let me find it". */
const PAPERS = String.raw`(het|hem|die|dat|de brief|mijn (brief|mail|e-?mail|post|papieren))`;
/** Only the letter or the mail itself: "ik pak de brief", not "ik haal het nu" (which may be anything). */
const LETTER = String.raw`(de brief|mijn (brief|mail|e-?mail|post|papieren))`;
const SOON = String.raw`(even|ff|effe|eventjes|snel|nu)`;
const IN_PAPERS = String.raw`(op|na|erbij|in (mijn|de) (mail|e-?mail|brief|post|papieren|inbox|mailbox))`;
const LOOKING = String.raw`(moment(je)?( graag| please)?|(ff|even|effe) (zoeken|kijken|wachten|opzoeken|checken)|(ff|even|effe) ${LETTER} (pakken|zoeken|bekijken|checken|erbij pakken)|ik (zoek|kijk|check) (${PAPERS}( ${SOON})?|${SOON})( ${IN_PAPERS})?|ik (zoek|kijk) ${IN_PAPERS}|ik (pak|haal) ${LETTER}( ${SOON})?( erbij)?|ik (ga|moet) (${PAPERS} )?(even |ff )?(zoeken|opzoeken|nakijken)|ik (ga|moet) ${LETTER} (even |ff )?(pakken|halen)|wacht( even| ff)?|één moment|een moment|one (moment|sec(ond)?)|hold on|hang on|just a (sec(ond)?|moment|minute)|give me a (sec(ond)?|moment|minute)|let me (check|look|find it|look it up|look for it)|i'?ll (look it up|find it|check)|i'?m (looking|checking)( for it)?)`;
/** "momentje", "even zoeken", "momentje ik zoek hem even": the citizen looks something up (one or two such pieces). */
const HOLD_ON = new RegExp(String.raw`^\s*((ok(é|e|ay)?|ja|yes|oh|o)[,!.]?\s+)?${LOOKING}([,!.]*\s+${LOOKING})?\s*[.!]*\s*$`, 'iu');
/**
 * "Ben jij een robot?": the citizen may always know they talk to a program, not a person. So for "is daar iemand?",
 * "anybody there?" (someone unsure of the chat), which got "Sorry, I did not understand" or "do you mean a staff member?".
 */
const WHO_ARE_YOU = /^\s*(wie ben (jij|je|u)|wat ben (jij|je|u)|ben (jij|je|u) (een|n) (robot|bot|computer|chatbot|mens|echt persoon|echte persoon|medewerker)|ben (jij|je|u) echt|praat ik (met|tegen) (een|n) (robot|bot|computer|chatbot|mens)|is dit (een|n) (robot|bot|computer|chatbot|mens)|who are you|what are you|are you (a |an )?(robot|bot|chatbot|human|real person|computer|ai|person)|are you real|am i (talking|chatting|speaking) (to|with) (a |an )?(robot|bot|human|real person|computer|ai|person)|is this (a |an )?(bot|robot|chatbot|human|real person|computer|ai)|((hallo|hoi|hello|hi|hey)[,!.?]*\s+)?(is (daar|er) (nog |wel )?iemand( aanwezig)?|zit (daar|er) (nog |wel )?iemand|(is )?(any ?body|any ?one|some ?body|some ?one) (there|here)))\s*[?!.]*\s*$/i;
/**
 * A bare "help" / "hlp" / "ik heb hulp nodig": a cry for help or a citizen who does not know how this
 * works. "Sorry, dat begrijp ik niet goed" fits neither: it asks what is going on, gives 112 and the
 * crisis line, and offers a person. Written in a hurry too: letters held down ("helppp", "heeelp",
 * "SOOOS"), "hellup", a "1" from the shift key missed ("help!!1"), "help me please", "help,help".
 */
/** help, hulp, halp, hlp, hellup, sos, with any letter held down. */
const HELP_WORD = String.raw`(?:h+[aeu]*l+u*p+|s+o+s+)`;
const PLEASE = String.raw`(?:please|pls|plz|aub|a\.u\.b\.?|alstublieft|alsjeblieft|svp)`;
const ONE_HELP = String.raw`(?:${HELP_WORD}(?:[\s,]+(?:me|mij|ons))?(?:[\s,]+${PLEASE})?|${PLEASE}[\s,]+${HELP_WORD}(?:[\s,]+(?:me|mij|ons))?|(?:ik heb )?(?:hulp|help) nodig|i need help|need help)`;
const BARE_HELP = new RegExp(String.raw`^\s*${ONE_HELP}(?:[\s,!.]+${ONE_HELP})*\s*[!.?1]*\s*$`, 'i');
/**
 * Only emoji, one of them sad or dark ("😭😭😭", "💔", "🆘"): no question the assistant can answer, and
 * perhaps the same cry as a bare "help", so the same answer rather than "I do not understand".
 */
const EMOJI_ONLY = /^[\s\p{Extended_Pictographic}\p{Emoji_Modifier}\u200d\ufe0f.,!?…]+$/u;
const SAD_OR_DARK = /[😢😭😞😔😟😩😫🙁😿💔🥺😣😖😥😰🆘💊🪦🔪🩸🪢☹⚰]/u;
const sadEmojiOnly = (msg: string): boolean => EMOJI_ONLY.test(msg) && SAD_OR_DARK.test(msg);

/** A new address given in the chat ("ik woon nu op de Kerkstraat 12", "my new address is …"). */
const NEW_ADDRESS = /(^|[^\p{L}])(\p{L}+(straat|laan|weg|plein|kade|gracht|singel|dijk|hof|pad|steeg|markt|dreef|plantsoen|erf|ring|street|road|lane|avenue)\s+\d+\s?[a-z]?|ik woon nu (op|aan|in)|mijn nieuwe adres is|mijn adres is nu|nieuw adres:|my new address is|i now live (at|on|in)|i live at)([^\p{L}]|$)/iu;
/** What something is about or against, said alone: "tegen de afwijzing", "over mijn bijstand", "against the refusal". */
const OBJECTION_ABOUT = /^\s*(en\s+|and\s+)?(tegen|over|voor|betreft|het\s+gaat\s+(om|over)|gaat\s+(om|over)|against|about|regarding|for|it'?s\s+(about|for)|it\s+is\s+(about|for))\s+\p{L}/iu;
/** A question in it ("hoe geef ik dat door?"): then it asks, and is no address sent to be changed. */
// "wie regelt de begrafenis" while waiting for a person was no question (so only where the wait stands): who and which ask too.
const ASKS = /\?|^\s*(hoe|waar|wat|wanneer|wie|welke|hoeveel|moet|kan|kun|mag|how|where|what|when|who|which|do|can|should|must)\b/i;
/** Whether a message asks something (a question mark, or a question word or verb first), or only tells. */
export const isQuestion = (msg: string): boolean => ASKS.test(msg);

/** "annuleren" with nothing to cancel (a queue and a flow have their own). */
const CANCEL_NOTHING = /^\s*(annuleer|annuleren|cancel)\s*[.!]*\s*$/i;

/** Words for an application or case, also at the end of a compound ("bouwaanvraag"): "een vraag over mijn aanvraag" is the case question. */
const A_CASE = /(aanvraag|aanvragen|zaak|zaaknummer|dossier|besluit|beslissing|verzoek|vergunning|kwijtschelding|melding)([^\p{L}]|$)|(^|[^\p{L}])(status|application|case|request|decision|permit)([^\p{L}]|$)/iu;

/**
 * The answer by rule to a message, or null when no rule fits. `unsure`: the classifier found no
 * intent it is sure enough of; `queued`: the citizen waits for a person.
 */
export function answerByRule(state: DialogState, msg: string, nlu: ParseResult, ctx: Ctx, { queued, unsure }: { queued: boolean; unsure: boolean }): StepResult | null {
  // "fijn", "top", "mooi" alone, read surely as a goodbye or a thanks ("fijne dag", "top bedankt"): a nod,
  // not "Tot ziens" and the feedback question. A goodbye in words ("fijn, dank je, doei") is no bare nod.
  const nod = CLOSING.has(nlu.intent.name) && ACK.test(msg);
  if (nlu.handoffs.length === 0 && (unsure || nod)) {
    const holdOn = HOLD_ON.test(msg);
    // "ja" to "Kunt u die niet vinden? Dan zoekt een medewerker uw zaak voor u op.": that person (step.ts), not a nod.
    const wantsPerson = state.active?.step === 'ask_number' && !!state.active.noNumberSaid && WANTS_THAT.test(msg);
    if (holdOn || (ACK.test(msg) && !wantsPerson)) {
      // While waiting for a person a nod needs no answer; in a flow it means the citizen is looking.
      if (queued) return { state, replies: [], effects: [] };
      return help(state, ctx, holdOn || state.active ? 'take_your_time' : 'ack', { keepFallbacks: true });
    }
  }
  // An apology alone: no problem. In a flow the question stays open (its answer may follow), as for a nod.
  if (nlu.handoffs.length === 0 && unsure && SORRY.test(msg)) {
    if (queued) return { state, replies: [], effects: [] };
    return help(state, ctx, state.active ? 'take_your_time' : 'no_problem', { keepFallbacks: true });
  }
  if (nlu.handoffs.length === 0 && !queued && BARE_HELP.test(msg)) return offerPerson(state, ctx, nlu, 'help', 'bare_help', 'help.bare');
  if (nlu.handoffs.length === 0 && !queued && sadEmojiOnly(msg)) return offerPerson(state, ctx, nlu, 'help', 'sad_emoji', 'help.bare');
  // "Are you a real person?" reads as a request for a person too; the honest answer offers one.
  if (nlu.handoffs.every((h) => h.reason === 'explicit_request') && WHO_ARE_YOU.test(msg)) return help(state, ctx, 'who_am_i', { keepFallbacks: true });
  if (nlu.handoffs.length === 0 && !state.active) {
    if (CANCEL_NOTHING.test(msg) && !queued) return help(state, ctx, 'nothing_to_cancel', { keepFallbacks: true });
    if (WHAT_CAN_I_ASK.test(msg)) return help(state, ctx, 'capabilities');
    // Not when the classifier is sure of a question: "I received €312 marked 'Verrekening'. What is this for?" is about the money.
    // "how does it work" after a topic ("i have to do the civic integration, how does it work") asks about that topic.
    if (unsure && (WHAT_IS_THIS.test(msg) || (!state.lastAnswer && WHAT_IS_IT.test(msg) && !unsureVariant(ctx.dialogs, msg)))) return help(state, ctx, 'what_is_this');
    if (HAS_A_QUESTION.test(msg)) return help(state, ctx, 'go_ahead');
    const about = HAS_A_QUESTION_ABOUT.exec(msg);
    // "… over mijn aanvraag" is the case question the classifier is sure of; "… over mijn uitkering" may be
    // anything, and so may "… over mijn paspoort", which the classifier reads as the case question too.
    if (about && (unsure || nlu.intent.name === 'greeting' || (nlu.intent.name === 'case_status' && !queued && !A_CASE.test(about.at(-1)!)))) {
      const asked = help(state, ctx, 'go_ahead_about', { vars: { topic: yourWords(about.at(-1)!, state.lang) } });
      return { ...asked, state: { ...asked.state, askedAbout: about.at(-1)!.trim() } };
    }
    if (!queued && ONLY_A_LETTER.some((re) => re.test(msg))) return help(state, ctx, 'letter');
    if (NOT_HERE.test(msg) && !queued) return offerPerson(state, ctx, nlu, 'help', 'not_here', 'help.not_here');
    if (FORM_HELP.test(msg) && !queued) return offerPerson(state, ctx, nlu, 'help', 'form_help', 'help.form');
    // A bank account or phone number sent by itself ("NL91ABNA…" after the answer on changing
    // details): the citizen expects the chat to change it, which it cannot.
    const details = nlu.entities.some((e) => e.type === 'iban' || e.type === 'phone') && !nlu.entities.some((e) => CASE_ENTITIES.has(e.type));
    if (details && !queued && unsure) return offerPerson(state, ctx, nlu, 'help', 'details_not_here', 'help.details_not_here');
    // The new address itself, right after the answer on how to report it: the chat cannot take it.
    if (!queued && state.lastAnswer?.trace.dialog === 'change_details' && NEW_ADDRESS.test(msg) && !ASKS.test(msg)) return offerPerson(state, ctx, nlu, 'help', 'address_not_here', 'help.address_not_here');
    // What the objection is against, right after the answer on objecting ("tegen de afwijzing van mijn bijstand", "over
    // mijn bijstand"): what to write in it, not that answer again or the case question. A named kind with an answer of
    // its own ("tegen mijn parkeerboete") gets that answer.
    if (!queued && state.lastAnswer?.trace.dialog === 'objection' && OBJECTION_ABOUT.test(msg) && !ASKS.test(msg) && wordCount(msg) <= 12 && nlu.entities.length === 0 && !unsureVariant(ctx.dialogs, msg)) {
      return offerPerson(state, ctx, nlu, 'objection', 'objection_about', 'help.objection_about');
    }
  }
  return null;
}

/** Whether the message asks the assistant something by rule ("wat kan ik hier vragen?", "ik heb een vraag"). */
export function asksByRule(msg: string): boolean {
  return WHAT_CAN_I_ASK.test(msg) || HAS_A_QUESTION.test(msg) || INDIRECT_QUESTION.test(msg);
}

/** "ik wilde eigenlijk weten of jullie zaterdag open zijn", "I was wondering if …": a question without a question mark. */
const INDIRECT_QUESTION = /(?<![\p{L}])((wil|wilde|zou|zoude?n?)\s+(\p{L}+\s+){0,3}(weten|vragen)\s+(of|wanneer|hoe|waar|wat|hoeveel|hoelang|welke?)|vroeg me af|vraag me af|(want|wanted|would like|'d like|wish) to know|(was|am) wondering|i wonder)(?![\p{L}])/iu;

/** A nod that may start a yes: "ok", "prima", as a word. */
const NOD_WORDS = '(ok|oké|oke|okay|prima|goed|top)(?![\\p{L}])';
const NOD = new RegExp(String.raw`^\s*${NOD_WORDS}[\s,.!]*`, 'iu');
/** "ok graag, …", "ok ja, …", "ok please": a yes, whatever follows. */
const STILL_YES = new RegExp(String.raw`^\s*${NOD_WORDS}[\s,.!]*(graag|ja|yes|please|doe maar|prima)(?![\p{L}])`, 'iu');
const ABOUT_A_PERSON = /(?<![\p{L}])(medewerker|iemand|persoon|mens|bellen|belt|bel|terugbellen|contact|wachten|wacht|help|helpen|praten|spreken|lang|duurt|gebeurt|staff|someone|person|human|call|wait|talk|long|happens)(?![\p{L}])/iu;

/**
 * The answer to "zal ik een medewerker vragen?": yes wants the person (the caller hands over), no
 * leaves it there (and the question the assistant could not go on with), anything else is the new
 * message it is. A bare "ok" may only take in the answer before the offer: asked once more, it is a yes.
 */
export function answerPersonOffer(state: DialogState, msg: string, nlu: ParseResult, ctx: Ctx): { state: DialogState; result?: StepResult; wantsPerson?: boolean } | null {
  if (state.pending !== 'person_offer' && state.pending !== 'person_offer_again' && state.pending !== 'concern_offer') return null;
  const plain = nlu.handoffs.length === 0;
  if (state.pending !== 'person_offer_again' && plain && OK_ONLY.test(msg)) {
    return { state, result: offerPerson(state, ctx, nlu, 'help', 'person_offer_again', 'help.person_offer_again', 'dialogs/messages.yaml', 'person_offer_again') };
  }
  // "stop" right after "help" and its offer: no goodbye and score, a person still within reach (stop-after-help.ts).
  const stopped = stopAfterHelp(state, msg, nlu, ctx.dialogs);
  if (stopped) return { state: stopped.state, result: stopped };
  const done: DialogState = { ...state, pending: null };
  // "ok en mn zaak Z-2026-000456 geb 01-07-1992": a nod before case facts starts a question of its own
  // ("ja graag, mijn zaaknummer is …" is still a yes, with the number for the caseworker).
  const facts = nlu.entities.some((e) => e.type === 'case_number' || e.type === 'postcode' || e.type === 'date');
  const nodThenFacts = facts && NOD.test(msg);
  // So does a nod before a question that is not about the person ("ok hoe kom ik daar achter?"), but not
  // right after the check-in ("gaat het goed met u?"): there a yes may be a crisis, and is taken as one.
  const nodThenQuestion = state.pending !== 'concern_offer' && !justAsked(state) && NOD.test(msg) && !STILL_YES.test(msg) && isQuestion(msg.replace(NOD, '')) && !ABOUT_A_PERSON.test(msg);
  if (plain && (isYes(msg) || (startsWithYes(msg) && !nodThenFacts && !nodThenQuestion))) return { state: done, wantsPerson: true };
  // "waarom niet?", "hoe kan dat?" right after "is uw geld er nog niet? … zal ik een medewerker vragen?": why it has not
  // come, which the assistant cannot see (it got the payment dates again and "gaat het goed met u?").
  if (plain && NOT_PAID_STEPS.has(state.lastAnswer?.trace.step ?? '') && WHY_NOT.test(msg)) return { state, result: offerPerson(state, ctx, nlu, 'payment', 'why_not_paid', 'payment.why_not_paid') };
  // "Laat maar" / "never mind" to the offer (not to the check-in's, where it may say more than no).
  const neverMind = state.pending !== 'concern_offer' && isNeverMind(msg);
  if (plain && (isDecline(msg) || neverMind)) return { state: done, result: help({ ...done, active: null }, ctx, 'no_person', { keepFallbacks: true }) };
  return { state: done };
}

/** The offers of a person because the money has not come. */
const NOT_PAID_STEPS: ReadonlySet<string> = new Set(['not_paid', 'checked', 'stop_unexplained', 'why_not_paid']);
/** "waarom niet?", "hoe kan dat nou?", "how come?": why, asked of something that did not happen. */
const WHY_NOT = /^\s*(maar\s+|but\s+|en\s+|and\s+)?(waarom\s+(dan\s+)?(niet|nog\s+niet|niks|niets)|hoe\s+kan\s+(dat|het)(\s+nou|\s+dan)?|hoe\s+komt\s+(dat|het)(\s+dan)?|why\s+(not|hasn'?t\s+it|is\s+it\s+late)|how\s+come|how\s+is\s+that\s+possible)\s*[?!.]*\s*$/i;

/** Replies by rule that answer a question of their own, with a why (`why.<kind>`) in the messages. */
const EXPLAINED_HELP: ReadonlySet<string> = new Set(['capabilities', 'who_am_i', 'what_is_this']);

/** What the assistant can help with, or an invitation to ask: recognised by rule, like "waarom?". */
export function help(state: DialogState, ctx: Ctx, kind: 'capabilities' | 'go_ahead' | 'greeting_after_welcome' | 'go_ahead_about' | 'ack' | 'no_problem' | 'take_your_time' | 'who_am_i' | 'what_is_this' | 'nothing_to_cancel' | 'no_person' | 'language' | 'language_in_flow' | 'letter', opts: { keepFallbacks?: boolean; vars?: Record<string, string> } = {}): StepResult {
  const t = trace(ctx.dialogs, { dialog: 'help', step: kind, intent: 'help', confidence: 1, sources: [{ kind: 'dialog', ref: 'dialogs/messages.yaml' }, { kind: 'rule', ref: `help-${kind.replaceAll('_', '-')}` }] });
  // A nod is no new question: a miss counted just before it still counts.
  const kept = opts.keepFallbacks ? state : { ...state, fallbacks: 0 };
  // "waarom?" after "wat kan ik hier vragen?" or "ben jij een robot?": what that answer rests on, not
  // "Ik heb nog geen antwoord gegeven". A nod or "stel uw vraag maar" leaves the answer before it to explain.
  const answered = EXPLAINED_HELP.has(kind) ? { ...kept, lastAnswer: { trace: t, explain: texts(ctx.dialogs, `why.${kind}`) } } : kept;
  return { state: answered, replies: [{ text: text(ctx.dialogs, `help.${kind}`, state.lang, opts.vars), trace: t }], effects: [] };
}

/**
 * Where the assistant can go no further (the same answer again, a task only a person can do, no case
 * number twice): it says so and asks "zal ik een medewerker vragen?" (`person_offer`, yes or no).
 */
export function offerPerson(state: DialogState, ctx: Ctx, nlu: ParseResult, dialog: string, stepName: string, key: string, file = 'dialogs/messages.yaml', pending: 'person_offer' | 'person_offer_again' = 'person_offer'): StepResult {
  const t = trace(ctx.dialogs, { dialog, step: stepName, intent: nlu.intent.name, confidence: nlu.intent.confidence, sources: [{ kind: 'dialog', ref: file }, { kind: 'rule', ref: `person-offer-${stepName.replaceAll('_', '-')}` }] });
  // "Waarom vraag je dat?" after it: why.<step>, where the messages say why ("help" may be a crisis).
  const why = `why.${stepName}`;
  const lastAnswer = ctx.dialogs.texts.has(why) ? { lastAnswer: { trace: t, explain: texts(ctx.dialogs, why) } } : {};
  return { state: { ...state, pending, ...lastAnswer }, replies: [{ text: text(ctx.dialogs, key, state.lang), trace: t }], effects: [] };
}

/** The citizen's words about themselves, as the assistant says them back: "mijn uitkering" → "uw uitkering". */
function yourWords(words: string, lang: Lang): string {
  const swap: Record<string, string> = lang === 'nl' ? { mijn: 'uw', mn: 'uw', "m'n": 'uw', me: 'uw', onze: 'uw', ons: 'uw' } : { my: 'your', our: 'your', me: 'you', us: 'you' };
  return words.trim().split(/\s+/).map((w) => swap[w.toLowerCase()] ?? w).join(' ');
}

/** "Nog niks", "nog steeds niet binnen", "still nothing", "why so late this month", "het is al de 5e": the money has not come (in time). */
const NOT_PAID_YET = /(^|[^\p{L}])(nog (steeds |altijd )?(niks|niets|niet|geen geld|geen)|(niks|niets|nix) (\S+ )?(ontvangen|gehad|binnen|gekregen|gestort|overgemaakt|binnengekomen|op mijn rekening)|(is|zijn|al) (\S+ )?(geweest|voorbij)|nothing (was |has been )?(paid|deposited|transferred)|(already|has) (passed|gone by)|still (nothing|not|no money)|nothing (yet|came|arrived|has come)|(has not|have not|hasn'?t|haven'?t|still haven'?t|still hasn'?t) (arrived|come|received)|not (arrived|received|come) yet|(zo|te|erg) laat|so late|too late|this late|late this month|(is|it'?s|comes?|came) late|vertraagd|vertraging|delayed|al de \d{1,2}(e|ste|de)?|al \d{1,2}(e|ste|de)?\s+(jan|januari|feb|februari|mrt|maart|apr|april|mei|jun|juni|jul|juli|aug|augustus|sep|sept|september|okt|oktober|oct|nov|november|dec|december)|already the \d{1,2}(st|nd|rd|th)?|the \d{1,2}(st|nd|rd|th)? already)([^\p{L}]|$)/iu;

/**
 * "wat als ik te laat ben?", "what if i'm late": the citizen late (in applying), not the money. Right after remission or an
 * allowance it got "Is uw geld er nog niet …?" and the offer of a person.
 */
const SELF_LATE = /(^|[^\p{L}])((ik|we|wij|i|i'm|im)\s+((ben|zijn|was|waren|am|are|were|kom|komen|come)\s+)?(te laat|too late|late)|(ben|am) (ik|i) (te laat|too late|late))([^\p{L}]|$)/iu;

/** Money, or having nothing ("ik heb nog niks"), in a message after a status that names a payment. */
const ABOUT_MONEY = /(^|[^\p{L}])(geld|betaling|betaald|gestort|overgemaakt|rekening|uitkering|bijstand|toeslag|binnen|ontvangen|gehad|niks|niets|nix|money|paid|payment|benefit|received|arrived|nothing)([^\p{L}]|$)/iu;
/** …but not the letter, the decision or understanding it ("ik heb de brief nog niet ontvangen"). */
const NOT_MONEY = /(^|[^\p{L}])(brief|besluit|beschikking|snap|begrijp|letter|decision|understand)([^\p{L}]|$)/iu;

/**
 * "Ik heb al gekeken, mijn rekeningnummer klopt", "ja mijn rekening klopt": the check the payment answer
 * asks for is done. The classifier reads "rekeningnummer" as changing it.
 */
const CHECKED = /(^|[^\p{L}])((al|heb|hebben|hebt) (\S+ )?(gekeken|gecontroleerd|nagekeken|gecheckt)|(rekening( ?nummer)?|rekeningnr|reknr|rek\.? ?nr|iban|nummer) (\S+ ){0,2}(klopt|is goed|is juist|is correct|staat goed)(?! (niet|nie|not))|klopt (gewoon|allemaal|wel)|(heb|hebben) ik al gedaan|al gedaan|already (checked|did|done)|(i|we) (checked|did that)|(account|number|iban|details) (number )?(is|are) (correct|right|fine|ok))([^\p{L}]|$)/iu;

/**
 * "Ik heb niks veranderd", "ik heb geen brief gekregen", "I don't know why" right after the answer on a
 * benefit that stopped (which says the decision letter tells why): the reason is not known, which a person looks into.
 */
const STOP_UNEXPLAINED = /(^|[^\p{L}])((niets|niks|nix|nothing) (veranderd|gewijzigd|gedaan|fout gedaan|changed|done wrong)|(heb|hebben) (ik |we |wij )?(niets|niks|nix) (veranderd|gewijzigd|gedaan|fout gedaan|doorgegeven)|geen brief (gekregen|gehad|ontvangen|gezien)|brief (niet|nooit) (gekregen|gehad|ontvangen)|(weet|snap) (ik |we )?(niet|nie) waarom|geen (idee|reden) waarom|zonder (reden|brief)|no (letter|reason)|without (a )?(letter|reason)|(didn'?t|did not|never|haven'?t|have not) (get|got|receive|received|had) (a|any|the) letter|(didn'?t|did not|haven'?t|have not) (change|changed|do|done) anything|(don'?t|do not) know why|no idea why)([^\p{L}]|$)/iu;

/**
 * "Het is al de 3e en nog niks" right after the payment answer (which says what to do when nothing
 * came): not paid, which a person looks into; so is "ik heb al gekeken, mijn rekeningnummer klopt",
 * thanked for the check. So after a case's status that names a payment date ("maar het is 3 december en
 * ik heb nog niks"): that date first, then the same offer. Null otherwise; after other answers "nog niks"
 * is the case question.
 * `intentId`: what the message was read as.
 */
export function notPaidYet(state: DialogState, ctx: Ctx, nlu: ParseResult, last: IntentDef | undefined, intentId: string): StepResult | null {
  // After a status, only about money: "ik heb de brief nog niet gekregen" is not.
  const afterStatus = last?.id !== 'payment' && !!state.lastAnswer?.paid && ABOUT_MONEY.test(nlu.text) && !NOT_MONEY.test(nlu.text);
  // "What if it hasn't arrived?" asks what the answer says for that case (last-answer.ts), not that it has not.
  if (!last || (last.id !== 'payment' && !afterStatus) || wordCount(nlu.text) > 12 || asksIfNot(nlu.text) || SELF_LATE.test(nlu.text)) return null;
  // "wat als ik te laat ben" right after the answer on bijzondere bijstand: applying late, a narrower case of that
  // answer by its words for right after it (special_assistance_late); no payment that did not come.
  if (!afterStatus && keptToTopic(last, nlu.text, state.lastAnswer?.topic)) return null;
  const dated = (res: StepResult) => (afterStatus ? withPaymentLine(res, state.lastAnswer) : res);
  if (!afterStatus && state.lastAnswer?.topic === 'stopped' && STOP_UNEXPLAINED.test(nlu.text) && ['none', 'case_status', 'payment', 'change_details'].includes(intentId)) {
    return offerPerson(state, ctx, nlu, 'payment', 'stop_unexplained', 'payment.stop_unexplained', last.file);
  }
  if (CHECKED.test(nlu.text) && ['none', 'case_status', 'payment', 'change_details'].includes(intentId)) {
    return dated(offerPerson(state, ctx, nlu, 'payment', 'checked', 'payment.checked', last.file));
  }
  if (!NOT_PAID_YET.test(nlu.text) || (intentId !== 'none' && intentId !== 'case_status' && intentId !== 'payment')) return null;
  return dated(offerPerson(state, ctx, nlu, 'payment', 'not_paid', 'payment.not_paid', last.file));
}
