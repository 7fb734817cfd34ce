import { describe, expect, it } from 'vitest';
import { isDecline, isNo, isYes, startsWithNo, startsWithYes } from '../../src/dialog/yes-no.ts';

describe('yes and no', () => {
  it('reads an answer that starts with yes or no (the callback offer)', () => {
    for (const m of ['ja', 'Ja graag, bel me om drie uur', 'oké', 'yes please', 'y']) expect({ m, yes: startsWithYes(m) }).toEqual({ m, yes: true });
    for (const m of ['nee', 'nee dank je', 'no thanks', 'n']) expect({ m, no: startsWithNo(m) }).toEqual({ m, no: true });
    for (const m of ['jammer', 'nooit', 'yo', 'goedemorgen']) expect({ m, any: startsWithYes(m) || startsWithNo(m) }).toEqual({ m, any: false });
  });

  it('reads an answer that is only yes or no, "klopt" and "klopt niet" included (gaat uw vraag over …?)', () => {
    for (const m of ['ja', 'klopt', 'Dat klopt!', 'ok.', "that's right"]) expect({ m, yes: isYes(m) }).toEqual({ m, yes: true });
    for (const m of ['nee', 'Nee.', 'klopt niet', 'nee hoor', 'not really']) expect({ m, no: isNo(m) }).toEqual({ m, no: true });
    for (const m of ['ja graag, bel me', 'nee, ik wil de openingstijden weten']) expect({ m, any: isYes(m) || isNo(m) }).toEqual({ m, any: false });
  });

  it('reads a no thank you as a no ("nee hoeft niet", "niets meer"), and nothing with a reason or a new question', () => {
    for (const m of ['nee hoeft niet', 'nee niks meer', 'niets meer', 'nee dank je, dat was het', 'No thanks, nothing else.', 'nee hoor, niet nodig', 'nee']) expect({ m, no: isDecline(m) }).toEqual({ m, no: true });
    for (const m of ['nee, ik wil de openingstijden weten', 'het hoeft niet meer, ik wil er niet meer zijn', 'niets meer om voor te leven', 'ja graag']) expect({ m, no: isDecline(m) }).toEqual({ m, no: false });
  });
});
