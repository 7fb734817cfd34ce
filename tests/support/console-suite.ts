/**
 * What every browser suite of the console sets up and tears down: a real Loket on a local port, its
 * caseworkers, and headless Chromium; all closed after the suite. Call it first inside `browserSuite`;
 * the suite's own beforeAll (its citizens and handoffs) runs after this one, when all is ready:
 *
 *     browserSuite('the console inbox', () => {
 *       const e2e = consoleSuite({ caseworkers: { anna: { name: 'Anna de Vries' } } });
 *       it('…', async () => { const page = await e2e.consoleAs('anna'); … e2e.loket.store … });
 *     });
 */
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import type { Clock } from '../../src/clock.ts';
import type { Loket } from '../../src/server/loket.ts';
import { ADMIN, addCaseworker, login, startLoket, type Session } from '../caseworker/helpers.ts';
import { launchChromium } from './browser.ts';
import { keyboardLogin, logIn } from './console.ts';
import { listenLocal } from './loket.ts';

export type Caseworker = Parameters<typeof addCaseworker>[3];

export interface ConsoleSuiteOptions<Name extends string = string> {
  /** Settings on top of the test defaults (tests/caseworker/helpers.ts loketSettings). */
  settings?: Record<string, string>;
  /** The server's clock, for suites that set the time. */
  clock?: Clock;
  /** Accounts to create, in this order, by username; each has the password `<username>-password-1`. */
  caseworkers?: Record<Name, Caseworker>;
}

export interface ConsoleSuite<Name extends string = string> {
  loket: Loket;
  browser: Browser;
  /** `http://127.0.0.1:PORT` */
  base: string;
  /** The logged-in sessions of `caseworkers`, by username, to act through the API with `as`. */
  staff: Record<Name, Session>;
  /** A tab in a browser context of its own (its own cookies), not yet on any page. */
  tab(viewport?: { width: number; height: number }, options?: BrowserContextOptions): Promise<Page>;
  /** A tab on the console, logged in as `username` with the live connection open. */
  consoleAs(username: string, viewport?: { width: number; height: number }, options?: BrowserContextOptions): Promise<Page>;
  /** The same, logged in with the keyboard only (tests/support/console.ts keyboardLogin). */
  keyboardAs(username: string, viewport?: { width: number; height: number }): Promise<Page>;
}

const DESKTOP = { width: 1280, height: 800 };

/** Registers the suite's beforeAll and afterAll; the fields of what it returns are there once the beforeAll ran. */
export function consoleSuite<Name extends string = never>({ settings = {}, clock, caseworkers = {} as Record<Name, Caseworker> }: ConsoleSuiteOptions<Name> = {}): ConsoleSuite<Name> {
  const suite: ConsoleSuite<Name> = {
    loket: undefined as unknown as Loket,
    browser: undefined as unknown as Browser,
    base: '',
    staff: {} as Record<Name, Session>,
    async tab(viewport = DESKTOP, options = {}) {
      return (await suite.browser.newContext({ viewport, ...options })).newPage();
    },
    async consoleAs(username, viewport, options) {
      const page = await suite.tab(viewport, options);
      await page.goto(`${suite.base}/console`);
      await logIn(page, username);
      return page;
    },
    keyboardAs(username, viewport) {
      return keyboardLogin(suite.browser, suite.base, username, `${username}-password-1`, viewport);
    },
  };

  beforeAll(async () => {
    suite.loket = await startLoket(settings, clock);
    const admin = await login(suite.loket, ADMIN.username, ADMIN.password);
    for (const [username, account] of Object.entries<Caseworker>(caseworkers)) suite.staff[username as Name] = await addCaseworker(suite.loket, admin, username, account);
    suite.base = await listenLocal(suite.loket);
    suite.browser = await launchChromium();
  });

  afterAll(async () => {
    await suite.browser?.close();
    await suite.loket?.close();
  });

  return suite;
}
