import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

/**
 * Files that only talk to Loket in process (no mocks, no fake timers, no environment changed): one process
 * runs many of them one after another, with the modules and the loaded dialogs and model kept
 * (tests/support/prepared.ts), instead of importing everything anew for each file.
 */
const SHARED = ['tests/conversation/**/*.test.ts', 'tests/dialog/**/*.test.ts', 'tests/handoff/**/*.test.ts'];

export default defineConfig({
  test: {
    // Trains the NLU once into the run's model cache (tests/support/nlu-cache.ts).
    globalSetup: ['tests/support/global-setup.ts'],
    testTimeout: 30_000,
    // expect.poll waits 1 s by default: under a full run on 2 cores a console update over the socket
    // took longer now and then (reply-due, drafts), and the test failed with nothing wrong.
    expect: { poll: { timeout: 10_000 } },
    hookTimeout: 120_000,
    pool: 'forks',
    // Vitest's default is one worker fewer than the cores: on a 2-core machine that ran every file one
    // after the other, though most of them wait on servers, browsers and timers more than they compute.
    maxWorkers: Math.max(2, availableParallelism() - 1),
    reporters: ['default', './tests/support/summary-reporter.ts'],
    projects: [
      { extends: true, test: { name: 'shared', include: SHARED, isolate: false } },
      { extends: true, test: { name: 'isolated', include: ['tests/**/*.test.ts'], exclude: SHARED } },
    ],
  },
});
