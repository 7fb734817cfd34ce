/**
 * CPU accounting for a measuring window (Linux /proc): how many cores the server (its process and
 * any child processes, e.g. cluster workers), the load
 * generator (this process) and everything else on the machine used. A bench run on a shared machine
 * is only trustworthy when "other" stays near 0; and "server" near 1.0 means the server, not the
 * driver, was the bottleneck.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';

const TICK = 100; // USER_HZ on Linux

function machineBusyTicks(): number | null {
  try {
    const line = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).slice(1).map(Number);
    const [user = 0, nice = 0, system = 0, , , irq = 0, softirq = 0, steal = 0] = line;
    return user + nice + system + irq + softirq + steal;
  } catch {
    return null;
  }
}

function pidTicks(pid: number): number | null {
  try {
    const s = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const f = s.slice(s.lastIndexOf(')') + 2).split(' ');
    return Number(f[11]) + Number(f[12]); // utime + stime
  } catch {
    return null;
  }
}

/** utime + stime of `pid` and all its descendants (a cluster's primary and its workers). */
function treeTicks(pid: number): number | null {
  const own = pidTicks(pid);
  if (own === null) return null;
  const children = new Map<number, number[]>();
  let entries: string[];
  try {
    entries = readdirSync('/proc').filter((d) => /^\d+$/.test(d));
  } catch {
    return own;
  }
  for (const d of entries) {
    try {
      const s = readFileSync(`/proc/${d}/stat`, 'utf8');
      const ppid = Number(s.slice(s.lastIndexOf(')') + 2).split(' ')[1]);
      const list = children.get(ppid) ?? [];
      list.push(Number(d));
      children.set(ppid, list);
    } catch {
      // gone meanwhile
    }
  }
  let total = 0;
  const todo = [pid];
  while (todo.length) {
    const p = todo.pop()!;
    total += pidTicks(p) ?? 0;
    todo.push(...(children.get(p) ?? []));
  }
  return total;
}

export interface CpuWindow {
  /** Average cores used over the window. */
  serverCores: number | null;
  driverCores: number;
  otherCores: number | null;
}

export function cpuMeter(serverPid: number) {
  let t0 = 0;
  let m0: number | null = null;
  let s0: number | null = null;
  let d0 = process.cpuUsage();
  return {
    start() {
      t0 = performance.now();
      m0 = machineBusyTicks();
      s0 = treeTicks(serverPid);
      d0 = process.cpuUsage();
    },
    stop(): CpuWindow {
      const secs = (performance.now() - t0) / 1000;
      const m1 = machineBusyTicks();
      const s1 = treeTicks(serverPid);
      const d = process.cpuUsage(d0);
      const driverCores = (d.user + d.system) / 1e6 / secs;
      const serverCores = s0 !== null && s1 !== null ? (s1 - s0) / TICK / secs : null;
      const machine = m0 !== null && m1 !== null ? (m1 - m0) / TICK / secs : null;
      const otherCores = machine !== null && serverCores !== null ? Math.max(0, machine - serverCores - driverCores) : null;
      return { serverCores, driverCores, otherCores };
    },
  };
}
