import { describe, expect, it } from 'vitest';
import { extractEntities, isValidBsn, type EntityType } from '../../src/nlu/index.ts';
import { findCompactDates } from '../../src/nlu/entities/date.ts';
import { hasIncompleteCaseNumber } from '../../src/nlu/entities/case-number.ts';

const NOW = new Date('2026-06-01T12:00:00Z');
const values = (text: string, type: EntityType): string[] =>
  extractEntities(text, { now: NOW }).filter((e) => e.type === type).map((e) => e.value);

describe('case numbers', () => {
  it.each([
    ['Z-2026-000123'],
    ['z2026000123'],
    ['zaak 2026-000123'],
    ['Z 2026 000123'],
    ['zaaknummer: Z-2026-000123'],
    ['mijn zaaknr is 2026-000123'],
    ['z-2026-123'],
    ['mijn zaaknummer is 2026-123'],
    ['my case number is 2026-000123'],
  ])('recognises %s as Z-2026-000123', (text) => {
    expect(values(text, 'case_number')).toEqual(['Z-2026-000123']);
  });

  it('reports offsets into the original text', () => {
    const text = 'hoe staat het met Z-2026-000123?';
    const [e] = extractEntities(text);
    expect(text.slice(e!.start, e!.end)).toBe('Z-2026-000123');
  });

  it('ignores bare digits without a Z or the word zaak', () => {
    expect(values('ik heb 2026000123 euro', 'case_number')).toEqual([]);
  });
});

describe('postcodes', () => {
  it.each([['1234 AB'], ['1234ab'], ['1234AB'], ['1234 ab'], ['1234-AB']])('normalises %s', (text) => {
    expect(values(text, 'postcode')).toEqual(['1234 AB']);
  });

  it('does not read "1234 en" or "2000 in" as a postcode', () => {
    expect(values('tussen 1234 en 5678', 'postcode')).toEqual([]);
    expect(values('ik kreeg 2000 in totaal', 'postcode')).toEqual([]);
  });

  it('rejects letter pairs never used (SS, SA, SD)', () => {
    expect(values('1234 SS', 'postcode')).toEqual([]);
  });
});

describe('case numbers typed with a digit left out', () => {
  it('tells "Z-2026-00012" (zeros and all, one digit short) from a number short on purpose', () => {
    for (const text of ['Z-2026-00012', 'hoe staat z2026-04417 ervoor', 'z-2026/00123']) expect({ text, incomplete: hasIncompleteCaseNumber(text) }).toEqual({ text, incomplete: true });
    for (const text of ['Z-2026-000123', 'Z-2026-123', 'zaak 2026-12345', '2026-00012', 'Z-2026-44170']) expect({ text, incomplete: hasIncompleteCaseNumber(text) }).toEqual({ text, incomplete: false });
  });
});

describe('dates', () => {
  it.each([
    ['15-03-1980'],
    ['15-3-80'],
    ['15/03/1980'],
    ['15.03.1980'],
    ['1980-03-15'],
    ['15 maart 1980'],
    ['15 mrt 1980'],
    ['15 mrt. 1980'],
    // The year short with an apostrophe, as written by hand (straight or curly, as a phone types it).
    ["15-3-'80"],
    ['15-3-’80'],
    ['15 mrt ’80'],
    ['March 15, 1980'],
    ['15 March 1980'],
    ['the 15th of March 1980'],
    // Month first, as in the US: only where the day-first reading is no date.
    ['03/15/1980'],
    ['3-15-80'],
  ])('reads %s as 1980-03-15', (text) => {
    expect(values(`geboren ${text}`, 'date')).toEqual(['1980-03-15']);
  });

  it('puts two-digit years in the past', () => {
    expect(values('1-7-92', 'date')).toEqual(['1992-07-01']);
    expect(values('1-1-05', 'date')).toEqual(['2005-01-01']);
    expect(values('1-1-30', 'date')).toEqual(['1930-01-01']);
  });

  it.each([['31-02-1980'], ['29-02-1981'], ['32-01-1980'], ['15-13-1980'], ['31 april 1980'], ['13/13/1980'], ['02/30/1980']])('rejects the impossible date %s', (text) => {
    expect(values(text, 'date')).toEqual([]);
  });

  it('accepts 29 February in a leap year', () => {
    expect(values('29-02-1968', 'date')).toEqual(['1968-02-29']);
  });
});

describe('phone numbers', () => {
  it.each([['06-12345678'], ['0612345678'], ['06 1234 5678'], ['+31 6 1234 5678'], ['+31612345678'], ['0031 6 12345678'], ['+31 (0)6 12345678']])(
    'normalises %s to E.164',
    (text) => {
      expect(values(`bel me op ${text}`, 'phone')).toEqual(['+31612345678']);
    },
  );

  it('reads Dutch landlines', () => {
    expect(values('020 123 4567', 'phone')).toEqual(['+31201234567']);
    expect(values('010-1234567', 'phone')).toEqual(['+31101234567']);
  });

  it('rejects numbers that are too short', () => {
    expect(values('06-1234', 'phone')).toEqual([]);
  });
});

describe('IBANs', () => {
  it.each([['NL91ABNA0417164300'], ['NL91 ABNA 0417 1643 00'], ['nl91abna0417164300']])('accepts %s', (text) => {
    expect(values(`mijn rekening is ${text}, graag`, 'iban')).toEqual(['NL91ABNA0417164300']);
  });

  it('accepts other countries', () => {
    expect(values('DE89 3704 0044 0532 0130 00', 'iban')).toEqual(['DE89370400440532013000']);
  });

  it('rejects an IBAN that fails the mod-97 check', () => {
    expect(values('NL91ABNA0417164301', 'iban')).toEqual([]);
  });
});

describe('BSNs', () => {
  it('checks the elfproef', () => {
    expect(isValidBsn('123456782')).toBe(true);
    expect(isValidBsn('111222333')).toBe(true);
    expect(isValidBsn('123456789')).toBe(false);
    expect(isValidBsn('000000000')).toBe(false);
    expect(isValidBsn('12345678')).toBe(false);
  });

  it('finds valid BSNs, also written in groups', () => {
    expect(values('mijn bsn is 123456782', 'bsn')).toEqual(['123456782']);
    expect(values('bsn 123 456 782', 'bsn')).toEqual(['123456782']);
    expect(values('bsn 123.456.782', 'bsn')).toEqual(['123456782']);
  });

  it('ignores nine digits that fail the elfproef', () => {
    expect(values('mijn bsn is 123456789', 'bsn')).toEqual([]);
  });

  it('never reports a BSN inside a case number, phone number or IBAN', () => {
    // 612345678 passes the elfproef? It does not matter: inside a phone number it is no BSN.
    for (const text of ['bel +31 612345678', 'Z-2026-123456782', 'NL91ABNA0417164300']) {
      expect(extractEntities(text).filter((e) => e.type === 'bsn')).toEqual([]);
    }
  });
});

describe('several entities in one message', () => {
  it('finds them all, without overlaps, in text order', () => {
    const text = 'Zaak Z-2026-000123, postcode 1234 AB, geboren 15-03-1980, tel 06-12345678';
    const found = extractEntities(text, { now: NOW });
    expect(found.map((e) => [e.type, e.value])).toEqual([
      ['case_number', 'Z-2026-000123'],
      ['postcode', '1234 AB'],
      ['date', '1980-03-15'],
      ['phone', '+31612345678'],
    ]);
    for (let i = 1; i < found.length; i++) expect(found[i]!.start).toBeGreaterThanOrEqual(found[i - 1]!.end);
  });
});

describe('compact dates (only for the case flow\'s birth-date question)', () => {
  it('reads day, month and year without separators or with spaces, and nothing else', () => {
    expect(findCompactDates('15031980').map((e) => e.value)).toEqual(['1980-03-15']);
    expect(findCompactDates('geboren 01122001 en verder').map((e) => e.value)).toEqual(['2001-12-01']);
    expect(findCompactDates('1 7 1992').map((e) => e.value)).toEqual(['1992-07-01']);
    expect(findCompactDates('5678CD 01 07 1992').map((e) => e.value)).toEqual(['1992-07-01']);
    // A two-digit year, as people type it on a phone: the century that puts it in the past.
    expect(findCompactDates('1234AB 15 03 80', { now: NOW }).map((e) => e.value)).toEqual(['1980-03-15']);
    expect(findCompactDates('150380', { now: NOW }).map((e) => e.value)).toEqual(['1980-03-15']);
    expect(findCompactDates('010705', { now: NOW }).map((e) => e.value)).toEqual(['2005-07-01']);
    expect(findCompactDates('15031980 1234AB').map((e) => e.value)).toEqual(['1980-03-15']);
    expect(findCompactDates('Z-2026-000123 15 3 1980').map((e) => e.value)).toEqual(['1980-03-15']);
    for (const text of ['31021980', '12345678', '150319801', '0612345678', '15-03-1980', '151380', '000123', '31 2 1980', '1 13 1980', '12 3 45 1980', '1 7 19921']) {
      expect({ text, dates: findCompactDates(text) }).toEqual({ text, dates: [] });
    }
  });

  it('is not one of the message\'s entities', () => {
    expect(extractEntities('15031980').filter((e) => e.type === 'date')).toEqual([]);
  });
});
