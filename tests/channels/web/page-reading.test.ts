/**
 * The citizen chat page read and used in headless Chromium, each test with its own conversation: at
 * 400 % zoom and on a phone on its side the conversation stays readable; the page itself never
 * scrolls in the normal layout; phone numbers and web addresses are links; the language of each
 * answer is marked; a status is announced once and "Waarom?" is not read with every answer; a
 * double send shows no false error; a too long message is kept and explained before sending; a lost
 * connection that comes back is said once and then taken away, what was sent meanwhile goes by itself
 * once it is back (handled once, also when the first try did arrive), what was typed is never lost,
 * and a chat that cannot start says what to do.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { browserSuite, launchChromium } from '../../support/browser.ts';
import { startLoket, type TestLoket } from './helpers.ts';

const CASEWORKER = { username: 'Anna', password: 'correct-horse-battery-staple-42' };
const RECONNECTING = 'Verbinding verbroken. Opnieuw verbinden… · Connection lost. Reconnecting…';
const ONLINE = 'Verbinding is er weer. · Connected again.';

/**
 * Runs in the page before its scripts: every write to the status line (role="status", a live region)
 * is recorded with the text it left, so a text written twice shows up twice.
 */
function recordStatusWrites(): void {
  const writes: string[] = [];
  (window as unknown as { statusWrites: string[] }).statusWrites = writes;
  new MutationObserver((records) => {
    const status = document.getElementById('status');
    if (!status) return;
    for (const r of records) if (status.contains(r.target)) writes.push(status.textContent ?? '');
  }).observe(document, { childList: true, subtree: true, characterData: true });
}

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
    await page.addInitScript(recordStatusWrites);
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
  const statusWrites = (page: Page) => page.evaluate(() => (window as unknown as { statusWrites: string[] }).statusWrites);
  const status = (page: Page) => page.locator('#status').textContent();

  /**
   * The connection drops and stays down: the browser goes offline (which alone leaves an open socket
   * open) and the server drops the socket, so the page's reconnect attempts fail until it is online again.
   */
  async function dropConnection(page: Page): Promise<void> {
    await page.context().setOffline(true);
    for (const socket of loket.app.websocketServer.clients) socket.terminate();
    await expect.poll(() => status(page), { timeout: 5_000 }).toBe(RECONNECTING);
  }

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

  it('counts an emoji as one character, as the server does: 4,001 are kept and counted as 4,001; 4,000 are sent', async () => {
    const page = await open(390, 800);
    await page.locator('#input').focus();
    await page.keyboard.insertText('🙂'.repeat(4001));
    await page.keyboard.press('Enter');
    const error = page.locator('#error');
    await expect.poll(() => error.isVisible()).toBe(true);
    expect(await error.textContent()).toMatch(/te lang: 4\.001 tekens.*too long: 4,001 characters/);
    expect(await page.inputValue('#input')).toBe('🙂'.repeat(4001));
    await page.keyboard.press('Backspace'); // one emoji less: it fits, and the warning goes
    await expect.poll(() => error.isVisible()).toBe(false);
    const before = await botCount(page);
    await page.keyboard.press('Enter');
    await expect.poll(() => botCount(page), { timeout: 10_000 }).toBeGreaterThan(before);
    expect(await page.locator('#log .msg--user .msg__text').allTextContents()).toEqual(['🙂'.repeat(4000)]);
    expect(await page.locator('#log .msg--failed').count()).toBe(0);
    expect(await error.isVisible()).toBe(false);
    await page.close();
  });

  it('takes a message of only zero-width characters as empty, as the server does: no bubble, no turn', async () => {
    const page = await open(390, 800);
    await page.locator('#input').focus();
    await page.keyboard.insertText('\u200B\u200D\u2060');
    await page.keyboard.press('Enter');
    const error = page.locator('#error');
    await expect.poll(() => error.isVisible()).toBe(true);
    expect(await error.textContent()).toBe('Typ eerst een bericht. · Please type a message first.');
    expect(await page.locator('#log .msg--user').count()).toBe(0);
    await page.close();
  });

  it('says once, politely, that the connection is back after a drop, and takes it away after a few seconds', async () => {
    const page = await open(390, 800);
    expect(await statusWrites(page)).not.toContain(ONLINE); // not on the first connect
    expect(await status(page)).toBe('');
    const before = (await statusWrites(page)).length;

    await dropConnection(page);
    await page.waitForTimeout(1_500); // the first reconnect attempt fails meanwhile
    await page.context().setOffline(false);
    await expect.poll(() => status(page), { timeout: 15_000 }).toBe(ONLINE);
    expect(await page.getAttribute('#status', 'role')).toBe('status');
    await page.waitForTimeout(2_000);
    expect(await status(page)).toBe(ONLINE); // long enough to be seen
    await expect.poll(() => status(page), { timeout: 8_000 }).toBe('');

    // Each said once: a failed attempt does not write "reconnecting" again, and "connected again" is
    // not also put in the log (the log is a live region too).
    expect((await statusWrites(page)).slice(before)).toEqual([RECONNECTING, ONLINE, '']);
    expect(await added(page)).not.toContainEqual(expect.stringMatching(/Verbinding|Connected/));
    await ask(page, 'wanneer zijn jullie open?'); // and the chat works again
    await page.close();
  });

  /** The citizen's messages as the server stored them, and the answers to each. */
  async function stored(page: Page): Promise<Array<{ id: string; text: string; clientId: unknown; answers: number }>> {
    const conversationId = await page.evaluate(() => JSON.parse(sessionStorage.getItem('loket.directline')!).conversationId as string);
    const all = (await loket.service.activities(conversationId, 0)).activities.map((a) => a.activity);
    return all
      .filter((a) => a.type === 'message' && a.from.role === 'user')
      .map((a) => ({ id: a.id, text: a.text ?? '', clientId: a.channelData?.clientActivityID, answers: all.filter((r) => r.replyToId === a.id).length }));
  }

  it('keeps a message sent while the connection is lost, says so, and sends it by itself once it is back, once', async () => {
    const page = await open(390, 800);
    await dropConnection(page);
    const text = 'wanneer zijn jullie open?';
    await page.locator('#input').focus();
    await page.keyboard.type(text);
    await page.keyboard.press('Enter');

    await expect.poll(() => page.locator('#error').isVisible()).toBe(true);
    expect(await page.locator('#error').textContent()).toMatch(/Er is geen verbinding\. Uw bericht wordt vanzelf verstuurd zodra de verbinding er weer is\..*There is no connection\. Your message will be sent by itself once the connection is back\./);
    // Not put back in the input: sent again from there it would be a second message.
    expect(await page.inputValue('#input')).toBe('');
    expect(await page.locator('#log .msg--waiting .msg__text').allTextContents()).toEqual([text]);
    expect(await page.locator('#log .msg--waiting').textContent()).toContain('Wordt verstuurd zodra de verbinding er weer is · Will be sent once the connection is back');
    expect(await status(page)).toBe(RECONNECTING); // the connection is still lost, and the page still says so
    const bots = await botCount(page);

    await page.context().setOffline(false);
    await expect.poll(() => status(page), { timeout: 15_000 }).toBe(ONLINE);
    await expect.poll(() => botCount(page), { timeout: 10_000 }).toBeGreaterThan(bots);
    expect(await page.locator('#error').isVisible()).toBe(false);
    expect(await page.locator('#log .msg--waiting, #log .msg--pending, #log .msg--failed').count()).toBe(0);
    expect(await page.locator('#log .msg--user .msg__text').allTextContents()).toEqual([text]);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('input');
    expect((await stored(page)).map((m) => m.text)).toEqual([text]);
    await ask(page, 'bedankt'); // and the chat goes on
    await page.close();
  });

  it('sends a message whose answer was lost with the connection again once it is back, and it is handled once', async () => {
    const page = await open(390, 800);
    // The connection stays lost until `back`: the page's reconnect attempts fail.
    let back = false;
    await page.route((url) => /\/v3\/directline\/conversations\/[^/]+$/.test(url.pathname) && url.searchParams.has('watermark'), (route) =>
      back ? route.continue() : route.abort('internetdisconnected'),
    );
    // The first POST reaches the server and is handled there, but its answer is lost on the way back.
    const posted: unknown[] = [];
    await page.route('**/v3/directline/conversations/*/activities', async (route) => {
      if (route.request().method() !== 'POST') return route.continue();
      posted.push(route.request().postDataJSON().channelData?.clientActivityID);
      if (posted.length > 1) return route.continue();
      await route.fetch();
      await route.abort('internetdisconnected');
    });
    for (const socket of loket.app.websocketServer.clients) socket.terminate();
    await expect.poll(() => status(page), { timeout: 5_000 }).toBe(RECONNECTING);

    const text = 'wanneer zijn jullie open?';
    await page.locator('#input').focus();
    await page.keyboard.type(text);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('#log .msg--waiting').count()).toBe(1);
    const first = await stored(page);
    expect(first.map((m) => m.text)).toEqual([text]); // the server has it, the page does not know
    const bots = await botCount(page);

    back = true;
    await expect.poll(() => status(page), { timeout: 15_000 }).toBe(ONLINE);
    await expect.poll(() => page.locator('#log .msg--waiting, #log .msg--pending').count(), { timeout: 10_000 }).toBe(0);
    await expect.poll(() => botCount(page), { timeout: 10_000 }).toBe(bots + first[0]!.answers);
    await page.waitForTimeout(500); // a second answer would have come by now
    expect(await botCount(page)).toBe(bots + first[0]!.answers);
    expect(posted).toHaveLength(2);
    expect(posted[1]).toBe(posted[0]); // sent again with the same clientActivityID …
    expect(await stored(page)).toEqual(first); // … and the server handled it once
    expect(await page.locator('#log .msg--user .msg__text').allTextContents()).toEqual([text]);
    expect(await page.locator('#error').isVisible()).toBe(false);
    await page.close();
  });

  it('puts a message that could not be sent back in the input before what the citizen typed since', async () => {
    const page = await open(390, 800);
    let fail!: () => void;
    const failed = new Promise<void>((r) => (fail = r));
    // A slow network that gives up: the send fails only after the citizen has started on the next line.
    await page.route('**/v3/directline/conversations/*/activities', async (route) => {
      if (route.request().method() !== 'POST') return route.continue();
      await failed;
      await route.abort('internetdisconnected');
    });
    await page.locator('#input').focus();
    await page.keyboard.type('mijn eerste vraag');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('#log .msg--pending').count()).toBe(1);
    await page.keyboard.type('en nog iets');
    fail();
    await expect.poll(() => page.locator('#error').isVisible()).toBe(true);
    expect(await page.inputValue('#input')).toBe('mijn eerste vraag en nog iets');
    expect(await page.locator('#error').textContent()).toMatch(/staat nog in het tekstvak/);
    await page.close();
  });

  it('says what the citizen can do when the chat cannot start: reload the page, or call', async () => {
    const page = await browser.newPage({ viewport: { width: 390, height: 800 } });
    pages.push(page);
    await page.addInitScript(recordStatusWrites);
    await page.route('**/v3/directline/conversations', (route) => route.abort('connectionrefused'));
    await page.goto(`${base}/`);
    const error = page.locator('#error');
    await expect.poll(() => error.isVisible(), { timeout: 10_000 }).toBe(true);
    expect(await error.getAttribute('role')).toBe('alert');
    expect(await error.textContent()).toMatch(/^De chat kon niet starten\. Laad de pagina opnieuw .*bellen op 14 0123\. · The chat could not start\. Reload the page .*call us on 14 0123\.$/);
    expect(await error.locator('a[href="tel:140123"]').count()).toBe(2);
    expect(await status(page)).toBe('');
    expect(await statusWrites(page)).not.toContain(ONLINE);

    // What it says works: with the server reachable again, a reload starts the chat.
    await page.unroute('**/v3/directline/conversations');
    await page.reload();
    await page.locator('#log .msg--bot').first().waitFor({ timeout: 10_000 });
    expect(await error.isVisible()).toBe(false);
    await page.close();
  });
});
