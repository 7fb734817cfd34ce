/**
 * A short summary for the caseworker who takes over: what the citizen asked, what we know, so
 * nobody asks again. Built from the transcript and the dialog state; no model, no guessing.
 */
import type { StoredActivity } from '../conversation/types.ts';
import type { DialogState } from '../dialog/types.ts';

const clip = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

export function summarize(transcript: StoredActivity[], state: DialogState): string {
  const citizen = transcript.filter((s) => s.activity.type === 'message' && s.activity.from.role === 'user').map((s) => s.activity.text ?? '');
  const parts: string[] = [];
  if (citizen.length > 0) parts.push(`Burger schreef ${citizen.length}×; laatst: "${clip(citizen.at(-1)!, 160)}".`);
  if (citizen.length > 1) parts.push(`Eerder: ${citizen.slice(-4, -1).map((t) => `"${clip(t, 80)}"`).join(', ')}.`);
  const proved = state.verifiedIdentity;
  if (proved) {
    parts.push(`Geverifieerd (postcode + geboortedatum) voor ${proved.cases.join(', ')}${proved.forOther ? ', met de gegevens van degene voor wie de burger het vraagt' : ''}.`);
    if (proved.others?.length) parts.push(`Ook geverifieerd voor ${proved.others.join(', ')}, met de gegevens van degene voor wie de burger het vraagt.`);
  } else if (state.facts.caseNumber) parts.push(`Zaak genoemd: ${state.facts.caseNumber} (niet geverifieerd).`);
  if (state.facts.caseType) parts.push(`Soort zaak: ${state.facts.caseType}.`);
  if (state.facts.phone) parts.push('Telefoonnummer bekend.');
  // The caseworker should answer in the language the assistant used, or ask for an interpreter.
  if (state.lang === 'en') parts.push('Schrijft in het Engels (de assistent antwoordde in het Engels).');
  return parts.join(' ') || 'Nog geen berichten van de burger.';
}
