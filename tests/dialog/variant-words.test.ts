/**
 * How a variant's words are found in a message (src/dialog/variants.ts namedAt): at the start of a word
 * (a phrase, or a word of one or two letters, only whole), whatever the kind of word. namedAt tries a
 * word list's pattern only where a run of the message's letters could start one of its words; these
 * cases cover each kind of word that shortcut sorts (a long word, a short one, a phrase, one that starts
 * or goes on with another character).
 */
import { describe, expect, it } from 'vitest';
import type { AnswerVariant } from '../../src/dialog/types.ts';
import { fold, namedAt } from '../../src/dialog/variants.ts';

const variant = (when: string[], more: Partial<AnswerVariant> = {}): AnswerVariant => ({ id: 'v', when, answer: { nl: 'v', en: 'v' }, ...more });
const found = (when: string[], msg: string, more: Partial<AnswerVariant> = {}): string | null => namedAt(variant(when, more), fold(msg))?.[0].trim() ?? null;

describe('variant words: where namedAt finds them', () => {
  it('finds a word of three or more letters at the start of a word, also going on ("paspoortaanvraag"), not inside one', () => {
    expect(found(['paspoort'], 'mijn paspoortaanvraag')).toBe('paspoort');
    expect(found(['bsn'], 'wat is mijn BSN-nummer?')).toBe('bsn');
    expect(found(['paspoort'], 'mijn reispaspoort')).toBeNull();
    expect(found(['Één'], 'nog één vraag')).toBe('een');
  });

  it('finds a word of one or two letters and a phrase only whole', () => {
    expect(found(['ww'], 'ik heb ww')).toBe('ww');
    expect(found(['ww'], 'zie www.voorbeeld.nl')).toBeNull();
    expect(found(['eigen huis'], 'ik verkoop mijn eigen huis')).toBe('eigen huis');
    expect(found(['eigen huis'], 'mijn eigen huisarts')).toBeNull();
    expect(found(['id card'], 'two id cards please')).toBe('id cards');
  });

  it('finds a word that starts with, or goes on with, another character', () => {
    expect(found(["'s avonds"], "kan ik 's avonds langskomen")).toBe("'s avonds");
    expect(found(['e-mail'], 'mag het per e-mail?')).toBe('e-mail');
    expect(found(['e-mail'], 'mag het per email?')).toBeNull();
    expect(found(['3d-printer'], 'mijn 3d-printer')).toBe('3d-printer');
  });

  it('keeps to the `with` and `not_with` words, on the same message as the `when` words', () => {
    const more = { with: ['overleden'], not_with: ['hond'] };
    expect(found(['paspoort'], 'mijn vader is overleden, wat met zijn paspoort', more)).toBe('paspoort');
    expect(found(['paspoort'], 'wat met zijn paspoort', more)).toBeNull();
    expect(found(['paspoort'], 'mijn hond is overleden en zijn paspoort', more)).toBeNull();
  });
});
