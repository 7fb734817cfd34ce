/**
 * Questions about a complaint while it waits for a person: may it be in writing, who handles it, is it
 * anonymous, can something be added. Each got only where the wait stands (the complaint heard again
 * says nothing new), or "Ik heb uw bericht bewaard" with the callback offer again. The facts are those
 * of the General Administrative Law Act, chapter 9 (Awb 9:4 name and address, 9:7 someone not involved,
 * 9:9 a copy to the person the complaint is about).
 */
import type { ParseResult } from '../nlu/types.ts';
import { text, trace } from './texts.ts';
import type { DialogSet, DialogState, HandoffMode, StepResult } from './types.ts';

/** "kan ik ook schriftelijk klagen?", "kan dat per brief?", "can I complain in writing?". */
const IN_WRITING = /\b(schriftelijk|op papier|per (brief|post)|met een brief|een brief (sturen|schrijven|stuur|schrijf)|via (een |het )?(brief|formulier|klachtformulier|klachtenformulier|website)|klachtformulier|klachtenformulier|in writing|by (letter|post)|(send|write) (you )?a letter|(complaint|online) form)\b/i;
/** "wie behandelt mijn klacht?", "krijgt dezelfde medewerker mijn klacht?", "who will deal with it?". */
const WHO_HANDLES = /\b(wie (behandelt|behandeld|behandeld|gaat|bekijkt|beoordeelt|leest|krijgt|doet)\b.{0,25}\b(klacht|het|dat|die|dit|mee)|(dezelfde|diezelfde|zelfde) (medewerker|persoon|mevrouw|meneer)|who (handles|will handle|is handling|deals with|will deal with|looks at|will look at|reads|will read|gets)\b.{0,20}\b(complaint|it|this|that)|the same (person|staff member|employee))\b/i;
/** "is dit anoniem?", "weet die medewerker dan dat ik geklaagd heb?", "can I stay anonymous". */
const ANONYMOUS = /\b(anoniem\w*|anonym\w*|zonder (mijn )?naam|without (my )?name|(weet|hoort|ziet) (die|de|deze) (medewerker|persoon|mevrouw|meneer) (dan |het |ook )*(dat|wie) ik|will (he|she|they|the (staff member|employee|person)) (know|find out|see) (it was|that i|who))\b/i;
/** "ik wil nog iets toevoegen", "ik ben iets vergeten te zeggen", "I want to add details", "can I send photos". */
const ADDS = /\b((iets|wat|meer|nog iets|nog wat|informatie|info|details?|gegevens|een foto|foto'?s|bewijs|documenten|papieren)\s+((aan|bij) (mijn|de|die) klacht\s+)?(toevoegen|toe voegen|bijvoegen|erbij (doen|zetten|sturen|vertellen)|meesturen)|toevoegen aan (mijn|de|die) klacht|vergeten te (zeggen|vertellen|melden|noemen)|add (some |more |a few |a |an )?(details?|information|info|something|more|photos?|pictures?|documents?|evidence)|(send|attach) (you )?(some )?(photos?|pictures?|documents?|evidence|proof)|forgot to (say|mention|tell))\b/i;

/** The question and the text that answers it, the first that fits. */
const QUESTIONS: ReadonlyArray<readonly [RegExp, string]> = [
  [ANONYMOUS, 'handoff.complaint_anonymous'], [WHO_HANDLES, 'handoff.complaint_who'], [ADDS, 'handoff.complaint_add'], [IN_WRITING, 'handoff.complaint_in_writing'],
];

/**
 * The answer to a question about the complaint the citizen waits with, and where the wait stands; null
 * for anything else. Called after the crisis check of the wait: a crisis in the message never lands here.
 */
export function complaintQuestion(state: DialogState, msg: string, nlu: ParseResult, mode: HandoffMode, dialogs: DialogSet): StepResult | null {
  const last = state.handoffs.at(-1);
  if (mode.state !== 'queued' || last?.reason !== 'complaint' || last.kind === 'withdraw') return null;
  const key = QUESTIONS.find(([words]) => words.test(msg))?.[1];
  if (!key) return null;
  const reply = {
    text: text(dialogs, key, state.lang),
    trace: trace(dialogs, { dialog: 'handoff', step: 'complaint_question', intent: nlu.intent.name, confidence: nlu.intent.confidence, sources: [{ kind: 'dialog', ref: 'dialogs/flows/complaint.yaml' }] }),
  };
  return { state, replies: [reply], effects: [{ type: 'queue_status' }] };
}
