/**
 * The cluster primary (src/server/cluster.ts) must outlive a worker that dies while the primary is
 * writing to it. The stand-in workers (tests/support/cluster/flood-worker.mjs) keep it relaying large
 * events; one that exits mid-write makes that write fail with EPIPE. That failure once went up as an
 * unhandled 'error' event and ended the primary with exit code 1 (seen in CI as a SIGTERM that did
 * not exit 0), and a worker killed in normal service could have taken the whole server down with it.
 */
import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { eventually } from '../support/eventually.ts';

function startPrimary() {
  const child = spawn(process.execPath, ['bin/run-ts.js', 'tests/support/cluster/primary.ts'], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stdout.on('data', (d) => (out += String(d)));
  child.stderr.on('data', (d) => (err += String(d)));
  const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
  const workers = () => [...out.matchAll(/worker (\d+)/g)].map((m) => Number(m[1]));
  return { child, exited, workers, out: () => out, err: () => err };
}

describe('the cluster primary when a worker dies mid-write', () => {
  it('exits 0 on SIGTERM while the workers flood it, every time', async () => {
    for (let round = 0; round < 6; round++) {
      const p = startPrimary();
      await eventually(() => p.out().includes('listening') && p.workers().length === 2, 30_000);
      await new Promise((r) => setTimeout(r, 50 + round * 40));
      p.child.kill('SIGTERM');
      expect(await p.exited, `round ${round}: ${p.err()}`).toBe(0);
      expect(p.err()).not.toContain('EPIPE');
    }
  }, 120_000);

  it('stays up when a worker is killed mid-write, starts a new one, and still stops cleanly', async () => {
    const p = startPrimary();
    try {
      await eventually(() => p.out().includes('listening') && p.workers().length === 2, 30_000);
      for (let k = 0; k < 3; k++) {
        const victim = p.workers().at(-1)!;
        const before = p.workers().length;
        process.kill(victim, 'SIGKILL');
        await eventually(() => p.workers().length > before, 30_000);
        expect(p.child.exitCode, p.err()).toBeNull();
      }
      expect(p.err()).toContain('a worker stopped; starting a new one');
      expect(p.err()).not.toContain("Unhandled 'error'");
      p.child.kill('SIGTERM');
      expect(await p.exited, p.err()).toBe(0);
    } finally {
      p.child.kill('SIGKILL');
    }
  }, 120_000);
});
