/**
 * "Wie is mijn contactpersoon?", "wie behandelt mijn aanvraag?", "who is handling my case?": who handles an
 * application. Right after a case's status this got "Dat kan ik niet beantwoorden", and "wie is mn contact
 * persoon" a person at once, though it asks a question. The case system tells no name, so the honest answer is
 * that a caseworker of the municipality handles it, that the assistant cannot see who, and how to reach a
 * person. Pure, like step.ts.
 */
import type { ParseResult } from '../nlu/types.ts';
import { text, trace } from './texts.ts';
import type { DialogSet, DialogState, StepResult } from './types.ts';

const LEAD = String.raw`^\s*((en|maar|ok|oké|oke|dus|and|but|so)[,]?\s+)?`;
const MINE = String.raw`(mijn|mn|m'n|de|onze|het|deze|die|my|the|our|this)`;
const CASE = String.raw`(zaak|aanvraag|dossier|case|application|file)`;
/** The whole message asks who handles the application or who one's contact person is; nothing more. */
const WHO_HANDLES = new RegExp(LEAD + '(' + [
  String.raw`(wie|wat)\s+(is|zijn)\s+(de\s+naam\s+van\s+)?${MINE}\s+(contactpersoon|contact\s+persoon|behandelaar|behandelaars|casemanager|consulent|klantmanager|dossierhouder)(\s+(van|voor|bij)\s+${MINE}\s+${CASE})?`,
  String.raw`wie\s+(behandelt|behandeld|doet|heeft)\s+${MINE}\s+${CASE}(\s+(nu|eigenlijk))?`,
  String.raw`wie\s+(is|zit)\s+er\s+(met\s+)?${MINE}\s+${CASE}\s+bezig`,
  String.raw`who(\s+is|'s|s)?\s+(my|the)\s+(contact\s+person|contact|caseworker|case\s+worker|case\s+manager|case\s+handler|case\s+officer)(\s+(for|on)\s+${MINE}\s+${CASE})?`,
  String.raw`who(\s+is|'s|s)?\s+(handling|handles|dealing\s+with|deals\s+with|working\s+on|looking\s+at|deciding\s+on)\s+(${MINE}\s+${CASE}|it|that)`,
  String.raw`which\s+(staff\s+member|person|employee|caseworker|officer|department|team)(\s+is)?\s+(handling|working\s+on|dealing\s+with|looking\s+at|deciding\s+on)\s+(${MINE}\s+${CASE}|it)`,
  String.raw`welke\s+(medewerker|afdeling|ambtenaar|behandelaar)\s+(behandelt|doet|bekijkt|is\s+bezig\s+met)\s+(${MINE}\s+${CASE}|het)`,
].join('|') + String.raw`)\s*[?!.]*\s*$`, 'iu');

/** Whether the whole message asks who handles one's application (WHO_HANDLES). */
export const asksWhoHandles = (msg: string): boolean => WHO_HANDLES.test(msg);

/**
 * The answer to "wie is mijn contactpersoon?", with the case number right after its status; null for any other
 * message, one that carries more than a request for a person (a crisis, anger), or while a case fact is asked.
 */
export function whoHandles(state: DialogState, msg: string, nlu: ParseResult, dialogs: DialogSet): StepResult | null {
  if (state.active || !asksWhoHandles(msg) || !nlu.handoffs.every((h) => h.reason === 'explicit_request')) return null;
  const caseNumber = state.lastAnswer?.trace.dialog === 'case_status' ? state.facts.caseNumber : undefined;
  const key = caseNumber ? 'case.who_handles' : 'case.who_handles_general';
  const t = trace(dialogs, {
    dialog: 'case_status', step: 'who_handles', intent: nlu.intent.name, confidence: nlu.intent.confidence,
    sources: [{ kind: 'dialog', ref: 'dialogs/flows/case_status.yaml' }, { kind: 'rule', ref: 'who-handles' }, ...(caseNumber ? state.lastAnswer!.trace.sources.filter((x) => x.kind === 'case') : [])],
  });
  return { state: { ...state, fallbacks: 0 }, replies: [{ text: text(dialogs, key, state.lang, { caseNumber }), trace: t }], effects: [] };
}
