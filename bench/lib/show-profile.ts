/**
 * Prints the summary of a .cpuprofile: `node bin/run-ts.js bench/lib/show-profile.ts FILE [--callers FN]`
 * (--callers: the stacks that lead to a function's self time).
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { summarizeProfile } from './cpuprofile.ts';

const { values, positionals } = parseArgs({ options: { callers: { type: 'string' }, top: { type: 'string', default: '30' } }, allowPositionals: true });
const file = positionals[0];
if (!file) {
  console.error('usage: show-profile.ts FILE [--callers FN] [--top N]');
  process.exit(2);
}
const s = summarizeProfile(file, Number(values.top));
const f = (n: number) => n.toFixed(1).padStart(6);
console.log(`busy ${s.busyMs.toFixed(0)} ms, idle ${s.idleMs.toFixed(0)} ms, GC ${s.gcMs.toFixed(0)} ms`);
console.log('exclusive:');
for (const x of s.exclusive) console.log(`  ${f(x.pctOfBusy)}%  ${x.part}`);
console.log('inclusive:');
for (const x of s.parts) console.log(`  ${f(x.pctOfBusy)}%  ${x.part}`);
console.log('top self:');
for (const x of s.topSelf) console.log(`  ${f(x.pctOfBusy)}%  ${x.fn}  ${x.where}`);

if (values.callers) {
  interface N { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; children?: number[] }
  const p = JSON.parse(readFileSync(file, 'utf8')) as { nodes: N[]; samples: number[]; timeDeltas: number[] };
  const by = new Map(p.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const self = new Map<number, number>();
  p.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (p.timeDeltas[i] ?? 0) / 1000));
  const agg = new Map<string, number>();
  for (const [id, ms] of self) {
    if (by.get(id)!.callFrame.functionName !== values.callers) continue;
    const st: string[] = [];
    for (let c = parent.get(id); c !== undefined && st.length < 12; c = parent.get(c)) {
      const fr = by.get(c)!.callFrame;
      st.push(`${fr.functionName || '(anon)'}@${fr.url.split('/').slice(-2).join('/')}:${fr.lineNumber + 1}`);
    }
    const k = st.join(' <- ');
    agg.set(k, (agg.get(k) ?? 0) + ms);
  }
  console.log(`\ncallers of ${values.callers}:`);
  for (const [k, v] of [...agg].sort((a, b) => b[1] - a[1]).slice(0, 8)) console.log(`${v.toFixed(0)} ms  ${k}\n`);
}
