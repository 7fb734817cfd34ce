/**
 * Follow-ups found wrong by talking to the demo (helper fh): after a bijstand status, working part time was read as the
 * opening hours, what to report as the papers, earning money as "do you mean papers?", and a friend moving in got only
 * that changes are reported; "deadline?" after the papers answer was explained as the decision term; coming oneself after
 * the move got half a sentence; someone else registering a birth got DigiD Machtigen; more time after objecting got the
 * opening hours; "what if i don't have it?" (with an apostrophe) after the papers answer got the check-in. With variants.
 */
import { describe, expect, it } from 'vitest';
import type { Loket } from '../../src/server/loket.ts';
import { saidAfter } from '../support/loket.ts';
import { eachSaidAfter } from '../support/said-after.ts';
import { useLoket } from '../support/use-loket.ts';

let loket: Loket;
useLoket((started) => (loket = started));

const BENEFIT = 'Z-2026-000456 5678 CD 01-07-1992'; // bijstand, granted
const CRISIS = /113/;
const HOURS = /Monday to Friday|maandag tot en met vrijdag/;
const PAPERS = /^Welke papieren u nodig heeft|^Which documents you need|documents you need\? Please answer/;

/** Each message, said right after `before`, gets a reply matching `said`. */
const eachAfter = (before: readonly string[], asked: readonly string[], said: RegExp, notSaid?: RegExp): Promise<void> => eachSaidAfter(loket, before, asked, said, notSaid);

describe('after a bijstand status: working, earning and what to report', () => {
  it('working part time, earning: that earning is allowed and reported every month, not the opening hours', async () => {
    await eachAfter([BENEFIT], ['can i work part time', 'do i need to tell you if i earn money', 'can i get a side job'], /^Do you earn something beside social assistance\?/, HOURS);
    await eachAfter([BENEFIT], ['mag ik parttime werken?', 'mag ik werken?', 'moet ik het doorgeven als ik geld verdien?'], /^Verdient u iets naast de bijstand\?/, HOURS);
  });

  it('what to report: the answer on reporting changes in work, income or household, not the papers', async () => {
    await eachAfter([BENEFIT], ['wat moet ik doorgeven', 'moet ik iets doorgeven?'], /^Verandert er iets in uw werk, inkomen of gezin\?/, PAPERS);
    await eachAfter([BENEFIT], ['what do i need to report'], /^Is something changing in your work, income or household\?/, PAPERS);
    // Probing on: "what if i get a job" got "I cannot answer that".
    await eachAfter([BENEFIT], ['what if i get a job'], /^Is something changing in your work, income or household\?/, /cannot answer/);
    await eachAfter([BENEFIT], ['en als ik een baan krijg?'], /^Verandert er iets in uw werk, inkomen of gezin\?/, /niet beantwoorden/);
  });

  it('a friend moving in: reporting it, and that living together changes the bijstand', async () => {
    await eachAfter([BENEFIT], ['mag mijn vriend bij mij wonen?'], /^Verandert er iets[^]*Gaat u samenwonen en krijgt u bijstand\? Dan telt het inkomen van uw partner mee\. U krijgt dan samen bijstand als stel\./);
    await eachAfter([BENEFIT], ['can my boyfriend move in with me?'], /^Is something changing[^]*Then your partner's income counts too\. You then get social assistance together, as a couple\./);
  });

  it('a crisis beside it keeps its crisis line', async () => {
    expect(await saidAfter(loket, [BENEFIT], 'can i work part time? i want to end it all')).toMatch(CRISIS);
    expect(await saidAfter(loket, [BENEFIT], 'wat moet ik doorgeven, ik wil niet meer leven')).toMatch(CRISIS);
  });
});

describe('someone else doing it, right after a change of details', () => {
  const AUTHORISE = /^Wilt u dat iemand anders iets voor u regelt bij de gemeente\?|^Do you want someone else to arrange things with the municipality for you\?/;
  it('after a new bank account or the move: authorising someone (DigiD Machtigen)', async () => {
    await eachAfter(['ik wil mijn iban wijzigen'], ['kan mijn dochter het doen?', 'mag mijn zoon dat doen', 'can my daughter do it?'], AUTHORISE);
    await eachAfter(['ik ga verhuizen'], ['kan mijn dochter het doen?', 'kan mijn dochter dat regelen'], AUTHORISE);
  });
});

describe('the papers: by when, and what if one does not have one', () => {
  const BY_WHEN = /^Vragen wij u om papieren\? Dan staat in die brief vóór welke datum|^Do we ask you for documents\? Then that letter says by which date/;
  it('"deadline?" alone: by when the papers must be in, not the decision term', async () => {
    await eachAfter(['ik moet nog stukken opsturen'], ['deadline?'], BY_WHEN, /beslistermijn/);
    await eachAfter(['which documents do i need'], ['deadline?'], BY_WHEN, /decision/);
  });

  it('"deadline?" with no answer before is still the decision term', async () => {
    await eachAfter([], ['deadline?'], /beslistermijn/);
  });

  it('"what if i don\'t have it?", with a straight or a curly apostrophe: the answer, and no check-in', async () => {
    await eachAfter(['ik moet nog stukken opsturen'], ["what if i don't have it?", 'what if i don’t have it?', "what if i can't get it?"], /^Do you not have a document, or can you not get it\?[^]*$/, /are you all right/);
  });

  it('a crisis beside it keeps its crisis line', async () => {
    expect(await saidAfter(loket, ['ik moet nog stukken opsturen'], 'deadline? ik wil niet meer leven')).toMatch(CRISIS);
    expect(await saidAfter(loket, ['ik moet nog stukken opsturen'], "what if i don't have it? i want to die")).toMatch(CRISIS);
  });
});

describe('coming oneself, right after the move', () => {
  it('no: online with DigiD, without DigiD at the desk by appointment', async () => {
    await eachAfter(['ik ga verhuizen'], ['moet ik zelf komen?', 'moet ik langskomen?', 'moet ik naar het gemeentehuis komen?'], /^Nee, u hoeft niet zelf te komen\. U geeft uw verhuizing online door[^]*Maak daarvoor eerst een afspraak/);
  });

  it('"do i have to come in person?", which the lexicon hears as a person asked for: the same, not only the sentence on the desk', async () => {
    await eachAfter(['i am moving'], ['do i have to come in person?'], /^No, you do not need to come in yourself\. You report your move online/, /^My answer says/);
  });

  it('after the passport it is still the passport\'s own sentence: one comes to the desk oneself', async () => {
    await eachAfter(['how do i renew my passport'], ['do i have to come in person?'], /you come to the desk yourself/, /do not need to come in/);
  });

  it('a crisis beside it keeps its crisis line', async () => {
    expect(await saidAfter(loket, ['ik ga verhuizen'], 'moet ik zelf komen? ik wil niet meer leven')).toMatch(CRISIS);
    expect(await saidAfter(loket, ['i am moving'], 'do i have to come in person? i want to die')).toMatch(CRISIS);
  });
});

describe('someone else registering a birth', () => {
  const WHO_NL = /^Meestal doet een van de ouders de aangifte van de geboorte\. Kan dat niet\? Dan mag ook iemand anders die bij\s+de geboorte was\./;
  const WHO_EN = /^Usually one of the parents registers the birth\./;
  it('a parent, or someone who was at the birth or lives where the child was born; not DigiD Machtigen', async () => {
    await eachAfter(['hoe doe ik aangifte van een geboorte'], ['kan mn moeder het voor mij doen'], WHO_NL, /DigiD Machtigen/);
    await eachAfter(['geboorte aangeven'], ['kan mn moeder het voor mij doen', 'kan mijn man het doen?', 'wie mag het doen?'], WHO_NL, /DigiD Machtigen/);
    await eachAfter(['how do i register the birth of my baby'], ['can my wife do it', 'can my mother do it for me'], WHO_EN, /DigiD Machtigen/);
  });

  it('"hoe doe ik aangifte van een geboorte" is the birth', async () => {
    await eachAfter([], ['hoe doe ik aangifte van een geboorte', 'ik wil aangifte doen van de geboorte van mijn zoon'], /^Is uw kind geboren\?/);
  });

  it('a crisis beside it keeps its crisis line', async () => {
    expect(await saidAfter(loket, ['geboorte aangeven'], 'kan mn moeder het voor mij doen, ik wil niet meer leven')).toMatch(CRISIS);
  });
});

describe('more time to object', () => {
  it('the 6 weeks, and a short objection in time with the reasons later; not the opening hours', async () => {
    await eachAfter(['ik wil bezwaar maken'], ['kan ik meer tijd krijgen?', 'kan de termijn verlengd worden?'], /^U heeft 6 weken na de datum van de brief om bezwaar te maken\.[^]*pro-forma bezwaar/, HOURS);
    await eachAfter(['ik wil bezwaar maken'], ['can I get more time?'], /^You have 6 weeks from the date of the letter to object\.[^]*pro forma objection/, HOURS);
    await eachAfter(['how do i object'], ['can i get an extension?'], /^You have 6 weeks from the date of the letter to object\./);
    // Probing on: "6 weken is te kort" got "staat hierboven".
    await eachAfter(['ik wil bezwaar maken'], ['6 weken is te kort'], /^U heeft 6 weken na de datum van de brief om bezwaar te maken\./);
    await eachAfter(['ik wil bezwaar maken'], ['that is not enough time'], /^You have 6 weeks from the date of the letter to object\./);
  });

  it('deferral stays deferral of payment', async () => {
    await eachAfter(['ik wil bezwaar maken'], ['kan ik uitstel krijgen?'], /uitstel van betaling/);
  });

  it('a crisis beside it keeps its crisis line', async () => {
    expect(await saidAfter(loket, ['ik wil bezwaar maken'], 'kan ik meer tijd krijgen? ik wil niet meer leven')).toMatch(CRISIS);
  });
});
