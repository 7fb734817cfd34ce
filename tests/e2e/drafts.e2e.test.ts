/**
 * Reply and note drafts in the console, per conversation, in a real browser. Before, the reply box kept
 * its text when the caseworker opened another conversation, so a reply typed for one citizen could be
 * sent to another. Now: each conversation shows its own draft, a draft survives a reload of the tab,
 * a sent reply clears only its own conversation's draft, and logout leaves none behind.
 */
import { beforeAll, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { browserSuite } from '../support/browser.ts';
import { consoleSuite } from '../support/console-suite.ts';
import { logIn } from '../support/console.ts';
import { as, citizen, type Citizen } from '../caseworker/helpers.ts';

browserSuite('console drafts per conversation', () => {
  const e2e = consoleSuite({ caseworkers: { anna: { name: 'Anna de Vries', teams: ['klantcontact'] } } });
  let first: Citizen;
  let second: Citizen;
  const ids: string[] = [];

  beforeAll(async () => {
    first = await citizen(e2e.loket);
    second = await citizen(e2e.loket);
    for (const c of [first, second]) {
      const id = await c.askForPerson();
      await as(e2e.loket, e2e.staff.anna).post(`/api/v1/handoffs/${id}/claim`);
      ids.push(id);
    }
  });

  const loggedIn = (page: Page): Promise<void> => logIn(page, 'anna');

  /** Opens a conversation and waits until its detail (and so its draft) is shown. */
  async function openConversation(page: Page, id: string): Promise<void> {
    await page.click(`#inbox-list [data-id="${id}"]`);
    await page.waitForFunction((h) => document.querySelector('#detail-body')?.getAttribute('data-handoff') === h, id);
    await page.waitForSelector('#reply-form:not([hidden])');
  }

  it('keeps each conversation\'s reply to itself, over a reload; a send clears only its own; logout clears all', async () => {
    const page = await e2e.consoleAs('anna');
    const [a, b] = ids as [string, string];

    await openConversation(page, a);
    await page.fill('#reply-text', 'Voor de eerste burger');
    await page.fill('#note-text', 'notitie bij de eerste');
    await openConversation(page, b);
    expect({ reply: await page.inputValue('#reply-text'), note: await page.inputValue('#note-text') }).toEqual({ reply: '', note: '' });
    await page.fill('#reply-text', 'Voor de tweede burger');
    await openConversation(page, a);
    expect({ reply: await page.inputValue('#reply-text'), note: await page.inputValue('#note-text') }).toEqual({ reply: 'Voor de eerste burger', note: 'notitie bij de eerste' });

    // A reload of the tab keeps them.
    await page.reload();
    await page.waitForSelector('#connection[data-state="open"]');
    await openConversation(page, b);
    expect(await page.inputValue('#reply-text')).toBe('Voor de tweede burger');

    // Sent in the second conversation: that draft is gone, the first stays; nothing reached the first citizen.
    await page.click('#reply-send');
    await expect.poll(async () => JSON.stringify(await second.all())).toContain('Voor de tweede burger');
    // The citizen may see it before the console has the server's answer and clears the box.
    await expect.poll(() => page.inputValue('#reply-text')).toBe('');
    await openConversation(page, a);
    expect(await page.inputValue('#reply-text')).toBe('Voor de eerste burger');
    expect(JSON.stringify(await first.all())).not.toContain('tweede');
    await openConversation(page, b);
    expect(await page.inputValue('#reply-text')).toBe('');

    // Logout: none stays in the tab.
    await page.click('#logout');
    await page.waitForSelector('#login-username');
    expect(await page.evaluate(() => sessionStorage.getItem('loket.drafts'))).toBeNull();
    await loggedIn(page);
    await openConversation(page, a);
    expect(await page.inputValue('#reply-text')).toBe('');
  }, 60_000);

  it('gives each conversation its address: opened by it after a reload or as a link, and says so when it does not exist', async () => {
    const page = await e2e.consoleAs('anna');
    const context = page.context();
    const [a, b] = ids as [string, string];
    await openConversation(page, b);
    expect(new URL(page.url()).hash).toBe(`#/gesprek/${b}`);
    await page.fill('#reply-text', 'Bijna klaar');
    await page.reload();
    await page.waitForFunction((h) => document.querySelector('#detail-body')?.getAttribute('data-handoff') === h, b);
    expect(await page.inputValue('#reply-text')).toBe('Bijna klaar');
    expect(await page.getAttribute(`#inbox-list [data-id="${b}"]`, 'aria-current')).toBe('true');

    // A link pasted in another tab (same login) opens that conversation.
    const other = await context.newPage();
    await other.goto(`${e2e.base}/console#/gesprek/${a}`);
    await other.waitForFunction((h) => document.querySelector('#detail-body')?.getAttribute('data-handoff') === h, a);
    // The address changed by hand: that conversation.
    await other.evaluate((h) => { location.hash = `#/gesprek/${h}`; }, b);
    await other.waitForFunction((h) => document.querySelector('#detail-body')?.getAttribute('data-handoff') === h, b);
    // One that does not exist: the server's sentence, not an empty screen.
    await other.goto(`${e2e.base}/console#/gesprek/00000000-0000-4000-8000-000000000000`);
    await other.locator('#action-error:not([hidden])', { hasText: 'bestaat niet' }).waitFor();
    await context.close();
  }, 60_000);
});
