/**
 * The console's closed list (#tab-closed), in a real browser: each row says who handled the
 * conversation, by name and never by username, and when it ended, in Dutch. Before, a row said only
 * "Afgesloten" or "Teruggegeven", so a colleague could not tell whom to ask about a citizen.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import type { Loket } from '../../src/server/loket.ts';
import { browserSuite, launchChromium } from '../support/browser.ts';
import { listenLocal } from '../support/loket.ts';
import { logIn } from '../support/console.ts';
import { ADMIN, addCaseworker, as, citizen, login, startLoket } from '../caseworker/helpers.ts';

/** As the console writes it (src/caseworker/console/dom.js formatDateTime): "za 5 dec, 14:03". */
const dutch = (iso: string) => new Intl.DateTimeFormat('nl-NL', { weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit', timeZone: 'Europe/Amsterdam' }).format(new Date(iso));

browserSuite('the closed list says who handled each conversation and when it ended', () => {
  let loket: Loket;
  let browser: Browser;
  let base: string;
  const ids = { closed: '', released: '', fromQueue: '', cancelled: '' };

  beforeAll(async () => {
    loket = await startLoket();
    const admin = await login(loket, ADMIN.username, ADMIN.password);
    // Usernames that are not the names: the list must show "Anna de Vries", never "avries".
    const anna = await addCaseworker(loket, admin, 'avries', { name: 'Anna de Vries', teams: ['klantcontact'] });
    const bert = await addCaseworker(loket, admin, 'bkok', { name: 'Bert Kok', teams: ['klantcontact'] });
    await addCaseworker(loket, admin, 'svisser', { name: 'Sanne Visser', teams: ['klantcontact'] });

    ids.closed = await (await citizen(loket)).askForPerson();
    await as(loket, anna).post(`/api/v1/handoffs/${ids.closed}/claim`);
    await as(loket, anna).post(`/api/v1/handoffs/${ids.closed}/messages`, { text: 'Ik help u.' });
    expect((await as(loket, anna).post(`/api/v1/handoffs/${ids.closed}/close`, { outcome: 'beantwoord' })).statusCode).toBe(200);

    ids.released = await (await citizen(loket)).askForPerson();
    await as(loket, bert).post(`/api/v1/handoffs/${ids.released}/claim`);
    expect((await as(loket, bert).post(`/api/v1/handoffs/${ids.released}/release`, {})).statusCode).toBe(200);

    // Closed from the queue by its team, nobody took it over: the closer handled it.
    ids.fromQueue = await (await citizen(loket)).askForPerson();
    expect((await as(loket, bert).post(`/api/v1/handoffs/${ids.fromQueue}/close`, { outcome: 'beantwoord' })).statusCode).toBe(200);

    const waiting = await citizen(loket);
    ids.cancelled = await waiting.askForPerson();
    await waiting.say('annuleren');

    base = await listenLocal(loket);
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await loket?.close();
  });

  /** The console of Sanne, a colleague who handled none of them, on the closed tab with every row in it. */
  async function closedTab() {
    const page = await (await browser.newContext({ viewport: { width: 1280, height: 860 } })).newPage();
    await page.goto(`${base}/console`);
    await logIn(page, 'svisser');
    await page.focus('#tab-closed');
    await page.keyboard.press('Enter');
    await page.locator(`#inbox-list [data-id="${ids.cancelled}"]`).waitFor();
    return page;
  }

  it('shows the handler by name and the end as a Dutch date and time, for a colleague too', async () => {
    const page = await closedTab();

    const admin = await login(loket, ADMIN.username, ADMIN.password);
    const ended = async (id: string) => (await as(loket, admin).get(`/api/v1/handoffs/${id}`)).json().closedAt as string;
    const row = (id: string) => page.locator(`#inbox-list [data-id="${id}"] .row__meta`).innerText();

    const closed = await row(ids.closed);
    expect(closed).toContain('Behandeld door Anna de Vries');
    expect(closed).toContain(`Afgesloten op ${dutch(await ended(ids.closed))}`);
    expect(closed).toMatch(/(ma|di|wo|do|vr|za|zo) \d{1,2} (jan|feb|mrt|apr|mei|jun|jul|aug|sep|okt|nov|dec),? \d\d:\d\d/);

    const released = await row(ids.released);
    expect(released).toContain('Behandeld door Bert Kok');
    expect(released).toContain(`Teruggegeven op ${dutch(await ended(ids.released))}`);

    expect(await row(ids.fromQueue)).toContain('Afgesloten door Bert Kok');
    expect(await row(ids.cancelled)).toContain('Door niemand opgepakt');

    // Names only: no username anywhere in the list; the time is machine-readable for assistive tech.
    const list = await page.locator('#inbox-list').innerText();
    expect(list).not.toMatch(/\b(avries|bkok)\b/);
    expect(await page.getAttribute(`#inbox-list [data-id="${ids.closed}"] time`, 'datetime')).toBe(await ended(ids.closed));
  }, 60_000);

  it('lists the most recently ended conversation first, not in the order they were queued', async () => {
    const page = await closedTab();
    const shown = await page.locator('#inbox-list .row__button').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-id')));
    // Queued first to last as closed, released, fromQueue, cancelled, and ended in that same order.
    expect(shown).toEqual([ids.cancelled, ids.fromQueue, ids.released, ids.closed]);
  }, 60_000);
});
