/**
 * Summarizes a V8 .cpuprofile (from `node --cpu-prof`): where the busy time of a process went,
 * (1) inclusive per part of the stack (a sample counts for every part that is on its stack), and
 * (2) the functions with the most self time.
 */
import { readFileSync } from 'node:fs';

interface CallFrame { functionName: string; url: string; lineNumber: number; columnNumber: number }
interface ProfileNode { id: number; callFrame: CallFrame; children?: number[] }
interface CpuProfile { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[]; startTime: number; endTime: number }

export interface ProfileSummary {
  wallMs: number;
  busyMs: number;
  idleMs: number;
  gcMs: number;
  parts: Array<{ part: string; ms: number; pctOfBusy: number }>;
  exclusive: Array<{ part: string; ms: number; pctOfBusy: number }>;
  topSelf: Array<{ fn: string; where: string; ms: number; pctOfBusy: number }>;
}

/** Parts of the stack, checked on every frame; a sample belongs to each part seen on its stack. */
const PARTS: Array<[string, (f: CallFrame) => boolean]> = [
  ['loket: conversation outbox (src/conversation/outbox)', (f) => f.url.includes('/src/conversation/outbox')],
  ['loket: conversation service (receive, whole turn)', (f) => f.url.includes('/src/conversation/')],
  ['loket: NLU (src/nlu)', (f) => f.url.includes('/src/nlu/')],
  ['loket: dialog step (src/dialog)', (f) => f.url.includes('/src/dialog/')],
  ['loket: store (src/store, incl. SQLite native)', (f) => f.url.includes('/src/store/')],
  ['loket: web channel (channels/web)', (f) => f.url.includes('/channels/web/')],
  ['loket: handoff (src/handoff)', (f) => f.url.includes('/src/handoff/')],
  ['loket: cases (src/cases)', (f) => f.url.includes('/src/cases/')],
  ['botbuilder-core (TurnContext/adapter)', (f) => f.url.includes('/node_modules/botbuilder')],
  ['fastify (+ find-my-way, avvio, light-my-request…)', (f) => /node_modules\/(fastify|@fastify|find-my-way|avvio|fast-json-stringify|secure-json-parse|light-my-request)\//.test(f.url)],
  ['pino (logging)', (f) => /node_modules\/(pino|pino-std-serializers|sonic-boom)\//.test(f.url)],
  ['ajv (validation)', (f) => f.url.includes('node_modules/ajv/')],
  ['express (nlp.js server)', (f) => /node_modules\/(express|body-parser|cors|raw-body|router)\//.test(f.url)],
  ['@nlpjs', (f) => f.url.includes('node_modules/@nlpjs/')],
  ['JSON.parse/stringify', (f) => f.url === '' && /^(parse|stringify)$/.test(f.functionName)],
  ['node http/net (internal)', (f) => /node:(_http|http|net|internal\/(http|stream|streams|net))/.test(f.url) || /^(node:)?_http/.test(f.url)],
];

const short = (url: string) => url.replace(/^file:\/\//, '').replace(/^.*\/node_modules\//, 'nm/').replace(/^.*\/(src|channels|bench)\//, '$1/');

export function summarizeProfile(file: string, top = 25): ProfileSummary {
  const p = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const self = new Map<number, number>();
  for (let i = 0; i < p.samples.length; i++) {
    const id = p.samples[i]!;
    self.set(id, (self.get(id) ?? 0) + (p.timeDeltas[i] ?? 0) / 1000);
  }
  let idle = 0;
  let gc = 0;
  let busy = 0;
  const parts = new Map<string, number>();
  const exclusive = new Map<string, number>();
  const selfFn = new Map<string, { fn: string; where: string; ms: number }>();
  for (const [id, ms] of self) {
    const node = byId.get(id)!;
    const name = node.callFrame.functionName;
    if (name === '(idle)') { idle += ms; continue; }
    busy += ms;
    if (name === '(garbage collector)') gc += ms;
    const seen = new Set<string>();
    let innermost: string | null = null;
    for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
      const f = byId.get(cur)!.callFrame;
      for (const [part, match] of PARTS) {
        if (!seen.has(part) && match(f)) {
          seen.add(part);
          innermost ??= part;
        }
      }
    }
    const ex = innermost ?? (name === '(garbage collector)' ? 'GC' : name === '(program)' ? '(program): V8/native outside JS' : 'other (node internals, timers, microtasks…)');
    exclusive.set(ex, (exclusive.get(ex) ?? 0) + ms);
    for (const part of seen) parts.set(part, (parts.get(part) ?? 0) + ms);
    const where = node.callFrame.url ? `${short(node.callFrame.url)}:${node.callFrame.lineNumber + 1}` : '(native)';
    const key = `${name}@${where}`;
    const e = selfFn.get(key) ?? { fn: name || '(anonymous)', where, ms: 0 };
    e.ms += ms;
    selfFn.set(key, e);
  }
  const pct = (ms: number) => +((100 * ms) / busy).toFixed(1);
  return {
    wallMs: (p.endTime - p.startTime) / 1000,
    busyMs: busy,
    idleMs: idle,
    gcMs: gc,
    exclusive: [...exclusive].map(([part, ms]) => ({ part, ms, pctOfBusy: pct(ms) })).sort((a, b) => b.ms - a.ms),
    parts: [...parts].map(([part, ms]) => ({ part, ms, pctOfBusy: pct(ms) })).sort((a, b) => b.ms - a.ms),
    topSelf: [...selfFn.values()].sort((a, b) => b.ms - a.ms).slice(0, top).map((e) => ({ ...e, pctOfBusy: pct(e.ms) })),
  };
}
