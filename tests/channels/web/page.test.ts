/**
 * The citizen chat page in headless Chromium at 320 × 640, used with the keyboard only: the status
 * question, the verification answers, the answer in the live region; citizen text stays text; no
 * horizontal scroll; the conversation survives a reload and a dropped socket.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { browserSuite, launchChromium } from '../../support/browser.ts';
import { DEMO, startLoket, type TestLoket } from './helpers.ts';

const XSS = '<img src=x onerror=alert(1)>';

browserSuite('the chat page', () => {
  let loket: TestLoket;
  let browser: Browser;
  let page: Page;
  let base: string;
  const dialogs: string[] = [];
  const pageErrors: string[] = [];

  beforeAll(async () => {
    loket = await startLoket({ settings: { LOKET_OFFICE_HOURS: 'always', LOKET_ADMIN_USER: 'Anna', LOKET_ADMIN_PASSWORD: 'correct-horse-battery-staple-42' } });
    base = await loket.listen();
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 320, height: 640 } });
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    page.on('pageerror', (e) => void pageErrors.push(String(e)));
    page.on('console', (m) => {
      if (m.type() === 'error') pageErrors.push(m.text());
    });
    await page.goto(`${base}/`);
  });

  afterAll(async () => {
    await browser?.close();
    await loket?.stop();
  });

  const log = () => page.locator('#log');
  const focusedId = () => page.evaluate(() => document.activeElement?.id ?? '');
  const bubbles = (kind: string) => page.locator(`#log .msg--${kind} .msg__text`);

  async function typeAndSend(text: string): Promise<void> {
    await page.keyboard.type(text);
    await page.keyboard.press('Enter');
  }

  it('is Dutch, with a polite live log region', async () => {
    expect(await page.getAttribute('html', 'lang')).toBe('nl');
    expect(await log().getAttribute('role')).toBe('log');
    expect(await log().getAttribute('aria-live')).toBe('polite');
    await expect.poll(() => bubbles('bot').first().textContent()).toContain('Gemeente Voorbeeld');
  });

  it('reaches the input with Tab alone and shows a visible focus ring', async () => {
    for (let i = 0; i < 10 && (await focusedId()) !== 'input'; i++) await page.keyboard.press('Tab');
    expect(await focusedId()).toBe('input');
    const ring = await page.evaluate(() => {
      const s = getComputedStyle(document.activeElement!);
      return `${s.outlineStyle} ${s.outlineWidth} ${s.boxShadow}`;
    });
    expect(ring).toMatch(/solid 3px/);
  });

  it('answers the status question after the verification, in the live region, and the input keeps focus', async () => {
    await typeAndSend(DEMO.question);
    await expect.poll(() => log().textContent()).toMatch(/postcode/i);
    expect(await focusedId()).toBe('input');
    await typeAndSend(DEMO.answers);
    await expect.poll(() => log().textContent(), { timeout: 10_000 }).toContain(DEMO.status);
    expect(await focusedId()).toBe('input');
    expect(await bubbles('user').allTextContents()).toEqual([DEMO.question, DEMO.answers]);
  });

  it('offers "Waarom? / Why?" for the newest answer, outside the live log, and it explains', async () => {
    const why = page.locator('#why');
    await expect.poll(() => why.isVisible()).toBe(true);
    expect(await page.locator('#log button').count()).toBe(0);
    await why.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => bubbles('user').last().textContent()).toBe('waarom?');
    await expect.poll(() => bubbles('bot').last().textContent()).toMatch(/Z-2026-000123/);
    expect(await focusedId()).toBe('input');
  });

  it('takes a screenshot for a look', async () => {
    await page.screenshot({ path: '/tmp/loket-chat.png' });
  });

  it('renders citizen text as text: no element is made from it', async () => {
    await typeAndSend(XSS);
    await expect.poll(() => bubbles('user').last().textContent()).toBe(XSS);
    expect(await page.locator('#log img').count()).toBe(0);
    expect(dialogs).toEqual([]);
  });

  it('has no horizontal scroll at 320 px, even with a long unbroken word', async () => {
    await typeAndSend('https://www.voorbeeld.nl/' + 'heel-lang-woord'.repeat(12));
    await expect.poll(() => bubbles('bot').count()).toBeGreaterThan(4);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
  });

  it('has targets of at least 44 px for the send and "talk to a person" buttons', async () => {
    for (const id of ['#send', '#human']) {
      const box = await page.locator(id).boundingBox();
      expect(box!.height).toBeGreaterThanOrEqual(44);
    }
  });

  it('shows a clear error line when sending fails', async () => {
    await page.locator('#input').focus();
    await page.evaluate(() => {
      const input = document.getElementById('input') as HTMLInputElement;
      input.removeAttribute('maxlength');
      input.value = 'x'.repeat(4001);
    });
    await page.keyboard.press('Enter');
    const error = page.locator('#error');
    await expect.poll(() => error.isVisible()).toBe(true);
    expect(await error.textContent()).toMatch(/te lang.*too long/);
    expect(await page.getAttribute('#error', 'role')).toBe('alert');
  });

  it('keeps the conversation across a reload', async () => {
    const before = await page.evaluate(() => JSON.parse(sessionStorage.getItem('loket.directline')!).conversationId);
    await page.reload();
    await expect.poll(() => log().textContent(), { timeout: 10_000 }).toContain(DEMO.status);
    const after = await page.evaluate(() => JSON.parse(sessionStorage.getItem('loket.directline')!).conversationId);
    expect(after).toBe(before);
    const texts = await bubbles('user').allTextContents();
    expect(texts.filter((t) => t === DEMO.question)).toHaveLength(1); // history shown once
  });

  it('reconnects after a dropped socket and shows what came meanwhile', async () => {
    for (const socket of loket.app.websocketServer.clients) socket.terminate();
    await page.locator('#input').focus();
    await typeAndSend('hoe staat het met Z-2026-000124');
    await expect.poll(() => log().textContent(), { timeout: 15_000 }).toContain('Besluit genomen: toegekend');
  });

  it('keeps "talk to a person" one click away, and shows the handoff status line', async () => {
    await page.locator('#human').click();
    await expect.poll(() => bubbles('user').last().textContent()).toBe('Ik wil een mens spreken');
    await expect.poll(() => page.locator('#log .notice').count(), { timeout: 10_000 }).toBeGreaterThan(0);
  });

  it("shows a caseworker's message with their name and its own style", async () => {
    const login = await loket.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'Anna', password: 'correct-horse-battery-staple-42' } });
    expect(login.statusCode).toBe(200);
    const auth = { authorization: `Bearer ${login.json().token}` };
    const conversationId = await page.evaluate(() => JSON.parse(sessionStorage.getItem('loket.directline')!).conversationId);
    const list = await loket.app.inject({ method: 'GET', url: '/api/v1/handoffs?state=queued', headers: auth });
    const handoff = (list.json().items as Array<{ id: string; conversationId: string }>).find((h) => h.conversationId === conversationId);
    expect(handoff).toBeDefined();
    expect((await loket.app.inject({ method: 'POST', url: `/api/v1/handoffs/${handoff!.id}/claim`, headers: auth })).statusCode).toBe(200);
    const sent = await loket.app.inject({ method: 'POST', url: `/api/v1/handoffs/${handoff!.id}/messages`, headers: auth, payload: { text: 'Goedemiddag, ik help u verder.' } });
    expect(sent.statusCode).toBe(200);
    const bubble = page.locator('#log .msg--caseworker').last();
    await expect.poll(() => bubble.locator('.msg__text').textContent(), { timeout: 10_000 }).toBe('Goedemiddag, ik help u verder.');
    expect(await bubble.locator('.msg__who').textContent()).toBe('Medewerker · Caseworker: Anna');
    const style = await bubble.evaluate((el) => getComputedStyle(el).borderLeftStyle);
    expect(style).toBe('solid');
    expect(pageErrors.filter((e) => !/Failed to load resource/.test(e))).toEqual([]);
    await page.screenshot({ path: '/tmp/loket-chat-caseworker.png' });
  });
});
