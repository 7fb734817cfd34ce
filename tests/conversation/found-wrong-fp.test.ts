/**
 * Found wrong (helper fp), around the words explained (dialogs/glossary.yaml): "how do i make one?" right after DigiD was
 * explained got "Sorry, I did not understand that" (so did "hoe krijg ik die?" after the BSN, allowances, bijstand, and
 * "waar vind ik die?" after the BSN); "hoeveel krijg ik?" after huurtoeslag got the bijstand's amounts; "hoe doe ik dat?"
 * after the notice of default got how to change one's address; "how do i make a digid" got what DigiD is; "wat is de
 * gemeente" and "what is the brp" got the opening hours and the extract; "wat is een toeslag" and "wt is n bsn" got
 * "Sorry"; "how do i make one?" after the English passport got "in my answer above"; "hoe zit het met grofvuil" after the
 * waste answer got all of it again; "wat is leges", "wat is mijnoverheid", "wat is een zienswijze", "wat is een rni loket",
 * "wat is beroep" got "Sorry", "what is bijzondere bijstand" when benefits are paid; "ik heb geen bsn" right after DigiD
 * and "wats a bsn" got "Sorry". A crisis beside it keeps its crisis line.
 */
import { expect, it, describe } from 'vitest';
import type { Loket } from '../../src/server/loket.ts';
import { saidAfter } from '../support/loket.ts';
import { eachSaidAfter } from '../support/said-after.ts';
import { useLoket } from '../support/use-loket.ts';

let loket: Loket;
useLoket((started) => (loket = started));

const CRISIS = /113/;
const SORRY = /did not understand|begrijp ik niet|in my answer above|staat hierboven/i;

/** Each message, said right after `before`, gets a reply matching `said`. */
const eachAfter = (before: readonly string[], asked: readonly string[], said: RegExp, notSaid?: RegExp): Promise<void> => eachSaidAfter(loket, before, asked, said, notSaid);

describe('how to get it, right after a word was explained', () => {
  it('DigiD: www.digid.nl and the letter with the activation code', async () => {
    await eachAfter(['what is digid?'], ['how do i make one?', 'and where do I get it', 'how do i get it?', 'how can i apply for it'], /www\.digid\.nl[^]*letter with an activation code/, SORRY);
    await eachAfter(['wat is digid?'], ['hoe krijg ik die?', 'hoe vraag ik t aan', 'hoe maak ik die aan', 'waar vraag ik het aan?'], /www\.digid\.nl[^]*brief met een activeringscode/, SORRY);
  });

  it('the BSN, an allowance, bijstand, a machtiging, an extract: the answer on how to get that one', async () => {
    await eachAfter(['wat is een bsn'], ['hoe krijg ik die'], /Schrijf u dan in bij de gemeente/, SORRY);
    await eachAfter(['what is a bsn'], ['how do i get one?'], /register with the municipality/, SORRY);
    await eachAfter(['what is huurtoeslag'], ['how do i get it?'], /You apply for an allowance in Mijn toeslagen/, SORRY);
    await eachAfter(['wat is huurtoeslag'], ['hoe vraag ik die aan?'], /U vraagt een toeslag aan in Mijn toeslagen/, SORRY);
    await eachAfter(['wat is bijstand'], ['hoe vraag ik het aan'], /www\.werk\.nl/, SORRY);
    await eachAfter(['wat is een machtiging'], ['hoe regel ik dat?'], /^Wilt u dat iemand anders iets voor u regelt/, SORRY);
    await eachAfter(['what is an uittreksel'], ['where do i get one'], /^You apply for an extract/, /desk is open Monday/);
  });

  it('asked as people text it', async () => {
    await eachAfter(['wat is digid'], ['hoe kom ik eraan?', 'hoe krijg ik m', 'waar kan ik die aanvragen?', 'hoe kan ik die krijgen?'], /^Op www\.digid\.nl vraagt u DigiD aan/);
    await eachAfter(['what is digid'], ['how do i get 1', 'ok how do i get one pls'], /^You apply for DigiD on www\.digid\.nl/);
  });

  it('"waar vind ik die?" right after the BSN: where one\'s own is written', async () => {
    await eachAfter(['wat is een bsn'], ['waar vind ik die?', 'waar vind ik mijn?'], /^Uw burgerservicenummer \(BSN\) staat op uw Nederlandse paspoort/, SORRY);
    await eachAfter(['what is a bsn'], ['where do i find mine?', 'where can i find it'], /^Your citizen service number \(BSN\) is on your Dutch passport/, SORRY);
    expect(await saidAfter(loket, ['wat is een bsn'], 'waar vind ik die ik wil dood')).toMatch(CRISIS);
  });

  it('how much rent allowance: what it depends on and the trial calculation, not the bijstand\'s amounts', async () => {
    await eachAfter(['wat is huurtoeslag'], ['hoeveel krijg ik?', 'hoeveel krijg ik dan?'], /^Hoeveel huurtoeslag u krijgt, hangt af van uw huur[^]*proefberekening op www\.toeslagen\.nl/, /bijstand/);
    await eachAfter(['what is a toeslag'], ['how much do i get?'], /^How much allowance you get depends on your income[^]*www\.toeslagen\.nl/, /bijstand/);
  });

  it('"hoe doe ik dat?" after the notice of default: its sentences on sending it, not how to change one\'s address', async () => {
    await eachAfter(['wat is een ingebrekestelling'], ['hoe doe ik dat?'], /^In mijn antwoord staat: Stuur een brief of e-mail met uw naam, het zaaknummer/, /verhuizen|adres/);
    await eachAfter(['what is a notice of default'], ['how do i do that'], /^My answer says: Send a letter or email with your name/, SORRY);
  });

  it('"how do i get it?" after the dwangsom: the notice of default, after which it is owed', async () => {
    await eachAfter(['what is a dwangsom'], ['how do i get it?'], /^With an ingebrekestelling \(notice of default\) you tell the municipality/, SORRY);
    await eachAfter(['wat is een dwangsom'], ['hoe krijg ik die?'], /^Met een ingebrekestelling zegt u tegen de gemeente/, SORRY);
    expect(await saidAfter(loket, ['wat is een dwangsom'], 'hoe krijg ik die ik wil dood')).toMatch(CRISIS);
  });

  it('"ik heb geen bsn", "i dont have one" right after: how to get that', async () => {
    await eachAfter(['wat is digid'], ['ik heb geen bsn'], /^Komt u in Nederland wonen\? Schrijf u dan in bij de gemeente/, SORRY);
    await eachAfter(['what is digid'], ['i dont have a bsn'], /^Coming to live in the Netherlands\? Then register with the municipality/, SORRY);
    await eachAfter(['what is digid'], ["but i don't have one"], /^You apply for DigiD on www\.digid\.nl/, SORRY);
    await eachAfter(['wat is digid'], ['ik heb die niet'], /^Op www\.digid\.nl vraagt u DigiD aan/, SORRY);
    expect(await saidAfter(loket, ['wat is digid'], 'ik heb geen bsn ik wil dood')).toMatch(CRISIS);
  });

  it('a word explained without a way to get it keeps its answer ("staat hierboven" or the like), not another', async () => {
    expect(await saidAfter(loket, ['wat is de welstandscommissie'], 'hoe krijg ik die?')).not.toMatch(/www\.digid\.nl|Mijn toeslagen/);
  });

  it('a crisis beside it keeps its crisis line', async () => {
    expect(await saidAfter(loket, ['what is digid?'], 'how do i make one i want to die')).toMatch(CRISIS);
    expect(await saidAfter(loket, ['wat is digid?'], 'hoe krijg ik die ik wil dood')).toMatch(CRISIS);
  });
});

describe('how to make one, asked as the first message', () => {
  it('"how do i make a digid": how to apply, not what it is', async () => {
    await eachAfter([], ['how do i make a digid', 'how do i make a digid account?'], /^You apply for DigiD on www\.digid\.nl[^]*activation code/);
    await eachAfter([], ['hoe maak ik een digid aan', 'hoe maak ik een digid'], /^Op www\.digid\.nl vraagt u DigiD aan[^]*activeringscode/);
  });

  it('a crisis beside it keeps its crisis line', async () => {
    expect(await saidAfter(loket, [], 'how do i make a digid i want to die')).toMatch(CRISIS);
    expect(await saidAfter(loket, [], 'hoe maak ik een digid aan ik wil dood')).toMatch(CRISIS);
  });
});

describe('"wat is de gemeente", "what is the brp": a thing there is one of, with its article', () => {
  it('explained, not the opening hours nor the extract', async () => {
    await eachAfter([], ['wat is de gemeente', 'wat is de gemeente?'], /^De gemeente is het bestuur van uw stad of dorp/);
    await eachAfter([], ['what is the gemeente'], /^Gemeente means municipality/);
    await eachAfter([], ['wat is de brp'], /^De BRP \(Basisregistratie Personen\) is/);
    await eachAfter([], ['what is the brp?'], /^The BRP \(Basisregistratie Personen\) is/);
  });

  it('"hoe kom ik daar?" right after the gemeente: where the town hall is', async () => {
    await eachAfter(['wat is de gemeente'], ['hoe kom ik daar?', 'waar is dat?'], /^Het gemeentehuis staat op Voorbeeldplein 1/, SORRY);
    await eachAfter(['what is the gemeente'], ['where is it?', 'how do i get there'], /^The town hall is at Voorbeeldplein 1/, SORRY);
    expect(await saidAfter(loket, ['wat is de gemeente'], 'hoe kom ik daar ik wil dood')).toMatch(CRISIS);
  });

  it('"wat is het besluit?" still asks which decision', async () => {
    expect(await saidAfter(loket, [], 'wat is het besluit?')).not.toMatch(/^Een besluit \(of beschikking\) is/);
  });

  it('a crisis beside it keeps its crisis line', async () => {
    expect(await saidAfter(loket, [], 'wat is de gemeente ik wil dood')).toMatch(CRISIS);
  });
});

describe('words asked as people text them', () => {
  it('"wt is n bsn", "wat is een toeslag": explained', async () => {
    await eachAfter([], ['wt is n bsn', "wat is 'n bsn", 'wats a bsn'], /^(Het burgerservicenummer \(BSN\) is|The BSN \(burgerservicenummer)/);
    await eachAfter([], ['wat is een toeslag', 'wat zijn toeslagen'], /^Een toeslag is geld van de overheid/);
    await eachAfter([], ['what is a toeslag?'], /^A toeslag \(allowance\) is money from the government/);
  });

  it('a crisis beside it keeps its crisis line', async () => {
    expect(await saidAfter(loket, [], 'wt is n bsn ik wil dood')).toMatch(CRISIS);
  });
});

describe('words from letters and sites that got "Sorry" or when benefits are paid', () => {
  it('explained', async () => {
    await eachAfter([], ['wat is leges', 'wat zijn leges?'], /^Leges zijn de kosten die u aan de gemeente betaalt/);
    await eachAfter([], ['wat is mijnoverheid'], /^MijnOverheid is een website van de overheid: www\.mijnoverheid\.nl/);
    await eachAfter([], ['wat is een zienswijze'], /^Met een zienswijze zegt u wat u vindt van een plan van de gemeente/);
    await eachAfter([], ['wat is een rni loket', 'what is rni?'], /^RNI (betekent|means) Registratie Niet-Ingezetenen/);
    await eachAfter([], ['wat is beroep'], /^In beroep gaan betekent: u vraagt de rechter/);
    await eachAfter([], ['what is bijzondere bijstand'], /^Bijzondere bijstand \(special assistance\) is money from the municipality/);
  });

  it('and how to get it right after', async () => {
    await eachAfter(['what is bijzondere bijstand'], ['how do i apply for it'], /^Do you have high costs you cannot pay yourself/);
    await eachAfter(['wat is beroep'], ['hoe doe ik dat?'], /^Is uw bezwaar afgewezen\? Dan kunt u in beroep gaan bij de rechtbank/);
  });

  it('a crisis beside it keeps its crisis line', async () => {
    expect(await saidAfter(loket, [], 'wat is een zienswijze ik wil dood')).toMatch(CRISIS);
    expect(await saidAfter(loket, ['wat is beroep'], 'hoe doe ik dat ik wil dood')).toMatch(CRISIS);
  });
});

describe('"how do i make one?" right after the English passport answer', () => {
  it('its sentence on the appointment, as in Dutch', async () => {
    await eachAfter(['how do i apply for a passport?'], ['how do i make one?'], /^My answer says: First make an appointment on www\.voorbeeld\.nl or call 14 0123\./, SORRY);
  });

  it('a crisis beside it keeps its crisis line', async () => {
    expect(await saidAfter(loket, ['how do i apply for a passport?'], 'how do i make one i want to die')).toMatch(CRISIS);
  });
});

describe('"hoe zit het met grofvuil" right after the waste answer', () => {
  const WASTE = 'wat moet ik met mijn afval';
  it('its sentences on bulky waste, not the whole answer again', async () => {
    await eachAfter([WASTE], ['hoe zit het met grofvuil', 'en hoe zit het met grofvuil?'], /^In mijn antwoord staat: Wilt u grofvuil laten ophalen\? Maak een afspraak op www\.voorbeeld\.nl\/grofvuil/, /Over afval vindt u alles/);
  });

  it('a crisis beside it keeps its crisis line', async () => {
    expect(await saidAfter(loket, [WASTE], 'hoe zit het met grofvuil ik wil dood')).toMatch(CRISIS);
  });
});
