/**
 * Topics about a person coming along or being asked for, found across all intents: "can I bring
 * someone to my appointment?" (namesAPerson) and a practical question that only the classifier read
 * as a request for a person (heardAsAPerson). Split from variants.ts, whose per-intent matching they use.
 */
import type { ParseResult } from '../nlu/types.ts';
import type { AnswerVariant, DialogSet, IntentDef } from './types.ts';
import { fold, isWithin, namedAt, ONE_QUESTION, wordCount } from './variants.ts';
import { unsureVariant } from './variant-choice.ts';

/**
 * The words a plain "can I bring someone to my appointment?" has beside the words of bringing someone.
 * No word of ours is among them: "kan er een medewerker mee?", "someone from the council" ask for one of ours.
 */
const PLAIN_QUESTION: ReadonlySet<string> = new Set(['can', 'could', 'may', 'i', 'we', 'my', 'the', 'an', 'a', 'to', 'along', 'with', 'me', 'us', 'appointment', 'meeting', 'desk',
  'town', 'hall', 'interview', 'conversation', 'please', 'is', 'it', 'ok', 'okay', 'allowed', 'am', 'mag', 'kan', 'ik', 'we', 'wij', 'mijn', 'de', 'het', 'een', 'naar', 'bij',
  'afspraak', 'gesprek', 'balie', 'gemeentehuis', 'mee', 'meenemen', 'dat', 'ook', 'graag', 'even', 'hallo', 'hoi', 'hi', 'hello', 'vraagje', 'question', 'also']);


/**
 * "can I bring someone to my appointment?": a topic marked `names_a_person` that the message names, of
 * any intent, when no lexicon heard a request for a person ("… I want a real person": that person).
 * One within `topic`, the topic just answered, comes first: "kan iemand anders het ophalen?" right after
 * the BRP extract's answer is who may collect the extract, not the passport.
 */
export function namesAPerson(dialogs: DialogSet, nlu: ParseResult, topic?: string): { intent: IntentDef; variant: AnswerVariant } | undefined {
  const msg = nlu.text;
  if (wordCount(msg) > ONE_QUESTION || nlu.handoffs.some((h) => h.lexicon)) return undefined;
  const folded = fold(msg);
  let first: { intent: IntentDef; variant: AnswerVariant } | undefined;
  for (const intent of dialogs.intents.values()) {
    for (const v of intent.variants ?? []) {
      const at = v.names_a_person ? namedAt(v, folded, v.names_a_person) : null;
      // Only the plain question: any other word may say why a person is asked for ("… I need someone to talk to", "… she speaks Dutch").
      const rest = at ? `${folded.slice(0, at.index)} ${folded.slice(at.index + at[0].length)}`.split(/[^\p{L}]+/u).filter(Boolean) : null;
      if (!rest?.every((w) => PLAIN_QUESTION.has(w))) continue;
      if (topic && isWithin(v, topic)) return { intent, variant: v };
      // Else a topic of its own before a narrower case of another ("kan iemand anders hem ophalen?" after the passport is not the extract).
      if (!first || (first.variant.within && !v.within)) first = { intent, variant: v };
    }
  }
  return first;
}

/**
 * "kan ik met de bus komen?": a practical question that only the classifier read as asking for a
 * person (no words of the request lexicon), which a topic answers that the message names (an `unsure`
 * variant: the visiting address, which says how to get there). While the citizen waits for a person
 * the request adds nothing; otherwise no person was asked for (the request lexicon still hears one).
 * `queued`: the citizen waits for a person.
 */
export function heardAsAPerson(dialogs: DialogSet, nlu: ParseResult, queued: boolean): { intent: IntentDef; variant: AnswerVariant } | undefined {
  const heardOnly = nlu.handoffs.length > 0 && nlu.handoffs.every((h) => h.reason === 'explicit_request' && !h.lexicon);
  const named = heardOnly && nlu.text.includes('?') && wordCount(nlu.text) <= ONE_QUESTION ? unsureVariant(dialogs, nlu.text) : undefined;
  // Not waiting, a topic about a person ("kan er een medewerker mee naar de afspraak?") is namesAPerson's to answer, or a request.
  return named && (queued || !named.variant.names_a_person) ? named : undefined;
}
