/**
 * The citizen doubts the status just told: "klopt dat wel?", "is that right?" got the answer on payments
 * (the classifier reads "klopt" as an amount that is wrong); "dat is niet mijn zaak", "ik heb geen dakkapel
 * aangevraagd" got the whole status again. Each reply has that case among its sources. Pure, like step.ts.
 */
import type { FlowContext } from './case-flow.ts';
import { aboutStatus } from './about-status.ts';
import { text } from './texts.ts';
import type { DialogState, StepResult } from './types.ts';

const LEAD = String.raw`^\s*((huh|eh+|uh+|hmm+|maar|en|ok(é|e|ay)?|oke|sorry|but|and|wait|wacht|nee|no)[,?!.]?\s+){0,3}`;
const TAIL = String.raw`(\s+(wel|toch|echt|nou|dan|zeker|hoor|really|then|though))*\s*[?!.]*\s*$`;

/** "klopt dat wel?", "klopt dit?", "weet je dat zeker?", "is that right?", "are you sure?": the whole message doubts it. */
const DOUBTS = new RegExp(LEAD + String.raw`((klopt|klopte|kloppen) (dat|dit|het|t|da|die status|de status|dat wel|dit wel)|(weet|ben) (je|u|jij) ((dat|dit|het) )?(wel )?zeker( weten)?|zeker weten|(is|are) (that|this|it|the status|you) (right|correct|true|sure|accurate|up to date)|(are you|r u|you) sure|is that really (so|true|right)|really)` + TAIL, 'i');
/** "dat klopt niet", "klopt niet", "that's not right": said, not asked; after a refusal that is an objection, answered elsewhere. */
const NOT_RIGHT = new RegExp(LEAD + String.raw`((dat|dit|het|t|da|die status|de status) )?(klopt|kloppen) (niet|nie|ni|echt niet|helemaal niet|never)|(that'?s|that is|this is|it'?s|it is) (not|wrong|incorrect)( (right|correct|true))?` + TAIL, 'i');
/**
 * "dat is niet mijn zaak", "dit is niet mijn aanvraag", "ik heb dat nooit aangevraagd", "ik heb geen dakkapel
 * aangevraagd", "that's not my case", "i never applied for that".
 */
const NOT_MINE = new RegExp(LEAD + String.raw`((dat|dit|die|het|deze zaak|die zaak|deze aanvraag) (is|zijn) (niet|nie) (van mij|mijn (zaak|aanvraag|vergunning|dossier))|(dat|dit|die|het) (is|zijn) (niet|nie) van (mij|ons)|(niet|nie) (van mij|mijn (zaak|aanvraag))|(ik|wij|we) (heb|hebben) (dat|dit|die|het|geen \p{L}+|nooit (een |zo'?n )?\p{L}+|nooit) ((nooit|niet|nie|ook niet) )?(aangevraagd|gevraagd|ingediend)|(that'?s|that is|this is|it'?s|it is) not (mine|my (case|application|permit))|not my (case|application)|(i|we) (never|didn'?t|did not|have not|haven'?t) (applied|apply|asked) for (that|this|it|a \p{L}+|any \p{L}+)|(i|we) (never|didn'?t|did not|have not|haven'?t) (request(ed)?) (that|this|it|a \p{L}+))` + TAIL, 'iu');

/**
 * "Klopt dat wel?" right after a status: it is read as it stands in the case system, and a person can look
 * into the case. "Dat is niet mijn zaak": the case was found with the number given and its postcode and birth
 * date matched; the letter's number, another number, or a person. Null after anything but a status.
 */
export function statusDoubted(state: DialogState, msg: string, ctx: FlowContext): StepResult | null {
  const last = state.lastAnswer;
  const caseNumber = state.facts.caseNumber;
  if (!last?.means || !caseNumber) return null;
  const sources = [{ kind: 'rule' as const, ref: 'verify-case-number-postcode-birthdate' }];
  if (NOT_MINE.test(msg)) {
    const said = (lang: 'nl' | 'en') => text(ctx.dialogs, 'case.not_mine', lang, { caseNumber });
    return aboutStatus(state, ctx, { nl: said('nl'), en: said('en') }, 'not_mine', sources);
  }
  if (!DOUBTS.test(msg) && !(NOT_RIGHT.test(msg) && last.decision !== 'refused')) return null;
  return aboutStatus(state, ctx, { nl: text(ctx.dialogs, 'case.doubted', 'nl'), en: text(ctx.dialogs, 'case.doubted', 'en') }, 'doubted', [{ kind: 'rule', ref: 'status-from-case-system' }]);
}
