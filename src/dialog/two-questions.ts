/**
 * More than one thing in one message: a question behind a thanks ("ok dank je, hoe lang duurt het
 * nog?"), and two questions or more ("wanneer zijn jullie open en hoe staat het met mijn aanvraag"). Each
 * gives the NLU result(s) to answer in step.ts. Pure, like step.ts.
 */
import type { Entity, ParseResult } from '../nlu/types.ts';
import { ASKS } from './asks.ts';
import { CASE_ENTITIES } from './case-flow.ts';
import { CLOSING, isPlainAnswer } from './last-answer.ts';
import type { DialogSet, IntentDef } from './types.ts';
import { ASKS_COST, wordCount } from './variants.ts';

/**
 * "ok dank je, hoe lang duurt het nog?": a question behind a thanks or goodbye (the NLU's `also`) is
 * what to answer. The contact goes on, so no "Graag gedaan" and no feedback question before it.
 */
export function askedBehindThanks(dialogs: DialogSet, nlu: ParseResult): ParseResult | null {
  const at = questionBehindThanks(nlu.text);
  if (!CLOSING.has(nlu.intent.name)) {
    // "bedankt, wat kost dat?" read as a payment question: the question as it is alone ("wat kost dat?" right
    // after the move is that answer's own words on cost), without the thanks before it.
    return at > 0 && !nlu.also ? without(nlu, 0, at) : null;
  }
  // "dank u. moet ik de vergunning ergens ophalen?": a question after the thanks that the NLU could
  // not place is still a question. Not "Graag gedaan" and a score: what the assistant cannot answer.
  if (!nlu.also) {
    // "bedankt en wat kost zo n vergunning", "dank je wel, en hoe lang is die geldig": no question mark,
    // but a question word after the thanks. What follows the thanks is the question, read on its own; one
    // of what something costs is one for payments, as on its own ("wat kost zo n vergunning" after a building permit's status).
    if (at > 0) return { ...without(nlu, 0, at), intent: { name: ASKS_COST.test(nlu.text.slice(at)) ? 'payment' : 'none', confidence: nlu.intent.confidence } };
    return asksAfterThanks(nlu.text) ? { ...nlu, intent: { name: 'none', confidence: nlu.intent.confidence } } : null;
  }
  const asked = dialogs.intents.get(nlu.also.name);
  if (!asked || !(isPlainAnswer(asked) || (asked.flow && !asked.handoff))) return null;
  const { also, ...rest } = nlu;
  // "thanks, what does that cost?" right after the move: that question as alone, without the thanks before it.
  return { ...(at > 0 ? without(nlu, 0, at) : rest), intent: { name: also.name, confidence: also.confidence } };
}

/** Where the question behind an opening thanks starts ("bedankt en wat kost zo n vergunning": at "wat"); 0 for none of three words or more. */
function questionBehindThanks(msg: string): number {
  const thanks = THANKS_THEN.exec(msg)?.[0] ?? '';
  const rest = msg.slice(thanks.length);
  return thanks && ASKS.test(rest) && wordCount(rest) >= 3 ? thanks.length : 0;
}

/** A thanks that opens a message, with "en" or "and" after it: "ok bedankt en ", "dank je wel, en ", "thanks, and ". */
const THANKS_THEN = /^\s*((ok|oké|oke|okay|top|super|fijn|prima)[\s,.!]+)?(heel |hartelijk |erg )?(bedankt|dank( je| u)?( wel)?|dankjewel|dankuwel|thanks|thank you|thx)[\s,.!]*((en|and)[,]?\s+)?/i;

/** A question of three words or more after the first sentence or clause: "bedankt! en wat moet ik nu doen?" (not "dank je, tot ziens?"). */
function asksAfterThanks(msg: string): boolean {
  const rest = msg.split(/(?<=[.!,;:])\s+/).slice(1).join(' ');
  return rest.includes('?') && wordCount(rest) >= 3;
}

/**
 * Two or more questions in one message ("wanneer zijn jullie open en hoe staat het met mijn aanvraag",
 * the NLU's `also` and `more`): each is answered in the order asked, except that the one that asks
 * something back (the case question) comes last, so the citizen's next message answers it. Only
 * questions with an answer of their own or the case flow, and one case question at most; a person, a
 * greeting or a thanks is not another question.
 */
export function severalQuestions(dialogs: DialogSet, nlu: ParseResult): ParseResult[] | null {
  if (!nlu.also) return null;
  const first = dialogs.intents.get(nlu.intent.name);
  const second = dialogs.intents.get(nlu.also.name);
  const answers = (i: IntentDef | undefined): boolean => isPlainAnswer(i) || (!!i?.flow && !i.handoff);
  if (!answers(first) || !answers(second) || (first!.flow && second!.flow)) return null;
  // The questions after the second ("…, wat kost een paspoort en hoe staat het met mijn aanvraag"), each
  // with an answer; a case question only when the first two are none.
  let flowSeen = !!first!.flow || !!second!.flow;
  const later = (nlu.more ?? []).filter((m) => {
    const i = dialogs.intents.get(m.name);
    if (!answers(i) || (i!.flow && flowSeen)) return false;
    flowSeen ||= !!i!.flow;
    return true;
  });
  // Each question read in its own words: "wanneer komt mijn uitkering en wat moet ik meenemen voor mijn
  // paspoort" is the payment of a benefit, not the fees of a passport, and what to bring for the passport.
  const parts = [nlu.also, ...later];
  const split = parts.every((p) => p.start !== undefined && p.end !== undefined && p.end > p.start);
  const main = split ? parts.reduceRight((rest, p) => without(rest, p.start!, p.end!), nlu) : nlu;
  const asked = parts.map((p): ParseResult => ({ ...(split ? only(nlu, p.start!, p.end!) : nlu), intent: { name: p.name, confidence: p.confidence } }));
  // The case number, postcode and date belong to the case question: with them a plain one would be
  // read as the case question too (a bare case number is one).
  const plain = (p: ParseResult): ParseResult => ({ ...p, entities: p.entities.filter((e) => !CASE_ENTITIES.has(e.type)) });
  const inOrder = nlu.also.before ? [asked[0]!, main, ...asked.slice(1)] : [main, ...asked];
  const isFlow = (p: ParseResult): boolean => !!dialogs.intents.get(p.intent.name)?.flow;
  const flow = inOrder.find(isFlow);
  // The case question as the message's own: its facts may stand anywhere in it ("…? 1234 AB").
  const { also: _also, more: _more, ...whole } = nlu;
  return flow ? [...inOrder.filter((p) => p !== flow).map(plain), flow === main ? whole : flow] : inOrder;
}

/** The message's part from `start` to `end`, with the entities in it (their offsets in that part). */
function only(nlu: ParseResult, start: number, end: number): ParseResult {
  const entities = nlu.entities.filter((e) => e.start >= start && e.end <= end).map((e) => ({ ...e, start: e.start - start, end: e.end - start }));
  const { also: _also, more: _more, ...rest } = nlu;
  return { ...rest, text: nlu.text.slice(start, end), entities };
}

/** The message without its part from `start` to `end`, with the entities outside it. */
function without(nlu: ParseResult, start: number, end: number): ParseResult {
  const joined = `${nlu.text.slice(0, start)}${nlu.text.slice(end)}`;
  const lead = joined.length - joined.trimStart().length;
  const shift = (e: Entity, by: number): Entity => ({ ...e, start: e.start - by, end: e.end - by });
  const entities = nlu.entities.filter((e) => (e.end <= start && e.start >= lead) || e.start >= end).map((e) => shift(e, e.start >= end ? end - start + lead : lead));
  const { also: _also, more: _more, ...rest } = nlu;
  return { ...rest, text: joined.trim(), entities };
}
