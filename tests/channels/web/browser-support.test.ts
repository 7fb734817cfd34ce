/** tests/support/browser.ts: skip without Chromium on a laptop, fail without it on CI. */
import { describe, expect, it } from 'vitest';
import { chromiumSuite } from '../../support/browser.ts';

describe('chromiumSuite', () => {
  it('skips the suite, naming the install command, when Chromium is missing locally', () => {
    const warn = console.warn;
    const said: string[] = [];
    console.warn = (m: string) => void said.push(m);
    try {
      expect(chromiumSuite({}, '/nonexistent/chromium')).not.toBe(describe); // describe.skip makes a fresh chain each time
    } finally {
      console.warn = warn;
    }
    expect(said.join('\n')).toContain('apt-get install -y chromium');
  });

  it('throws instead of skipping under CI=true', () => {
    expect(() => chromiumSuite({ CI: 'true' }, '/nonexistent/chromium')).toThrow(/apt-get install -y chromium.*CI=true/);
  });

  it('runs the suite when Chromium is there', () => {
    expect(chromiumSuite({ CI: 'true' }, process.execPath)).toBe(describe);
  });
});
