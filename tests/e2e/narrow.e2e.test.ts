/**
 * The console on a narrow screen (a phone, or a desktop browser zoomed to 200–400 %: WCAG 1.4.10
 * reflow), driven by keyboard only. At 400 and 320 CSS pixels wide a caseworker logs in, opens a
 * waiting conversation, takes it over, answers, notes, looks at the action forms, closes, corrects a
 * false crisis, hands back, transfers, calls back and reads the closed list. In every state the page
 * never scrolls sideways and no control sticks out or is cut off; after every action focus is on
 * something that makes sense, on screen, not covered, with its outline. The list and the conversation
 * are two views there, with "Terug naar de lijst" between them.
 */
import { expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { browserSuite } from '../support/browser.ts';
import { consoleSuite } from '../support/console-suite.ts';
import { focused } from '../support/console.ts';
import { focusProblems, reflowProblems, tabTo } from '../support/reflow.ts';
import { citizen } from '../caseworker/helpers.ts';

const PHONE = { width: 400, height: 800 };
const SMALL_PHONE = { width: 320, height: 640 };
const LONG = 'https://www.example.nl/mijn-aanvraag/Z-2026-000123/bijlage-bouwtekening-definitief-versie-3.pdf';
const CHAIR = 'ik zie het niet meer zitten met die stoel van mijn oma';

browserSuite('the console on a narrow screen, by keyboard', () => {
  const e2e = consoleSuite({ caseworkers: { anna: { name: 'Anna de Vries', teams: ['klantcontact'] } } });

  /** Nothing scrolls sideways or sticks out, and focus is on `id`, visible. */
  async function settled(page: Page, id: string): Promise<void> {
    await expect.poll(() => focused(page)).toBe(id);
    await fits(page);
  }

  /** Nothing scrolls sideways or sticks out, and focus, wherever it is, is visible. */
  async function fits(page: Page): Promise<void> {
    expect(await reflowProblems(page)).toEqual([]);
    expect(await focusProblems(page)).toEqual([]);
  }

  /** In the open "Afsluiten" form: an outcome chosen, sent by keyboard; done with it, back to the list, focus on its heading. */
  async function closeWithOutcome(page: Page, id: string): Promise<void> {
    await settled(page, 'close-outcome');
    await page.keyboard.press('ArrowDown');
    expect(await page.inputValue('#close-outcome')).not.toBe('');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await e2e.loket.store.handoffs.get(id))?.state).toBe('closed');
    await showsList(page);
    await settled(page, 'inbox-title');
  }

  /** Only the list shows: the conversation's view is away. */
  async function showsList(page: Page): Promise<void> {
    await expect.poll(() => page.isVisible('#inbox-list')).toBe(true);
    expect(await page.isVisible('#detail')).toBe(false);
  }

  /** Only the conversation shows, with the way back to the list. */
  async function showsDetail(page: Page): Promise<void> {
    await expect.poll(() => page.isVisible('#detail-title')).toBe(true);
    expect(await page.isVisible('#inbox-list')).toBe(false);
    expect(await page.isVisible('#back-to-list')).toBe(true);
  }

  /** From the list: Tab to the row, Enter; the conversation opens with focus on its title. */
  async function openRow(page: Page, id: string): Promise<void> {
    await page.locator(`#inbox-list [data-id="${id}"]`).waitFor();
    await tabTo(page, `#inbox-list [data-id="${id}"]`);
    await page.keyboard.press('Enter');
    await page.locator(`#detail-body[data-handoff="${id}"]`).waitFor();
    await showsDetail(page);
    await settled(page, 'detail-title');
  }

  /** Opens an action's form by its button: focus on its first field, the form within the screen. */
  async function openAction(page: Page, box: string, field: string): Promise<void> {
    await tabTo(page, `#${box} > summary`, { back: true });
    await page.keyboard.press('Enter');
    await settled(page, field);
  }

  it('at 400 px: opens, takes over, answers, notes, looks at the actions, closes, and finds it in the closed list', async () => {
    // Long words without a place to break: they wrap instead of widening the page.
    const id = await (await citizen(e2e.loket)).askForPerson(`ik wil een medewerker spreken over ${LONG}`);
    const page = await e2e.keyboardAs('anna', PHONE);
    await page.locator(`#inbox-list [data-id="${id}"]`).waitFor();
    await showsList(page);
    await settled(page, 'inbox-title');

    await openRow(page, id);
    await tabTo(page, '#claim');
    await page.keyboard.press('Enter');
    await page.waitForSelector('#reply-form:not([hidden])');
    await settled(page, 'reply-text');

    await page.keyboard.type('Goedemiddag, ik kijk het voor u na.');
    await tabTo(page, '#reply-send');
    await page.keyboard.press('Enter');
    await page.locator('#transcript .msg--caseworker', { hasText: 'ik kijk het voor u na' }).waitFor();
    // Ready for the next message.
    await settled(page, 'reply-text');
    expect(await page.inputValue('#reply-text')).toBe('');

    await tabTo(page, '#note-text');
    await page.keyboard.type(`Burger belt morgen terug over ${LONG}`);
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await page.locator('#notes .note', { hasText: 'belt morgen terug' }).waitFor();
    await settled(page, 'note-text');

    // Each action's form fits the screen, and Escape takes focus back to its button.
    for (const [box, field] of [['transfer-box', 'INPUT'], ['release-box', 'release-note'], ['close-box', 'close-outcome']] as const) {
      await openAction(page, box, field);
      await page.keyboard.press('Escape');
      await settled(page, 'SUMMARY');
      expect(await page.evaluate((b) => (document.getElementById(b) as HTMLDetailsElement).open, box)).toBe(false);
    }

    await page.keyboard.press('Enter'); // "Afsluiten" again
    await closeWithOutcome(page, id);
    await expect.poll(() => page.locator(`#inbox-list [data-id="${id}"]`).count()).toBe(0);
    await expect.poll(() => page.textContent('#announce')).toContain('Gesprek afgesloten');

    await tabTo(page, '#tab-closed');
    await page.keyboard.press('Enter');
    await openRow(page, id);
    expect(await page.textContent('#detail-meta')).toContain('Afgesloten');
    // The way back sits just before the title, and lands on the row that was open.
    await page.keyboard.press('Shift+Tab');
    expect(await focused(page)).toBe('back-to-list');
    await page.keyboard.press('Enter');
    await showsList(page);
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-id'))).toBe(id);
    await fits(page);
    await page.context().close();
  }, 90_000);

  it('at 400 px: a callback from its tab, "Gebeld: bereikt", then closed with an outcome', async () => {
    const c = await citizen(e2e.loket);
    await c.say('kunt u mij terugbellen op 0612345678?');
    const id = (await c.handoff())!.id;
    const page = await e2e.keyboardAs('anna', PHONE);
    await tabTo(page, '#tab-callbacks');
    await page.keyboard.press('Enter');
    await openRow(page, id);
    await tabTo(page, '#claim');
    await page.keyboard.press('Enter');
    await settled(page, 'reply-text');

    await tabTo(page, '#callback-reached');
    await fits(page);
    await page.keyboard.press('Enter');
    await settled(page, 'callback-close');
    await page.keyboard.press('Enter');
    await closeWithOutcome(page, id);
    await page.context().close();
  }, 90_000);

  it('at 320 px: "Geen crisis?", handing back with a note, and transferring another to a team', async () => {
    const crisis = await citizen(e2e.loket);
    await crisis.say(CHAIR);
    let id: string | undefined;
    await expect.poll(async () => (id = (await crisis.handoff())?.id)).toBeTruthy();
    const other = await (await citizen(e2e.loket)).askForPerson();
    const page = await e2e.keyboardAs('anna', SMALL_PHONE);
    await settled(page, 'inbox-title');

    await openRow(page, id!);
    await tabTo(page, '#claim');
    await page.keyboard.press('Enter');
    await settled(page, 'reply-text');
    await openAction(page, 'not-crisis-box', 'not-crisis-reason');
    for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowDown'); // → Frustratie
    await page.keyboard.press('Tab');
    await page.keyboard.type('Boos over de stoel, geen crisis.');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await page.locator('#detail-title', { hasText: 'Frustratie' }).waitFor();
    await settled(page, 'detail-title');

    await openAction(page, 'release-box', 'release-note');
    await page.keyboard.type('Gaat goed, verder met de assistent.');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await e2e.loket.store.handoffs.get(id!))?.state).toBe('released');
    await settled(page, 'detail-title');
    await page.keyboard.press('Shift+Tab');
    expect(await focused(page)).toBe('back-to-list');
    await page.keyboard.press('Enter');
    // Its row left the open list: focus on the list's heading.
    await showsList(page);
    await settled(page, 'inbox-title');

    await openRow(page, other);
    await tabTo(page, '#claim');
    await page.keyboard.press('Enter');
    await settled(page, 'reply-text');
    await openAction(page, 'transfer-box', 'INPUT');
    await page.keyboard.press('Tab');
    expect(await focused(page)).toBe('transfer-target');
    await page.keyboard.type('vergunningen');
    await page.keyboard.press('Tab');
    if ((await focused(page)) !== 'transfer-note') await tabTo(page, '#transfer-note');
    await page.keyboard.type('Gaat over een vergunning.');
    await page.keyboard.press('Tab');
    expect(await reflowProblems(page)).toEqual([]);
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await e2e.loket.store.handoffs.get(other))?.team).toBe('vergunningen');
    await settled(page, 'detail-title');
    await page.context().close();
  }, 90_000);
});
