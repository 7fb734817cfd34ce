/**
 * Transferring to a colleague in the console, in a real browser. Before, a caseworker (not an admin)
 * had to type a colleague's username, and the colleague who got the conversation heard nothing of it.
 * Now colleagues are chosen by name (/api/v1/colleagues), and the one who receives a conversation gets
 * the same signals as for a new one (live region, notification or flashing title).
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { Loket } from '../../src/server/loket.ts';
import { browserSuite, launchChromium } from '../support/browser.ts';
import { listenLocal } from '../support/loket.ts';
import { logIn } from '../support/console.ts';
import { ADMIN, addCaseworker, as, citizen, login, startLoket, type Session } from '../caseworker/helpers.ts';

browserSuite('console transfers to a colleague', () => {
  let loket: Loket;
  let browser: Browser;
  let base: string;
  let anna: Session;
  let sanne: Session;

  beforeAll(async () => {
    loket = await startLoket();
    const admin = await login(loket, ADMIN.username, ADMIN.password);
    anna = await addCaseworker(loket, admin, 'anna', { name: 'Anna de Vries', teams: ['klantcontact'] });
    sanne = await addCaseworker(loket, admin, 'sanne', { name: 'Sanne Bos', teams: ['klantcontact'] });
    base = await listenLocal(loket);
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await loket?.close();
  });

  async function asAnna(): Promise<Page> {
    const page = await (await browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
    await page.goto(`${base}/console`);
    await logIn(page, 'anna');
    return page;
  }

  it('offers colleagues by name to a caseworker who is no admin, and transfers to the one chosen', async () => {
    const c = await citizen(loket);
    const id = await c.askForPerson();
    await as(loket, anna).post(`/api/v1/handoffs/${id}/claim`);
    const page = await asAnna();
    await page.click(`#inbox-list [data-id="${id}"]`);
    await page.waitForSelector('#reply-form:not([hidden])');
    await page.click('#transfer-box > summary');
    await page.check('input[name="transfer-kind"][value="caseworker"]');
    await page.locator('#transfer-users option[value="sanne"]').waitFor({ state: 'attached' });
    expect(await page.locator('#transfer-users option').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).label || o.textContent))).toContain('Sanne Bos (sanne)');
    expect(await page.textContent('#transfer-target-label')).toBe('Medewerker (kies een naam)');
    await page.fill('#transfer-target', 'sanne');
    await page.fill('#transfer-note', 'Vraag over de huur');
    await page.click('#transfer-form button[type="submit"]');
    await expect.poll(async () => (await loket.store.handoffs.get(id))?.assignee).toBe('sanne');
  }, 60_000);

  it('tells the caseworker who receives a conversation, as for a new one', async () => {
    const page = await asAnna();
    const c = await citizen(loket);
    const id = await c.askForPerson();
    await as(loket, sanne).post(`/api/v1/handoffs/${id}/claim`);
    const moved = await as(loket, sanne).post(`/api/v1/handoffs/${id}/transfer`, { caseworker: 'anna', note: 'Kun jij dit overnemen?' });
    expect(moved.statusCode).toBe(200);
    await page.locator('#announce', { hasText: 'Een collega zette een gesprek naar u door: Van Sanne Bos.' }).waitFor();
    // Not for a transfer of one's own.
    const own = await citizen(loket);
    const second = await own.askForPerson();
    await as(loket, anna).post(`/api/v1/handoffs/${second}/claim`);
    await as(loket, anna).post(`/api/v1/handoffs/${second}/transfer`, { caseworker: 'sanne', note: 'voor jou' });
    await page.waitForTimeout(300);
    expect(await page.textContent('#announce')).not.toContain('Van Anna');
  }, 60_000);
});
