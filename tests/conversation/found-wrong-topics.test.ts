/**
 * Everyday questions to a municipality, found by probing first messages in Dutch and English: "ik zoek werk",
 * "ik moet inburgeren", "hoe vraag ik een vergunning aan voor een dakkapel" got "Sorry, dat begrijp ik niet
 * goed"; "kan ik subsidie krijgen voor zonnepanelen" got when a benefit is paid; "ik ben ontslagen, moet ik dat
 * doorgeven voor mijn bijstand" got how to report a new address.
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

describe('applying for a permit, integration, subsidies, naturalisation', () => {
  it('how to apply for a building permit is the permit check, where one also applies; a status stays a status', async () => {
    for (const text of ['hoe vraag ik een vergunning aan voor een dakkapel', 'omgevingsvergunning aanvragen', 'ik wil een vergunning aanvragen voor de verbouwing van mijn huis', 'hoe vraag ik een vergunning aan voor een carport']) {
      expect({ text, said: await asked(text) }).toEqual({ text, said: expect.stringMatching(/^Of u een vergunning nodig heeft, ziet u met de Vergunningcheck op www\.omgevingsloket\.nl\..*Daar vraagt u de vergunning ook aan/) });
    }
    expect(await asked('where do i apply for a building permit')).toMatch(/^Whether you need a permit, you can see with the permit check/);
    expect(await asked('wanneer krijg ik mijn bouwvergunning')).toMatch(/zaaknummer/);
  });

  it('integration: DUO\'s letter, then the municipality\'s talk and plan', async () => {
    expect(await asked('ik moet inburgeren, waar moet ik beginnen')).toMatch(/^Moet u inburgeren\? Dan krijgt u eerst een brief van DUO\..*gemeente.*www\.inburgeren\.nl/);
    expect(await asked('i have to do the civic integration, how does it work')).toMatch(/^Do you have to integrate \(inburgeren\)\?.*DUO/);
    expect(await asked('hoe staat het met mijn inburgering')).toMatch(/zaaknummer/);
    // "how does it work" after the topic asks about the topic, not about this chat; alone it still does.
    expect(await asked('how does it work')).toMatch(/^This is the chat of Gemeente Voorbeeld/);
  });

  it('a subsidy: where the municipality\'s are, and the national ones for energy; its money not come is a payment', async () => {
    expect(await asked('kan ik subsidie krijgen voor zonnepanelen')).toMatch(/^Welke subsidies de gemeente geeft.*www\.voorbeeld\.nl\/subsidie.*www\.verbeterjehuis\.nl/);
    expect(await asked('is there a grant for insulation')).toMatch(/^Which subsidies the municipality gives/);
    expect(await asked('de subsidie is nog niet betaald')).not.toMatch(/Welke subsidies/);
    expect(await asked('hoe staat het met mijn subsidieaanvraag')).toMatch(/zaaknummer/);
  });

  it('becoming Dutch is applied for at the municipality', async () => {
    expect(await asked('hoe word ik nederlander')).toMatch(/Wilt u Nederlander worden \(naturalisatie\)\? Dat vraagt u wel aan bij de gemeente/);
  });
});

describe('a first driving licence, a crime to report, noisy neighbours in English', () => {
  it('a first licence: the tests at the CBR, then the desk; a lost one stays the licence\'s answer', async () => {
    expect(await asked('ik ben geslaagd voor mijn rijexamen, wat nu')).toMatch(/^Een rijbewijs halen doet u bij het CBR.*Bent u geslaagd\? Dan vraagt u het rijbewijs aan bij de balie/);
    expect(await asked('i want to get my driving licence, where do i start')).toMatch(/^You get a driving licence by passing the tests at the CBR/);
    expect(await asked('ik ben mijn scooter rijbewijs kwijt')).toMatch(/^Een nieuw rijbewijs vraagt u aan bij de balie/);
  });

  it('a crime: the police, Meld Misdaad Anoniem, 112 in danger', async () => {
    expect(await asked('mijn buurman heeft een hennepplantage')).toMatch(/^Denkt u dat er een misdrijf gebeurt.*0900-8844.*Meld Misdaad Anoniem op 0800-7000.*112/);
    expect(await asked('i think my neighbour is dealing drugs')).toMatch(/^Do you think a crime is going on.*0800-7000/);
  });

  it('"my neighbour is very noisy at night" is about the neighbours', async () => {
    expect(await asked('my neighbour is very noisy at night')).toMatch(/^Are your neighbours bothering you\?/);
  });
});

describe('the tourist tax, registering a business, an interpreter', () => {
  it('the tourist tax: who pays it, who collects it, where the rate is; not when a benefit is paid', async () => {
    expect(await asked('how much is the tourist tax')).toMatch(/^Tourist tax is paid by whoever stays the night here.*www\.voorbeeld\.nl\/belastingen/);
    expect(await asked('hoeveel is de toeristenbelasting')).toMatch(/^Toeristenbelasting betaalt wie hier overnacht/);
  });

  it('a business is registered at the KvK, with a word for whoever gets bijstand', async () => {
    expect(await asked('how do i register my company')).toMatch(/^You register a business at the Chamber of Commerce \(KvK\)/);
    expect(await asked('ik wil een eigen bedrijf beginnen naast mijn bijstand')).toMatch(/^Een bedrijf schrijft u in bij de Kamer van Koophandel.*klantmanager/);
  });

  it('an interpreter at the appointment: say so when making it; in Dutch, needing one still goes to a person', async () => {
    expect(await asked('i need a translator for my appointment')).toMatch(/^Do you need an interpreter at your appointment\? Say so when you make the appointment/);
    expect(await asked('ik spreek geen nederlands, ik heb een tolk nodig')).toMatch(/Een medewerker legt het u graag rustig uit/);
  });
});
