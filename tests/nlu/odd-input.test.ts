import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { extractEntities, type ParseResult } from '../../src/nlu/index.ts';
import { toParseLine } from '../../src/cli/parse.ts';
import { sharedRecognizer } from './helpers.ts';

function expectWellFormed(r: ParseResult, text: string): void {
  expect(r.text).toBe(text);
  expect(['nl', 'en']).toContain(r.lang);
  expect(typeof r.intent.name).toBe('string');
  expect(r.intent.confidence).toBeGreaterThanOrEqual(0);
  expect(r.intent.confidence).toBeLessThanOrEqual(1);
  for (const e of r.entities) {
    expect(e.start).toBeGreaterThanOrEqual(0);
    expect(e.end).toBeLessThanOrEqual(text.length);
  }
  if (r.handoff) expect(text).toContain(r.handoff.evidence);
  expect(() => JSON.stringify(toParseLine(r))).not.toThrow();
}

const ODD = [
  '',
  ' ',
  '\n\n\t',
  '🙂🙂🙂 😡😡',
  '👨‍👩‍👧 wnr krijg ik geld 💶',
  'مرحبا، أريد التحدث مع شخص',
  'שלום, מה המצב עם הבקשה שלי',
  '\u202Eklacht\u202C omgekeerd',
  '\u0000\u0001\u0002\u001b[31mrood',
  '\ud800 lone high surrogate',
  'lone low \udc00 surrogate',
  '\uFFFD\uFFFE\uFFFF',
  'a'.repeat(10_000),
  'ik kan niet meer '.repeat(700),
  'Z-2026-000123 '.repeat(800),
  '1'.repeat(10_000),
  '{"text": "json in json"}',
  'ǅ ß ﬁ İ ı ẞ',
];

describe('odd input', () => {
  it.each(ODD.map((t) => [t.slice(0, 30), t]))('never throws on %j', async (_label, text) => {
    const r = await sharedRecognizer();
    expectWellFormed(r.parse(text), text);
  });

  it('survives random strings, binary garbage and unpaired surrogates', async () => {
    const r = await sharedRecognizer();
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary', maxLength: 300 }), fc.string({ unit: 'grapheme', maxLength: 200 }), fc.uint8Array({ maxLength: 400 }).map((b) => Buffer.from(b).toString('latin1'))), (text) => {
        expectWellFormed(r.parse(text), text);
      }),
      { numRuns: 300 },
    );
  });

  it('treats non-string input as an empty message', async () => {
    const r = await sharedRecognizer();
    expect(r.parse(undefined as unknown as string).intent.name).toBe('none');
    expect(extractEntities(null as unknown as string)).toEqual([]);
  });

  it('still finds distress at the start of a 10k-character message', async () => {
    const r = await sharedRecognizer();
    expect(r.parse(`ik wil dood. ${'bla '.repeat(2500)}`).handoff?.reason).toBe('distress');
  });

  it('reads words that are names of Object.prototype as words: "constructor" hid a crisis (the parse threw and fell back to none)', async () => {
    const r = await sharedRecognizer();
    for (const word of ['constructor', 'toString', 'hasOwnProperty', 'valueOf', '__proto__', 'isPrototypeOf']) {
      const en = r.parse(`I work as a ${word} and I want to kill myself`);
      expect({ word, lang: en.lang, reason: en.handoff?.reason }).toEqual({ word, lang: 'en', reason: 'distress' });
      const nl = r.parse(`ik werk als ${word} en ik wil dood`);
      expect({ word, reason: nl.handoff?.reason }).toEqual({ word, reason: 'distress' });
    }
  });
});
