/**
 * The console tells the caseworker who holds a conversation how long they still have to answer
 * before the server returns it to the queue, in a real browser. Before, the first they heard of the
 * reply timeout was "Terug in wachtrij: medewerker reageerde niet op tijd", after the fact.
 * The deadline is the server's replyDueAt; the browser's clock is moved with Playwright's clock, so
 * the test waits for nothing.
 */
import { beforeAll, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { browserSuite } from '../support/browser.ts';
import { consoleSuite } from '../support/console-suite.ts';
import { logIn } from '../support/console.ts';
import { citizen, type Citizen } from '../caseworker/helpers.ts';

// Five minutes, as the example in the brief: "Antwoord binnen 4 min" just after the claim.
const TIMEOUT_SECONDS = 300;

browserSuite('the time left to answer, by the reply box', () => {
  const e2e = consoleSuite({ settings: { LOKET_REPLY_TIMEOUT_SECONDS: String(TIMEOUT_SECONDS) }, caseworkers: { anna: { name: 'Anna de Vries', teams: ['klantcontact'] } } });
  let c: Citizen;
  let id: string;

  beforeAll(async () => {
    c = await citizen(e2e.loket);
    id = await c.askForPerson();
  });

  /** Everything said in the polite live region since the page loaded. */
  const said = (page: Page) => page.evaluate(() => (window as unknown as { said: string[] }).said);
  const due = (page: Page) => page.locator('#reply-due');

  it('counts down from the claim, goes once a reply is sent, comes back when the citizen writes, and says only the last minute aloud', async () => {
    const page = await e2e.tab({ width: 1280, height: 860 });
    await page.clock.install();
    await page.goto(`${e2e.base}/console`);
    await logIn(page, 'anna');
    await page.evaluate(() => {
      const w = window as unknown as { said: string[] };
      w.said = [];
      const region = document.getElementById('announce')!;
      new MutationObserver(() => region.textContent && w.said.push(region.textContent)).observe(region, { childList: true, characterData: true, subtree: true });
    });

    // Waiting in the queue: nothing is due yet.
    await page.click(`#inbox-list [data-id="${id}"]`);
    await page.waitForSelector('#claim:not([hidden])');
    expect(await due(page).count()).toBe(1);
    expect(await due(page).isHidden()).toBe(true);

    // Taken over with the keyboard: the line is there, and the reply box (where focus lands) is described by it.
    await page.focus('#claim');
    await page.keyboard.press('Enter');
    await page.waitForSelector('#reply-form:not([hidden])');
    // The page's clock is Playwright's, started when the page loaded; on a busy machine it may run a
    // second behind the server's, and then just under five minutes looks like five. A quarter of a
    // minute on (one tick of the line) it is less than five minutes for certain.
    await page.clock.fastForward('00:15');
    await expect.poll(() => due(page).textContent()).toBe('Antwoord binnen 4 min, anders gaat het gesprek terug naar de wachtrij.');
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('reply-text');
    expect((await page.getAttribute('#reply-text', 'aria-describedby'))?.split(' ')).toContain('reply-due');
    // Not a live region itself, nor inside one: its minute-by-minute changes are not spoken.
    expect(await page.evaluate(() => document.getElementById('reply-due')!.closest('[aria-live], [role="status"], [role="log"], [role="alert"]'))).toBeNull();

    // Answered: gone. The citizen writes again: due again, from their message.
    await page.fill('#reply-text', 'Ik kijk even mee.');
    await page.keyboard.press('Control+Enter');
    await expect.poll(() => due(page).isHidden()).toBe(true);
    await c.say('het gaat om mijn aanvraag voor een dakkapel');
    await expect.poll(() => due(page).isHidden()).toBe(false);
    await page.clock.fastForward('00:15');
    await expect.poll(() => due(page).textContent()).toBe('Antwoord binnen 4 min, anders gaat het gesprek terug naar de wachtrij.');

    // Time passes: the line follows (at most every 15 s), silently, until the last minute, said once.
    await page.clock.fastForward('01:00');
    await expect.poll(() => due(page).textContent()).toBe('Antwoord binnen 3 min, anders gaat het gesprek terug naar de wachtrij.');
    await page.clock.fastForward('02:00');
    await expect.poll(() => due(page).textContent()).toBe('Antwoord binnen 1 min, anders gaat het gesprek terug naar de wachtrij.');
    expect((await said(page)).filter((t) => /antwoord/i.test(t))).toEqual([]);
    await page.clock.fastForward('01:15');
    const lastMinute = 'Nog minder dan een minuut: antwoord nu, anders gaat het gesprek terug naar de wachtrij.';
    await expect.poll(() => due(page).textContent()).toBe(lastMinute);
    await expect.poll(async () => (await said(page)).filter((t) => /antwoord/i.test(t))).toEqual([lastMinute]);
    await page.clock.fastForward('00:16');
    await page.clock.runFor(100);
    expect((await said(page)).filter((t) => /antwoord/i.test(t))).toEqual([lastMinute]);

    // The reply in time: the warning goes.
    await page.fill('#reply-text', 'U krijgt binnen een week bericht.');
    await page.click('#reply-send');
    await expect.poll(() => due(page).isHidden()).toBe(true);
    await expect.poll(async () => JSON.stringify(await c.all())).toContain('binnen een week bericht');
  }, 60_000);

  it('keeps the newer state when the answer to the reply arrives after the citizen wrote again', async () => {
    // The reply's HTTP answer and the socket's event for the citizen's next message can cross: the
    // older one (answered, nothing due) must not hide the line the newer one showed.
    const other = await citizen(e2e.loket);
    const otherId = await other.askForPerson();
    const page = await e2e.tab({ width: 1280, height: 860 });
    await page.goto(`${e2e.base}/console`);
    await logIn(page, 'anna');
    await page.click(`#inbox-list [data-id="${otherId}"]`);
    await page.click('#claim');
    await page.waitForSelector('#reply-form:not([hidden])');
    await expect.poll(() => due(page).isVisible()).toBe(true);

    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route(`**/api/v1/handoffs/${otherId}/messages`, async (route) => {
      const response = await route.fetch();
      await held;
      await route.fulfill({ response });
    });
    await page.fill('#reply-text', 'Ik kijk even mee.');
    await page.click('#reply-send');
    // The socket says it was answered (the line goes) while the action's answer is held back.
    await expect.poll(() => due(page).isHidden()).toBe(true);
    await other.say('het gaat om mijn aanvraag voor een dakkapel');
    await expect.poll(() => due(page).textContent()).toBe('Antwoord binnen 4 min, anders gaat het gesprek terug naar de wachtrij.');
    release();
    await expect.poll(() => page.inputValue('#reply-text')).toBe('');
    await page.unroute(`**/api/v1/handoffs/${otherId}/messages`);
    expect(await due(page).isVisible()).toBe(true);
    expect(await due(page).textContent()).toBe('Antwoord binnen 4 min, anders gaat het gesprek terug naar de wachtrij.');
  }, 60_000);
});
