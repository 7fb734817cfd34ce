/**
 * Where a process allocates, from a .heapprofile that `bench/turns.ts --profile` writes beside each
 * .cpuprofile when BENCH_HEAP_PROFILE=1 (the inspector's sampling heap profiler, with the objects the
 * scavenger and the mark-compact collected counted too: so it is all that was allocated in the
 * measured window, not only what lived to its end):
 *   node bin/run-ts.js bench/lib/show-heap.ts FILE [--turns N] [--top 30] [--callers FN]
 * --turns: divide by the window's turns (printed by turns.ts) to get bytes per turn.
 * --callers: the stacks (four frames) that lead to a function's own allocations.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';

interface HeapNode { callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number }; selfSize: number; children?: HeapNode[] }

const { values, positionals } = parseArgs({ options: { turns: { type: 'string', default: '1' }, top: { type: 'string', default: '30' }, callers: { type: 'string' } }, allowPositionals: true });
const file = positionals[0];
if (!file) {
  console.error('usage: show-heap.ts FILE [--turns N] [--top N] [--callers FN]');
  process.exit(2);
}
const { head } = JSON.parse(readFileSync(file, 'utf8')) as { head: HeapNode };
const turns = Number(values.turns);
const nameOf = (n: HeapNode) => n.callFrame.functionName || '(anonymous)';
const whereOf = (n: HeapNode) => `${n.callFrame.url.replace(/^.*\/node_modules\//, 'nm/').replace(/^file:\/\/.*?\/(src|channels|bench)\//, '$1/')}:${n.callFrame.lineNumber + 1}:${n.callFrame.columnNumber + 1}`;

const self = new Map<string, number>();
const callers = new Map<string, number>();
let total = 0;
const walk = (n: HeapNode, stack: string[]) => {
  const key = `${nameOf(n)}  ${whereOf(n)}`;
  total += n.selfSize;
  if (n.selfSize > 0) {
    self.set(key, (self.get(key) ?? 0) + n.selfSize);
    if (values.callers === nameOf(n)) {
      const chain = stack.slice(-4).reverse().join(' < ');
      callers.set(chain, (callers.get(chain) ?? 0) + n.selfSize);
    }
  }
  for (const c of n.children ?? []) walk(c, [...stack, key]);
};
walk(head, []);

const per = (bytes: number) => String(Math.round(bytes / turns)).padStart(8);
const unit = turns > 1 ? 'bytes/turn' : 'bytes';
console.log(`allocated ${(total / 1e6).toFixed(1)} MB in the window${turns > 1 ? `, ${per(total).trim()} bytes per turn` : ''}`);
console.log(`top allocating functions (${unit}):`);
for (const [k, v] of [...self].sort((a, b) => b[1] - a[1]).slice(0, Number(values.top))) console.log(`${per(v)}  ${k}`);
if (values.callers) {
  console.log(`\nwhere ${values.callers} allocates (${unit}):`);
  for (const [k, v] of [...callers].sort((a, b) => b[1] - a[1]).slice(0, 12)) console.log(`${per(v)}  ${k}`);
}
