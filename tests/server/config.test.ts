import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/server/config.ts';
import { isLoketError } from '../../src/errors.ts';

describe('config', () => {
  it('gives the contract defaults and is frozen', () => {
    const c = loadConfig({});
    expect(c).toMatchObject({ PORT: 3978, HOST: '127.0.0.1', DATABASE_URL: 'sqlite:./data/loket.db', LOKET_DIALOGS: 'dialogs', LOKET_TIMEZONE: 'Europe/Amsterdam', LOKET_OFFICE_HOURS: 'mon-fri 08:30-17:00' });
    expect(Object.isFrozen(c)).toBe(true);
  });

  it('lists every bad setting with what to fix, and refuses to start', () => {
    try {
      loadConfig({ PORT: 'eighty', LOKET_TIMEZONE: 'Mars/Olympus', LOKET_OFFICE_HOURS: '9 to 5', DATABASE_URL: 'mysql://x', TWILIO_API_BASE: 'not a url' });
      expect.unreachable();
    } catch (err) {
      expect(isLoketError(err, 'CONFIG_INVALID')).toBe(true);
      const msg = (err as Error).message;
      for (const name of ['PORT', 'LOKET_TIMEZONE', 'LOKET_OFFICE_HOURS', 'DATABASE_URL', 'TWILIO_API_BASE']) expect(msg).toContain(name);
      expect(msg).toContain('mon-fri 08:30-17:00');
    }
  });

  it('treats empty values as unset', () => {
    expect(loadConfig({ PORT: '', LOKET_PUBLIC_URL: '' }).PORT).toBe(3978);
  });

  it('accepts always and several ranges as office hours', () => {
    expect(loadConfig({ LOKET_OFFICE_HOURS: 'always' }).LOKET_OFFICE_HOURS).toBe('always');
    expect(loadConfig({ LOKET_OFFICE_HOURS: 'mon-thu 08:30-17:00, fri 08:30-12:00' }).LOKET_OFFICE_HOURS).toContain('fri');
  });
});
