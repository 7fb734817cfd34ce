/**
 * Runs every bench in bench/ one after another: `npm run bench`, or without npm
 * `node bin/run-ts.js bench/run-all.ts [--only turns,nlu-throughput] [-- args for each bench]`.
 *
 * A bench is a top-level bench/*.ts file (turns.ts, nlu-throughput.ts, …) or a folder with an
 * index.ts / main.ts / run.ts (bench/nlu-vs-nlpjs/…); bench/lib, bench/nlpjs-bot and bench/results
 * are helpers, not benches. turns.ts runs first, the rest in name order. Each runs in its own process,
 * so one bench's servers and caches cannot disturb the next. Most benches are measurements and exit 0
 * (nlu-vs-nlpjs exits non-zero when our NLU is less accurate); this exits 1 when any bench exited
 * non-zero, so a broken or failing bench is not mistaken for a slow one.
 */
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const BENCH = dirname(fileURLToPath(import.meta.url));
const ROOT = resolve(BENCH, '..');
const HELPERS = new Set(['lib', 'nlpjs-bot', 'results', 'node_modules']);
const ENTRIES = ['index.ts', 'main.ts', 'run.ts'];

function discover(): Array<{ name: string; file: string }> {
  const found: Array<{ name: string; file: string }> = [];
  for (const name of readdirSync(BENCH).sort()) {
    const full = join(BENCH, name);
    if (statSync(full).isDirectory()) {
      if (HELPERS.has(name) || name.startsWith('.')) continue;
      const entry = ENTRIES.map((e) => join(full, e)).find((f) => existsSync(f));
      if (entry) found.push({ name, file: entry });
    } else if (name.endsWith('.ts') && !name.endsWith('.d.ts') && name !== 'run-all.ts' && !name.endsWith('.test.ts')) {
      found.push({ name: basename(name, '.ts'), file: full });
    }
  }
  return found.sort((a, b) => (a.name === 'turns' ? -1 : b.name === 'turns' ? 1 : a.name.localeCompare(b.name)));
}

function run(file: string, args: string[]): Promise<number> {
  return new Promise((res) => {
    const child = spawn(process.execPath, [join(ROOT, 'bin/run-ts.js'), file, ...args], { cwd: ROOT, stdio: 'inherit' });
    child.on('exit', (code, signal) => res(code ?? (signal ? 1 : 0)));
    child.on('error', () => res(1));
  });
}

const argv = process.argv.slice(2);
const dashdash = argv.indexOf('--');
const own = dashdash < 0 ? argv : argv.slice(0, dashdash);
const passThrough = dashdash < 0 ? [] : argv.slice(dashdash + 1);
const onlyAt = own.indexOf('--only');
const only = onlyAt >= 0 ? new Set((own[onlyAt + 1] ?? '').split(',').filter(Boolean)) : null;

const benches = discover().filter((b) => !only || only.has(b.name));
if (benches.length === 0) console.log('no benches found in bench/');
const summary: string[] = [];
let failed = false;
for (const b of benches) {
  console.log(`\n===== bench ${b.name} (${relative(ROOT, b.file)}) =====\n`);
  const t0 = Date.now();
  const code = await run(b.file, passThrough);
  const secs = ((Date.now() - t0) / 1000).toFixed(0);
  if (code !== 0) failed = true;
  summary.push(`${b.name.padEnd(20)} ${code === 0 ? 'ran' : `FAILED (exit ${code})`} in ${secs} s`);
}
console.log(`\n===== benches =====\n${summary.join('\n')}\n(figures: bench/results/*.json)`);
process.exitCode = failed ? 1 : 0;
