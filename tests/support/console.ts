/**
 * The caseworker console in a real browser, as a keyboard user drives it: shared by the e2e suites.
 *
 *     const page = await keyboardLogin(browser, base, 'anna', 'anna-password-1');
 *     await logIn(otherPage, 'anna'); // typed into the fields and clicked
 *     await expect.poll(() => focused(page)).toBe('inbox-title');
 */
import type { Browser, Page } from 'playwright-core';

/** A new tab on the console, logged in with the keyboard only (type, Tab, type, Enter), its live connection open. */
export async function keyboardLogin(browser: Browser, base: string, username: string, password: string, viewport = { width: 1280, height: 860 }): Promise<Page> {
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  await page.goto(`${base}/console`);
  await page.locator('#login-username').waitFor();
  await page.focus('#login-username');
  await page.keyboard.type(username);
  await page.keyboard.press('Tab');
  await page.keyboard.type(password);
  await page.keyboard.press('Enter');
  await page.waitForSelector('#app-view:not([hidden])');
  await page.waitForSelector('#connection[data-state="open"]');
  return page;
}

/** The id of the element with keyboard focus, or its tag when it has none ("BODY": focus was lost). */
export const focused = (page: Page): Promise<string | undefined> => page.evaluate(() => document.activeElement?.id || document.activeElement?.tagName);

/** Logs in on a console page already open at the login (fields filled, button clicked); the tests' accounts use `<name>-password-1`. */
export async function logIn(page: Page, username: string, password = `${username}-password-1`): Promise<void> {
  await page.fill('#login-username', username);
  await page.fill('#login-password', password);
  await page.click('#login-submit');
  await page.waitForSelector('#connection[data-state="open"]');
}
