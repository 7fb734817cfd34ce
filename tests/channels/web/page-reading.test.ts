/**
 * The citizen chat page read and used in headless Chromium, each test with its own conversation: at
 * 400 % zoom and on a phone on its side the conversation stays readable; the page itself never
 * scrolls in the normal layout; phone numbers and web addresses are links; the language of each
 * answer is marked; a status is announced once and "Waarom?" is not read with every answer; a
 * double send shows no false error; a too long message is kept and explained before sending.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { browserSuite, launchChromium } from '../../support/browser.ts';
import { startLoket, type TestLoket } from './helpers.ts';

const CASEWORKER = { username: 'Anna', password: 'correct-horse-battery-staple-42' };

browserSuite('the chat page, read on any screen', () => {
  let loket: TestLoket;
  let browser: Browser;
  let base: string;
  const pages: Page[] = [];

  beforeAll(async () => {
    loket = await startLoket({ settings: { LOKET_OFFICE_HOURS: 'always', LOKET_ADMIN_USER: CASEWORKER.username, LOKET_ADMIN_PASSWORD: CASEWORKER.password } });
    base = await loket.listen();
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await loket?.stop();
  });

  /** A new conversation at this viewport, the greeting shown, and every text added to #log recorded. */
  async function open(width: number, height: number): Promise<Page> {
    const page = await browser.newPage({ viewport: { width, height } });
    pages.push(page);
    await page.goto(`${base}/`);
    await page.locator('#log .msg--bot').first().waitFor();
    await page.evaluate(() => {
      const added: string[] = [];
      (window as unknown as { added: string[] }).added = added;
      new MutationObserver((records) => {
        for (const r of records) for (const n of Array.from(r.addedNodes)) added.push(n.textContent ?? '');
      }).observe(document.getElementById('log')!, { childList: true, subtree: true, characterData: true });
    });
    return page;
  }

  const added = (page: Page) => page.evaluate(() => (window as unknown as { added: string[] }).added);
  const botCount = (page: Page) => page.locator('#log .msg--bot').count();

  /** Types and sends a line, and waits for an answer to it. */
  async function ask(page: Page, text: string): Promise<void> {
    const before = await botCount(page);
    await page.locator('#input').focus();
    await page.keyboard.type(text);
    await page.keyboard.press('Enter');
    await expect.poll(() => botCount(page), { timeout: 10_000 }).toBeGreaterThan(before);
  }

  /** Whether the element, scrolled into view, can be seen at its centre (nothing lies on top of it). */
  const readable = (page: Page, selector: string) =>
    page.locator(selector).evaluateAll((els) =>
      els.map((el) => {
        el.scrollIntoView({ block: 'center' });
        const r = el.getBoundingClientRect();
        const hit = document.elementFromPoint(r.left + r.width / 2, Math.min(r.top + r.height / 2, window.innerHeight - 1));
        return !!hit && el.contains(hit);
      }),
    );

  for (const [name, width, height] of [['400 % zoom (320 × 256)', 320, 256], ['a phone on its side (568 × 320)', 568, 320]] as const) {
    it(`keeps the conversation readable at ${name}`, async () => {
      const page = await open(width, height);
      await ask(page, 'wanneer zijn jullie open?');
      // The new answer is shown from its start, not hidden under the composer.
      const newest = await page.locator('#log .msg--bot').last().evaluate((el) => {
        const r = el.getBoundingClientRect();
        const hit = document.elementFromPoint(r.left + 20, r.top + 12);
        return r.top >= 0 && r.top < window.innerHeight && !!hit && el.contains(hit);
      });
      expect(newest).toBe(true);
      expect(await readable(page, '#log .msg')).not.toContain(false);
      expect(await readable(page, '#input')).toEqual([true]);
      expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
      await page.screenshot({ path: `/tmp/loket-chat-${width}x${height}.png`, fullPage: true });
      await page.close();
    });
  }

  it('never grows the page below the chat; answers get tel: and https: links; "Waarom?" is not read with them', async () => {
    const page = await open(390, 800);
    for (const text of ['wat kan ik hier vragen?', 'zijn jullie morgen open?', 'hoe vraag ik een paspoort aan?', 'wat kost dat?']) await ask(page, text);
    expect(await page.evaluate(() => document.documentElement.scrollHeight - window.innerHeight)).toBeLessThanOrEqual(0);
    await expect.poll(() => page.locator('#why').isVisible()).toBe(true);

    const passport = page.locator('#log .msg--bot', { hasText: 'paspoort' }).first();
    expect(await passport.locator('a[href="tel:140123"]').textContent()).toBe('14 0123');
    expect(await passport.locator('a[href^="https://www.voorbeeld.nl"]').count()).toBeGreaterThan(0);
    for (const href of await passport.locator('a').evaluateAll((as) => as.map((a) => a.getAttribute('href')))) expect(href).toMatch(/^(tel:\d+|https:\/\/)/);
    expect(await added(page)).not.toContainEqual(expect.stringMatching(/Waarom|Why\?|Uitleg/));

    await ask(page, '😭😭😭');
    const crisis = page.locator('#log .msg--bot').last();
    for (const tel of ['tel:112', 'tel:113', 'tel:08000113']) expect(await crisis.locator(`a[href="${tel}"]`).count()).toBe(1);
    await page.close();
  });

  it('marks the language of an English answer, and lets every message find its own direction', async () => {
    const page = await open(390, 800);
    await ask(page, 'how is my application going?');
    await expect.poll(() => page.locator('#log .msg--bot .msg__text').last().getAttribute('lang'), { timeout: 10_000 }).toBe('en');
    expect(await page.locator('#log .msg--user .msg__text').last().getAttribute('dir')).toBe('auto');
    expect(await page.locator('#log .msg--bot .msg__text').last().getAttribute('dir')).toBe('auto');
    expect(await page.getAttribute('#input', 'dir')).toBe('auto');
    await page.close();
  });

  it('announces "a caseworker helps you" and "closed" once each; caseworker text stays text', async () => {
    const page = await open(390, 800);
    await ask(page, 'ik wil een medewerker spreken');
    await expect.poll(() => page.locator('#log .notice').count(), { timeout: 10_000 }).toBeGreaterThan(0);
    const login = await loket.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: CASEWORKER });
    const auth = { authorization: `Bearer ${login.json().token}` };
    const conversationId = await page.evaluate(() => JSON.parse(sessionStorage.getItem('loket.directline')!).conversationId);
    const list = await loket.app.inject({ method: 'GET', url: '/api/v1/handoffs?state=queued', headers: auth });
    const handoff = (list.json().items as Array<{ id: string; conversationId: string }>).find((h) => h.conversationId === conversationId)!;
    expect((await loket.app.inject({ method: 'POST', url: `/api/v1/handoffs/${handoff.id}/claim`, headers: auth })).statusCode).toBe(200);
    const markup = '<img src=x onerror=alert(1)> zie www.voorbeeld.nl/"><script>alert(1)</script>';
    await loket.app.inject({ method: 'POST', url: `/api/v1/handoffs/${handoff.id}/messages`, headers: auth, payload: { text: markup } });
    await expect.poll(() => page.locator('#log .msg--caseworker .msg__text').last().textContent(), { timeout: 10_000 }).toBe(markup);
    expect(await page.locator('#log img, #log script').count()).toBe(0);
    const link = page.locator('#log .msg--caseworker a');
    expect(await link.getAttribute('href')).toMatch(/^https:\/\/www\.voorbeeld\.nl\//);
    expect((await loket.app.inject({ method: 'POST', url: `/api/v1/handoffs/${handoff.id}/close`, headers: auth, payload: { outcome: 'resolved' } })).statusCode).toBe(200);
    await expect.poll(() => page.locator('#log').textContent(), { timeout: 10_000 }).toMatch(/afgesloten/);
    await page.waitForTimeout(500); // the bot message with the same words follows the event
    const said = await added(page);
    expect(said.filter((t) => /helpt u nu verder/.test(t))).toHaveLength(1);
    expect(said.filter((t) => /afgesloten/.test(t))).toHaveLength(1);
    await page.close();
  });

  it('sends a double click or a double Enter once, without a false error', async () => {
    const page = await open(390, 800);
    await page.locator('#input').fill('wanneer zijn jullie open?');
    await page.locator('#send').dblclick();
    await expect.poll(() => botCount(page), { timeout: 10_000 }).toBeGreaterThan(1);
    await page.locator('#input').focus();
    await page.keyboard.type('bedankt');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('#log .msg--user').count()).toBe(2);
    await page.waitForTimeout(300);
    expect(await page.locator('#error').isVisible()).toBe(false);
    expect(await page.locator('#log .msg--user .msg__text').allTextContents()).toEqual(['wanneer zijn jullie open?', 'bedankt']);
    await page.close();
  });

  it('keeps a message over 4,000 characters whole and says how long it may be, before sending', async () => {
    const page = await open(390, 800);
    const long = 'Ik heb een vraag over mijn aanvraag voor een dakkapel en ik wil weten hoe het staat. '.repeat(60);
    await page.locator('#input').focus();
    await page.keyboard.insertText(long); // as a paste
    await page.keyboard.press('Enter');
    const error = page.locator('#error');
    await expect.poll(() => error.isVisible()).toBe(true);
    expect(await error.textContent()).toMatch(/te lang.*4000 tekens.*too long.*4,000 characters/);
    expect(await page.inputValue('#input')).toBe(long);
    expect(await page.locator('#log .msg--user').count()).toBe(0);
    await page.close();
  });
});
