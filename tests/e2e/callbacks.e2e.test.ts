/**
 * Calling citizens back from the console, in a real browser and by keyboard: the "Terugbellen" tab
 * lists the calls to make, the earliest "niet vóór" first; the holder records each call in the
 * detail ("Gebeld: geen gehoor", "Gebeld: bereikt"), a colleague's console follows live, the third
 * unanswered call reaches the citizen as a message, and a call that reached them leads to closing
 * the conversation with an outcome. Before, a callback was only a badge and a panel.
 * The server runs on a fixed clock, so the times are set by the test.
 */
import { beforeAll, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { fixedClock } from '../../src/clock.ts';
import { axeViolations } from '../support/axe.ts';
import { browserSuite } from '../support/browser.ts';
import { consoleSuite } from '../support/console-suite.ts';
import { citizen, texts, type Citizen } from '../caseworker/helpers.ts';

browserSuite('calling citizens back from the console', () => {
  const clock = fixedClock('2026-11-24T09:00:00Z'); // a Tuesday, 10:00 in Amsterdam
  const e2e = consoleSuite({
    clock,
    caseworkers: {
      anna: { name: 'Anna de Vries', teams: ['klantcontact'] },
      lotte: { name: 'Lotte Smit', role: 'supervisor', teams: ['klantcontact'] },
    },
  });
  let first: Citizen;
  const ids = { first: '', second: '', plain: '' };

  beforeAll(async () => {
    // Waiting since 10:00; asks for a call at 10:02, so it is the second call to make though first in the queue.
    const later = await citizen(e2e.loket);
    ids.plain = await later.askForPerson();
    clock.advance(60_000);
    first = await citizen(e2e.loket);
    await first.say('ik wil graag teruggebeld worden op 06-87654321');
    ids.first = (await first.handoff())!.id;
    clock.advance(60_000);
    await later.say('kunt u mij terugbellen op 0612345678?');
    ids.second = ids.plain;
    // And one without a callback.
    const plain = await citizen(e2e.loket);
    ids.plain = await plain.askForPerson();
    await first.news();
  });

  // bypassCSP: axe is injected as an inline script, which our own CSP rightly refuses.
  const consolePage = (username: string) => e2e.consoleAs(username, { width: 1280, height: 900 }, { bypassCSP: true });

  const rowIds = (page: Page) => page.locator('#inbox-list .row__button').evaluateAll((els) => els.map((e) => e.getAttribute('data-id')));
  const row = (page: Page, id: string) => page.locator(`#inbox-list [data-id="${id}"]`);

  it('lists the calls to make, records them by keyboard, tells the citizen after three, and closes after reaching them', async () => {
    const anna = await consolePage('anna');
    const lotte = await consolePage('lotte');

    // The tab, by keyboard: only the callbacks, the earliest "niet vóór" first.
    await anna.focus('#tab-callbacks');
    await anna.keyboard.press('Enter');
    expect(await anna.getAttribute('#tab-callbacks', 'aria-pressed')).toBe('true');
    await expect.poll(() => rowIds(anna)).toEqual([ids.first, ids.second]);
    const firstRow = await row(anna, ids.first).textContent();
    expect(firstRow).toContain('+31687654321');
    expect(firstRow).toMatch(/niet vóór di 24 nov\.?, 10:01/);
    expect(firstRow).toContain('Wil een medewerker');
    expect(firstRow).toContain('Team klantcontact');
    expect(firstRow).toContain('Nog niet gebeld');
    expect(await row(anna, ids.second).textContent()).toMatch(/\+31612345678.*niet vóór di 24 nov\.?, 10:02/);
    expect(await anna.textContent('#inbox-title')).toContain('terugbellen');
    await lotte.click('#tab-callbacks');
    await expect.poll(() => rowIds(lotte)).toEqual([ids.first, ids.second]);

    // Open it by keyboard: still in the queue, so take it over before calling.
    await row(anna, ids.first).focus();
    await anna.keyboard.press('Enter');
    await anna.locator('#callback-panel:not([hidden])').waitFor();
    expect(await anna.textContent('#callback-attempts')).toContain('Nog niet gebeld.');
    expect(await anna.isVisible('#callback-form')).toBe(false);
    expect(await anna.textContent('#callback-locked')).toContain('Neem het gesprek over om een belpoging vast te leggen.');
    await anna.click('#claim');
    await anna.locator('#callback-form:not([hidden])').waitFor();

    // First call: nobody answers; a note with it. Enter in the note records nothing by itself.
    await anna.focus('#callback-note');
    await anna.keyboard.type('voicemail, niets ingesproken');
    await anna.keyboard.press('Enter');
    expect(await anna.locator('#callback-attempts .attempt').count()).toBe(0);
    await anna.keyboard.press('Tab');
    await anna.keyboard.press('Tab');
    expect(await anna.evaluate(() => document.activeElement?.id)).toBe('callback-no-answer');
    await anna.keyboard.press('Enter');
    await expect.poll(() => anna.locator('#callback-attempts .attempt').count()).toBe(1);
    expect(await anna.textContent('#callback-attempts')).toMatch(/Gebeld: geen gehoor · di 24 nov\.?, 10:02 · Anna de Vries\s*voicemail, niets ingesproken/);
    await expect.poll(() => anna.textContent('#announce')).toContain('Belpoging vastgelegd: geen gehoor (1 keer).');
    expect(await anna.inputValue('#callback-note')).toBe('');
    // The row in the list and a colleague's console follow.
    await expect.poll(() => row(anna, ids.first).textContent()).toContain('1 belpoging (geen gehoor)');
    await expect.poll(() => row(lotte, ids.first).textContent()).toContain('1 belpoging (geen gehoor)');
    expect(await row(lotte, ids.first).textContent()).toContain('Bij Anna de Vries');
    expect(await axeViolations(anna)).toEqual([]);

    // The third unanswered call: the citizen reads how to reach us; the detail says so.
    for (const n of [2, 3]) {
      await anna.click('#callback-no-answer');
      await expect.poll(() => anna.locator('#callback-attempts .attempt').count()).toBe(n);
    }
    await expect.poll(async () => texts(await first.news()).join(' ')).toContain('We hebben drie keer geprobeerd u te bellen.');
    expect(await anna.textContent('#callback-advice')).toContain('3 keer geen gehoor. De burger kreeg een bericht');
    await expect.poll(() => anna.textContent('#announce')).toContain('Dit was de derde keer');

    // Reached on the fourth: the console suggests closing, with focus on that suggestion.
    await anna.fill('#callback-note', 'terug van vakantie');
    await anna.focus('#callback-reached');
    await anna.keyboard.press('Enter');
    // "Afsluiten" shows already after the third unanswered call: wait for the advice to change.
    await anna.locator('#callback-close:not([hidden])').waitFor();
    await expect.poll(() => anna.textContent('#callback-advice')).toBe('De burger is bereikt. Sluit het gesprek af met een uitkomst.');
    await expect.poll(() => anna.evaluate(() => document.activeElement?.id)).toBe('callback-close');
    await anna.keyboard.press('Enter');
    await expect.poll(() => anna.evaluate(() => document.activeElement?.id)).toBe('close-outcome');
    expect(await anna.evaluate(() => (document.getElementById('close-box') as HTMLDetailsElement).open)).toBe(true);
    await anna.selectOption('#close-outcome', 'opgelost');
    await anna.click('#close-form button[type="submit"]');

    // Closed: no longer a call to make, in either console.
    await expect.poll(() => rowIds(anna)).toEqual([ids.second]);
    await expect.poll(() => rowIds(lotte)).toEqual([ids.second]);
    const stored = (await e2e.loket.store.handoffs.get(ids.first))!;
    expect(stored).toMatchObject({ state: 'closed', outcome: 'opgelost' });
    expect(stored.callback!.attempts!.map((a) => a.outcome)).toEqual(['no_answer', 'no_answer', 'no_answer', 'reached']);
    await anna.screenshot({ path: '/tmp/loket-callbacks.png' });
  }, 90_000);
});
