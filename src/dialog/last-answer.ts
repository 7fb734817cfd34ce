/**
 * What the assistant last answered: which intent, whether it was a plain answer (so a follow-up the
 * assistant cannot place is about it), and the questions about that answer it can answer from its own
 * sentences (how, where, what to bring, what it costs…). Which sentences go with one picked is in
 * answer-sentences.ts, questions about time in time-in-answer.ts, about what one needs in needed-in-answer.ts, the ways to
 * do something in ways-in-answer.ts. Pure, like step.ts.
 */
import { text, trace } from './texts.ts';
import type { ParseResult } from '../nlu/types.ts';
import type { DialogSet, DialogState, IntentDef, StepResult } from './types.ts';
import { BARE_COST, PAY_ANYTHING, wordCount } from './variants.ts';
import { justAsked } from './concern.ts';
import { disagreesNow } from './case-answers.ts';
import { costSentences, GOES_ON, lastAnswered, lastText, onTopic, parkingInAnswer, PLACE, quoteKey, sameTopic, sentencesOf, withConditions } from './answer-sentences.ts';
import { deadlineInAnswer, sinceInAnswer, timeInAnswer, timeUnknown } from './time-in-answer.ts';
import { asksAWay, CHANNEL, ONLY_CALL, SAYS_HOW, WAYS } from './ways-in-answer.ts';
import { APPOINTMENT, BRING, COME_MYSELF, FORM_ASKED, IN_PERSON, NEED_APPOINTMENT, neededInAnswer, ownAppointment, SAYS_NEEDED, thingAsked, wayWithoutDesk, WHAT_NEEDED, WHAT_TO_BRING, addressInAnswer } from './needed-in-answer.ts';

/** A thanks or goodbye closes the contact (and asks for feedback). */
export const CLOSING: ReadonlySet<string> = new Set(['goodbye', 'thanks']);


/**
 * For "kan dat ook per mail?", "can I do it online?" right after an answer: the sentences of that
 * answer that say how or where to do it, or null when the message asks no such thing or it says none.
 */
function howInAnswer(state: DialogState, dialogs: DialogSet, msg: string): string | null {
  const last = lastAnswered(state, dialogs);
  if (!last?.answer) return null;
  // "Moet ik dat doorgeven?" after an answer that says to report it: that sentence.
  const asked = ASKED_OF_ANSWER.find(([q]) => q.test(msg));
  // "moet ik zelf komen?" right after the passport's fees: the topic's "u komt zelf naar de balie", not where one pays
  // ("aan de balie, met uw pinpas"). An answer that says it itself is quoted below, with the sentence on the desk.
  const elsewhere = asked?.[0] === COME_MYSELF && sentencesOf(lastText(state, last), (x) => IN_PERSON.test(x)).length === 0;
  const inPerson = elsewhere ? onTopic(state, dialogs, last, (x) => IN_PERSON.test(x)) : [];
  if (inPerson.length > 0) return inPerson[0]!;
  if (asksAWay(msg) && asked?.[0] !== WHICH_TOWN) {
    // The way asked about ("kan ik het ook ophalen?": the desk), with the sentence that goes on from it ("Maak daarvoor eerst een afspraak").
    // Its own words first ("ophalen"), in this answer or the same topic's answer elsewhere (the fees of an
    // extract, then the extract itself); then any sentence that names that way ("aan de balie").
    const way = WAYS.find(([q]) => q.test(msg))?.[1] ?? [];
    const said = [lastText(state, last), ...sameTopic(state, dialogs, last)];
    for (const words of way) {
      for (const text of said) {
        const all = sentencesOf(text, () => true);
        // A sentence that goes on from the one before it ("Maak daarvoor eerst een afspraak via www.voorbeeld.nl") is
        // that one's step: "kan dat online?" after the extract got it beside the online application, as if that needed an appointment.
        // ("Heeft u geen DigiD? Dan kan het ook aan de balie." is a condition and its answer: that one is said, with its question.)
        const at = all.flatMap((x, i) => (words.test(x) && !(i > 0 && GOES_ON.test(x) && !words.test(all[i - 1]!) && !all[i - 1]!.trim().endsWith('?')) ? [i] : []));
        // So does the answer to a sentence that asks ("Wilt u grofvuil laten ophalen? Maak een afspraak …"): the question alone answers nothing.
        const goesOn = (i: number): boolean => i + 1 < all.length && (GOES_ON.test(all[i + 1]!) || all[i]!.trim().endsWith('?'));
        // A way said for a case ("Lukt het niet? Bel 14 0123 …"), with that case: not as if the move could be reported by phone.
        const asked = (i: number): number[] => (i > 0 && all[i - 1]!.trim().endsWith('?') && !at.includes(i - 1) ? [i - 1, i] : [i]);
        if (at.length > 0) return withConditions(text, [...new Set(at.flatMap((i) => (goesOn(i) ? [i, i + 1] : [i])))].slice(0, 2).flatMap(asked).map((i) => all[i]!)).join(' ');
      }
    }
    // A variant that says nothing on how (how long an objection takes): its intent's own answer does.
    const found = [lastText(state, last), last.answer[state.lang]].map((said) => sentencesOf(said, (x) => SAYS_HOW.test(x))).find((xs) => xs.length > 0) ?? [];
    // "Bel 14 0123." beside a sentence on how: the reply ends with that number anyway.
    const sentences = found.some((x) => !ONLY_CALL.test(x)) ? found.filter((x) => !ONLY_CALL.test(x)) : found;
    return sentences.length > 0 ? sentences.slice(0, 2).join(' ') : null;
  }
  // "Wat kan ik eraan doen?": the first sentence that says to do something (a phone call only when none
  // else does), with the question it answers before it and a next step after it ("Bel daarna 14 0123").
  // Not right after "gaat het goed met u?": there "wat moet ik doen?" may be despair, not about the answer.
  if (asked?.[0] === WHAT_CAN_I_DO) {
    if (justAsked(state)) return null;
    const all = sentencesOf(lastText(state, last), () => true);
    const first = all.findIndex((x) => ACTION.test(x) && !ONLY_CALL.test(x));
    const at = first >= 0 ? first : all.findIndex((x) => ACTION.test(x));
    if (at < 0) return null;
    // "Doe dat binnen 6 weken" points back at the sentence before it, as a step answers its question.
    const from = at > 0 && (all[at - 1]!.trim().endsWith('?') || POINTS_AT.test(all[at]!)) ? at - 1 : at;
    return withConditions(lastText(state, last), all.slice(from, NEXT_STEP.test(all[at + 1] ?? '') ? at + 2 : at + 1)).join(' ');
  }
  // "En als het er niet is?": the answer's own question on that ("Is er niets betaald …?") and what it says to do.
  // With the step after it ("Bel daarna 14 0123").
  if (asked?.[0] === IF_NOT) {
    const all = sentencesOf(lastText(state, last), () => true);
    const at = all.findIndex((x) => IF_NOT_SENTENCE.test(x));
    return at >= 0 ? all.slice(at, NEXT_STEP.test(all[at + 2] ?? '') ? at + 3 : at + 2).join(' ') : null;
  }
  // "Heb ik een foto nodig?": the sentence that names the photo among what to bring or need; else as asked ("do i need appointment").
  const thing = thingAsked(msg);
  if (thing) {
    const needed = neededInAnswer(state, dialogs, last, thing);
    if (needed.length > 0) return needed.slice(0, 1).join(' ');
  }
  const found = asked ? onTopic(state, dialogs, last, (x) => asked[1].test(x)) : [];
  // "Waar?" after the opening hours: the desk's address, not the phone number.
  // "Waar stuur ik die heen?": of those, the one on sending or bringing (the address), not the upload site.
  const where = asked?.[0] === HOW_ONLY && WHERE.test(msg);
  const placed = where ? found.filter((x) => PLACE.test(x)) : [];
  const sent = where && SENDS.test(msg) ? onTopic(state, dialogs, last, (x) => PLACE.test(x) && SENDS.test(x)) : [];
  const places = sent.length > 0 ? sent : placed;
  // "how do i report it?" after the answer on waste: its sentence on reporting ("Report it on www.voorbeeld.nl/melding"),
  // with the question it answers, not the first that names a website (the appointment for bulky waste).
  // (Before a place: "where do i report it?" is that sentence too.)
  const reported = asked?.[0] === HOW_ONLY && REPORTS.test(msg) ? found.filter((x) => REPORTS.test(x)) : [];
  if (reported.length > 0) {
    const all = sentencesOf(lastText(state, last), () => true);
    const before = all[all.indexOf(reported[0]!) - 1];
    return (before?.trim().endsWith('?') ? [before, reported[0]!] : [reported[0]!]).join(' ');
  }
  const sentences = places.length > 0 ? places : found;
  if (WHERE_IS.test(msg) && !places.some((x) => ADDRESS.test(x))) return null;
  // The sentences may come from the same topic's answer elsewhere (onTopic): their conditions are there.
  const said = [lastText(state, last), ...sameTopic(state, dialogs, last)].join(' ');
  return sentences.length > 0 ? withConditions(said, sentences.slice(0, asked![2])).join(' ') : null;
}

/** "Moet ik dat doorgeven?", "do I need to report that?": whether to report something. */
const MUST_I_REPORT = /\b(moet ik (dat|het|dit|die) (ook |zelf |nog |wel )?(doorgeven|melden|laten weten)|(do|must) i (need|have) to (report|tell you|let you know)|should i (report|tell you))\b/i;
/** A sentence of an answer that says to report it ("Geef het meteen door …", "Report it …"). */
const REPORT = /\b(geef|geeft|doorgeven|door\b|meld|melden|report|tell us|let us know)\b/i;

/** "Moet ik dat hier doorgeven?", "do I report it here?": whether to report it to this municipality or another. */
const WHICH_TOWN = /\b(moet|kan|mag) ik (dat|het|dit|die) (ook |dan |wel )?(hier|bij jullie|bij u|aan jullie|aan u|bij deze gemeente|bij de gemeente|bij de nieuwe gemeente|bij mijn nieuwe gemeente) (doorgeven|melden)|bij welke gemeente|(do|must|should|can) i (report|register) (it|that|this) (here|with you|to you)|which (municipality|council)\b/i;
/** A sentence that says to report it to a municipality ("Dan geeft u het door aan uw nieuwe gemeente."). */
const TO_TOWN = { test: (x: string): boolean => REPORT.test(x) && /\b(gemeente|municipality|council)\b/i.test(x) && !x.trim().endsWith('?') };

/** "Moet hij mee?", "does my daughter have to come along?": whether the child the answer is about comes along. */
const COMES_ALONG = /\b(moet|mag|hoeft) (hij|zij|ze|het kind|mijn kind|mn kind|mijn zoon|mijn dochter|de baby|mijn baby) (zelf |ook |dan |echt |wel |er )*(mee|meekomen|mee komen|bij zijn|erbij zijn)\b|\b(does|must|should|do) (he|she|my child|my son|my daughter|the child|the baby|my baby) (also |really |have to |need to |)(come|be there)( along| with me| too)?\b/i;
/** A sentence that says who comes along ("Uw kind komt zelf mee, ook een baby."). */
const ALONG = /\b(komt|komen) [^.?]*\bmee\b|\bcomes? along\b/i;

/**
 * "hoe maak ik een afspraak?" right after an answer that says where to make one of its own ("Maak een afspraak op
 * www.voorbeeld.nl/grofvuil of bel 14 0123."): that sentence. It got the office hours and the desk's appointments.
 */
export function appointmentAsked(state: DialogState, dialogs: DialogSet, nlu: ParseResult): StepResult | null {
  const sentence = ownAppointment(state, dialogs, nlu.text);
  return sentence ? quoting(state, dialogs, nlu, 'how_in_answer', 'answer.time_in_answer', sentence) : null;
}
/**
 * "What do I need to send?", "which documents do i need", "wat moet ik opsturen?": what goes with the application
 * the answer is about. After the answer on bijzondere bijstand ("Send the bill or quote, and proof of your income")
 * it got the general answer on documents ("Often it is a valid ID and proof of income").
 */
const WHAT_TO_SEND = /^\s*((en|maar|ok(é|e|ay)?|and|but|so)[,]?\s+)?(what (do|should|must|shall) (i|we) (need to |have to )?(send|upload|attach|include|hand in|submit)( with it| along| in)?|what (papers|documents|proof|docs)( do (i|we) (need|have to send|need to send|send))?|which (papers|documents|proof|docs)( do (i|we) (need|have to send|need to send|send))?|(wat|welke (papieren|documenten|stukken|bewijzen)) (moet|moeten) (ik|we|wij) (op|mee|in)?sturen|welke (papieren|documenten|stukken|bewijzen) (heb ik nodig|moet ik (op|mee|in)?sturen|moet ik uploaden)|wat moet ik (erbij |daarbij )?(meesturen|uploaden))\s*[?!.]*\s*$/i;
/**
 * A sentence that says what to send ("Send the bill or quote, and proof of your income", "Stuur de rekening … mee"), or
 * who tells it; or what to bring ("Bring a good passport photo …": "what documents do i need" after the passport got
 * the general answer on documents too).
 */
const SEND_WHAT = { test: (x: string): boolean => SENDS_WHAT.test(x) || (BRING.test(x) && !x.trim().endsWith('?')) };
const SENDS_WHAT = /^(?!.*\?\s*$)(?:(stuur|send)\b(?!.*\b(brief|bericht|e-?mail|letter|message|bezwaar|objection)\b)|.*\b(wat u moet sturen|welke papieren u moet sturen|what to send|which papers to send)\b)/i;
/** "Hoe vraag ik dat aan?", "how do I apply?": where or how to apply. */
const HOW_APPLY = /\b(hoe (vraag|kan|moet) (ik )?((dat|het|die|deze|hem) )?(aan|aanvragen)|waar (vraag|kan) ik ((dat|het|die) )?(aan|aanvragen)|how (do|can) i apply|where (do|can) i apply)\b/i;
/**
 * A sentence that says where to apply: a word of applying and a place (a website, the phone, the desk).
 * Not a question ("Vraagt u hem aan de balie aan? Dan staat de prijs op …" says what it costs there).
 */
const APPLY = new RegExp(String.raw`^(?!.*\?\s*$)(?=.*\b(vraag|vraagt|aanvragen|apply)\b)(?=.*${CHANNEL.source})`, 'is');
/** "Wat moet ik erin zetten?", "what do I write?": what a letter (an objection) must say. */
const WHAT_TO_WRITE = /\b(wat (moet|moeten|zet|schrijf) (ik|we|wij) (er )?(allemaal |dan |precies )?(in|erin|in de brief|in het bezwaar|in mijn bezwaar)( zetten| schrijven| vermelden| noemen)?|wat (moet|moeten) er (allemaal |precies )?in( staan)?|what (do|should|must) (i|we) (write|put|say|mention)( in it| in the letter| in the objection)?|what should it say)\b/i;
const WRITE = /\b(schrijf|schrijft|vermeld|vermeldt|noem|write|mention|state)\b/i;
/** A sentence on the way to do it, or on what to write ("U kunt dat doen via … of met een brief …", "Schrijf erin …"): whether there is a form. */
const A_WAY = { test: (x: string): boolean => (SAYS_HOW.test(x) && !ONLY_CALL.test(x)) || WRITE.test(x) };
/**
 * "Hoe?", "hoe doe ik dat?", "waar doe ik dat?", "how?": how or where to do what the answer says (its sentences on where: CHANNEL).
 * "waar is dat?" after the opening hours: the desk's address, not all the hours again and the offer of a person.
 * "waar stuur ik de brief heen?" after the objection answer: where that letter goes, not the papers answer the classifier reads.
 * "waar moet ik heen?", "where do i have to go?" right after the passport got the whole opening hours: the desk it names.
 */
const HOW_ONLY = /^\s*((en|maar|ok(é|e)?|and|but)[,]?\s+)?(hoe( dan| precies)?|waar( dan| precies)?|waar (moet|kan|mot) ik (dan |daarvoor |ervoor |voor )*(heen|naartoe|naar toe|zijn)( dan| precies)?|where (do|should|must|can) i (have to |need to )?go( then| for (it|that|this))?|waar (doe|moet|kan) ik (dat|het|dit)( dan)?( doen| regelen| doorgeven| melden| aanvragen| inleveren| opgeven|( naartoe| heen)? (sturen|opsturen|brengen))?|waar (moet|kan) (dat|het)( dan)?|(waar (is|zit) dat|where is that)( dan| precies| ergens| then| exactly)?|where( then| exactly)?|where (do|can|should) i (do|report|send|submit|hand in|take|bring) (that|it|this|them|those)( to)?|waar (stuur|breng|lever) ik (het|dat|die|ze|dit|hem|deze|(de|die|mijn) (brief|papieren|formulier|documenten|stukken)) (dan |precies )?(heen|naartoe|in|af)|where (do|can|should) i (send|take|bring) (the|my) (letter|papers|documents|form)( to)?|hoe (doe|moet|kan) ik (dat|het)( doen)?|waar meld ik (het|dat|dit|die|hem)( dan)?|hoe (moet|werkt|gaat) (dat|het)( dan)?|hoe (stuur|lever|breng|geef|meld|regel|doe|verzet|annuleer|wijzig|verander|zeg|vraag) ik (het|dat|die|ze|dit|hem)( dan)?( op| in| aan| door| af| langs)?|how( then| exactly)?|how (do|can) i do (that|it)|how (do|can|should) i (send|submit|hand in|deliver|report) (it|that|them|this)( in)?|how does (that|it) work)\s*[?!.]*\s*$/i;
const WHERE = /\b(waar|where)\b/i;
/** Reporting something (a broken bin): "hoe meld ik dat?", "how do I report it?", and a sentence that says where ("Meld het op …"). */
const REPORTS = /\b(meld|melden|report)\b/i;
/** "Waar is dat?": where the place is, which only an address answers (else the place's own answer, with its address). */
const WHERE_IS = /^\s*((en|maar|ok(é|e)?|and|but)[,]?\s+)?(waar (is|zit) dat|where is that)\b/i;
const ADDRESS = /\b\d{4} ?[A-Z]{2}\b/;
const SENDS = /\b(stuur|sturen|opsturen|stuurt|breng|brengen|langsbrengen|send|post|bring)\b/i;
/** "Wat als …", "en wat als …", "what if …": a case asked about, with no question word of its own (namedInAnswer). */
const WHAT_IF_START = /^\s*((en|maar|and|but|ok(é|e|ay)?)[,]?\s+)?(wat als|what if)\s/i;
/** "what about …", "how about …": a thing named, no question of its own ("hoe zit het met …" asks as "hoe" does). */
const WHAT_ABOUT_START = /^\s*((en|maar|and|but|ok(é|e|ay)?)[,]?\s+)?(what about|how about)\s/i;
/** A question or a request ("moet ik aangifte doen?", "ik wil dat jullie alles verwijderen", "do I need to go to the police?", "wat als ik hem kwijt ben"). */
const ASKS_YES_NO = new RegExp(String.raw`\?\s*$|${WHAT_IF_START.source}|^\s*((en|maar|and|but)[,]?\s+)?(moet|moeten|kan|kun|kunnen|mag|mogen|is|zijn|heb|hebben|wordt|word|krijg|ik wil|ik zou|do|does|did|can|could|must|should|is|are|have|has|will|need|i want|i'd like|i would like)\b`, 'i');
/** "Wat kost dat?", "is het gratis?", "hoeveel kost t" (SMS for "het"), "do I have to pay for it?": the price of what was just answered, pointing back. */
const POINTING_COST = String.raw`^\s*((en|maar|ok(é|e)?|and|but|so)[,]?\s+)?((wat|hoeveel) (kost|kosten) (dat|het|dit|die|deze|'?t)( dan| ook| nog| eigenlijk)?|how much then|is (dat|het|dit|'?t) gratis|kost (dat|het|dit|'?t) (iets|geld)|moet ik (daar|ervoor|er) (voor )?betalen|(${PAY_ANYTHING})( anything| something)?( for (it|that)| still| now| more)?|what does (it|that|this) cost|(does|will) (it|that|this|registering) cost (anything|something|money|me anything)|how much (is|does) (it|that|this)( cost)?|is (it|that|this) free|is there anything (left |else |more )?to pay|do i owe (you )?anything)\s*[?!.]*\s*$`;
/** A cost question about the answer just given: bare ("kosten?", variants.ts BARE_COST) or pointing back. */
const WHAT_COST = new RegExp(`${BARE_COST.source}|${POINTING_COST}`, 'i');
/** A sentence that says what something costs ("… kost €…", "Het is gratis", "fees"). */
export const asksCost = (msg: string): boolean => WHAT_COST.test(msg);
/** "Wie moet ik dan bellen?", "welk nummer kan ik bellen?", "who do I call?": whom the answer says to call. */
const WHO_TO_CALL = /^\s*((ja|ok|oké|oke|en|maar|yes|and|but)[,]?\s+)?((wie|welk nummer|welke instantie|waar) (moet|kan|kun) ik (dan |daarvoor |hiervoor |het beste )?(bellen|bel|heen bellen)|(who|what number|which number) (do|should|can|must) i (call|phone|ring))\b[^?]{0,20}\??\s*$/i;
/** "Kan ik (ze) bellen?", "can i call them?": only that, about the number the answer named (not "kan ik iemand bellen?"). */
const CAN_I_CALL = /^\s*((ja|ok|en|maar|yes|and|but)[,]?\s+)?((kan|mag|kun) ik (ook |dan |daar |die |ze |hen )*(op)?bellen|(can|may|could) i (also |just )?(call|phone|ring)( (them|that number|there))?( too| instead)?)\s*[?!.]*\s*$/i;
/** A sentence that says whom to call ("… of bel 14 0123", "Bel dan de politie: 0900-8844"). */
const CALL = /\b(bel|bellen|call|phone)\b/i;
export const asksWhoToCall = (msg: string): boolean => WHO_TO_CALL.test(msg) || CAN_I_CALL.test(msg);
/** Only "kan ik bellen?", "can I call?" (not "kan ik 113 bellen?", "kan ik iemand bellen?"). */
export const asksCanICall = (msg: string): boolean => CAN_I_CALL.test(msg);
/** "En als het er niet is?", "wat als het niet komt?", "and if it doesn't come?": what the answer says for when it does not. */
const IF_NOT = /^\s*((ok(é|e)?|ja|yes|so)[,]?\s+)?((en|maar|and|but)[,]?\s+)?(als|wat als|stel dat|what if|if)\s+(het|hij|ze|die|dat|het geld|it|they|the money)\s+(er\s+)?(niet|nog niet|not|doesn'?t|does not|isn'?t|is not|hasn'?t|has not)\b[^?]{0,30}\??\s*$/i;
/** "En als het er niet is?", "what if it hasn't arrived?": what if the thing the answer spoke of does not come. */
export const asksIfNot = (msg: string): boolean => IF_NOT.test(msg);
/** A sentence of an answer that asks for that case itself ("Is er niets betaald, of klopt het bedrag niet?"). */
const IF_NOT_SENTENCE = /^(?=.*\?\s*$)(?=.*\b(niet|niets|niks|geen|not|nothing|no)\b)/i;
/** A sentence that names a place: an address, the desk, a website. */
/** "Kan het ook 's avonds?", "kan ik op zaterdag komen?", "are you open in the evening?": outside the desk's hours, which the answer gives. */
const EVENING_OR_WEEKEND = /^\s*((en|maar|and|but)[,]?\s+)?((kan|kun|mag|is|zijn|ben) (het|dat|ik|jullie|u|er|de balie) (ook |dan |wel |nog |open |langskomen |komen )*(('|’)?s avonds|'s ochtends vroeg|in de avond|op zaterdag|zaterdags?|op zondag|zondags?|in het weekend|na (het|mijn) werk|na (5|vijf|17)( uur)?)|(can i|can it|can we|are you|is it|is the desk) (also |still )?(come |be done |open )?(in the evening|at night|on (a )?(saturday|sunday)|at the weekend|on weekends|after work))\s*[?!.]*\s*$/i;
/** The sentences that give the desk's hours ("De balie is open van … 8.30 tot 17.00 uur") or the phone's ("dag en nacht"). */
const OPEN_HOURS = /\b(open|geopend)\b[^.]*\d{1,2}[.:]\d{2}|\b(dag en nacht|day and night)\b/i;
/** "Kan dat in termijnen?", "can I pay it in instalments?": paying bit by bit, which the answer calls a payment plan. */
const IN_PARTS = /\b(in (termijnen|delen|stukjes|gedeeltes|gedeelten|porties)|gespreid|afbetalen|af te betalen|(per|elke|iedere) maand (een )?(deel|stukje|bedrag)|betalingsregeling|regeling (treffen|maken|aanvragen|krijgen)|in (instal+ments|parts|portions)|(payment|repayment) (plan|arrangement)|pay (it |this |that )?(monthly|in parts|bit by bit|a bit each month))\b/i;
const PLAN = /\b(betalingsregeling|payment plan|in termijnen|in instal+ments|automatische incasso|direct debit)\b/i;
/** "Kan ik pinnen?", "can i pay by card?": how to pay, which the answer may say ("U betaalt met uw pinpas aan de balie"). */
/** "Kan ik met contant betalen?", "kan ik met ideal betalen?", "can I pay cash": the same (got the benefit payment dates). */
const BY_CARD = /^\s*((en|and|ok|maar|but)[,]?\s+)?((kan|mag|moet) ik (daar |dan |ook |het )*(pinnen|(met |in )?(contant|contanten|cash)( geld)? betalen|met (de |mijn |een )?(pin|pinpas|betaalpas|bankpas|creditcard|kaart) betalen|(met |via )?ideal betalen|online betalen)|(can|do|must) i (also |just )?pay (it )?((by|with|in|via) )?(card|debit card|a card|credit card|cash|ideal|online)|do you (take|accept) (cards?|cash|debit cards?))\s*[?!.]*\s*$/i;
/** The sentence that says how to pay: by card or cash, or how the fees are paid at all ("U betaalt als u het aanvraagt, online of aan de balie"). */
const CARD = /\b(pin|pinpas|pinnen|betaalpas|bankpas|debit card|credit card|contant|cash|u betaalt|you pay)\b/i;
/** "Wat kan ik eraan doen?", "can I do something about it?": what to do, which the answer says. */
const WHAT_CAN_I_DO = /^\s*((en|maar|ok(é|e)?|and|but|so)[,]?\s+)?(wat (kan|moet) ik (daar |er |dan |nu |hier |nog |eraan |daaraan |ertegen |daartegen |aan |tegen |mee )*doen|wat doe ik (daar |er |dan |nu )*(aan|tegen|mee)|wat doe ik (eraan|daaraan|ertegen|daartegen)|kan ik (daar |er |dan |nu |hier |nog )*(iets|wat) (aan |tegen |mee |eraan |daaraan |ertegen |daartegen )?doen|what (can|should|do) i (need to )?do( about (it|that|this))?( now| then)?|what now|wat (nu|nou)|en (nu|nou)|(can|could) i do (something|anything) about (it|that|this)|is there (something|anything) i can do( about (it|that|this))?)\s*[?!.]*\s*$/i;
/** A sentence that says what to do ("Maak dan bezwaar …", "Then object …", "Schrijf erbij …", "Een nieuw adres geeft u door via …"). */
const ACTION = /^\s*(\p{L}+\s+)?(maak|doe|geef|meld|schrijf|stuur|vraag|bel|zet|neem|kijk|controleer|ga|object|make|give|report|write|send|apply|call|put|take|check|look|go)\b|^[^?]*\b(geeft|vraagt) u\b[^?]*\b(door|aan)\b[^?]*$/iu;
/** "Doe dat binnen 6 weken", "Do this within …": a step that points back at the sentence before it. */
const POINTS_AT = /^\s*\p{L}+\s+(dat|dit|het|die|this|that|it)\b/iu;
/** "Bel daarna 14 0123", "Then call …": the step after the one before it. */
const NEXT_STEP = /^\s*(\p{L}+\s+)?(daarna|then|after that|next)\b/iu;
/** Questions an answer may answer in one of its sentences, with how to find that sentence and how many to say. */
const ASKED_OF_ANSWER: ReadonlyArray<readonly [question: RegExp, sentence: { test(sentence: string): boolean }, sentences: number]> = [
  [WHICH_TOWN, TO_TOWN, 1], [COMES_ALONG, ALONG, 1], [MUST_I_REPORT, REPORT, 1], [WHO_TO_CALL, CALL, 2], [CAN_I_CALL, CALL, 2], [BY_CARD, CARD, 1], [IF_NOT, { test: (x: string) => IF_NOT_SENTENCE.test(x) }, 2], [NEED_APPOINTMENT, APPOINTMENT, 1], [FORM_ASKED, A_WAY, 2], [WHAT_TO_BRING, BRING, 1], [WHAT_NEEDED, SAYS_NEEDED, 1], [COME_MYSELF, IN_PERSON, 1], [WHAT_TO_SEND, SEND_WHAT, 1], [HOW_APPLY, APPLY, 2], [WHAT_TO_WRITE, WRITE, 1], [IN_PARTS, PLAN, 1], [HOW_ONLY, SAYS_HOW, 1], [WHAT_CAN_I_DO, ACTION, 1], [EVENING_OR_WEEKEND, OPEN_HOURS, 2],
];

/**
 * "Moet ik een afspraak maken?", "wat moet ik meenemen?": short questions about the answer just given
 * even without a word that points back at it (isFollowUp); the answer's own sentence says it.
 */
export const asksOfAnswer = (msg: string): boolean => (wordCount(msg) <= 8 && ASKED_OF_ANSWER.some(([q]) => q.test(msg))) || thingAsked(msg) !== null || disagreesNow(msg);

const ASKS_OWN = /(^|[^\p{L}])(wanneer|hoe|hoeveel|hoelang|wat|waar|waarom|welke|wie|when|how|what|where|why|which|who)([^\p{L}]|$)/iu;
/** Words too common to show which sentence of an answer a follow-up is about. */
const COMMON = new Set(['maar', 'want', 'wat', 'wanneer', 'waar', 'welke', 'hoeveel', 'kunt', 'kunnen', 'mijn', 'voor', 'over', 'zijn', 'heeft', 'hebben',
  'moet', 'moeten', 'wordt', 'worden', 'gaat', 'doet', 'doen', 'krijg', 'krijgen', 'krijgt', 'ook', 'nog', 'dan', 'mag', 'mogen', 'even', 'eigenlijk', 'daar',
  'what', 'when', 'where', 'which', 'does', 'that', 'this', 'then', 'about', 'will', 'have', 'with', 'there', 'from', 'your', 'they', 'also', 'still', 'would',
  'could', 'should', 'much', 'many', 'some', 'just', 'really', 'niet', 'niets', 'niks', 'geen', 'nooit', 'never', 'nothing', 'binnen', 'tijdens', 'sinds',
  'naar', 'zelf', 'zelfs', 'myself', 'yourself', 'itself', 'zonder', 'tegen', 'within', 'during', 'since', 'without', 'against', 'after', 'before', 'deze', 'die', 'dit', 'these', 'those']);
/**
 * The sentences of `said` that name a word of a short follow-up without a question word ("en als ik
 * een auto heb?" after the answer on what counts for the bijstand: its sentence with "een auto"), when
 * they are fewer than all of them; null when no word of four letters or more, other than the common
 * ones, is in it.
 */
export function namedInAnswer(said: string, msg: string): string | null {
  // A question word asks something of its own ("en wanneer staat het op mijn rekening?"), which a word the answer shares does not show.
  // "Wat als ik hem kwijt ben?" asks no "wat" of its own: the case it names ("kwijt"), as "en als hij gestolen is?" does.
  // Nor does "what about grofvuil?": the thing it names.
  if (wordCount(msg) > 10 || ASKS_OWN.test(msg.replace(WHAT_IF_START, '').replace(WHAT_ABOUT_START, ''))) return null;
  const words = msg.toLowerCase().split(/[^\p{L}]+/u).filter((w) => w.length >= 4 && !COMMON.has(w));
  if (words.length === 0) return null;
  const all = sentencesOf(said, () => true);
  const at = all.flatMap((x, i) => (x.toLowerCase().split(/[^\p{L}]+/u).some((w) => words.includes(w)) ? [i] : []));
  if (at.length === 0 || at.length >= all.length) return null;
  // A sentence that asks ("Of wilt u ze laten verwijderen?") comes with the one that answers it ("Dat mag u vragen.").
  const first = at.slice(0, 2);
  const withAnswers = [...new Set(first.flatMap((i) => (all[i]!.trim().endsWith('?') && i + 1 < all.length ? [i, i + 1] : [i])))].sort((a, b) => a - b);
  // Each asked sentence keeps the one that answers it; a "Bel dan …" keeps its question (withConditions).
  return withConditions(said, withAnswers.map((i) => all[i]!)).join(' ');
}

/** Too high, too much: a worry about the money too (remission, for a low income), not only about the decision. */
const TOO_MUCH = /\b(te hoog|te veel|too high|too much)\b/i;
/** A sentence of the answer on objecting (or appealing), and one on remission. */
const OBJECTS = /\b(bezwaar|beroep|object|objection|appeal)\b/i;
const REMITS = /\b(kwijtschelding|laag inkomen|remission|low income)\b/i;

/**
 * For "ik vind het onterecht", "die is veel te hoog" right after an answer that says how to object: its sentences
 * on objecting (and, for too high, on remission), each with the sentence it goes on from. Null when the message
 * does not disagree or the answer says nothing on objecting.
 */
function objectingInAnswer(state: DialogState, dialogs: DialogSet, msg: string): string | null {
  const last = lastAnswered(state, dialogs);
  if (!last?.answer || !disagreesNow(msg)) return null;
  const all = sentencesOf(lastText(state, last), () => true);
  if (!all.some((x) => OBJECTS.test(x))) return null;
  const money = TOO_MUCH.test(msg);
  const picked = new Set<number>();
  all.forEach((x, i) => {
    if (!OBJECTS.test(x) && !(money && REMITS.test(x))) return;
    if (i > 0 && GOES_ON.test(x)) picked.add(i - 1);
    picked.add(i);
    // "Doe dat binnen 6 weken …" after "Dan kunt u bezwaar maken.": the step points back at it.
    if (i + 1 < all.length && POINTS_AT.test(all[i + 1]!)) picked.add(i + 1);
  });
  return [...picked].sort((a, b) => a - b).map((i) => all[i]!).join(' ');
}

/** Right after a plain answer or a variant's: a follow-up the assistant cannot place is about that answer. */
export function afterAnAnswer(state: DialogState, last: IntentDef | undefined): boolean {
  return !!last && (isPlainAnswer(last) || !!state.lastAnswer?.topic);
}

/** An intent answered with a text of its own: not a flow, a handoff, a greeting, a thanks or a goodbye. */
export function isPlainAnswer(intent: IntentDef | undefined): boolean {
  return !!intent?.answer && !intent.flow && !intent.handoff && intent.id !== 'none' && intent.id !== 'greeting' && !CLOSING.has(intent.id);
}

/**
 * "en hoe lang duurt het?", "kan dat ook per mail?", "moet ik dat doorgeven?" right after an answer:
 * that answer's own words on it (`kinds`: which questions to take; both by default). An answer, so no
 * miss is counted towards a person. Null when the message asks none of these or the answer says nothing on it.
 */
export function fromLastAnswer(state: DialogState, dialogs: DialogSet, nlu: ParseResult, kinds: ReadonlyArray<'time' | 'how' | 'named' | 'cost'> = ['time', 'how']): StepResult | null {
  const last = lastAnswered(state, dialogs);
  if (!afterAnAnswer(state, last)) return null;
  // "ik vind het onterecht" right after the parking fine: that answer's own way to object, not "staat hierboven".
  const objecting = kinds.includes('how') ? objectingInAnswer(state, dialogs, nlu.text) : null;
  if (objecting) return quoting(state, dialogs, nlu, 'objecting_in_answer', 'answer.objecting_in_answer', objecting);
  // "waar is dat?" right after the town hall's address: that sentence, not the whole answer again.
  const address = kinds.includes('how') ? addressInAnswer(state, dialogs, nlu.text) : null;
  if (address) return quoting(state, dialogs, nlu, 'how_in_answer', quoteKey(lastText(state, last!), address), address);
  const aboutTime = kinds.includes('time');
  // "sinds wanneer?": the answer's sentence on from when, or that it names none.
  const since = aboutTime ? sinceInAnswer(state, dialogs, nlu.text) : null;
  if (since !== null) return since ? quoting(state, dialogs, nlu, 'time_in_answer', 'answer.time_in_answer', since) : quoting(state, dialogs, nlu, 'since_unknown', 'answer.since_unknown', '');
  const time = aboutTime ? timeInAnswer(state, dialogs, nlu.text) : null;
  const how = time === null && kinds.includes('how') ? howInAnswer(state, dialogs, nlu.text) : null;
  // `named`: a question the assistant could not place that names a word of one sentence ("moet ik aangifte
  // doen?"); not a statement ("de buren bedreigen mij" is no question about the advice to talk to them).
  const said = lastText(state, last!);
  // After the passport's fees, "moet ik naar de politie?" may be named in the passport answer itself (sameTopic).
  // "parking?", "parkeren" right after the town hall's address: its sentence on where to park, a question or not ("where to park" shares no word with "parking").
  const named = time === null && how === null && kinds.includes('named')
    ? [said, ...sameTopic(state, dialogs, last!)].reduce<string | null>((found, answer) => found ?? (ASKS_YES_NO.test(nlu.text) ? namedInAnswer(answer, nlu.text) : null) ?? parkingInAnswer(answer, nlu.text), null) : null;
  // `cost`: the answer's sentences on cost ("Het ophalen is gratis"), else its intent's own (how long an objection takes: "Bezwaar maken is gratis").
  const cost = kinds.includes('cost') ? costSentences(said) || (last!.answer ? costSentences(last!.answer[state.lang]) : '') || null : null;
  const sentence = time ?? how ?? named ?? cost;
  if (sentence !== null) return quoting(state, dialogs, nlu, time ? 'time_in_answer' : how ? 'how_in_answer' : named ? 'named_in_answer' : 'cost_in_answer', quoteKey(said, sentence), sentence);
  // "moet ik een afspraak maken?" right after an answer with no appointment and no desk, only a way online, by phone or by letter.
  const noAppointment = kinds.includes('how') ? wayWithoutDesk(state, dialogs, last!, nlu.text, (x) => SAYS_HOW.test(x) && !ONLY_CALL.test(x)) : null;
  if (noAppointment) return quoting(state, dialogs, nlu, 'no_appointment_needed', 'answer.no_appointment_needed', noAppointment);
  // "hoe lang duurt dat?" right after the move, whose answer says only by when to report it: that it does
  // not say how long it takes, what it does say (those sentences), and who knows; not "staat hierboven".
  const deadline = aboutTime ? deadlineInAnswer(state, dialogs, nlu.text) : null;
  if (deadline !== null) return quoting(state, dialogs, nlu, 'time_not_in_answer', 'answer.time_not_in_answer', deadline);
  // Right after an answer that says nothing on time at all (the VOG): that it does not say, where to see how it stands, who may know.
  const unknown = aboutTime ? timeUnknown(state, dialogs, nlu.text) : null;
  if (unknown === null) return null;
  return unknown ? quoting(state, dialogs, nlu, 'time_not_in_answer', 'answer.time_not_in_answer', unknown) : quoting(state, dialogs, nlu, 'time_unknown', 'answer.time_unknown', '');
}

/** A sentence that says when a place is open ("Waar de milieustraat is en wanneer die open is, staat op …"). */
const SAYS_OPEN = /\b(open|geopend|openingstijden|opening hours)\b/i;
/**
 * "en zondag?", "op zaterdag ook?" right after the recycling centre, a place with days of its own (`own_hours`): what
 * that answer says on when it is open. It got "Wat ik erover weet, staat hierboven". Null when it says nothing on it.
 */
export function openInAnswer(state: DialogState, dialogs: DialogSet, nlu: ParseResult): StepResult | null {
  const last = lastAnswered(state, dialogs);
  if (!last?.answer) return null;
  const said = lastText(state, last);
  const sentences = sentencesOf(said, (x) => SAYS_OPEN.test(x));
  return sentences.length > 0 ? quoting(state, dialogs, nlu, 'time_in_answer', quoteKey(said, sentences[0]!), sentences.slice(0, 1).join(' ')) : null;
}

/** The reply that quotes sentences of the answer before it (`key`'s text around them): an answer, so no miss is counted. */
function quoting(state: DialogState, dialogs: DialogSet, nlu: ParseResult, step: string, key: string, sentence: string): StepResult {
  const none = dialogs.intents.get('none')!;
  const t = trace(dialogs, { dialog: 'none', step, intent: nlu.intent.name, confidence: nlu.intent.confidence, sources: [{ kind: 'dialog', ref: none.file }] });
  return { state: { ...state, fallbacks: 0 }, replies: [{ text: text(dialogs, key, state.lang, { sentence }), trace: t }], effects: [] };
}

/** The fallback answer: ask the citizen to say it in other words (the caller counts the round). */
export function askAgain(state: DialogState, dialogs: DialogSet, nlu: ParseResult): StepResult {
  const none = dialogs.intents.get('none')!;
  // Right after a case's status, a question the assistant cannot place is most likely about that case
  // ("mag de aannemer dan een steiger neerzetten?"): say what it can tell about a case, and who can tell more.
  // After a plain answer ("how long do I have?" after the objection answer) it is most likely about
  // that answer: say that what the assistant knows is in it, and that a person knows more.
  const last = lastAnswered(state, dialogs);
  // A word of the status explained ("what does toegekend mean?") keeps the case as what is talked about.
  const prev = state.lastAnswer;
  const aboutCase = last?.id === 'case_status' || (prev?.trace.dialog === 'glossary' && !!(prev.means || prev.dated || prev.paid));
  // "hoe maak ik die?" right after the passport: the answer's sentence on the appointment it says to make.
  const appointment = !aboutCase && afterAnAnswer(state, last) ? appointmentAsked(state, dialogs, nlu) : null;
  if (appointment) return appointment;
  const [stepName, msg] = aboutCase ? ['fallback_after_case', text(dialogs, 'case.follow_up_unknown', state.lang)]
    : afterAnAnswer(state, last) ? ['fallback_after_answer', text(dialogs, 'answer.follow_up_unknown', state.lang)]
      : ['fallback', none.answer![state.lang]];
  const t = trace(dialogs, { dialog: 'none', step: stepName, intent: nlu.intent.name, confidence: nlu.intent.confidence, sources: [{ kind: 'dialog', ref: none.file }] });
  return { state: { ...state, replyWhy: { turn: state.turns, key: `why.not_placed.${stepName}`, step: 'explain_not_placed', rule: 'fallback-not-placed', file: 'dialogs/why.yaml' } }, replies: [{ text: msg, trace: t }], effects: [] };
}
