/**
 * "Kan ik nu bellen?", "can I call now?": whether the phone is answered now. Pure, like step.ts.
 * The classifier reads the Dutch as a request for a person and the English as the opening hours, so
 * both are taken here, by rule, and get the same answer.
 */
import type { ParseResult } from '../nlu/types.ts';
import { isOpen } from '../handoff/office-hours.ts';
import { justAsked } from './concern.ts';
import { handOff } from './hand-off.ts';
import { openingLine } from './opening-hours.ts';
import { offerPerson } from './rules.ts';
import type { StepContext } from './step.ts';
import { andThen, text, texts, trace } from './texts.ts';
import type { DialogState, StepResult } from './types.ts';

/** "kan ik nu bellen?", "mag ik u nu even bellen?", "can I call you now?", "can I ring right now?": the whole message. */
const CALL_NOW = /^\s*((ja|ok|oké|oke|en|maar|yes|and|but|so)[,]?\s+)?((kan|mag|kun) ik (jullie |u )?(nu|nou|nu meteen|meteen|nu even|nou even|op dit moment) (jullie |u )?(even )?(op)?bellen|(can|may|could) i (call|phone|ring)( you)? (now|right now|at the moment))\s*[?!.]*\s*$/i;

/**
 * Open: yes, that we are open now (until when) and the number; a chat with a person here is offered
 * too (yes or no). Closed: the request for a person it is, in both languages. The handoff service then
 * says when we open and offers to call back (handoff.after_hours_offer), as for "ik wil nu iemand
 * spreken". Null when the message is not this question, carries another situation, or answers the
 * check-in ("gaat het goed met u?"), where a wish for a person may say more.
 */
/**
 * "kan ik iemand bellen?", "mag ik u bellen?", "can I call someone?": the same question without "now", which the
 * classifier reads as a request for a person. As a first message that is the person asked for (tests/dialog/step.test.ts);
 * while already waiting for one it asks for the number to call, not the place in the queue alone.
 */
const CALL_SOMEONE = /^\s*((ja|ok|oké|oke|en|maar|yes|and|but|so)[,]?\s+)?((kan|mag|kun) ik (iemand|een medewerker|een mens|een persoon|u|jullie|de gemeente) (ook |even |gewoon |telefonisch )*(op)?bellen|(can|may|could) i (call|phone|ring) (someone|somebody|a person|a staff member|an employee|a human|you)( instead)?)\s*[?!.]*\s*$/i;

const asksToCall = (msg: string, nlu: ParseResult): boolean => CALL_NOW.test(msg) || (CALL_SOMEONE.test(msg) && nlu.handoffs.some((h) => h.reason === 'explicit_request'));

export function answerCallNow(state: DialogState, msg: string, nlu: ParseResult, ctx: StepContext, now: string): StepResult | null {
  if (!CALL_NOW.test(msg) || !nlu.handoffs.every((h) => h.reason === 'explicit_request') || justAsked(state)) return null;
  if (ctx.officeHours && !isOpen(ctx.officeHours, new Date(now))) {
    return handOff({ ...state, active: null }, ctx, nlu, { reason: 'explicit_request', evidence: msg.trim().slice(0, 200) }, now);
  }
  // Not offerPerson's lastAnswer: "waarom?" after it is about the hours and the number.
  return andThen(toldOpen(state, nlu, ctx, now), (s) => offerPerson(s, ctx, nlu, 'contact_hours', 'chat_too', 'call.chat_too'));
}

/**
 * "kan ik nu bellen?" while waiting for a chat with a person, when we are open: yes, and the number;
 * the place in the queue stays (the caller adds where the wait stands). Null when it is not this
 * question or we are closed (then the callback the queue offers is the way).
 */
export function callNowWhileWaiting(state: DialogState, msg: string, nlu: ParseResult, ctx: StepContext, now: string): StepResult | null {
  if (!asksToCall(msg, nlu) || (ctx.officeHours && !isOpen(ctx.officeHours, new Date(now)))) return null;
  return toldOpen(state, nlu, ctx, now);
}

/** "Ja, dat kan. Nu zijn we open, vandaag tot 17.00 uur. Bel ons op 14 0123." */
function toldOpen(state: DialogState, nlu: ParseResult, ctx: StepContext, now: string): StepResult {
  const { dialogs } = ctx;
  const open = (ctx.officeHours ? openingLine(dialogs, ctx.officeHours, new Date(now), null, state.lang) : null) ?? text(dialogs, 'call.open', state.lang);
  const t = trace(dialogs, { dialog: 'contact_hours', step: 'call_now', intent: nlu.intent.name, confidence: nlu.intent.confidence, sources: [{ kind: 'dialog', ref: 'dialogs/messages.yaml' }, { kind: 'rule', ref: 'office-hours', at: now }, { kind: 'dialog', ref: 'dialogs/calendar.yaml' }] });
  const rule = dialogs.intents.get('contact_hours')?.rule ?? texts(dialogs, 'why.default');
  const why = texts(dialogs, 'hours.why');
  return {
    state: { ...state, active: null, fallbacks: 0, lastAnswer: { trace: t, explain: { nl: `${rule.nl} ${why.nl}`, en: `${rule.en} ${why.en}` } } },
    replies: [{ text: text(dialogs, 'call.now_open', state.lang, { open }), trace: t }],
    effects: [],
  };
}
