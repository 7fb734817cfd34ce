/**
 * A message the crisis model leans to without finding a crisis (ParseResult.concern): the assistant
 * answers it, then asks once whether all is well, with the crisis line and a person on offer
 * (src/dialog/concern.ts). Hand-built parses, so the rules are tested apart from the model.
 */
import { describe, expect, it } from 'vitest';
import { readInContext, withConcern } from '../../src/dialog/concern.ts';
import { loadDialogSet } from '../../src/dialog/loader.ts';
import { initialState } from '../../src/dialog/texts.ts';
import type { Entity, ParseResult } from '../../src/nlu/types.ts';
import { createDriver, parsed } from '../support/dialog-driver.ts';

const dialogs = loadDialogSet('dialogs');
const ctx = { dialogs, timeZone: 'Europe/Amsterdam' };
const WORRY = 'het moet voor vrijdag anders is het voorbij met mij';
const leaning = (text: string, intent: string, entities: Entity[] = [], evidence = WORRY): ParseResult => ({
  ...parsed(text, intent, entities),
  concern: { reason: 'distress', probability: 0.46, evidence },
});
const driver = () => createDriver(ctx, { parse: (t) => parsed(t, 'none') });
const CRISIS_LINE = /113.*0800-0113/;

describe('dialog: a crisis the NLU kept back because the whole message is a short harmless phrase (quieted)', () => {
  const quiet = (text: string): ParseResult => ({ ...parsed(text, 'none', [], 0.9), quieted: [{ reason: 'distress', evidence: text }] });
  const read = (d: ReturnType<typeof driver>, text: string) => readInContext(d.state, text, quiet(text));

  it('counts right after the check-in, is nothing after the opening hours or as a no to an offer, and is asked about elsewhere', () => {
    const checked = driver();
    checked.sayParsed(leaning('wanneer zijn jullie open? het moet voor vrijdag anders is het voorbij met mij', 'contact_hours'));
    expect(read(checked, 'vanavond').handoff?.reason).toBe('distress');
    // A no to its "Zal ik een medewerker vragen?" is a no, as "nee" is.
    expect(read(checked, 'hoeft niet').handoff).toBeNull();
    const hours = driver();
    hours.sayParsed(parsed('wat zijn jullie openingstijden', 'contact_hours'));
    const time = read(hours, 'en vanavond?');
    expect({ handoff: time.handoff, concern: time.concern ?? null }).toEqual({ handoff: null, concern: null });
    const offered = driver();
    offered.sayParsed(parsed('help', 'none'));
    expect(offered.state.pending).toBe('person_offer');
    const declined = read(offered, 'hoeft niet');
    expect({ handoff: declined.handoff, concern: declined.concern ?? null }).toEqual({ handoff: null, concern: null });
    expect(read(driver(), 'vanavond?')).toMatchObject({ handoff: null, concern: { reason: 'distress', evidence: 'vanavond?' } });
  });

  it('counts after a crisis earlier in the conversation, unless it is a no (review: "ik ga het vanavond …" then may say more)', () => {
    const crisis = driver();
    crisis.sayParsed({ ...parsed('ik zie het niet meer zitten', 'none'), handoff: { reason: 'distress', evidence: 'ik zie het niet meer zitten' }, handoffs: [{ reason: 'distress', evidence: 'ik zie het niet meer zitten' }] });
    expect(crisis.state.handoffs.map((h) => h.reason)).toEqual(['distress']);
    expect(read(crisis, 'ik ga het vanavond invullen').handoff?.reason).toBe('distress');
    expect(read(crisis, 'hoeft niet').handoff).toBeNull();
  });
});

describe('dialog: a message that leans to a crisis', () => {
  it('does not ask when the worrying words are those of the answer it follows up ("alles verwijderen" after the answer on one\'s data)', () => {
    const d = driver();
    d.sayParsed(parsed('wat doen jullie met mijn gegevens', 'none', [], 0.27));
    const said = d.sayParsed(leaning('ik wil dat jullie alles verwijderen', 'none', [], 'ik wil dat jullie alles verwijderen'));
    expect({ texts: said.replies.map((r) => r.trace.dialog), text: said.text }).toEqual({ texts: ['none'], text: expect.stringMatching(/^In mijn antwoord staat: Of wilt u ze laten verwijderen\? Dat mag u vragen\./) });
    expect(d.state.concern).toBeUndefined();
    // Words the answer does not have still get the check-in.
    const other = driver();
    other.sayParsed(parsed('wat doen jullie met mijn gegevens', 'none', [], 0.27));
    expect(other.sayParsed(leaning('verwijder alles, het is voorbij met mij', 'none', [], 'het is voorbij met mij')).replies.at(-1)!.trace.dialog).toBe('concern');
    // A longer message that shares a word with the quoted answer still gets it ("… anders is het einde verhaal voor mij").
    const long = driver();
    long.sayParsed(parsed('wanneer wordt de bijstand betaald', 'payment'));
    const worry = 'hoe lang duurt het na het besluit? anders is het einde verhaal voor mij';
    expect(long.sayParsed(leaning(worry, 'none', [], worry)).replies.map((r) => r.trace.dialog)).toEqual(['none', 'concern']);
  });

  it('answers the question, then asks once whether all is well, with the crisis line and a person on offer', () => {
    const d = driver();
    const said = d.sayParsed(leaning('wanneer zijn jullie open? het moet voor vrijdag anders is het voorbij met mij', 'contact_hours'));
    expect(said.replies).toHaveLength(2);
    expect(said.replies[0]!.trace.dialog).toBe('contact_hours');
    expect(said.replies[1]!.text).toMatch(/gaat het goed met u\?/);
    expect(said.replies[1]!.text).toMatch(CRISIS_LINE);
    expect(said.replies[1]!.text).toMatch(/Zal ik een medewerker vragen\? Antwoord met ja of nee\.$/);
    expect(said.replies[1]!.trace).toMatchObject({ dialog: 'concern', step: 'ask', dialogVersion: dialogs.version });
    expect(said.replies[1]!.trace.reason).toBeUndefined();
    expect(said.replies[1]!.trace.sources).toEqual(expect.arrayContaining([{ kind: 'rule', ref: 'concern-check-in:distress' }]));
    expect(said.effects.some((e) => e.type === 'handoff')).toBe(false);
    expect(d.state.pending).toBe('concern_offer');
    expect(d.state.concern).toMatchObject({ reason: 'distress', evidence: WORRY });
    // Once per conversation: the next leaning message gets its answer only.
    d.sayParsed(parsed('nee', 'none'));
    const again = d.sayParsed(leaning('en hoe laat gaan jullie dicht', 'contact_hours'));
    expect(again.replies.map((r) => r.trace.dialog)).not.toContain('concern');
    expect(again.text).not.toMatch(CRISIS_LINE);
  });

  it('hands over for distress on "ja", with the words that worried it as evidence', () => {
    const d = driver();
    d.sayParsed(leaning('wanneer zijn jullie open? het moet voor vrijdag anders is het voorbij met mij', 'contact_hours'));
    const yes = d.sayParsed(parsed('ja', 'none'));
    const handoff = yes.effects.find((e) => e.type === 'handoff');
    expect(handoff).toMatchObject({ record: { reason: 'distress', evidence: expect.stringContaining(WORRY) } });
    expect(yes.text).toMatch(CRISIS_LINE);
  });

  it('leaves it at "nee", and a person can still be asked for later', () => {
    const d = driver();
    d.sayParsed(leaning('wanneer zijn jullie open? het moet voor vrijdag anders is het voorbij met mij', 'contact_hours'));
    const no = d.sayParsed(parsed('nee', 'none'));
    expect(no.effects).toEqual([]);
    expect(no.text).toMatch(/altijd nog een medewerker vragen/);
    expect(d.state.pending).toBeNull();
  });

  it('takes "ja hoor, het gaat goed" as all is well, not as a yes to a person; "het gaat niet goed" is no such answer', () => {
    for (const answer of ['ja hoor, het gaat goed', 'nee hoor, alles prima', "I'm fine, thanks", 'ok bedankt', 'prima, dank je', 'ok thanks']) {
      const d = driver();
      d.sayParsed(leaning('wanneer zijn jullie open? het moet voor vrijdag anders is het voorbij met mij', 'contact_hours'));
      const said = d.sayParsed(parsed(answer, 'none'));
      expect(said.effects, answer).toEqual([]);
      expect(said.replies[0]!.trace.step, answer).toBe('fine');
      expect(d.state.pending).toBeNull();
    }
    const d = driver();
    d.sayParsed(leaning('wanneer zijn jullie open? het moet voor vrijdag anders is het voorbij met mij', 'contact_hours'));
    expect(d.sayParsed(parsed('ja, het gaat niet goed', 'none')).effects).toEqual([expect.objectContaining({ type: 'handoff', record: expect.objectContaining({ reason: 'distress' }) })]);
    // "ja graag" is still a yes to the person, for distress.
    const yes = driver();
    yes.sayParsed(leaning('wanneer zijn jullie open? het moet voor vrijdag anders is het voorbij met mij', 'contact_hours'));
    expect(yes.sayParsed(parsed('ja graag', 'none')).effects).toEqual([expect.objectContaining({ type: 'handoff', record: expect.objectContaining({ reason: 'distress' }) })]);
  });

  it('does not take "wat moet ik doen?" right after it as a question about the answer before it', () => {
    const d = driver();
    d.sayParsed(leaning('mijn parkeerboete klopt niet', 'none'));
    expect(d.state.pending).toBe('concern_offer');
    expect(d.sayParsed(parsed('wat moet ik doen?', 'none')).replies.map((r) => r.trace.step)).not.toContain('how_in_answer');
  });

  it('asks it instead of the feedback question at a goodbye, and the score at the next goodbye', () => {
    const d = driver();
    const bye = d.sayParsed(leaning('doei, het ga je goed allemaal', 'goodbye', [], 'doei, het ga je goed allemaal'));
    expect(bye.replies.map((r) => `${r.trace.dialog}/${r.trace.step}`)).toEqual(['goodbye/answer', 'concern/ask']);
    expect(d.state.pending).toBe('concern_offer');
    expect(d.state.feedbackAbout).toBeUndefined();
    expect(d.sayParsed(parsed('het gaat goed hoor', 'none')).replies[0]!.trace.step).toBe('fine');
    const later = d.sayParsed(parsed('doei', 'goodbye'));
    expect(later.replies.map((r) => `${r.trace.dialog}/${r.trace.step}`)).toEqual(['goodbye/answer', 'feedback/ask']);
  });

  it('says why it asked when the citizen asks "waarom?"', () => {
    const d = driver();
    d.sayParsed(leaning('wanneer zijn jullie open? het moet voor vrijdag anders is het voorbij met mij', 'contact_hours'));
    const why = d.sayParsed(parsed('waarom?', 'none'));
    expect(why.text).toContain(`"${WORRY}"`);
    expect(why.text).toMatch(/Misschien las ik het verkeerd/);
    // A question about the answer before it is still about that answer, not lost behind the check-in.
    const later = driver();
    later.sayParsed(leaning('ik ben gescheiden en mijn ex woont nog in het huis. moet ik iets doorgeven', 'change_details'));
    expect(later.sayParsed(parsed('aan wie', 'none')).replies[0]!.trace.step).toBe('fallback_after_answer');
    // Two messages on, "waarom?" is about that answer again.
    const twice = driver();
    twice.sayParsed(leaning('wanneer zijn jullie open? het moet voor vrijdag anders is het voorbij met mij', 'contact_hours'));
    twice.sayParsed(parsed('nee hoor', 'none'));
    expect(twice.sayParsed(parsed('waarom?', 'none')).text).not.toContain(`"${WORRY}"`);
  });

  it('keeps an open question of the flow: it says how to ask for a person instead of asking yes or no', () => {
    const d = driver();
    const said = d.sayParsed(leaning('hoe staat het met mijn aanvraag? het moet voor vrijdag anders is het voorbij met mij', 'case_status'));
    expect(said.replies[0]!.text).toContain('zaaknummer');
    expect(said.replies[1]!.trace.step).toBe('line');
    expect(said.replies[1]!.text).toMatch(/Typ dan: medewerker\./);
    expect(said.replies[1]!.text).not.toMatch(/ja of nee/);
    expect(d.state.active?.step).toBe('ask_number');
    expect(d.state.pending).toBeNull();
    // The case number goes on with the flow; asking for a person right after the check-in answers it.
    const asking = driver();
    asking.sayParsed(leaning('hoe staat het met mijn aanvraag? het moet voor vrijdag anders is het voorbij met mij', 'case_status'));
    const person = asking.sayParsed({ ...parsed('medewerker', 'human'), handoff: { reason: 'explicit_request', evidence: 'medewerker' }, handoffs: [{ reason: 'explicit_request', evidence: 'medewerker' }] });
    expect(person.effects).toEqual([expect.objectContaining({ type: 'handoff', record: expect.objectContaining({ reason: 'distress', evidence: expect.stringContaining(WORRY) }) })]);
    expect(d.sayParsed(parsed('Z-2026-000123', 'none', [{ type: 'case_number', value: 'Z-2026-000123', start: 0, end: 13 }])).text).toMatch(/postcode en uw geboortedatum/);
  });

  it('adds nothing when the message is handed over anyway, or a person is already on the way', () => {
    const handed = driver().sayParsed({ ...leaning('mijn moeder is overleden, wanneer komt de laatste betaling', 'payment'), handoff: { reason: 'bereavement', evidence: 'mijn moeder is overleden' }, handoffs: [{ reason: 'bereavement', evidence: 'mijn moeder is overleden' }] });
    expect(handed.effects.some((e) => e.type === 'handoff')).toBe(true);
    expect(handed.replies.every((r) => r.trace.dialog !== 'concern')).toBe(true);

    const nlu = leaning('wanneer zijn jullie open', 'contact_hours');
    const answered = { state: { ...initialState(), turns: 1 }, replies: [{ text: 'x', trace: { dialog: 'contact_hours', step: 'answer', intent: 'contact_hours', confidence: 1, dialogVersion: dialogs.version, sources: [] } }], effects: [] };
    expect(withConcern(answered, nlu, dialogs, { state: 'queued', handoffId: 'h1', awaitingCallbackAnswer: false }, '2026-11-30T10:00:00Z').replies).toHaveLength(1);
    expect(withConcern(answered, nlu, dialogs, { state: 'ended', handoffId: 'h1', awaitingCallbackAnswer: false }, '2026-11-30T10:00:00Z').replies).toHaveLength(2);
    expect(withConcern(answered, { ...nlu, concern: undefined }, dialogs, null, '2026-11-30T10:00:00Z').replies).toHaveLength(1);
  });

  it('answers in English in an English conversation', () => {
    const d = createDriver(ctx, { parse: (t) => ({ ...parsed(t, 'none'), lang: 'en' }) });
    const said = d.sayParsed({ ...leaning('when are you open? i need it before friday or its over for me', 'contact_hours', [], 'i need it before friday or its over for me'), lang: 'en' });
    expect(said.replies[1]!.text).toMatch(/^Just to be sure: are you all right\?/);
    expect(said.replies[1]!.text).toMatch(/Answer yes or no\.$/);
  });
});

describe('dialog: an everyday follow-up the learned model alone read as a crisis', () => {
  const model = (text: string, intent = 'none', confidence = 0.6): ParseResult => ({ ...parsed(text, intent, [], confidence), handoff: { reason: 'distress', evidence: text }, handoffs: [{ reason: 'distress', evidence: text }] });
  const follow = (first: ParseResult, text: string, parse: ParseResult = model(text)) => {
    const d = driver();
    d.sayParsed(first);
    return { d, said: d.sayParsed(readInContext(d.state, text, parse)) };
  };

  it('answers "hoe snel heb ik het?" after the BRP extract from that answer, without a handoff or a check-in', () => {
    const { said, d } = follow(parsed('ik wil een uittreksel', 'documents', [], 0.9), 'hoe snel heb ik het');
    expect(said.effects).toEqual([]);
    expect(said.replies.map((r) => r.trace.step)).toEqual(['time_in_answer']);
    expect(said.text).toMatch(/binnen 5 werkdagen/);
    expect(d.state.concern).toBeUndefined();
  });

  it('says where for "moet ik er zelf heen?" after the ID card answer, and "kan ik het ook zelf wegbrengen?" after the waste answer', () => {
    const there = follow(parsed('ik wil een nieuwe id kaart', 'documents', [], 0.9), 'moet ik er zelf heen').said;
    expect(there.text).toMatch(/^In mijn antwoord staat: Een paspoort, ID-kaart of rijbewijs vraagt u aan bij de balie in het gemeentehuis\./);
    expect(there.effects).toEqual([]);
    const bring = follow(parsed('grofvuil ophalen', 'none', [], 0.82), 'kan ik het ook zelf wegbrengen').said;
    expect(bring.text).toMatch(/milieustraat/);
    expect(bring.replies.map((r) => r.trace.dialog)).not.toContain('concern');
  });

  it('still asks whether all is well when the reply cannot answer it from the answer before', () => {
    const { said } = follow(parsed('hallo', 'greeting', [], 1), 'hoe snel heb ik het');
    expect(said.effects).toEqual([]);
    expect(said.replies.map((r) => r.trace.dialog)).toContain('concern');
  });

  it('keeps the handoff for a lexicon phrase, for another message, inside the case flow, and with no answer before', () => {
    const phrase: ParseResult = { ...parsed('wat als ik er morgen niet meer ben', 'none'), handoff: { reason: 'distress', evidence: 'als ik er morgen niet meer ben', lexicon: 'distress' }, handoffs: [{ reason: 'distress', evidence: 'als ik er morgen niet meer ben', lexicon: 'distress' }] };
    expect(follow(parsed('ik wil bezwaar maken', 'objection', [], 1), phrase.text, phrase).said.effects).toEqual([expect.objectContaining({ type: 'handoff' })]);
    expect(follow(parsed('hoe vraag ik een paspoort aan', 'documents', [], 0.9), 'how many sleeping pills is too many').said.effects).toEqual([expect.objectContaining({ type: 'handoff' })]);
    expect(follow(parsed('hoe staat het met mijn aanvraag', 'case_status', [], 0.99), 'hoe snel heb ik het').said.effects).toEqual([expect.objectContaining({ type: 'handoff' })]);
    expect(driver().sayParsed(readInContext(initialState(), 'hoe snel heb ik het', model('hoe snel heb ik het'))).effects).toEqual([expect.objectContaining({ type: 'handoff' })]);
  });
});

describe('dialog: the facts asked for, written with words the models read as a crisis or anger', () => {
  const asked = () => {
    const d = driver();
    d.sayParsed(parsed('hoe staat het met mijn aanvraag', 'case_status', [], 0.99));
    d.sayParsed(parsed('Z-2026-000123', 'none', [{ type: 'case_number', value: 'Z-2026-000123', start: 0, end: 13 }]));
    return d;
  };

  it('gives the status to "sorry, I mean 15/03/1980" without asking whether all is well', () => {
    const d = asked();
    d.sayParsed(parsed('1234 AB', 'none', [{ type: 'postcode', value: '1234 AB', start: 0, end: 7 }]));
    const text = 'sorry, I mean 15/03/1980';
    const r = d.sayParsed(readInContext(d.state, text, { ...leaning(text, 'none', [{ type: 'date', value: '1980-03-15', start: 14, end: 24 }], text) }));
    expect(r.replies.map((x) => x.trace.dialog)).toEqual(['case_status']);
  });

  it('still asks when the facts come with words of their own ("1234 AB 15-03-1980 ik slaap al weken niet")', () => {
    const d = asked();
    const text = '1234 AB 15-03-1980 ik slaap al weken niet';
    const r = d.sayParsed(readInContext(d.state, text, leaning(text, 'none', [{ type: 'postcode', value: '1234 AB', start: 0, end: 7 }, { type: 'date', value: '1980-03-15', start: 8, end: 18 }], text)));
    expect(r.replies.map((x) => x.trace.dialog)).toContain('concern');
  });

  it('takes "oh wacht, verkeerde postcode", which the model alone read as anger, as the correction it is', () => {
    const d = asked();
    d.sayParsed(parsed('1234 AB', 'none', [{ type: 'postcode', value: '1234 AB', start: 0, end: 7 }]));
    const text = 'oh wacht, verkeerde postcode';
    const anger = { reason: 'frustration' as const, evidence: text };
    const r = d.sayParsed(readInContext(d.state, text, { ...parsed(text, 'none', [], 0.63), handoff: anger, handoffs: [anger] }));
    expect(r.effects).toEqual([]);
    expect(r.text).toMatch(/^Geen probleem\. Wat is de goede postcode\?/);
  });
});
