/**
 * Found wrong (helper fo): a complaint given with the feedback score was stored as a comment and asked "Wilt u een
 * medewerker spreken?"; "hoe maak ik die" after the passport got "staat hierboven"; "what about grofvuil" after the
 * waste answer got all of it again; "can i get it in english?" after the extract got "staat hierboven"; "mijn fiets is
 * gestolen, waar doe ik aangifte?" got the bicycle depot first. A crisis said beside it keeps its crisis line.
 */
import { describe, expect, it } from 'vitest';
import type { Loket } from '../../src/server/loket.ts';
import { saidAfter, saidAlready, say } from '../support/loket.ts';
import { eachSaidAfter } from '../support/said-after.ts';
import { useLoket } from '../support/use-loket.ts';

let loket: Loket;
useLoket((started) => (loket = started));

const CRISIS = /113/;
const ABOVE = /staat in mijn antwoord hierboven|is in my answer above/;

/** Each message, said right after `before`, gets a reply matching `said`. */
const eachAfter = (before: readonly string[], asked: readonly string[], said: RegExp, notSaid?: RegExp): Promise<void> => eachSaidAfter(loket, before, asked, said, notSaid);

describe('a complaint given with the feedback score', () => {
  it('keeps the score and starts the complaint, as the words alone do', async () => {
    for (const [said, thanks, complaint] of [
      ['1 ik wil een klacht indienen', /^Dank u wel voor uw cijfer\./, /Een medewerker neemt uw klacht in behandeling/],
      ['1 i want to file a complaint', /^Thank you for your rating\./, /A person will handle your complaint/],
    ] as const) {
      const id = await saidAlready(loket, 'bedankt');
      const replies = await say(loket, id, said);
      expect({ said, replies }).toEqual({ said, replies: [expect.stringMatching(thanks), expect.stringMatching(complaint)] });
      expect(replies.join(' ')).not.toMatch(/medewerker spreken\?|talk to a person\?/);
      expect((await loket.store.feedback.list({})).filter((f) => f.conversationId === id)).toEqual([expect.objectContaining({ score: 1 })]);
      expect((await loket.handoffs.list(['queued'])).filter((h) => h.conversationId === id)).toEqual([expect.objectContaining({ reason: 'complaint' })]);
    }
  });

  it('a remark on the contact stays a remark', async () => {
    expect(await saidAfter(loket, ['bedankt'], '2 de wachttijd was lang')).toMatch(/^Dank u wel\. Jammer dat het niet goed ging\./);
  });

  it('a crisis beside it keeps its crisis line', async () => {
    expect(await saidAfter(loket, ['bedankt'], '1 ik wil een klacht indienen ik wil dood')).toMatch(CRISIS);
    expect(await saidAfter(loket, ['bedankt'], '1 i want to file a complaint i want to die')).toMatch(CRISIS);
  });
});

describe('"hoe maak ik die" right after an answer that says to make an appointment', () => {
  const PASSPORT = 'hoe vraag ik een paspoort aan?';
  it('that sentence, not "staat hierboven"', async () => {
    await eachAfter([PASSPORT], ['hoe maak ik die', 'hoe maak ik die?', 'en hoe maak ik die dan'], /^In mijn antwoord staat: Maak eerst een afspraak via www\.voorbeeld\.nl of bel 14 0123\./, ABOVE);
  });

  it('not after an answer that says to make something else too (bezwaar maken)', async () => {
    expect(await saidAfter(loket, ['hoe maak ik bezwaar?'], 'hoe maak ik dat')).not.toMatch(/afspraak/);
  });

  it('a crisis beside it keeps its crisis line', async () => {
    expect(await saidAfter(loket, [PASSPORT], 'hoe maak ik die ik wil dood')).toMatch(CRISIS);
  });
});

describe('"what about grofvuil" right after the waste answer', () => {
  const WASTE = 'waar kan ik mijn grofvuil kwijt?';
  it('the sentences on bulky waste, not the whole answer again', async () => {
    await eachAfter([WASTE], ['what about grofvuil', 'what about grofvuil?'], /^My answer says: Want bulky waste collected\? Make an appointment on www\.voorbeeld\.nl\/grofvuil or call 14 0123\./, /Everything about waste/);
    await eachAfter([WASTE], ['en grofvuil?'], /^In mijn antwoord staat: Wilt u grofvuil laten ophalen\? Maak een afspraak op www\.voorbeeld\.nl\/grofvuil/, /Over afval vindt u alles/);
  });

  it('a "Daar …" keeps the place it points back to', async () => {
    await eachAfter([WASTE], ['en de container?'], /^In mijn antwoord staat: Over afval vindt u alles op www\.voorbeeld\.nl\/afval\. Daar ziet u/);
  });

  it('a crisis beside it keeps its crisis line', async () => {
    expect(await saidAfter(loket, [WASTE], 'what about grofvuil i want to die')).toMatch(CRISIS);
  });
});

describe('the extract in English', () => {
  const EXTRACT = 'hoe krijg ik een uittreksel';
  it('"can i get it in english?" right after the extract: the international extract, not "in my answer above"', async () => {
    await eachAfter([EXTRACT], ['can i get it in english?'], /^Do you need the extract abroad\? Then ask for an international extract\. It gives your details in more languages, English too\./, ABOVE);
    await eachAfter([EXTRACT], ['bestaat er een internationaal uittreksel?'], /^Heeft u het uittreksel nodig in het buitenland\? Vraag dan een internationaal uittreksel\./, ABOVE);
  });

  it('asking to talk English still switches the language', async () => {
    expect(await saidAfter(loket, [EXTRACT], 'mag ik in het engels?')).toMatch(/^Of course\. I will answer in English/);
  });

  it('a crisis beside it keeps its crisis line', async () => {
    expect(await saidAfter(loket, [EXTRACT], 'can i get it in english? i want to die')).toMatch(CRISIS);
  });
});

describe('a stolen bike, asked where to report it', () => {
  it('the police first, the depot after', async () => {
    await eachAfter([], ['mijn fiets is gestolen, waar doe ik aangifte?', 'fiets gestolen waar aangifte doen'], /^Is uw fiets gestolen\? Doe dan aangifte bij de politie, online op www\.politie\.nl of via 0900-8844\./);
    await eachAfter([], ['my bike was stolen, where do i report it?'], /^Was your bike stolen\? Then report it to the police, online at www\.politie\.nl/);
  });

  it('a bike gone, with no report asked: the depot first, as before', async () => {
    await eachAfter([], ['mijn fiets is weggehaald'], /^Is uw fiets weggehaald door de gemeente\?/);
  });

  it('a crisis beside it keeps its crisis line', async () => {
    expect(await saidAfter(loket, [], 'mijn fiets is gestolen, waar doe ik aangifte? ik wil dood')).toMatch(CRISIS);
    expect(await saidAfter(loket, [], 'my bike was stolen, where do i report it? i want to die')).toMatch(CRISIS);
  });
});
