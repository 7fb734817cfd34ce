/**
 * SMS text shaping: GSM-7 vs UCS-2 segment counting at the edges, GSM-7-friendly Dutch, plain text
 * from markup, and splitting at sentence ends into messages of at most three segments.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { countSegments, isGsm7, splitForChannel, toGsm7Friendly, toPlainText } from '../../../channels/sms/format.ts';

const a = (n: number) => 'a'.repeat(n);
const e = (n: number) => 'ë'.repeat(n); // not in GSM-7

describe('countSegments', () => {
  it.each([
    ['', 'GSM-7', 0, 0],
    [a(1), 'GSM-7', 1, 1],
    [a(160), 'GSM-7', 160, 1],
    [a(161), 'GSM-7', 161, 2],
    [a(306), 'GSM-7', 306, 2],
    [a(307), 'GSM-7', 307, 3],
    [a(459), 'GSM-7', 459, 3],
    [a(460), 'GSM-7', 460, 4],
    ['€'.repeat(80), 'GSM-7', 160, 1],
    ['€'.repeat(81), 'GSM-7', 162, 2],
    ['{}[]~|^\\', 'GSM-7', 16, 1],
    [e(70), 'UCS-2', 70, 1],
    [e(71), 'UCS-2', 71, 2],
    [e(134), 'UCS-2', 134, 2],
    [e(135), 'UCS-2', 135, 3],
    ['Hallo 👋', 'UCS-2', 8, 1],
  ])('%j is %s, %i units, %i segments', (text, encoding, units, segments) => {
    expect(countSegments(text)).toEqual({ encoding, units, segments });
  });

  it('does not split an extension character across two parts', () => {
    // 152 + 2 does not fit in the first part of 153, so the € starts the second one: 3 parts, not 2.
    expect(countSegments(`${a(152)}€${a(152)}`)).toEqual({ encoding: 'GSM-7', units: 306, segments: 3 });
  });

  it('does not split an emoji (a surrogate pair) across two parts', () => {
    expect(countSegments(`${a(66)}👋${a(66)}`)).toEqual({ encoding: 'UCS-2', units: 134, segments: 3 });
  });

  it('switches the whole message to UCS-2 for one emoji or one letter outside GSM-7', () => {
    expect(countSegments(`${a(100)}🙂`).encoding).toBe('UCS-2');
    expect(countSegments(`${a(100)}🙂`).segments).toBe(2);
    expect(countSegments(`${a(100)}ë`).encoding).toBe('UCS-2');
    expect(countSegments(`${a(100)}é`).encoding).toBe('GSM-7');
  });
});

describe('toGsm7Friendly', () => {
  it('keeps Dutch text in GSM-7: quotes, dashes, ellipsis, odd spaces and accents', () => {
    const text = '“Uw aanvraag” – ‘financiële’ hulp… voor geïnteresseerden\u00A0(privé, één, café)';
    const out = toGsm7Friendly(text);
    expect(out).toBe('"Uw aanvraag" - \'financiele\' hulp... voor geinteresseerden (privé, één, café)');
    expect(isGsm7(out)).toBe(true);
  });

  it('leaves emoji and other scripts alone', () => {
    expect(toGsm7Friendly('Dank u 🙏')).toBe('Dank u 🙏');
    expect(toGsm7Friendly('مرحبا')).toBe('مرحبا');
  });
});

describe('toPlainText', () => {
  it.each([
    ['**Let op:** dit is _belangrijk_.', 'Let op: dit is belangrijk.'],
    ['Zie [de website](https://gemeente.nl/aanvraag).', 'Zie de website (https://gemeente.nl/aanvraag).'],
    ['Kijk op <https://gemeente.nl>.', 'Kijk op https://gemeente.nl.'],
    ['Kijk op <https://gemeente.nl|de website>.', 'Kijk op de website (https://gemeente.nl).'],
    ['<p>Hallo<br>daar &amp; tot <b>ziens</b></p>', 'Hallo\ndaar & tot ziens'],
    ['# Titel\n> citaat\n* punt', 'Titel\ncitaat\n- punt'],
    ['Code `Z-2026-000123` en ~~oud~~', 'Code Z-2026-000123 en oud'],
    ['bestand_naam_met_underscores en 3 * 4 = 12', 'bestand_naam_met_underscores en 3 * 4 = 12'],
  ])('%j → %j', (input, output) => {
    expect(toPlainText(input)).toBe(output);
  });
});

describe('splitForChannel', () => {
  const sentence = (i: number) => `Dit is zin ${i} over uw aanvraag bij de gemeente, met wat uitleg erbij.`;

  it('leaves a short reply as one message', () => {
    expect(splitForChannel('Hallo! Hoe kan ik helpen?', 'sms')).toEqual(['Hallo! Hoe kan ik helpen?']);
  });

  it('splits a long reply at sentence ends into messages of at most 3 segments', () => {
    const text = Array.from({ length: 20 }, (_, i) => sentence(i + 1)).join(' ');
    const parts = splitForChannel(text, 'sms');
    expect(parts.length).toBeGreaterThan(1);
    for (const p of parts) {
      expect(countSegments(p).segments).toBeLessThanOrEqual(3);
      expect(p).toMatch(/^Dit is zin \d+ .*\.$/);
    }
    expect(parts.join(' ')).toBe(text);
  });

  it('cuts a sentence too long for one message between words, never inside one', () => {
    const words = Array.from({ length: 150 }, (_, i) => `woord${i}`);
    const parts = splitForChannel(words.join(' '), 'sms');
    expect(parts.length).toBeGreaterThan(1);
    expect(parts.join(' ').split(' ')).toEqual(words);
  });

  it('counts a UCS-2 reply by the smaller limit', () => {
    const text = Array.from({ length: 6 }, (_, i) => `Bericht ${i} met een emoji erin 🙂 en wat tekst.`).join(' ');
    for (const p of splitForChannel(text, 'sms')) expect(countSegments(p).segments).toBeLessThanOrEqual(3);
  });

  it('keeps WhatsApp text whole (emoji and accents included) up to 1600 characters', () => {
    const text = `${Array.from({ length: 10 }, (_, i) => sentence(i)).join(' ')} Groetjes 🙂 “financiële”`;
    expect(splitForChannel(text, 'whatsapp')).toEqual([text]);
    const long = Array.from({ length: 40 }, (_, i) => sentence(i)).join(' ');
    const parts = splitForChannel(long, 'whatsapp');
    expect(parts.length).toBe(2);
    for (const p of parts) expect(p.length).toBeLessThanOrEqual(1600);
  });

  it('never loses or reorders words, and every part fits (property)', () => {
    const word = fc.stringMatching(/^[a-zA-Zëé€0-9]{1,12}$/);
    const sentenceArb = fc.array(word, { minLength: 1, maxLength: 30 }).map((ws) => `${ws.join(' ')}.`);
    fc.assert(
      fc.property(fc.array(sentenceArb, { minLength: 1, maxLength: 25 }), (sentences) => {
        const text = sentences.join(' ');
        const parts = splitForChannel(text, 'sms');
        for (const p of parts) expect(countSegments(p).segments).toBeLessThanOrEqual(3);
        expect(parts.join(' ').split(' ')).toEqual(toGsm7Friendly(text).split(' '));
      }),
      { numRuns: 200 },
    );
  });
});
