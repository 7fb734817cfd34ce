/**
 * "Zijn jullie morgen open?": the day a message asks about, and what the office hours and holidays say
 * of it (src/dialog/opening-hours.ts), then in the dialog: the day first, the hours text after, and
 * "en zaterdag?" right after it answered by that day alone.
 */
import { describe, expect, it } from 'vitest';
import { loadDialogSet } from '../../src/dialog/loader.ts';
import { dayAsked, openingLine } from '../../src/dialog/opening-hours.ts';
import { parseOfficeHours } from '../../src/handoff/office-hours.ts';
import type { Entity } from '../../src/nlu/types.ts';
import { createDriver, parsed } from '../support/dialog-driver.ts';

const dialogs = loadDialogSet('dialogs');
const ZONE = 'Europe/Amsterdam';
const hours = parseOfficeHours('mon-fri 08:30-17:00', ZONE, dialogs.holidays);
// Thursday 24 December 2026, 16:00 in Amsterdam; the 25th and 26th are holidays in dialogs/calendar.yaml.
const THU_4PM = new Date('2026-12-24T15:00:00Z');
const day = (msg: string, entities: Entity[] = [], now = THU_4PM) => dayAsked(msg, entities, now, ZONE, dialogs.holidayNames)?.date ?? null;

describe('opening hours: the day asked about', () => {
  it('reads "2e kerstdag", Christmas Eve and New Year\'s Eve, and of two days named the first', () => {
    expect(day('zijn jullie open op 2e kerstdag')).toBe('2026-12-26');
    expect(day('kerstavond open?')).toBe('2026-12-24');
    expect(day('are you open on christmas eve?')).toBe('2026-12-24');
    expect(day('zijn jullie open op oudejaarsdag?')).toBe('2026-12-31');
    expect(day("and new year's eve?")).toBe('2026-12-31');
    expect(day("Are you open on Boxing Day? And on New Year's Eve?")).toBe('2026-12-26');
    // A day already past this year is next year's.
    expect(day('kerstavond open?', [], new Date('2026-12-27T10:00:00Z'))).toBe('2027-12-24');
  });

  it('reads today, tomorrow, weekdays, the weekend, holidays and a day of the year', () => {
    expect(day('zijn jullie nu open')).toBe('2026-12-24');
    expect(day('are you open today?')).toBe('2026-12-24');
    expect(day('hoe laat gaan jullie morgen open')).toBe('2026-12-25');
    expect(day('open tomorrow?')).toBe('2026-12-25');
    expect(day('en overmorgen?')).toBe('2026-12-26');
    expect(day('zijn jullie zaterdag open')).toBe('2026-12-26');
    expect(day('open on monday?')).toBe('2026-12-28');
    expect(day('donderdag open?')).toBe('2026-12-24');
    expect(day('en op maandagavond?')).toBe('2026-12-28');
    // One letter off: "zatrdag", "woensdg", "frieday"; not a word that only looks a bit like one.
    expect(day('en zatrdag')).toBe('2026-12-26');
    expect(day('woensdg open?')).toBe('2026-12-30');
    expect(day('are you open on frieday')).toBe('2026-12-25');
    expect(day('wat moet ik meenemen')).toBeNull();
    expect(day('kan ik vrijdagmiddag langskomen')).toBe('2026-12-25');
    expect(day('ook in het weekend?')).toBe('2026-12-26');
    expect(day('zijn jullie met kerst open')).toBe('2026-12-25');
    expect(day('open op tweede kerstdag?')).toBe('2026-12-26');
    expect(day('open on new year\'s day?')).toBe('2027-01-01');
    expect(day('zijn jullie open op 28 december')).toBe('2026-12-28');
    expect(day('open on january 2nd?')).toBe('2027-01-02');
    // A day of the year already past is next year's; a date from the NLU is taken as it is.
    expect(day('open op 1 december?')).toBe('2027-12-01');
    expect(day('open op 4-1-2027?', [{ type: 'date', value: '2027-01-04', start: 8, end: 16 }])).toBe('2027-01-04');
  });

  it('does not take "goedemorgen" or "\'s morgens" for tomorrow, nor a question without a day for one', () => {
    expect(day('goedemorgen, wat zijn jullie openingstijden')).toBeNull();
    expect(day("zijn jullie 's morgens open")).toBeNull();
    expect(day('wat zijn de openingstijden van het gemeentehuis')).toBeNull();
  });
});

describe('opening hours: what the office hours say of it', () => {
  const line = (asked: string | null, now = THU_4PM, lang: 'nl' | 'en' = 'nl') =>
    openingLine(dialogs, hours, now, asked === null ? null : dayAsked(asked, [], now, ZONE, dialogs.holidayNames), lang);

  it('says whether it is open now, or when it opens again', () => {
    expect(line(null)).toBe('Nu zijn we open, vandaag tot 17.00 uur.');
    expect(line(null, new Date('2026-12-24T07:00:00Z'))).toBe('Vandaag zijn we open van 8.30 tot 17.00 uur.');
    // After closing on the day before Christmas: the next opening is after both holidays and the Sunday.
    expect(line(null, new Date('2026-12-24T17:30:00Z'))).toBe('Nu zijn we dicht. We zijn weer open op maandag 28 december om 8.30 uur.');
    expect(line(null, new Date('2026-12-24T17:30:00Z'), 'en')).toBe('We are closed now. We open again on Monday 28 December at 8:30.');
  });

  it('says a day is closed, with the holiday, and when it opens again; or its hours', () => {
    expect(line('morgen')).toBe('Op vrijdag 25 december zijn we dicht (Eerste Kerstdag). We zijn weer open op maandag 28 december om 8.30 uur.');
    expect(line('zondag')).toBe('Op zondag 27 december zijn we dicht. We zijn weer open op maandag 28 december om 8.30 uur.');
    expect(line('maandag')).toBe('Op maandag 28 december zijn we open van 8.30 tot 17.00 uur.');
    // In English the holiday's English name (it said "(Eerste Kerstdag)").
    expect(line('on christmas', THU_4PM, 'en')).toBe('On Friday 25 December we are closed (Christmas Day). We open again on Monday 28 December at 8:30.');
  });

  it('says the office is closed in the evening, then that day\'s hours; an evening opening gives its hours alone', () => {
    expect(line('en vanavond?')).toBe('Vanavond zijn we dicht. Nu zijn we open, vandaag tot 17.00 uur.');
    expect(line('and tonight?', THU_4PM, 'en')).toBe('We are closed tonight. We are open now, today until 17:00.');
    expect(line('op maandagavond?')).toBe("Op maandag 28 december zijn we open van 8.30 tot 17.00 uur. 's Avonds zijn we dan dicht.");
    expect(line("zijn jullie 's avonds open op maandag")).toBe("Op maandag 28 december zijn we open van 8.30 tot 17.00 uur. 's Avonds zijn we dan dicht.");
    // Past closing time today: closed now says it, once.
    expect(line('zijn jullie vanavond open?', new Date('2026-12-24T18:30:00Z'))).toBe('Nu zijn we dicht. We zijn weer open op maandag 28 december om 8.30 uur.');
    // "Goedenavond" greets: the day asked about, not its evening.
    expect(line('Goedenavond, zijn jullie maandag open?')).toBe('Op maandag 28 december zijn we open van 8.30 tot 17.00 uur.');
    expect(line('good evening, are you open on monday?', THU_4PM, 'en')).toBe('On Monday 28 December we are open from 8:30 to 17:00.');
    // A closed day needs no word on its evening.
    expect(line('zondagavond')).toBe('Op zondag 27 december zijn we dicht. We zijn weer open op maandag 28 december om 8.30 uur.');
    const late = parseOfficeHours('mon-wed 08:30-17:00, thu 08:30-20:00, fri 08:30-17:00', ZONE, dialogs.holidays);
    expect(openingLine(dialogs, late, THU_4PM, dayAsked('vanavond open?', [], THU_4PM, ZONE, dialogs.holidayNames), 'nl')).toBe('Nu zijn we open, vandaag tot 20.00 uur.');
  });

  it('says nothing when the office is always open', () => {
    expect(openingLine(dialogs, parseOfficeHours('always', ZONE), THU_4PM, null, 'nl')).toBeNull();
  });
});

describe('dialog: the contact_hours answer with the day asked about', () => {
  const driver = () => createDriver({ dialogs, timeZone: ZONE, officeHours: hours }, { now: THU_4PM.toISOString(), parse: (t) => parsed(t, 'none') });

  it('puts the day first, the hours text after, and answers "en zaterdag?" with that day alone', () => {
    const d = driver();
    const first = d.sayParsed(parsed('zijn jullie morgen open', 'contact_hours'));
    expect(first.replies).toHaveLength(1);
    expect(first.text).toMatch(/^Op vrijdag 25 december zijn we dicht \(Eerste Kerstdag\)\. We zijn weer open op maandag 28 december om 8\.30 uur\. U kunt ons bellen op 14 0123/);
    expect(first.replies[0]!.trace.sources).toEqual(expect.arrayContaining([
      { kind: 'rule', ref: 'office-hours', at: THU_4PM.toISOString() },
      { kind: 'dialog', ref: 'dialogs/calendar.yaml' },
    ]));
    const saturday = d.sayParsed(parsed('en zaterdag?', 'none'));
    expect(saturday.text).toBe('Op zaterdag 26 december zijn we dicht (Tweede Kerstdag). We zijn weer open op maandag 28 december om 8.30 uur.');
    expect(saturday.replies[0]!.trace).toMatchObject({ dialog: 'contact_hours', step: 'answer' });
    // Asked again about another day with the intent itself: that day, not "staat uw vraag hier niet in?".
    const monday = d.sayParsed(parsed('en zijn jullie maandag open', 'contact_hours'));
    expect(monday.text).toBe('Op maandag 28 december zijn we open van 8.30 tot 17.00 uur.');
    expect(d.state.pending).toBeNull();
    expect(d.sayParsed(parsed('waarom?', 'none')).text).toMatch(/openingstijden en de lijst met feestdagen/);
  });

  it('answers "en maandagavond?" after the hours, though the classifier took it for a greeting', () => {
    const d = driver();
    d.sayParsed(parsed('wat zijn jullie openingstijden', 'contact_hours'));
    expect(d.sayParsed(parsed('en maandagavond?', 'greeting')).text).toBe("Op maandag 28 december zijn we open van 8.30 tot 17.00 uur. 's Avonds zijn we dan dicht.");
  });

  it('answers where the office is and whether one may walk in, keeping the day asked about', () => {
    const where = driver().sayParsed(parsed('waar is het gemeentehuis en zijn jullie zaterdag open', 'contact_hours'));
    // The visiting address is the desk's: its day, in its words.
    expect(where.text).toMatch(/^Op zaterdag 26 december is de balie dicht \(Tweede Kerstdag\)\..* Het gemeentehuis staat op Voorbeeldplein 1, 1234 AA Voorbeeld\./);
    expect(where.replies[0]!.trace.sources).toContainEqual({ kind: 'rule', ref: 'topic:visit_address' });
    const walkIn = driver().sayParsed(parsed('kan ik zonder afspraak langskomen', 'contact_hours'));
    expect(walkIn.text).toMatch(/Voor de balie maakt u eerst een afspraak, via www\.voorbeeld\.nl of 14 0123\./);
    // Not an e-mail address, and collecting a passport keeps its own answer (which gives the address too).
    expect(driver().sayParsed(parsed('what is your email address', 'contact_hours')).replies[0]!.trace.sources).not.toContainEqual({ kind: 'rule', ref: 'topic:visit_address' });
    expect(driver().sayParsed(parsed('wat is jullie adres? ik kom mijn paspoort halen', 'contact_hours')).replies[0]!.trace.sources).toContainEqual({ kind: 'rule', ref: 'topic:id_documents' });
  });

  it('says whether it is open now when no day is named', () => {
    expect(driver().sayParsed(parsed('wat zijn jullie openingstijden', 'contact_hours')).text).toMatch(/^Nu zijn we open, vandaag tot 17\.00 uur\. U kunt ons bellen/);
  });

  it('leaves the hours of the recycling centre alone, and a follow-up on them', () => {
    const d = driver();
    const waste = d.sayParsed(parsed('hoe laat is de milieustraat open', 'contact_hours'));
    expect(waste.text).not.toMatch(/Nu zijn we/);
    expect(d.sayParsed(parsed('en zaterdag?', 'none')).text).not.toMatch(/zaterdag 26 december/);
  });

  it('says nothing of days without office hours (a contact centre open day and night)', () => {
    const d = createDriver({ dialogs, timeZone: ZONE }, { now: THU_4PM.toISOString(), parse: (t) => parsed(t, 'none') });
    expect(d.sayParsed(parsed('zijn jullie morgen open', 'contact_hours')).text).toMatch(/^U kunt ons bellen/);
  });
});

describe('dialog: a contact centre open day and night, with a desk that is not', () => {
  // LOKET_OFFICE_HOURS=always: chat and phone day and night; the desk keeps desk_hours (calendar.yaml).
  const always = loadDialogSet('dialogs', 'always');
  const driver = () => createDriver({ dialogs: always, timeZone: ZONE, officeHours: parseOfficeHours('always', ZONE, always.holidays) }, { now: THU_4PM.toISOString(), parse: (t) => parsed(t, 'none') });

  it('says the phone is answered day and night, and the desk\'s own hours', () => {
    const hoursText = driver().sayParsed(parsed('wat zijn jullie openingstijden', 'contact_hours')).text;
    expect(hoursText).toMatch(/^U kunt ons bellen op 14 0123, dag en nacht, elke dag\. De balie is open van maandag tot en met vrijdag van 8\.30 tot 17\.00 uur: Voorbeeldplein 1/);
    expect(driver().sayParsed({ ...parsed('what are your opening hours', 'contact_hours'), lang: 'en' }).text).toMatch(/day and night, every day\. The desk is open Monday to Friday from 8:30 to 17:00: Voorbeeldplein 1/);
    // Collecting a passport, the visiting address: the desk's hours, never "day and night".
    for (const msg of ['waar kan ik mijn paspoort ophalen', 'wat is jullie bezoekadres']) {
      const said = driver().sayParsed(parsed(msg, 'contact_hours')).text;
      expect(said, msg).toMatch(/van maandag tot en met vrijdag van 8\.30 tot 17\.00 uur/);
      expect(said, msg).not.toMatch(/dag en nacht/);
    }
  });

  it('answers "is de balie zaterdag open?" with the desk\'s day, and "en maandag?" after it too', () => {
    const d = driver();
    const saturday = d.sayParsed(parsed('is de balie zaterdag open?', 'contact_hours'));
    expect(saturday.text).toMatch(/^Op zaterdag 26 december is de balie dicht \(Tweede Kerstdag\)\. De balie is weer open op maandag 28 december om 8\.30 uur\. U kunt ons bellen/);
    expect(d.sayParsed(parsed('en maandag?', 'none')).text).toBe('Op maandag 28 december is de balie open van 8.30 tot 17.00 uur.');
    expect(driver().sayParsed(parsed('kan ik morgen langskomen', 'contact_hours')).text).toMatch(/^Op vrijdag 25 december is de balie dicht \(Eerste Kerstdag\)/);
    // The contact centre itself is open that day: no line that says it is closed.
    expect(driver().sayParsed(parsed('zijn jullie zaterdag open', 'contact_hours')).text).toMatch(/^U kunt ons bellen op 14 0123, dag en nacht/);
  });
});

