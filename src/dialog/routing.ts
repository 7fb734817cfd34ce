/** Which team takes a handoff: by intent first (complaints), then by case type, else the default (dialogs/routing.yaml). */
import type { DialogSet } from './types.ts';

export function teamFor(dialogs: DialogSet, intent: string, caseType?: string): string {
  const r = dialogs.routing;
  return r.byIntent[intent] ?? (caseType ? r.byCaseType[caseType] : undefined) ?? r.defaultTeam;
}

/** Every team the routing names, the default first (the console and Slack offer these for a transfer). */
export function teamsOf(dialogs: DialogSet): string[] {
  const r = dialogs.routing;
  return [...new Set([r.defaultTeam, ...Object.values(r.byCaseType), ...Object.values(r.byIntent)])];
}
