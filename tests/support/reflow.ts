/**
 * Checks for a console on a narrow screen (WCAG 1.4.10 reflow, 2.4.7 focus visible, 2.4.11 focus not
 * obscured), each returning what is wrong as readable lines, so a failing test says where:
 *
 *     expect(await reflowProblems(page)).toEqual([]);
 *     await tabTo(page, '#claim'); // Tab until it has focus
 *     expect(await focusProblems(page)).toEqual([]);
 */
import type { Page } from 'playwright-core';
import { expect } from 'vitest';

/**
 * Sideways scrolling of the page or of any box in it, and visible controls that stick out of the
 * viewport or out of a box that clips them.
 */
export function reflowProblems(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const name = (e: Element) => `${e.tagName.toLowerCase()}${e.id ? `#${e.id}` : ''}${e.className && typeof e.className === 'string' ? `.${e.className.split(' ')[0]}` : ''} "${(e.textContent ?? '').trim().slice(0, 30)}"`;
    const root = document.documentElement;
    const width = root.clientWidth;
    const problems: string[] = [];
    if (root.scrollWidth > width) problems.push(`the page scrolls sideways: ${root.scrollWidth} > ${width}`);
    const shown = (e: Element) => e.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true }) && !e.closest('.visually-hidden');
    for (const e of Array.from(document.querySelectorAll('body *'))) {
      const style = getComputedStyle(e);
      if ((style.overflowX === 'auto' || style.overflowX === 'scroll') && e.scrollWidth > e.clientWidth + 1 && shown(e)) {
        problems.push(`${name(e)} scrolls sideways: ${e.scrollWidth} > ${e.clientWidth}`);
      }
    }
    for (const c of Array.from(document.querySelectorAll('button, summary, input, select, textarea, a[href]'))) {
      // A skip link waits off-screen until it has focus.
      if (!shown(c) || (c.classList.contains('skip') && c !== document.activeElement)) continue;
      const r = c.getBoundingClientRect();
      if (r.width === 0 && r.height === 0) continue;
      if (r.left < -0.5 || r.right > width + 0.5) problems.push(`${name(c)} sticks out of the screen: ${Math.round(r.left)}..${Math.round(r.right)} of ${width}`);
      for (let a = c.parentElement; a && a !== document.body; a = a.parentElement) {
        if (getComputedStyle(a).overflowX === 'visible') continue;
        const box = a.getBoundingClientRect();
        if (r.left < box.left - 0.5 || r.right > box.right + 0.5) problems.push(`${name(c)} is cut off by ${name(a)}`);
        break;
      }
    }
    return problems;
  });
}

/** The focused element is not the page itself, is on screen, is not covered by something else, and shows its outline. */
export function focusProblems(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const e = document.activeElement;
    if (!e || e === document.body) return ['nothing has focus'];
    const id = e.id || e.tagName;
    const r = e.getBoundingClientRect();
    const problems: string[] = [];
    if (r.right <= 0 || r.left >= innerWidth || r.bottom <= 0 || r.top >= innerHeight) return [`${id} has focus off-screen`];
    const x = Math.min(Math.max(r.left + Math.min(r.width / 2, 20), 0), innerWidth - 1);
    const y = Math.min(Math.max(r.top + Math.min(r.height / 2, 10), 0), innerHeight - 1);
    const top = document.elementFromPoint(x, y);
    if (top && top !== e && !e.contains(top) && !top.contains(e)) problems.push(`${id} is covered by ${top.tagName.toLowerCase()}${top.id ? `#${top.id}` : ''}`);
    const style = getComputedStyle(e);
    const ring = parseFloat(style.outlineWidth) + parseFloat(style.outlineOffset);
    if (style.outlineStyle === 'none' || parseFloat(style.outlineWidth) < 2) problems.push(`${id} shows no focus outline`);
    // A box that clips (a scrolling list) must not cut the outline off at the sides.
    for (let a = e.parentElement; a && a !== document.body; a = a.parentElement) {
      const s = getComputedStyle(a);
      if (s.overflowX === 'visible' && s.overflowY === 'visible') continue;
      const box = a.getBoundingClientRect();
      if (r.left - ring < box.left - 0.5 || r.right + ring > box.right + 0.5) problems.push(`the focus outline of ${id} is cut off by ${a.id || a.className}`);
      break;
    }
    return problems;
  });
}

/** Presses Tab (or Shift+Tab) until `selector` has focus; fails after `max` presses. */
export async function tabTo(page: Page, selector: string, { back = false, max = 40 } = {}): Promise<void> {
  for (let i = 0; i < max; i++) {
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
  }
  expect(await page.evaluate(() => document.activeElement?.id || document.activeElement?.tagName), `focus after ${max} × ${back ? 'Shift+Tab' : 'Tab'} looking for ${selector}`).toBe(selector);
}
