/**
 * Follow-ups found wrong by talking to the demo (helper fl): "waar is dat?" after the town hall's address got the whole
 * answer again; how long the bijstand lasts got the status again; a fine for reporting a move late (a condition after the
 * question) got the parking fine; volunteer work and saving after a bijstand status were not answered; duties after a parking permit's
 * status got the bijstand's duties; the GP after the move got the sentence on reporting early; reporting a theft was not understood (it is for the police).
 */
import { describe, expect, it } from 'vitest';
import type { Loket } from '../../src/server/loket.ts';
import { saidAfter } from '../support/loket.ts';
import { eachSaidAfter } from '../support/said-after.ts';
import { useLoket } from '../support/use-loket.ts';

let loket: Loket;
useLoket((started) => (loket = started));

const BENEFIT = 'Z-2026-000456 5678 CD 01-07-1992'; // bijstand, granted
const PARKING = 'Z-2026-000124 1234 AB 15-03-1980'; // parking permit, granted
const CRISIS = /113/;
const STATUS = /^(Uw zaak|Your case) Z-2026/;

/** Each message, said right after `before`, gets a reply matching `said`. */
const eachAfter = (before: readonly string[], asked: readonly string[], said: RegExp, notSaid?: RegExp): Promise<void> => eachSaidAfter(loket, before, asked, said, notSaid);

describe('where is that, right after the town hall', () => {
  it('the address sentence alone, not the whole answer and a person offered', async () => {
    await eachAfter(['waar is het gemeentehuis?'], ['waar is dat?', 'wat is het adres?'], /Het gemeentehuis staat op Voorbeeldplein 1, 1234 AA Voorbeeld\./, /De balie is open|Zal ik een medewerker vragen/);
    await eachAfter(['where is the town hall?'], ['where is that?'], /The town hall is at Voorbeeldplein 1, 1234 AA Voorbeeld\./, /The desk is open|Shall I ask a staff member/);
  });
  it('a crisis beside it keeps its crisis line', async () => {
    expect(await saidAfter(loket, ['waar is het gemeentehuis?'], 'waar is dat? ik wil dood')).toMatch(CRISIS);
  });
});

describe('after a bijstand status', () => {
  it('how long the bijstand lasts: no fixed end date, not the status again', async () => {
    await eachAfter([BENEFIT], ['hoe lang duurt de bijstand', 'hoelang duurt mijn uitkering nog?'], /^Bijstand heeft geen vaste einddatum\./, STATUS);
    await eachAfter([BENEFIT], ['how long does my benefit last'], /^Social assistance has no fixed end date\./, STATUS);
  });
  it('volunteer work: allowed, with the permission of the municipality', async () => {
    await eachAfter([BENEFIT], ['mag ik vrijwilligerswerk doen?', 'mag ik vrijwilligers werk doen'], /^Ja, vrijwilligerswerk mag als u bijstand krijgt\. Vraag wel eerst toestemming/);
    await eachAfter([BENEFIT], ['can i do volunteer work?'], /^Yes, volunteer work is allowed when you get social assistance\. But first ask the municipality for permission\./);
  });
  it('saving money: what one owns counts (the asset limit), not "Dat kan ik niet beantwoorden"', async () => {
    await eachAfter([BENEFIT], ['mag ik geld sparen', 'mag ik sparen?'], /^Voor de bijstand kijken we ook naar wat u bezit, zoals spaargeld/);
    await eachAfter([BENEFIT], ['can i save money?'], /^For social assistance we also look at what you own, such as savings/);
  });
  it('a crisis beside it keeps its crisis line', async () => {
    expect(await saidAfter(loket, [BENEFIT], 'mag ik sparen? ik wil dood')).toMatch(CRISIS);
    expect(await saidAfter(loket, [BENEFIT], 'hoe lang duurt de bijstand? ik wil dood')).toMatch(CRISIS);
    expect(await saidAfter(loket, [BENEFIT], 'mag ik vrijwilligerswerk doen? i want to die')).toMatch(CRISIS);
  });
});

describe('after a parking permit status', () => {
  it('my duties: the permit\'s rules, not the bijstand\'s duties', async () => {
    await eachAfter([PARKING], ['wat zijn mijn plichten', 'waar moet ik me aan houden'], /^Met uw parkeervergunning parkeert u alleen in het vergunninggebied/, /bijstand/);
    await eachAfter([PARKING], ['what are my obligations?'], /^With your parking permit you only park in the permit zone/, /social assistance/);
    // After a bijstand status they stay the bijstand's.
    await eachAfter([BENEFIT], ['wat zijn mijn plichten'], /^Krijgt u bijstand\? Dan heeft u ook plichten\./);
  });
  it('a crisis beside it keeps its crisis line', async () => {
    expect(await saidAfter(loket, [PARKING], 'wat zijn mijn plichten? ik wil dood')).toMatch(CRISIS);
  });
});

describe('a fine for reporting the move late, with the condition after the question', () => {
  it('the move\'s fine, not the parking fine', async () => {
    await eachAfter(['ik ga verhuizen'], ['krijg ik een boete als ik het te laat doorgeef?'], /Dan kan de gemeente u een boete geven, van hoogstens 325 euro\./, /parkeren|naheffingsaanslag/);
    await eachAfter(['i am moving'], ['will i get a fine if i report it too late?'], /the municipality can give you a fine, of at most 325 euros\./, /parking/);
  });
  it('a crisis beside it keeps its crisis line', async () => {
    expect(await saidAfter(loket, ['ik ga verhuizen'], 'krijg ik een boete als ik het te laat doorgeef? ik wil dood')).toMatch(CRISIS);
  });
});

describe('whom to tell oneself, right after the move', () => {
  it('the GP, an employer: yourself (the BRP reaches only government bodies), not the sentence on reporting early', async () => {
    await eachAfter(['ik ga verhuizen'], ['moet ik m ook bij de huisarts doorgeven', 'en mijn werkgever?'], /^Ja, dat doet u zelf\. Uw huisarts, tandarts, werkgever/, /eerder doorgeven/);
    await eachAfter(['ik ga verhuizen'], ['do i need to tell my gp'], /^Yes, you do that yourself\. Your GP/);
    // The tax office still gets it by itself.
    await eachAfter(['ik ga verhuizen'], ['moet ik het ook aan de belastingdienst doorgeven'], /^Nee\. Instanties van de overheid/);
  });
  it('a crisis beside it keeps its crisis line', async () => {
    expect(await saidAfter(loket, ['ik ga verhuizen'], 'moet ik het aan de huisarts doorgeven? ik wil dood')).toMatch(CRISIS);
  });
});

describe('reporting a theft', () => {
  it('is for the police, not "not understood"; a stolen passport and a birth stay theirs', async () => {
    await eachAfter([], ['ik wil aangifte doen van diefstal'], /^Aangifte van diefstal of een ander misdrijf doet u bij de politie, niet bij de gemeente\. Dat kan online op www\.politie\.nl of via 0900-8844\./);
    await eachAfter([], ['i want to report a theft'], /^You report a theft or another crime to the police, not to the municipality\./);
    await eachAfter([], ['ik wil aangifte doen van de geboorte van mijn zoon'], /geboorte/, /politie/);
  });
  it('a crisis beside it keeps its crisis line', async () => {
    expect(await saidAfter(loket, [], 'ik wil aangifte doen van diefstal, ik wil dood')).toMatch(CRISIS);
  });
});
