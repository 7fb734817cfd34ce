/**
 * Follow-ups found wrong: English two-word follow-ups after a Dutch status ("who decides") got Dutch; "ook 's avonds?"
 * right after the opening hours got the whole answer again with the offer of a person; "and how much?" right after the
 * hours got the amount of social assistance; "passport?" right after the move got the question for a case number; "for
 * a passport" right after making an appointment got that answer again.
 * Each with variants of my own, and a crisis said beside it.
 */
import { describe, expect, it } from 'vitest';
import { fixedClock } from '../../src/clock.ts';
import type { Loket } from '../../src/server/loket.ts';
import { OPEN_TUESDAY, saidAfter, startLoket } from '../support/loket.ts';
import { eachSaidAfter } from '../support/said-after.ts';
import { useLoket } from '../support/use-loket.ts';

let loket: Loket;
useLoket((started) => (loket = started));

const DORMER_FACTS = 'Z-2026-000123 1234 AB 15-03-1980';
const CRISIS = /113/;
const eachAfter = (before: readonly string[], asked: readonly string[], said: RegExp, notSaid?: RegExp): Promise<void> => eachSaidAfter(loket, before, asked, said, notSaid);

describe('two English words after a Dutch status', () => {
  it('switch to English', async () => {
    await eachAfter([DORMER_FACTS], ['who decides', 'who decides?'], /^The municipality decides on your application/);
    await eachAfter([DORMER_FACTS], ['when exactly', 'when exactly?'], /^Your case Z-2026-000123 says \(in Dutch\): "Besluit uiterlijk 15 januari 2027\."/);
  });

  it('but not two words Dutch writers use too', async () => {
    await eachAfter([DORMER_FACTS], ['ok what?', 'sorry wat?', 'ok thanks'], /\b(de|het|u|uw)\b/);
  });

  it('a crisis beside them keeps its crisis line', async () => {
    expect(await saidAfter(loket, [DORMER_FACTS], 'who decides? i want to die')).toMatch(CRISIS);
  });
});

const EVENING_NL = ['ook s avonds?', "ook 's avonds?", 'ook in de avond?', "en 's avonds?"];
const EVENING_EN = ['in the evening too?', 'also in the evening?', 'and in the evenings?'];
const SAME = /Staat uw vraag hier niet in|Is your question not answered here|Voorbeeldplein 1/;

describe('the evening right after the opening hours, no day named (open day and night)', () => {
  it('one calls in the evening too, and the desk is closed then', async () => {
    await eachAfter(['openingstijden'], EVENING_NL, /^U kunt ons bellen op 14 0123, ook 's avonds: dag en nacht\. 's Avonds is de balie dicht\. De balie is open van maandag tot en met vrijdag van 8\.30 tot 17\.00 uur\.$/, SAME);
    await eachAfter(['opening hours'], EVENING_EN, /^You can call us on 14 0123 in the evening too: day and night\. The desk is closed in the evening\. It is open Monday to Friday from 8:30 to 17:00\.$/, SAME);
  });

  it('an evening said in a longer question that is not about the hours is left alone', async () => {
    expect(await saidAfter(loket, ['openingstijden'], "ik werk 's avonds, kan ik mijn paspoort dan ophalen?")).not.toMatch(/ook 's avonds: dag en nacht/);
  });

  it('a crisis beside it keeps its crisis line', async () => {
    expect(await saidAfter(loket, ['openingstijden'], "ook 's avonds? ik wil niet meer leven")).toMatch(CRISIS);
  });
});

describe('the evening right after the opening hours, with set hours', () => {
  it('closed in the evening, and when one can call', async () => {
    const set = await startLoket({ LOKET_OFFICE_HOURS: 'mon-fri 08:30-17:00' }, { clock: fixedClock(OPEN_TUESDAY) });
    try {
      await eachSaidAfter(set, ['openingstijden'], EVENING_NL, /^'s Avonds zijn we dicht\. U kunt ons bellen op 14 0123, van maandag tot en met vrijdag van 8\.30 tot 17\.00 uur\. De balie is dan ook dicht\.$/, SAME);
      await eachSaidAfter(set, ['opening hours'], EVENING_EN, /^We are closed in the evening\. You can call us on 14 0123, Monday to Friday from 8:30 to 17:00\. The desk is closed then too\.$/, SAME);
    } finally {
      await set.close();
    }
  });
});

describe('"and how much?" right after the opening hours', () => {
  it('is no amount of a benefit: what is meant is asked', async () => {
    await eachAfter(['opening hours'], ['and how much?', 'how much?'], /is in my answer above/, /social assistance|decision letter/);
    await eachAfter(['openingstijden'], ['en hoeveel?', 'hoeveel?'], /staat in mijn antwoord hierboven/, /bijstand|besluit/);
  });

  it('a crisis beside it keeps its crisis line', async () => {
    expect(await saidAfter(loket, ['opening hours'], 'and how much? i want to kill myself')).toMatch(CRISIS);
  });
});

describe('a topic named bare right after another answer', () => {
  it('"passport?" right after the move: the passport, not a case number', async () => {
    await eachAfter(['i am moving house'], ['passport?', 'a passport?'], /passport/i, /case number/);
    await eachAfter(['ik ga verhuizen'], ['paspoort?', 'een paspoort?'], /paspoort/i, /zaaknummer/);
  });

  it('a crisis beside it keeps its crisis line', async () => {
    expect(await saidAfter(loket, ['i am moving house'], 'passport? i want to end my life')).toMatch(CRISIS);
  });
});

describe('what an appointment is for, right after the answer on making one', () => {
  it('"for a passport": applying for one (the appointment at the desk, what to bring), not the same answer again', async () => {
    await eachAfter(['i want to make an appointment'], ['for a passport', 'for my passport', 'for a driving licence'], /^You apply for a passport, ID card or driving licence at the desk/);
    await eachAfter(['ik wil een afspraak maken'], ['voor een paspoort', 'voor mijn rijbewijs', 'het is voor mijn paspoort'], /^Een paspoort, ID-kaart of rijbewijs vraagt u aan bij de balie/);
  });

  it('right after moving an appointment, whose answer names no thing, that answer still holds for it', async () => {
    await eachAfter(['ik wil mijn afspraak verzetten'], ['voor het paspoort'], /^Wilt u uw afspraak verzetten of afzeggen\?/);
  });

  it('a crisis beside it keeps its crisis line', async () => {
    expect(await saidAfter(loket, ['i want to make an appointment'], 'for a passport. i want to die')).toMatch(CRISIS);
  });
});

describe('parking right after the town hall\'s address', () => {
  it('is parking there, which that answer says where to find, not a parking permit', async () => {
    await eachAfter(['waar is het gemeentehuis'], ['kan ik parkeren?', 'kan ik daar parkeren'], /waar u kunt parkeren, staat op www\.voorbeeld\.nl\/contact/, /parkeervergunning/);
    await eachAfter(['where is the town hall?'], ['can i park?', 'can i park there?'], /where to park, is on www\.voorbeeld\.nl\/contact/, /parking permit/);
  });

  it('a crisis beside it keeps its crisis line', async () => {
    expect(await saidAfter(loket, ['waar is het gemeentehuis'], 'kan ik parkeren? ik wil niet meer leven')).toMatch(CRISIS);
  });
});
