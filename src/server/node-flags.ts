/**
 * V8 flags for a process that serves turns. `npm start` passes them (package.json), the cluster
 * primary gives them to the workers it forks, and bench/turns.ts starts Loket with them, so what is
 * measured is what runs.
 *
 * --max-semi-space-size=16 (V8's own ceiling on Node 20, written out so the choice is visible). It was
 * 64 while a turn's objects outlived a 16 MB semi-space and were promoted; since the turn got cheaper,
 * bench/turns.ts in runs interleaved on a quiet machine gives 16 the edge: one process @200, three runs
 * each, 8,056–8,192 turns/s at 146–148 µs CPU per turn against 7,709–7,857 at 151–154 (p99 about the same,
 * 50–58 ms); ×2 processes 170–172 µs against 174–178. A larger semi-space only makes each scavenge
 * longer: what survives one grows with the time between them (`--trace-gc-nvp`: ~57 % of the survivors
 * promoted at 64 MB).
 */
export const SERVER_NODE_FLAGS: readonly string[] = ['--max-semi-space-size=16'];

/**
 * The flags of SERVER_NODE_FLAGS that a process was not started with, by name: a value the operator
 * chose on the command line (`execArgv`) or in NODE_OPTIONS (from the config) is kept.
 */
export function missingServerFlags(execArgv: readonly string[], nodeOptions: string | undefined): string[] {
  const given = [...execArgv, ...(nodeOptions ?? '').split(/\s+/)].map(flagName);
  return SERVER_NODE_FLAGS.filter((f) => !given.includes(flagName(f)));
}

const flagName = (flag: string) => flag.split('=')[0]!.replace(/_/g, '-');
