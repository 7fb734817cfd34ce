import { describe, expect, it } from 'vitest';
import { detectLanguage } from '../../src/nlu/index.ts';
import { sharedRecognizer } from './helpers.ts';

const DUTCH_SMS = ['wnr krijg ik geld', 'hoe stt t met mn aanvr', 'ff bellen pls', 'kzou graag iemand spreken', 'waar blijft mn uitkering', 'bedankt', 'dankjewel', 'doei', 'status aanvr?', 'mijn application is nog niet approved'];
const ENGLISH = ['when do I get my money', 'thanks a lot', 'can u call me back', 'where is my permit', 'hows my application going', 'I want to object'];

describe('language detection', () => {
  it.each(DUTCH_SMS)('reads the Dutch SMS "%s" as nl', (text) => {
    expect(detectLanguage(text)).toBe('nl');
  });

  it.each(ENGLISH)('reads "%s" as en', (text) => {
    expect(detectLanguage(text)).toBe('en');
  });

  it('falls back to Dutch for empty or language-less input', () => {
    expect(detectLanguage('')).toBe('nl');
    expect(detectLanguage('12345')).toBe('nl');
    expect(detectLanguage('🙂🙂')).toBe('nl');
  });

  it('is used by the recognizer when no language is given, and overridden when one is', async () => {
    const r = await sharedRecognizer();
    expect(r.parse('wnr krijg ik geld').lang).toBe('nl');
    expect(r.parse('when do I get my money').lang).toBe('en');
    expect(r.parse('when do I get my money', 'nl').lang).toBe('nl');
  });

  it('keeps a Dutch word Dutch when English training examples use it too ("dankjewel")', async () => {
    const r = await sharedRecognizer();
    for (const text of ['dankjewel', 'dankjewel!!', 'dankuwel']) expect({ text, lang: r.parse(text).lang }).toEqual({ text, lang: 'nl' });
  });
});
