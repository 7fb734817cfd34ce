/**
 * Follow-ups right after an answer, found by probing: "mijn vriendin verhuist ook mee, moet zij apart?"
 * after the move got the whole answer again with the offer of a person; "kan ik met ideal betalen" after
 * an extract's fees got when a benefit is paid; "moet ik naar de politie" after a stolen passport got,
 * beside the sentence on reporting to the police, "u komt zelf naar de balie" (for its "naar"); "kan het ook
 * s avonds" after the answer on making an appointment got that answer again with the offer of a person.
 */
import { describe, expect, it } from 'vitest';
import type { Loket } from '../../src/server/loket.ts';
import { saidAfter } from '../support/loket.ts';
import { useLoket } from '../support/use-loket.ts';

let loket: Loket;
useLoket((started) => (loket = started));

describe('someone who moves along, right after the move', () => {
  it('is in the same report, with their own DigiD from 16', async () => {
    for (const asked of ['mijn vriendin verhuist ook mee, moet zij apart?', 'mijn man verhuist mee', 'de kinderen verhuizen ook mee']) {
      const said = await saidAfter(loket, ['ik ga verhuizen'], asked);
      expect({ asked, said }).toEqual({ asked, said: expect.stringMatching(/^Verhuist uw gezin mee\? Dan geeft u de verhuizing voor iedereen tegelijk door/) });
    }
    expect(await saidAfter(loket, ["I'm moving house"], 'my wife is moving too, does she have to do it separately?')).toMatch(/^Is your family moving with you\?/);
  });
});

describe('paying online, right after the fees', () => {
  it('quotes how the fees are paid, not when a benefit is paid', async () => {
    for (const asked of ['kan ik met ideal betalen', 'kan ik online betalen?']) {
      const said = await saidAfter(loket, ['ik wil een uittreksel uit de brp', 'wat kost dat'], asked);
      expect({ asked, said }).toEqual({ asked, said: expect.stringMatching(/^In mijn antwoord staat: .*U betaalt als u het aanvraagt, online of aan de balie\./) });
      expect(said).not.toMatch(/uitkering/);
    }
    // Asked in English first: the extract's fees (got when a benefit is paid), then how they are paid.
    expect(await saidAfter(loket, [], 'how much is an extract from the BRP')).toMatch(/^What an extract from the BRP costs/);
    expect(await saidAfter(loket, ['how much is an extract from the BRP'], 'can I pay with iDEAL')).toMatch(/^My answer says: You pay when you apply for it, online or at the desk\./);
  });
});

describe('a word as common as "naar" names no sentence of the answer', () => {
  it('"moet ik naar de politie" after a stolen passport: the sentence on the police alone', async () => {
    const said = await saidAfter(loket, ['wat moet ik doen als mijn paspoort gestolen is'], 'moet ik naar de politie');
    expect(said).toMatch(/^In mijn antwoord staat: In Nederland hoeft u geen aangifte te doen bij de politie\./);
    expect(said).not.toMatch(/Online aanvragen/);
  });
});

describe("the evening or the weekend, right after an answer that gives the hours", () => {
  it("quotes the phone's hours and the desk's, not the whole answer again", async () => {
    for (const asked of ['kan het ook s avonds', "kan het ook 's avonds?"]) {
      const said = await saidAfter(loket, ['kan ik een afspraak maken voor een paspoort'], asked);
      expect({ asked, said }).toEqual({ asked, said: expect.stringMatching(/^In mijn antwoord staat: Bellen kan ook: 14 0123, dag en nacht, elke dag\. De balie is open van maandag tot en met vrijdag van 8\.30 tot 17\.00 uur\. Wilt/) });
    }
    expect(await saidAfter(loket, ['can I make an appointment for a passport'], 'can I also come in the evening?')).toMatch(/^My answer says: .*Monday to Friday/);
    // A day named has its own answer: whether the desk is open that day.
    expect(await saidAfter(loket, ['kan ik een afspraak maken voor een paspoort'], 'kan ik op zaterdag komen?')).toMatch(/^Op zaterdag \d+ \w+ is de balie dicht\./);
  });
});

describe('a letter the citizen does not understand, or asks what to do with', () => {
  it('"ik heb een brief gekregen die ik niet snap" gets a person to explain it, as "ik snap de brief niet" does', async () => {
    for (const asked of ['ik heb een brief gekregen die ik niet snap', 'ik snap de brief niet']) {
      const said = await saidAfter(loket, [], asked);
      expect({ asked, said }).toEqual({ asked, said: expect.stringMatching(/^Ik wil dat u goed geholpen wordt\. Een medewerker legt het u graag rustig uit\./) });
    }
  });

  it('"wat moet ik met deze brief?" asks what the letter is about; not "Sorry, dat begrijp ik niet goed"', async () => {
    expect(await saidAfter(loket, [], 'wat moet ik met deze brief?')).toMatch(/^Waar gaat de brief over\?/);
    expect(await saidAfter(loket, [], 'what do I do with this letter')).toMatch(/^What is the letter about\?/);
  });
});
