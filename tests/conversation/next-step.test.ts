/**
 * "en dan?", "en daarna?", "and then?" right after an answer, through a real Loket with the real
 * recognizer: the next step the answer's `next_step` gives (after applying for an ID card, when it is
 * collected; after asking remission, the letter with the decision; after the WOZ value or an objection to
 * it, what we do), not "Wat ik erover weet, staat in mijn antwoord hierboven".
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Loket } from '../../src/server/loket.ts';
import { saidAlready, say, startLoket } from '../support/loket.ts';

let loket: Loket;
beforeAll(async () => {
  loket = await startLoket();
});
afterAll(async () => {
  await loket.close();
});

const after = async (before: string, asked: string) => (await say(loket, await saidAlready(loket, before), asked)).join(' ');

describe('"en dan?" right after an answer gets its next step', () => {
  it('after the ID card, remission and WOZ answers, in Dutch and English', async () => {
    for (const [before, asked, next] of [
      ['hoe vraag ik een id-kaart aan', 'en dan?', /^Na de aanvraag wordt uw paspoort, ID-kaart of rijbewijs gemaakt\. Ongeveer 5 werkdagen later is het klaar\. Dan haalt u het op bij de balie/],
      ['hoe vraag ik een id-kaart aan', 'wat gebeurt er daarna?', /^Na de aanvraag wordt uw paspoort, ID-kaart of rijbewijs gemaakt\./],
      ['how do I apply for an ID card', 'and then?', /^After you apply, your passport, ID card or driving licence is made\. It is ready about 5 working days later\./],
      ['hoe vraag ik kwijtschelding aan', 'en daarna?', /^Na uw aanvraag kijken wij naar uw inkomen.*Binnen 8 weken krijgt u een brief met ons besluit\./],
      ['hoe vraag ik kwijtschelding aan', 'en dan?', /^Na uw aanvraag kijken wij naar uw inkomen/],
      ['wat is de woz-waarde?', 'en dan?', /^Vindt u de WOZ-waarde goed\? Dan hoeft u niets te doen\. Maakt u bezwaar\? Dan kijken wij opnieuw naar de waarde van uw huis\./],
      ['hoe maak ik bezwaar tegen de woz', 'en dan?', /^Na uw bezwaar kijken wij opnieuw naar de waarde van uw huis\./],
      ['ik wil mijn rijbewijs verlengen', 'ok en daarna?', /^Na de aanvraag wordt uw nieuwe rijbewijs gemaakt\./],
    ] as const) {
      const replies = await after(before, asked);
      expect({ before, asked, replies }).toEqual({ before, asked, replies: expect.stringMatching(next) });
      expect(replies).not.toMatch(/hierboven|above/);
    }
  });

  it('after the fees of a passport: the passport\'s next step (the same topic elsewhere)', async () => {
    expect(await after('wat kost een paspoort', 'en dan?')).toMatch(/^Na de aanvraag wordt uw paspoort, ID-kaart of rijbewijs gemaakt\./);
  });

  it('asks no "gaat het goed met u?" when the next step answers "en daarna?"', async () => {
    const replies = await say(loket, await saidAlready(loket, 'hoe vraag ik kwijtschelding aan'), 'en daarna?');
    expect(replies).toEqual([expect.stringMatching(/^Na uw aanvraag kijken wij/)]);
  });

  it('keeps the answer before it as what is talked about: "waarom?" after it is that answer\'s rule', async () => {
    const id = await saidAlready(loket, 'hoe vraag ik een id-kaart aan', 'en dan?');
    expect((await say(loket, id, 'waarom?')).join(' ')).toContain('vaste informatie van Gemeente Voorbeeld over paspoorten');
  });

  it('with no next step in the dialogs: the answer\'s own sentence on when, else plainly none known and a person', async () => {
    expect(await after('hoe vraag ik een uittreksel aan', 'en dan?')).toMatch(/^In mijn antwoord staat: U krijgt het binnen 5 werkdagen per post\. .*medewerker/);
    const none = await after('wat zijn jullie openingstijden', 'en dan?');
    expect(none).toMatch(/^Een volgende stap na dit antwoord ken ik niet\..*Typ dan: medewerker\. Of bel 14 0123\./);
  });

  it('leaves a question about the answer to what it asks', async () => {
    expect(await after('hoe vraag ik een id-kaart aan', 'en dan moet ik hem ophalen, wanneer is de balie open?')).not.toMatch(/^Na de aanvraag wordt/);
    expect(await after('hoe vraag ik een id-kaart aan', 'wat kost dat?')).toContain('Wat een paspoort, ID-kaart of rijbewijs kost');
  });
});
