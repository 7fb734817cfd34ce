/**
 * The console on a narrow screen (a phone, or a desktop browser zoomed to 200–400 %: WCAG 1.4.10
 * reflow), driven by keyboard only. At 400 and 320 CSS pixels wide a caseworker logs in, opens a
 * waiting conversation, takes it over, answers, notes, looks at the action forms, closes, corrects a
 * false crisis, hands back, transfers, calls back and reads the closed list. In every state the page
 * never scrolls sideways and no control sticks out or is cut off; after every action focus is on
 * something that makes sense, on screen, not covered, with its outline. The list and the conversation
 * are two views there, with "Terug naar de lijst" between them. A row with several badges and a
 * conversation with a verified case (its own Loket, on a clock the test moves) check that a badge too
 * long for one line wraps and that a fact's label sits above its value.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { fixedClock } from '../../src/clock.ts';
import { browserSuite } from '../support/browser.ts';
import { consoleSuite } from '../support/console-suite.ts';
import { focused } from '../support/console.ts';
import { focusProblems, reflowProblems, tabTo } from '../support/reflow.ts';
import { as, citizen } from '../caseworker/helpers.ts';

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

  describe('with long badges and a verified case', () => {
    // Ten minutes ago, so the server's times (moved on below) stay behind the browser's.
    const clock = fixedClock(new Date(Date.now() - 10 * 60_000));
    const late = consoleSuite({
      settings: { LOKET_HANDOFF_WAIT_SECONDS: '120', LOKET_REPLY_TIMEOUT_SECONDS: '60' },
      clock,
      caseworkers: { anna: { name: 'Anna de Vries', teams: ['klantcontact'] }, bram: { name: 'Bram Bakker' } },
    });

    /** Badges that reach past the box they stand in (a row, a line of the head) or the screen: with `white-space: nowrap` a long one stays one line. */
    const badgesOutside = (page: Page) => page.evaluate(() => Array.from(document.querySelectorAll('.badge'))
      .filter((b) => b.checkVisibility())
      .flatMap((b) => {
        const r = b.getBoundingClientRect();
        let a = b.parentElement!;
        while (getComputedStyle(a).display.startsWith('inline') && a.parentElement) a = a.parentElement;
        const box = a.getBoundingClientRect();
        return r.left < box.left - 0.5 || r.right > box.right + 0.5 || r.right > document.documentElement.clientWidth ? [`"${b.textContent}" ${Math.round(r.left)}..${Math.round(r.right)} of ${Math.round(box.left)}..${Math.round(box.right)}`] : [];
      }));

    /** Each fact's label and value, where they are: the label above, from the same left edge. */
    const factsBesideValues = (page: Page, dl: string) => page.locator(`${dl} dt`).evaluateAll((dts) => dts.flatMap((dt) => {
      const dd = dt.nextElementSibling!;
      const [l, v] = [dt.getBoundingClientRect(), dd.getBoundingClientRect()];
      return l.bottom <= v.top + 0.5 && Math.abs(l.left - v.left) < 1 ? [] : [`"${dt.textContent}" ${Math.round(l.left)},${Math.round(l.top)} beside its value at ${Math.round(v.left)},${Math.round(v.top)}`];
    }));

    it('at 320 px: a row with several badges, and an open conversation with its case facts, label above value', async () => {
      // Verified (a case, so case facts), given up by Bram (returned), then waited too long and said yes to a callback.
      const caller = await citizen(late.loket);
      await caller.say('hoe staat het met mijn aanvraag Z-2026-000123');
      await caller.say('1234 AB');
      await caller.say('15-03-1980');
      const id = await caller.askForPerson();
      await as(late.loket, late.staff.bram).post(`/api/v1/handoffs/${id}/claim`);
      clock.advance(61_000);
      await late.loket.handoffs.sweep();
      clock.advance(121_000);
      await late.loket.handoffs.sweep();
      await caller.say('ja');
      expect(await late.loket.store.handoffs.get(id)).toMatchObject({ state: 'queued', returned: true, callback: expect.anything() });

      const page = await late.keyboardAs('anna', SMALL_PHONE);
      const row = page.locator(`#inbox-list [data-id="${id}"]`);
      await row.locator('.badge--callback').waitFor();
      expect(await row.locator('.badge').count()).toBe(3);
      expect(await badgesOutside(page)).toEqual([]);
      await fits(page);

      // The head's "Terug in wachtrij: medewerker reageerde niet op tijd" is wider than 320 px on one line.
      await openRow(page, id);
      await page.locator('#detail-meta .badge--returned').waitFor();
      expect(await page.isVisible('#case-panel')).toBe(true);
      expect(await badgesOutside(page)).toEqual([]);
      expect(await factsBesideValues(page, '#case')).toEqual([]);
      expect(await factsBesideValues(page, '#identity .facts')).toEqual([]);
      expect(await page.locator('#identity .facts dt').count()).toBeGreaterThan(0);
      await fits(page);
      await page.context().close();
    }, 90_000);
  });
});
