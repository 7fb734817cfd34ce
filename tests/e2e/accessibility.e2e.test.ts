/**
 * WCAG 2.1 A and AA rules of axe-core on the citizen's chat page (phone and desktop width, empty and
 * mid-conversation, with a handoff) and on the caseworker console (login and inbox with a handoff
 * open), in headless Chromium. Any violation fails, listed with the elements it was found on.
 */
import { createRequire } from 'node:module';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Loket } from '../../src/server/loket.ts';
import { browserSuite, launchChromium } from '../support/browser.ts';
import { listenLocal } from '../support/loket.ts';
import { ADMIN, citizen, startLoket } from '../caseworker/helpers.ts';

const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

interface Violation {
  id: string;
  impact: string | null;
  help: string;
  nodes: Array<{ target: string[] }>;
}

/** Runs axe on the page as it is now; returns the violations as readable lines. */
async function violations(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: AXE });
  const found = await page.evaluate(async (tags) => {
    const axe = (window as unknown as { axe: { run(ctx: Document, opts: unknown): Promise<{ violations: Violation[] }> } }).axe;
    return (await axe.run(document, { runOnly: { type: 'tag', values: tags } })).violations;
  }, TAGS);
  return found.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

browserSuite('WCAG 2.1 AA (axe-core)', () => {
  let loket: Loket;
  let browser: Browser;
  let base: string;

  beforeAll(async () => {
    loket = await startLoket();
    // A conversation waiting for a person, so the console's inbox and detail have content.
    const waiting = await citizen(loket);
    await waiting.say('hoe staat het met mijn aanvraag Z-2026-000123');
    await waiting.askForPerson('ik wil een medewerker spreken');
    base = await listenLocal(loket);
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await loket?.close();
  });

  for (const [name, width, height] of [['a phone', 320, 640], ['a desktop', 1280, 800]] as const) {
    it(`the chat page on ${name}, empty and mid-conversation`, async () => {
      // bypassCSP: axe is injected as an inline script, which our own CSP rightly refuses.
      const context = await browser.newContext({ viewport: { width, height }, bypassCSP: true });
      const page = await context.newPage();
      await page.goto(`${base}/`);
      await page.locator('#log .msg--bot').first().waitFor();
      expect(await violations(page)).toEqual([]);
      await page.fill('#input', 'hoe staat het met mijn aanvraag Z-2026-000123');
      await page.keyboard.press('Enter');
      await page.fill('#input', 'ik wil een medewerker spreken');
      await page.keyboard.press('Enter');
      await expect.poll(() => page.locator('#log .msg--bot').count()).toBeGreaterThan(2);
      expect(await violations(page)).toEqual([]);
      await context.close();
    });
  }

  it('the console: login, and the inbox with a handoff open', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, bypassCSP: true });
    const page = await context.newPage();
    await page.goto(`${base}/console`);
    await page.locator('#login-username').waitFor();
    expect(await violations(page)).toEqual([]);
    await page.fill('#login-username', ADMIN.username);
    await page.fill('#login-password', ADMIN.password);
    await page.click('#login-submit');
    await page.locator('#login-view').waitFor({ state: 'hidden' });
    const item = page.locator('#inbox-list .row').first();
    await item.waitFor();
    await item.click();
    await page.waitForTimeout(300);
    expect(await violations(page)).toEqual([]);
    await context.close();
  });
});
