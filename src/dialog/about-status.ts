/**
 * Questions about the status just told, answered from it: "wat betekent dat?", "waarom duurt het zo
 * lang?", "kan het sneller?", "vanaf wanneer?", and "kan ik bezwaar maken?" before any decision. Each
 * reply has that case among its sources. Pure, like step.ts.
 */
import type { FlowContext } from './case-flow.ts';
import { text, texts, trace } from './texts.ts';
import type { DialogState, Source, StepResult, Texts } from './types.ts';
import { asksAnotherCase } from './other-case.ts';
import { wordCount } from './variants.ts';
import { asksNextStep } from './next-step.ts';

/**
 * "Wat betekent dat?" right after a case's status: that status in plain words (status-lines.ts
 * statusMeaning). "Wat gebeurt er nu?" asks the same (the plain words say what happens next, and
 * whether the citizen must do anything); so does a puzzled "huh?", "wat?". So does "krijg ik een brief?", which got
 * "Dat kan ik niet beantwoorden": the plain words say whether a letter with the decision comes, and by when.
 * Written as it sounds too: "wat betekend dat", "wat mot ik doen", "what this mean" got the payment answer or "Sorry".
 */
/**
 * "wat betekent dat?", "hoe bedoel je?", "what does that mean?" (also as written by ear): asking what was just said
 * means. Read after a status here and after a case flagged for a person (handoff-mode.ts).
 */
export const MEANING = String.raw`wat (betekent|betekend|beteken|betekenet|bedoel je met|bedoelt u met|houdt) (dat|dit|het)( in| nou| dan| precies)*|wat wil (dat|dit|het) zeggen|wat is dat( nou| dan)?|hoe bedoel je|hoe bedoelt u|what does (that|this|it) mean( exactly)?|what (that|this|it) means?|what (means|mean) (that|this|it)|what do you mean( by that)?`;
const WHAT_MEANS = new RegExp(String.raw`^\s*((en|and|maar|but|ok(é|e|ay)?|oke|sorry|uh+|eh+|huh|top|super|prima|fijn|dank( je| u)?( wel)?|dankjewel|dankuwel|bedankt|thanks|thank you|thx)[,?!.]?\s+){0,4}(hoe ?lang (duurt|gaat) (het|dat)( nog)?( meestal| normaal| gewoonlijk| ongeveer)?( duren)?|hoe ?lang (nog|dan)( ongeveer)?|how long (will|does) (it|that) (still |usually |normally )?take|how much longer|${MEANING}|meaning|wat gebeurt er (nu|nou|dan|hierna|daarna)( mee)?|wat (nu|nou)|en (nu|nou)|wat (moet|mot|moe) ik (nu |nou |dan )?(nog )?doen|moet ik (nu |nog )?(iets|wat) doen|hoe gaat het (nu |nou )?verder|wat is de volgende stap|what happens (now|next)|(en |and )?(wanneer|wnn?r|wannr|wnneer|when) (krijg ik|krijk ik|komt|will i get|do i get|will i receive) (de|het|een|die|the|a|that) (brief|besluit|letter|decision)|(wanneer|wnn?r|wannr|wnneer) hoor ik (iets|het|wat|meer)( van jullie)?|when (will|do) i hear( back| anything| from you)?|what now|and now|what (do|should) i do( now)?|what (do|must) i (have|need) to do( now)?|do i (need|have) to do anything( now)?|what('s| is) next|what are the next steps|(dus )?(krijg ik het|ik krijg het)( dus| nu| wel)?|(dus )?(is het|is die|is hij|is mijn aanvraag) (dus |nu |al )?(goedgekeurd|toegekend|afgewezen|klaar)|so (do )?i (get|got) it|is it (approved|granted|done)|(krijg|krijk|ontvang) (ik|we|wij) (nog |ook |dan |er |daar )*(een|de|die|het) (brief|besluit|bericht)( (thuis|per post|van jullie|over|daarover|erover))?|(do|will|shall) (i|we) (also |still )?(get|receive) (a|the) (letter|decision)|huh+|hè+|pardon|wat|what)\s*[?!.]*\s*$`, 'i');

/** The answer to "wat betekent dat?" right after a case's status (null: not that question, or no status before it). */
export function statusMeant(state: DialogState, msg: string, ctx: FlowContext): StepResult | null {
  return WHAT_MEANS.test(msg) ? statusInPlainWords(state, ctx) : null;
}

/** The status just told in plain words; null when the last answer was no status. */
export function statusInPlainWords(state: DialogState, ctx: FlowContext): StepResult | null {
  const means = state.lastAnswer?.means;
  return means ? aboutStatus(state, ctx, means, 'means', [{ kind: 'rule', ref: 'status-meaning' }]) : null;
}

/**
 * "En dan?", "en daarna?", "and then?" right after a case's status: what comes next for that kind of
 * status (`case.next.<kind>`: the decision and its letter, what to send, objecting), with the status's
 * dated sentence ("Besluit uiterlijk 15 januari 2027", "De vergunning geldt vanaf 7 december 2026").
 * Before, a status had no next step and this got "Dat kan ik niet beantwoorden". Step `next_step`, as
 * after an answer (next-step.ts): no "gaat het goed met u?" after it.
 */
export function statusNext(state: DialogState, msg: string, ctx: FlowContext): StepResult | null {
  const last = state.lastAnswer;
  const kind = last?.decision ?? (last?.unfinished === 'waiting' ? 'waiting' : last?.unfinished ? 'in_progress' : null);
  if (!last?.means || !kind || !asksNextStep(msg)) return null;
  const told = (lang: 'nl' | 'en') => text(ctx.dialogs, `case.next.${kind}`, lang, { dated: last.dated?.[lang] ?? '' }).replace(/\s+/g, ' ').trim();
  return aboutStatus(state, ctx, { nl: told('nl'), en: told('en') }, 'next_step', [{ kind: 'rule', ref: 'status-next-step' }]);
}

/** The message `key` in both languages, with what the status means in it. */
const withMeans = (ctx: FlowContext, key: string, means: Texts): Texts => ({ nl: text(ctx.dialogs, key, 'nl', { means: means.nl }), en: text(ctx.dialogs, key, 'en', { means: means.en }) });

/** A reply about the status just told, with that case among its sources. */
export function aboutStatus(state: DialogState, ctx: FlowContext, said: Texts, step: string, more: Source[] = []): StepResult {
  const last = state.lastAnswer!;
  const sources: Source[] = [...last.trace.sources.filter((x) => x.kind === 'case'), { kind: 'dialog', ref: 'dialogs/flows/case_status.yaml' }, ...more];
  const t = trace(ctx.dialogs, { dialog: last.trace.dialog, step, intent: ctx.intent, confidence: ctx.confidence, sources });
  return { state: { ...state, fallbacks: 0 }, replies: [{ text: said[state.lang], trace: t }], effects: [] };
}

/**
 * "Waarom duurt het zo lang?", "waarom duurt dat zo lang dan", "why is it taking so long": the whole
 * message asks why the case just told is not decided yet.
 */
const WHY_SLOW = /^\s*((en|maar|but|and|ok(é|e|ay)?|oke|hmm+|pff+|zucht)[,]?\s+)?((waarom|wrm) (duurt|gaat|loopt) (het|t|'t|dit|dat|die|alles|mijn aanvraag|de aanvraag|mijn zaak|het besluit|de beslissing)( (nou|nu|toch|dan|eigenlijk|allemaal|nog|steeds))* (zo ?lang|zo traag|zo langzaam|zolang|lang)|waarom (zo ?lang|zo traag|zo langzaam)|waarom (is|ben) (het|hij|die|mijn aanvraag|de aanvraag|mijn zaak) (nou |nu |dan )?(nog )?(steeds )?niet (klaar|af|rond|beslist)|why (is it|does it|is this|is that|is my application|is my case) (tak(e|es|ing)|tak(e|es|ing) so long|so slow)( so long)?|why so (long|slow)|why (is it|isn'?t it|is it still) (not )?(done|finished|ready|decided)( yet)?|what('s| is) taking (so|this) long)( (nou|nu|toch|dan|eigenlijk|allemaal|nog|eigenlijk|then|now|anyway))*\s*[?!.]*\s*$/i;

/** Whether the message asks why the case just told, which is no decision yet, takes so long ("waarom is het nog niet klaar?"). */
export const asksWhySlow = (state: DialogState, msg: string): boolean => !!state.lastAnswer?.unfinished && !!state.lastAnswer.means && WHY_SLOW.test(msg);
/**
 * The same words with no status told before ("waarom is het nog niet klaar?" as the first message): the
 * impatient question for the status of one's own application, not a crisis (distress.yaml model_not_alone).
 */
export const whySlowAlone = (msg: string): boolean => WHY_SLOW.test(msg);

/**
 * The answer to "waarom duurt het zo lang?" right after a status that is no decision yet: the assistant
 * cannot see why, says what the status means, and offers a person who can look into the case.
 */
export function statusSlow(state: DialogState, msg: string, ctx: FlowContext): StepResult | null {
  const last = state.lastAnswer;
  if (!last?.means || !asksWhySlow(state, msg)) return null;
  return aboutStatus(state, ctx, withMeans(ctx, 'case.why_slow', last.means), 'why_slow', [{ kind: 'rule', ref: 'status-meaning' }]);
}

/**
 * "Waarom is die toegekend?", "waarom is het afgewezen?", "why was my application refused?", "waarom
 * heb ik het niet gekregen?": the whole message asks why the decision just told was taken.
 */
const WHY_DECIDED = /^\s*((en|maar|but|and|ok(é|e|ay)?|oke|huh|hmm+|pff+)[,]?\s+)?((waarom|wrm|hoezo|why|how come)(\s+(is|werd|was|wordt|word|ben|is er|has been|have been|had been|got|did))?(\s+(het|t|'t|die|dat|hij|ik|mijn aanvraag|de aanvraag|mijn zaak|mijn vergunning|de vergunning|mijn uitkering|it|that|my application|the application|my case|my request|my permit|i|this))?(\s+(dan|nou|nu|eigenlijk|toch|dus|then|now))*\s+((niet|not)\s+)?(toegekend|goedgekeurd|afgewezen|afgekeurd|geweigerd|granted|approved|accepted|refused|rejected|denied|turned down)|(waarom|wrm|hoezo|why|how come)\s+(heb ik|krijg ik|kreeg ik|did i|didn'?t i|do i|don'?t i)(\s+(het|die|hem|dat|die vergunning|it|that|the permit))?(\s+(dan|nou|nu|eigenlijk|toch|then|now))*\s+((niet|not)\s+)?(gekregen|krijgen|get|got))(\s+(dan|nou|nu|eigenlijk|toch|then|now))*\s*[?!.]*\s*$/i;

/** Whether the message asks why the decision on the case just told (granted, refused, or none yet) was taken. */
export const asksWhyDecided = (state: DialogState, msg: string): boolean => (!!state.lastAnswer?.decision || (!!state.lastAnswer?.unfinished && !!state.lastAnswer.means)) && WHY_DECIDED.test(msg);

/**
 * The answer to "waarom is die toegekend/afgewezen?" right after a decision: the assistant cannot see
 * the reasons, the decision letter gives them, and a person can explain them (after a refusal, also
 * that the citizen can object). Not the status again. Asked while there is no decision yet ("waarom
 * is het afgewezen?" to "in behandeling"): what that status means (not finished, no decision yet).
 */
export function statusWhyDecided(state: DialogState, msg: string, ctx: FlowContext): StepResult | null {
  const last = state.lastAnswer;
  if (!last || !asksWhyDecided(state, msg)) return null;
  if (!last.decision) return aboutStatus(state, ctx, withMeans(ctx, 'case.no_decision_yet', last.means!), 'why_decided', [{ kind: 'rule', ref: 'status-meaning' }]);
  return aboutStatus(state, ctx, texts(ctx.dialogs, `case.why_decided.${last.decision}`), 'why_decided', [{ kind: 'rule', ref: 'decision-letter-says-why' }]);
}

/**
 * "Kan het sneller?", "kan t sneller" (SMS for "het"), "can you speed it up?\": the whole message asks to hurry the case just told. It
 * mostly cannot; a person can see whether an urgent reason changes that.
 */
const SPEED_UP = /^\s*((en|maar|but|and|ok(é|e|ay)?|oke|hmm+|pff+|zucht)[,]?\s+)?((kan|kun|kunnen|kunt) (het|t|dat|dit|die|jullie|u|je|ik) (het |t |dat |dit |die )?(niet |nog |ook |wat |iets |een beetje |alsjeblieft |aub )*(sneller|eerder|vlugger|versnellen|met spoed|met voorrang|bespoedigen|sneller gaan|sneller behandelen|sneller regelen)( gaan| behandelen| regelen| maken| doen)?|(is|heeft|kan) ((het|dat|die|dit|er) )?(ook )?(spoed|voorrang) (mogelijk|krijgen|aanvragen)?|(kan|mag) ik (spoed|voorrang) (aanvragen|krijgen|vragen)|spoed( mogelijk| aanvragen)?|(can|could) (it|this|that|you|i) (be |go |get )?(speed(ed)? (it |this |that )?up|hurr(y|ied) (it |this |that )?(up)?|fast(er)?|quicker|sooner|faster|expedited?|fast-tracked|fast ?track(ed)?)( it| this| that| up| please| pls)*|is (a |there a )?fast ?track (possible|available)?|is there (any way|a way) to (speed (it|this|that) up|go faster|get it sooner))\s*[?!.]*\s*$/i;

/** Whether the whole message asks to hurry things ("kan het sneller?", "can it go faster?"). */
export const asksSpeedUp = (msg: string): boolean => SPEED_UP.test(msg);

/** The answer to "kan het sneller?" right after a status that is no decision yet (null: not that). */
export function statusSpeedUp(state: DialogState, msg: string, ctx: FlowContext): StepResult | null {
  const last = state.lastAnswer;
  if (!last?.unfinished || !last.means || !SPEED_UP.test(msg)) return null;
  // Waiting for the citizen: it goes faster once they send what is asked for.
  const key = last.unfinished === 'waiting' ? 'case.speed_up_waiting' : 'case.speed_up';
  return aboutStatus(state, ctx, withMeans(ctx, key, last.means), 'speed_up', [{ kind: 'rule', ref: 'status-meaning' }]);
}

/**
 * "en als het 15 januari is en ik heb niks?", "wat als jullie te laat zijn?", "what if you don't decide in time?":
 * the decision not there by the date the status gives. Also after a nod and in mixed words: "ok and wat if its late"
 * got "I cannot answer that". Only a short message that says if and late or nothing.
 */
const IF_LATE = /^\s*((en|maar|ok(é|e|ay)?|oke|and|but|so)[,]?\s+){0,3}(wat als|en als|als|stel dat|what if|wat if|and if|if|what happens if|wat gebeurt er als|wat moet ik doen als|what do i do if)\b(?!.*\b((zeggen|zegt|say|says)\s+(nee|no)|(nee|no)\s+(zeggen|zegt)|afgewezen|refused|rejected|niks wordt)\b).*\b(niks|niets|nix|geen besluit|geen brief|geen antwoord|nothing|no decision|no letter|no answer|te laat|too late|niet op tijd|not on time|not in time|(niet|don'?t|do not|dont) (beslissen|beslist|decide)|(it'?s|its|it is|it gets|is|are|het is|t is|'t is) late|(het|t|'t|hij|die|jullie|u) (te )?laat (is|zijn|bent|komt))\b/i;
/** Words up to which a follow-up on a status is read as only that question (the late decision, the neighbours). */
const FOLLOW_UP_WORDS = 14;

/** Whether the message asks what if the decision is late, right after a status with a decision date. */
export const asksIfLate = (state: DialogState, msg: string): boolean => {
  const last = state.lastAnswer;
  return !!last?.unfinished && last.unfinished !== 'waiting' && !!last.dated && wordCount(msg) <= FOLLOW_UP_WORDS && IF_LATE.test(msg);
};

/** The answer to "en als het dan nog niet klaar is?" right after a status with a decision date (null: not that). */
export function statusLate(state: DialogState, msg: string, ctx: FlowContext): StepResult | null {
  if (!asksIfLate(state, msg)) return null;
  const dated = state.lastAnswer!.dated!;
  const late = texts(ctx.dialogs, 'case.late');
  return aboutStatus(state, ctx, { nl: `${dated.nl} ${late.nl}`, en: `${dated.en} ${late.en}` }, 'late', [{ kind: 'rule', ref: 'decision-too-late' }]);
}

/**
 * "wanneer is het besluit?", "wanneer beslissen jullie?", "and when is the decision", "when will you decide?": when the
 * decision comes (or came). Not "wanneer krijg ik het besluit?", which gets the status in plain words (statusMeant).
 */
const WHEN_DECIDED = /^\s*((en|and|maar|but|ok(é|e|ay)?|oke|dus|so)[,]?\s+){0,3}((wanneer|wnn?r|wannr|wnneer|when)\s+((is|komt|valt|was|wordt|word|will|is there|will there be)\s+(er\s+)?(het|t|'t|de|een|the|a|my|mijn)\s+(besluit|beslissing|decision)(\s+(genomen|gevallen|gemaakt|made|taken|due|ready|coming|come|be (made|taken|ready)))?|(beslissen|beslist|besluiten|besluit)\s+(jullie|u|de gemeente|ze|zij|jij|je)|(nemen|neemt)\s+(jullie|u|de gemeente|ze|zij)\s+(een|het|de)\s+(besluit|beslissing)|wordt\s+(er\s+)?(besloten|beslist)|(will|do|does|did|shall)\s+(you|they|the municipality)\s+decide|(will|is)\s+(it|that|my application)\s+(be\s+)?decided|(was|is)\s+(it|that|my application)\s+decided))(\s+(dan|nou|nu|eigenlijk|then|now))*\s*[?!.]*\s*$/i;

/**
 * "wanneer is het besluit?" right after a status: the dated sentence alone (no decision yet), or the day it was taken
 * (a decision). It got the whole status again. Null for a status with neither, or waiting for the citizen.
 */
export function statusDecisionWhen(state: DialogState, msg: string, ctx: FlowContext): StepResult | null {
  const last = state.lastAnswer;
  if (!last?.means || !WHEN_DECIDED.test(msg)) return null;
  const said = last.unfinished === true ? last.dated : last.decision ? last.decidedOn : undefined;
  return said ? aboutStatus(state, ctx, said, 'decision_when', [{ kind: 'rule', ref: 'status-decision-date' }]) : null;
}

/**
 * "mogen de buren bezwaar maken?", "kunnen mijn buren er nog bezwaar tegen maken", "can the neighbours object?": the
 * neighbours objecting. Not "ik wil bezwaar maken tegen de vergunning van de buren" (the writer objecting to theirs).
 */
const NEIGHBOURS_OBJECT = /\b(mogen|kunnen|kan|mag|can|could|may|will)\s+((de|mijn|m'n|mn|onze|my|the|our)\s+)?(buren|buurman|buurvrouw|bovenburen|onderburen|omwonenden|neighbou?rs?)\s+((ook|nog|er|daar|dan|wel|also|still|then)\s+)*(bezwaar|object|appeal|file an objection)\b/i;
/**
 * A case for work on a house or a garden ("Omgevingsvergunning (dakkapel)", a felling permit): work that may not start
 * before the decision, and that neighbours may object to.
 */
const WORK_PERMIT = /omgevingsvergunning|bouw|dakkapel|uitbouw|verbouw|kapvergunning|building|felling/i;

/**
 * "mogen de buren bezwaar maken?" right after the status of one's own building permit that is no decision yet: yes,
 * once it is decided and published (6 weeks). It got the general answer on objecting to one's own decision.
 */
export function statusNeighboursObject(state: DialogState, msg: string, ctx: FlowContext): StepResult | null {
  if (!state.lastAnswer?.unfinished || !WORK_PERMIT.test(state.facts.caseType ?? '') || wordCount(msg) > FOLLOW_UP_WORDS || !NEIGHBOURS_OBJECT.test(msg)) return null;
  return aboutStatus(state, ctx, texts(ctx.dialogs, 'case.neighbours_object'), 'neighbours_object', [{ kind: 'rule', ref: 'objection-by-neighbours' }]);
}

/**
 * "Waar haal ik de vergunning op?", "moet ik hem ophalen?", "where do I collect it?": something to
 * collect, for a permit or a pass; not money ("waar haal ik het geld op?" is the payment).
 */
const PICK_UP = /\b(ophalen|op te halen|afhalen|af te halen|haal (ik|je|we|wij|u) (\p{L}+ ){0,3}op|pick (\p{L}+ ){0,2}up|collect)\b/iu;
const WINDSCREEN = /\b(voorruit|achter het raam|dashboard|windscreen|windshield|behind the window)\b/i;
/**
 * "Krijg ik een pasje?", "do I get a card?": something to show for it, which a digital parking permit is not.
 * English asks it in its own order ("do i get a sticker", "will i get a card?"), which got "I cannot answer that".
 */
const A_CARD = /\b((krijg|ontvang) (ik|we|wij) (nog |ook |dan |er )*|(do|will|would|shall|can|should) (i|we) (also |still |then )?(get|receive) )((een|a|the|de|het|any|my|our) )?(permit |parking )?(pasje|pas|kaart|kaartje|vergunningskaart|sticker|card|pass)\b/i;
/** "Do I need to print it?", "moet ik hem uitprinten?": a paper permit, which a digital parking permit is not. */
/** "Do I need a sticker?": something to show, which a digital parking permit is not. */
const STICKER = /\b(sticker|vignet|vignetje|parkeerkaart|parking card|permit card)\b/i;
const PRINT = /\b(printen|uitprinten|printje|print|printed|afdrukken|uitdraai)\b/i;
const NOT_TO_COLLECT = /\b(geld|uitkering|bijstand|betaling|toeslag|money|payment|benefit|allowance|post|pakket|parcel|kind|kinderen|child|children)\b/i;

/**
 * The answer to "waar haal ik het op?" right after a case's status: before the decision nothing yet
 * (and when it comes), after a refusal what that means, after a grant that there is nothing to collect
 * (`case.pick_up.<topic>` where the case type's topic has its own words: a digital parking permit).
 */
export function statusPickUp(state: DialogState, msg: string, ctx: FlowContext): StepResult | null {
  const last = state.lastAnswer;
  const own = last?.caseTopic && ctx.dialogs.texts.has(`case.pick_up.${last.caseTopic}`) ? `case.pick_up.${last.caseTopic}` : null;
  // "moet ik iets achter de voorruit leggen?" after a parking permit's status: the same answer (it is digital).
  // So is "krijg ik een pasje?".
  const windscreen = own === 'case.pick_up.parking' && (WINDSCREEN.test(msg) || A_CARD.test(msg) || PRINT.test(msg) || STICKER.test(msg));
  if (!last?.means || !(PICK_UP.test(msg) || windscreen) || NOT_TO_COLLECT.test(msg) || wordCount(msg) > 12) return null;
  if (asksAnotherCase(msg, state.facts.caseType, { anyBuilding: true })) return null;
  const rule: Source[] = [{ kind: 'rule', ref: 'nothing-to-collect' }];
  if (last.decision === 'refused') return aboutStatus(state, ctx, last.means, 'pick_up', rule);
  // "do i need to print it": nothing to print, rather than nothing to collect.
  const printed = windscreen && PRINT.test(msg) && !last.unfinished ? 'case.print.parking' : null;
  const said = texts(ctx.dialogs, last.unfinished ? 'case.pick_up_not_yet' : printed ?? own ?? 'case.pick_up');
  const dated = last.dated;
  return aboutStatus(state, ctx, dated ? { nl: `${said.nl} ${dated.nl}`, en: `${said.en} ${dated.en}` } : said, 'pick_up', rule);
}

/**
 * "Wat als ik al begonnen ben?", "de aannemer is al begonnen" right after a status that is no decision yet: got
 * "Dat kan ik niet beantwoorden". There is no decision yet: stop until there is one, and call with the case number.
 */
const STARTED_ALREADY = /^\s*((en|maar|ok(é|e)?|and|but)[,]?\s+)?((en |maar )?(wat als|en als|stel dat|what if)\s+)?(ik|we|wij|de aannemer|mijn aannemer|onze aannemer|de bouwer|i|we|the builder|the contractor|my builder)\s+(ben|zijn|is|have|has|am|are|'ve|'s)?\s*(al|already)\s+(begonnen|gestart|bezig|started|begun|building)(\s+(ben|zijn|is|met (bouwen|de bouw|de verbouwing|de dakkapel)|with (the )?(building|work|dormer)))?\s*[?!.]*\s*$/i;
export function statusStartedEarly(state: DialogState, msg: string, ctx: FlowContext): StepResult | null {
  if (state.lastAnswer?.unfinished !== true || !WORK_PERMIT.test(state.facts.caseType ?? '') || !STARTED_ALREADY.test(msg)) return null;
  return aboutStatus(state, ctx, texts(ctx.dialogs, 'case.started_before_decision'), 'started_before_decision', [{ kind: 'rule', ref: 'nothing-before-the-decision' }]);
}

/**
 * "Kan ik bezwaar maken?" right after a status that is no decision yet: objecting needs a decision.
 * Right after a granted decision it got the general answer, as if something had been refused: objecting
 * only has a point when the decision is not what was asked, and how. Null after a refusal (the general
 * answer fits) or when there was no status.
 */
export function objectionTooEarly(state: DialogState, ctx: FlowContext): StepResult | null {
  if (state.lastAnswer?.decision === 'granted' && state.lastAnswer.means) {
    return aboutStatus(state, ctx, texts(ctx.dialogs, 'case.objection_after_grant'), 'objection_after_grant', [{ kind: 'rule', ref: 'objection-needs-an-interest' }]);
  }
  if (!state.lastAnswer?.unfinished) return null;
  return aboutStatus(state, ctx, texts(ctx.dialogs, 'case.objection_before_decision'), 'objection_before_decision', [{ kind: 'rule', ref: 'objection-needs-a-decision' }]);
}

/** "Vanaf wanneer?", "wanneer gaat het in?", "from when?": a short question about a date, not about money or the office. */
/** "Kan ik nu al parkeren?", "mag ik al beginnen?", "can I park already?": whether the date has come. */
const ALREADY = /\b((kan|mag|kun|kunnen|mogen) (ik|we|wij) (nu |dan |er |daar )*al|(can|may) (i|we) (already|now)|already|yet)\b/i;
/** "Wanneer mag ik beginnen met bouwen?", "when can I start building?": when the work may start, which a decision allows. */
const WHEN_START = /\b(wanneer|wnn?r|wannr|wnneer|vanaf wanneer|when) (mag|kan|kun|mogen|kunnen|can|may|could) (ik|we|wij|i|they|de aannemer|the builder) (\p{L}+ ){0,3}(beginnen|starten|begin|start)\b/iu;
/** "Mag de aannemer al beginnen?", "can the builder start?", "kan ik beginnen?": whether the work may start now. */
const MAY_START = /\b(mag|mogen|kan|kunnen|kun|can|may|could) (ik|we|wij|i|de aannemer|de bouwer|mijn aannemer|onze aannemer|the builder|the contractor|my builder|my contractor|our builder) (nu |dan |al |already |now )*(beginnen|starten|begin|start)\b/i;
const WHEN_WORDS = /\b(vanaf wanneer|per wanneer|tot wanneer|wanneer|wnn?r|wannr|wnneer|welke datum|ingangsdatum|from when|since when|until when|when|what date|start date)\b/i;
/** "voor het besluit", "before the decision", "without a permit": before the decision that allows the work. */
const BEFORE_DECISION = /\b(voor|vóór|before|zonder|without)\s+((het|de|een|the|a|my|mijn)\s+)?(besluit|beslissing|decision|vergunning|permit)\b/i;
const NOT_THE_DATE = /\b(geld|betaling|betaald|uitkering|bijstand|open|brief|besluit|beslissing|money|paid|payment|benefit|letter|decision)\b/i;

/** "can i start before the decision?", "mag ik zonder vergunning al beginnen?": whether the work may start before the decision, whatever intent it was read as. */
export const startsBeforeDecision = (msg: string): boolean => BEFORE_DECISION.test(msg) && (MAY_START.test(msg) || WHEN_START.test(msg) || ALREADY.test(msg));

/** The dated sentence of the status just told, for a short question about when (null: not that). */
export function statusDated(state: DialogState, msg: string, ctx: FlowContext): StepResult | null {
  const dated = state.lastAnswer?.dated;
  // "can i start before the decision?" names the decision, but asks whether the work may start (it got that objecting waits for one).
  if (!dated || !(WHEN_WORDS.test(msg) || ALREADY.test(msg) || MAY_START.test(msg)) || (NOT_THE_DATE.test(msg) && !startsBeforeDecision(msg)) || wordCount(msg) > 10) return null;
  // "en mijn parkeervergunning, wanneer gaat die in?" after the dormer's status: another case's date.
  // Not building work after a building permit's status ("wanneer mag ik met de verbouwing beginnen?").
  if (asksAnotherCase(msg, state.facts.caseType, { anyBuilding: true })) return null;
  // "tot wanneer is hij geldig?" after a permit that "geldt vanaf 7 december": the date it starts is no answer to
  // when it ends (the answer on how long such a permit lasts is).
  if (UNTIL_WHEN.test(msg) && !UNTIL_WORDS.test(dated.nl)) return null;
  // "Mag ik al beginnen?" while the application is still being decided: not yet, and when the decision comes.
  // So is "wanneer mag ik beginnen met bouwen?": not the decision date alone, which does not say that; and
  // "mag de aannemer al beginnen?", which got "Dat kan ik niet beantwoorden".
  if (state.lastAnswer?.unfinished === true && (ALREADY.test(msg) || WHEN_START.test(msg) || MAY_START.test(msg))) {
    const notYet = texts(ctx.dialogs, 'case.not_before_decision');
    return aboutStatus(state, ctx, { nl: `${notYet.nl} ${dated.nl}`, en: `${notYet.en} ${dated.en}` }, 'not_before_decision', [{ kind: 'rule', ref: 'nothing-before-the-decision' }]);
  }
  return aboutStatus(state, ctx, dated, 'dated');
}

/** "tot wanneer", "until when": the end of something, not when it starts or comes. */
const UNTIL_WHEN = /\b(tot wanneer|tot wnn?r|t\/m wanneer|until when|till when|til when|until what date)\b/i;
/** A dated sentence that says until when ("geldig tot en met 31 december"). */
const UNTIL_WORDS = /\b(tot|t\/m|uiterlijk)\b/i;
/** Words of a short "wanneer komt het dan?", "wnr krijg ik het?", "when does it come?" (not "geld": "wanneer krijg ik het geld?" keeps the payment answer). */
const WHEN_IT_COMES = /^\s*((en|maar|ok|oké|oke|dus|and|but|so)[,]?\s+)?(wanneer|wnn?r|wannr|wnneer|when)\s+(komt|krijg|ontvang|staat|will|does|do|is)\s+((het|t|dat|die|ie|ik|er|it|that|i|get|receive|come|arrive|be|there|dan|nou|nu|binnen|then|now)\s*)*[?!.]*\s*$/i;

/** "wnnr wordt t betaald", "wanneer wordt het uitbetaald?", "when will it be paid?": when it is paid, of the status just told (no "geld", as above). */
const WHEN_PAID = /^\s*((en|maar|ok|oké|oke|dus|and|but|so)[,]?\s+)?(wanneer|wnn?r|wannr|wnneer|when)\s+(wordt|word|is|will|does)\s+((het|t|'t|dat|die|ie|it|that|be|get|dan|nou|nu|then|now)\s+)*(betaald|uitbetaald|overgemaakt|gestort|paid( out)?|transferred)(\s+(dan|nou|nu|then|now))*\s*[?!.]*\s*$/i;
/**
 * "Wanneer komt het dan?" right after a status that names a payment date: that date, briefly, and what to do
 * when it does not come. Before, it got the date and the whole payment answer again (when benefits are paid in
 * general, allowances, the amount). After a status with another date (a decision by then), that date. Null
 * when the status before named no date, or for any other message.
 */
export function statusPaid(state: DialogState, msg: string, ctx: FlowContext): StepResult | null {
  const paid = state.lastAnswer?.paid;
  const comes = WHEN_IT_COMES.test(msg);
  if (!comes && !WHEN_PAID.test(msg)) return null;
  // After the dormer's status (no payment, a decision by a date) it got the payment answer: the status's date.
  // Not when "betaald" is asked: a status that names no payment does not say that.
  if (!paid) return comes && state.lastAnswer?.dated ? aboutStatus(state, ctx, state.lastAnswer.dated, 'dated') : null;
  const said = (lang: 'nl' | 'en') => text(ctx.dialogs, 'case.paid_when', lang, { paid: paid[lang] });
  return aboutStatus(state, ctx, { nl: said('nl'), en: said('en') }, 'paid_when', [{ kind: 'rule', ref: 'status-payment-date' }]);
}
