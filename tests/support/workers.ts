/**
 * `loket serve` with LOKET_WORKERS as a real process tree for a test: started on a free port and a
 * SQLite file, ready once the primary printed where the web chat is and the demo login. Requests on a
 * `pinned` connection all go to one worker (the primary hands new connections out in turn).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import http from 'node:http';
import { NLU_CACHE } from './nlu-cache.ts';

export interface ServedWorkers {
  child: ChildProcess;
  /** `http://127.0.0.1:PORT` */
  base: string;
  /** The demo login the primary printed. */
  login: { user: string; password: string };
  /** Resolves with the exit code when the primary exits. */
  exited: Promise<number | null>;
  /** All it printed so far: stdout and stderr, and stderr alone. */
  out(): string;
  stderr(): string;
  /** SIGTERM, and waits for the exit (nothing when it already exited). */
  stop(): Promise<void>;
}

/** Starts `loket serve` with 2 workers on `dbFile`, plus `env`. */
export async function serveWorkers(dbFile: string, env: Record<string, string> = {}): Promise<ServedWorkers> {
  const child = spawn(process.execPath, ['bin/loket.js', 'serve'], {
    env: { ...process.env, LOG_LEVEL: 'warn', LOKET_NLU_CACHE: NLU_CACHE, LOKET_WORKERS: '2', PORT: '0', DATABASE_URL: `sqlite:${dbFile}`, LOKET_OFFICE_HOURS: 'always', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
  let out = '';
  let stderr = '';
  child.stderr!.on('data', (d) => {
    out += String(d);
    stderr += String(d);
  });
  const [base, user, password] = await new Promise<[string, string, string]>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no start-up lines: ${out}`)), 150_000);
    child.stdout!.on('data', (d) => {
      out += String(d);
      const m = /Web chat:\s+(http:\/\/\S+)\//.exec(out);
      const l = /Demo login:\s+(\S+) \/ (\S+)/.exec(out);
      if (m && l) {
        clearTimeout(timer);
        resolve([m[1]!, l[1]!, l[2]!]);
      }
    });
  });
  return {
    child, base, login: { user, password }, exited,
    out: () => out,
    stderr: () => stderr,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      await exited;
    },
  };
}

export interface Pinned {
  agent: http.Agent;
  /** The worker this connection reached (its /health says). */
  instance: number;
  call<T = Record<string, unknown>>(method: string, path: string, body?: unknown, headers?: Record<string, string>): Promise<{ status: number; json: T }>;
}

/** One keep-alive connection to `base`, so every request on it goes to the same worker. */
export async function pinned(base: string): Promise<Pinned> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const call = <T,>(method: string, path: string, body?: unknown, headers: Record<string, string> = {}) =>
    new Promise<{ status: number; json: T }>((resolve, reject) => {
      const payload = body === undefined ? undefined : JSON.stringify(body);
      const req = http.request(`${base}${path}`, { method, agent, headers: { ...(payload ? { 'content-type': 'application/json' } : {}), ...headers } }, (res) => {
        let data = '';
        res.on('data', (d) => (data += d));
        res.on('end', () => resolve({ status: res.statusCode!, json: (data ? JSON.parse(data) : {}) as T }));
      });
      req.on('error', reject);
      req.end(payload);
    });
  const { json } = await call<{ instance: number }>('GET', '/health');
  return { agent, instance: json.instance, call };
}

/** A pinned connection to worker `instance`. */
export async function connectionTo(base: string, instance: number): Promise<Pinned> {
  for (let i = 0; i < 20; i++) {
    const p = await pinned(base);
    if (p.instance === instance) return p;
    p.agent.destroy();
  }
  throw new Error(`no connection reached worker ${instance}`);
}
