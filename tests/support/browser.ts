/**
 * Headless Chromium for browser tests, from the system package (never `npx playwright install`):
 *
 *     const browserSuite = chromiumSuite();
 *     browserSuite('the chat page', () => { … const browser = await launchChromium(); … });
 *
 * The path is /usr/bin/chromium (LOKET_CHROMIUM overrides it). Without it the suite is skipped with a note on how to install it, except under
 * CI=true, where a missing browser fails the run: a skipped browser test on CI is a test not run.
 */
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';
import { describe } from 'vitest';

export const CHROMIUM_PATH = process.env.LOKET_CHROMIUM ?? '/usr/bin/chromium';

const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'];

const installHint = (path: string) => `Chromium not found at ${path}; install it with: apt-get install -y chromium`;

export function chromiumAvailable(path = CHROMIUM_PATH): boolean {
  return existsSync(path);
}

/**
 * `describe` when Chromium is there, `describe.skip` (with a note) when it is not; throws on CI.
 * Call it at module level, where vitest collects suites.
 */
export function chromiumSuite(env: Record<string, string | undefined> = process.env, path = CHROMIUM_PATH): typeof describe | typeof describe.skip {
  if (chromiumAvailable(path)) return describe;
  if (env.CI === 'true') throw new Error(`${installHint(path)} (CI=true: browser tests may not be skipped)`);
  console.warn(`[browser tests skipped] ${installHint(path)}`);
  return describe.skip;
}

/** Launches the system Chromium headless. Close it in afterAll. */
export async function launchChromium(): Promise<Browser> {
  if (!chromiumAvailable()) throw new Error(installHint(CHROMIUM_PATH));
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: ARGS, headless: true });
}

/** The shared switch: `browserSuite('…', () => { … })`. */
export const browserSuite = chromiumSuite();
