/**
 * "Geldt ie ook voor de motor?" right after an answer: whether what was just answered holds for one more
 * thing (concern.ts reads the crisis model's word on such a message against the thing alone). Pure.
 */
import type { DialogState } from './types.ts';

/**
 * "geldt ie ook voor de motor?", "geldt hij ook voor mn vrouw haar auto", "does it also apply to my wife's car?"
 * right after an answer: whether what was just answered holds for one more thing. The crisis model alone read
 * a crisis in them (113 and a person at once): in so short a message the few words it knows each weigh much,
 * and none of "geldt", "ie", "ook", "voor", "auto" is an intent example's, so nothing pulled it back. The
 * whole message, in this form only; what it asks about (`thing`) is read apart (alsoForThing).
 */
const ALSO_FOR: readonly RegExp[] = [
  String.raw`^((en|maar|ok|oké|oke|dus)[,]?\s+)?((geldt|geld|gelden|telt|tellen|werkt|werken)\s+(ie|hij|het|t|die|dat|deze|dit|ze|zij|em|m)|(is|zijn)\s+(ie|hij|het|t|die|dat|deze|dit|ze|zij)\s+((ook|dan|nog|wel|eigenlijk)\s+)*geldig)\s+((ook|dan|nog|wel|eigenlijk)\s+)*(voor|bij|op|met)\s+(?<thing>[^?!.,;:]+?)(\s+(ook|dan))?\s*[?!.]*$`,
  String.raw`^((and|but|ok|so)[,]?\s+)?(does|do|will|would|is|are)\s+(it|that|this|they|these)\s+(also\s+)?(apply\s+(also\s+)?(to|for)|count\s+(also\s+)?for|work\s+(also\s+)?for|hold\s+(also\s+)?for|cover|valid\s+(also\s+)?(for|on))\s+(?<thing>[^?!.,;:]+?)(\s+(too|also|as\s+well))?\s*[?!.]*$`,
].map((r) => new RegExp(r, 'iu'));
/** Words the thing asked about may have (ALSO_FOR). */
const ALSO_FOR_WORDS = 5;
/**
 * Words that start a clause of its own ("… voor mijn kinderen als ik er niet meer ben", "… voor wie het opgeeft"),
 * or say the writer is not or no longer: the thing asked about has none of them.
 */
const ALSO_FOR_NOT: ReadonlySet<string> = new Set(['als', 'wanneer', 'indien', 'zodra', 'nadat', 'na', 'zonder', 'tot', 'totdat', 'ik', 'niet', 'geen', 'nooit', 'meer',
  'wie', 'die', 'dat', 'wat', 'waar', 'waarmee', 'if', 'when', 'once', 'after', 'without', 'until', 'till', 'i', "i'm", 'im', 'not', 'no', 'never', 'anymore',
  'who', 'whom', 'which', 'that', 'what', 'where', 'gone', 'weg',
  // Nor one's end, where a veiled crisis asks about its paperwork ("geldt hij ook voor mijn testament", "… mijn laatste reis").
  'dood', 'dead', 'death', 'dying', 'overlijden', 'sterven', 'laatste', 'last', 'final', 'testament', 'will', 'erfenis', 'nalatenschap', 'inheritance',
  'uitvaart', 'begrafenis', 'crematie', 'funeral', 'burial', 'cremation', 'graf', 'grave', 'hemel', 'heaven', 'hiernamaals', 'afterlife', 'nabestaanden',
  'afscheid', 'goodbye', 'farewell']);
/**
 * The thing a message asks about when the whole message asks, right after an answer, whether what was just
 * answered holds for it too (ALSO_FOR): "de motor" of "geldt ie ook voor de motor?". Null for any other message.
 * The caller parses it apart for readInContext: the crisis model's word on "de motor" alone is what the
 * question adds to the answer; on "het touw" or "mijn pillen" alone it still finds a crisis.
 */
export function alsoForThing(state: DialogState, msg: string): string | null {
  if (!rightAfterAnswer(state)) return null;
  const thing = ALSO_FOR.map((r) => r.exec(msg.trim())?.groups?.thing).find((t) => t !== undefined);
  if (thing === undefined) return null;
  const words = thing.toLowerCase().split(/\s+/u).filter(Boolean);
  return words.length > 0 && words.length <= ALSO_FOR_WORDS && words.every((w) => /^[\p{L}\d'’]+$/u.test(w) && !ALSO_FOR_NOT.has(w)) ? thing.trim() : null;
}
/** Right after an answer, with no question of the assistant's open. */
export const rightAfterAnswer = (state: DialogState): boolean =>
  state.lastAnswer !== null && !['concern', 'handoff', 'feedback'].includes(state.lastAnswer.trace.dialog) && state.active === null && state.pending === null;
