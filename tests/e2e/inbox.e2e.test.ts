/**
 * The console's inbox in a real browser: distress first, returned handoffs and callback requests
 * marked, new handoffs and a citizen's message in a held conversation announced live, a crisis closed
 * only once taken over and handed back only with a note, and the server's "al overgenomen door …" shown
 * on a lost claim.
 * The server runs on a fixed clock, so waits and timers are set by the test, not by sleeping.
 */
import { beforeAll, expect, it } from 'vitest';
import { fixedClock } from '../../src/clock.ts';
import { browserSuite } from '../support/browser.ts';
import { consoleSuite } from '../support/console-suite.ts';
import { as, citizen } from '../caseworker/helpers.ts';

browserSuite('the console inbox', () => {
  const clock = fixedClock('2026-11-24T09:00:00Z');
  const e2e = consoleSuite({
    settings: { LOKET_HANDOFF_WAIT_SECONDS: '120', LOKET_REPLY_TIMEOUT_SECONDS: '60' },
    clock,
    caseworkers: { anna: { name: 'Anna de Vries', teams: ['klantcontact'] }, bram: { name: 'Bram Bakker' } },
  });
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    // A citizen who waited too long and asked to be called back (phone known from the case).
    const caller = await citizen(e2e.loket);
    await caller.say('hoe staat het met mijn aanvraag Z-2026-000123');
    await caller.say('1234 AB');
    await caller.say('15-03-1980');
    ids.callback = await caller.askForPerson();
    // A conversation Bram claimed but never answered.
    const ignored = await citizen(e2e.loket);
    ids.returned = await ignored.askForPerson();
    await as(e2e.loket, e2e.staff.bram).post(`/api/v1/handoffs/${ids.returned}/claim`);
    clock.advance(121_000);
    await e2e.loket.handoffs.sweep();
    await caller.say('ja');
    // And a citizen in distress, who came last.
    const distressed = await citizen(e2e.loket);
    ids.distress = await distressed.askForPerson('ik zie het niet meer zitten');
  });

  it('puts distress first and marks returned handoffs and callback requests', async () => {
    const page = await e2e.consoleAs('anna');
    await page.waitForSelector('#inbox-list .row >> nth=2');
    const rows = page.locator('#inbox-list .row');
    // Anna's own team (klantcontact) first; the verified case went to its team (vergunningen).
    expect(await rows.evaluateAll((els) => els.map((e) => e.querySelector('.row__button')?.getAttribute('data-id')))).toEqual([ids.distress, ids.returned, ids.callback]);
    await expect.poll(() => rows.nth(0).getAttribute('class')).toContain('row--p1');
    expect(await rows.nth(0).textContent()).toContain('Crisis / nood');
    expect(await rows.nth(1).locator('.badge--returned').textContent()).toBe('Terug in wachtrij');
    // The server says the returned one waited 121 s; the clock in the row counts on from there.
    expect(await rows.nth(1).locator('.row__wait').textContent()).toMatch(/^02:0\d$/);
    expect(await rows.nth(2).locator('.badge--callback').textContent()).toContain('+31612345678');
    expect(await rows.nth(2).textContent()).toContain('Team vergunningen');

    // Reload: the cookie session comes back without logging in again.
    await page.reload();
    await page.waitForSelector('#app-view:not([hidden])');
    await page.waitForSelector('#inbox-list .row >> nth=2');
    expect(await page.isHidden('#login-view')).toBe(true);

    // A new handoff appears live and is announced; keyboard selects it.
    const late = await citizen(e2e.loket);
    const lateId = await late.askForPerson();
    await page.locator(`#inbox-list [data-id="${lateId}"]`).waitFor();
    await expect.poll(() => page.textContent('#announce')).toContain('Nieuw gesprek in de wachtrij');
    await page.focus(`#inbox-list [data-id="${lateId}"]`);
    await page.keyboard.press('Enter');
    await page.locator('#detail-title', { hasText: 'Wil een medewerker' }).waitFor();
    expect(await page.textContent('#identity')).toContain('Niet geverifieerd');

    // The verified citizen's detail shows the case.
    await page.click(`#inbox-list [data-id="${ids.callback}"]`);
    await page.locator('#case', { hasText: 'Z-2026-000123' }).waitFor();
    expect(await page.textContent('#identity')).toContain('Geverifieerd');
    expect(await page.textContent('#callback')).toContain('+31612345678');
    await page.screenshot({ path: '/tmp/loket-inbox.png' });
  }, 60_000);

  it('transfers, refuses an over-long reply with the server\'s message, and closes with an outcome', async () => {
    const page = await e2e.consoleAs('anna');
    const c = await citizen(e2e.loket);
    const id = await c.askForPerson();
    await page.click(`#inbox-list [data-id="${id}"]`);
    await page.click('#claim');
    await page.waitForSelector('#reply-form:not([hidden])');

    await page.fill('#reply-text', 'x'.repeat(2001));
    await page.click('#reply-send');
    await page.locator('#action-error:not([hidden])', { hasText: 'langer dan 2000 tekens' }).waitFor();

    await page.click('#transfer-box > summary');
    await page.fill('#transfer-target', 'vergunningen');
    await page.fill('#transfer-note', 'Vraag over een dakkapel');
    await page.click('#transfer-form button[type="submit"]');
    await page.locator('#detail-meta', { hasText: 'Team vergunningen' }).waitFor();
    await page.locator('#notes .note', { hasText: 'Vraag over een dakkapel' }).waitFor();
    expect(await e2e.loket.store.handoffs.get(id)).toMatchObject({ state: 'queued', team: 'vergunningen' });
    expect(JSON.stringify(await c.all())).not.toContain('dakkapel');
    // Now in another team's queue: that team's to close or move, not bram's (close-rights.test.ts); taking it over is still possible.
    await page.locator('#close-box').waitFor({ state: 'hidden' });
    expect(await page.isHidden('#transfer-box')).toBe(true);
    expect(await page.isVisible('#claim')).toBe(true);
    await page.click('#claim');
    await page.waitForSelector('#reply-form:not([hidden])');

    // Opened and the outcome chosen in one go, before the box's toggle event (which comes a moment after
    // the click): the choice stays. It used to be wiped then, and "Afsluiten" did nothing for want of one.
    await page.evaluate(() => {
      document.querySelector<HTMLElement>('#close-box > summary')!.click();
      document.querySelector<HTMLSelectElement>('#close-outcome')!.value = 'doorverwezen';
    });
    await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => setTimeout(done, 50))));
    expect(await page.inputValue('#close-outcome')).toBe('doorverwezen');
    await page.fill('#close-text', 'naar het Juridisch Loket');
    await page.keyboard.press('Escape');
    expect(await page.locator('#close-box').getAttribute('open')).toBeNull();
    await page.click('#close-box > summary');
    await page.click('#close-form button[type="submit"]');
    await page.locator(`#inbox-list [data-id="${id}"]`).waitFor({ state: 'detached' });
    expect(await e2e.loket.store.handoffs.get(id)).toMatchObject({ state: 'closed', outcome: 'doorverwezen: naar het Juridisch Loket' });
    await page.locator('#detail-meta', { hasText: 'Afgesloten' }).waitFor();
  }, 60_000);

  it('marks and announces a message in a crisis the caseworker holds, closes a crisis only once taken over, and hands it back only with a note', async () => {
    const page = await e2e.consoleAs('anna');
    const c = await citizen(e2e.loket);
    const id = await c.askForPerson('ik wil niet meer leven');
    await page.click(`#inbox-list [data-id="${id}"]`);
    await page.waitForSelector('#claim:not([hidden])');
    // Nobody has spoken with this citizen yet: no closing it from the queue.
    expect(await page.isHidden('#close-box')).toBe(true);
    await page.click('#claim');
    await page.waitForSelector('#reply-form:not([hidden])');
    expect(await page.isVisible('#close-box')).toBe(true);

    // Anna looks at another conversation; the citizen writes in hers.
    await page.click(`#inbox-list [data-id="${ids.callback}"]`);
    await page.locator('#case', { hasText: 'Z-2026-000123' }).waitFor();
    clock.advance(5_000);
    await c.say('hallo? is daar iemand?');
    const row = page.locator(`#inbox-list .row:has([data-id="${id}"])`);
    await row.locator('.badge--awaits', { hasText: 'Burger wacht op antwoord sinds' }).waitFor();
    await expect.poll(() => page.textContent('#announce-urgent')).toContain('Spoed: de burger schreef in uw gesprek');
    // Opening Afsluiten now warns that the citizen waits for an answer.
    await page.click(`#inbox-list [data-id="${id}"]`);
    await page.click('#close-box > summary');
    await page.locator('#close-waiting', { hasText: 'de burger wacht nog op uw antwoord' }).waitFor();
    await page.keyboard.press('Escape');
    // Answered: the mark goes, and so does the warning.
    await page.fill('#reply-text', 'Ik ben er. Met Anna. Bent u nu veilig?');
    await page.click('#reply-send');
    await row.locator('.badge--awaits').waitFor({ state: 'detached' });
    await page.click('#close-box > summary');
    // The toggle event comes a moment after the click: wait for the form to be open before looking.
    await page.waitForSelector('#close-box[open]');
    await expect.poll(() => page.isHidden('#close-waiting')).toBe(true);
    await page.keyboard.press('Escape');

    // Handing a crisis back needs a note: without one the form is not sent.
    await page.click('#release-box > summary');
    expect(await page.textContent('#release-note-label')).toContain('verplicht bij een crisis');
    await page.click('#release-form button[type="submit"]');
    expect(await e2e.loket.store.handoffs.get(id)).toMatchObject({ state: 'active' });
    await page.fill('#release-note', 'Burger is veilig, zus is er. Morgen bellen.');
    await page.click('#release-form button[type="submit"]');
    await page.locator(`#inbox-list [data-id="${id}"]`).waitFor({ state: 'detached' });
    expect(await e2e.loket.store.handoffs.get(id)).toMatchObject({ state: 'released' });
  }, 60_000);

  it('shows who has the conversation when someone else claimed it first', async () => {
    const page = await e2e.tab();
    // A socket that only says hello: this console does not hear that Bram claims, as on a slow line.
    await page.routeWebSocket(/\/api\/v1\/events$/, (ws) => ws.send(JSON.stringify({ type: 'hello', user: 'anna' })));
    await page.goto(`${e2e.base}/console`);
    await page.fill('#login-username', 'anna');
    await page.fill('#login-password', 'anna-password-1');
    await page.click('#login-submit');
    await page.click(`#inbox-list [data-id="${ids.distress}"]`);
    await page.waitForSelector('#claim:not([hidden])');
    expect((await as(e2e.loket, e2e.staff.bram).post(`/api/v1/handoffs/${ids.distress}/claim`)).statusCode).toBe(200);
    await page.click('#claim');
    await page.locator('#action-error:not([hidden])', { hasText: 'al overgenomen door bram' }).waitFor();
    expect(await page.isHidden('#reply-form')).toBe(true);
  }, 60_000);
});
