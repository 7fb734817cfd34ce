/**
 * The console after the caseworker acts, in a real browser: keyboard focus never falls to <body>
 * (after login, release, close; WCAG 2.4.3), every state, reason and outcome reads in Dutch (no
 * "released", "case_flag", "case-flag:hardship"), a released or closed conversation is no longer
 * "Bij u", and colleagues show by name instead of by username.
 */
import { expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { browserSuite } from '../support/browser.ts';
import { consoleSuite } from '../support/console-suite.ts';
import { focused } from '../support/console.ts';
import { ADMIN, as, citizen } from '../caseworker/helpers.ts';

browserSuite('the console after release, close and a colleague\'s claim', () => {
  const e2e = consoleSuite({
    caseworkers: {
      anna: { name: 'Anna de Vries', teams: ['klantcontact'] },
      // A username that is not the name: the console must show "Sanne Visser", not "svisser".
      svisser: { name: 'Sanne Visser', teams: ['klantcontact'] },
    },
  });

  /** Opens a row and claims it with the keyboard. */
  async function claim(page: Page, id: string): Promise<void> {
    const row = page.locator(`#inbox-list [data-id="${id}"]`);
    await row.waitFor();
    await row.focus();
    await page.keyboard.press('Enter');
    await page.waitForSelector('#claim:not([hidden])');
    await page.focus('#claim');
    await page.keyboard.press('Enter');
    await page.waitForSelector('#reply-form:not([hidden])');
    await page.locator('#detail-meta', { hasText: 'Bij u' }).waitFor();
  }

  it('lands on the inbox after logging in with the keyboard', async () => {
    const page = await e2e.keyboardAs('anna');
    await expect.poll(() => focused(page)).toBe('inbox-title');
    await page.context().close();
  }, 60_000);

  it('after Teruggeven: focus on the detail title, the state in Dutch, and no longer "Bij u"', async () => {
    const c = await citizen(e2e.loket);
    const id = await c.askForPerson();
    const page = await e2e.keyboardAs('anna');
    await claim(page, id);
    // A keyboard user skips the transcript's many toggles in one step.
    await page.focus('#skip-transcript');
    await page.keyboard.press('Enter');
    await expect.poll(() => focused(page)).toBe('reply-text');

    await page.focus('#release-box > summary');
    await page.keyboard.press('Enter');
    await expect.poll(() => focused(page)).toBe('release-note');
    await page.keyboard.type('Vraag beantwoord');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await page.locator('#detail-meta', { hasText: 'Teruggegeven' }).waitFor();
    expect(await e2e.loket.store.handoffs.get(id)).toMatchObject({ state: 'released', outcome: 'released' });

    await expect.poll(() => focused(page)).toBe('detail-title');
    const meta = (await page.textContent('#detail-meta')) ?? '';
    expect(meta).not.toContain('Bij u');
    expect(meta).toContain('Behandeld door u');
    expect(meta).not.toMatch(/released/);
    await expect.poll(() => page.textContent('#announce')).toContain('teruggegeven aan de assistent');

    // In the closed tab the row says what happened, not who "has" it.
    await page.click('#tab-closed');
    const row = page.locator(`#inbox-list [data-id="${id}"]`);
    await row.waitFor();
    expect(await row.textContent()).toContain('Teruggegeven');
    expect(await row.textContent()).not.toMatch(/released|Bij /);
    await page.context().close();
  }, 60_000);

  it('after Gesprek afsluiten: focus on the detail title and the outcome in Dutch', async () => {
    const c = await citizen(e2e.loket);
    const id = await c.askForPerson();
    const page = await e2e.keyboardAs('anna');
    await claim(page, id);

    await page.focus('#close-box > summary');
    await page.keyboard.press('Enter');
    await expect.poll(() => focused(page)).toBe('close-outcome');
    // No outcome is chosen beforehand: Enter on the form without one closes nothing.
    expect(await page.inputValue('#close-outcome')).toBe('');
    await page.keyboard.press('Tab');
    await page.keyboard.type('naar belastingen');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => (document.getElementById('close-outcome') as HTMLSelectElement).validity.valueMissing)).toBe(true);
    expect(await e2e.loket.store.handoffs.get(id)).toMatchObject({ state: 'active' });
    await page.focus('#close-outcome');
    await page.keyboard.press('ArrowDown'); // (kies) → opgelost
    await page.keyboard.press('ArrowDown'); // opgelost → doorverwezen
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await page.locator('#detail-meta', { hasText: 'Afgesloten' }).waitFor();
    expect(await e2e.loket.store.handoffs.get(id)).toMatchObject({ state: 'closed', outcome: 'doorverwezen: naar belastingen' });

    await expect.poll(() => focused(page)).toBe('detail-title');
    const meta = (await page.textContent('#detail-meta')) ?? '';
    expect(meta).toContain('Uitkomst: Doorverwezen: naar belastingen');
    expect(meta).not.toContain('Bij u');
    // The note the server wrote ("closed: …") reads in Dutch too, under Anna's name.
    await page.locator('#notes .note', { hasText: 'Afgesloten. Uitkomst: Doorverwezen: naar belastingen' }).waitFor();
    expect(await page.textContent('#notes')).toContain('Anna de Vries');
    await page.context().close();
  }, 60_000);

  it('names the colleague who holds a conversation and shows no reason codes', async () => {
    // A flagged case (Z-2026-000789 has the flag "hardship"): reason case_flag, evidence "case-flag:hardship".
    const c = await citizen(e2e.loket);
    await c.say('hoe staat het met mijn aanvraag Z-2026-000789');
    await c.say('1234 AB');
    await c.say('30-11-1975');
    const id = (await c.handoff())?.id;
    expect(id).toBeTruthy();
    const queued = await citizen(e2e.loket);
    const queuedId = await queued.askForPerson();
    expect((await as(e2e.loket, e2e.staff.svisser).post(`/api/v1/handoffs/${id}/claim`)).statusCode).toBe(200);

    // An admin knows every account: Sanne by her name from the start.
    const admin = await e2e.keyboardAs(ADMIN.username);
    const row = admin.locator(`#inbox-list [data-id="${id}"]`);
    await row.waitFor();
    const rowText = (await row.textContent()) ?? '';
    expect(rowText).toContain('Bijzondere zaak');
    expect(rowText).toContain('Zaak gemarkeerd: Financiële nood');
    expect(rowText).toContain('Bij Sanne Visser');
    expect(rowText).not.toMatch(/case_flag|case-flag|hardship|svisser/);
    expect(await admin.locator(`#inbox-list .row[data-reason="case_flag"]`).count()).toBe(1);
    // The wait clock ticks every second; it is not part of the row's accessible name.
    expect(await admin.locator(`#inbox-list [data-id="${queuedId}"] .row__wait`).getAttribute('aria-hidden')).toBe('true');

    await row.click();
    await admin.locator('#reply-locked', { hasText: 'Sanne Visser voert dit gesprek.' }).waitFor();
    expect(await admin.textContent('#detail-title')).not.toContain('case_flag');
    expect(await admin.textContent('#detail-meta')).toContain('Bij Sanne Visser');
    expect(await admin.textContent('#evidence')).not.toMatch(/case_flag|case-flag/);
    expect(await admin.textContent('#case')).toContain('Financiële nood');
    await admin.context().close();

    // A caseworker knows her colleagues by name too (/api/v1/colleagues), before Sanne wrote anything.
    const anna = await e2e.keyboardAs('anna');
    await anna.click(`#inbox-list [data-id="${id}"]`);
    await anna.locator('#reply-locked', { hasText: 'Sanne Visser voert dit gesprek.' }).waitFor();
    expect((await as(e2e.loket, e2e.staff.svisser).post(`/api/v1/handoffs/${id}/messages`, { text: 'Goedemiddag, met Sanne.' })).statusCode).toBe(200);
    await anna.locator('#transcript .msg--caseworker', { hasText: 'met Sanne' }).waitFor();
    expect(await anna.textContent('#detail-meta')).toContain('Bij Sanne Visser');
    expect(await anna.textContent('#reply-locked')).not.toContain('svisser');
    await anna.context().close();
  }, 90_000);
  it('shows who helped before in the same conversation, by name, with their notes; nothing for a first handoff', async () => {
    const c = await citizen(e2e.loket);
    const first = await c.askForPerson();
    await as(e2e.loket, e2e.staff.svisser).post(`/api/v1/handoffs/${first}/claim`);
    await as(e2e.loket, e2e.staff.svisser).post(`/api/v1/handoffs/${first}/release`, { note: 'bezwaartermijn uitgelegd' });
    const second = await c.askForPerson('ik wil toch weer een medewerker');
    const page = await e2e.keyboardAs('anna');
    await page.click(`#inbox-list [data-id="${second}"]`);
    const panel = page.locator('#earlier-panel:not([hidden])');
    await panel.waitFor();
    const text = (await panel.textContent()) ?? '';
    expect(text).toContain('Sanne Visser');
    expect(text).toContain('Teruggegeven aan de assistent');
    expect(text).toContain('bezwaartermijn uitgelegd');
    expect(text).not.toContain('svisser');
    const other = await citizen(e2e.loket);
    const fresh = await other.askForPerson();
    await page.click(`#inbox-list [data-id="${fresh}"]`);
    await page.waitForFunction((h) => document.querySelector('#detail-body')?.getAttribute('data-handoff') === h && !document.querySelector('#detail-grid')?.hasAttribute('hidden'), fresh);
    await expect.poll(() => page.locator('#earlier-panel').isHidden()).toBe(true);
    await page.context().close();
  }, 90_000);

  it('while a conversation loads, nothing of the one before shows or can be acted on', async () => {
    // CI once pressed "Overnemen" while the detail loaded: the press reached nothing (or, with another
    // conversation open before, took over that one), and the reply box never came.
    const a = await (await citizen(e2e.loket)).askForPerson();
    const b = await (await citizen(e2e.loket)).askForPerson('mag ik een echt mens');
    const page = await e2e.keyboardAs('anna');
    await page.click(`#inbox-list [data-id="${a}"]`);
    await page.waitForFunction((h) => document.querySelector('#detail-body')?.getAttribute('data-handoff') === h, a);
    await page.waitForSelector('#claim:not([hidden])');

    // The second one's detail is held back until the test lets it through.
    let letThrough!: () => void;
    const held = new Promise<void>((resolve) => { letThrough = resolve; });
    await page.route(`**/api/v1/handoffs/${b}`, async (route) => { await held; await route.continue(); });
    await page.click(`#inbox-list [data-id="${b}"]`);
    await page.locator('#detail-title', { hasText: 'Gesprek wordt geladen' }).waitFor();
    expect(await page.isHidden('#claim')).toBe(true);
    expect(await page.isHidden('#reply-form')).toBe(true);
    expect(await page.isHidden('#identity')).toBe(true);
    expect(await page.getAttribute('#detail-body', 'aria-busy')).toBe('true');

    letThrough();
    await page.waitForFunction((h) => document.querySelector('#detail-body')?.getAttribute('data-handoff') === h, b);
    await page.click('#claim');
    await page.locator('#detail-meta', { hasText: 'Bij u' }).waitFor();
    expect(await e2e.loket.store.handoffs.get(b)).toMatchObject({ state: 'active', assignee: 'anna' });
    expect(await e2e.loket.store.handoffs.get(a)).toMatchObject({ state: 'queued' });
    expect(await page.getAttribute('#detail-body', 'aria-busy')).toBe('false');
    await page.context().close();
  }, 60_000);
});
