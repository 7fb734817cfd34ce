/**
 * "kan ik nog op vakantie?" right after the plain answer on applying for a passport ("hoe vraag ik een paspoort
 * aan"): got the answer on travelling with an expired passport ("Een verlopen paspoort is niet meer geldig"),
 * though nobody said it had expired. Whoever renews keeps the old one until the new one is collected and may
 * travel on it while it is valid: the answer given after a passport's fees (payment's id_travel_meanwhile).
 * After "mijn paspoort is verlopen" or "ik ben mijn paspoort kwijt" the expired passport's answer stays. Pure.
 */
import type { AnswerVariant, DialogSet, DialogState, IntentDef } from './types.ts';

/** Words that say a document expired, or was lost or stolen ("mijn paspoort is verlopen", "pasport kwijt"). */
export const GONE = /(^|[^\p{L}])(verlopen|verloopt|vervallen|kwijt|kwijtgeraakt|verloren|gestolen|gejat|vermist|niet meer geldig|ongeldig|expired|expires|lost|stolen|missing|no longer valid|not valid)([^\p{L}]|$)/iu;

/**
 * The intent and variant that answer instead of the expired passport's travel answer (documents' id_travel),
 * right after the plain passport answer to a message that said nothing of it expiring or being lost, and when
 * this message does not either. Undefined otherwise.
 */
export function travelMeanwhile(state: DialogState, msg: string, intent: IntentDef, variant: AnswerVariant | undefined, dialogs: DialogSet): { intent: IntentDef; variant: AnswerVariant } | undefined {
  const last = state.lastAnswer;
  if (intent.id !== 'documents' || variant?.id !== 'id_travel' || last?.trace.dialog !== 'documents' || last.topic !== 'id_documents' || last.documentGone || GONE.test(msg)) return undefined;
  const payment = dialogs.intents.get('payment');
  const meanwhile = payment?.variants?.find((v) => v.id === 'id_travel_meanwhile');
  return payment && meanwhile ? { intent: payment, variant: meanwhile } : undefined;
}
