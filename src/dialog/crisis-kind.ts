/**
 * A crisis has kinds with words of their own: violence at home (Veilig Thuis, and a phone that may be
 * watched) and danger to life now (112 first, never "bel 113" after it). The kind is found with the
 * crisis (hand-off.ts) and kept on its record and on the handoff's evidence, so every later text of the
 * wait (closed, too long, a no to the call, a message kept) says the same as the first answer did.
 */
import type { HandoffReason } from '../nlu/types.ts';
import type { DialogSet } from './types.ts';

/** Kinds by weight: danger to life now outweighs the rest. */
const WEIGHT: Readonly<Record<string, number>> = { emergency: 3, domestic_violence: 2 };

/** The kind of the crisis among `records` (handoff records or evidence): the weightiest, else the latest. */
export function crisisKind(records: ReadonlyArray<{ reason: HandoffReason; kind?: string }>): string | undefined {
  let best: string | undefined;
  for (const r of records) {
    if (r.reason !== 'distress' || !r.kind) continue;
    if (!best || (WEIGHT[r.kind] ?? 0) >= (WEIGHT[best] ?? 0)) best = r.kind;
  }
  return best;
}

/**
 * The text key for a wait about a crisis: `<key>_crisis.<kind>` when the dialogs have it, else
 * `<key>_crisis`, else `key` itself. Not about a crisis: `key`.
 */
export function crisisText(dialogs: DialogSet, records: ReadonlyArray<{ reason: HandoffReason; kind?: string }>, key: string): string {
  if (!records.some((r) => r.reason === 'distress') || !dialogs.texts.has(`${key}_crisis`)) return key;
  const kind = crisisKind(records);
  return kind && dialogs.texts.has(`${key}_crisis.${kind}`) ? `${key}_crisis.${kind}` : `${key}_crisis`;
}

/** `<key>.<kind>` for a text that is about a crisis already ("handoff.crisis_stays"), when the dialogs have it; else `key`. */
export function withKind(dialogs: DialogSet, records: ReadonlyArray<{ reason: HandoffReason; kind?: string }>, key: string): string {
  const kind = crisisKind(records);
  return kind && dialogs.texts.has(`${key}.${kind}`) ? `${key}.${kind}` : key;
}
