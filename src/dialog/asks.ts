/**
 * Whether a message asks the assistant something, where it might also close the contact or only speak
 * about it: a goodbye or thanks that asks something is neither, and words after a feedback score that
 * ask something are a new message, not the score's comment (feedback.ts). Pure, like step.ts.
 */
import type { ParseResult } from '../nlu/types.ts';
import { CASE_ENTITIES } from './case-flow.ts';
import { CLOSING } from './last-answer.ts';
import { asksByRule } from './rules.ts';
import type { DialogSet } from './types.ts';
import { unsureVariant } from './variant-choice.ts';
import { WHY } from './why.ts';

/** Below this, a message inside a flow is not taken as a new question. */
export const SWITCH_CONFIDENCE = 0.6;
/** The classifier was not sure enough of the intent to leave a flow or the topic for it. */
export const lowConfidence = (nlu: ParseResult): boolean => nlu.intent.confidence < SWITCH_CONFIDENCE;
/** "verder via sms", "continue on my phone": a link code asked for, to go on on another channel. */
export const LINK_REQUEST = /\b(verder (via|per|op|met) (sms|whatsapp|(de |mijn )?telefoon|slack)|doorgaan (op|via|per) (sms|whatsapp|(de |mijn )?telefoon)|continue (on|via|by|over) (sms|whatsapp|(my )?phone|text)|koppelcode|link ?code)\b/i;
/** A message that opens with a question word: it asks something, so it is no goodbye or thanks (not "wat fijn, dank je", "how kind, thanks": see SAYS_CLOSING). */
export const ASKS = /^\s*((en|maar|ok|oké|oke|nou|and|but|so|ok so)[,]?\s+)?(hoe|wat|wanneer|waar|waarom|welke?|wie|hoelang|tot hoe laat|tot wanneer|how|what|when|where|why|which|who|until when|till when)\b(?!\s+(fijn|leuk|goed|mooi|lief|aardig|snel|top|heerlijk|prettig|handig|super|fantastisch|geweldig|een|nice|kind|great|lovely|helpful|good|sweet|quick|fast|a|an)\b)/i;
/** A word of thanks or goodbye: "wat vriendelijk, dank je wel", "hoe dan ook bedankt", "who cares, bye" are closings all the same. */
const SAYS_CLOSING = /\b(dank|danku|dankje|dankjewel|dankuwel|bedankt|thanks|thank|thx|bye|doei|dag|tot ziens|tot later|groetjes|cheers)\b/i;

/**
 * The message as read, with a goodbye or thanks that asks something read as not placed: "en de dag
 * erna?" read unsurely as a goodbye ("dag"), or one that opens with a question word ("tot hoe laat?",
 * "hoe stop ik ermee?"), however sure.
 */
export function withoutClosingThatAsks(nlu: ParseResult): ParseResult {
  const asksSomething = (lowConfidence(nlu) && /\?\s*$/.test(nlu.text)) || (ASKS.test(nlu.text) && !SAYS_CLOSING.test(nlu.text));
  return CLOSING.has(nlu.intent.name) && asksSomething ? { ...nlu, intent: { name: 'none', confidence: nlu.intent.confidence } } : nlu;
}

/** Whether a message asks or tells the assistant something of its own (not just words about a score). */
export function asksSomething(msg: string, nlu: ParseResult, dialogs: DialogSet): boolean {
  // "super geholpen, dank je" after a score is about the score: thanks asks nothing.
  // "hoe vraag ik een paspoort aan", "waar kan ik mijn grofvuil kwijt?" (read unsurely, or a topic
  // without an intent of its own): a question about a topic with an answer, not words for the score.
  // "duurde wel lang?", "hoe snel dat ging" name no topic: about the contact still.
  return (nlu.intent.name !== 'none' && nlu.intent.name !== 'thanks' && nlu.intent.confidence >= SWITCH_CONFIDENCE)
    || nlu.entities.some((e) => CASE_ENTITIES.has(e.type))
    || asksByRule(msg) || [WHY, LINK_REQUEST].some((re) => re.test(msg))
    || ((ASKS.test(msg) || /\?\s*$/.test(msg)) && !SAYS_CLOSING.test(msg) && !!unsureVariant(dialogs, msg));
}
