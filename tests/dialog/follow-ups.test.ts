/**
 * What citizens say right after an answer, found by talking to the demo: why a case takes so long, "wat
 * als …?" after an answer with a case for it, a day after the hours of a place that keeps hours of its
 * own, a question about the benefit of someone who died while the citizen waits for a person, and
 * postcode and birth date written in an English conversation.
 */
import { describe, expect, it } from 'vitest';
import { duringHandoff } from '../../src/dialog/handoff-mode.ts';
import { loadDialogSet } from '../../src/dialog/loader.ts';
import { step } from '../../src/dialog/step.ts';
import { statusPickUp, statusSpeedUp } from '../../src/dialog/about-status.ts';
import { text } from '../../src/dialog/texts.ts';
import { initialState } from '../../src/dialog/texts.ts';
import { parseOfficeHours } from '../../src/handoff/office-hours.ts';
import type { Entity, HandoffSignal, ParseResult } from '../../src/nlu/types.ts';
import { createDriver, parsed } from '../support/dialog-driver.ts';

const dialogs = loadDialogSet('dialogs');
const NOW = '2026-12-01T10:00:00.000Z';
const ZONE = 'Europe/Amsterdam';
const ctx = { dialogs, timeZone: ZONE };
const e = (type: Entity['type'], value: string, start = 0): Entity => ({ type, value, start, end: start + value.length });
const proved = (number: string, postcode: string, born: string) => parsed('x', 'case_status', [e('case_number', number), e('postcode', postcode), e('date', born)]);
const driver = () => createDriver(ctx, { parse: (t) => parsed(t, 'none') });
const englishDriver = () => createDriver(ctx, { parse: (t) => ({ ...parsed(t, 'none'), lang: 'en' }) });
/** A conversation that has been told the status of case `number`. */
const afterStatus = (number: string, postcode: string, born: string) => {
  const d = driver();
  d.sayParsed(proved(number, postcode, born));
  return d;
};
/** A conversation that has said `msg`, read as `intent`. */
const after = (msg: string, intent: string, confidence: number) => {
  const d = driver();
  d.sayParsed(parsed(msg, intent, [], confidence));
  return d;
};

describe('follow-ups: "waarom duurt het zo lang?" after a status', () => {
  it('says the assistant cannot see why, what the status means, and offers a person who can look into the case', () => {
    const d = afterStatus('Z-2026-000123', '1234 AB', '1980-03-15');
    // The classifier took it for a payment question.
    const r = d.sayParsed(parsed('waarom duurt het zo lang', 'payment', [], 0.48));
    expect(r.replies[0]!.trace).toMatchObject({ dialog: 'case_status', step: 'why_slow' });
    expect(r.replies[0]!.trace.sources).toEqual(expect.arrayContaining([expect.objectContaining({ kind: 'case', ref: 'Z-2026-000123' })]));
    expect(r.text).toBe('Waarom het zo lang duurt, kan ik niet zien. Ik zie alleen de status. Dat betekent: uw aanvraag is nog niet klaar. Een medewerker werkt eraan. U hoeft nu niets te doen. Uiterlijk 15 januari 2027 krijgt u een brief met het besluit. Wilt u meer weten? Een medewerker kan in uw zaak kijken. Typ dan: medewerker.');
    // The status stays the answer "waarom?" explains.
    expect(d.sayParsed(parsed('waarom?', 'none')).replies[0]!.trace.step).toBe('explain');
  });

  it('in English too, also after a word from the glossary was explained', () => {
    const d = englishDriver();
    d.sayParsed({ ...proved('Z-2026-000123', '1234 AB', '1980-03-15'), lang: 'en' });
    expect(d.sayParsed({ ...parsed('who is the welstandscommissie', 'none'), lang: 'en' }).replies[0]!.trace.dialog).toBe('glossary');
    const r = d.sayParsed({ ...parsed('why is it taking so long?', 'none'), lang: 'en' });
    expect(r.replies[0]!.trace.step).toBe('why_slow');
    expect(r.text).toMatch(/^I cannot see why it takes so long\. I can only see the status\. This means: your application is not finished yet\./);
  });

  it('not after a decision, nor without a status before it', () => {
    const granted = afterStatus('Z-2026-000456', '5678 CD', '1992-07-01');
    expect(granted.sayParsed(parsed('waarom duurt het zo lang', 'case_status', [], 0.7)).replies[0]!.trace.step).not.toBe('why_slow');
    expect(driver().sayParsed(parsed('waarom duurt het zo lang', 'case_status', [], 0.7)).replies[0]!.trace.step).not.toBe('why_slow');
  });
});

describe('follow-ups: "wat als …?" after an answer', () => {
  const leaning = (text: string): ParseResult => ({ ...parsed(text, 'none', [], 0.79), concern: { reason: 'distress', probability: 0.5, evidence: text } });

  it('answers "wat als ik te laat ben?" after the objection answer with the late objection, without asking whether all is well', () => {
    const d = createDriver(ctx, { parse: leaning });
    d.sayParsed(parsed('ik wil bezwaar maken', 'objection', [], 1));
    const r = d.say('wat als ik te laat ben');
    expect(r.replies.map((x) => x.trace.dialog)).toEqual(['objection']);
    expect(r.text).toMatch(/^U heeft 6 weken na de datum van de brief\. Zijn die voorbij\? Stuur uw bezwaar dan toch\./);
    expect(d.state.concern).toBeUndefined();
  });

  it('still asks when the message says more than the topic', () => {
    const d = createDriver(ctx, { parse: leaning });
    d.sayParsed(parsed('ik wil bezwaar maken', 'objection', [], 1));
    const r = d.say('wat als ik te laat ben, het maakt toch niet meer uit');
    expect(r.replies.map((x) => x.trace.dialog)).toContain('concern');
  });
});

describe('follow-ups: a day after the hours of a place', () => {
  const hours = parseOfficeHours('mon-wed 08:30-17:00, thu 08:30-20:00, fri 08:30-17:00', ZONE, dialogs.holidays);
  // Tuesday 1 December 2026, 11:00 in Amsterdam.
  const hoursDriver = () => createDriver({ dialogs, timeZone: ZONE, officeHours: hours }, { now: '2026-12-01T10:00:00.000Z', parse: (t) => parsed(t, 'none') });

  it('does not say the office is closed on Saturday when asked whether the recycling centre is open then', () => {
    const r = hoursDriver().sayParsed(parsed('is de milieustraat zaterdag open', 'contact_hours', [], 0.98));
    expect(r.text).toMatch(/^Waar de milieustraat is en wanneer die open is, staat op www\.voorbeeld\.nl\/afval\./);
    expect(r.text).not.toMatch(/dicht/);
    const d = hoursDriver();
    d.sayParsed(parsed('hoe laat is de milieustraat open', 'contact_hours', [], 0.97));
    expect(d.sayParsed(parsed('en zaterdag?', 'none', [], 0.54)).text).not.toMatch(/zijn we dicht/);
  });

  it('answers "en zaterdag?" after the desk where a passport is collected with that day of the desk', () => {
    const d = hoursDriver();
    d.sayParsed(parsed('waar kan ik mijn paspoort ophalen', 'contact_hours', [], 0.89));
    expect(d.sayParsed(parsed('en zaterdag?', 'none', [], 0.54)).text).toBe('Op zaterdag 5 december is de balie dicht. De balie is weer open op maandag 7 december om 8.30 uur.');
    // The phone is answered until 20.00 on Thursdays; the desk (desk_hours in calendar.yaml) closes at 17.00.
    expect(d.sayParsed(parsed('en donderdagavond?', 'contact_hours', [], 0.43)).text).toBe("Op donderdag 3 december is de balie open van 8.30 tot 17.00 uur. 's Avonds is de balie dan dicht.");
  });
});

describe('follow-ups: a day after an answer that sends the citizen to the desk', () => {
  const hours = parseOfficeHours('mon-fri 08:30-17:00', ZONE, dialogs.holidays);
  const hoursDriver = () => createDriver({ dialogs, timeZone: ZONE, officeHours: hours }, { now: '2026-12-01T10:00:00.000Z', parse: (t) => parsed(t, 'none') });

  it('answers "kan t ook zaterdag" after applying for an ID card with the desk that day and the appointment, not with collecting it', () => {
    for (const [asked, intent, confidence, expected] of [
      ['kan t ook zaterdag', 'contact_hours', 0.42, 'Op zaterdag 5 december is de balie dicht. De balie is weer open op maandag 7 december om 8.30 uur. Maak eerst een afspraak via www.voorbeeld.nl of bel 14 0123.'],
      ['en donderdag?', 'none', 0.5, 'Op donderdag 3 december is de balie open van 8.30 tot 17.00 uur. Maak eerst een afspraak via www.voorbeeld.nl of bel 14 0123.'],
    ] as const) {
      const d = hoursDriver();
      expect(d.sayParsed(parsed('hoe vraag ik een id kaart aan', 'documents', [], 0.9)).text).toMatch(/^Een paspoort, ID-kaart of rijbewijs vraagt u aan bij de balie/);
      const r = d.sayParsed(parsed(asked, intent, [], confidence));
      expect({ asked, text: r.text }).toEqual({ asked, text: expected });
      // Still about the ID card: "wat kost dat?" is its fees.
      expect(d.sayParsed(parsed('wat kost dat?', 'payment', [], 0.99)).text).toMatch(/^Wat een paspoort, ID-kaart of rijbewijs kost/);
    }
    const en = hoursDriver();
    en.sayParsed({ ...parsed('how do I apply for an id card', 'documents', [], 0.9), lang: 'en' });
    expect(en.sayParsed({ ...parsed('can I also do it on saturday?', 'none', [], 0.31), lang: 'en' }).text).toMatch(/^On Saturday 5 December the desk is closed\..* First make an appointment on www\.voorbeeld\.nl or call 14 0123\.$/);
    // Collecting it on a Saturday, named: the desk where it is collected, with that day.
    const d = hoursDriver();
    d.sayParsed(parsed('hoe vraag ik een id kaart aan', 'documents', [], 0.9));
    expect(d.sayParsed(parsed('kan ik mijn id kaart zaterdag ophalen', 'contact_hours', [], 0.8)).text).toMatch(/^Op zaterdag 5 december is de balie dicht\..*haalt u op bij de balie/);
  });
});

describe('follow-ups: after a death was told', () => {
  it('answers a later question about the benefit of who died: it stops by itself', () => {
    const d = driver();
    const death: HandoffSignal = { reason: 'bereavement', evidence: 'mijn moeder is overleden' };
    d.sayParsed({ ...parsed('mijn moeder is overleden, wat moet ik regelen', 'none'), handoff: death, handoffs: [death] });
    const r = d.sayParsed(parsed('moet ik haar uitkering stoppen', 'change_details', [], 0.73));
    expect(r.replies.map((x) => x.trace.step)).toEqual(['after_death']);
    expect(r.text).toMatch(/U hoeft dat niet zelf aan ons door te geven/);
    // One's own benefit is a question of its own.
    expect(d.sayParsed(parsed('wanneer krijg ik mijn eigen uitkering', 'payment', [], 0.95)).replies[0]!.trace.dialog).toBe('payment');
  });

  it('answers "wat moet ik nu regelen?" after a death told, also while waiting for the person, instead of keeping it', () => {
    const queued = { state: 'queued', handoffId: 'h1', awaitingCallbackAnswer: false } as const;
    for (const [ask, lang] of [['wat moet ik nu regelen?', 'nl'], ['wat moet ik allemaal doen', 'nl'], ['what do i need to do now?', 'en'], ['wie moet ik allemaal inlichten?', 'nl']] as const) {
      const d = lang === 'en' ? englishDriver() : driver();
      const death: HandoffSignal = { reason: 'bereavement', evidence: 'overleden' };
      d.sayParsed({ ...parsed(lang === 'en' ? 'my mother died yesterday' : 'mijn moeder is gisteren overleden', 'none'), lang, handoff: death, handoffs: [death] });
      const r = step(d.state, { kind: 'message', text: ask, nlu: { ...parsed(ask, 'none', [], 0.6), lang }, now: NOW, handoff: queued }, ctx);
      expect({ ask, step: r.replies[0]?.trace.step }).toEqual({ ask, step: 'after_death' });
    }
    // Without a death told it is no such question; nor one's own change after it.
    expect(driver().sayParsed(parsed('wat moet ik nu regelen?', 'none', [], 0.6)).replies[0]?.trace.step).not.toBe('after_death');
    const own = driver();
    const died: HandoffSignal = { reason: 'bereavement', evidence: 'overleden' };
    own.sayParsed({ ...parsed('mijn vader is overleden', 'none'), handoff: died, handoffs: [died] });
    expect(own.sayParsed(parsed('ik ga samenwonen, moet ik dat doorgeven?', 'change_details', [], 0.8)).replies[0]?.trace.step).not.toBe('after_death');
  });

  it('answers "moet ik haar uitschrijven?" later on: the registration of the death does that, not the answer on papers', () => {
    for (const [ask, intent] of [['moet ik haar uitschrijven?', 'documents'], ['moet ik hem afmelden bij de gemeente', 'documents'], ['moet ik mijn moeder uitschrijven', 'change_details']] as const) {
      const d = driver();
      const death: HandoffSignal = { reason: 'bereavement', evidence: 'mijn moeder is vorige week overleden' };
      d.sayParsed({ ...parsed('mijn moeder is vorige week overleden', 'none'), handoff: death, handoffs: [death] });
      const r = d.sayParsed(parsed(ask, intent, [], 0.55));
      expect({ ask, step: r.replies[0]?.trace.step, text: r.text }).toEqual({ ask, step: 'after_death', text: expect.stringMatching(/U hoeft dat niet zelf aan ons door te geven/) });
    }
    const en = englishDriver();
    const died: HandoffSignal = { reason: 'bereavement', evidence: 'my father passed away' };
    en.sayParsed({ ...parsed('my father passed away on monday', 'none'), lang: 'en', handoff: died, handoffs: [died] });
    expect(en.sayParsed({ ...parsed('do i need to deregister him', 'documents', [], 0.56), lang: 'en' }).replies[0]!.trace.step).toBe('after_death');
    // One's own registration is one's own.
    const own = driver();
    const death: HandoffSignal = { reason: 'bereavement', evidence: 'mijn vader is overleden' };
    own.sayParsed({ ...parsed('mijn vader is overleden', 'none'), handoff: death, handoffs: [death] });
    expect(own.sayParsed(parsed('moet ik me uitschrijven als ik naar zijn huis verhuis', 'change_details', [], 0.6)).replies[0]?.trace.step).not.toBe('after_death');
  });
});

describe('follow-ups: the language of a message with postcode and birth date', () => {
  it('keeps English for "postcode 1234 AB born 15/03/1980": the letters of a postcode are no words', () => {
    const msg = 'postcode 1234 AB born 15/03/1980';
    const d = createDriver(ctx, { parse: (t) => ({ ...parsed(t, 'case_status', [], 0.9), lang: 'en' }) });
    d.say('whats the status of my application');
    d.sayParsed(parsed('Z-2026-000123', 'none', [e('case_number', 'Z-2026-000123')]));
    // The detector reads Dutch in it.
    const r = d.sayParsed({ ...parsed(msg, 'none', [e('postcode', '1234 AB', 9), e('date', '1980-03-15', 22)]), lang: 'nl' });
    expect(r.replies[0]!.trace.step).toBe('answer');
    expect(r.text).toMatch(/^Your case Z-2026-000123/);
  });

  it('says in English what the Dutch status means, at once; in Dutch the status is its own words', () => {
    const en = createDriver(ctx, { parse: (t) => ({ ...parsed(t, 'case_status', [], 0.9), lang: 'en' }) });
    en.say('whats the status of my application');
    en.sayParsed({ ...parsed('Z-2026-000123', 'none', [e('case_number', 'Z-2026-000123')]), lang: 'en' });
    const r = en.sayParsed({ ...parsed('1234 AB 15-03-1980', 'none', [e('postcode', '1234 AB'), e('date', '1980-03-15', 8)]), lang: 'en' });
    expect(r.text).toMatch(/The status in Dutch: "In behandeling: .*" This means: your application is not finished yet\..* By 15 January 2027 at the latest you will get a letter with the decision\. Want to know why/);
    const nl = after('hoe staat het met mijn aanvraag', 'case_status', 0.95);
    nl.sayParsed(parsed('Z-2026-000123', 'none', [e('case_number', 'Z-2026-000123')]));
    const n = nl.sayParsed(parsed('1234 AB 15-03-1980', 'none', [e('postcode', '1234 AB'), e('date', '1980-03-15', 8)]));
    expect(n.replies[0]!.trace.step).toBe('answer');
    expect(n.text).not.toMatch(/Dat betekent/);
  });
});

describe('follow-ups: paying in parts', () => {
  it('quotes the payment plan, with the question it answers, for "kan dat in termijnen?" and "can I pay it in instalments?"', () => {
    const d = after('hoe kan ik dat betalen', 'payment', 0.98);
    const r = d.sayParsed(parsed('kan dat in termijnen', 'none', [], 0.67));
    expect(r.replies[0]!.trace.step).toBe('how_in_answer');
    expect(r.text).toMatch(/^In mijn antwoord staat: Lukt het niet in één keer\? Vraag dan een betalingsregeling aan\./);
    const en = createDriver(ctx, { parse: (t) => ({ ...parsed(t, 'payment', [], 0.9), lang: 'en' }) });
    en.say('how do i pay the fine');
    expect(en.say('can i pay it in instalments').text).toMatch(/Can you not pay it all at once\? Then ask for a payment plan\./);
  });

  it('not after an answer that has no payment plan', () => {
    const d = after('ik wil bezwaar maken', 'objection', 1);
    expect(d.sayParsed(parsed('kan dat in termijnen', 'none', [], 0.67)).replies[0]!.trace.step).not.toBe('how_in_answer');
  });
});

describe('follow-ups: looking for the case number', () => {
  const asked = () => {
    const d = after('hoe staat het met mijn aanvraag', 'case_status', 0.99);
    return d;
  };

  it('takes "momentje ik zoek hem even", "ik kijk even in mijn mail" and "hang on let me find it" as looking, without a check-in', () => {
    for (const msg of ['momentje ik zoek hem even', 'ik kijk even in mijn mail', 'wacht ik pak de brief', 'ik ga het zoeken', 'hang on let me find it']) {
      const d = createDriver(ctx, { parse: (t) => ({ ...parsed(t, 'none', [], 0.77), concern: { reason: 'distress', probability: 0.45, evidence: t } }) });
      d.sayParsed(parsed('hoe staat het met mijn aanvraag', 'case_status', [], 0.99));
      const r = d.say(msg);
      expect({ msg, steps: r.replies.map((x) => x.trace.step) }).toEqual({ msg, steps: ['take_your_time'] });
    }
  });

  it('offers a person when, after "ik weet het nummer niet", the citizen says what the case is about', () => {
    const d = asked();
    expect(d.sayParsed(parsed('ik weet het nummer niet', 'none', [], 0.49)).replies[0]!.trace.step).toBe('no_number');
    const r = d.sayParsed(parsed('het gaat over mijn parkeervergunning', 'none', [], 0.49));
    expect(r.replies[0]!.trace.step).toBe('no_number_offer');
    expect(d.sayParsed(parsed('ja', 'none', [], 0.98)).effects).toEqual([expect.objectContaining({ type: 'handoff' })]);
    // "Ik heb hem gevonden": the number is coming, no offer.
    const found = asked();
    found.sayParsed(parsed('ik weet het nummer niet', 'none', [], 0.49));
    expect(found.sayParsed(parsed('ik heb hem gevonden', 'none', [], 0.78)).replies[0]!.trace.step).toBe('ask_number');
  });
});

describe('follow-ups: a question the classifier was unsure of, about a word of the answer just given', () => {
  it('quotes the lost ID card answer on the police for "do i need to go to the police" (read as documents, 0.43)', () => {
    const d = createDriver(ctx, { parse: (t) => ({ ...parsed(t, 'none', [], 0.4), lang: 'en' }) });
    d.say('i lost my wallet with my id card in it');
    const r = d.sayParsed({ ...parsed('do i need to go to the police', 'documents', [], 0.43), lang: 'en' });
    expect(r.replies[0]!.trace.step).toBe('named_in_answer');
    expect(r.text).toMatch(/^My answer says: In the Netherlands you do not need to report it to the police\. Lost abroad\? Then go to the police there\./);
    // Read surely, the intent answers.
    const sure = createDriver(ctx, { parse: (t) => ({ ...parsed(t, 'none', [], 0.4), lang: 'en' }) });
    sure.say('i lost my wallet with my id card in it');
    expect(sure.sayParsed({ ...parsed('do i need to go to the police', 'documents', [], 0.9), lang: 'en' }).replies[0]!.trace.step).toBe('answer');
  });
});

describe('topics: getting married', () => {
  it('tells how to give notice of a marriage, and what it costs from that answer; "trouwens" is no wedding', () => {
    const d = driver();
    const r = d.sayParsed(parsed('wij gaan trouwen, wat moet ik regelen', 'none', [], 0.67));
    expect(r.replies[0]!.trace).toMatchObject({ dialog: 'none', step: 'answer' });
    expect(r.text).toMatch(/^Wilt u trouwen of een geregistreerd partnerschap aangaan\? Doe dan eerst samen een melding voorgenomen huwelijk/);
    expect(d.sayParsed(parsed('hoeveel kost het', 'payment', [], 0.99)).text).toMatch(/^In mijn antwoord staat: Op die pagina staat ook waar en wanneer u kunt trouwen, en wat het kost\./);
    // Which papers: the documents answer on it.
    const papers = driver().sayParsed(parsed('welke papieren moeten we meenemen voor de ondertrouw?', 'documents', [], 0.95));
    expect(papers.text).toMatch(/Bent u in het buitenland geboren\? Dan is vaak uw geboorteakte nodig\./);
    expect(driver().sayParsed(parsed('ik ben trouwens verhuisd', 'change_details', [], 0.82)).text).not.toMatch(/trouwen/);
  });
});

describe('follow-ups: leaving the queue to phone instead', () => {
  const queued = { state: 'queued' as const, handoffId: 'h1', awaitingCallbackAnswer: false };
  it('gives the number and hours for "laat maar, ik bel wel", and the plain cancel otherwise', () => {
    const call = duringHandoff(initialState(), 'laat maar, ik bel wel', parsed('laat maar, ik bel wel', 'none'), queued, { dialogs, timeZone: 'Europe/Amsterdam' }, NOW)!;
    expect(call.effects).toEqual([{ type: 'handoff_cancel' }]);
    expect(call.replies[0]!.text).toBe('Goed, u staat niet meer in de wachtrij. U kunt ons bellen op 14 0123, van maandag tot en met vrijdag van 8.30 tot 17.00 uur. Heeft u nog een vraag? Dan help ik u graag.');
    const en = duringHandoff({ ...initialState(), lang: 'en' }, "never mind, I'll call you tomorrow", parsed('x', 'none'), queued, { dialogs, timeZone: 'Europe/Amsterdam' }, NOW)!;
    expect(en.replies[0]!.text).toMatch(/^All right, you are no longer in the queue\. You can call us on 14 0123/);
    const plain = duringHandoff(initialState(), 'laat maar', parsed('laat maar', 'none'), queued, { dialogs, timeZone: 'Europe/Amsterdam' }, NOW)!;
    expect(plain.replies[0]!.text).toBe('Goed, u staat niet meer in de wachtrij. Ik help u weer. Wat wilt u weten?');
  });
});

describe('follow-ups: a person asked for while waiting after a crisis', () => {
  const queued = { state: 'queued' as const, handoffId: 'h1', awaitingCallbackAnswer: false };
  const request: HandoffSignal = { reason: 'explicit_request', evidence: 'ik wil nu iemand spreken', lexicon: 'explicit_request' };
  const crisis = { reason: 'distress' as const, evidence: 'ik wil niet meer leven', priority: 1, at: NOW };
  it('says who is there right now (113, 112) and the wait, not "Ik zorg dat een medewerker u helpt" when none may come before the office opens', () => {
    const asked = { ...parsed('ik wil nu iemand spreken', 'human', [], 0.9), handoff: request, handoffs: [request] };
    const r = duringHandoff({ ...initialState(), handoffs: [crisis] }, 'ik wil nu iemand spreken', asked, queued, { dialogs, timeZone: 'Europe/Amsterdam' }, NOW)!;
    expect(r.replies.map((x) => x.text)).toEqual([expect.stringMatching(/Bel 113 of gratis 0800-0113, dag en nacht\. Gaat het om geweld thuis\? Bel Veilig Thuis, gratis 0800-2000\. Bent u in direct gevaar\? Bel 112\./)]);
    expect(r.effects).toEqual([{ type: 'queue_status' }]);
    // Without a crisis before, the request is handled as any request (the step hands it on).
    expect(duringHandoff(initialState(), 'ik wil nu iemand spreken', asked, queued, { dialogs, timeZone: 'Europe/Amsterdam' }, NOW)).toBeNull();
  });
});

describe('follow-ups: money', () => {
  it('answers "waarom krijg ik minder bijstand deze maand" with why a payment can be less, not the payment dates', () => {
    const r = driver().sayParsed(parsed('waarom krijg ik minder bijstand deze maand', 'payment', [], 1));
    expect(r.text).toMatch(/^Krijgt u deze maand minder dan anders\? Dat kan komen door inkomsten die u heeft doorgegeven\./);
  });

  it('offers a person when, after the answer on a benefit that stopped, the citizen does not know why', () => {
    for (const msg of ['ik heb niks veranderd', 'ik heb geen brief gekregen', 'I do not know why']) {
      const d = after('mijn uitkering is gestopt', 'payment', 0.81);
      const r = d.sayParsed(parsed(msg, 'none', [], 0.49));
      expect({ msg, step: r.replies[0]!.trace.step }).toEqual({ msg, step: 'stop_unexplained' });
      expect(d.sayParsed(parsed('ja', 'none', [], 0.98)).effects).toEqual([expect.objectContaining({ type: 'handoff' })]);
    }
    // After the payment dates, "ik heb niks veranderd" is no such thing.
    const dates = after('wanneer krijg ik mijn geld', 'payment', 0.99);
    expect(dates.sayParsed(parsed('ik heb niks veranderd', 'none', [], 0.49)).replies[0]!.trace.step).not.toBe('stop_unexplained');
  });

  it('answers "wat kost het?", "moet ik iets betalen?" with what costs what, not with when we pay benefits', () => {
    const topicOf = (r: { replies: Array<{ trace: { sources: Array<{ kind: string; ref: string }> } }> }) => r.replies[0]!.trace.sources.find((x) => x.kind === 'rule')?.ref;
    for (const msg of ['wat kost het?', 'moet ik iets betalen?', 'kost het iets', 'is het gratis?']) {
      const r = driver().sayParsed(parsed(msg, 'payment', [], 0.9));
      expect({ msg, topic: topicOf(r), text: r.text }).toEqual({ msg, topic: 'topic:costs', text: expect.stringMatching(/^Wat het kost, hangt af van wat u aanvraagt\./) });
    }
    for (const msg of ['does it cost anything', 'do I have to pay now?', 'is it free?']) {
      const r = englishDriver().sayParsed({ ...parsed(msg, 'payment', [], 0.9), lang: 'en' });
      expect({ msg, topic: topicOf(r), text: r.text }).toEqual({ msg, topic: 'topic:costs', text: expect.stringMatching(/^What it costs depends on what you apply for\./) });
    }
    // Right after a status that names a payment date: still no "In uw zaak staat: Eerste betaling op …" before it.
    for (const msg of ['kost het iets?', 'moet ik nu betalen?']) {
      const d = afterStatus('Z-2026-000456', '5678 CD', '1992-07-01');
      const r = d.sayParsed(parsed(msg, 'payment', [], 0.9));
      expect({ msg, text: r.text }).toEqual({ msg, text: expect.stringMatching(/^Wat het kost, hangt af/) });
    }
    // Nor before how to pay us.
    const pay = afterStatus('Z-2026-000456', '5678 CD', '1992-07-01').sayParsed(parsed('hoe betaal ik de boete?', 'payment', [], 0.9));
    expect(pay.text).toMatch(/^Een rekening, aanslag of boete van de gemeente betaalt u/);
    // A thing named beside it answers, and paying back is its own answer.
    expect(topicOf(driver().sayParsed(parsed('hoeveel moet ik betalen voor een paspoort', 'payment', [], 0.9)))).toBe('topic:id_documents');
    expect(topicOf(englishDriver().sayParsed({ ...parsed('do i have to pay back the money', 'payment', [], 0.9), lang: 'en' }))).toBe('topic:repayment');
    // "wanneer krijg ik het geld?" after that status still starts with its date.
    const paid = afterStatus('Z-2026-000456', '5678 CD', '1992-07-01').sayParsed(parsed('wanneer krijg ik het geld?', 'payment', [], 0.9));
    expect(paid.text).toMatch(/^In uw zaak Z-2026-000456 staat: Eerste betaling op 1 december 2026\./);
  });

  it('quotes a time that is asked as a question with the sentence that answers it ("hoe snel?" after the advance)', () => {
    const d = after('kan ik een voorschot krijgen', 'payment', 0.89);
    const r = d.sayParsed(parsed('hoe snel', 'none', [], 0.58));
    expect(r.replies[0]!.trace.step).toBe('time_in_answer');
    expect(r.text).toMatch(/^In mijn antwoord staat: Heeft de gemeente 4 weken na uw aanvraag voor bijstand nog geen besluit genomen\? Dan krijgt u meestal vanzelf een voorschot\./);
  });
});

describe('topics: the WOZ value', () => {
  it('answers "die is veel te hoog" after "ik heb een vraag over de WOZ waarde", and objecting to it on its own page', () => {
    const d = driver();
    expect(d.sayParsed(parsed('ik heb een vraag over de WOZ waarde', 'case_status', [], 0.47)).replies[0]!.trace.step).toBe('go_ahead_about');
    expect(d.sayParsed(parsed('die is veel te hoog', 'none', [], 0.53)).text).toMatch(/^De WOZ-waarde is wat uw huis volgens de gemeente waard is\..*Vindt u de waarde te hoog\? Maak dan binnen 6 weken na de datum van de aanslag bezwaar/);
    const objects = driver().sayParsed(parsed('hoe maak ik bezwaar tegen de WOZ-waarde', 'objection', [], 1));
    expect(objects.text).toMatch(/^Vindt u de WOZ-waarde van uw huis te hoog\? Maak dan bezwaar op www\.voorbeeld\.nl\/woz/);
  });
});

describe('follow-ups: telling what a complaint is about while waiting', () => {
  const queued = { state: 'queued' as const, handoffId: 'h1', awaitingCallbackAnswer: false };
  const complained = () => {
    const signal: HandoffSignal = { reason: 'complaint', evidence: 'klacht indienen' };
    return step(initialState(), { kind: 'message', text: 'ik wil een klacht indienen', nlu: { ...parsed('ik wil een klacht indienen', 'complaint', [], 0.9), handoff: signal, handoffs: [signal] }, now: '2026-12-01T10:00:00.000Z' }, ctx).state;
  };

  it('keeps a statement for the caseworker instead of answering its topic, and still answers a question', () => {
    const told = step(complained(), { kind: 'message', text: 'over de afvalophaling, ze vergeten steeds mijn container', nlu: parsed('over de afvalophaling, ze vergeten steeds mijn container', 'case_status', [], 0.42), now: '2026-12-01T10:01:00.000Z', handoff: queued }, ctx);
    expect(told.replies.map((r) => r.trace.step)).toEqual(['kept_for_caseworker']);
    const asked = step(complained(), { kind: 'message', text: 'wat zijn jullie openingstijden', nlu: parsed('wat zijn jullie openingstijden', 'contact_hours', [], 0.99), now: '2026-12-01T10:01:00.000Z', handoff: queued }, ctx);
    expect(asked.replies[0]!.trace.dialog).toBe('contact_hours');
  });
});

describe('follow-ups: small words', () => {
  it('answers "en als ik niet zeg?" after reporting a change with what happens then; "zelf" names no sentence to quote', () => {
    const d = after('ik heb een nieuwe baan, moet ik dat doorgeven', 'change_details', 0.96);
    expect(d.sayParsed(parsed('en als ik niet zeg?', 'none', [], 0.95)).text).toMatch(/^Geeft u een verandering niet of te laat door\?/);
    const valid = after('hoe lang is een id kaart geldig', 'documents', 0.9);
    expect(valid.sayParsed(parsed('moet ze zelf mee komen', 'documents', [], 0.54)).replies[0]!.trace.step).not.toBe('named_in_answer');
  });
});

describe('follow-ups: no person, and another language', () => {
  it('takes "ik wil geen medewerker, alleen informatie" while waiting as leaving the queue', () => {
    const queued = { state: 'queued' as const, handoffId: 'h1', awaitingCallbackAnswer: false };
    for (const msg of ['ik wil geen medewerker, alleen informatie', 'ik hoef geen mens', "I don't want a person, just the info"]) {
      expect({ msg, effects: duringHandoff(initialState(), msg, parsed(msg, 'none'), queued, { dialogs, timeZone: 'Europe/Amsterdam' }, NOW)?.effects }).toEqual({ msg, effects: [{ type: 'handoff_cancel' }] });
    }
  });

  it('switches language for "can we speak English please?", "can you answer in English?" and "kan ook nederlands hoor"', () => {
    const request: HandoffSignal = { reason: 'explicit_request', evidence: 'can we speak English please?' };
    const en = driver().sayParsed({ ...parsed('can we speak English please?', 'human', [], 0.95), handoff: request, handoffs: [request] });
    expect(en.replies[0]!.trace.step).toBe('language');
    expect(en.effects).toEqual([]);
    expect(driver().sayParsed(parsed('can you answer in English?', 'none', [], 0.58)).text).toMatch(/^Of course\. I will answer in English/);
    const back = createDriver(ctx, { parse: (t) => ({ ...parsed(t, 'greeting', [], 1), lang: 'en' }) });
    back.say('hello');
    expect(back.sayParsed(parsed('kan ook nederlands hoor', 'none', [], 0.41)).text).toMatch(/^Natuurlijk\. Ik antwoord vanaf nu in het Nederlands/);
  });
});

describe('topics: read as the case question or unsurely as another intent', () => {
  it('answers "de kliko is niet geleegd" and "when is my bin collected?" with waste, not the question for a case number', () => {
    // (Not emptied: the waste answer's narrower case, how to report it; waste_bin, fq.)
    expect(driver().sayParsed(parsed('de kliko is niet geleegd!!! al 2 weken', 'case_status', [], 0.88)).text).toMatch(/^Is uw container kapot of niet geleegd\? Meld het op www\.voorbeeld\.nl\/melding\./);
    const en = createDriver(ctx, { parse: (t) => ({ ...parsed(t, 'case_status', [], 0.72), lang: 'en' }) });
    expect(en.say('when is my bin collected?').text).toMatch(/^Everything about waste is on www\.voorbeeld\.nl\/afval/);
    // A word of an application keeps the case question.
    expect(driver().sayParsed(parsed('hoe staat het met mijn aanvraag voor grofvuil', 'case_status', [], 0.97)).replies[0]!.trace.step).toBe('ask_number');
  });

  it('answers "paspoort aanvragen" with how to apply, and "geboorteaangifte" (documents, 0.39) with registering a birth', () => {
    expect(driver().sayParsed(parsed('paspoort aanvragen', 'case_status', [], 0.61)).text).toMatch(/^Een paspoort, ID-kaart of rijbewijs vraagt u aan bij de balie/);
    expect(driver().sayParsed(parsed('geboorteaangifte', 'documents', [], 0.39)).text).toMatch(/^Is uw kind geboren\? Doe dan binnen 3 werkdagen aangifte van de geboorte/);
    // Objecting stays objecting, whatever it is about.
    expect(driver().sayParsed(parsed('hoe maak ik bezwaar tegen de afvalboete', 'objection', [], 0.5)).replies[0]!.trace.dialog).toBe('objection');
  });
});

describe('topics: leaving the country, living together, the neighbours, an appointment, what it costs', () => {
  it('tells someone who emigrates to report leaving here, in the 5 days before; a move within the country is not that', () => {
    const r = driver().sayParsed(parsed('ik ga emigreren naar spanje', 'none', [], 0.59));
    expect(r.text).toMatch(/^Gaat u in het buitenland wonen\? Geef uw vertrek dan door aan de gemeente waar u nu woont\. Dat doet u in de 5 dagen voor uw vertrek/);
    const en = createDriver(ctx, { parse: (t) => ({ ...parsed(t, 'change_details', [], 1), lang: 'en' }) });
    expect(en.say("I'm moving abroad, how do I deregister?").text).toMatch(/^Are you going to live abroad\?/);
    expect(driver().sayParsed(parsed('Mijn dochter gaat op kamers in Utrecht. Moet ik haar uitschrijven?', 'change_details', [], 0.9)).text).not.toMatch(/buitenland/);
  });

  it('reads living together, trouble with the neighbours and an appointment for a driving licence', () => {
    expect(driver().sayParsed(parsed('ik woon sinds kort samen met mn vriend moet ik dat doorgeven', 'change_details', [], 0.99)).text).toMatch(/^Verandert er iets in uw werk, inkomen of gezin\?/);
    expect(driver().sayParsed(parsed('ik heb last van de buren', 'none', [], 0.86)).text).toMatch(/^Heeft u last van uw buren\?/);
    expect(driver().sayParsed(parsed('ik wil een afspraak maken voor mijn rijbewijs', 'contact_hours', [], 0.78)).text).toMatch(/^Een afspraak maakt u op www\.voorbeeld\.nl\/afspraak/);
  });

  it('gives the price of what was just answered for "hoeveel kost?" and "kosten?", and the instalments of the taxes answer', () => {
    const d = after('ik wil een uittreksel', 'documents', 0.9);
    expect(d.sayParsed(parsed('kosten?', 'payment', [], 0.99)).text).toMatch(/^Wat een uittreksel uit de BRP kost/);
    const taxes = after('ozb te hoog', 'payment', 0.9);
    expect(taxes.sayParsed(parsed('kan ik in termijnen betalen', 'payment', [], 0.99)).text).toMatch(/^In mijn antwoord staat: U kunt in termijnen betalen met automatische incasso\./);
    const paid = after('wnr komt mn uitkering', 'payment', 0.98);
    expect(paid.sayParsed(parsed('ja rekeningnr klopt', 'change_details', [], 0.48)).replies[0]!.trace.step).toBe('checked');
  });
});

describe('follow-ups: a day after a place with days of its own, and a question that looks like a goodbye', () => {
  const hours = parseOfficeHours('mon-fri 08:30-17:00', ZONE, dialogs.holidays);
  const hoursDriver = () => createDriver({ dialogs, timeZone: ZONE, officeHours: hours }, { now: '2026-12-01T10:00:00.000Z', parse: (t) => parsed(t, 'none') });

  it('does not give the office\'s Saturday after the recycling centre or a wedding', () => {
    for (const [first, intent] of [['wanneer is de milieustraat open', 'contact_hours'], ['wij willen gaan trouwen', 'none']] as const) {
      const d = hoursDriver();
      d.sayParsed(parsed(first, intent, [], 0.9));
      const r = d.sayParsed(parsed('kan het ook op zaterdag?', 'contact_hours', [], 0.76));
      // That place's answer again, or what the assistant knows of it; never the office's day.
      expect({ first, office: /^Op zaterdag|zijn we dicht|zijn we open/.test(r.text), about: /milieustraat|trouwen|hierboven/.test(r.text) }).toEqual({ first, office: false, about: true });
    }
  });

  it('reads "en de dag erna?" read as a goodbye (0.48) as no goodbye: no feedback question', () => {
    const d = hoursDriver();
    d.sayParsed(parsed('open met kerst?', 'contact_hours', [], 0.97));
    const r = d.sayParsed(parsed('en de dag erna?', 'goodbye', [], 0.48));
    // What the assistant knows is in its answer (it keeps no day to count from); no goodbye.
    expect(r.replies.map((x) => `${x.trace.dialog}/${x.trace.step}`)).toEqual(['none/fallback_after_answer']);
    expect(d.state.pending).not.toBe('feedback');
  });

  it('reads a question word as no goodbye or thanks, however sure the classifier was; an exclamation stays one', () => {
    for (const [said, intent] of [['hoe stop ik ermee?', 'goodbye'], ['en wanneer dan?', 'thanks']] as const) {
      const d = hoursDriver();
      d.sayParsed(parsed('open met kerst?', 'contact_hours', [], 0.97));
      const r = d.sayParsed(parsed(said, intent, [], 0.9));
      expect({ said, steps: r.replies.map((x) => `${x.trace.dialog}/${x.trace.step}`), feedback: d.state.pending === 'feedback' }).toEqual({ said, steps: ['none/fallback_after_answer'], feedback: false });
    }
    // "Tot hoe laat?", "until when?" right after the hours: today's hours, not a goodbye nor the payment dates.
    for (const [said, intent] of [['tot hoe laat?', 'goodbye'], ['until when?', 'payment'], ['tot wanneer?', 'goodbye']] as const) {
      const d = hoursDriver();
      d.sayParsed(parsed('wat zijn jullie openingstijden', 'contact_hours', [], 0.97));
      const r = d.sayParsed(parsed(said, intent, [], 0.66));
      expect({ said, dialog: r.replies[0]!.trace.dialog, feedback: d.state.pending === 'feedback', text: r.text }).toEqual({ said, dialog: 'contact_hours', feedback: false, text: expect.stringMatching(/(vandaag|today|dicht|closed|open)/i) });
    }
    // After another day's hours, that day's (review); after an answer of its own (moving an appointment), not the hours.
    const friday = hoursDriver();
    const told = friday.sayParsed(parsed('zijn jullie vrijdag open?', 'contact_hours', [], 0.97)).text.split('. ')[0]!;
    expect(friday.sayParsed(parsed('tot hoe laat dan?', 'goodbye', [], 0.66)).text).toBe(`${told}.`);
    const moved = hoursDriver();
    moved.sayParsed(parsed('ik wil mijn afspraak verzetten', 'contact_hours', [], 0.97));
    expect(moved.sayParsed(parsed('tot wanneer?', 'goodbye', [], 0.66)).replies[0]!.trace.step).not.toBe('answer');
    for (const said of ['wat fijn, dank je wel', 'how kind, thank you', 'what a great help, thanks', 'wat vriendelijk, dank je wel', 'hoe dan ook bedankt', 'why thank you!']) {
      const d = hoursDriver();
      d.sayParsed(parsed('open met kerst?', 'contact_hours', [], 0.97));
      const r = d.sayParsed(parsed(said, 'thanks', [], 0.9));
      expect({ said, dialog: r.replies[0]!.trace.dialog, feedback: d.state.pending === 'feedback' }).toEqual({ said, dialog: 'thanks', feedback: true });
    }
  });
});

describe('follow-ups: the language of a short message', () => {
  const asLang = (lang: 'nl' | 'en') => (t: string) => ({ ...parsed(t, 'none', [], 0.9), lang });

  it('answers "status please Z-2026-000123" and "human pls" in English from the first message', () => {
    const d = createDriver(ctx, { parse: asLang('en') });
    expect(d.sayParsed({ ...parsed('status please Z-2026-000123', 'case_status', [e('case_number', 'Z-2026-000123', 14)], 0.95), lang: 'en' }).text).toMatch(/^To check that it is you/);
  });

  it('stays in English for "oops postcode is 5678 CD", which the detector reads as Dutch, and for "ok thanks, bedankt!"', () => {
    const d = createDriver(ctx, { parse: asLang('en') });
    d.say('I need an extract from the BRP please');
    expect(d.state.lang).toBe('en');
    d.sayParsed({ ...parsed('ok thanks, bedankt!', 'thanks', [], 1), lang: 'nl' });
    expect(d.state.lang).toBe('en');
    const c = createDriver(ctx, { parse: asLang('en') });
    c.say('Hi, I would like an update on my case');
    c.sayParsed({ ...parsed('Z-2026-000456', 'none', [e('case_number', 'Z-2026-000456')]), lang: 'en' });
    expect(c.sayParsed({ ...parsed('oops postcode is 5678 CD', 'none', [e('postcode', '5678 CD', 16)], 0.9), lang: 'nl' }).replies[0]!.text).toMatch(/^(To check|What is your date of birth)/);
  });

  it('keeps Dutch for a Dutch speaker\'s "thanks", and switches for a whole English sentence', () => {
    const d = createDriver(ctx, { parse: asLang('nl') });
    d.say('wat zijn jullie openingstijden');
    d.sayParsed({ ...parsed('thanks', 'thanks', [], 1), lang: 'en' });
    expect(d.state.lang).toBe('nl');
    d.sayParsed({ ...parsed('can you help me with my passport', 'documents', [], 0.9), lang: 'en' });
    expect(d.state.lang).toBe('en');
  });
});

describe('follow-ups: in the case flow, and a payment that did not come', () => {
  it('gives the hint for someone who moved to "postcode weet ik niet meer ben verhuisd", and the move answer to a question about it', () => {
    const d = driver();
    d.sayParsed(parsed('Z-2026-000123', 'none', [e('case_number', 'Z-2026-000123')]));
    const r = d.sayParsed(parsed('postcode weet ik niet meer ben verhuisd', 'change_details', [], 0.71));
    expect(r.text).toMatch(/^Bent u verhuisd\? Dan staat in uw zaak misschien nog uw oude adres\./);
    const asks = driver();
    asks.sayParsed(parsed('Z-2026-000123', 'none', [e('case_number', 'Z-2026-000123')]));
    expect(asks.sayParsed(parsed('ik ben verhuisd, hoe geef ik mijn nieuwe adres door?', 'change_details', [], 1)).text).toMatch(/^Een nieuw adres geeft u door/);
  });

  it('offers a person for "1e van de maand is al geweest" and "er is niks gestort" after the payment answer', () => {
    for (const msg of ['1e van de maand is al geweest', 'er is niks gestort']) {
      const d = after('wnr komt mn uitkering', 'payment', 0.98);
      expect({ msg, step: d.sayParsed(parsed(msg, 'payment', [], 0.86)).replies[0]!.trace.step }).toEqual({ msg, step: 'not_paid' });
    }
  });
});

describe('review: a death told earlier, and the language of a short message in a conversation', () => {
  it('answers one\'s own change after a death with that change, and only "haar uitkering" with the benefit that stops', () => {
    const d = driver();
    const death: HandoffSignal = { reason: 'bereavement', evidence: 'mijn moeder is overleden' };
    d.sayParsed({ ...parsed('mijn moeder is overleden', 'none'), handoff: death, handoffs: [death] });
    d.sayParsed(parsed('wat kost een paspoort', 'payment', [], 0.98));
    expect(d.sayParsed(parsed('ik heb werk gevonden en wil mijn bijstand stopzetten', 'change_details', [], 0.91)).replies[0]!.trace.step).not.toBe('after_death');
    expect(d.sayParsed(parsed('ik ga samenwonen, moet ik dat doorgeven?', 'change_details', [], 0.98)).replies[0]!.trace.step).not.toBe('after_death');
    expect(d.sayParsed(parsed('moet ik haar uitkering stoppen', 'change_details', [], 0.73)).replies[0]!.trace.step).toBe('after_death');
  });

  it('keeps Dutch for "what?", "nope" or "do open?" in a Dutch conversation, and for "update aanvraag" as a first message', () => {
    const d = createDriver(ctx, { parse: (t) => ({ ...parsed(t, 'none', [], 0.8), lang: 'en' }) });
    d.sayParsed(parsed('wat zijn jullie openingstijden', 'contact_hours', [], 1));
    for (const msg of ['what?', 'nope', 'do open?']) {
      d.say(msg);
      expect({ msg, lang: d.state.lang }).toEqual({ msg, lang: 'nl' });
    }
    const first = createDriver(ctx, { parse: (t) => ({ ...parsed(t, 'case_status', [], 0.93), lang: 'en' }) });
    first.say('update aanvraag');
    expect(first.state.lang).toBe('nl');
  });

  it('asks for the case number when a topic comes with a word of waiting for a decision', () => {
    for (const msg of ['wanneer beslissen jullie over mijn WOZ', 'is er al nieuws over mijn verzoek om een nieuwe container?', 'ik wacht al 8 weken op antwoord over de overlast van mijn buren']) {
      expect({ msg, step: driver().sayParsed(parsed(msg, 'case_status', [], 0.98)).replies[0]!.trace.step }).toEqual({ msg, step: 'ask_number' });
    }
  });
});

describe('topics: the BSN, a residence permit, the hours read unsurely', () => {
  it('says where the BSN is written, and that the IND extends a residence permit', () => {
    const en = createDriver(ctx, { parse: (t) => ({ ...parsed(t, 'contact_hours', [], 0.59), lang: 'en' }) });
    expect(en.say('what is my BSN number? I lost the letter').text).toMatch(/^Your citizen service number \(BSN\) is on your Dutch passport or ID card/);
    const ind = createDriver(ctx, { parse: (t) => ({ ...parsed(t, 'none', [], 0.36), lang: 'en' }) });
    expect(ind.say('where do I extend my residence permit?').text).toMatch(/^You apply for or extend a residence permit at the IND/);
    // Naturalisation is a case of the municipality's own: how it stands is the case question.
    expect(driver().sayParsed(parsed('hoe lang is de behandeltijd nog voor mijn naturalisatie', 'case_status', [], 0.9)).replies[0]!.trace.step).toBe('ask_number');
  });
});

describe('follow-ups: how long it takes is no deadline', () => {
  it('does not answer "how long does it take?" with a deadline of the citizen\'s, and still quotes a deadline for "hoe lang heb ik?"', () => {
    const d = after('ik wil bezwaar maken', 'objection', 1);
    expect(d.sayParsed(parsed('hoe lang heb ik', 'none', [], 0.46)).text).toMatch(/^In mijn antwoord staat: Doe dat binnen 6 weken na de datum van de brief\./);
    const taxes = createDriver(ctx, { parse: (t) => ({ ...parsed(t, 'none', [], 0.4), lang: 'en' }) });
    taxes.sayParsed({ ...parsed('how do I apply for kwijtschelding of municipal taxes?', 'payment', [], 0.9), lang: 'en' });
    expect(taxes.say('how long does it take?').text).not.toMatch(/object within 6 weeks/);
    const brp = after('ik wil een uittreksel', 'documents', 0.9);
    expect(brp.sayParsed(parsed('hoe lang duurt het', 'case_status', [], 0.76)).text).toMatch(/binnen 5 werkdagen per post/);
  });
});

describe('follow-ups: in the flow, about the move and whether it is safe', () => {
  it('keeps the flow for "ik ben verhuisd, welke postcode moet ik geven?", and says why the facts are asked for "is dat wel veilig om hier te geven?"', () => {
    const d = driver();
    d.sayParsed(parsed('Z-2026-000123', 'none', [e('case_number', 'Z-2026-000123')]));
    expect(d.sayParsed(parsed('ik ben verhuisd, welke postcode moet ik geven?', 'change_details', [], 0.71)).replies[0]!.trace.dialog).toBe('case_status');
    const safe = driver();
    safe.sayParsed(parsed('Z-2026-000123', 'none', [e('case_number', 'Z-2026-000123')]));
    expect(safe.sayParsed(parsed('is dat wel veilig om hier te geven?', 'none', [], 0.3)).replies[0]!.trace.step).toBe('why_asked');
  });
});

describe('follow-ups: a mark out of ten, no case number at all, objecting before a decision', () => {
  it('takes "8" and "7/10 prima geholpen" to the feedback question as marks out of ten (4 of 5)', () => {
    for (const [msg, comment] of [['8', ''], ['7/10 prima geholpen', 'prima geholpen']] as const) {
      const d = after('bedankt, doei', 'thanks', 0.9);
      const r = d.sayParsed(parsed(msg, 'none', [], 0.9));
      expect({ msg, effects: r.effects }).toEqual({ msg, effects: [expect.objectContaining({ type: 'feedback', score: 4, comment })] });
    }
  });

  it('takes a score written as a word, and a score with a comma before the comment', () => {
    for (const [msg, score, comment] of [
      ['vier', 4, ''], ['Vier!', 4, ''], ['tien', 5, ''], ['acht van de tien', 4, ''], ['drie van de vijf, duurde lang', 3, 'duurde lang'],
      ['four', 4, ''], ['3, was ok but long', 3, 'was ok but long'], ['8, prima', 4, 'prima'], ['een', 1, ''],
    ] as const) {
      const d = after('bedankt, doei', 'thanks', 0.9);
      const r = d.sayParsed(parsed(msg, 'none', [], 0.9));
      expect({ msg, effects: r.effects }).toEqual({ msg, effects: [expect.objectContaining({ type: 'feedback', score, comment })] });
    }
    // Not a score: a number word inside words, a decimal, "een" before more words.
    for (const msg of ['een beetje traag', '3,5 dagen gewacht', 'vier dagen gewacht']) {
      const d = after('bedankt, doei', 'thanks', 0.9);
      const r = d.sayParsed(parsed(msg, 'none', [], 0.9));
      expect({ msg, score: r.effects.find((x) => x.type === 'feedback') }).toEqual({ msg, score: undefined });
    }
  });

  it('answers "ik weet mijn zaaknummer niet" as a first message with where to find it', () => {
    expect(driver().sayParsed(parsed('ik weet mijn zaaknummer niet', 'none', [], 0.69)).replies[0]!.trace).toMatchObject({ dialog: 'case_status', step: 'no_number' });
  });

  it('says objecting needs a decision after a status that is none yet, and gives the objection answer after a decision', () => {
    const d = afterStatus('Z-2026-000123', '1234 AB', '1980-03-15');
    expect(d.sayParsed(parsed('kan ik bezwaar maken?', 'objection', [], 0.99)).text).toMatch(/^Over uw aanvraag is nog geen besluit\. Bezwaar maken kan pas als er een besluit is\./);
    const granted = afterStatus('Z-2026-000456', '5678 CD', '1992-07-01');
    // After a grant: objecting only makes sense when it is not what was asked (found-wrong-followups-2).
    expect(granted.sayParsed(parsed('kan ik bezwaar maken?', 'objection', [], 0.99)).replies[0]!.trace.step).toBe('objection_after_grant');
  });
});

describe('follow-ups: after the objection answer, and the wait asked about in other words', () => {
  it('answers "en als ze nee zeggen?" after the objection answer with the appeal to the court', () => {
    const d = after('hoe maak ik bezwaar?', 'objection', 1);
    expect(d.sayParsed(parsed('en als ze nee zeggen?', 'none', [], 0.9)).text).toMatch(/^Is uw bezwaar afgewezen\? Dan kunt u in beroep gaan bij de rechtbank\./);
    expect(d.sayParsed(parsed('en als ze het afwijzen?', 'objection', [], 0.9)).text).toMatch(/^Is uw bezwaar afgewezen\?/);
    // "How do I appeal the decision" is objecting, the first step.
    expect(driver().sayParsed(parsed('how do i appeal the decision', 'objection', [], 0.9)).text).not.toMatch(/court/);
    // After another answer, what is refused is what was asked for: how to object, the first step, not the court.
    const remission = after('hoe vraag ik kwijtschelding aan', 'payment', 0.9);
    expect(remission.sayParsed(parsed('en als het wordt afgewezen?', 'objection', [], 0.9)).text).toMatch(/^Bent u het niet eens met een besluit\? Dan kunt u bezwaar maken\./);
    // Read as nothing sure (the classifier: none, about half sure), not "Wat ik erover weet, staat in mijn antwoord hierboven".
    for (const [first, intent, msg] of [['hoe vraag ik kwijtschelding aan', 'payment', 'en als het wordt afgewezen?'], ['ik wil bijstand aanvragen', 'payment', 'wat als ze nee zeggen'],
      ['hoe vraag ik kwijtschelding aan', 'payment', 'what if they say no?']] as const) {
      const r = after(first, intent, 0.9).sayParsed(parsed(msg, 'none', [], 0.55));
      expect({ first, msg, dialog: r.replies[0]!.trace.dialog, text: r.text }).toMatchObject({ first, msg, dialog: 'objection', text: expect.stringMatching(/^(Bent u het niet eens met een besluit|Do you disagree with a decision)/) });
    }
    // Not after the opening hours: nothing there is refused.
    expect(after('wat zijn jullie openingstijden', 'contact_hours', 0.9).sayParsed(parsed('en als ze nee zeggen?', 'none', [], 0.55)).replies[0]!.trace.dialog).not.toBe('objection');
    expect(driver().sayParsed(parsed('and if they reject it?', 'objection', [], 0.9)).text).not.toMatch(/court|rechtbank/);
    expect(driver().sayParsed(parsed('mijn bezwaar is afgewezen, wat nu?', 'objection', [], 0.9)).text).toMatch(/^Is uw bezwaar afgewezen\?/);
  });

  it('answers "en als ze het afwijzen?" while the case number is asked with how to object, and the question for the number still stands', () => {
    for (const [msg, intent, confidence] of [['en als ze het afwijzen?', 'objection', 0.59], ['wat als ze nee zeggen', 'none', 0.97], ['en als het wordt afgewezen?', 'objection', 0.47],
      ['what if they say no?', 'none', 0.86], ['wat gebeurt er als mijn aanvraag wordt afgewezen', 'case_status', 0.42]] as const) {
      const d = after('ik heb bijstand aangevraagd wanneer hoor ik wat', 'case_status', 0.9);
      const r = d.sayParsed(parsed(msg, intent, [], confidence));
      expect({ msg, dialog: r.replies[0]!.trace.dialog, text: r.text }).toMatchObject({ msg, dialog: 'objection', text: expect.stringMatching(/bezwaar|object/) });
      const next = d.sayParsed(parsed('Z-2026-000123', 'none', [e('case_number', 'Z-2026-000123')]));
      expect(next.replies[0]!.trace.step).toBe('ask_both');
    }
    // Review: another refusal (an employer, the website) is not one of ours to object to.
    for (const msg of ['wat als mijn werkgever weigert de loonstrook te geven?', 'wat als jullie systeem mijn zaaknummer weigert?', 'what if the website says my number is rejected']) {
      const other = after('ik heb bijstand aangevraagd wanneer hoor ik wat', 'case_status', 0.9);
      expect({ msg, dialog: other.sayParsed(parsed(msg, 'none', [], 0.5)).replies[0]!.trace.dialog }).not.toEqual({ msg, dialog: 'objection' });
    }
    // A case number beside it answers the flow; a long story is not this short question.
    const d = after('ik heb bijstand aangevraagd wanneer hoor ik wat', 'case_status', 0.9);
    expect(d.sayParsed(parsed('Z-2026-000123 en als ze het afwijzen?', 'case_status', [e('case_number', 'Z-2026-000123')], 0.5)).replies[0]!.trace.step).toBe('ask_both');
  });

  it('answers "kan ik daar iets tegen doen?" after the parking fine with the fine\'s own way to object, and so "bezwaar tegen mijn parkeerboete"', () => {
    const d = after('ik heb een boete gekregen voor parkeren maar ik had een vergunning', 'none', 0.9);
    expect(d.sayParsed(parsed('kan ik daar iets tegen doen?', 'objection', [], 0.8)).text).toContain('www.voorbeeld.nl/parkeren');
    expect(driver().sayParsed(parsed('kan ik bezwaar maken tegen mijn parkeerboete?', 'objection', [], 0.99)).text).toContain('www.voorbeeld.nl/parkeren');
    // Not another naheffing, nor a speeding ticket.
    for (const msg of ['bezwaar tegen naheffingsaanslag toeristenbelasting', 'ik wil bezwaar maken tegen een bekeuring voor te hard rijden']) {
      expect({ msg, text: driver().sayParsed(parsed(msg, 'objection', [], 0.99)).text }).toEqual({ msg, text: expect.not.stringContaining('www.voorbeeld.nl/parkeren') });
    }
  });

  it('gives the place in the queue for "duurt t nog lang", "al nieuws?", "how long?", "hallo?", "is daar iemand?"', () => {
    const queued = { state: 'queued' as const, handoffId: 'h1', awaitingCallbackAnswer: false };
    for (const msg of ['duurt t nog lang', 'is er al iemand?', 'al nieuws?', 'any news?', 'how long?', 'hallo?', 'hallo??', 'hello?', 'is daar iemand?', 'iemand daar?', 'anyone there?', 'is anybody there']) {
      expect({ msg, effects: duringHandoff(initialState(), msg, parsed(msg, 'none'), queued, { dialogs, timeZone: 'Europe/Amsterdam' }, NOW)?.effects }).toEqual({ msg, effects: [{ type: 'queue_status' }] });
    }
  });
});

describe('second review: objecting to something else after a status, a mark out of ten with a full stop', () => {
  it('gives the objection answer for "kan ik bezwaar maken tegen mijn parkeerboete?" after an unfinished status', () => {
    const d = afterStatus('Z-2026-000123', '1234 AB', '1980-03-15');
    expect(d.sayParsed(parsed('kan ik bezwaar maken tegen mijn parkeerboete?', 'objection', [], 0.99)).replies[0]!.trace.dialog).toBe('objection');
  });

  it('reads "5/10." as 3 of 5', () => {
    const d = after('bedankt, doei', 'thanks', 0.9);
    expect(d.sayParsed(parsed('5/10.', 'none', [], 0.9)).effects).toEqual([expect.objectContaining({ type: 'feedback', score: 3 })]);
  });
});

describe('verification: failed tries after a check that matched', () => {
  it('does not lock a citizen out of their own cases after two slips, a match, and a number that is not theirs', () => {
    const d = driver();
    d.sayParsed(parsed('x', 'case_status', [e('case_number', 'Z-2026-000123')]));
    d.sayParsed(parsed('1234 AB 01-01-1980', 'none', [e('postcode', '1234 AB'), e('date', '1980-01-01', 8)]));
    d.sayParsed(parsed('1234 AB 02-01-1980', 'none', [e('postcode', '1234 AB'), e('date', '1980-01-02', 8)]));
    expect(d.sayParsed(parsed('1234 AB 15-03-1980', 'none', [e('postcode', '1234 AB'), e('date', '1980-03-15', 8)])).replies[0]!.trace.step).toBe('answer');
    // Someone else's number, tried with the facts already proved: no failure.
    const other = d.sayParsed(parsed('en Z-2026-000456?', 'case_status', [e('case_number', 'Z-2026-000456', 3)]));
    expect(other.replies[0]!.trace.step).toBe('mismatch');
    expect(d.sayParsed(parsed('en Z-2026-000124?', 'case_status', [e('case_number', 'Z-2026-000124', 3)])).replies[0]!.trace.step).toBe('answer');
  });

  it('does not lock the case a citizen proved after one slip before the match and two after it (talking to the demo)', () => {
    const d = driver();
    d.sayParsed(parsed('x', 'case_status', [e('case_number', 'Z-2026-000123')]));
    expect(d.sayParsed(parsed('9999 ZZ 15-03-1980', 'none', [e('postcode', '9999 ZZ'), e('date', '1980-03-15', 8)])).replies[0]!.trace.step).toBe('mismatch');
    expect(d.sayParsed(parsed('1234 AB', 'none', [e('postcode', '1234 AB')])).replies[0]!.trace.step).toBe('answer');
    expect(d.state.failures['Z-2026-000123']).toBeUndefined();
    for (const [msg, entity] of [['15-03-1981', e('date', '1981-03-15')], ['1234AB', e('postcode', '1234 AB')]] as const) {
      expect({ msg, step: d.sayParsed(parsed(msg, 'none', [entity])).replies[0]!.trace.step }).not.toEqual({ msg, step: 'locked' });
    }
  });

  it('checks postcode and birth date against the other case named too, before a mismatch, and counts one failure per message (talking to the demo)', () => {
    const two = () => {
      const d = driver();
      d.sayParsed(parsed('ik heb twee zaken: Z-2026-000123 en Z-2026-000456', 'case_status', [e('case_number', 'Z-2026-000123', 19), e('case_number', 'Z-2026-000456', 36)]));
      return d;
    };
    const first = two().sayParsed(parsed('1234 AB 15-03-1980', 'none', [e('postcode', '1234 AB'), e('date', '1980-03-15', 8)]));
    expect(first.replies[0]!.text).toMatch(/^Uw zaak Z-2026-000123/);
    const second = two().sayParsed(parsed('5678 CD 01-07-1992', 'none', [e('postcode', '5678 CD'), e('date', '1992-07-01', 8)]));
    expect(second.replies[0]!.text).toMatch(/^Uw zaak Z-2026-000456/);
    const d = two();
    const wrong = d.sayParsed(parsed('9999 ZZ 01-01-1990', 'none', [e('postcode', '9999 ZZ'), e('date', '1990-01-01', 8)]));
    expect(wrong.replies[0]!.trace.step).toBe('mismatch');
    expect(wrong.effects.filter((x) => x.type === 'check_failed')).toHaveLength(2);
    expect(d.state.failures['*']?.count ?? Math.max(...Object.values(d.state.failures).map((f) => f.count))).toBe(1);
  });

  it('still locks after three wrong tries typed for one case', () => {
    const d = driver();
    d.sayParsed(parsed('x', 'case_status', [e('case_number', 'Z-2026-000456')]));
    for (const day of ['02', '03']) d.sayParsed(parsed(`5678 CD ${day}-07-1992`, 'none', [e('postcode', '5678 CD'), e('date', `1992-07-${day}`, 8)]));
    expect(d.sayParsed(parsed('5678 CD 04-07-1992', 'none', [e('postcode', '5678 CD'), e('date', '1992-07-04', 8)])).replies[0]!.trace.step).toBe('locked');
  });
});

describe('the language of a first message the detector misreads', () => {
  it('answers "I moved house last week" and "new bank account, where do i update my IBAN" in English', () => {
    for (const msg of ['I moved house last week', 'new bank account, where do i update my IBAN']) {
      const d = createDriver(ctx, { parse: (t) => ({ ...parsed(t, 'change_details', [], 0.9), lang: 'nl' }) });
      d.say(msg);
      expect({ msg, lang: d.state.lang }).toEqual({ msg, lang: 'en' });
    }
    // "I'm" is a word as people write one: three words, read by the detector.
    for (const msg of ["I'm moving abroad", "I've moved house"]) {
      const d = createDriver(ctx, { parse: (t) => ({ ...parsed(t, 'change_details', [], 0.9), lang: 'en' }) });
      d.say(msg);
      expect({ msg, lang: d.state.lang }).toEqual({ msg, lang: 'en' });
    }
  });
});

describe('found by talking to the demo: objecting to what was just answered, what to do about it, the family that moves along', () => {
  const parking = () => {
    const d = after('mijn parkeerboete klopt niet', 'none', 0.9);
    return d;
  };

  it('answers a bare "kan ik bezwaar maken?" or "can I object?" after the parking fine with the fine\'s own way to object', () => {
    expect(parking().sayParsed(parsed('kan ik bezwaar maken?', 'objection', [], 0.95)).text).toContain('www.voorbeeld.nl/parkeren');
    const en = englishDriver();
    en.sayParsed({ ...parsed('my parking fine is wrong', 'none', [], 0.9), lang: 'en' });
    expect(en.sayParsed({ ...parsed('can I object?', 'objection', [], 0.95), lang: 'en' }).text).toContain('www.voorbeeld.nl/parkeren');
    // An objection to something else it names is not about the fine.
    expect(parking().sayParsed(parsed('ik wil bezwaar maken tegen de afwijzing van de bijstand', 'objection', [], 0.95)).text).not.toContain('www.voorbeeld.nl/parkeren');
  });

  it('answers "kan ik er iets aan doen?" and "what can I do about it?" with what the answer says to do, and its condition', () => {
    const r = parking().sayParsed(parsed('kan ik er iets aan doen?', 'none', [], 0.5));
    expect(r.replies[0]!.trace.step).toBe('how_in_answer');
    expect(r.text).toContain('bent u het er niet mee eens? Maak dan bezwaar binnen 6 weken');
    const en = englishDriver();
    en.sayParsed({ ...parsed('the woz value is too high', 'objection', [], 0.9), lang: 'en' });
    expect(en.sayParsed({ ...parsed('what can I do about it?', 'none', [], 0.5), lang: 'en' }).text).toContain('Then object on www.voorbeeld.nl/woz');
    // With the question it answers, and the step after it.
    const unpaid = after('mijn uitkering is niet gekomen', 'payment', 0.95);
    expect(unpaid.sayParsed(parsed('wat moet ik doen?', 'none', [], 0.5)).text).toBe('In mijn antwoord staat: Is er niets betaald, of klopt het bedrag niet? Kijk eerst of uw rekeningnummer goed is in Mijn Voorbeeld op www.voorbeeld.nl. Bel daarna 14 0123. Wilt u meer weten? Typ dan: medewerker. Of bel 14 0123.');
    // An answer that says nothing to do (the opening hours): what the assistant knows is in it.
    const hours = after('wat zijn de openingstijden', 'contact_hours', 0.95);
    expect(hours.sayParsed(parsed('wat kan ik doen?', 'none', [], 0.5)).replies[0]!.trace.step).toBe('fallback_after_answer');
  });

  it('answers "moeten de kinderen ook?" and "do the kids need to be registered too?" after the move with the family moving along', () => {
    const d = after('ik ga verhuizen', 'change_details', 0.95);
    expect(d.sayParsed(parsed('moeten de kinderen ook?', 'none', [], 0.4)).text).toContain('Uw kinderen onder 16 jaar zet u er zelf bij');
    const en = englishDriver();
    en.sayParsed({ ...parsed('my wife and I are moving next month', 'change_details', [], 0.9), lang: 'en' });
    expect(en.sayParsed({ ...parsed('do the kids need to be registered too?', 'documents', [], 0.6), lang: 'en' }).text).toContain('You add your children under 16 yourself');
  });

  it('leaves an "ook" question that its intent answers itself, or that asks again ("ook alweer"), to that intent', () => {
    const hours = after('wat zijn de openingstijden', 'contact_hours', 0.95);
    expect(hours.sayParsed(parsed('heb ik ook een paspoort nodig?', 'documents', [], 0.97)).replies[0]!.trace.dialog).toBe('documents');
    const moved = after('ik ga verhuizen', 'change_details', 0.95);
    expect(moved.sayParsed(parsed('wat is jullie adres ook alweer?', 'contact_hours', [], 0.97)).replies[0]!.trace.dialog).toBe('contact_hours');
  });

  it('answers "en mijn kinderen?" after the move with how the family moves along, but an account of one\'s husband is the account', () => {
    const d = after('ik ga verhuizen', 'change_details', 0.95);
    expect(d.sayParsed(parsed('en mijn kinderen?', 'none', [], 0.4)).text).toContain('Uw kinderen onder 16 jaar zet u er zelf bij');
    expect(driver().sayParsed(parsed('ik verhuis met mijn vrouw en kinderen, hoe geef ik dat door', 'change_details', [], 0.95)).text).toContain('voor iedereen tegelijk');
    expect(driver().sayParsed(parsed('mijn man heeft een nieuw rekeningnummer', 'change_details', [], 0.95)).text).toContain('Een ander rekeningnummer past u zelf aan');
  });
});

describe('follow-ups: "kan het sneller?" after a status', () => {
  it('says it mostly cannot, what the status means, and that a person looks at an urgent reason; the case is a source', () => {
    const d = afterStatus('Z-2026-000123', '1234 AB', '1980-03-15');
    const r = d.sayParsed(parsed('kan het sneller?', 'none', [], 0.4));
    expect(r.replies[0]!.trace).toMatchObject({ dialog: 'case_status', step: 'speed_up' });
    expect(r.replies[0]!.trace.sources).toEqual(expect.arrayContaining([expect.objectContaining({ kind: 'case', ref: 'Z-2026-000123' })]));
    expect(r.text).toBe('Dat betekent: uw aanvraag is nog niet klaar. Een medewerker werkt eraan. U hoeft nu niets te doen. Uiterlijk 15 januari 2027 krijgt u een brief met het besluit. Sneller kan meestal niet: elke aanvraag komt op volgorde aan de beurt. Is er een dringende reden, bijvoorbeeld een datum die vastligt? Vertel het een medewerker. Die kijkt wat er kan. Typ dan: medewerker.');
    for (const msg of ['kunnen jullie het niet wat sneller doen?', 'is spoed mogelijk?', 'can you speed it up?', 'can it go faster please', 'is there a way to speed it up?']) {
      const again = afterStatus('Z-2026-000123', '1234 AB', '1980-03-15');
      expect({ msg, step: again.sayParsed(parsed(msg, 'none', [], 0.4)).replies[0]!.trace.step }).toEqual({ msg, step: 'speed_up' });
    }
  });

  it('not after a decision, and not without a status before it', () => {
    const granted = afterStatus('Z-2026-000456', '5678 CD', '1992-07-01');
    expect(granted.sayParsed(parsed('kan het sneller?', 'none', [], 0.4)).replies[0]!.trace.step).not.toBe('speed_up');
    expect(driver().sayParsed(parsed('kan het sneller?', 'none', [], 0.4)).replies[0]!.trace.step).not.toBe('speed_up');
  });
});

describe('found by talking to the demo: someone along to the desk, where to send the papers', () => {
  it('says yes to "mag ik een vriend meenemen naar de balie?", also when the classifier leaned to the papers', () => {
    for (const [msg, intent, confidence] of [['mag ik een vriend meenemen naar de balie?', 'documents', 0.49], ['mag ik iemand meenemen naar mijn afspraak', 'none', 0.8], ['can I bring a friend to the appointment?', 'contact_hours', 0.43]] as const) {
      const r = driver().sayParsed(parsed(msg, intent, [], confidence));
      expect({ msg, step: r.replies[0]!.trace.step, text: r.text }).toEqual({ msg, step: 'answer', text: expect.stringMatching(/^(Ja, u mag iemand meenemen|Yes, you may bring someone)/) });
    }
  });

  it('answers "waar stuur ik die heen?" after the papers with the address to send them to, and "waar?" with the upload', () => {
    const d = after('welke papieren moet ik opsturen voor de bijstand', 'documents', 0.95);
    expect(d.sayParsed(parsed('waar stuur ik die heen?', 'none', [], 0.6)).text).toContain('U mag ze ook opsturen of langsbrengen: Voorbeeldplein 1');
    const where = after('welke papieren moet ik opsturen voor de bijstand', 'documents', 0.95);
    expect(where.sayParsed(parsed('waar?', 'none', [], 0.6)).text).toContain('Mijn Voorbeeld');
    const en = englishDriver();
    en.sayParsed({ ...parsed('which documents do I need to send for my benefit', 'documents', [], 0.95), lang: 'en' });
    expect(en.sayParsed({ ...parsed('where do I send them?', 'none', [], 0.6), lang: 'en' }).text).toContain('Voorbeeldplein 1');
  });

  it('answers "waar moet ik dat sturen" after the WOZ objection with where to object, not the general list of papers', () => {
    for (const [first, intent, msg, expected] of [
      ['wat is de termijn voor bezwaar tegen de woz', 'objection', 'waar moet ik dat sturen', /^In mijn antwoord staat: Vindt u de WOZ-waarde .* www\.voorbeeld\.nl\/woz/],
      ['ik wil bezwaar maken', 'objection', 'waar moet ik het naartoe sturen?', /^In mijn antwoord staat: .*Voorbeeldplein 1/],
    ] as const) {
      const r = after(first, intent, 0.95).sayParsed(parsed(msg, 'documents', [], 0.85));
      expect({ msg, text: r.text }).toEqual({ msg, text: expect.stringMatching(expected) });
      expect({ msg, text: r.text }).toEqual({ msg, text: expect.not.stringContaining('Welke papieren u nodig heeft') });
    }
  });
});

describe('found by talking to the demo: a question on the topic after its fees', () => {
  it('answers "moet ik naar de politie?" after the fees of a lost passport from the passport answer', () => {
    const d = after('ik ben mijn paspoort kwijt', 'documents', 0.95);
    d.sayParsed(parsed('wat kost een nieuwe?', 'payment', [], 0.9));
    const r = d.sayParsed(parsed('moet ik naar de politie?', 'documents', [], 0.45));
    expect(r.replies[0]!.trace.step).toBe('named_in_answer');
    expect(r.text).toContain('In Nederland hoeft u geen aangifte te doen bij de politie.');
  });
});

describe('second review: the objection\'s own answers, "eraan", the family, a status that waits for the citizen', () => {
  it('answers "kan ik nog bezwaar maken?" after how long an objection takes with how to object, not how long again', () => {
    const d = after('hoe lang duurt een bezwaar?', 'objection', 0.9);
    expect(d.sayParsed(parsed('kan ik nog bezwaar maken?', 'objection', [], 0.95)).text).toContain('Bent u het niet eens met een besluit? Dan kunt u bezwaar maken.');
  });

  it('reads "wat kan ik eraan doen?", and quotes a step that points back with the sentence it points at', () => {
    const d = after('mijn parkeerboete klopt niet', 'none', 0.9);
    expect(d.sayParsed(parsed('wat kan ik eraan doen?', 'none', [], 0.5)).text).toContain('Maak dan bezwaar binnen 6 weken');
    const o = after('hoe maak ik bezwaar', 'objection', 0.95);
    expect(o.sayParsed(parsed('wat kan ik doen?', 'none', [], 0.5)).text).toMatch(/^In mijn antwoord staat: Bent u het niet eens met een besluit\? Dan kunt u bezwaar maken\. Doe dat binnen 6 weken/);
  });

  it('keeps a birth, a partner in a care home and the bank account apart from the family that moves along', () => {
    expect(driver().sayParsed(parsed('mijn vrouw is bevallen, moet ik dat doorgeven?', 'change_details', [], 0.9)).text).toContain('aangifte van de geboorte');
    expect(driver().sayParsed(parsed('mijn man woont nu in een verpleeghuis, moet ik dat doorgeven?', 'change_details', [], 0.9)).text).not.toContain('Verhuist uw gezin mee?');
    const d = after('mijn nieuwe rekeningnummer', 'change_details', 0.95);
    expect(d.sayParsed(parsed('en mijn kinderen?', 'none', [], 0.4)).text).not.toContain('Verhuist uw gezin mee?');
  });

  it('says it goes faster once the citizen sends what is asked for, when the status waits for them', () => {
    const d = afterStatus('Z-2026-000123', '1234 AB', '1980-03-15');
    const means = { nl: text(dialogs, 'case.means.waiting', 'nl'), en: text(dialogs, 'case.means.waiting', 'en') };
    const waiting = { ...d.state, lastAnswer: { ...d.state.lastAnswer!, means, unfinished: 'waiting' as const } };
    const r = statusSpeedUp(waiting, 'kan het sneller?', { dialogs, timeZone: ZONE, intent: 'none', confidence: 0.4 });
    expect(r!.replies[0]!.text).toMatch(/^Ja, het gaat sneller als u stuurt wat wij nog nodig hebben\. Dat betekent: wij wachten op iets van u/);
  });
});

describe('found by talking to the demo: "en de andere?" after a status', () => {
  it('asks the other case\'s number, or tells its status when the number comes with it, whatever the classifier made of "andere"', () => {
    const d = afterStatus('Z-2026-000123', '1234 AB', '1980-03-15');
    expect(d.sayParsed(parsed('en de andere?', 'change_details', [], 0.69)).replies[0]!.trace.step).toBe('ask_number_next');
    const withNumber = afterStatus('Z-2026-000123', '1234 AB', '1980-03-15');
    const r = withNumber.sayParsed(parsed('en de andere? Z-2026-000124', 'change_details', [e('case_number', 'Z-2026-000124', 14)], 0.69));
    expect(r.replies[0]!.trace.sources).toEqual(expect.arrayContaining([expect.objectContaining({ kind: 'case', ref: 'Z-2026-000124' })]));
    expect(r.text).toContain('Parkeervergunning bewoners');
    // Only the reference itself: a question with one of its own is that question.
    const own = afterStatus('Z-2026-000123', '1234 AB', '1980-03-15');
    expect(own.sayParsed(parsed('wat kost een tweede vergunning?', 'payment', [], 0.8)).replies[0]!.trace.step).not.toBe('ask_number_next');
    const around = afterStatus('Z-2026-000123', '1234 AB', '1980-03-15');
    expect(around.sayParsed(parsed('hoe zit het met mijn andere aanvraag?', 'change_details', [], 0.7)).replies[0]!.trace.step).toBe('ask_number_next');
    // Details to change after a status are still that question.
    const details = afterStatus('Z-2026-000123', '1234 AB', '1980-03-15');
    expect(details.sayParsed(parsed('mijn nieuwe rekeningnummer', 'change_details', [], 0.95)).replies[0]!.trace.dialog).toBe('change_details');
  });
});

describe('found by talking to the demo: the money not come, "wat nu?"', () => {
  it('offers a person for "i havent received it" after the payment answer, as for "ik heb het nog niet gekregen"', () => {
    for (const msg of ['i havent received it', "it hasn't arrived", 'ik heb het nog niet gekregen']) {
      const d = after('wanneer wordt mijn uitkering betaald', 'payment', 0.95);
      expect({ msg, step: d.sayParsed(parsed(msg, 'payment', [], 0.8)).replies[0]!.trace.step }).toEqual({ msg, step: 'not_paid' });
    }
    const d = after('wanneer wordt mijn uitkering betaald', 'payment', 0.95);
    expect(d.sayParsed(parsed('it has arrived, thanks', 'thanks', [], 0.9)).replies[0]!.trace.step).not.toBe('not_paid');
    // What if it has not: what the answer says for that case.
    const ifNot = after('wanneer wordt mijn uitkering betaald', 'payment', 0.95);
    expect(ifNot.sayParsed({ ...parsed("what if it hasn't arrived?", 'payment', [], 0.7), lang: 'en' }).replies[0]!.trace.step).toBe('how_in_answer');
  });

  it('answers "en als het er niet is?" with the step after it, and "wat nu?" / "en nu?" with the first step the answer gives', () => {
    const d = after('wanneer wordt mijn uitkering betaald', 'payment', 0.95);
    expect(d.sayParsed(parsed('en als het er niet is?', 'none', [], 0.5)).text).toContain('Kijk eerst of uw rekeningnummer goed is in Mijn Voorbeeld op www.voorbeeld.nl. Bel daarna 14 0123.');
    const o = after('hoe maak ik bezwaar', 'objection', 0.95);
    expect(o.sayParsed(parsed('en nu?', 'none', [], 0.5)).text).toContain('Dan kunt u bezwaar maken. Doe dat binnen 6 weken');
  });
});

describe('found by talking to the demo: special assistance', () => {
  it('tells how to apply for bijzondere bijstand (a high cost), not the answer on losing one\'s job; when it is paid stays the payment answer', () => {
    for (const [msg, intent, confidence] of [['hoe vraag ik bijzondere bijstand aan', 'none', 0.4], ['ik wil bijzondere bijstand aanvragen voor een wasmachine', 'payment', 0.9]] as const) {
      expect({ msg, text: driver().sayParsed(parsed(msg, intent, [], confidence)).text }).toEqual({ msg, text: expect.stringContaining('Dan kunt u misschien bijzondere bijstand krijgen') });
    }
    expect(driver().sayParsed(parsed('ik ben mijn baan kwijt, kan ik bijstand krijgen?', 'payment', [], 0.9)).text).toContain('WW-uitkering');
    expect(driver().sayParsed(parsed('wanneer wordt de bijzondere bijstand betaald', 'payment', [], 0.9)).text).not.toContain('misschien bijzondere bijstand');
    for (const msg of ['wnr betalen jullie de bijzondere bijstand voor de verhuiskosten', 'ik moet de bijzondere bijstand voor de bril terugbetalen', 'when will the special assistance for the washing machine be paid?']) {
      expect({ msg, text: driver().sayParsed(parsed(msg, 'payment', [], 0.9)).text }).toEqual({ msg, text: expect.not.stringMatching(/misschien bijzondere bijstand|you may get special assistance/) });
    }
    // After the payment answer, "ook" with the narrower case named: that case, not the job-loss answer it is within.
    const also = after('wanneer wordt mijn uitkering betaald', 'payment', 0.95);
    expect(also.sayParsed(parsed('kan ik ook bijzondere bijstand aanvragen?', 'none', [], 0.5)).text).toContain('Dan kunt u misschien bijzondere bijstand krijgen');
  });
});

describe('found by talking to the demo: "ik heb een vraag over mijn paspoort"', () => {
  it('asks what about it, though the classifier read the case question; "… over mijn aanvraag" is still the case question', () => {
    const d = driver();
    expect(d.sayParsed(parsed('ik heb een vraag over mijn paspoort', 'case_status', [], 0.75)).replies[0]!.trace.step).toBe('go_ahead_about');
    expect(d.sayParsed(parsed('wat kost een nieuwe?', 'payment', [], 0.8)).text).toContain('Wat een paspoort, ID-kaart of rijbewijs kost');
    for (const msg of ['ik heb een vraag over mijn aanvraag', 'ik heb een vraag over mijn bouwaanvraag', 'ik heb een vraag over mijn vergunning', 'ik heb een vraag over mijn verzoek']) {
      expect({ msg, step: driver().sayParsed(parsed(msg, 'case_status', [], 0.75)).replies[0]!.trace.step }).toEqual({ msg, step: 'ask_number' });
    }
  });

  it('answers "is die nog geldig …?" after it with the validity, within the passport topic, though read unsurely as the fees', () => {
    const d = after('ik heb een vraag over mijn paspoort', 'case_status', 0.75);
    expect(d.sayParsed(parsed('is die nog geldig als hij over 2 maanden verloopt?', 'payment', [], 0.4)).text).toMatch(/^Hoe lang iets geldig is/);
    // A question of its own about the topic (the fees) stays that question.
    const cost = after('ik heb een vraag over mijn paspoort', 'case_status', 0.75);
    expect(cost.sayParsed(parsed('wat kost een nieuwe als hij niet meer geldig is?', 'payment', [], 0.58)).text).toContain('Wat een paspoort, ID-kaart of rijbewijs kost');
  });
});

describe('two aspects of one topic in one question', () => {
  it('answers "wat kost een paspoort en hoe lang duurt het?" with the fees and then the time, in Dutch and English', () => {
    const nl = driver().sayParsed(parsed('wat kost een paspoort en hoe lang duurt het?', 'payment', [], 0.9));
    expect(nl.replies.map((r) => r.text)).toEqual([expect.stringContaining('www.voorbeeld.nl/leges'), expect.stringMatching(/^En hoe lang het duurt: .*5 werkdagen/)]);
    expect(nl.replies[1]!.trace.step).toBe('time_in_answer');
    const en = englishDriver().sayParsed({ ...parsed('what does a passport cost and how long does it take?', 'payment', [], 0.9), lang: 'en' });
    expect(en.text).toMatch(/leges[\s\S]*\nAnd how long it takes: .*5 working days/);
  });

  it('says the time once when the answer says it already, and adds nothing to a question without a second aspect', () => {
    const ready = driver().sayParsed(parsed('wanneer is mijn paspoort klaar en hoe lang duurt het?', 'documents', [], 0.9));
    expect(ready.text).not.toContain('En hoe lang het duurt');
    expect(driver().sayParsed(parsed('wat kost een paspoort?', 'payment', [], 0.9)).replies).toHaveLength(1);
  });
});

describe('what it costs, where the answer is "nothing"', () => {
  it('says objecting is free when asked right after the objection answer, in Dutch and English', () => {
    const o = after('hoe maak ik bezwaar', 'objection', 0.95);
    expect(o.sayParsed(parsed('wat kost dat?', 'payment', [], 0.8)).text).toMatch(/Bezwaar maken is gratis\./);
    const en = englishDriver();
    en.sayParsed({ ...parsed('how do i object', 'objection', [], 0.95), lang: 'en' });
    expect(en.sayParsed({ ...parsed('is that free?', 'none', [], 0.4), lang: 'en' }).text).toMatch(/Objecting is free\./);
  });

  it('says reporting a move is free; help with the costs of the move itself is special assistance, and a move beside a payment question is no cost question', () => {
    expect(driver().sayParsed(parsed('ik wil verhuizen, wat kost dat?', 'payment', [], 0.8)).text).toMatch(/^Een verhuizing doorgeven is gratis\./);
    expect(driver().sayParsed(parsed('wat kost het om mijn verhuizing door te geven', 'change_details', [], 0.8)).text).toMatch(/verhuizen\. Dat is gratis\./);
    expect(driver().sayParsed(parsed('krijg ik een vergoeding voor verhuiskosten bij mijn verhuizing?', 'payment', [], 0.8)).text).toMatch(/bijzondere bijstand krijgen/);
    expect(driver().sayParsed(parsed('wanneer wordt mijn uitkering betaald, ik ben net verhuisd', 'payment', [], 0.8)).text).not.toMatch(/gratis/);
  });
});

describe('follow-ups: a new question about the same thing', () => {
  it('answers "wat moet ik meenemen voor een id kaart" after the fees of one with what to bring, not the fees again', () => {
    const d = driver();
    const fees = d.sayParsed(parsed('wat kost een id kaart', 'payment', [], 0.97));
    expect(fees.text).toMatch(/^Wat een paspoort, ID-kaart of rijbewijs kost/);
    const bring = d.sayParsed(parsed('wat moet ik meenemen voor een id kaart', 'documents', [], 0.98));
    // What to bring, from the answer on applying for one; not the fees again with the offer of a person.
    expect(bring.text).toMatch(/Neem mee: een goede pasfoto/);
    expect(bring.text).not.toMatch(/kost/);
    expect(bring.replies).toHaveLength(1);
    // A bare follow-up still stays on the answer before: "wat moet ik meenemen?" after the passport's answer.
    const passport = after('hoe vraag ik een paspoort aan', 'documents', 0.95);
    expect(passport.sayParsed(parsed('en wat kost dat?', 'payment', [], 0.9)).text).toMatch(/kost/);
  });
});

describe('follow-ups: papers under condolences', () => {
  it('gives no general answer on papers after the condolences, and still the answer on a paper named', () => {
    const death: HandoffSignal = { reason: 'bereavement', evidence: 'mijn moeder is overleden' };
    const r = driver().sayParsed({ ...parsed('mijn moeder is overleden. moet ik iets doen voor haar kwijtschelding? zaak Z-2026-000789', 'documents', [e('case_number', 'Z-2026-000789', 78)], 0.65), handoff: death, handoffs: [death] });
    expect(r.replies.map((x) => x.trace.step)).toEqual(['bereavement']);
    expect(r.text).toMatch(/^Gecondoleerd met uw verlies\./);
    expect(r.text).not.toMatch(/identiteitsbewijs|bewijs van uw inkomen/);
    const named = driver().sayParsed({ ...parsed('mijn vader is overleden, wat moet ik met zijn paspoort?', 'documents', [], 0.9), handoff: death, handoffs: [death] });
    expect(named.replies.length).toBeGreaterThan(1);
  });
});

describe('follow-ups: after the objection answer, in English', () => {
  it('answers "how long do you take to decide?" (read as the case question) with the decision time, and "what if you say no again" with the appeal', () => {
    const d = englishDriver();
    d.sayParsed({ ...parsed('how do i object', 'objection', [], 0.95), lang: 'en' });
    const time = d.sayParsed({ ...parsed('how long do you take to decide?', 'case_status', [], 0.53), lang: 'en' });
    expect(time.text).toMatch(/^After your objection we decide within 6 weeks/);
    const again = d.sayParsed({ ...parsed('what if you say no again', 'none', [], 0.78), lang: 'en' });
    expect(again.text).toMatch(/appeal to the court/);
    // With "my" it asks about one's own objection: the case question.
    const own = englishDriver();
    own.sayParsed({ ...parsed('how do i object', 'objection', [], 0.95), lang: 'en' });
    expect(own.sayParsed({ ...parsed('how long do you take to decide on my objection?', 'case_status', [], 0.8), lang: 'en' }).replies[0]!.trace.dialog).toBe('case_status');
    // And in Dutch.
    const nl = driver();
    nl.sayParsed(parsed('hoe maak ik bezwaar', 'objection', [], 0.95));
    expect(nl.sayParsed(parsed('en als ze het weer afwijzen?', 'none', [], 0.66)).text).toMatch(/in beroep gaan bij de rechtbank/);
  });
});

describe('follow-ups: another case number written short', () => {
  it('asks "en zaak 124?" after the status of Z-2026-000123 as the whole number, with Z-2026-000124 as the example, and looks it up once typed', () => {
    for (const short of ['en zaak 124?', 'zaak 124', 'en 124?', 'case 124 too']) {
      const d = afterStatus('Z-2026-000123', '1234 AB', '1980-03-15');
      const r = d.sayParsed(parsed(short, 'none', [], 0.5));
      expect({ short, text: r.text }).toEqual({ short, text: expect.stringMatching(/^Bedoelt u zaak Z-2026-000124\? Typ dan het hele zaaknummer/) });
      expect(r.effects).toEqual([]);
      expect(d.state.active?.step).toBe('ask_number');
      // Postcode and birth date are not asked again.
      const told = d.sayParsed(parsed('Z-2026-000124', 'none', [e('case_number', 'Z-2026-000124')], 0.5));
      expect(told.text).toContain('Besluit genomen: toegekend');
    }
    // Not a number inside a longer sentence without a word for a case, nor before any status.
    expect(afterStatus('Z-2026-000123', '1234 AB', '1980-03-15').sayParsed(parsed('ik ben 124 keer gebeld', 'none', [], 0.5)).text).not.toMatch(/Bedoelt u zaak/);
    expect(driver().sayParsed(parsed('zaak 124', 'none', [], 0.5)).text).not.toMatch(/Bedoelt u zaak/);
  });
});

describe('follow-ups: why a person, asked later while waiting', () => {
  const queued = { state: 'queued', handoffId: 'h1', awaitingCallbackAnswer: false } as const;
  const ask: HandoffSignal = { reason: 'explicit_request', evidence: 'need a person' };
  it('explains the wait of a flagged or overdue case by the case, not by the why-question\'s own words', () => {
    for (const [number, postcode, born, why] of [['Z-2026-000789', '1234 AB', '1975-11-30', /persoonlijke aandacht|personal attention/], ['Z-2025-004242', '9012 EF', '1968-02-29', /termijn voor het besluit over zaak Z-2025-004242 voorbij is|deadline for case Z-2025-004242 has passed/]] as const) {
      const state = afterStatus(number, postcode, born).state;
      // Something else was said in between: the last reply is not the handoff's.
      const between = step(state, { kind: 'message', text: 'wanneer zijn jullie open', nlu: parsed('wanneer zijn jullie open', 'contact_hours', [], 0.95), now: NOW, handoff: queued }, ctx);
      for (const msg of ['waarom moet ik een medewerker?', 'why do i need a person?']) {
        const nlu = { ...parsed(msg, 'human', [], 0.6), handoff: ask, handoffs: [ask] };
        const r = step(between.state, { kind: 'message', text: msg, nlu, now: NOW, handoff: queued }, ctx);
        expect({ msg, text: r.replies[0]!.text, effects: r.effects }).toEqual({ msg, text: expect.stringMatching(why), effects: [] });
        expect(r.replies[0]!.text).not.toContain('need a person');
      }
    }
  });
});

describe('follow-ups: "waar haal ik het op?" after a decision', () => {
  it('after a refusal says what the refusal means (nothing to collect, how to object), not that it is ready', () => {
    const d = afterStatus('Z-2026-000124', '1234 AB', '1980-03-15');
    const means = { nl: text(dialogs, 'case.means.refused', 'nl'), en: text(dialogs, 'case.means.refused', 'en') };
    const refused = { ...d.state, lastAnswer: { ...d.state.lastAnswer!, means, decision: 'refused' as const } };
    const r = statusPickUp(refused, 'waar kan ik hem ophalen?', { dialogs, timeZone: ZONE, intent: 'none', confidence: 0.4 });
    expect(r!.replies[0]!.text).toBe(means.nl);
    expect(r!.replies[0]!.trace.sources).toContainEqual({ kind: 'rule', ref: 'nothing-to-collect' });
    // A parcel or a child is no permit.
    expect(statusPickUp(d.state, 'waar haal ik mijn pakket op?', { dialogs, timeZone: ZONE, intent: 'none', confidence: 0.4 })).toBeNull();
    expect(statusPickUp(d.state, 'hoe laat moet ik de kinderen ophalen', { dialogs, timeZone: ZONE, intent: 'none', confidence: 0.4 })).toBeNull();
  });
});

describe('follow-ups: "waarom is het afgewezen?" after a refusal', () => {
  it('says the decision letter gives the reasons, a person can explain them, and the citizen can object; not the status again', () => {
    const d = afterStatus('Z-2026-000124', '1234 AB', '1980-03-15');
    const means = { nl: text(dialogs, 'case.means.refused', 'nl'), en: text(dialogs, 'case.means.refused', 'en') };
    const refused = { ...d.state, lastAnswer: { ...d.state.lastAnswer!, means, decision: 'refused' as const } };
    for (const msg of ['waarom is het afgewezen?', 'waarom is mijn aanvraag geweigerd', 'waarom heb ik het niet gekregen?']) {
      const r = step(refused, { kind: 'message', text: msg, nlu: parsed(msg, 'case_status', [], 0.5), now: NOW }, ctx);
      expect({ msg, replies: r.replies.map((x) => x.text) }).toEqual({ msg, replies: [text(dialogs, 'case.why_decided.refused', 'nl')] });
      expect(r.replies[0]!.trace.sources).toContainEqual({ kind: 'rule', ref: 'decision-letter-says-why' });
    }
    expect(text(dialogs, 'case.why_decided.refused', 'nl')).toMatch(/In de brief met het besluit staat waarom\. Wilt u dat een medewerker het uitlegt\? .*bezwaar maken, binnen 6 weken/);
  });
});
