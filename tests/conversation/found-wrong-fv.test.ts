/**
 * Found wrong (helper fv), after a death told: "do i need to cancel her parking permit" got how to apply for one;
 * "hoe zit het met de gemeentelijke belastingen" got the general tax answer; "moet ik het zelf doorgeven?" got how to
 * report a move, and "do i need to tell you myself?" the papers an application needs; "we hebben geen geld voor de
 * begrafenis" got debt support. A crisis said beside it keeps its crisis line.
 */
import { describe, expect, it } from 'vitest';
import type { Loket } from '../../src/server/loket.ts';
import { saidAfter } from '../support/loket.ts';
import { eachSaidAfter } from '../support/said-after.ts';
import { useLoket } from '../support/use-loket.ts';

let loket: Loket;
useLoket((started) => (loket = started));

const CRISIS = /113/;
const DIED_NL = ['mijn moeder is vorige week overleden, wat moet ik regelen?'];
const DIED_EN = ['my mother died last week, what do i need to do'];

describe('the parking permit of who died', () => {
  it('says how to stop it, not how to apply for one', async () => {
    await eachSaidAfter(loket, DIED_EN, ['do i need to cancel her parking permit', 'what about his parking permit?', 'her parking permit?'], /permit of someone who died/, /^You apply for a parking permit/);
    await eachSaidAfter(loket, DIED_NL, ['moet ik haar parkeervergunning opzeggen?', 'en zn parkeervergunning?', 'wat moet ik met de parkeervergunning'], /parkeervergunning van iemand die is overleden/, /^Een parkeervergunning vraagt u aan/);
  });

  it('tells the death in the same message the same way', async () => {
    expect(await saidAfter(loket, [], 'mijn vader is overleden, moet ik zijn parkeervergunning opzeggen?')).toMatch(/parkeervergunning van iemand die is overleden/);
  });

  it('keeps one\'s own permit one\'s own', async () => {
    expect(await saidAfter(loket, DIED_NL, 'hoe vraag ik een parkeervergunning aan voor mijn eigen auto')).toMatch(/^Een parkeervergunning vraagt u aan/);
  });
});

describe('the municipal taxes after a death told earlier', () => {
  it('gets the answer on the taxes of who died', async () => {
    await eachSaidAfter(loket, DIED_EN, ['what about the municipal taxes', 'and her council tax?'], /paid from the estate/);
    await eachSaidAfter(loket, DIED_NL, ['hoe zit het met de gemeentelijke belastingen', 'en zijn afvalstoffenheffing?'], /betaald uit de erfenis/);
  });
});

describe('whether to report the death oneself', () => {
  it('says the registration of the death tells us', async () => {
    await eachSaidAfter(loket, DIED_NL, ['moet ik het zelf doorgeven?', 'moet ik t zelf doorgeven', 'moet ik het overlijden zelf melden?'], /U hoeft dat niet zelf aan ons door te geven/, /nieuw adres/);
    await eachSaidAfter(loket, DIED_EN, ['do i need to tell you myself?', 'do i have to report it myself'], /You do not need to report it to us yourself/, /documents you need/);
  });

  it('keeps one\'s own change one\'s own', async () => {
    expect(await saidAfter(loket, DIED_NL, 'ik ga verhuizen, moet ik dat zelf doorgeven?')).toMatch(/nieuw adres/);
    expect(await saidAfter(loket, [...DIED_NL, 'ik ga verhuizen'], 'moet ik het zelf doorgeven?')).not.toMatch(/U hoeft dat niet zelf aan ons door te geven/);
  });
});

describe('no money for the funeral', () => {
  it('says what the municipality can do, not debt support', async () => {
    await eachSaidAfter(loket, ['mijn vader is overleden'], ['we hebben geen geld voor de begrafenis', 'kunnen de crematie niet betalen'], /geen geld is voor de uitvaart.*Regelt niemand de uitvaart\? Dan zorgt de gemeente ervoor/, /schuldhulp/);
    await eachSaidAfter(loket, ['my husband died'], ['we have no money for the funeral', "we can't afford the funeral"], /no money for the funeral.*If nobody arranges the funeral, the municipality sees to it/, /debt support/);
  });

  it('gives the condolences first when the death is told in the same message', async () => {
    expect(await saidAfter(loket, [], 'mijn moeder is overleden en we hebben geen geld voor de begrafenis')).toMatch(/^Gecondoleerd met uw verlies\. Ik hoor dat er geen geld is voor de uitvaart/);
  });
});

describe('an extract of the death certificate', () => {
  it('says where to ask for it, also while waiting after a death', async () => {
    await eachSaidAfter(loket, ['mijn vader is overleden'], ['heb ik een uittreksel overlijdensakte nodig', 'waar vraag ik een uittreksel overlijdensakte aan?'], /overlijdensakte vraagt u aan bij de gemeente/);
    expect(await saidAfter(loket, [], 'heb ik een uittreksel overlijdensakte nodig')).toMatch(/^Gecondoleerd met uw verlies\..*overlijdensakte vraagt u aan bij de gemeente/s);
  });
});

describe('the benefit of who died, after another situation', () => {
  it('still gets that it stops by itself', async () => {
    expect(await saidAfter(loket, ['mijn moeder is overleden', 'wie betaalt de begrafenis', 'en de huur'], 'wat gebeurt er met haar bijstand')).toMatch(/De uitkering of toeslag van wie is overleden, stopt dan/);
  });
});

describe('a crisis beside it', () => {
  it('still gets the crisis line', async () => {
    for (const asked of ['moet ik haar parkeervergunning opzeggen? ik wil dood', 'do i need to cancel her parking permit i want to die',
      'moet ik het zelf doorgeven? ik wil dood', 'what about the municipal taxes, i want to die', 'geen geld voor de begrafenis, ik wil dood', 'heb ik een uittreksel overlijdensakte nodig ik wil dood']) {
      const before = /[a-z]+ i want/.test(asked) || asked.startsWith('what') || asked.startsWith('do') ? DIED_EN : DIED_NL;
      expect({ asked, said: await saidAfter(loket, before, asked) }).toEqual({ asked, said: expect.stringMatching(CRISIS) });
    }
  });
});
