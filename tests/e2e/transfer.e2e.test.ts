/**
 * Transferring to a colleague in the console, in a real browser. Before, a caseworker (not an admin)
 * had to type a colleague's username, and the colleague who got the conversation heard nothing of it.
 * Now colleagues are chosen by name (/api/v1/colleagues), and the one who receives a conversation gets
 * the same signals as for a new one (live region, notification or flashing title).
 */
import { expect, it } from 'vitest';
import { browserSuite } from '../support/browser.ts';
import { consoleSuite } from '../support/console-suite.ts';
import { as, citizen } from '../caseworker/helpers.ts';

browserSuite('console transfers to a colleague', () => {
  const e2e = consoleSuite({ caseworkers: { anna: { name: 'Anna de Vries', teams: ['klantcontact'] }, sanne: { name: 'Sanne Bos', teams: ['klantcontact'] } } });
  const asAnna = () => e2e.consoleAs('anna');

  it('offers colleagues by name to a caseworker who is no admin, and transfers to the one chosen', async () => {
    const c = await citizen(e2e.loket);
    const id = await c.askForPerson();
    await as(e2e.loket, e2e.staff.anna).post(`/api/v1/handoffs/${id}/claim`);
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
    await expect.poll(async () => (await e2e.loket.store.handoffs.get(id))?.assignee).toBe('sanne');
  }, 60_000);

  it('tells the caseworker who receives a conversation, as for a new one', async () => {
    const page = await asAnna();
    const c = await citizen(e2e.loket);
    const id = await c.askForPerson();
    await as(e2e.loket, e2e.staff.sanne).post(`/api/v1/handoffs/${id}/claim`);
    const moved = await as(e2e.loket, e2e.staff.sanne).post(`/api/v1/handoffs/${id}/transfer`, { caseworker: 'anna', note: 'Kun jij dit overnemen?' });
    expect(moved.statusCode).toBe(200);
    await page.locator('#announce', { hasText: 'Een collega zette een gesprek naar u door: Van Sanne Bos.' }).waitFor();
    // Not for a transfer of one's own.
    const own = await citizen(e2e.loket);
    const second = await own.askForPerson();
    await as(e2e.loket, e2e.staff.anna).post(`/api/v1/handoffs/${second}/claim`);
    await as(e2e.loket, e2e.staff.anna).post(`/api/v1/handoffs/${second}/transfer`, { caseworker: 'sanne', note: 'voor jou' });
    await page.waitForTimeout(300);
    expect(await page.textContent('#announce')).not.toContain('Van Anna');
  }, 60_000);
});
