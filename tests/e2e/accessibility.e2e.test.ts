/**
 * WCAG 2.1 A and AA rules of axe-core on the citizen's chat page (phone and desktop width, empty and
 * mid-conversation, with a handoff) and on the caseworker console (login and inbox with a handoff
 * open; at 400 px its two views, the list and a conversation taken over), in headless Chromium. Any
 * violation fails, listed with the elements it was found on.
 */
import { beforeAll, expect, it } from 'vitest';
import { axeViolations as violations } from '../support/axe.ts';
import { browserSuite } from '../support/browser.ts';
import { consoleSuite } from '../support/console-suite.ts';
import { ADMIN, citizen } from '../caseworker/helpers.ts';

browserSuite('WCAG 2.1 AA (axe-core)', () => {
  const e2e = consoleSuite();

  beforeAll(async () => {
    // A conversation waiting for a person, so the console's inbox and detail have content.
    const waiting = await citizen(e2e.loket);
    await waiting.say('hoe staat het met mijn aanvraag Z-2026-000123');
    await waiting.askForPerson('ik wil een medewerker spreken');
  });

  for (const [name, width, height] of [['a phone', 320, 640], ['a desktop', 1280, 800]] as const) {
    it(`the chat page on ${name}, empty and mid-conversation`, async () => {
      // bypassCSP: axe is injected as an inline script, which our own CSP rightly refuses.
      const context = await e2e.browser.newContext({ viewport: { width, height }, bypassCSP: true });
      const page = await context.newPage();
      await page.goto(`${e2e.base}/`);
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
    const context = await e2e.browser.newContext({ viewport: { width: 1280, height: 800 }, bypassCSP: true });
    const page = await context.newPage();
    await page.goto(`${e2e.base}/console`);
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
  it('the console at 400 px: the list, and the conversation taken over', async () => {
    const page = await e2e.consoleAs(ADMIN.username, { width: 400, height: 800 }, { bypassCSP: true });
    const item = page.locator('#inbox-list .row__button').first();
    await item.waitFor();
    expect(await page.isVisible('#detail')).toBe(false);
    expect(await violations(page)).toEqual([]);
    await item.click();
    await page.waitForSelector('#claim:not([hidden])');
    await page.click('#claim');
    await page.waitForSelector('#reply-form:not([hidden])');
    expect(await page.isVisible('#inbox-list')).toBe(false);
    expect(await violations(page)).toEqual([]);
    await page.context().close();
  });
});
