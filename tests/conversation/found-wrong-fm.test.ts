/**
 * Found wrong by talking to the demo as citizens who write with difficulty or with worries (helper fm): an everyday
 * worry ("ik maak me zorgen", "ik ben bang dat ik te laat ben") got "Sorry, dat begrijp ik niet goed", in English with
 * the crisis check-in; being late with the objection or the papers, said with a word between, got the general answer;
 * "ik ben 82 en weet niet hoe dit werkt" was not understood. A crisis said beside it keeps its crisis line.
 */
import { describe, expect, it } from 'vitest';
import type { Loket } from '../../src/server/loket.ts';
import { saidAfter } from '../support/loket.ts';
import { eachSaidAfter } from '../support/said-after.ts';
import { useLoket } from '../support/use-loket.ts';

let loket: Loket;
useLoket((started) => (loket = started));

const CRISIS = /113/;
const NOT_UNDERSTOOD = /begrijp ik niet goed|did not understand/;

/** Each message, said right after `before`, gets a reply matching `said`. */
const eachAfter = (before: readonly string[], asked: readonly string[], said: RegExp, notSaid?: RegExp): Promise<void> => eachSaidAfter(loket, before, asked, said, notSaid);

describe('an everyday worry: kind, what it is about, no crisis line', () => {
  it('worried: what it is about and a person if they like, not "I do not understand"', async () => {
    await eachAfter([], ['ik maak me zorgen', 'ik maak me zo zorgen', 'ik slaap er niet van'], /^Wat vervelend dat u zich zorgen maakt\.[^]*Waar gaat het over\?(?![^]*113)/, NOT_UNDERSTOOD);
    await eachAfter([], ['i worry alot', 'im so worried'], /^I am sorry you are worried\.[^]*What is it about\?(?![^]*113)/, NOT_UNDERSTOOD);
  });

  it('afraid to be late: often it can be put right, call before the date, and with what', async () => {
    await eachAfter([], ['ik ben bang dat ik te laat ben', 'ik ben bang dat ik te laat ben?'], /^Bent u bang dat u te laat bent\? Vaak is dat nog op te lossen\.(?![^]*113)/, NOT_UNDERSTOOD);
    // In English the learned model leaned to a crisis on "scared": the check-in with the crisis line came after it.
    await eachAfter([], ['i am scared i am to late', 'am i too late?'], /^Are you afraid you are too late\? Often it can still be put right\.(?![^]*113)/, NOT_UNDERSTOOD);
  });

  it('late with the objection or the papers, with words between: that answer, not the general one', async () => {
    await eachAfter([], ['ik ben bang dat ik te laat ben met mijn bezwaar'], /^U heeft 6 weken na de datum van de brief\. Zijn die voorbij\? Stuur uw bezwaar dan toch\./);
    await eachAfter([], ['im afraid im too late with the objection'], /^You have 6 weeks from the date of the letter\. Are they over\?/);
    await eachAfter([], ['ik ben te laat met de papieren', 'ik ben te laat met mijn stukken'], /^Vragen wij u om papieren\? Dan staat in die brief vóór welke datum/);
    await eachAfter([], ['i am late with my documents'], /^Do we ask you for documents\? Then that letter says by which date/);
  });

  it('a crisis beside it keeps its crisis line', async () => {
    expect(await saidAfter(loket, [], 'ik maak me zorgen ik wil dood')).toMatch(CRISIS);
    expect(await saidAfter(loket, [], 'i am scared i am to late i want to die')).toMatch(CRISIS);
    expect(await saidAfter(loket, [], 'ik ben bang dat ik te laat ben met mijn bezwaar ik wil niet meer leven')).toMatch(CRISIS);
  });
});

describe('not knowing how the chat works', () => {
  it('said with a clause before it: what this chat is, not "I do not understand"', async () => {
    await eachAfter([], ['ik ben 82 en weet niet hoe dit werkt', 'ik weet niet hoe dit werkt'], /^Dit is de chat van Gemeente Voorbeeld\. Ik ben een computerprogramma, geen mens\./);
    await eachAfter([], ['i dont know how this works', "i'm old and i don't know how this works"], /^This is the chat of Gemeente Voorbeeld\. I am a computer program, not a person\./);
  });

  it('a crisis beside it keeps its crisis line', async () => {
    expect(await saidAfter(loket, [], 'ik weet niet hoe dit werkt ik wil dood')).toMatch(CRISIS);
    expect(await saidAfter(loket, [], 'i dont know how this works i want to die')).toMatch(CRISIS);
  });
});

describe('after a status, asked as it sounds', () => {
  const STATUS = 'Z-2026-000123 1234 AB 15-03-1980'; // dakkapel, in progress
  const BENEFIT = 'Z-2026-000456 5678 CD 01-07-1992'; // bijstand, granted
  it('"wat betekend dat", "wat mot ik doen", "wanneer krijk ik een brief": the status in plain words, not payments or "Sorry"', async () => {
    await eachAfter([STATUS], ['wat betekend dat', 'wat mot ik doen', 'wanneer krijk ik een brief'], /^Dat betekent: uw aanvraag is nog niet klaar\./);
    await eachAfter([STATUS], ['what mean this', 'what this mean?'], /^This means: your application is not finished yet\./);
    await eachAfter([BENEFIT], ['what this mean'], /^This means: you get what you applied for\./);
  });

  it('"wat betekend dat" to a mismatch: why the check, as "wat betekent dat" gets', async () => {
    await eachAfter(['Z-2026-000123', '1234 AB 01-01-1990'], ['wat betekend dat'], /^Ik laat de stand van een zaak pas zien als/);
  });

  it('a crisis beside it keeps its crisis line', async () => {
    expect(await saidAfter(loket, [STATUS], 'wat betekend dat ik wil dood')).toMatch(CRISIS);
    expect(await saidAfter(loket, [STATUS], 'what this mean i want to die')).toMatch(CRISIS);
  });
});

describe('follow-ups written as they sound, or unsure of the chat', () => {
  it('"wanneer krijg ik dat" / "wanneer krijk ik dat" / "when i get it" after when benefits are paid: that sentence, not the whole answer again', async () => {
    await eachAfter(['wanneer krijg ik mijn uitkering'], ['wanneer krijg ik dat', 'wanneer krijk ik dat'], /^In mijn antwoord staat: Een uitkering betalen we meestal rond de 1e van de maand\./, /Staat uw vraag hier niet in/);
    await eachAfter(['when do i get my benefit'], ['when i get it', 'when will i get that?'], /^My answer says: We usually pay benefits around the 1st of the month\./);
  });

  it('"is daar iemand?", "anybody there?" after hello: honestly a computer program, and how to reach a person', async () => {
    await eachAfter(['hallo'], ['is daar iemand', 'is er iemand?', 'zit daar wel iemand?'], /^Ik ben de digitale assistent van Gemeente Voorbeeld\. Ik ben een computerprogramma, geen mens\./);
    await eachAfter(['hello'], ['anybody there?', 'is anyone there'], /^I am the digital assistant of Gemeente Voorbeeld\. I am a computer program, not a person\./);
  });

  it('a crisis beside it keeps its crisis line', async () => {
    expect(await saidAfter(loket, ['wanneer krijg ik mijn uitkering'], 'wanneer krijg ik dat ik wil dood')).toMatch(CRISIS);
    expect(await saidAfter(loket, ['hello'], 'is anyone there i want to die')).toMatch(CRISIS);
    expect(await saidAfter(loket, ['hallo'], 'is daar iemand ik wil niet meer leven')).toMatch(CRISIS);
  });
});

describe('the case number is not on the letter', () => {
  const OFFER = /^Zonder zaaknummer kan ik uw zaak niet opzoeken\. Een medewerker kan dat wel\. Zal ik een medewerker vragen\?/;
  it('"het staat er niet op" to the question for the number: a person to look it up, not the crisis reply', async () => {
    // Got the full crisis reply (113 and a handoff): the learned model read despair in "staat er niet".
    await eachAfter(['hoe staat het met mijn aanvraag'], ['het staat er niet op', 'die staat er niet op', 'staat niet op de brief'], OFFER, CRISIS);
    await eachAfter(['wat is een zaaknummer'], ['het staat er niet op', 'staat niet op de brief'], OFFER, CRISIS);
    await eachAfter(['where is my case number'], ["its not on there", "it's not on the letter"], /^Without the case number I cannot look up your case\. A staff member can\./);
  });

  it('a crisis beside it keeps its crisis line', async () => {
    expect(await saidAfter(loket, ['hoe staat het met mijn aanvraag'], 'het staat er niet op ik wil dood')).toMatch(CRISIS);
    expect(await saidAfter(loket, ['where is my case number'], "its not on there i want to die")).toMatch(CRISIS);
  });
});

describe('not knowing a fact by heart', () => {
  const ASKED = ['hoe staat het met mijn aanvraag', 'Z-2026-000123'];
  it('"weet ik niet uit mijn hoofd" to the question for postcode and birth date: where it is and a person, no check-in with the crisis line', async () => {
    await eachAfter(ASKED, ['weet ik niet uit mijn hoofd', 'dat weet ik niet uit mijn hoofd'], /^Geen probleem\. De postcode staat op de brief over de aanvraag(?![^]*113)/);
  });

  it('"weet ik niet meer uit mijn hoofd" keeps its check-in once; a crisis beside it keeps its crisis line', async () => {
    expect(await saidAfter(loket, ASKED, 'weet ik niet meer uit mijn hoofd')).toMatch(CRISIS);
    expect(await saidAfter(loket, ASKED, 'weet ik niet uit mijn hoofd ik wil dood')).toMatch(CRISIS);
  });
});

describe('what the worry is about', () => {
  it('"over een brief", "about a letter" right after the worry: what the letter is about, not "what I know is above"', async () => {
    await eachAfter(['ik maak me zorgen'], ['over een brief', 'het gaat over een brief'], /^Waar gaat de brief over\? Schrijf het in een paar woorden\./, /hierboven/);
    await eachAfter(['i am worried'], ['about a letter', "it's about a letter"], /^What is the letter about\? Tell me in a few words\./, /above/);
  });

  it('a crisis beside it keeps its crisis line', async () => {
    expect(await saidAfter(loket, ['ik maak me zorgen'], 'over een brief ik wil dood')).toMatch(CRISIS);
    expect(await saidAfter(loket, ['i am worried'], 'about a letter i want to die')).toMatch(CRISIS);
  });
});

describe('help filling in a form, said plainly', () => {
  it('"ik heb hulp nodig met invullen", "i need help with filling in the form": a person can, the chat cannot', async () => {
    await eachAfter([], ['ik heb hulp nodig met invullen van formulier ik zie slecht', 'ik heb hulp nodig met het invullen'], /^Een formulier samen invullen kan ik in deze chat niet\./);
    await eachAfter([], ['i need help with filling in the form'], /^I cannot fill in a form together with you in this chat\./);
  });

  it('a crisis beside it keeps its crisis line', async () => {
    expect(await saidAfter(loket, [], 'ik heb hulp nodig met invullen van het formulier ik wil dood')).toMatch(CRISIS);
    expect(await saidAfter(loket, [], 'i need help with filling in the form i want to die')).toMatch(CRISIS);
  });
});
