import { describe, expect, it } from 'vitest';
import { emojiWords } from '../../src/nlu/abbreviations.ts';
import { analyze } from '../../src/nlu/analyze.ts';
import { sharedRecognizer } from './helpers.ts';

describe('emoji that say what words would say', () => {
  it('reads them as their word in the language, a run of the same emoji as one, and leaves other emoji out', () => {
    expect(emojiWords('💊💊 💊 🙂 🪦', 'en')).toEqual([{ word: 'pills', start: 0, end: 7 }, { word: 'grave', start: 11, end: 13 }]);
    expect(emojiWords('⚰️ 🔪', 'nl').map((e) => e.word)).toEqual(['doodskist', 'mes']);
    // The words stand in the message where the emoji stand, with the emoji's offsets.
    const text = 'morgen 🔪 klaar';
    const terms = analyze(text, 'nl', null);
    expect(terms.map((t) => t.norm)).toEqual(['morgen', 'mes', 'klaar']);
    expect(text.slice(terms[1]!.start, terms[1]!.end)).toBe('🔪');
  });

  it('hears a crisis said in emoji alone or with a few words, and keeps them as the evidence', async () => {
    const recognizer = await sharedRecognizer();
    for (const text of ['🔪🩸🩸', '💊💊💊💊💊💊 and then sleep', '💊💊💊💊💊 en dan slapen']) {
      const r = recognizer.parse(text);
      expect({ text, reason: r.handoff?.reason }).toEqual({ text, reason: 'distress' });
      expect(r.handoff!.evidence).toContain(text.slice(0, 2));
    }
  });

  it('does not take the word of an emoji for a crisis where the message means none', async () => {
    const r = (await sharedRecognizer()).parse('💊 op maar de apotheek is dicht, wanneer zijn jullie open');
    expect(r.handoff).toBeNull();
    expect(r.intent.name).toBe('contact_hours');
  });
});
