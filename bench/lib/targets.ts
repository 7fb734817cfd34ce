/**
 * Starts a bench target (bench/lib/target-server.ts) in its own Node process and talks to it over IPC.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

export interface TargetProcess {
  kind: string;
  port: number;
  pid: number;
  info: Record<string, unknown>;
  stats(): Promise<Record<string, unknown>>;
  reset(): void;
  /** Starts the child's CPU profiler; the returned function stops it and writes `file`. */
  profile(): (file: string) => Promise<void>;
  stop(): Promise<void>;
}

export interface StartOptions {
  /** Extra node flags for the child, e.g. ['--cpu-prof', '--cpu-prof-dir=…']. */
  execArgv?: string[];
  env?: Record<string, string>;
  timeoutMs?: number;
}

type FromChild =
  | { type: 'ready'; port: number; info: Record<string, unknown> }
  | { type: 'failed'; error: string }
  | { type: 'stats'; stats: Record<string, unknown> }
  | { type: 'profile-written'; file: string };

export function startTarget(kind: string, opts: StartOptions = {}): Promise<TargetProcess> {
  const child: ChildProcess = fork(join(ROOT, 'bin/run-ts.js'), [join(ROOT, 'bench/lib/target-server.ts'), kind], {
    cwd: ROOT,
    execArgv: opts.execArgv ?? [],
    env: { ...process.env, ...opts.env },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  return new Promise((resolvePromise, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${kind}: not ready after ${opts.timeoutMs ?? 120_000} ms`));
    }, opts.timeoutMs ?? 120_000);
    const onExit = (code: number | null) => {
      clearTimeout(timer);
      reject(new Error(`${kind}: exited with ${code} before it was ready`));
    };
    child.once('exit', onExit);
    child.on('message', function first(m: FromChild) {
      if (m.type === 'failed') {
        clearTimeout(timer);
        child.off('exit', onExit);
        child.off('message', first);
        reject(new Error(`${kind}: failed to start:\n${m.error}`));
      } else if (m.type === 'ready') {
        clearTimeout(timer);
        child.off('exit', onExit);
        child.off('message', first);
        resolvePromise({
          kind,
          port: m.port,
          pid: child.pid!,
          info: m.info,
          stats: () => new Promise((res) => {
            const on = (x: FromChild) => {
              if (x.type === 'stats') {
                child.off('message', on);
                res(x.stats);
              }
            };
            child.on('message', on);
            child.send({ type: 'stats' });
          }),
          reset: () => void child.send({ type: 'reset' }),
          profile: () => {
            child.send({ type: 'profile-start' });
            return (file: string) => new Promise<void>((res) => {
              const on = (x: FromChild) => {
                if (x.type === 'profile-written') {
                  child.off('message', on);
                  res();
                }
              };
              child.on('message', on);
              child.send({ type: 'profile-stop', file });
            });
          },
          stop: () => new Promise<void>((res) => {
            if (child.exitCode !== null) return res();
            const kill = setTimeout(() => child.kill('SIGKILL'), 10_000);
            child.once('exit', () => {
              clearTimeout(kill);
              res();
            });
            child.send({ type: 'stop' });
          }),
        });
      }
    });
  });
}
