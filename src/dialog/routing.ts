/**
 * Which team takes a handoff (dialogs/routing.yaml): by the handoff's reason first (debts to debt
 * support, whatever the case), then by intent (complaints), then by case type, else the default.
 */
import type { DialogSet } from './types.ts';

export function teamFor(dialogs: DialogSet, intent: string, caseType?: string, reason?: string): string {
  const r = dialogs.routing;
  return (reason ? r.byReason[reason] : undefined) ?? r.byIntent[intent] ?? (caseType ? r.byCaseType[caseType] : undefined) ?? r.defaultTeam;
}

/** Every team the routing names, the default first (the console and Slack offer these for a transfer). */
export function teamsOf(dialogs: DialogSet): string[] {
  const r = dialogs.routing;
  return [...new Set([r.defaultTeam, ...Object.values(r.byCaseType), ...Object.values(r.byIntent), ...Object.values(r.byReason)])];
}
