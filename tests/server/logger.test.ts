import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger, scrub } from '../../src/server/logger.ts';

describe('logger', () => {
  it('removes BSN, IBAN and phone numbers from text', () => {
    const s = scrub('bsn 111222333, iban NL91 ABNA 0417 1643 00, tel 06-12345678 of +31 6 1234 5678, zaak Z-2026-000123');
    expect(s).not.toMatch(/111222333|0417|12345678|1234 5678/);
    expect(s).toContain('Z-2026-000123');
  });

  it('removes them from log messages and fields alike, as JSON lines', () => {
    const lines: string[] = [];
    const sink = new Writable({ write(chunk, _e, cb) { lines.push(String(chunk)); cb(); } });
    const log = createLogger('info', sink);
    log.info({ text: 'mijn bsn is 111222333', nested: { iban: 'NL91ABNA0417164300' } }, 'bel me op 0612345678');
    const entry = JSON.parse(lines[0]!);
    expect(JSON.stringify(entry)).not.toMatch(/111222333|NL91ABNA0417164300|0612345678/);
    expect(entry.msg).toBe('bel me op [PHONE]');
    expect(entry.nested.iban).toBe('[IBAN]');
  });
});
