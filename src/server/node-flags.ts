/**
 * V8 flags for a process that serves turns. `npm start` passes them (package.json), the cluster
 * primary gives them to the workers it forks, and bench/turns.ts starts Loket with them, so what is
 * measured is what runs.
 *
 * --max-semi-space-size=64: a turn lives about as long as its latency (tens of ms at 200
 * conversations), and with V8's default 16 MB semi-space a scavenge comes every ~300 turns, so the
 * objects of the turns in flight survive two scavenges, are promoted and need a full mark-compact
 * later (`--trace-gc` showed the old space climbing from ~90 to ~660 MB between them, and 7–10 ms per
 * scavenge). A 64 MB semi-space lets them die young: about 5–8 % less CPU per turn in bench/turns.ts,
 * for 96 MB more memory at most.
 */
export const SERVER_NODE_FLAGS: readonly string[] = ['--max-semi-space-size=64'];

/**
 * The flags of SERVER_NODE_FLAGS that a process was not started with, by name: a value the operator
 * chose on the command line (`execArgv`) or in NODE_OPTIONS (from the config) is kept.
 */
export function missingServerFlags(execArgv: readonly string[], nodeOptions: string | undefined): string[] {
  const given = [...execArgv, ...(nodeOptions ?? '').split(/\s+/)].map(flagName);
  return SERVER_NODE_FLAGS.filter((f) => !given.includes(flagName(f)));
}

const flagName = (flag: string) => flag.split('=')[0]!.replace(/_/g, '-');
