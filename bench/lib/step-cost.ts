/**
 * CPU per turn of the pure dialog work, without store, HTTP or NLU time: readInContext, the dialog
 * step(s) with the demo case loaded as the pipeline would, withConcern, and the state's JSON round trip
 * (as stored and read back). 50 conversations cycle through the bench's MESSAGE_MIX; each message is
 * parsed once by the real recognizer. For comparing two commits of src/dialog (run each in its own
 * worktree, interleaved, several times: the figure moves with other load on the machine).
 *   node bin/run-ts.js bench/lib/step-cost.ts [--turns 20000] [--per-message] [--profile FILE]
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { readInContext, withConcern } from '../../src/dialog/concern.ts';
import { loadDialogSet, toTrainingData } from '../../src/dialog/loader.ts';
import type { StepContext } from '../../src/dialog/step.ts';
import { initialState } from '../../src/dialog/texts.ts';
import type { DialogState } from '../../src/dialog/types.ts';
import { parseOfficeHours } from '../../src/handoff/office-hours.ts';
import { createRecognizer } from '../../src/nlu/index.ts';
import type { ParseResult } from '../../src/nlu/types.ts';
import { stepThrough } from '../../tests/support/dialog-driver.ts';
import { MESSAGE_MIX } from './scenarios.ts';

const { values } = parseArgs({ options: { turns: { type: 'string', default: '20000' }, 'per-message': { type: 'boolean', default: false }, profile: { type: 'string' } } });
const turns = Number(values.turns);
const dialogs = loadDialogSet('dialogs');
const cacheDir = mkdtempSync(join(tmpdir(), 'loket-step-cost-'));
const recognizer = await createRecognizer(toTrainingData(dialogs), { cacheDir });
const parses = new Map<string, ParseResult>(MESSAGE_MIX.map((m) => [m, recognizer.parse(m)]));
rmSync(cacheDir, { recursive: true, force: true });
const ctx: StepContext = { dialogs, timeZone: 'Europe/Amsterdam', codes: false, officeHours: parseOfficeHours('mon-fri 08:30-17:00', 'Europe/Amsterdam', dialogs.holidays) };

const CONVERSATIONS = 50;
const states: DialogState[] = Array.from({ length: CONVERSATIONS }, () => ({ ...initialState(), welcomed: 'nl' }));
const messageOf = (i: number) => MESSAGE_MIX[Math.floor(i / CONVERSATIONS) % MESSAGE_MIX.length]!;
let clock = Date.parse('2026-11-25T10:00:00.000Z');
function turn(i: number): void {
  const msg = messageOf(i);
  const now = new Date((clock += 37)).toISOString();
  const start = states[i % CONVERSATIONS]!;
  const nlu = readInContext(start, msg, parses.get(msg)!);
  const decided = withConcern(stepThrough(start, { kind: 'message', text: msg, nlu, now, handoff: null }, ctx, now), nlu, dialogs, null, now, start);
  states[i % CONVERSATIONS] = JSON.parse(JSON.stringify(decided.state)) as DialogState;
}

const WARM_UP = 3000;
for (let i = 0; i < WARM_UP; i++) turn(i);
const session = values.profile ? new Session() : null;
if (session) {
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: 100 });
  await session.post('Profiler.start');
}
const perMessage = new Map<string, number>();
const c0 = process.cpuUsage();
for (let i = WARM_UP; i < WARM_UP + turns; i++) {
  if (!values['per-message']) {
    turn(i);
    continue;
  }
  const t0 = process.cpuUsage();
  turn(i);
  const t = process.cpuUsage(t0);
  perMessage.set(messageOf(i), (perMessage.get(messageOf(i)) ?? 0) + t.user + t.system);
}
const c = process.cpuUsage(c0);
if (session) {
  const { profile } = await session.post('Profiler.stop');
  writeFileSync(values.profile!, JSON.stringify(profile));
  session.disconnect();
}
console.log(`dialog step: ${((c.user + c.system) / turns).toFixed(1)} µs CPU/turn over ${turns} turns`);
for (const [msg, us] of perMessage) console.log(`  ${JSON.stringify(msg)}: ${(us / (turns / MESSAGE_MIX.length)).toFixed(1)} µs`);
