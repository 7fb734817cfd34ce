/**
 * Work, found by probing Dutch and English conversations: "ik zoek werk" got "Sorry, dat begrijp ik niet goed",
 * and "ik ben ontslagen, moet ik dat doorgeven voor mijn bijstand" got how to report a new address.
 */
import { describe, expect, it } from 'vitest';
import type { Loket } from '../../src/server/loket.ts';
import { saidAfter } from '../support/loket.ts';
import { useLoket } from '../support/use-loket.ts';

let loket: Loket;
useLoket((started) => (loket = started));

const asked = (text: string) => saidAfter(loket, [], text);

describe('looking for work', () => {
  it('says who helps: the municipality with bijstand, else UWV and werk.nl', async () => {
    for (const text of ['ik zoek werk', 'zoek werk', 'waar kan ik vacatures vinden', 'ik wil graag hulp bij het vinden van werk, ik zit in de bijstand']) {
      const said = await asked(text);
      expect({ text, said }).toEqual({ text, said: expect.stringMatching(/^Zoekt u werk\? Krijgt u een bijstandsuitkering van de gemeente\? Dan helpt de gemeente u.*UWV.*www\.werk\.nl/) });
    }
    for (const text of ['i am unemployed, can you help me find a job', 'im looking for work']) {
      const said = await asked(text);
      expect({ text, said }).toEqual({ text, said: expect.stringMatching(/^Looking for work\? Do you get social assistance \(bijstand\).*UWV.*www\.werk\.nl/) });
    }
  });

  it('leaves a lost job to how to get an income, and a crisis to a person', async () => {
    expect(await asked('ik ben werkloos')).toMatch(/^Bent u uw werk kwijt\? Vraag dan eerst een WW-uitkering aan/);
    expect(await asked('ik zoek werk maar eigenlijk wil ik niet meer leven')).toMatch(/113/);
  });
});

describe('a lost job to report', () => {
  it('is a change in work or income, not a new address', async () => {
    for (const text of ['ik ben ontslagen, moet ik dat doorgeven voor mijn bijstand', 'ik ben werkloos geworden, moet ik dat doorgeven']) {
      const said = await asked(text);
      expect({ text, said }).toEqual({ text, said: expect.stringMatching(/^Verandert er iets in uw werk, inkomen of gezin\?/) });
    }
  });
});
