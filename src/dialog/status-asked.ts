/**
 * More questions about the status just told, answered from it: "en daarna elke maand?" after a benefit's first
 * payment, "wanneer hoor ik meer?" and "waarom hoor ik niks?". Each reply has that case among its sources. Pure, like step.ts.
 */
import type { FlowContext } from './case-flow.ts';
import { aboutStatus, statusInPlainWords } from './about-status.ts';
import { text, texts } from './texts.ts';
import type { DialogState, StepResult } from './types.ts';
import { wordCount } from './variants.ts';

/** Doubts about the status just told ("klopt dat wel?", "dat is niet mijn zaak"), among these questions for step.ts. */
export { statusDoubted } from './status-doubt.ts';

/** Words up to which a message is read as only this question about the status. */
const SHORT_QUESTION = 10;

/** "en daarna elke maand?", "is dat maandelijks?", "and every month after that?": payments after the first one. */
const MONTHLY = /\b((elke|iedere) (maand|mnd)|maandelijks|(de )?maand(en)? (daarna|erna|daarop)|volgende maand|every month|each month|monthly|the months? after|following months?|next month)\b/i;
/** The amount asked ("hoeveel krijg ik elke maand?"): the decision letter's, not this answer. */
const AMOUNT = /\b(hoeveel|bedrag|how much|amount)\b/i;
/** A benefit paid for each month (bijstand for living costs), not a one-off payment (bijzondere bijstand, a refund). */
const MONTHLY_BENEFIT = /^(?!.*bijzondere).*(bijstand|uitkering|participatiewet|levensonderhoud|benefit)/i;

/**
 * "En daarna elke maand?" right after a benefit's status that names its first payment: got "Dat kan ik niet
 * beantwoorden". Yes, a benefit is paid every month, and what changes it. Null after any other status.
 */
export function statusMonthly(state: DialogState, msg: string, ctx: FlowContext): StepResult | null {
  const last = state.lastAnswer;
  if (!last?.paid || !MONTHLY_BENEFIT.test(state.facts.caseType ?? '') || !MONTHLY.test(msg) || AMOUNT.test(msg) || wordCount(msg) > SHORT_QUESTION) return null;
  return aboutStatus(state, ctx, texts(ctx.dialogs, 'case.paid_monthly'), 'paid_monthly', [{ kind: 'rule', ref: 'benefit-paid-monthly' }]);
}

/** "wat als ik ziek ben", "en als ik ziek word?", "what if i am sick": ill while on the benefit, as the whole question. */
const SICK = /^\s*((en|and|maar|but|ok(é|e|ay)?|oke|dus|so)[,]?\s+){0,3}(wat als|wat gebeurt er als|wat moet ik doen als|stel dat|en als|als|what if|what happens if|what do i do if|and if|if)\s+(ik|i)\s+((ben|word|wordt|am|get|become|'m)\s+)?(ziek|sick|ill)(\s+(ben|word|wordt|am|get|become|geworden|ben geworden|raak))?\s*[?!.]*\s*$/i;

/**
 * "wat als ik ziek ben?" right after the status of a benefit (bijstand): got "Dat kan ik niet beantwoorden". Report
 * it; the benefit goes on; the municipality can give a temporary exemption from the duties to work (Participatiewet
 * art. 9 lid 2; reporting, art. 17). Null after any other status.
 */
export function statusSick(state: DialogState, msg: string, ctx: FlowContext): StepResult | null {
  if (!state.lastAnswer?.means || !MONTHLY_BENEFIT.test(state.facts.caseType ?? '') || !SICK.test(msg)) return null;
  return aboutStatus(state, ctx, texts(ctx.dialogs, 'case.benefit_sick'), 'benefit_sick', [{ kind: 'rule', ref: 'benefit-work-duties-exemption' }]);
}

/** "wanneer hoor ik meer?", "wnr hoor ik wat", "hoe lang moet ik nog wachten?", "when will I hear back?": when news comes, not what the status means. */
const WHEN_HEAR = /^\s*((en|and|maar|but|ok(é|e|ay)?|oke|dus|so)[,]?\s+){0,2}((wanneer|wnn?r|wannr|wnneer) (hoor|weet) (ik|we|wij) (dan |nou |nu |nog |er |daar )*(iets|het|wat|meer|van jullie)( (meer|over|erover|daarover|van jullie|van u|van de gemeente|terug))*|when (will|do|shall) you (let me know|get back to me|contact me|tell me|let us know)|hoe ?lang moet (ik|we|wij) (dan |nou |nu )*(nog )?wachten( op (het|een) (besluit|antwoord))?|when (will|do|shall|can) (i|we) (hear|get an answer|get news|know)( back| anything| more| from you| something)*|how long (do|will|must) (i|we) (still )?(have to |need to )?wait( for (the|a) (decision|answer))?)\s*[?!.]*\s*$/i;

/**
 * "Wanneer hoor ik meer?" right after a status: got what the status means again. When news comes: the decision,
 * by letter or e-mail, by the date the status names, and to call when it passes. Waiting for the citizen: what
 * that status means (it says what to send), so null.
 */
export function statusHearWhen(state: DialogState, msg: string, ctx: FlowContext): StepResult | null {
  const last = state.lastAnswer;
  if (!last?.means || !WHEN_HEAR.test(msg) || last.unfinished === 'waiting') return null;
  const sources = [{ kind: 'rule' as const, ref: 'decision-by-letter' }];
  if (last.decision) return aboutStatus(state, ctx, texts(ctx.dialogs, 'case.hear.decided'), 'hear_when', sources);
  if (!last.unfinished) return null;
  if (!last.dated) return aboutStatus(state, ctx, texts(ctx.dialogs, 'case.hear.in_progress'), 'hear_when', sources);
  const said = (lang: 'nl' | 'en') => text(ctx.dialogs, 'case.hear.in_progress_due', lang, { dated: last.dated![lang] });
  return aboutStatus(state, ctx, { nl: said('nl'), en: said('en') }, 'hear_when', sources);
}

/**
 * "waarom hoor ik niks?", "wrm hoor ik niks", "waarom heb ik nog niks gehoord", "why haven't I heard anything?": the
 * whole message asks why no news came.
 */
const WHY_NOTHING = /^\s*((en|and|maar|but|ok(é|e|ay)?|oke|hmm+|pff+|zucht|dus|so)[,]?\s+){0,2}((waarom|wrm|hoezo|hoe komt het dat|hoe kan het dat) (hoor|krijg|heb|ontvang|weet) (ik|we|wij) (dan |nou |nu |toch |nog |steeds |nog steeds |eigenlijk |helemaal )*(niks|niets|geen (bericht|brief|antwoord|reactie|mail|e-?mail|nieuws))( (meer|van jullie|van u|van de gemeente|terug|gehoord|ontvangen|gekregen|erover|daarover))*|why (haven'?t|havent|have not|didn'?t|didnt|did not|don'?t|dont|do not) (i|we) (hear|heard|get|got|gotten|receive|received)( (anything|a thing|back|from you|a letter|an answer|any news|news|a reply|yet|still))*|why (do|did) (i|we) (hear|get|receive) (nothing|no (news|letter|answer|reply|word))( (yet|from you|back))*|why (is there|has there been) (no|nothing)( (news|letter|answer|reply|word))?( (yet|from you))*|why no (news|letter|answer|reply|word)( (yet|from you))*)(\s+(dan|nou|nu|eigenlijk|toch|then|now|yet))*\s*[?!.]*\s*$/i;

/**
 * "ik heb geen brief gehad", "nog steeds geen brief", "i didn't get anything", "still no letter": no news came, said
 * rather than asked (not "ik heb niks": having nothing is no letter that did not come).
 */
const NOTHING_CAME = /^\s*((en|and|maar|but|ok(é|e|ay)?|oke|hmm+|pff+|zucht|nou)[,]?\s+){0,2}((ik|we|wij) (heb|hebben) (nog |nou |nu |toch |steeds |nog steeds |helemaal |echt |eigenlijk )*((niks|niets) (gehad|gekregen|ontvangen|gehoord)|geen (brief|bericht|mail|e-?mail|besluit|antwoord|reactie)( (gehad|gekregen|ontvangen))?)|(ik )?hoor (nog |nou |nu |steeds |nog steeds |helemaal )*(niks|niets)|(nog )?(steeds )?geen (brief|bericht|besluit|mail|e-?mail)( (gehad|gekregen|ontvangen))?|(i|we) (haven'?t|havent|have not|didn'?t|didnt|did not|never) (had|got|gotten|get|received|receive|heard|hear)( (a|the|any|my) (letter|decision|e-?mail|email|message|answer|reply)| anything)?|(i|we) (have |'ve )?(got|received|heard) nothing|(still )?no (letter|news|e-?mail|email|word|decision))( (yet|still|from you|back|van jullie|van u|van de gemeente))*\s*[?!.]*\s*$/i;

/**
 * "Waarom hoor ik niks?" right after a status: got "Gaat uw vraag over de stand van uw aanvraag?" (after the parking
 * permit, granted), or when benefits are paid. After a decision: it is taken (which, and when), and the letter or
 * e-mail that brings it, with the status's dated sentence. Before one: there is none yet, by when it is due, and
 * what to do when that date passes (case.late). Waiting for the citizen: what that status means (it says what to send).
 * So for "ik heb geen brief gehad", which got "Dat kan ik niet beantwoorden".
 */
export function statusHearNothing(state: DialogState, msg: string, ctx: FlowContext): StepResult | null {
  const last = state.lastAnswer;
  if (!last?.means || !(WHY_NOTHING.test(msg) || NOTHING_CAME.test(msg))) return null;
  if (last.unfinished === 'waiting') return statusInPlainWords(state, ctx);
  const sources = [{ kind: 'rule' as const, ref: 'decision-by-letter' }];
  const told = (key: string) => (lang: 'nl' | 'en') =>
    text(ctx.dialogs, key, lang, { decidedOn: last.decidedOn?.[lang] ?? '', dated: last.dated?.[lang] ?? '', late: text(ctx.dialogs, 'case.late', lang) }).replace(/\s+/g, ' ').trim();
  const key = last.decision ? `case.hear_nothing.${last.decision}` : !last.unfinished ? null : last.dated ? 'case.hear_nothing.in_progress_due' : 'case.hear_nothing.in_progress';
  if (!key) return null;
  const said = told(key);
  return aboutStatus(state, ctx, { nl: said('nl'), en: said('en') }, 'hear_nothing', sources);
}
