/**
 * Follow-ups found wrong by talking to the demo (stop 65): "can my wife use it too?" right after a parking permit's
 * status got the right answer and then "are you all right?" (the crisis model leaned to it); "en de huur?" right
 * after the answer on what the registration of a death arranges got the debt counsellors (the learned model alone
 * read money trouble in it), where that answer names the landlord one tells oneself.
 */
import { describe, expect, it } from 'vitest';
import type { Loket } from '../../src/server/loket.ts';
import { PARKING, saidAfter, saidAlready, say } from '../support/loket.ts';
import { eachSaidAfter } from '../support/said-after.ts';
import { useLoket } from '../support/use-loket.ts';

let loket: Loket;
useLoket((started) => (loket = started));

const CHECK_IN = /gaat het goed met u|are you all right/i;
const CRISIS_LINE = /113/;
const CRISIS_REPLY = /Wat naar dat het zo zwaar is/;
const eachAfter = (before: readonly string[], asked: readonly string[], said: RegExp, notSaid?: RegExp): Promise<void> => eachSaidAfter(loket, before, asked, said, notSaid);

describe('someone else using what was just answered, named by a word of that answer', () => {
  it('gets that answer without the check-in', async () => {
    await eachAfter([PARKING], ['can my wife use it too?', 'can my son use it too?'], /licence plate on it/, CHECK_IN);
    await eachAfter([PARKING], ['mag mijn vrouw hem ook gebruiken?'], /kenteken dat erop staat/, CHECK_IN);
  });

  it('a crisis said beside it still gets the crisis line', async () => {
    expect(await saidAfter(loket, [PARKING], 'can my wife use it too? i want to die')).toMatch(CRISIS_LINE);
  });
});

describe('the rent, right after what the registration of a death arranges', () => {
  const DIED_NL = 'mijn vader is overleden, wat moet ik doen?';
  const DIED_EN = 'my dad died, what now?';
  const DEBT = /geldzorgen|schuldhulp|money worries|debt/i;

  it('is whom to tell oneself, not the debt counsellors', async () => {
    await eachAfter([DIED_NL], ['en de huur?', 'de huur?', 'en zijn huurhuis?'], /verhuurder en verzekeraars moet u wel zelf laten weten/, DEBT);
    await eachAfter([DIED_EN], ['and the rent?', 'what about the rent?'], /landlord and insurers you do need to tell yourself/, DEBT);
  });

  it('money trouble said in words of its own, or a crisis beside it, keeps its handoff', async () => {
    expect(await saidAfter(loket, [DIED_NL], 'ik kan de huur niet betalen')).toMatch(/schuldhulp/);
    expect(await saidAfter(loket, [DIED_NL], 'en de huur? ik wil niet meer leven')).toMatch(CRISIS_LINE);
  });
});

describe('where a thing goes, read as the office address', () => {
  it('gets the topic that names the thing', async () => {
    for (const asked of ['waar moet ik verf laten', 'waar laat ik oude verf']) expect(await saidAfter(loket, [], asked)).toMatch(/klein chemisch afval brengt u naar de milieustraat/);
    expect(await saidAfter(loket, [], 'where do i take old paint')).toMatch(/small chemical waste to the recycling centre/);
  });

  it('the office itself still gets the address and hours', async () => {
    expect(await saidAfter(loket, [], 'waar kan ik mijn paspoort ophalen')).toMatch(/Voorbeeldplein 1/);
    expect(await saidAfter(loket, [], 'wat is jullie adres')).toMatch(/Voorbeeldplein 1/);
  });
});

describe('everyday follow-ups the crisis model alone read as a crisis, right after an answer', () => {
  const PAPERS_EN = 'which documents do i need to send';
  const NO_PAPER = /Do you not have a document|Heeft u een papier niet/;

  it('"if i dont have them?" after the papers answer gets what to do without a paper, not 113', async () => {
    for (const asked of ['if i dont have them?', "what if i don't have them?", 'what if i dont have them']) {
      const said = await saidAfter(loket, [PAPERS_EN], asked);
      expect({ asked, said }).toEqual({ asked, said: expect.stringMatching(NO_PAPER) });
      expect({ asked, said }).not.toEqual({ asked, said: expect.stringMatching(CRISIS_LINE) });
    }
  });

  it('"can someone do it for me" after the answer on a name change asks for a person, not 113', async () => {
    const said = await saidAfter(loket, ['ik wil mijn naam wijzigen'], 'can someone do it for me');
    expect(said).toMatch(/a person helps you/);
    expect(said).not.toMatch(CRISIS_LINE);
  });

  it('a crisis beside them, or words of one\'s end, keep the crisis line', async () => {
    expect(await saidAfter(loket, [PAPERS_EN], 'if i dont have them? i want to end it all')).toMatch(CRISIS_LINE);
    expect(await saidAfter(loket, [PAPERS_EN], 'what if i dont have them anymore')).toMatch(CRISIS_LINE);
    expect(await saidAfter(loket, ['ik wil mijn naam wijzigen'], 'can someone do it for me? i want to die')).toMatch(CRISIS_LINE);
  });
});

describe('whether reporting the move late is punishable, right after the move', () => {
  it('gets the answer on reporting late, not the crisis line', async () => {
    for (const [before, asked] of [['ik ga verhuizen', 'is het strafbaar als ik het te laat doe?'], ['I am moving house', 'is it illegal if i do it too late?'], ['I am moving house', 'what if i report it too late?']] as const) {
      const said = await saidAfter(loket, [before], asked);
      expect({ asked, said }).toEqual({ asked, said: expect.stringMatching(/te laat|late/) });
      expect({ asked, said }).not.toEqual({ asked, said: expect.stringMatching(CRISIS_LINE) });
    }
  });

  it('a crisis beside it keeps the line', async () => {
    expect(await saidAfter(loket, ['ik ga verhuizen'], 'is het erg als ik het te laat doe? ik wil dood')).toMatch(CRISIS_LINE);
  });
});

describe('whether someone else may do it, as the first message (stop 66)', () => {
  // The crisis reply itself names 112; the once-only check-in names 113 alone.
  const CRISIS_REPLY = /112/;

  it('gets the answer on authorising someone, not the crisis reply', async () => {
    for (const asked of ['kan mn moeder het voor mij doen', 'mag mijn zoon dat voor mij aanvragen', 'can my wife do it', 'can my husband do it for me']) {
      const said = await saidAfter(loket, [], asked);
      expect({ asked, said }).toEqual({ asked, said: expect.stringMatching(/DigiD Machtigen/) });
      expect({ asked, said }).not.toEqual({ asked, said: expect.stringMatching(CRISIS_REPLY) });
    }
  });

  it('a crisis beside it keeps the crisis reply', async () => {
    expect(await saidAfter(loket, [], 'kan mn moeder het voor mij doen ik wil dood')).toMatch(CRISIS_REPLY);
    expect(await saidAfter(loket, [], 'can my wife do it for me, i want to end it all')).toMatch(CRISIS_REPLY);
  });
});

describe('"ben ik nog op tijd?" as the first message (stop 66, found by helper fm)', () => {
  it('gets the answer on being late, not the crisis reply', async () => {
    for (const asked of ['ben ik nog op tijd?', 'ben ik nog op tijd']) {
      const said = await saidAfter(loket, [], asked);
      expect({ asked, said }).toEqual({ asked, said: expect.stringMatching(/te laat/) });
      expect({ asked, said }).not.toEqual({ asked, said: expect.stringMatching(/112/) });
    }
  });

  it('a crisis beside it keeps the crisis reply', async () => {
    expect(await saidAfter(loket, [], 'ben ik nog op tijd? ik wil dood')).toMatch(/112/);
  });
});

describe('a low mark in a word, to the feedback question (stop 67)', () => {
  it('is stored as the mark and offers a person, not handed over as anger or "not understood"', async () => {
    for (const [said, score] of [['disappointing', 2], ['teleurstellend', 2], ['waardeloos', 1]] as const) {
      const id = await saidAlready(loket, 'bedankt');
      const replies = (await say(loket, id, said)).join(' ');
      expect({ said, replies }).toEqual({ said, replies: expect.stringMatching(/Jammer dat het niet goed ging|sorry it did not go well/) });
      expect((await loket.store.feedback.list({})).filter((f) => f.conversationId === id)).toEqual([expect.objectContaining({ score })]);
      expect((await loket.handoffs.list(['queued'])).filter((h) => h.conversationId === id)).toEqual([]);
    }
  });

  it('anger in more words is still handed over, and a crisis keeps its line', async () => {
    expect(await saidAfter(loket, ['bedankt'], 'waardeloos, jullie zijn incompetent en ik ben woedend')).toMatch(/medewerker kijkt persoonlijk/);
    expect(await saidAfter(loket, ['bedankt'], 'slecht ik wil dood')).toMatch(CRISIS_LINE);
  });
});

describe('asking to try again later, as the first message (stop 67)', () => {
  // Without what "het" is, "not understood" with the gentle check-in is fair; the full crisis reply is not.
  it('gets no crisis reply', async () => {
    await eachAfter([], ['kan ik het straks opnieuw proberen', 'mag ik het later nog een keer proberen?'], /begrijp ik niet goed/, CRISIS_REPLY);
  });

  it('a crisis beside it keeps the crisis reply', async () => {
    expect(await saidAfter(loket, [], 'kan ik het straks opnieuw proberen ik wil dood')).toMatch(CRISIS_LINE);
  });
});

describe('not knowing what to do with all the papers after a death (stop 67)', () => {
  it('gets the answer on a death, not the crisis line', async () => {
    const said = await saidAfter(loket, [], 'mijn man is dood en nu weet ik niet meer wat ik moet doen met alle papieren');
    expect(said).not.toMatch(CRISIS_LINE);
    expect(said).toMatch(/gecondoleerd|overl|verlies/i);
  });

  it('not knowing what to do, on its own, keeps the crisis line', async () => {
    expect(await saidAfter(loket, [], 'mijn man is dood en nu weet ik niet meer wat ik moet doen')).toMatch(CRISIS_LINE);
  });
});

describe('what an objection is against, said right after the answer on objecting (stop 67)', () => {
  const OBJECT = 'ik wil bezwaar maken';
  it('what to write in it and the offer of help, not the same answer again or the case question', async () => {
    await eachAfter([OBJECT], ['tegen de afwijzing van mijn bijstand', 'over mijn bijstand', 'het gaat om mijn uitkering'], /^Schrijf dat in uw bezwaar: over welk besluit het gaat/, /Bent u het niet eens met een besluit|zaaknummer/);
    await eachAfter(['i want to object'], ['against the rejection of my benefit'], /^Write that in your objection: which decision/, /Do you disagree with a decision/);
  });

  it('a kind with its own answer keeps it, a case number starts the case question', async () => {
    expect(await saidAfter(loket, [OBJECT], 'tegen mijn parkeerboete')).toMatch(/naheffingsaanslag/);
    expect(await saidAfter(loket, [OBJECT], 'over zaak Z-2026-000123')).toMatch(/postcode en uw geboortedatum/);
  });

  it('a crisis beside it keeps the crisis line', async () => {
    expect(await saidAfter(loket, [OBJECT], 'over mijn bijstand ik wil dood')).toMatch(CRISIS_LINE);
  });
});

describe('a new address in another town, right after the answer on moving (stop 67)', () => {
  it('does not send a move to another town to our own website alone', async () => {
    await eachAfter(['ik ben verhuisd'], ['naar Dorpsstraat 5 in Utrecht'], /Gaat u in een andere gemeente wonen\? Dan geeft u het door aan die nieuwe gemeente\./);
    await eachAfter(['i have moved'], ['my new address is Main Street 5, Utrecht'], /Are you moving to another municipality\? Then you tell that new municipality\./);
  });
});

describe('"waarom niet?" right after the money that has not come (stop 67)', () => {
  const NOT_COME = ['wanneer krijg ik mijn geld', 'het is nog niet binnen'];
  it('says the assistant cannot see why and offers a person, without the payment dates again or the check-in', async () => {
    await eachAfter(NOT_COME, ['waarom niet', 'hoe kan dat nou?'], /^Waarom uw geld er nog niet is, kan ik niet zien\. .* Zal ik een medewerker vragen\? Antwoord met ja of nee\.$/, /rond de 1e van de maand|gaat het goed met u/);
    await eachAfter(['when do i get my money', "it hasn't arrived yet"], ['why not?', 'how come'], /^I cannot see why your money has not come\./, /around the 1st|are you all right/);
  });

  it('a yes then brings the person', async () => {
    const id = await saidAlready(loket, ...NOT_COME, 'waarom niet');
    expect((await say(loket, id, 'ja')).join(' ')).toMatch(/medewerker/);
    expect((await loket.handoffs.list(['queued'])).filter((h) => h.conversationId === id)).toHaveLength(1);
  });

  it('a crisis beside it keeps the crisis line', async () => {
    expect(await saidAfter(loket, NOT_COME, 'waarom niet ik wil dood')).toMatch(CRISIS_LINE);
  });
});

describe('cancelling something else while waiting for a person (stop 67)', () => {
  it('keeps the citizen in the queue', async () => {
    for (const [before, asked] of [
      ['my mother died last week, what do i need to do', 'do i need to cancel her parking permit'],
      ['ik wil een medewerker spreken', 'moet ik haar abonnement annuleren'],
      ['ik wil een medewerker spreken', 'annuleer mijn afspraak van dinsdag'],
    ] as const) {
      const id = await saidAlready(loket, before);
      const said = (await say(loket, id, asked)).join(' ');
      expect({ asked, said }).not.toEqual({ asked, said: expect.stringMatching(/no longer in the queue|niet meer in de wachtrij/) });
      expect({ asked, queued: (await loket.handoffs.list(['queued'])).some((h) => h.conversationId === id) }).toEqual({ asked, queued: true });
    }
  });

  it('cancelling the wait itself still cancels it', async () => {
    for (const asked of ['annuleer mijn verzoek', 'ik wil de aanvraag voor een medewerker annuleren', 'cancel', 'cancel my request please']) {
      expect({ asked, said: await saidAfter(loket, ['ik wil een medewerker spreken'], asked) }).toEqual({ asked, said: expect.stringMatching(/no longer in the queue|niet meer in de wachtrij/) });
    }
  });
});

describe('paying back and paying at the desk (stop 67)', () => {
  it('a letter about a recovery gets the answer on paying back, also after a greeting', async () => {
    await eachAfter([], ['ik heb een brief gekregen over een terugvordering', 'goedemorgen, ik heb een brief gekregen over een terugvordering'], /^Moet u geld terugbetalen aan de gemeente\?/);
    await eachAfter([], ['i got a letter saying i was overpaid'], /^Do you have to pay money back to the municipality\?/);
  });

  it('"moet ik alles in 1 keer betalen" gets the payment plan, not when we pay', async () => {
    await eachAfter(['ik heb een brief gekregen over een terugvordering'], ['moet ik alles in 1 keer betalen'], /betalingsregeling/, /rond de 1e van de maand/);
  });

  it('paying by card or in cash at the desk', async () => {
    await eachAfter([], ['kan ik met pin betalen aan de balie', 'kan ik contant betalen'], /^Aan de balie in het gemeentehuis betaalt u met uw pinpas\./);
    await eachAfter([], ['can i pay by card at the desk'], /^At the desk in the town hall you pay with your bank card\./);
  });

  it('a crisis beside it keeps the crisis line', async () => {
    expect(await saidAfter(loket, [], 'ik heb een brief gekregen over een terugvordering ik wil dood')).toMatch(CRISIS_LINE);
    expect(await saidAfter(loket, [], 'kan ik contant betalen, ik wil niet meer leven')).toMatch(CRISIS_LINE);
  });
});

describe('appointments and the last day of the year (stop 67)', () => {
  it('not able to come to an appointment gets how to move or cancel it, not the opening hours', async () => {
    await eachAfter([], ['ik heb een afspraak gemaakt maar ik kan niet komen'], /^Wilt u uw afspraak verzetten of afzeggen\?/);
    await eachAfter([], ["i can't make it to my appointment tomorrow"], /^Want to move or cancel your appointment\?/);
  });

  it('when to be there, or being late, gets its own answer', async () => {
    await eachAfter([], ['hoe laat moet ik er zijn voor mijn afspraak', 'ik kom te laat voor mijn afspraak'], /^Kom op de tijd die in de e-mail over uw afspraak staat\./);
    await eachAfter([], ["i'm running late for my appointment"], /^Come at the time in the e-mail about your appointment\./);
  });

  it('"oudjaarsdag" (without the e) is the 31st of December', async () => {
    await eachAfter(['zijn jullie tweede kerstdag open'], ['en oudjaarsdag?'], /31 december/);
  });

  it('a crisis beside it keeps the crisis line', async () => {
    expect(await saidAfter(loket, [], 'ik kan niet komen naar mijn afspraak, ik wil niet meer leven')).toMatch(CRISIS_LINE);
  });
});
