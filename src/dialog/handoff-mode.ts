/**
 * The dialog while a handoff is open. While a person holds the conversation the assistant says
 * nothing. While the citizen waits it still answers, but first handles the questions that belong to
 * the wait: cancelling, and the callback offer (yes/no, then a phone number if we have none).
 */
import { HANDOFF_PRIORITY, type ParseResult } from '../nlu/types.ts';
import { askedMinute } from './callback-time.ts';
import { callNowWhileWaiting } from './call-now.ts';
import { complaintQuestion } from './complaint-questions.ts';
import { tryAgainLater } from './after-lock.ts';
import { MEANING } from './about-status.ts';
import { BAILIFF, callbackRequest } from './hand-off.ts';
import { withKind } from './crisis-kind.ts';
import { isOpen } from '../handoff/office-hours.ts';
import type { StepContext } from './step.ts';
import { text, trace } from './texts.ts';
import type { DialogSet, DialogState, HandoffMode, StepResult } from './types.ts';
import { ONLY_THANKS, startsWithNo, startsWithYes } from './yes-no.ts';
import { asksWhyOfAPerson, explainCrisisWait } from './why.ts';

const CANCEL = /\b(annuleer|annuleren|stop (met )?wachten|(niet|nie) meer wachten|(hoef|hoeft) (echt )?niet meer te wachten|niet (meer )?(terug)?gebeld (te )?worden|(wil|hoef|hoeft) (echt )?(niet|geen) (meer )?(terug)?gebeld|(wil|hoef) (echt |gewoon )?geen (telefoontje|terugbelverzoek)|(is|was) (al )?opgelost|laat ma+r|toch (maar )?niet|(i )?(don'?t|do not) need to wait|(i )?(don'?t|do not) want to wait (any ?more|any longer)|(don'?t|do not) (want|need) (to be called|a call( ?back)?)|(don'?t|do not) call me|no (need for a )?call( ?back)?,? (please|thanks|thank you)|(it'?s|it is) (already )?(sorted|solved|resolved)|cancel|never ?mind|nvm|forget (it|about it)|don'?t need (a|any) (person|one|human)|(ik )?(wil|hoef) (helemaal )?geen (medewerker|mens|persoon|medewerkster)|(i )?(don'?t|do not) want (a|any) (person|human|staff member)|no (person|human|staff member),? (please|thanks|thank you))\b/i;

/** A thing named in Dutch that is not the wait, the call, the request or the person ("de medewerker annuleren" cancels the wait). */
const OTHER_THING_NL = String.raw`(?!(wacht\p{L}*|gesprek|terugbel\p{L}*|verzoek|chat|plek|plaats|medewerker|medewerkster|mens|persoon)\b)\p{L}{3,}`;
const DETERMINER_NL = '(mijn|mn|haar|zijn|de|het|een|hun|onze|ons|die|dat|deze)';
/**
 * Cancelling something else: "do i need to cancel her parking permit?", "moet ik zijn abonnement opzeggen of annuleren?",
 * "annuleer mijn afspraak van dinsdag". A thing named after "cancel" or before "annuleren" that is not the wait, the call
 * or the request for a person. It took the citizen out of the queue.
 */
const CANCELS_OTHER = new RegExp([
  String.raw`\bcancel(l?ing|s)?\s+(her|his|my|the|a|an|their|our|your|this|that)\s+(?!(wait|waiting|call|callback|call-back|request|chat|conversation|queue|place|spot|ticket|person|human|staff|agent)\b)\p{L}{3,}`,
  String.raw`\b(annuleer|annuleert|annuleren)\s+${DETERMINER_NL}\s+${OTHER_THING_NL}`,
  String.raw`\b${DETERMINER_NL}\s+${OTHER_THING_NL}(\s+\p{L}+)?\s+(annuleren|opzeggen|stopzetten)`,
].join('|'), 'iu');
/** Whether the message cancels the wait for a person (or the callback), not something else. */
const cancels = (msg: string): boolean => CANCEL.test(msg) && !CANCELS_OTHER.test(msg);

/** Staying in the queue, in words that could read as a cancel ("laat maar") or a goodbye ("ok dan wacht ik nog even"). */
const STAYS = /\b(ik wacht (wel|nog|even|gewoon|maar)|wacht ik (wel|nog|even|gewoon|maar)|ik blijf (wel |nog |gewoon |maar )?wachten|wil (blijven )?wachten|(niet|geen) (annuleren|annuleer)|(wil|bedoel) niet stoppen|i'?ll (still )?wait|i will (still )?wait|keep waiting|(don'?t|do not|not) (want to )?cancel)\b/i;

/**
 * "Laat maar, wat is de status van Z-2026-000123?", "never mind, when are you open?": a cancel with a
 * question after it. The step takes the citizen out of the queue and goes on with the question, so the
 * case number in it is not asked again. Not "laat maar, ik bel wel" (WILL_CALL), nor "laat maar, ik wil dood".
 */
export function cancelsThenAsks(msg: string, nlu: ParseResult): boolean {
  const cancel = cancels(msg) ? CANCEL.exec(msg) : null;
  if (!cancel || WILL_CALL.test(msg) || STAYS.test(msg) || nlu.handoffs.length > 0) return false;
  const rest = msg.slice(cancel.index + cancel[0].length).replace(/^[\s,.;:!-]+/, '');
  if (rest.split(/\s+/).filter(Boolean).length < 2) return false;
  const from = msg.length - rest.length;
  return nlu.entities.some((e) => e.type === 'case_number' && e.start >= from) || (ASKS.test(rest) && nlu.intent.name !== 'none' && nlu.intent.name !== 'human' && nlu.intent.confidence >= 0.5);
}

/** "Laat maar, ik bel wel", "never mind, I'll call": leaving the queue to phone instead. */
const WILL_CALL = /\b(ik bel (wel|zelf|jullie|u|morgen|straks|later)|bel (ik|ik wel|ik zelf|ik jullie|ik u)( wel| zelf| morgen| straks| later)?|i'?ll (call|phone|ring)( you| them)?|i will (call|phone|ring))\b/i;

/**
 * "Hoe lang duurt het nog?", "wanneer bellen jullie?", "wnnr ben ik aan de beurt", "hallo? is daar iemand?" while waiting for a
 * person or a call: the whole message asks about the wait, not about a case (nor greets: a greeting
 * may come first).
 */
const ASKS_THE_WAIT = /^\s*((en|nou|ok|oké|oke|and|so|hallo+|hello+|hoi|hey|hi)[,?!.]*\s+){0,2}(hoe ?lang (duurt (het|dit|dat|t|'t)( nog)?|nog|moet ik (nog )?wachten)|how long (does|will) (it|that|this|the person|the staff member|the caseworker|someone|a person|they) take|(wanneer|wnn?r|wannr|wnneer) (ben ik aan de beurt|komt (er )?(iemand|een medewerker)|kom je|kom jij|komen jullie|komt u|word ik geholpen)|(wanneer|wnn?r|wannr|wnneer) (krijg|hoor) ik (een |het |jullie |uw )?(antwoord|reactie|bericht|iets)( terug)?( van (jullie|u|iemand|een medewerker))?|when (will|do) i (get|hear|receive) (an? )?(answer|reply|response|back)( from (you|someone|anyone))?|komt er (nog )?iemand|hoeveel (mensen )?(zijn er )?(nog )?voor mij|welk nummer ben ik|ben ik (al |nu |nou |bijna )?aan de beurt|how long (will it (take|be)|do i (have to )?wait|is the wait|still)|when (will|do) (someone|a person|i) (come|get help|be helped)|when is it my turn|is (any|some)one (coming|there)|how many (people )?(are )?(ahead of|before) me|what number am i|(en )?nu|wat nu|wat (gebeurt|moet ik) (er )?nu( doen)?|what now|now what|what happens (now|next)|what do i do now|how much longer|duurt (het|dit|t|'t) (nog )?(lang|lang nog)|(hoe ?lang|hoelang|ho?w long|hw lng)( nog| still| dan| then)?|is er (al )?(iemand|een medewerker)( vrij| beschikbaar)?|(al|any) (nieuws|news)|how long (do|must) i still (have to )?wait|hoe ?lang moet ik (nog )?wachten|is het nog (lang|ver)|waarom (moet ik|moeten we) (zo lang |nog |nog zo lang )?wachten|waarom duurt (het|dit) zo lang|why (do|must) (i|we) (still )?wait|why is it taking so long|why does it take so long|hoe ?lang duurt (het|dit) (nog )?(voordat|voor|tot|totdat) (jullie|je|u|iemand|er iemand|een medewerker|de medewerker|ik)( mij| me)? (terug)?(belt|bellen|komt|komen|reageert|reageren|gebeld word|terug ?gebeld word|geholpen word)|(wanneer|wnn?r|wannr|wnneer|hoe laat) (bellen jullie|belt (er )?(iemand|een medewerker|u|je)|word ik (terug ?)?gebeld)( (mij|me))?( (terug|dan|nou|nu|ongeveer))*|(when|what time) (will|do) (you|they|someone) call( me)?( back)?|how long (until|before|till) (you|someone|they) call( me)?( back)?|(hallo+|hello+|hoi|hey|hi)(\s+(daar|there))?\s*\?|(is\s+)?(daar|er)\s+(nog\s+|wel\s+)?iemand(\s+(daar|aanwezig))?|iemand\s+(daar|thuis|aanwezig)|(is\s+)?(any|some)(one|body|1)\s+(there|here|around)|((are|r)\s+)?(you|u)\s+(still\s+)?there)(\s+(dan|nou|nu|nog|ongeveer|eigenlijk|then|now|about|roughly))*\s*[?!.]*\s*$/i;

/**
 * "Kan ik later terugkomen?", "ik heb geen tijd meer", "can I come back later?" while waiting: the place in the queue is
 * kept, and a person answers here (as for a goodbye: handoff.goodbye_waiting). Not "ik moet weg", which the goodbye takes.
 */
const COME_BACK = /\b((kan|mag) ik (dan |ook |het |dit |straks |morgen |later |nog |een andere keer |op een ander moment |vanavond |vanmiddag )*(terug ?komen|terugkeren|verder ?gaan|later (reageren|kijken|verder))|((ik|k) )?(heb|hb|had) (nu |nou |echt |even |helaas |eigenlijk )?geen (tijd|tyd)( meer)?|can i (come back|continue|reply|answer|check back)( here)?( later| tomorrow| another time)?|(i )?(don'?t|do not) have (the )?time( now| anymore| right now)?|i (have|got) no time( now| left)?)\b/i;

/**
 * "Can you text me instead?", "kunnen jullie me een sms sturen?", "kan het ook via sms?" while waiting: going on by SMS,
 * which the link code does (the caseworker's answers go to the channel the citizen wrote on last).
 */
const TEXT_ME = /\b((can|could|will|would) (you|someone|they|a person|a staff member) (please )?(just )?(text|sms|whatsapp) me|text me( instead| please| back)?|(send|stuur) (me|mij) (een |an? )?(sms|text|sms'?je|berichtje|whatsapp)( message)?|(kunnen|kunt|kan) (jullie|u|je|iemand) (me|mij) (niet )?(ook |liever |gewoon )?(sms'?en|smsen|appen|whatsappen|een (sms|sms'?je|appje) sturen)|(kan|mag) (het|dat) (ook |liever )?(via|per|over) (sms|whatsapp|text)|(by|via|over) (sms|text|whatsapp) (instead|please)|liever (via|per) (sms|whatsapp))\b/i;

/** "Ik wacht al een uur!", "dit duurt echt te lang", "this is taking forever": the wait is long; sorry, and where it stands. */
const WAITED_LONG = /^\s*((pff+|zucht|jeetje|nou|man|ugh|come on|seriously)[,!.]*\s+)?(ik (zit |sta )?(hier )?(nu )?al (\S+ )?(een |1 |2 |3 |half |anderhalf |twee |drie |\d+ )?(uur|kwartier|minuten|min|tijd|eeuwigheid|eeuwen|lang)( te wachten| (te )?wachten)?|(ik )?wacht (nu |hier )?al (\S+ )?(een |1 |2 |3 |half |anderhalf |twee |drie |\d+ )?(uur|kwartier|minuten|min|eeuwigheid|eeuwen|lang|zo lang)|(dit|het|dat|t) duurt (echt |wel |veel |zo |erg |heel |belachelijk |ontzettend )*(te |zo )?lang|(this|it) (is taking|takes) (so long|too long|forever|ages)|i'?(ve| have) been waiting (for )?(so long|too long|ages|forever|an hour|(over |more than )?(half an|an|\d+) (hours?|minutes?|mins?))|still waiting)(\s+(al|nu|hoor|zeg|echt|now|already|here))*\s*[?!.]*\s*$/i;

/** A time for the call that is not now: "morgen pas", "liever vanmiddag", "after 5", "tomorrow". */
const LATER = /\b(morgen|overmorgen|later|straks|vanmiddag|vanavond|volgende week|na (de middag|\d{1,2}(\.\d\d)? ?uur|vijven|zessen)|(maan|dins|woens|donder|vrij)dag|tomorrow|this (afternoon|evening)|tonight|next week|after \d{1,2}( ?(am|pm|o'?clock))?|(mon|tues|wednes|thurs|fri)day)\b/i;

/**
 * "Hoe lang duurt het voordat ik antwoord krijg?", "when will I get a reply?": how long until an answer
 * comes. While waiting that is the wait; after a complaint, the answer to the complaint (6 weeks).
 */
const ANSWER_WAIT = String.raw`hoe ?(lang|snel) duurt (het|dat|dit)( nog)? (voordat|voor|tot|totdat) ik (een |het |jullie |uw )?(antwoord|reactie|bericht|iets)( terug)?( van (jullie|u|iemand|een medewerker))? (krijg|hoor|ontvang|heb)|wanneer (krijg|hoor) ik (een |het |jullie |uw )?(antwoord|reactie)( terug)?|how long (until|before|till) i (get|hear|receive|have) (an? )?(answer|reply|response)( back)?|when (will|do) i (get|hear|receive) (an? )?(answer|reply|response)( back)?`;

/** "Wat gebeurt er nu mee?", "duurt dat lang?" after a complaint: about the complaint, not a case. */
const COMPLAINT_NEXT = new RegExp(String.raw`^\s*((en|maar|ok(é|e)?|and|so)[,]?\s+)?(wat gebeurt er (nu |dan |nou )?(mee|mee verder|met (mijn|de|die|deze) klacht)|wat (doen|gaan) jullie (er )?(nu |dan )?mee( doen)?|hoe ?(lang|snel) duurt (dat|het|dit)( dan| nog)?|duurt (dat|het|dit) (lang|lang nog|nog lang)|wanneer hoor ik (er )?(iets|meer|wat)( van)?|what happens (now|next|to it|with (it|my complaint))|what (will|do) you do with (it|my complaint)|how long (does|will) (it|that|this) take|will (it|that|this) take long|${ANSWER_WAIT})\s*[?!.]*\s*$`, 'i');

/** "Hoe lang duurt het voordat ik antwoord krijg?" alone: the wait (ANSWER_WAIT). */
const WAITS_FOR_ANSWER = new RegExp(String.raw`^\s*((en|nou|ok|oké|and|so)[,]?\s+)?(${ANSWER_WAIT})(\s+(dan|nou|nu|ongeveer|eigenlijk|then|now|about|roughly))*\s*[?!.]*\s*$`, 'i');

/**
 * "Hoe gaat dat?", "wat gebeurt er nu?", "how does that work?" while waiting: what the person will do,
 * in the words the dialogs have for the handoff's reason (`handoff.next.<reason>`, or its kind's).
 */
const WHAT_NEXT = /^\s*((en|maar|ok(é|e)?|oke|and|so|but)[,]?\s+)?(hoe gaat (dat|het|dit)( dan| nu| verder| in zijn werk)*|hoe werkt (dat|het|dit)( dan| nu)?|wat gebeurt er (nu|dan|nou|hierna|daarna)( mee)?|wat gaat er (nu |dan )?gebeuren|wat (doen|gaan) jullie (nu |dan )?(voor mij )?doen|wat doet (de|die|een) medewerker( dan)?|how does (that|it|this) (work|go)|what happens (now|next)|what will (you|they|the staff member) do)\s*[?!.]*\s*$/i;
/** "wat betekent dat?", "hoe bedoel je?", "what does that mean?": the whole message asks what was just said means. */
const WHAT_MEANS = new RegExp(String.raw`^\s*((en|maar|ok(é|e)?|oke|huh|uh+|eh+|and|but|so)[,?]?\s+)?(${MEANING})\s*[?!.]*\s*$`, 'i');
/** "Is er iets mis?", "heb ik iets fout gedaan?", "is there a problem with my case?": whether something is wrong, the whole message. */
const SOMETHING_WRONG = /^\s*((en|maar|ok(é|e)?|oke|huh|hm+|and|but|so)[,?]?\s+)?(is er (iets|wat|n|een) ?(mis|fout|niet (in orde|goed)|aan de hand|probleem)|klopt er iets niet|wat is er (mis|fout|aan de hand)|heb ik iets (fout|verkeerd) gedaan|(is|was) (something|anything) wrong|is there (something wrong|anything wrong|a problem|an issue)|what'?s wrong|what is wrong|(did|have) i (do|done) (something|anything) wrong)( (met|with) (mijn|m'n|mn|de|die|deze|het|my|the|this|it)( (zaak|aanvraag|kwijtschelding|dossier|case|application|request))?)?(\s+(dan|nou|eigenlijk|then|now))*\s*[?!.]*\s*$/i;
/**
 * "Krijg ik het wel?", "wordt het goedgekeurd?", "will I get it?", "why can't you tell me?" while waiting about a flagged case:
 * the outcome, which the person gives (handoff.next.case_flag), not the answer on payments nor only "Ik heb uw bericht bewaard".
 */
const OUTCOME = /^\s*((en|maar|ok(é|e)?|oke|dus|and|but|so)[,]?\s+)?((krijg|ontvang|kryg) (ik|k) (het|t|die|dat|de kwijtschelding|kwijtschelding|mijn kwijtschelding|het geld)|wordt (het|t|die|dat|mijn aanvraag|mijn kwijtschelding|de aanvraag) (\S+ )?(goedgekeurd|toegekend|afgewezen|geweigerd)|gaat (het|t|dat) (wel )?door|(will|do|shall) i get (it|that|the remission|my remission|the money)|(will|is) (it|that|my application|my request) (going to )?(be )?(approved|granted|rejected|refused|accepted)|why (can'?t|cannot|won'?t) you (just )?tell me|waarom (kun|kan|kunt|mag|wil) (je|jij|u) (me |mij |dat |het )*(niet )(\S+ )?(zeggen|vertellen))(\s+(wel|nou|nu|dan|then|now|or not|of niet))*\s*[?!.]*\s*$/i;
/** The text under `prefix` for the handoff `record` is for (`<prefix>.<reason>.<kind>`, else `<prefix>.<reason>`), if the dialogs have one. */
function keyFor(dialogs: DialogSet, prefix: string, record: { reason: string; kind?: string } | undefined): string | undefined {
  if (!record) return undefined;
  const own = `${prefix}.${record.reason}`;
  if (record.kind && dialogs.texts.has(`${own}.${record.kind}`)) return `${own}.${record.kind}`;
  return dialogs.texts.has(own) ? own : undefined;
}
/** The text that says what happens next (what the person will do). */
const nextKey = (dialogs: DialogSet, record: { reason: string; kind?: string } | undefined) => keyFor(dialogs, 'handoff.next', record);
/** What the citizen can do until the person comes (`handoff.meanwhile.…`), else what the person will do. */
const meanwhileKey = (dialogs: DialogSet, record: { reason: string; kind?: string } | undefined) => keyFor(dialogs, 'handoff.meanwhile', record) ?? nextKey(dialogs, record);

/** "Geen geld voor eten", "no money for nappies": a need today that the wait for a person may not meet. */
export const FOOD = /\b(eten|boodschappen|voedsel|honger|luiers|babyvoeding|melkpoeder|food|groceries|hungry|nappies|diapers|formula)\b/i;
/** What to do until a person can help: "wat moet ik dan doen tot maandag?", "how do I get through the weekend?". */
const MEANWHILE = /\b(wat (moet|kan|moeten|kunnen) (ik|we|wij) (dan |nu |ondertussen |intussen |tot dan |solang |zolang )*doen|tot maandag|(dit|het) weekend( door)?|vandaag nog|vanavond|ondertussen|intussen|what (do|can|should) (i|we) do( now| then| meanwhile| until)?|until monday|(this|the) weekend|meanwhile|tonight)\b/i;
/** "Wat kan ik dan doen?", "what should I do now?": what to do, asked (not "tot maandag" alone). */
const WHAT_TO_DO = /\b(wat (moet|kan|moeten|kunnen) (ik|we|wij) (dan |nu |nou |ondertussen |intussen |tot dan |zelf |al |zolang )*doen|what (do|can|should) (i|we) do)\b/i;
/** A message that asks something: a question word first, or a question mark. */
const ASKS = /^\s*(wat|hoe|waar|wanneer|waarom|wie|welke?|kan|kun|kunt|mag|moet|what|how|where|when|why|who|which|can|could|should|do|does|is|are)\b|\?\s*$/i;

/** A message that only gives a time for the call: "om 10 uur graag", "liever rond 14.00", "can you call at 10?". */
const ONLY_A_TIME = /^\s*((ja|ok(é|e)?|yes|nee|no|graag|liever|maar|en|dan|please|pls|morgen|tomorrow|(op |on )?(maandag|dinsdag|woensdag|donderdag|vrijdag|monday|tuesday|wednesday|thursday|friday)|(kan|kunt|kunnen|could|can) (het|dat|u|jullie|je|you)( (me|mij))?( bellen| call( me)?)?|(bel|call) (me|mij)( maar| dan)?)[,]?\s+)*((om|rond|omstreeks|tegen|na|vanaf|at|around|after|from)\s+)?(half\s+)?\d{1,2}([.:]\d{2})?\s*(uur|u|am|pm|o'?clock)?(\s+(graag|alstublieft|aub|please|pls|dan|maar|svp|'s middags|'s ochtends|in de middag|in de ochtend))*\s*[?!.]*\s*$/i;

/** How long a complaint takes, asked while it waits for a person. */
const COMPLAINT_HOW_LONG = /\b(hoe ?lang|hoe snel|wanneer|binnen hoeveel|how long|how soon|when)\b.*\b(klacht|complaint)|\b(klacht|complaint)\b.*\b(hoe ?lang|hoe snel|wanneer|how long|how soon|when)\b/i;

/** "Het nummer dat jullie al hebben", "same number", "that one": the number the assistant offered. */
const KNOWN_NUMBER = /\b((dat|het|die|hetzelfde|zelfde)\s+(nummer|telefoonnummer)|same\s+(number|one)|the\s+number\s+you\s+have|that\s+(number|one))\b/i;
/** "Nee, niet dat nummer", "mijn nummer is veranderd", "ja maar een ander nummer": not the number offered (a number named, and a no or other to it). */
const NAMES_A_NUMBER = /\b(nummer|telefoonnummer|number|phone|one)\b/i;
const NOT_THAT_NUMBER = /\b(niet|not|no|nee|ander|andere|anders|other|another|different|veranderd|gewijzigd|changed|oud|oude|old|verkeerd|wrong|klopt niet)\b/i;

/**
 * The question for a phone number left for another question ("ik wil mijn IBAN wijzigen", "doei"):
 * a message the classifier is sure of, with no number, yes, no or cancel in it, is that question, not a
 * number written wrong. The citizen stays in the queue; no call is arranged.
 */
export function leaveCallbackQuestion(state: DialogState, msg: string, nlu: ParseResult): DialogState {
  if (state.pending !== 'callback_phone' || nlu.entities.some((e) => e.type === 'phone')) return state;
  if (startsWithYes(msg) || startsWithNo(msg) || cancels(msg) || NAMES_A_NUMBER.test(msg) || nlu.handoffs.length > 0) return state;
  const asksElse = nlu.intent.name !== 'none' && nlu.intent.name !== 'human' && nlu.intent.confidence >= 0.6;
  return asksElse ? { ...state, pending: null } : state;
}

/** "06-12345678", "mijn nummer is 0612345678", "tel: +31 6 1234 5678": a phone number and nothing else. */
const NUMBER_WORDS = /^(\s|[:.,!]|mijn|my|tel|telefoon|telefoonnummer|mobiel|nummer|nr|number|phone|is|it'?s)*$/i;
function onlyANumber(msg: string, nlu: ParseResult): boolean {
  const found = nlu.entities.find((e) => e.type === 'phone');
  return !!found && NUMBER_WORDS.test(msg.slice(0, found.start) + ' ' + msg.slice(found.end));
}

/**
 * "moet ik de gemeente bellen?", "moet ik zelf bellen of bellen jullie mij?", "do i need to call you?": whether the
 * citizen must call, the whole message (not "kan ik nu bellen?", which asks whether they may: call-now.ts).
 */
const MUST_I_CALL = /^\s*((en|ok|oké|oke|dus|maar|so|and|but)[,]?\s+)?((moet|moeten) (ik|wij|we) (dan |nu |nou |nog |zelf |ook |eerst |toch |wel |nog zelf )*((de gemeente|jullie|u|iemand|het loket|de balie|het gemeentehuis) )?(zelf |nog |ook |dan |nu |eerst )*(op)?bellen|(hoef|hoeven) (ik|wij|we) (dan |nu |nog |zelf |ook )*(niet|niks|niets|geen) (zelf )?(te |op te )?bellen|(do|must|should|shall) (i|we) (need to |have to )?(still |also |then |now |first )*(call|phone|ring)|(do|will) (i|we) (need|have) to (still |also |then |now |first )*(call|phone|ring))( (you|you guys|the municipality|the council|the town hall|the office|someone|anyone|them|us))?( (myself|ourselves|now|then|too|as well|first))?( (of|or) .{0,40})?\s*[?!.]*\s*$/i;

/** Effects that answer or end the callback question, or a new handoff with texts of its own. */
const SETTLES_CALLBACK: ReadonlySet<string> = new Set(['callback_request', 'callback_declined', 'handoff_cancel', 'handoff', 'queue_status']);

/**
 * "Zullen we u terugbellen?", then "hoe laat zijn jullie open?" and its answer, then "ja": the yes was
 * lost (the offer had passed), and after "Op welk nummer?" and a question in between the number was
 * kept as a message. The answer to a question in between now ends with the callback question again,
 * once, and it stays open for the next message. Not after a goodbye or thanks, a question of the
 * answer's own, or a handoff.
 */
export function remindCallback(before: DialogState, result: StepResult, msg: string, nlu: ParseResult, mode: HandoffMode | null | undefined, dialogs: DialogSet): StepResult {
  const { callbackAskedAgain, ...state } = result.state;
  const plain = callbackAskedAgain ? { ...result, state } : result;
  if (before.callbackAskedAgain || mode?.state !== 'queued') return plain;
  const leftNumber = before.pending === 'callback_phone' && leaveCallbackQuestion(before, msg, nlu).pending === null;
  const key = leftNumber ? 'callback.ask_phone_again' : mode.awaitingCallbackAnswer && before.pending !== 'callback_phone' ? 'callback.offer_again' : null;
  if (!key || result.replies.length === 0 || state.pending !== null || state.active || result.effects.some((e) => SETTLES_CALLBACK.has(e.type))) return plain;
  if (CLOSING_INTENTS.has(nlu.intent.name) && nlu.intent.confidence >= 0.6) return plain;
  const asked = {
    text: text(dialogs, key, state.lang),
    // As the reply before it read the message ("waarom?" by rule: why), not as the classifier guessed it.
    trace: trace(dialogs, { dialog: 'handoff', step: 'callback_again', intent: result.replies[0]?.trace.intent ?? nlu.intent.name, confidence: result.replies[0]?.trace.confidence ?? nlu.intent.confidence, sources: [{ kind: 'dialog', ref: 'dialogs/flows/handoff.yaml' }] }),
  };
  return { ...result, state: { ...state, callbackAskedAgain: true, pending: leftNumber ? 'callback_phone' : null }, replies: [...result.replies, asked] };
}
const CLOSING_INTENTS: ReadonlySet<string> = new Set(['goodbye', 'thanks']);

export function duringHandoff(state: DialogState, msg: string, nlu: ParseResult, mode: HandoffMode | null | undefined, ctx: StepContext, now: string): StepResult | null {
  const { dialogs } = ctx;
  const say = (key: string, stepName: string, vars?: Record<string, string>) => ({
    text: text(dialogs, key, state.lang, vars),
    trace: trace(dialogs, { dialog: 'handoff', step: stepName, intent: nlu.intent.name, confidence: nlu.intent.confidence, sources: [{ kind: 'dialog', ref: 'dialogs/flows/handoff.yaml' }] }),
  });
  const phone = nlu.entities.find((e) => e.type === 'phone')?.value;
  // "ik hoef geen mens meer, ik wil er niet meer zijn", "laat maar, ik wil dood": a crisis is never a
  // cancel or a no to a callback. The step hands it on as a crisis (a wait already open gets its priority).
  const crisis = nlu.handoffs.some((h) => h.reason === 'distress');

  if (state.pending === 'callback_phone' && !crisis) {
    if (phone) {
      return { state: { ...state, pending: null, facts: { ...state.facts, phone } }, replies: [], effects: [callbackRequest(phone, nlu, ctx, now)] };
    }
    // "can you text me instead" to the question for the number: no call, but on by SMS (not "Ik zie geen telefoonnummer").
    if (mode?.state === 'queued' && TEXT_ME.test(msg)) return { state: { ...state, pending: null }, replies: [], effects: [{ type: 'issue_link_code', waiting: true }] };
    // "ja", "het nummer dat jullie al hebben" to the offer of the number already known; "niet dat nummer",
    // "ja maar een ander nummer": asked for the other one.
    if (state.facts.phone && NAMES_A_NUMBER.test(msg) && NOT_THAT_NUMBER.test(msg)) {
      return { state, replies: [say('callback.ask_phone', 'callback_phone')], effects: [] };
    }
    if (state.facts.phone && (startsWithYes(msg) || KNOWN_NUMBER.test(msg))) {
      return { state: { ...state, pending: null }, replies: [], effects: [callbackRequest(state.facts.phone, nlu, ctx, now)] };
    }
    // "nee morgen pas", "later please": a call, but not now. The wish stays in the transcript for the caseworker.
    if (LATER.test(msg) && !cancels(msg)) return { state, replies: [say('callback.later', 'callback_phone')], effects: [] };
    if (startsWithNo(msg) || cancels(msg)) {
      // No to our offer of a callback goes to the handoff service; no to the number after asking for a callback ourselves just stays in line.
      if (mode?.awaitingCallbackAnswer) return { state: { ...state, pending: null }, replies: [], effects: [{ type: 'callback_declined' }] };
      // Closed now: "Een medewerker helpt u hier" would read as soon, on a Saturday night; say when.
      const closed = !!ctx.officeHours && !isOpen(ctx.officeHours, new Date(now));
      return { state: { ...state, pending: null }, replies: [say(closed ? 'callback.declined_after_hours' : 'callback.not_needed', 'callback_phone')], effects: [] };
    }
    return { state, replies: [say('callback.reprompt_phone', 'callback_phone')], effects: [] };
  }
  // "kan ik het later nog eens proberen?" after the lock, when no person is coming (any more).
  if (!mode || mode.state === 'ended') return crisis ? null : tryAgainLater(state, msg, nlu, ctx, now, false);
  // While a person holds the conversation, the assistant says nothing: that person reads it. But a
  // crisis gets the crisis line at once (day and night, CONTRACTS §2), and the handoff that person holds
  // becomes one for distress, with its priority and the words as evidence (no second handoff).
  if (mode.state === 'active') {
    const signal = nlu.handoffs.find((h) => h.reason === 'distress');
    if (!signal) return { state, replies: [], effects: [] };
    const record = { reason: 'distress' as const, evidence: signal.evidence, priority: HANDOFF_PRIORITY.distress, at: now };
    return { state: { ...state, handoffs: [...state.handoffs, record] }, replies: [say('handoff.crisis_with_caseworker', 'crisis_with_caseworker')], effects: [{ type: 'handoff', record }] };
  }
  if (crisis) return null;
  // A wait for a crisis is not ended by "laat maar", "annuleren" or a no to the callback: it stays open,
  // and the crisis line is said again.
  const forCrisis = state.handoffs.some((h) => h.reason === 'distress');
  // A plain no to the call is recorded (the offer is not made again); the handoff service answers it
  // with the crisis line (callback.declined_*_crisis): "nee" may mean calling is not safe.
  if (forCrisis && mode.awaitingCallbackAnswer && startsWithNo(msg) && !cancels(msg)) return { state, replies: [], effects: [{ type: 'callback_declined' }] };
  if (forCrisis && (cancels(msg) || (mode.awaitingCallbackAnswer && startsWithNo(msg)))) {
    return { state, replies: [say(withKind(dialogs, state.handoffs, 'handoff.crisis_stays'), 'crisis_stays')], effects: [] };
  }
  // "hallo", "goedemiddag" while waiting: not the welcome, as if nothing had been said, but where the
  // wait stands (after a crisis with the crisis line: handoff.already_queued_crisis).
  if (mode.state === 'queued' && nlu.intent.name === 'greeting' && nlu.intent.confidence >= 0.6 && !ASKS.test(msg) && nlu.handoffs.length === 0) return { state, replies: [], effects: [{ type: 'queue_status' }] };
  // "Waarom moet ik met iemand praten?" while waiting after a crisis: why, not who is there now.
  if (forCrisis && mode.state === 'queued' && asksWhyOfAPerson(msg)) return explainCrisisWait(state, dialogs);
  // "Ik wil nu iemand spreken" while waiting after a crisis: not "Natuurlijk, ik zorg dat een medewerker u
  // helpt" when none may come before the office opens. Who is there now (113, 112), then the wait itself.
  if (forCrisis && mode.state === 'queued' && nlu.handoffs.some((h) => h.reason === 'explicit_request')) {
    return { state, replies: [say('handoff.crisis_person_now', 'crisis_person_now')], effects: [{ type: 'queue_status' }] };
  }

  if (mode.awaitingCallbackAnswer) {
    if (startsWithYes(msg) || phone) {
      const known = phone ?? state.facts.phone;
      if (known) return { state: { ...state, facts: { ...state.facts, phone: known } }, replies: [], effects: [callbackRequest(known, nlu, ctx, now)] };
      return { state: { ...state, pending: 'callback_phone' }, replies: [say('callback.ask_phone', 'callback_phone')], effects: [] };
    }
    if (startsWithNo(msg)) return { state, replies: [], effects: [{ type: 'callback_declined' }] };
  }
  // "06-12345678" alone, some messages after the offer of a callback: the number to call.
  if (mode.state === 'queued' && mode.callbackOffered && phone && onlyANumber(msg, nlu)) {
    return { state: { ...state, facts: { ...state.facts, phone } }, replies: [], effects: [callbackRequest(phone, nlu, ctx, now)] };
  }
  // "om 10 uur graag", "kan het om 14.00?" once a callback is booked: the call moved to that time.
  if (mode.state === 'queued' && mode.callbackBooked && state.facts.phone && !crisis && ONLY_A_TIME.test(msg) && askedMinute(msg) !== null) {
    return { state, replies: [], effects: [callbackRequest(state.facts.phone, nlu, ctx, now)] };
  }
  // "kan het ook morgen?", "liever vanmiddag" once a callback is booked: a day, no time; which time (then the line above moves it).
  if (mode.state === 'queued' && mode.callbackBooked && state.facts.phone && LATER.test(msg) && askedMinute(msg) === null && msg.trim().split(/\s+/).length <= 6 && !CANCEL.test(msg)) {
    return { state, replies: [say('callback.which_time', 'callback_which_time')], effects: [] };
  }
  // "laat maar, ik wacht wel", "nee ik wil niet annuleren", "ok dan wacht ik nog even": staying, so where the wait stands.
  if (mode.state === 'queued' && STAYS.test(msg)) return { state, replies: [], effects: [{ type: 'queue_status' }] };
  if (cancels(msg)) {
    // With a question after it ("laat maar, wat is de status van …?") the step answers that next: no "Wat wilt u weten?".
    const key = WILL_CALL.test(msg) ? 'handoff.cancelled_call' : cancelsThenAsks(msg, nlu) ? 'handoff.cancelled_short' : 'handoff.cancelled';
    return { state, replies: [say(key, 'cancelled')], effects: [{ type: 'handoff_cancel' }] };
  }
  // "Kan ik ook schriftelijk klagen?", "is dit anoniem?" while a complaint waits: the answer, not only the wait.
  const aboutComplaint = complaintQuestion(state, msg, nlu, mode, dialogs);
  if (aboutComplaint) return aboutComplaint;
  // "Hoe lang duurt het voordat mijn klacht behandeld is?": the answer to a complaint comes within six
  // weeks (Awb 9:11), not in the minutes of the queue; both are said. A complaint being withdrawn has its
  // own course (handoff.next.complaint.withdraw): nothing more happens with it.
  if (mode.state === 'queued' && state.handoffs.at(-1)?.reason === 'complaint' && (COMPLAINT_HOW_LONG.test(msg) || COMPLAINT_NEXT.test(msg) || WHAT_NEXT.test(msg))) {
    const own = nextKey(dialogs, state.handoffs.at(-1));
    return { state, replies: [own ? say(own, 'what_next') : say('handoff.complaint_how_long', 'complaint_how_long')], effects: [{ type: 'queue_status' }] };
  }
  // "Hoe gaat dat?" after debt help: what the person of debt support will do, and where the wait stands.
  // So does "wat betekent dat?" right after a case flagged for a person, which got the answer on payments.
  const flagged = state.handoffs.at(-1)?.reason === 'case_flag' && state.lastAnswer?.trace.step === 'case_flag' && WHAT_MEANS.test(msg);
  const outcome = state.handoffs.at(-1)?.reason === 'case_flag' && OUTCOME.test(msg);
  const next = mode.state === 'queued' && (WHAT_NEXT.test(msg) || flagged || outcome) ? nextKey(dialogs, state.handoffs.at(-1)) : undefined;
  if (next) return { state, replies: [say(next, 'what_next')], effects: [{ type: 'queue_status' }] };
  // "Is er iets mis?" while waiting about a flagged case: what the assistant can see (not why), not only "Ik heb uw bericht bewaard".
  const wrong = mode.state === 'queued' && SOMETHING_WRONG.test(msg) ? keyFor(dialogs, 'handoff.something_wrong', state.handoffs.at(-1)) : undefined;
  if (wrong) return { state, replies: [say(wrong, 'something_wrong')], effects: [{ type: 'queue_status' }] };
  // Before the wait itself: "wat moet ik nu doen?" asks what to do, which these answer where they can.
  // "Wat moet ik dan doen tot maandag?" while waiting with money worries: where to get food meanwhile.
  // "Where can I get food?" itself, whatever the money worry was.
  const hardship = state.handoffs.filter((h) => h.reason === 'financial_hardship');
  if (mode.state === 'queued' && ASKS.test(msg) && ((hardship.some((h) => FOOD.test(h.evidence)) && MEANWHILE.test(msg)) || (hardship.length > 0 && FOOD.test(msg)))) {
    return { state, replies: [say('handoff.hardship_meanwhile', 'hardship_meanwhile')], effects: [{ type: 'queue_status' }] };
  }
  // "Wat moet ik doen?" while waiting for debt help with the bailiff at the door: what to do until then.
  if (mode.state === 'queued' && hardship.some((h) => h.kind === 'bailiff' || BAILIFF.test(h.evidence)) && MEANWHILE.test(msg) && ASKS.test(msg)) {
    return { state, replies: [say('handoff.bailiff_meanwhile', 'bailiff_meanwhile')], effects: [{ type: 'queue_status' }] };
  }
  // "Wat kan ik dan doen?" while waiting for any other help: what the citizen can do meanwhile where the
  // dialogs say it (handoff.meanwhile.<reason>), else what the person will do; not only "Ik heb uw bericht bewaard".
  // "kan ik het later nog eens proberen?" while waiting after three failed checks: when it can be tried, and the person coming.
  const later = mode.state === 'queued' ? tryAgainLater(state, msg, nlu, ctx, now, true) : null;
  if (later) return later;
  // "can you text me instead": on by SMS with the link code, or, with no other channel, that a person answers here.
  if (mode.state === 'queued' && !forCrisis && TEXT_ME.test(msg)) return { state, replies: [], effects: [{ type: 'issue_link_code', waiting: true }] };
  // "ik wacht al een uur!": sorry, and where the wait stands (not only "Ik heb uw bericht bewaard"). Anger with it is the lexicon's.
  if (mode.state === 'queued' && !forCrisis && nlu.handoffs.length === 0 && WAITED_LONG.test(msg)) return { state, replies: [say('handoff.sorry_long_wait', 'sorry_long_wait')], effects: [{ type: 'queue_status' }] };
  // "kan ik later terugkomen?", "ik heb geen tijd meer": yes, the place is kept (a wait after a crisis keeps its line: kept).
  if (mode.state === 'queued' && !forCrisis && COME_BACK.test(msg) && !CANCEL.test(msg)) return { state, replies: [say('handoff.come_back_later', 'come_back_later')], effects: [] };
  const meanwhile = mode.state === 'queued' && WHAT_TO_DO.test(msg) ? meanwhileKey(dialogs, state.handoffs.at(-1)) : undefined;
  if (meanwhile) return { state, replies: [say(meanwhile, 'meanwhile')], effects: [{ type: 'queue_status' }] };
  if (mode.state === 'queued' && (ASKS_THE_WAIT.test(msg) || WAITS_FOR_ANSWER.test(msg))) return { state, replies: [], effects: [{ type: 'queue_status' }] };
  // "moet ik de gemeente bellen?" while waiting (a death told): no, a person contacts them; they may still call.
  // Not after a crisis, whose wait names the crisis line.
  if (mode.state === 'queued' && !forCrisis && MUST_I_CALL.test(msg)) {
    const closed = !!ctx.officeHours && !isOpen(ctx.officeHours, new Date(now));
    return { state, replies: [say(closed ? 'handoff.no_need_to_call_closed' : 'handoff.no_need_to_call', 'no_need_to_call')], effects: [] };
  }
  // "kan ik nu bellen?" while waiting, and we are open: yes, the number, and where the wait stands (it was kept without a word).
  const callNow = mode.state === 'queued' ? callNowWhileWaiting(state, msg, nlu, ctx, now) : null;
  if (callNow) return { ...callNow, effects: [{ type: 'queue_status' }] };
  // "doei" while waiting: the place in the queue is not given up unasked, but the citizen hears it is kept, and how to give it up.
  // A question is no goodbye, whatever "tot maandag" in it made of it.
  if (mode.state === 'queued' && nlu.intent.name === 'goodbye' && nlu.intent.confidence >= 0.6 && !ASKS.test(msg)) return { state, replies: [say('handoff.goodbye_waiting', 'goodbye_waiting')], effects: [] };
  // "bedankt" while waiting: not "U kunt ook altijd een medewerker spreken" (one is coming), but where the wait stands.
  if (mode.state === 'queued' && ONLY_THANKS.test(msg)) return { state, replies: [say('handoff.thanks_waiting', 'thanks_waiting')], effects: [{ type: 'queue_status' }] };
  return null;
}
