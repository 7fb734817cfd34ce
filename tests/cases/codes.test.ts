import { describe, expect, it } from 'vitest';
import { createCodes } from '../../src/cases/codes.ts';
import { fixedClock } from '../../src/clock.ts';
import { openSqliteStore } from '../../src/store/sqlite.ts';

function setup() {
  const store = openSqliteStore(':memory:');
  const clock = fixedClock('2026-11-30T10:00:00Z');
  return { codes: createCodes(store.codes, clock, 'pepper'), clock };
}

describe('one-time codes', () => {
  it('accepts a verification code once', async () => {
    const { codes } = setup();
    const code = await codes.issueVerification('c1', 'Z-2026-000123');
    expect(code).toMatch(/^\d{6}$/);
    expect(await codes.checkVerification('c1', 'Z-2026-000123', code)).toBe(true);
    expect(await codes.checkVerification('c1', 'Z-2026-000123', code)).toBe(false);
  });

  it('is bound to the conversation and the case', async () => {
    const { codes } = setup();
    const code = await codes.issueVerification('c1', 'Z-2026-000123');
    expect(await codes.checkVerification('c2', 'Z-2026-000123', code)).toBe(false);
    expect(await codes.checkVerification('c1', 'Z-2026-000124', code)).toBe(false);
    expect(await codes.checkVerification('c1', 'Z-2026-000123', code)).toBe(true);
  });

  it('stops accepting the right code after three wrong tries, or after 10 minutes', async () => {
    const { codes, clock } = setup();
    const code = await codes.issueVerification('c1', 'Z-1');
    const wrong = code === '000000' ? '111111' : '000000';
    for (let i = 0; i < 3; i++) expect(await codes.checkVerification('c1', 'Z-1', wrong)).toBe(false);
    expect(await codes.checkVerification('c1', 'Z-1', code)).toBe(false);
    const fresh = await codes.issueVerification('c1', 'Z-1');
    clock.advance(10 * 60_000 + 1);
    expect(await codes.checkVerification('c1', 'Z-1', fresh)).toBe(false);
  });

  it('makes an earlier code useless when a new one is sent', async () => {
    const { codes } = setup();
    const first = await codes.issueVerification('c1', 'Z-1');
    const second = await codes.issueVerification('c1', 'Z-1');
    if (first !== second) expect(await codes.checkVerification('c1', 'Z-1', first)).toBe(false);
    expect(await codes.checkVerification('c1', 'Z-1', second)).toBe(true);
  });

  it('redeems a link code once, within 30 minutes', async () => {
    const { codes, clock } = setup();
    const code = await codes.issueLink('conv');
    expect(code).toMatch(/^\d{8}$/);
    expect(await codes.redeemLink(`${code.slice(0, 4)} ${code.slice(4)}`)).toBe('conv');
    expect(await codes.redeemLink(code)).toBeNull();
    const late = await codes.issueLink('conv');
    clock.advance(31 * 60_000);
    expect(await codes.redeemLink(late)).toBeNull();
  });
});
