/**
 * The console's closed list (#tab-closed), in a real browser: each row says who handled the
 * conversation, by name and never by username, and when it ended, in Dutch. Before, a row said only
 * "Afgesloten" or "Teruggegeven", so a colleague could not tell whom to ask about a citizen.
 */
import { beforeAll, expect, it } from 'vitest';
import { browserSuite } from '../support/browser.ts';
import { consoleSuite } from '../support/console-suite.ts';
import { ADMIN, as, citizen, login } from '../caseworker/helpers.ts';

/** As the console writes it (src/caseworker/console/dom.js formatDateTime): "za 5 dec, 14:03". */
const dutch = (iso: string) => new Intl.DateTimeFormat('nl-NL', { weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit', timeZone: 'Europe/Amsterdam' }).format(new Date(iso));

browserSuite('the closed list says who handled each conversation and when it ended', () => {
  // Usernames that are not the names: the list must show "Anna de Vries", never "avries".
  const e2e = consoleSuite({
    caseworkers: {
      avries: { name: 'Anna de Vries', teams: ['klantcontact'] },
      bkok: { name: 'Bert Kok', teams: ['klantcontact'] },
      svisser: { name: 'Sanne Visser', teams: ['klantcontact'] },
    },
  });
  const ids = { closed: '', released: '', fromQueue: '', cancelled: '' };

  beforeAll(async () => {
    const { avries: anna, bkok: bert } = e2e.staff;

    ids.closed = await (await citizen(e2e.loket)).askForPerson();
    await as(e2e.loket, anna).post(`/api/v1/handoffs/${ids.closed}/claim`);
    await as(e2e.loket, anna).post(`/api/v1/handoffs/${ids.closed}/messages`, { text: 'Ik help u.' });
    expect((await as(e2e.loket, anna).post(`/api/v1/handoffs/${ids.closed}/close`, { outcome: 'beantwoord' })).statusCode).toBe(200);

    ids.released = await (await citizen(e2e.loket)).askForPerson();
    await as(e2e.loket, bert).post(`/api/v1/handoffs/${ids.released}/claim`);
    expect((await as(e2e.loket, bert).post(`/api/v1/handoffs/${ids.released}/release`, {})).statusCode).toBe(200);

    // Closed from the queue by its team, nobody took it over: the closer handled it.
    ids.fromQueue = await (await citizen(e2e.loket)).askForPerson();
    expect((await as(e2e.loket, bert).post(`/api/v1/handoffs/${ids.fromQueue}/close`, { outcome: 'beantwoord' })).statusCode).toBe(200);

    const waiting = await citizen(e2e.loket);
    ids.cancelled = await waiting.askForPerson();
    await waiting.say('annuleren');
  });

  /** The console of Sanne, a colleague who handled none of them, on the closed tab with every row in it. */
  async function closedTab() {
    const page = await e2e.consoleAs('svisser', { width: 1280, height: 860 });
    await page.focus('#tab-closed');
    await page.keyboard.press('Enter');
    await page.locator(`#inbox-list [data-id="${ids.cancelled}"]`).waitFor();
    return page;
  }

  it('shows the handler by name and the end as a Dutch date and time, for a colleague too', async () => {
    const page = await closedTab();

    const admin = await login(e2e.loket, ADMIN.username, ADMIN.password);
    const ended = async (id: string) => (await as(e2e.loket, admin).get(`/api/v1/handoffs/${id}`)).json().closedAt as string;
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
