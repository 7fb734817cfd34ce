import { describe, expect, it } from 'vitest';
import { editDistance, Vocabulary } from '../../src/nlu/typo.ts';
import { sharedRecognizer } from './helpers.ts';

/** A vocabulary of these words, each added once per time it is listed (counts matter to some corrections). */
function vocabularyOf(words: readonly string[]): Vocabulary {
  const v = new Vocabulary();
  for (const w of words) v.add(w);
  return v;
}

describe('edit distance', () => {
  it('counts insertions, deletions, substitutions and swaps as one edit each', () => {
    expect(editDistance('aanvraag', 'aanvraag')).toBe(0);
    expect(editDistance('aanvrag', 'aanvraag')).toBe(1);
    expect(editDistance('aanvraagg', 'aanvraag')).toBe(1);
    expect(editDistance('aanvriag', 'aanvraag')).toBe(1);
    expect(editDistance('vergunnign', 'vergunning')).toBe(1);
    expect(editDistance('uitkerng', 'uitkering')).toBe(1);
    expect(editDistance('abc', 'xyz')).toBe(3);
  });

  it('stops early past the maximum', () => {
    expect(editDistance('kort', 'heel erg lang woord', 2)).toBe(3);
  });
});

describe('vocabulary', () => {
  const vocab = vocabularyOf(['aanvraag', 'vergunning', 'uitkering', 'overleden', 'boos', 'bijstand']);

  it('maps a misspelt word to the nearest known word', () => {
    expect(vocab.nearest('aanvrag')).toBe('aanvraag');
    expect(vocab.nearest('vergunnign')).toBe('vergunning');
    expect(vocab.nearest('uitkerng')).toBe('uitkering');
    expect(vocab.nearest('overleeden')).toBe('overleden');
  });

  it('leaves known, short, numeric and far-off words alone', () => {
    expect(vocab.nearest('aanvraag')).toBeNull();
    expect(vocab.nearest('bos')).toBeNull();
    expect(vocab.nearest('2026')).toBeNull();
    expect(vocab.nearest('paraplu')).toBeNull();
  });

  it('reads an -in that dropped its g as -ing, and only then ("hitin" is "hitting", "termin" is no -ing word)', () => {
    const v = vocabularyOf(['hitting', 'nothing', 'termijn', 'tering']);
    expect(v.nearest('hitin')).toBe('hitting');
    expect(v.nearest('nothin')).toBe('nothing');
    expect(v.nearest('termin')).toBe('termijn');
  });

  it('reads a Dutch ij typed as y ("vrydag" is "vrijdag") and leaves other y words to the usual search', () => {
    const v = vocabularyOf(['vrijdag', 'dodelijk', 'money']);
    expect(v.nearest('vrydag')).toBe('vrijdag');
    expect(v.nearest('dodelyk')).toBe('dodelijk');
    expect(v.nearest('mony')).toBe('money');
  });

  it('says which corrections are respellings, and respells from three letters on where it guesses from four', () => {
    const v = vocabularyOf(['snij', 'eating', 'aanvraag', 'bos']);
    expect(v.correct('sny')).toEqual({ word: 'snij', respelled: true });
    expect(v.correct('eatin')).toEqual({ word: 'eating', respelled: true });
    expect(v.correct('aanvrag')).toEqual({ word: 'aanvraag', respelled: false });
    // An English -in that no known -ing word fits is still read as -ing; in Dutch it stays itself.
    expect(v.correct('kickin', 'en')).toEqual({ word: 'kicking', respelled: true });
    expect(v.correct('kickin', 'nl')).toBeNull();
    // Three letters is too short to guess from: "bis" stays itself.
    expect(v.correct('bis')).toBeNull();
  });

  it('reads a consonant typed twice as a respelling of the known word with it once, also in a short word', () => {
    const v = vocabularyOf(['garage', 'pillen', 'bel', 'adres']);
    // "garrage" is one edit from "garage", but a guess of six letters is not trusted by the crisis lexicon; this is.
    expect(v.correct('garrage')).toEqual({ word: 'garage', respelled: true });
    expect(v.correct('pilllen')).toEqual({ word: 'pillen', respelled: true });
    expect(v.correct('addres')).toEqual({ word: 'adres', respelled: true });
    v.add('later');
    expect(v.correct('laterrr')).toEqual({ word: 'later', respelled: true });
    // Known words are left alone, and a double vowel is no typo of this kind.
    expect(v.correct('pillen')).toBeNull();
    expect(v.correct('baal')).toBeNull();
  });

  it('reads a consonant typed once between vowels as a respelling of the known word that doubles it', () => {
    const v = vocabularyOf(['stopped', 'office', 'tomorrow', 'bomen', 'bommen']);
    expect(v.correct('stoped')).toEqual({ word: 'stopped', respelled: true });
    expect(v.correct('ofice')).toEqual({ word: 'office', respelled: true });
    expect(v.correct('tomorow')).toEqual({ word: 'tomorrow', respelled: true });
    // A known word is never respelled into another ("bomen" stays trees, not "bommen").
    expect(v.correct('bomen')).toBeNull();
  });

  it('reads a g-dropped word that a training example made known as the -ing word, when that is more common', () => {
    const v = vocabularyOf(['eatin', 'eating', 'eating', 'uitkerin', 'uitkering', 'uitkering', 'within', 'protein']);
    expect(v.correct('eatin', 'en')).toEqual({ word: 'eating', respelled: true });
    expect(v.correct('uitkerin', 'nl')).toEqual({ word: 'uitkering', respelled: true });
    // Words of their own in -in stay themselves.
    expect(v.correct('within', 'en')).toBeNull();
    expect(v.correct('protein', 'en')).toBeNull();
  });
});

describe('chat shorthand with the shipped dialogs', () => {
  it('reads "tysm" and "tyvm" as thanks, in Dutch and English chat', async () => {
    const shipped = await sharedRecognizer();
    for (const text of ['tysm!! ❤️', 'tyvm', 'ok tysm']) {
      expect({ text, intent: shipped.parse(text).intent.name }).toEqual({ text, intent: 'thanks' });
    }
  });

  it('reads "dnk je", "djw" and "bdnkt" as thanks (an SMS "dnk je" after an answer was a miss)', async () => {
    const shipped = await sharedRecognizer();
    for (const text of ['dnk je', 'dnk u wel', 'djw', 'ok dnkjw', 'bdnkt!']) {
      expect({ text, intent: shipped.parse(text).intent.name }).toEqual({ text, intent: 'thanks' });
    }
    // "opn" is open: "wnr ben je opn" was a fallback.
    expect(shipped.parse('wnr ben je opn').intent.name).toBe('contact_hours');
  });
});

describe('the message as the analysis read it (`fixed`)', () => {
  it('puts typos and shorthands right, in place, and is absent when every word stands as written', async () => {
    const r = await sharedRecognizer();
    expect(r.parse('hoe vraag ik bijstnd aan').fixed).toBe('hoe vraag ik bijstand aan');
    expect(r.parse('wnr komt mn uitkerin').fixed).toBe('wanneer komt mijn uitkering');
    expect(r.parse('Paspoort verlenge?').fixed).toBe('Paspoort verlengen?');
    for (const text of ['hoe vraag ik bijstand aan', 'Z-2026-000123 1234 AB', 'ik wil een mens spreken']) expect({ text, fixed: r.parse(text).fixed }).toEqual({ text, fixed: undefined });
  });

  it('reads "hw" as how in English chat ("hw long does it take" was not understood)', async () => {
    const r = await sharedRecognizer();
    expect(r.parse('hw long does it take', 'en').fixed).toBe('how long does it take');
    expect(r.parse('hw do i apply for a passport', 'en').fixed).toBe('how do i apply for a passport');
  });
});
