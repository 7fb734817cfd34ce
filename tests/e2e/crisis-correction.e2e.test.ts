/**
 * "Geen crisis?" in the console, in a real browser, by keyboard: only on a crisis the caseworker holds
 * (not on one waiting in the queue), no reason chosen beforehand, a note required; afterwards the head
 * shows the new reason and priority, focus lands on the detail title and the change is announced, the
 * note reads in Dutch, and a colleague's open console follows without a reload.
 */
import { expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { browserSuite } from '../support/browser.ts';
import { consoleSuite } from '../support/console-suite.ts';
import { focused } from '../support/console.ts';
import { citizen } from '../caseworker/helpers.ts';

const CHAIR = 'ik zie het niet meer zitten met die stoel van mijn oma';

browserSuite('the console corrects a false crisis', () => {
  const e2e = consoleSuite({
    caseworkers: {
      anna: { name: 'Anna de Vries', teams: ['klantcontact'] },
      lena: { name: 'Lena Smit', role: 'supervisor', teams: ['klantcontact'] },
    },
  });

  async function open(page: Page, id: string): Promise<void> {
    const row = page.locator(`#inbox-list [data-id="${id}"]`);
    await row.waitFor();
    await row.focus();
    await page.keyboard.press('Enter');
    await page.locator('#detail-title', { hasText: 'Crisis / nood' }).waitFor();
  }

  it('"Geen crisis?" on a held crisis: reason and note, then the new head, focus on the title, an announcement, and a colleague\'s console follows', async () => {
    const c = await citizen(e2e.loket);
    await c.say(CHAIR);
    let id: string | undefined;
    for (let i = 0; i < 50 && !id; i++) {
      id = (await c.handoff())?.id;
      if (!id) await new Promise((r) => setTimeout(r, 20));
    }
    expect(await e2e.loket.store.handoffs.get(id!)).toMatchObject({ reason: 'distress', priority: 1 });

    const anna = await e2e.keyboardAs('anna');
    await open(anna, id!);
    // Waiting in the queue: not hers to talk down before she spoke with the citizen.
    expect(await anna.isHidden('#not-crisis-box')).toBe(true);
    await anna.focus('#claim');
    await anna.keyboard.press('Enter');
    await anna.waitForSelector('#reply-form:not([hidden])');
    await anna.waitForSelector('#not-crisis-box:not([hidden])');

    // A supervisor has it open too.
    const lena = await e2e.keyboardAs('lena');
    await open(lena, id!);

    await anna.focus('#not-crisis-box > summary');
    await anna.keyboard.press('Enter');
    await expect.poll(() => focused(anna)).toBe('not-crisis-reason');
    expect(await anna.inputValue('#not-crisis-reason')).toBe('');
    const options = await anna.locator('#not-crisis-reason option').allTextContents();
    expect(options).toEqual(['Kies wat het wel is', 'Geldzorgen', 'Overlijden', 'Kwetsbaar / hulp nodig', 'Frustratie', 'Klacht', 'Wil een medewerker', 'Geen bijzondere situatie (wil een medewerker)']);
    // Nothing chosen, no note: the form is not sent.
    await anna.focus('#not-crisis-form button[type="submit"]');
    await anna.keyboard.press('Enter');
    expect(await anna.evaluate(() => (document.getElementById('not-crisis-reason') as HTMLSelectElement).validity.valueMissing)).toBe(true);
    expect(await e2e.loket.store.handoffs.get(id!)).toMatchObject({ reason: 'distress' });

    await anna.focus('#not-crisis-reason');
    for (let i = 0; i < 4; i++) await anna.keyboard.press('ArrowDown'); // → Frustratie
    expect(await anna.inputValue('#not-crisis-reason')).toBe('frustration');
    await anna.keyboard.press('Tab');
    expect(await focused(anna)).toBe('not-crisis-note');
    await anna.keyboard.type('Boos over de stoel van haar oma, geen crisis.');
    await anna.keyboard.press('Tab');
    await anna.keyboard.press('Enter');

    await anna.locator('#detail-title', { hasText: 'Frustratie' }).waitFor();
    expect(await e2e.loket.store.handoffs.get(id!)).toMatchObject({ reason: 'frustration', priority: 3, correctedFrom: 'distress', correctedBy: 'anna' });
    await expect.poll(() => focused(anna)).toBe('detail-title');
    const title = (await anna.textContent('#detail-title')) ?? '';
    expect(title).toContain('P3 · Normaal');
    expect(title).not.toContain('Crisis');
    expect(await anna.locator('#detail-title .badge--p3').count()).toBe(1);
    await expect.poll(() => anna.textContent('#announce')).toContain('Geen crisis. Nu: Frustratie, P3 · Normaal.');
    expect(await anna.textContent('#detail-meta')).toContain('Geen crisis volgens u');
    expect(await anna.textContent('#evidence')).toContain('Frustratie (eerst gezien als crisis / nood)');
    expect(await anna.isHidden('#not-crisis-box')).toBe(true);
    await anna.locator('#notes .note', { hasText: 'Geen crisis: Boos over de stoel van haar oma, geen crisis.' }).waitFor();
    // The inbox row too: no longer a crisis.
    expect(await anna.textContent(`#inbox-list [data-id="${id}"]`)).toContain('Frustratie');

    // The colleague's console, by the live events.
    await lena.locator('#detail-title', { hasText: 'Frustratie' }).waitFor();
    expect(await lena.textContent('#detail-meta')).toContain('Geen crisis volgens Anna de Vries');
    await lena.locator('#notes .note', { hasText: 'Geen crisis: Boos over de stoel' }).waitFor();
    await anna.context().close();
    await lena.context().close();
  }, 90_000);
});
