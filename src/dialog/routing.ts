/** Which team takes a handoff: by intent first (complaints), then by case type, else the default (dialogs/routing.yaml). */
import type { DialogSet } from './types.ts';

export function teamFor(dialogs: DialogSet, intent: string, caseType?: string): string {
  const r = dialogs.routing;
  return r.byIntent[intent] ?? (caseType ? r.byCaseType[caseType] : undefined) ?? r.defaultTeam;
}
