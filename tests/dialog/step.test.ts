import { describe, expect, it } from 'vitest';
import { loadDialogSet } from '../../src/dialog/loader.ts';
import { step } from '../../src/dialog/step.ts';
import { statusMeaning } from '../../src/dialog/status-lines.ts';
import { initialState } from '../../src/dialog/texts.ts';
import type { Entity, HandoffSignal } from '../../src/nlu/types.ts';
import { createDriver, parsed } from '../support/dialog-driver.ts';

const dialogs = loadDialogSet('dialogs');
const ctx = { dialogs, timeZone: 'Europe/Amsterdam' };
const e = (type: Entity['type'], value: string): Entity => ({ type, value, start: 0, end: value.length });
const nr = (v: string) => e('case_number', v);
const pc = (v: string) => e('postcode', v);
const bd = (v: string) => e('date', v);
const STATUS_123 = 'In behandeling: advies welstandscommissie gevraagd.';

function driver() {
  return createDriver(ctx, { parse: (t) => parsed(t, 'none') });
}

describe('dialog step: case status', () => {
  it('asks the case number, then postcode and birth date in one question, then tells the status', () => {
    const d = driver();
    expect(d.sayParsed(parsed('hoe staat het met mijn aanvraag', 'case_status')).text).toContain('zaaknummer');
    expect(d.state.active?.step).toBe('ask_number');
    const second = d.sayParsed(parsed('Z-2026-000123', 'none', [nr('Z-2026-000123')]));
    expect(second.text).toMatch(/postcode en uw geboortedatum/);
    const third = d.sayParsed(parsed('1234 AB 15-03-1980', 'none', [pc('1234 AB'), bd('1980-03-15')]));
    expect(third.text).toContain(STATUS_123);
    const trace = third.replies[0]!.trace;
    expect(trace).toMatchObject({ dialog: 'case_status', step: 'answer', dialogVersion: dialogs.version });
    expect(trace.sources).toEqual(expect.arrayContaining([expect.objectContaining({ kind: 'case', ref: 'Z-2026-000123', system: 'embedded' })]));
  });

  it('reads "15031980" as the birth date it asked for, and only then', () => {
    const d = driver();
    d.sayParsed(parsed('Z-2026-000123 1234 AB', 'case_status', [nr('Z-2026-000123'), pc('1234 AB')]));
    expect(d.sayParsed(parsed('15031980', 'none')).text).toContain(STATUS_123);
    const asking = driver();
    asking.sayParsed(parsed('hoe staat het met mijn aanvraag', 'case_status'));
    asking.sayParsed(parsed('15031980', 'none'));
    expect(asking.state.facts.birthDate).toBeUndefined();
  });

  it('takes everything from the first message and answers at once', () => {
    const d = driver();
    const said = d.sayParsed(parsed('status Z-2026-000456 5678 CD 01-07-1992', 'case_status', [nr('Z-2026-000456'), pc('5678 CD'), bd('1992-07-01')]));
    expect(said.text).toContain('Eerste betaling op 1 december 2026');
  });

  it('asks only for what is missing', () => {
    const d = driver();
    const said = d.sayParsed(parsed('Z-2026-000123 postcode 1234 AB', 'case_status', [nr('Z-2026-000123'), pc('1234 AB')]));
    expect(said.text).toContain('geboortedatum');
    expect(said.text).not.toContain('postcode');
  });

  it('reuses postcode and birth date for a second case question', () => {
    const d = driver();
    d.sayParsed(parsed('x', 'case_status', [nr('Z-2026-000123'), pc('1234 AB'), bd('1980-03-15')]));
    const said = d.sayParsed(parsed('en Z-2026-000124?', 'case_status', [nr('Z-2026-000124')]));
    expect(said.text).toContain('De vergunning geldt vanaf 7 december 2026');
    expect(said.text).toContain('Het besluit is genomen op 20 november 2026');
  });

  it('asks only to check a second case number that does not fit the verified facts, and takes the right one at once', () => {
    const d = driver();
    d.sayParsed(parsed('x', 'case_status', [nr('Z-2026-000123'), pc('1234 AB'), bd('1980-03-15')]));
    const wrong = d.sayParsed(parsed('en Z-2026-000456?', 'case_status', [nr('Z-2026-000456')]));
    expect(wrong.replies).toHaveLength(1);
    expect(wrong.text).toMatch(/hoort niet bij de postcode en geboortedatum die u eerder gaf/);
    expect(wrong.text).not.toMatch(/Dank u/);
    expect(d.state.active?.step).toBe('ask_number');
    expect(d.sayParsed(parsed('Z-2026-000124', 'none', [nr('Z-2026-000124')])).text).toContain('De vergunning geldt vanaf 7 december 2026');
  });

  it('never says which fact was wrong, and locks after three failures for 15 minutes', () => {
    const d = driver();
    const wrong = () => d.sayParsed(parsed('x', 'case_status', [nr('Z-2026-000123'), pc('1234 AB'), bd('1980-03-16')]));
    const first = wrong();
    expect(first.text).toContain('komen niet overeen');
    expect(first.text).not.toContain(STATUS_123);
    wrong();
    const third = wrong();
    expect(third.text).toContain('drie keer niet');
    expect(third.effects).toContainEqual(expect.objectContaining({ type: 'handoff', record: expect.objectContaining({ reason: 'verification_failed' }) }));
    // Even the right facts are refused while locked.
    const right = () => d.sayParsed(parsed('x', 'case_status', [nr('Z-2026-000123'), pc('1234 AB'), bd('1980-03-15')]));
    expect(right().text).not.toContain(STATUS_123);
    d.setNow('2026-11-28T10:16:00.000Z');
    expect(right().text).toContain(STATUS_123);
  });

  it('while every case is locked, says so at once instead of asking for a number first', () => {
    const d = driver();
    const wrong = () => d.sayParsed(parsed('x', 'case_status', [nr('Z-2026-000123'), pc('1234 AB'), bd('1980-03-16')]));
    wrong(); wrong(); wrong();
    const facts = d.sayParsed(parsed('1234 AB 15-03-1980', 'none', [pc('1234 AB'), bd('1980-03-15')]));
    expect({ step: facts.replies[0]!.trace.step, text: facts.text }).toEqual({ step: 'locked', text: expect.stringMatching(/^De gegevens klopten drie keer niet\. Voor uw veiligheid kan ik tot \d{1,2}\.\d\d uur geen zaak opzoeken\. Een medewerker kan u wel helpen\.$/) });
    expect(d.sayParsed(parsed('hoe staat het met mijn aanvraag', 'case_status')).replies[0]!.trace.step).toBe('locked');
    d.setNow('2026-11-28T10:16:00.000Z');
    expect(d.sayParsed(parsed('hoe staat het met mijn aanvraag', 'case_status')).replies[0]!.trace.step).toBe('ask_number');
  });

  it('answers "vanaf wanneer?" right after a status with the status\'s own sentence with a date', () => {
    for (const [said, intent] of [['super!! vanaf wanneer kan ik parkeren', 'none'], ['wanneer gaat het in?', 'case_status'], ['from when?', 'none']] as const) {
      const d = driver();
      d.sayParsed(parsed('x', 'case_status', [nr('Z-2026-000124'), pc('1234 AB'), bd('1980-03-15')]));
      const r = d.sayParsed(parsed(said, intent, [], 0.5));
      // "from when?" (two words, each only English) is answered in English (found-wrong-followups-2).
      const text = said === 'from when?' ? 'Your case Z-2026-000124 says (in Dutch): "De vergunning geldt vanaf 7 december 2026."' : 'In uw zaak Z-2026-000124 staat: De vergunning geldt vanaf 7 december 2026.';
      expect({ said, step: r.replies[0]!.trace.step, text: r.text }).toEqual({ said, step: 'dated', text });
      expect(r.replies[0]!.trace.sources).toContainEqual(expect.objectContaining({ kind: 'case', ref: 'Z-2026-000124' }));
    }
    // Money, the office and the letter have answers of their own.
    const paid = driver();
    paid.sayParsed(parsed('x', 'case_status', [nr('Z-2026-000456'), pc('5678 CD'), bd('1992-07-01')]));
    expect(paid.sayParsed(parsed('wanneer krijg ik het geld', 'payment')).replies[0]!.trace.dialog).toBe('payment');
    const open = driver();
    open.sayParsed(parsed('x', 'case_status', [nr('Z-2026-000124'), pc('1234 AB'), bd('1980-03-15')]));
    expect(open.sayParsed(parsed('wanneer zijn jullie open', 'contact_hours')).replies[0]!.trace.dialog).toBe('contact_hours');
    // Another kind of application than the case told: its number, never the date of the case told.
    // Building work after a building permit's status is that permit ("wanneer mag ik met de verbouwing beginnen?"):
    // while it is being decided, not yet (with its date), as "mag ik al beginnen?".
    for (const said of ['wanneer mag ik met de verbouwing beginnen?', 'when can I start the extension?']) {
      const d = driver();
      d.sayParsed(parsed('x', 'case_status', [nr('Z-2026-000123'), pc('1234 AB'), bd('1980-03-15')]));
      expect({ said, step: d.sayParsed(parsed(said, 'case_status', [], 0.9)).replies[0]!.trace.step }).toEqual({ said, step: 'not_before_decision' });
    }
    for (const said of ['en mijn parkeervergunning, wanneer gaat die in?', 'wanneer gaat mijn parkeervergunning in?', 'and my parking permit, from when?']) {
      const d = driver();
      d.sayParsed(parsed('x', 'case_status', [nr('Z-2026-000123'), pc('1234 AB'), bd('1980-03-15')]));
      const r = d.sayParsed(parsed(said, 'case_status', [], 0.9));
      expect({ said, step: r.replies[0]!.trace.step }).toEqual({ said, step: 'ask_number_next' });
    }
  });

  it('keeps "moet ik me uitschrijven?" right after the answer on moving abroad on that answer (its follow_up words), not the move within the country', () => {
    const d = driver();
    d.sayParsed(parsed('ik ga emigreren naar spanje', 'none', [], 0.5));
    const r = d.sayParsed(parsed('moet ik me uitschrijven?', 'change_details', [], 0.8));
    // Its narrower case: yes, and how, not all of that answer again.
    expect(r.replies[0]!.trace.sources).toContainEqual({ kind: 'rule', ref: 'topic:deregister_abroad' });
    expect(r.text).toMatch(/^Ja\. Uitschrijven doet u door uw vertrek door te geven\./);
    expect(r.text).not.toContain('na uw verhuizing');
    // After the move within the country, the same words are that move's.
    const within = driver();
    within.sayParsed(parsed('ik ga verhuizen naar utrecht', 'change_details', [], 0.9));
    expect(within.sayParsed(parsed('moet ik me uitschrijven?', 'change_details', [], 0.8)).replies[0]!.trace.sources).not.toContainEqual({ kind: 'rule', ref: 'topic:to_abroad' });
  });

  it('tells the other case number of a message that named two after the first one\'s answer, and answers it when sent; a correction names one', () => {
    const d = driver();
    d.sayParsed(parsed('hoe staat het met Z-2026-000123 en Z-2026-000124', 'case_status', [nr('Z-2026-000123'), nr('Z-2026-000124')]));
    const first = d.sayParsed(parsed('1234 AB 15-03-1980', 'none', [pc('1234 AB'), bd('1980-03-15')]));
    expect(first.text).toMatch(/^Uw zaak Z-2026-000124 .* U noemde ook zaak Z-2026-000123\. Wilt u die ook weten\? Stuur dan dat nummer\./);
    const second = d.sayParsed(parsed('Z-2026-000123', 'none', [nr('Z-2026-000123')]));
    expect(second.text).toMatch(/^Uw zaak Z-2026-000123 /);
    expect(second.text).not.toContain('U noemde ook');
    // Words of no correction keep it (review); another number asked since ends it.
    const both = driver();
    both.sayParsed(parsed('hoe staat het met Z-2026-000123 en Z-2026-000124? ik heb nog geen bericht gehad', 'case_status', [nr('Z-2026-000123'), nr('Z-2026-000124')]));
    expect(both.sayParsed(parsed('1234 AB 15-03-1980', 'none', [pc('1234 AB'), bd('1980-03-15')])).text).toContain('U noemde ook zaak Z-2026-000123.');
    const switched = driver();
    switched.sayParsed(parsed('hoe staat het met Z-2026-000123 en Z-2026-000124', 'case_status', [nr('Z-2026-000123'), nr('Z-2026-000124')]));
    switched.sayParsed(parsed('Z-2026-000456', 'none', [nr('Z-2026-000456')]));
    expect(switched.sayParsed(parsed('5678 CD 01-07-1992', 'none', [pc('5678 CD'), bd('1992-07-01')])).text).not.toContain('U noemde ook');
    const fixed = driver().sayParsed(parsed('niet Z-2026-000123 maar Z-2026-000124 1234 AB 15-03-1980', 'case_status', [nr('Z-2026-000123'), nr('Z-2026-000124'), pc('1234 AB'), bd('1980-03-15')]));
    expect(fixed.text).toMatch(/^Uw zaak Z-2026-000124 /);
    expect(fixed.text).not.toContain('U noemde ook');
  });

  it('takes "en die andere?" after "U noemde ook zaak …" as that case, looked up with the facts given; once told, the number is asked', () => {
    for (const other of ['en die andere?', 'and the other one?', 'en mijn andere aanvraag?']) {
      const d = driver();
      d.sayParsed(parsed('hoe staat het met Z-2026-000123 en Z-2026-000124', 'case_status', [nr('Z-2026-000123'), nr('Z-2026-000124')]));
      d.sayParsed(parsed('1234 AB 15-03-1980', 'none', [pc('1234 AB'), bd('1980-03-15')]));
      expect({ other, text: d.sayParsed(parsed(other, 'none', [], 0.3)).text }).toEqual({ other, text: expect.stringMatching(/^(Uw zaak|Your case) Z-2026-000123 \(Omgevingsvergunning/) });
      expect({ other, text: d.sayParsed(parsed(other, 'none', [], 0.3)).text }).toEqual({ other, text: expect.stringMatching(/(zaaknummer van die andere aanvraag|case number of that other application)\?/) });
    }
    // One case named: its number is asked, as before.
    const one = driver();
    one.sayParsed(parsed('hoe staat het met Z-2026-000123', 'case_status', [nr('Z-2026-000123')]));
    one.sayParsed(parsed('1234 AB 15-03-1980', 'none', [pc('1234 AB'), bd('1980-03-15')]));
    expect(one.sayParsed(parsed('en die andere?', 'none', [], 0.3)).text).toMatch(/Wat is het zaaknummer van die andere aanvraag\?/);
  });

  it('says after the status of a case asked about as an objection that the status is the case\'s, not the objection\'s', () => {
    const d = driver();
    d.sayParsed(parsed('hoe staat het met mijn bezwaar?', 'case_status'));
    d.sayParsed(parsed('Z-2026-000456', 'none', [nr('Z-2026-000456')]));
    const told = d.sayParsed(parsed('5678 CD 01-07-1992', 'none', [pc('5678 CD'), bd('1992-07-01')]));
    expect(told.text).toMatch(/^Uw zaak Z-2026-000456 .* U vroeg naar uw bezwaar\. Wat hierboven staat, gaat over de zaak zelf, niet over het bezwaar\./);
    // Told once: the next case asked is not about an objection.
    expect(d.sayParsed(parsed('en Z-2026-000123 1234 AB 15-03-1980', 'case_status', [nr('Z-2026-000123'), pc('1234 AB'), bd('1980-03-15')])).text).not.toContain('bezwaar');
    const en = driver();
    en.sayParsed({ ...parsed('any news on my objection?', 'case_status'), lang: 'en' });
    expect(en.sayParsed({ ...parsed('Z-2026-000456 5678 CD 01-07-1992', 'none', [nr('Z-2026-000456'), pc('5678 CD'), bd('1992-07-01')]), lang: 'en' }).text).toContain('You asked about your objection.');
    // "geen bezwaar" is no objection; an objection asked and left is forgotten by the next case question.
    expect(driver().sayParsed(parsed('ik heb er geen bezwaar tegen, hoe staat het met Z-2026-000456? 5678 CD 01-07-1992', 'case_status', [nr('Z-2026-000456'), pc('5678 CD'), bd('1992-07-01')])).text).not.toContain('bezwaar');
    // Only the citizen's own objection (review): not a neighbour's against the citizen's permit, not "no objection".
    expect(driver().sayParsed(parsed('ik heb bezwaar gemaakt tegen de beslissing over mijn bijstand, is er al nieuws? Z-2026-000456 5678 CD 01-07-1992', 'case_status', [nr('Z-2026-000456'), pc('5678 CD'), bd('1992-07-01')])).text).toContain('U vroeg naar uw bezwaar.');
    expect(driver().sayParsed(parsed('mijn buurman heeft bezwaar gemaakt tegen mijn dakkapel, hoe staat het met mijn vergunning? Z-2026-000123 1234 AB 15-03-1980', 'case_status', [nr('Z-2026-000123'), pc('1234 AB'), bd('1980-03-15')])).text).not.toContain('bezwaar');
    for (const said of ['hoe staat het met het bezwaar dat ik heb ingediend', 'ik heb een bezwaarschrift ingediend, hoe staat het ervoor', 'ik heb beroep aangetekend, hoe staat het daarmee']) {
      const d2 = driver();
      d2.sayParsed(parsed(said, 'case_status'));
      expect({ said, text: d2.sayParsed(parsed('Z-2026-000456 5678 CD 01-07-1992', 'none', [nr('Z-2026-000456'), pc('5678 CD'), bd('1992-07-01')])).text }).toEqual({ said, text: expect.stringContaining('U vroeg naar uw bezwaar.') });
    }
    const left = driver();
    left.sayParsed(parsed('hoe staat het met mijn bezwaar?', 'case_status'));
    left.sayParsed(parsed('wat zijn de openingstijden', 'contact_hours'));
    expect(left.sayParsed(parsed('hoe staat het met mijn aanvraag Z-2026-000456 5678 CD 01-07-1992', 'case_status', [nr('Z-2026-000456'), pc('5678 CD'), bd('1992-07-01')])).text).not.toContain('bezwaar');
  });

  it('asks the number of another application after a status, not the same status again, and keeps postcode and birth date', () => {
    const told = () => {
      const d = driver();
      d.sayParsed(parsed('x', 'case_status', [nr('Z-2026-000124'), pc('1234 AB'), bd('1980-03-15')]));
      return d;
    };
    for (const [msg, intent] of [
      ['en mijn andere aanvraag?', 'case_status'], ['ik heb nog een aanvraag lopen', 'case_status'], ['and my other application?', 'case_status'],
      ['hoe zit het met de vergunning voor mijn dakkapel', 'case_status'], ['en mijn dakkapel?', 'none'], ['en de andere?', 'none'],
      ['what about my benefit', 'case_status'],
    ] as const) {
      const d = told();
      const said = d.sayParsed(parsed(msg, intent));
      expect({ msg, step: said.replies[0]!.trace.step, status: said.text.includes('7 december 2026') }).toEqual({ msg, step: 'ask_number_next', status: false });
      // An English message is answered in English, whatever the (hand-built) parse says.
      expect(said.text).toMatch(/^(Ik zoek het graag voor u op\. Wat is het zaaknummer van die andere aanvraag\? .* Uw postcode en geboortedatum heb ik al\.|I will gladly look it up\. What is the case number of that other application\? .* I already have your postcode and date of birth\.)$/);
      // Only the number: the status follows it at once.
      expect(d.sayParsed(parsed('Z-2026-000123', 'none', [nr('Z-2026-000123')])).text).toContain(STATUS_123);
    }
    // The same case named, a new application, or no case told yet: as before.
    expect(told().sayParsed(parsed('en mijn parkeervergunning?', 'case_status')).text).toContain('7 december 2026');
    expect(told().sayParsed(parsed('hoe staat het met mijn aanvraag', 'case_status')).text).toContain('7 december 2026');
    expect(told().sayParsed(parsed('ik wil nog een aanvraag doen', 'none')).replies[0]!.trace.step).not.toBe('ask_number_next');
    expect(driver().sayParsed(parsed('en mijn andere aanvraag?', 'case_status')).replies[0]!.trace.step).toBe('ask_number');
  });

  it('answers how long an application takes in general, and the question for the number in case there is one; none at all ends the question', () => {
    const d = driver();
    const general = d.sayParsed(parsed('hoe lang duurt een omgevingsvergunning', 'case_status', [], 0.9));
    expect(general.replies[0]!.trace.step).toBe('how_long');
    expect(general.text).toMatch(/^Hoe lang het duurt, hangt af van wat u aanvraagt\. Meestal beslissen we binnen 8 weken.* Wat is uw zaaknummer\?$/);
    expect(d.state.active?.step).toBe('ask_number');
    const none = d.sayParsed(parsed('ik heb nog niks aangevraagd', 'none', [], 0.5));
    expect(none.replies[0]!.trace.step).toBe('not_applied');
    expect(d.state.active).toBeNull();
    const en = driver();
    en.sayParsed(parsed('hoe staat het met mijn aanvraag', 'case_status'));
    expect(en.sayParsed({ ...parsed("I haven't applied yet", 'none', [], 0.5), lang: 'en' }).text).toMatch(/^Then there is no case yet that I can look up\./);
    // Having applied is no "not applied" (the number is just not at hand).
    const applied = driver();
    applied.sayParsed(parsed('hoe staat het met mijn aanvraag', 'case_status'));
    expect(applied.sayParsed({ ...parsed('I have applied last month but I lost the letter', 'none', [], 0.5), lang: 'en' }).replies[0]!.trace.step).not.toBe('not_applied');
    // One's own: the case question as ever; and the number after the general answer is looked up.
    expect(driver().sayParsed(parsed('hoe lang duurt mijn aanvraag nog?', 'case_status', [], 0.9)).replies[0]!.trace.step).toBe('ask_number');
    const then = driver();
    then.sayParsed(parsed('hoe lang duurt het voordat een aanvraag bijstand is beoordeeld', 'case_status', [], 0.9));
    expect(then.sayParsed(parsed('Z-2026-000123', 'none', [nr('Z-2026-000123')])).replies[0]!.trace.step).toBe('ask_both');
  });

  it('takes "ik heb 2 aanvragen lopen", not placed, as the case question: the number first', () => {
    for (const msg of ['ik heb 2 aanvragen lopen', 'hoi, ik heb twee aanvragen lopen bij jullie', 'I have several applications pending', 'we hebben meerdere aanvragen openstaan']) {
      const said = driver().sayParsed(parsed(msg, 'none', [], 0.4));
      expect({ msg, step: said.replies[0]!.trace.step }).toEqual({ msg, step: 'ask_number' });
    }
    // Right after a status: the other case's number, not the same status again.
    const told = driver();
    told.sayParsed(parsed('x', 'case_status', [nr('Z-2026-000124'), pc('1234 AB'), bd('1980-03-15')]));
    expect(told.sayParsed(parsed('ik heb nog 2 aanvragen lopen', 'none', [], 0.4)).replies[0]!.trace.step).toBe('ask_number_next');
    // Things to ask are no applications.
    for (const msg of ['ik heb een paar zaken', 'I have a few requests']) expect(driver().sayParsed(parsed(msg, 'none', [], 0.4)).replies[0]!.trace.step).not.toBe('ask_number');
    // Saying more is asking something else; waiting for a person it is no new question.
    expect(driver().sayParsed(parsed('ik heb 2 aanvragen lopen, kan ik een voorschot krijgen?', 'none', [], 0.4)).replies[0]!.trace.step).not.toBe('ask_number');
    const handoff = { state: 'queued', handoffId: 'h1', awaitingCallbackAnswer: false } as const;
    const waiting = step(initialState(), { kind: 'message', text: 'ik heb 2 aanvragen lopen', nlu: parsed('ik heb 2 aanvragen lopen', 'none', [], 0.4), now: '2026-11-28T10:01:00.000Z', handoff }, ctx);
    expect(waiting.replies.map((r) => r.trace.step)).not.toContain('ask_number');
  });

  it('after a mismatch asks for a correction or all three facts again, and checks a correction with the rest of the try', () => {
    const d = driver();
    d.sayParsed(parsed('hoe staat het met mijn aanvraag', 'case_status'));
    d.sayParsed(parsed('Z-2026-000123', 'none', [nr('Z-2026-000123')]));
    const failed = d.sayParsed(parsed('1234 AB 16-03-1980', 'none', [pc('1234 AB'), bd('1980-03-16')]));
    expect(failed.replies.map((r) => r.trace.step)).toEqual(['mismatch', 'ask_all_again']);
    expect(failed.text).toContain('zaaknummer, postcode en geboortedatum alle drie opnieuw');
    expect(failed.text).not.toContain('Ik zoek het voor u op');
    // The facts are forgotten (which was wrong is never said), but "oh sorry, 15-03-1980" is checked with the tried number and postcode.
    expect(d.state.facts).toEqual({});
    expect(d.sayParsed(parsed('oh sorry 15-03-1980', 'none', [bd('1980-03-15')])).text).toContain(STATUS_123);
  });

  it('keeps what a failed check tried through a message in between, and answers "sorry ik heb me vergist" after it', () => {
    const d = driver();
    d.sayParsed(parsed('x', 'case_status', [nr('Z-2026-000123'), pc('1234 AB'), bd('1980-03-16')]));
    expect(d.sayParsed(parsed('sorry ik heb me vergist', 'none', [], 0.9)).text).toMatch(/^Geen probleem\. Stuur alleen wat anders moet/);
    d.sayParsed(parsed('blabla', 'none', [], 0.2));
    // The birth date alone is still checked with the number and postcode tried before.
    expect(d.sayParsed(parsed('15-03-1980', 'none', [bd('1980-03-15')])).text).toContain(STATUS_123);
    // A question the classifier is sure of is that question, not a correction of the try.
    const sure = driver();
    sure.sayParsed(parsed('x', 'case_status', [nr('Z-2026-000123'), pc('1234 AB'), bd('1980-03-16')]));
    expect(sure.sayParsed(parsed('ik wil bezwaar maken, de datum in het besluit is fout', 'objection', [], 0.99)).replies[0]!.trace.dialog).toBe('objection');
    // The try was the citizen's own: someone else's case is not checked with it.
    const mother = driver();
    mother.sayParsed(parsed('x', 'case_status', [nr('Z-2026-000123'), pc('1234 AB'), bd('1980-03-16')]));
    mother.sayParsed(parsed('het gaat eigenlijk om de aanvraag van mijn moeder', 'case_status'));
    const asked = mother.sayParsed(parsed('Z-2026-000456', 'none', [nr('Z-2026-000456')]));
    expect(asked.text).toMatch(/^Vraagt u het voor iemand anders\?/);
    expect(mother.state.failures['Z-2026-000456']).toBeUndefined();
  });

  it('counts a wrong correction as a try, and lets all three sent anew replace the try', () => {
    const d = driver();
    d.sayParsed(parsed('x', 'case_status', [nr('Z-2026-000123'), pc('1234 AB'), bd('1980-03-16')]));
    expect(d.sayParsed(parsed('17-03-1980', 'none', [bd('1980-03-17')])).replies.map((r) => r.trace.step)).toEqual(['mismatch', 'ask_all_again']);
    const third = d.sayParsed(parsed('18-03-1980', 'none', [bd('1980-03-18')]));
    expect(third.text).toContain('drie keer niet');
    expect(third.effects).toContainEqual(expect.objectContaining({ type: 'handoff', record: expect.objectContaining({ reason: 'verification_failed' }) }));

    const anew = driver();
    anew.sayParsed(parsed('x', 'case_status', [nr('Z-2026-000123'), pc('9999 ZZ'), bd('1980-03-15')]));
    expect(anew.sayParsed(parsed('Z-2026-000456 5678 CD 01-07-1992', 'none', [nr('Z-2026-000456'), pc('5678 CD'), bd('1992-07-01')])).text).toContain('Eerste betaling op 1 december 2026');
  });

  it('does not repeat its question word for word when the case question comes again', () => {
    const d = driver();
    const first = d.sayParsed(parsed('ik heb een vraag over mijn aanvraag', 'case_status'));
    const again = d.sayParsed(parsed('is die al goedgekeurd?', 'case_status'));
    expect(again.replies[0]!.trace.step).toBe('ask_number');
    expect(again.text).not.toBe(first.text);
    expect(again.text).toContain('zaaknummer nodig');
    expect(d.state.fallbacks).toBe(0);
  });

  it('reads "15 3 1980" beside a case number and postcode as the birth date', () => {
    expect(driver().sayParsed(parsed('Z-2026-000123 1234ab 15 3 1980', 'none', [nr('Z-2026-000123'), pc('1234 AB')])).text).toContain(STATUS_123);
    // Without case facts around it, such digits are no date.
    expect(driver().sayParsed(parsed('15 3 1980', 'none')).text).not.toContain('geboortedatum');
  });

  it('answers a question about the case it cannot place with what it can tell and who can tell more', () => {
    const d = driver();
    d.sayParsed(parsed('x', 'case_status', [nr('Z-2026-000123'), pc('1234 AB'), bd('1980-03-15')]));
    const r = d.sayParsed(parsed('mag de aannemer dan een steiger neerzetten?', 'none'));
    expect(r.replies[0]!.trace.step).toBe('fallback_after_case');
    expect(r.text).toContain('alleen de stand');
    expect(r.text).toContain('medewerker');
    // Whether the builder may start is placed: not before the decision (found-wrong.test.ts).
    expect(d.sayParsed(parsed('mag de aannemer dan al beginnen?', 'none')).replies[0]!.trace.step).toBe('not_before_decision');
    // After another answer it is about that answer.
    d.sayParsed(parsed('wat zijn de openingstijden', 'contact_hours'));
    expect(d.sayParsed(parsed('blabla', 'none')).replies[0]!.trace.step).toBe('fallback_after_answer');
  });

  it('lets the citizen leave the flow ("laat maar"), and reads "nee" to the number question as not having it', () => {
    const d = driver();
    d.sayParsed(parsed('hoe staat het met mijn aanvraag', 'case_status'));
    expect(d.sayParsed(parsed('nee', 'none')).replies[0]!.trace.step).toBe('no_number');
    const left = d.sayParsed(parsed('laat maar', 'none'));
    expect(left.replies[0]!.trace.step).toBe('left');
    expect(d.state.active).toBeNull();
    expect(d.state.handoffs).toEqual([]);
    expect(d.state.fallbacks).toBe(0);
  });

  it('forgets a fact the citizen says was wrong and asks for it again, and asks which one when two were given', () => {
    const d = driver();
    d.sayParsed(parsed('mijn zaaknummer is Z-2026-000124', 'case_status', [nr('Z-2026-000124')]));
    // Not "Ik zie geen postcode of geboortedatum in uw bericht", and not the change of details the classifier leans to.
    const fixed = d.sayParsed(parsed('oh wacht verkeerd nummer', 'change_details', [], 0.65));
    expect(fixed.text).toMatch(/^Geen probleem\. Wat is het goede zaaknummer\?/);
    expect(d.state.facts.caseNumber).toBeUndefined();
    expect(d.state.active?.step).toBe('ask_number');
    d.sayParsed(parsed('Z-2026-000123', 'none', [nr('Z-2026-000123')]));
    expect(d.sayParsed(parsed('1234 AB 15-03-1980', 'none', [pc('1234 AB'), bd('1980-03-15')])).text).toContain(STATUS_123);

    const two = driver();
    two.sayParsed(parsed('hoe staat het met Z-2026-000123', 'case_status', [nr('Z-2026-000123')]));
    two.sayParsed(parsed('1234 AB', 'none', [pc('1234 AB')]));
    expect(two.sayParsed(parsed('sorry ik heb me vergist', 'none')).text).toMatch(/zaaknummer of de goede postcode/);
    expect(two.state.facts).toMatchObject({ caseNumber: 'Z-2026-000123', postcode: '1234 AB' });
    const named = two.sayParsed(parsed('sorry verkeerde postcode', 'none'));
    expect(named.text).toMatch(/Wat is de goede postcode\?/);
    expect(two.state.facts).toMatchObject({ caseNumber: 'Z-2026-000123' });
    expect(two.state.facts.postcode).toBeUndefined();
    expect(two.state.fallbacks).toBe(0);

    const en = driver();
    en.sayParsed(parsed('status of Z-2026-000123 please', 'case_status', [nr('Z-2026-000123')]));
    // A fact not given is not mended; a move is answered as before.
    expect(en.sayParsed(parsed('wrong postcode', 'none')).text).not.toMatch(/No problem|Geen probleem/);
    const moved = driver();
    moved.sayParsed(parsed('hoe staat het met Z-2026-000123', 'case_status', [nr('Z-2026-000123')]));
    expect(moved.sayParsed(parsed('mijn postcode klopt niet meer, ik ben verhuisd', 'none')).text).toMatch(/verhuisd/);
  });

  it('says that a number of another kind is not the case number, and that a person can find the case with it', () => {
    const d = driver();
    d.sayParsed(parsed('wanneer krijg ik bericht over mijn bezwaar', 'case_status'));
    expect(d.sayParsed(parsed('BZ-2026-1234', 'none', [], 0.3)).text).toMatch(/^Dat nummer herken ik niet als zaaknummer\. .*Typ dan: medewerker\.$/);
    // For someone else's case, words without a number are not "another number" either.
    const other = driver();
    other.sayParsed(parsed('hoe staat het met de aanvraag van mijn buurman', 'case_status'));
    expect(other.sayParsed(parsed('mijn buurman vroeg me om zijn zaak na te kijken', 'none', [], 0.3)).text).not.toMatch(/herken ik niet als zaaknummer/);
    // Words without a number: the question as before.
    const words = driver();
    words.sayParsed(parsed('wanneer krijg ik bericht over mijn bezwaar', 'case_status'));
    expect(words.sayParsed(parsed('blabla', 'none', [], 0.3)).text).toMatch(/^Ik zie geen zaaknummer in uw bericht/);
  });

  it('says that a case number typed with a digit left out is not complete, instead of checking another case', () => {
    const at = (text: string, typed: string, value: string): Entity => ({ type: 'case_number', value, start: text.indexOf(typed), end: text.indexOf(typed) + typed.length });
    const d = driver();
    d.sayParsed(parsed('hoe staat het met mijn aanvraag', 'case_status'));
    const short = d.sayParsed(parsed('Z-2026-00012', 'none', [at('Z-2026-00012', 'Z-2026-00012', 'Z-2026-000012')]));
    expect(short.text).toMatch(/^Dat zaaknummer is niet compleet\. Na het jaar staan 6 cijfers/);
    expect(d.state.facts.caseNumber).toBeUndefined();
    expect(d.state.fallbacks).toBeLessThan(2);
    // Short on purpose ("zaak 2026-123"): the NLU pads it and the flow goes on.
    expect(d.sayParsed(parsed('zaak 2026-123', 'none', [at('zaak 2026-123', '2026-123', 'Z-2026-000123')])).text).toMatch(/postcode/);
    expect(d.state.facts.caseNumber).toBe('Z-2026-000123');
    // In the first message, and in English where the number alone made it a case question.
    const first = driver();
    const text = 'hoe staat Z-2026-00012 ervoor?';
    expect(first.sayParsed(parsed(text, 'case_status', [at(text, 'Z-2026-00012', 'Z-2026-000012')])).text).toMatch(/^Dat zaaknummer is niet compleet/);
    const en = driver();
    const enText = 'how is my case Z-2026-00012';
    expect(en.sayParsed({ ...parsed(enText, 'none', [at(enText, 'Z-2026-00012', 'Z-2026-000012')], 0.6), lang: 'en' }).text).toMatch(/^That case number is not complete/);
  });

  it('leaves what is not a correction, another number or a why to the branches that answer it', () => {
    // A question about something else while the postcode is asked: not a correction that erases the case number.
    const other = driver();
    other.sayParsed(parsed('hoe staat het met Z-2026-000123', 'case_status', [nr('Z-2026-000123')]));
    expect(other.sayParsed(parsed('het bedrag van mijn uitkering klopt niet', 'payment', [], 0.95)).replies[0]!.trace.dialog).toBe('payment');
    expect(other.state.facts.caseNumber).toBe('Z-2026-000123');
    // Number and birth date given, neither named: those two, not the postcode that was never sent.
    const date = driver();
    date.sayParsed(parsed('hoe staat het met Z-2026-000123', 'case_status', [nr('Z-2026-000123')]));
    date.sayParsed(parsed('15-03-1980', 'none', [bd('1980-03-15')]));
    expect(date.sayParsed(parsed('oeps foutje', 'none', [], 0.4)).text).toMatch(/zaaknummer of de goede geboortedatum/);
    // A year is no other number; a long run of digits does not hang the regex (4,000 characters may come in).
    const year = driver();
    year.sayParsed(parsed('hoe staat het met mijn aanvraag', 'case_status'));
    expect(year.sayParsed(parsed('ik heb in 2025 bijstand aangevraagd', 'none', [], 0.3)).text).not.toMatch(/herken ik niet als zaaknummer/);
    expect(year.sayParsed(parsed(`mijn kenmerk is ${'1'.repeat(60)}x`, 'none', [], 0.3)).replies.length).toBeGreaterThan(0);
    // A crisis in a why after a failed check: the crisis, not the rule.
    const crisis: HandoffSignal = { reason: 'distress', evidence: 'ik wil dood' };
    const failed = driver();
    failed.sayParsed(parsed('x', 'case_status', [nr('Z-2026-000123'), pc('1234 AB'), bd('1990-01-01')]));
    const why = failed.sayParsed({ ...parsed('waarom klopt het niet? ik wil dood', 'none'), handoff: crisis, handoffs: [crisis] });
    expect(why.effects.map((x) => x.type)).toContain('handoff');
    // "ik heb niks doorgegeven over mijn nieuwe baan" has a change to report; "nothing changed" has none.
    expect(driver().sayParsed(parsed('ik heb niks doorgegeven over mijn nieuwe baan, wat nu?', 'change_details')).replies[0]!.trace.dialog).toBe('change_details');
    // The same answer again for a complaint about it: the offer of a person, not a quoted sentence.
    const low = driver();
    low.sayParsed(parsed('wanneer wordt mijn uitkering betaald', 'payment'));
    const again = low.sayParsed(parsed('ik snap het niet, mijn uitkering klopt niet', 'payment'));
    expect(again.replies.map((r) => r.trace.step)).toContain('same_again');
  });

  it('takes "ok" before case facts, to "zal ik een medewerker vragen?", as the case question, not a yes', () => {
    const d = driver();
    d.sayParsed(parsed('wanneer wordt mijn uitkering betaald', 'payment'));
    d.sayParsed(parsed('en mijn geld?', 'payment'));
    expect(d.state.pending).toBe('person_offer');
    const r = d.sayParsed(parsed('ok en mn zaak Z-2026-000456 geb 01-07-1992 pc 5678CD', 'none', [nr('Z-2026-000456'), bd('1992-07-01'), pc('5678 CD')]));
    expect(r.effects.filter((x) => x.type === 'handoff')).toEqual([]);
    expect(r.text).toContain('Eerste betaling op 1 december 2026');
    // A plain yes still is one.
    const yes = driver();
    yes.sayParsed(parsed('wanneer wordt mijn uitkering betaald', 'payment'));
    yes.sayParsed(parsed('en mijn geld?', 'payment'));
    expect(yes.sayParsed(parsed('ok graag', 'none')).effects).toContainEqual(expect.objectContaining({ type: 'handoff' }));
    // A clear yes with the number for the caseworker is a yes.
    const withNumber = driver();
    withNumber.sayParsed(parsed('wanneer wordt mijn uitkering betaald', 'payment'));
    withNumber.sayParsed(parsed('en mijn geld?', 'payment'));
    expect(withNumber.sayParsed(parsed('ja graag, mijn zaaknummer is Z-2026-000456', 'none', [nr('Z-2026-000456')])).effects).toContainEqual(expect.objectContaining({ type: 'handoff' }));
  });

  it('says why it asks for the case number, postcode and birth date, and keeps the question open', () => {
    const d = driver();
    d.sayParsed(parsed('hoe staat het met mijn aanvraag', 'case_status'));
    const number = d.sayParsed(parsed('waarom?', 'none'));
    expect({ step: number.replies[0]!.trace.step, text: number.text }).toEqual({ step: 'why_asked', text: expect.stringMatching(/^Met het zaaknummer vind ik uw aanvraag/) });
    d.sayParsed(parsed('Z-2026-000123', 'none', [nr('Z-2026-000123')]));
    for (const said of ['waarom wil je dat weten', 'is dat veilig?', 'why do you need that', 'waarom moet dat?', 'hoezo dat?', 'waarom is dat nodig?', 'why is that necessary?']) {
      const r = d.sayParsed(parsed(said, 'none', [], 0.5));
      expect({ said, step: r.replies[0]!.trace.step, text: r.text }).toEqual({ said, step: 'why_asked', text: expect.stringMatching(/(controleren dat de zaak van u is|check that the case is yours)/) });
    }
    // Not counted as a miss: the facts still answer it.
    expect(d.state.active?.step).toBe('ask_both');
    expect(d.sayParsed(parsed('1234 AB 15-03-1980', 'none', [pc('1234 AB'), bd('1980-03-15')])).text).toContain(STATUS_123);
  });

  it('takes a postcode sent without a question as the start of the case question', () => {
    const d = driver();
    expect(d.sayParsed(parsed('1234 AB', 'none', [pc('1234 AB')], 0.4)).text).toBe('Dank u. Wat is nog uw zaaknummer? Het ziet er zo uit: Z-2026-000123.');
    d.sayParsed(parsed('15-03-1980', 'none', [bd('1980-03-15')], 0.4));
    expect(d.sayParsed(parsed('Z-2026-000123', 'none', [nr('Z-2026-000123')])).text).toContain(STATUS_123);
  });

  it('asks for the number alone when postcode and birth date come first', () => {
    const d = driver();
    d.sayParsed(parsed('hoe staat het met mijn aanvraag', 'case_status'));
    expect(d.sayParsed(parsed('1234 AB 15-03-1980', 'none', [pc('1234 AB'), bd('1980-03-15')])).text).toBe('Dank u. Wat is nog uw zaaknummer? Het ziet er zo uit: Z-2026-000123.');
    expect(d.sayParsed(parsed('Z-2026-000123', 'none', [nr('Z-2026-000123')])).text).toContain(STATUS_123);
  });

  it('offers a code by SMS only when an SMS channel is on', () => {
    const withSms = driver();
    expect(withSms.sayParsed(parsed('Z-2026-000123', 'case_status', [nr('Z-2026-000123')])).text).toMatch(/typ: code/);
    expect(withSms.state.active?.step).toBe('ask_both');
    const noSms = createDriver({ ...ctx, codes: false }, { parse: (t) => parsed(t, 'none') });
    const asked = noSms.sayParsed(parsed('Z-2026-000123', 'case_status', [nr('Z-2026-000123')]));
    expect(asked.text).toMatch(/postcode en uw geboortedatum/);
    expect(asked.text).not.toMatch(/typ: code|sms/i);
  });

  it('explains a mismatch when asked why, without saying which fact was wrong', () => {
    const d = driver();
    d.sayParsed(parsed('x', 'case_status', [nr('Z-2026-000123'), pc('1234 AB'), bd('1980-03-16')]));
    const why = d.sayParsed(parsed('waarom?', 'none'));
    expect(why.text).toContain('alle drie kloppen');
    expect(why.text).not.toMatch(/geboortedatum (klopte|was) niet|postcode (klopte|was) niet/);
    expect(why.replies[0]!.trace.sources).toContainEqual({ kind: 'rule', ref: 'verify-case-number-postcode-birthdate' });
    // "waarom klopt het niet?" asks the same, not a question for the classifier (which made it the payment answer).
    const asked = driver();
    asked.sayParsed(parsed('x', 'case_status', [nr('Z-2026-000123'), pc('1234 AB'), bd('1990-01-01')]));
    expect(asked.sayParsed(parsed('waarom klopt het niet', 'payment', [], 0.7)).text).toContain('alle drie kloppen');
  });

  it('says why it asked, after the offer of a person to someone who wrote only "help"', () => {
    const d = driver();
    d.sayParsed(parsed('help', 'none'));
    const why = d.sayParsed(parsed('waarom vraag je dat', 'payment', [], 0.7));
    expect({ dialog: why.replies[0]!.trace.dialog, text: why.text }).toEqual({ dialog: 'why', text: expect.stringMatching(/^Ik vroeg dat omdat "help" ook kan betekenen dat u in nood bent/) });
    // A person is still a word away.
    expect(why.text).toContain('Typ dan: medewerker');
  });

  it('tells where the case number is, and offers a person, to someone who does not have it', () => {
    for (const [said, lang] of [['ik weet mijn zaaknummer niet', 'nl'], ['die brief ben ik kwijt', 'nl'], ['ik kan hem niet vinden', 'nl'], ["I can't find it", 'en'], ["don't have one", 'en'], ["I don't remember", 'en'], ['ben het vergeten', 'nl']] as const) {
      const d = driver();
      d.sayParsed({ ...parsed('hoe staat het met mijn aanvraag', 'case_status'), lang });
      const r = d.sayParsed({ ...parsed(said, 'none'), lang });
      expect({ said, step: r.replies[0]!.trace.step }).toEqual({ said, step: 'no_number' });
      expect(r.text).toContain(lang === 'nl' ? 'Typ dan: medewerker' : 'Just type: staff member');
      // Still waiting for the number, and not counted as a message it did not understand.
      expect(d.state.active?.step).toBe('ask_number');
      expect(d.state.fallbacks).toBe(0);
      expect(d.sayParsed(parsed('Z-2026-000123', 'none', [nr('Z-2026-000123')])).text).toMatch(/postcode|date of birth/);
    }
  });

  it('takes "ja graag" after where the number is as yes to the person who looks it up, and "ok" as looking for it', () => {
    const d = driver();
    d.sayParsed(parsed('hoe staat het met mijn aanvraag', 'case_status'));
    d.sayParsed(parsed('weet ik niet', 'none'));
    expect(d.sayParsed(parsed('ja graag', 'none')).effects).toContainEqual(expect.objectContaining({ type: 'handoff', record: expect.objectContaining({ reason: 'explicit_request' }) }));
    // A bare "ja" the classifier places nowhere is that yes too, not a nod ("Neem gerust de tijd").
    const bare = driver();
    bare.sayParsed(parsed('hoe staat het met mijn aanvraag', 'case_status'));
    bare.sayParsed(parsed('weet ik niet', 'none'));
    expect(bare.sayParsed(parsed('ja', 'none', [], 0.3)).effects).toContainEqual(expect.objectContaining({ type: 'handoff', record: expect.objectContaining({ reason: 'explicit_request' }) }));
    const looks = driver();
    looks.sayParsed(parsed('hoe staat het met mijn aanvraag', 'case_status'));
    looks.sayParsed(parsed('weet ik niet', 'none'));
    expect(looks.sayParsed(parsed('ok', 'none')).effects).toEqual([]);
    expect(looks.state.active?.step).toBe('ask_number');
    // Never given a number: the offer of a person at once.
    for (const said of ['ik heb geen zaaknummer gekregen', "I never got a case number"]) {
      const never = driver();
      never.sayParsed(parsed('hoe staat het met mijn aanvraag', 'case_status'));
      expect({ said, step: never.sayParsed(parsed(said, 'none')).replies[0]!.trace.step }).toEqual({ said, step: 'no_number_offer' });
    }
  });

  it('offers a person to someone who does not know their postcode or birth date, instead of asking how to write them', () => {
    for (const [said, lang, before] of [['weet ik niet meer', 'nl', []], ['ik heb geen vaste woonplek', 'nl', []], ["I don't remember", 'en', []], ['dat weet ik niet precies', 'nl', [pc('1234 AB')]]] as const) {
      const d = driver();
      d.sayParsed({ ...parsed('hoe staat het met mijn aanvraag', 'case_status'), lang });
      d.sayParsed({ ...parsed('Z-2026-000123 …', 'none', [nr('Z-2026-000123'), ...before]), lang });
      const r = d.sayParsed({ ...parsed(said, 'none'), lang });
      expect({ said, step: r.replies[0]!.trace.step, pending: d.state.pending }).toEqual({ said, step: 'no_identity', pending: 'person_offer' });
      expect(r.text).toContain(lang === 'en' ? 'Shall I ask a staff member?' : 'Zal ik een medewerker vragen?');
      // Someone who gave the postcode is not told where to find it.
      expect({ said, postcode: r.text.includes('postcode') }).toEqual({ said, postcode: before.length === 0 });
      expect(d.sayParsed(parsed('ja', 'none')).effects).toContainEqual(expect.objectContaining({ type: 'handoff', record: expect.objectContaining({ reason: 'explicit_request' }) }));
    }
  });

  it('sends a flagged case to a person without telling the status', () => {
    const d = driver();
    const said = d.sayParsed(parsed('x', 'case_status', [nr('Z-2026-000789'), pc('1234 AB'), bd('1975-11-30')]));
    expect(said.text).not.toContain('In behandeling.');
    expect(said.effects).toContainEqual(expect.objectContaining({ type: 'handoff', record: expect.objectContaining({ reason: 'case_flag', caseNumber: 'Z-2026-000789' }) }));
    expect(d.state.handoffs.map((h) => h.reason)).toEqual(['case_flag']);
    expect(said.text).toMatch(/^Dank u\. Uw gegevens kloppen\./);
    // Asked again later (after a caseworker handed it back): no thanks for details not sent now.
    const again = d.sayParsed(parsed('hoe staat het met mijn aanvraag', 'case_status', [nr('Z-2026-000789')]));
    expect(again.text).toMatch(/^Voor zaak Z-2026-000789 helpt een medewerker u persoonlijk\./);
  });

  it('sends a case whose decision term passed to a person, and says we are late and what the citizen may do', () => {
    const d = driver();
    const said = d.sayParsed(parsed('x', 'case_status', [nr('Z-2025-004242'), pc('9012 EF'), bd('1968-02-29')]));
    expect(said.text).not.toContain('Besluit uiterlijk 1 oktober 2026');
    expect(said.text).not.toContain('In behandeling');
    expect(said.replies[0]!.trace.reason).toBe('case_flag');
    expect(said.text).toMatch(/^Dank u\. Uw gegevens kloppen\. Wij moesten over zaak Z-2025-004242 uiterlijk 1 oktober 2026 een besluit nemen\. Dat is niet gelukt\. Sorry\./);
    expect(said.text).toContain('ingebrekestelling');
    expect(said.text).toContain('dwangsom');
    // "waarom?": the date that passed, not "gemarkeerd … of de termijn is voorbij".
    const why = d.sayParsed(parsed('waarom?', 'none'));
    expect(why.text).toContain('besluit uiterlijk 1 oktober 2026');
    expect(why.text).not.toContain('gemarkeerd');
    // The words it used are explained when asked.
    for (const [q, a] of [['wat is een ingebrekestelling?', 'in gebreke'], ['wat betekent dwangsom', '1.442 euro']] as const) {
      expect({ q, text: d.sayParsed(parsed(q, 'none')).text }).toEqual({ q, text: expect.stringContaining(a) });
    }
    // In English, the date as English writes it.
    const en = driver();
    const told = en.sayParsed({ ...parsed('what is the status of my application', 'case_status', [nr('Z-2025-004242'), pc('9012 EF'), bd('1968-02-29')]), lang: 'en' });
    expect(told.text).toContain('by 1 October 2026');
    expect(told.text).toContain('notice of default');
  });

  it('hands over when the case system does not answer', () => {
    const state = { ...initialState(), facts: { caseNumber: 'Z-2026-000123', postcode: '1234 AB', birthDate: '1980-03-15' } };
    const res = step(state, { kind: 'case_unavailable', caseNumber: 'Z-2026-000123', now: '2026-11-28T10:00:00Z' }, ctx);
    expect(res.effects).toContainEqual(expect.objectContaining({ type: 'handoff', record: expect.objectContaining({ reason: 'system_unavailable' }) }));
    expect(res.replies[0]!.text).toContain('niet opzoeken');
  });
});

describe('dialog step: the conversation language', () => {
  const en = (text: string): ReturnType<typeof parsed> => ({ ...parsed(text, 'none'), lang: 'en' });

  it('follows a message in another language', () => {
    const d = driver();
    d.sayParsed(parsed('hoe staat het met mijn aanvraag', 'case_status'));
    expect(d.state.lang).toBe('nl');
    d.sayParsed(en('sorry, can you answer in English please'));
    expect(d.state.lang).toBe('en');
    // Asked for in so many words.
    const dutch = driver();
    dutch.sayParsed(en('hello, how are you doing'));
    dutch.sayParsed(en('i want to speak dutch'));
    expect(dutch.state.lang).toBe('nl');
    // "I" is a word as people write one: "i need help" has three.
    const help = driver();
    help.sayParsed(en('i need help'));
    expect(help.state.lang).toBe('en');
  });

  it('keeps it for short answers, markup and code, whatever language the NLU guessed', () => {
    const d = driver();
    d.sayParsed(parsed('hoe staat het met mijn aanvraag', 'case_status'));
    for (const text of ['1234 AB 15-03-1980', 'ok thanks', '<img src=x onerror=window.__xss=1>', 'https://example.org/my/case/status']) {
      d.sayParsed(en(text));
      expect({ text, lang: d.state.lang }).toEqual({ text, lang: 'nl' });
    }
  });
});

describe('dialog step: waarom?', () => {
  it('explains an answer also for a short why that points back at it, but not a why about the case or one\'s own', () => {
    for (const [said, lang] of [['waarom moet dat binnen 5 dagen', 'nl'], ['en waarom is dat zo?', 'nl'], ['why do I have to do that?', 'en']] as const) {
      const d = createDriver(ctx, { parse: (t) => ({ ...parsed(t, 'none'), lang }) });
      d.sayParsed({ ...parsed(lang === 'nl' ? 'ik wil mijn adres wijzigen' : 'I want to change my address', 'change_details'), lang });
      const r = d.sayParsed({ ...parsed(said, 'payment'), lang });
      expect({ said, dialog: r.replies[0]!.trace.dialog, text: r.text }).toEqual({ said, dialog: 'why', text: expect.stringMatching(/Wet basisregistratie personen|Wet BRP/) });
    }
    const status = driver();
    status.sayParsed(parsed('x', 'case_status', [nr('Z-2026-000123'), pc('1234 AB'), bd('1980-03-15')]));
    expect(status.sayParsed(parsed('waarom duurt het zo lang', 'case_status')).replies[0]!.trace.dialog).not.toBe('why');
    const own = driver();
    own.sayParsed(parsed('wat zijn de openingstijden', 'contact_hours'));
    expect(own.sayParsed(parsed('waarom is mijn uitkering gestopt', 'payment')).replies[0]!.trace.dialog).not.toBe('why');
    // A why that names another answer of the same intent asks that: less paid after the payment dates.
    const less = driver();
    less.sayParsed(parsed('wnr krijg ik mn geld', 'payment'));
    const lessPaid = less.sayParsed(parsed('en waarom is het minder dan vorige maand', 'payment', [], 0.6));
    expect({ dialog: lessPaid.replies[0]!.trace.dialog, topic: lessPaid.replies[0]!.trace.sources.find((x) => x.ref.startsWith('topic:'))?.ref }).toEqual({ dialog: 'payment', topic: 'topic:less_paid' });
    expect(less.sayParsed(parsed('waarom?', 'none')).replies[0]!.trace.dialog).toBe('why');
  });

  it('explains the last answer with its source and time', () => {
    const d = driver();
    d.sayParsed(parsed('x', 'case_status', [nr('Z-2026-000123'), pc('1234 AB'), bd('1980-03-15')]));
    const why = d.say('waarom?');
    expect(why.text).toMatch(/zaaksysteem van de gemeente, om 11\.00 uur/);
    expect(why.text).toContain(dialogs.version);
    expect(why.replies[0]!.trace.dialog).toBe('why');
  });

  it('takes a plain "ja" to "Wilt u weten waarom ik dit zeg?" as the why, once; "ok" only takes note', () => {
    const d = driver();
    d.sayParsed(parsed('x', 'case_status', [nr('Z-2026-000123'), pc('1234 AB'), bd('1980-03-15')]));
    const yes = d.sayParsed(parsed('ja', 'none', [], 0.97));
    expect({ dialog: yes.replies[0]!.trace.dialog, text: yes.text }).toEqual({ dialog: 'why', text: expect.stringMatching(/^Ik heb de status van zaak Z-2026-000123 opgezocht/) });
    expect(d.sayParsed(parsed('ja', 'none', [], 0.97)).replies[0]!.trace.dialog).not.toBe('why');
    const ok = driver();
    ok.sayParsed(parsed('x', 'case_status', [nr('Z-2026-000123'), pc('1234 AB'), bd('1980-03-15')]));
    expect(ok.sayParsed(parsed('ok', 'none', [], 0.8)).replies[0]!.trace.step).toBe('ack');
    // Only in the next message: "ja" to "Heeft u nog een vraag?" two turns on is no yes to the why.
    expect(ok.sayParsed(parsed('ja', 'none', [], 0.97)).replies[0]!.trace.dialog).not.toBe('why');
    // After "waarom?" itself, a yes is no longer one to that question.
    const asked = driver();
    asked.sayParsed(parsed('x', 'case_status', [nr('Z-2026-000123'), pc('1234 AB'), bd('1980-03-15')]));
    asked.say('waarom?');
    expect(asked.sayParsed(parsed('ja', 'none', [], 0.97)).replies[0]!.trace.dialog).not.toBe('why');
  });

  it('says there is nothing to explain before any answer', () => {
    expect(driver().say('waarom?').text).toContain('Ik heb nog geen antwoord gegeven');
  });
});

describe('dialog step: special situations', () => {
  const withSignal = (text: string, intent: string, signal: HandoffSignal) => ({ ...parsed(text, intent), handoff: signal, handoffs: [signal] });

  it('gives the crisis line in the very first reply on distress', () => {
    const d = driver();
    const said = d.sayParsed(withSignal('ik zie het niet meer zitten', 'none', { reason: 'distress', evidence: 'ik zie het niet meer zitten' }));
    expect(said.replies[0]!.text).toContain('113');
    expect(said.replies[0]!.text).toContain('0800-0113');
    // And 112 for someone in immediate danger (a plan for tonight, pills laid out).
    expect(said.replies[0]!.text).toContain('Bent u nu in direct gevaar? Bel dan 112.');
    expect(said.replies[0]!.trace.reason).toBe('distress');
    expect(d.state.handoffs[0]).toMatchObject({ reason: 'distress', priority: 1 });
  });

  it('promises a person once when a situation and a request for one come together, keeping a callback', () => {
    const debts: HandoffSignal = { reason: 'financial_hardship', evidence: 'my debts' };
    const request: HandoffSignal = { reason: 'explicit_request', evidence: 'speak to someone' };
    const both = (text: string, entities: Entity[] = []) => ({ ...parsed(text, 'human', entities), handoff: debts, handoffs: [debts, request] });
    const d = driver();
    const said = d.sayParsed(both('I want to speak to someone about my debts'));
    expect(said.replies.map((r) => r.trace.step)).toEqual(['financial_hardship']);
    expect(said.effects.map((e) => e.type)).toEqual(['handoff']);
    expect(d.state.handoffs.map((h) => h.reason)).toEqual(['financial_hardship']);
    // A greeting with the situation ("hoi ik heb schulden …"): the acknowledgement, not the introduction after it.
    const hello = driver().sayParsed({ ...parsed('hoi ik heb schulden en de deurwaarder komt morgen', 'greeting'), handoff: debts, handoffs: [debts] });
    expect(hello.replies.map((r) => r.trace.step)).toEqual(['financial_hardship']);
    const call = driver().sayParsed(both('ik heb schulden, kunt u mij terugbellen op 0612345678', [e('phone', '0612345678')]));
    expect(call.effects).toEqual([expect.objectContaining({ type: 'handoff' }), { type: 'callback_request', phone: '0612345678' }]);
    // Typed in a hurry: "terug belle".
    const hurried = driver().sayParsed({ ...parsed('kun je me terug belle 0612345678', 'human', [e('phone', '0612345678')]), handoff: request, handoffs: [request] });
    expect(hurried.effects).toEqual([expect.objectContaining({ type: 'handoff' }), { type: 'callback_request', phone: '0612345678' }]);
  });

  it('after a death, says the benefit of who died stops by itself, not how to report a change with one\'s own DigiD', () => {
    const death = (text: string, intent: string) => withSignal(text, intent, { reason: 'bereavement', evidence: 'overleden' });
    for (const [told, intent] of [['mijn moeder is overleden en ik wil haar uitkering stopzetten', 'change_details'], ['my dad died last week, is his last payment still coming', 'payment'], ['Mijn moeder is in januari gestorven. Welke documenten moet ik sturen om haar uitkering stop te zetten?', 'documents'], ['my mother died, who do I need to inform', 'documents']] as const) {
      const said = driver().sayParsed(death(told, intent));
      expect({ told, steps: said.replies.map((r) => r.trace.step) }).toEqual({ told, steps: ['bereavement', 'after_death'] });
      expect(said.text).toMatch(/U hoeft dat niet zelf aan ons door te geven|You do not need to report it to us yourself/);
    }
    // One's own benefit after a death is a question of its own.
    const own = driver().sayParsed(death('mijn man is overleden, wanneer krijg ik mijn uitkering', 'payment'));
    expect(own.replies.map((r) => r.trace.step)).not.toContain('after_death');
    // A change of one's own after a death ("ik ga bij mijn moeder wonen, moet ik mijn nieuwe adres doorgeven?") is theirs to report.
    const move = driver().sayParsed(death('Mijn vader is overleden en ik ga bij mijn moeder wonen. Moet ik mijn nieuwe adres doorgeven?', 'change_details'));
    expect(move.replies.map((r) => r.trace.step)).not.toContain('after_death');
    // Travelling for the funeral is the citizen's own to report: not "U hoeft dat niet zelf door te geven".
    const abroad = driver().sayParsed(death('mn moeder is gestorven in turkije, moet erheen voor de begrafenis. moet ik dat doorgeven', 'change_details'));
    expect(abroad.replies.map((r) => r.trace.step)).not.toContain('after_death');
  });

  it('says its condolences when a death is told beside a stronger situation, and that the benefit of who died stops by itself', () => {
    const debts: HandoffSignal = { reason: 'financial_hardship', evidence: 'kan de huur niet betalen', lexicon: 'financial_hardship' };
    const death: HandoffSignal = { reason: 'bereavement', evidence: 'mijn vrouw is overleden', lexicon: 'bereavement' };
    const widow = driver().sayParsed({ ...parsed('mijn vrouw is overleden en nu stopt haar uitkering en ik kan de huur niet betalen', 'payment', [], 0.49), handoff: debts, handoffs: [debts, death] });
    expect(widow.replies.map((r) => r.trace.step)).toEqual(['financial_hardship', 'after_death']);
    expect(widow.replies[0]!.text).toMatch(/^Gecondoleerd met uw verlies\. Ik hoor dat u geldzorgen heeft\./);
    expect(widow.effects).toContainEqual({ type: 'handoff', record: expect.objectContaining({ reason: 'financial_hardship' }) });
    const crisis: HandoffSignal = { reason: 'distress', evidence: 'ik wil niet meer leven' };
    const grieving = driver().sayParsed({ ...parsed('mijn man is vorige week overleden en ik wil niet meer leven', 'none'), handoff: crisis, handoffs: [crisis, death] });
    expect(grieving.replies[0]!.text).toMatch(/^Gecondoleerd met uw verlies\. Wat naar dat het zo zwaar is\. .*113/);
    // Condolences said once: after the death's own handoff, money trouble later gets its own words only.
    const d = driver();
    d.sayParsed(withSignal('mijn moeder is overleden', 'none', death));
    expect(d.sayParsed({ ...parsed('ik kan de begrafenis niet betalen', 'none'), handoff: debts, handoffs: [debts, death] }).text).not.toMatch(/Gecondoleerd/);
    // Money trouble alone: no condolences.
    expect(driver().sayParsed(withSignal('ik kan de huur niet betalen', 'none', debts)).text).not.toMatch(/Gecondoleerd/);
  });

  it('answers no home read as a crisis by the learned model alone with the crisis line first and a place to live too; a crisis in words keeps its own', () => {
    const model: HandoffSignal = { reason: 'distress', evidence: 'ik heb geen huis meer en slaap in mijn auto' };
    // The crisis text first (the model finds veiled crises too: review), then that the person helps with a home.
    for (const told of ['ik heb geen huis meer en slaap in mijn auto', 'I have no home and sleep in my car']) {
      const said = driver().sayParsed(withSignal(told, 'none', model));
      expect({ told, text: said.text }).toEqual({ told, text: expect.stringMatching(/^(Wat naar dat het zo zwaar is|I am sorry it is so hard right now)\..*113.*112.*(plek om te wonen|place to live)/) });
      expect(said.effects).toContainEqual({ type: 'handoff', record: expect.objectContaining({ reason: 'distress' }) });
    }
    // Money trouble about a home in everyday words gets the home's own acknowledgement too.
    const home: HandoffSignal = { reason: 'financial_hardship', evidence: 'slaap buiten', lexicon: 'housing' };
    for (const told of ['ik slaap buiten', 'ik sta op straat met mijn kinderen', 'ik moet morgen mijn huis uit', 'I have been sleeping outside for a week']) {
      expect({ told, text: driver().sayParsed(withSignal(told, 'none', home)).text }).toEqual({ told, text: expect.stringMatching(/geen huis heeft|no home/) });
    }
    const words: HandoffSignal = { reason: 'distress', evidence: 'wil niet meer leven', lexicon: 'distress' };
    expect(driver().sayParsed(withSignal('ik ben dakloos en wil niet meer leven', 'none', words)).text).toMatch(/^Wat naar dat het zo zwaar is\. Praat er nu over met iemand: bel 113/);
    const atHome = (told: string) => driver().sayParsed(withSignal(told, 'none', { reason: 'distress', evidence: told, lexicon: 'domestic_violence' })).text;
    expect(atHome('mijn man slaat me, hij heeft me bewusteloos geslagen')).toMatch(/Veilig Thuis/);
  });

  it('says 112 first when a life is in danger now (pills taken, on the roof, hanged), the crisis line first otherwise and for a loss long ago', () => {
    const crisis = (evidence: string): HandoffSignal => ({ reason: 'distress', evidence, lexicon: 'distress' });
    for (const told of ['mijn vriendin heeft pillen geslikt', 'ik heb net alle pillen genomen', 'mijn zoon staat op het dak en wil springen', 'hij heeft zich opgehangen', 'my friend took a lot of pills']) {
      const said = driver().sayParsed(withSignal(told, 'none', crisis(told)));
      expect({ told, text: said.text }).toEqual({ told, text: expect.stringMatching(/^(Bel nu meteen 112\.|Call 112 right now\.).*113/) });
    }
    // Review: the writer on the bridge; pills taken now after a loss last week; never condolences before 112.
    for (const told of ['ik sta op de brug', 'ik sta op de rand van het dak', 'vorige week ben ik mijn baan kwijtgeraakt en nu heb ik net al mijn pillen geslikt']) {
      expect({ told, text: driver().sayParsed(withSignal(told, 'none', crisis(told))).text }).toEqual({ told, text: expect.stringMatching(/^Bel nu meteen 112\./) });
    }
    const death: HandoffSignal = { reason: 'bereavement', evidence: 'mijn broer is overleden', lexicon: 'bereavement' };
    expect(driver().sayParsed({ ...parsed('mijn broer is overleden, ik heb pillen geslikt', 'none'), handoff: crisis('pillen geslikt'), handoffs: [crisis('pillen geslikt'), death] }).text).toMatch(/^Bel nu meteen 112\./);
    // No danger now: pills not taken or as prescribed, long ago, a business on the edge; violence at home keeps Veilig Thuis.
    for (const told of ['ik wil niet meer leven', 'mijn broer heeft zich vorig jaar opgehangen, ik wil zijn spullen ophalen', 'ik wil niet meer leven. ik heb mijn medicijnen vandaag niet ingenomen',
      'toen ik 16 was heb ik pillen geslikt, nu gaat het weer slecht', 'ik zie het niet meer zitten, ons bedrijf staat op de rand van faillissement']) {
      expect({ told, text: driver().sayParsed(withSignal(told, 'none', crisis(told))).text }).toEqual({ told, text: expect.stringMatching(/^Wat naar dat het zo zwaar is\. Praat er nu over met iemand: bel 113/) });
    }
  });

  it('hands a complaint to withdraw to a person without saying it is sorry the citizen is not satisfied', () => {
    const complaint = (text: string) => withSignal(text, 'complaint', { reason: 'complaint', evidence: 'klacht' });
    for (const told of ['ik wil mijn klacht intrekken', 'I want to withdraw my complaint']) {
      const said = driver().sayParsed(complaint(told));
      expect({ told, text: said.replies[0]!.text }).toEqual({ told, text: expect.stringMatching(/klacht wordt ingetrokken|withdraw your complaint/) });
      expect(said.effects).toContainEqual({ type: 'handoff', record: expect.objectContaining({ reason: 'complaint' }) });
    }
    expect(driver().sayParsed(complaint("the caseworker didnt show up and didnt cancel either, i want to complain")).text).toMatch(/^I am sorry you are not satisfied/);
  });

  it('acknowledges a home lost or about to be lost as that, not as money worries for debt support', () => {
    const hardship = (text: string) => withSignal(text, 'none', { reason: 'financial_hardship', evidence: text });
    for (const told of ['ik ben zwanger en dakloos', 'we worden volgende week uit huis gezet', 'I am homeless and sleeping in my car']) {
      const said = driver().sayParsed(hardship(told));
      expect({ told, text: said.replies[0]!.text }).toEqual({ told, text: expect.stringMatching(/geen huis heeft|no home/) });
      expect(said.effects).toContainEqual({ type: 'handoff', record: expect.objectContaining({ reason: 'financial_hardship' }) });
    }
    expect(driver().sayParsed(hardship('ik heb schulden')).text).toMatch(/^Ik hoor dat u geldzorgen heeft/);
  });

  it('names Veilig Thuis and 112 when the crisis is violence at home', () => {
    const d = driver();
    const signal: HandoffSignal = { reason: 'distress', evidence: 'slaat me', lexicon: 'domestic_violence' };
    const said = d.sayParsed(withSignal('mijn man slaat me', 'none', signal));
    expect(said.replies[0]!.text).toContain('0800-2000');
    expect(said.replies[0]!.text).toContain('112');
    // Still the distress handoff, first in the queue; the trace names the lexicon it came from.
    expect(d.state.handoffs[0]).toMatchObject({ reason: 'distress', priority: 1 });
    expect(said.replies[0]!.trace.sources).toContainEqual({ kind: 'dialog', ref: 'dialogs/lexicons/domestic_violence.yaml' });
    // The general distress lexicon keeps the crisis line.
    const other = driver().sayParsed(withSignal('ik wil niet meer', 'none', { reason: 'distress', evidence: 'ik wil niet meer', lexicon: 'distress' }));
    expect(other.replies[0]!.text).toContain('0800-0113');
  });

  it('lets the acknowledgement answer a situation that asks nothing, without "Sorry, dat begrijp ik niet goed" after it', () => {
    const debts = { reason: 'financial_hardship', evidence: 'schulden' } as const;
    const d = driver();
    const said = d.sayParsed(withSignal('ik heb schulden en de deurwaarder komt morgen', 'none', debts));
    expect(said.replies).toHaveLength(1);
    expect(said.replies[0]!.trace.reason).toBe('financial_hardship');
    expect(said.text).not.toContain('begrijp');
    expect(said.effects).toContainEqual(expect.objectContaining({ type: 'handoff', record: expect.objectContaining({ reason: 'financial_hardship' }) }));
    expect(d.state.fallbacks).toBe(0);
    // A question beside it is still answered.
    const asked = driver().sayParsed(withSignal('ik heb schulden, wanneer komt de bijstand', 'payment', debts));
    expect(asked.replies.map((r) => r.trace.dialog)).toEqual(['handoff', 'payment']);
    // Words that only came close to an intent's general answer ask nothing either: "kan de huur niet
    // betalen" is no question about when benefits are paid.
    for (const told of ['ik heb schulden en kan de huur niet meer betalen', 'I have debts and cannot pay the rent']) {
      const rent = driver().sayParsed(withSignal(told, 'payment', debts));
      expect({ told, dialogs: rent.replies.map((r) => r.trace.dialog) }).toEqual({ told, dialogs: ['handoff'] });
    }
    for (const question of ['ik heb schulden en kan ik uitstel van betaling krijgen', 'ik heb schulden. Krijg ik nog geld?', 'debts, when do you pay', 'ik heb schulden, hoe zit het met mijn uitkering']) {
      const both = driver().sayParsed(withSignal(question, 'payment', debts));
      expect({ question, dialogs: both.replies.map((r) => r.trace.dialog) }).toEqual({ question, dialogs: ['handoff', 'payment'] });
    }
  });

  it('keeps the case number of a message that goes straight to a person, for the record and the summary', () => {
    for (const [text, reason] of [['mijn aanvraag Z-2025-004242 duurt al veel te lang', 'frustration'], ['ik wil een medewerker spreken over Z-2025-004242', 'explicit_request'], ['mijn man is overleden, zaak Z-2025-004242', 'bereavement']] as const) {
      const d = driver();
      const said = d.sayParsed({ ...withSignal(text, 'none', { reason, evidence: text }), entities: [nr('Z-2025-004242')] });
      expect(said.replies[0]!.trace.reason).toBe(reason);
      expect(d.state.facts.caseNumber).toBe('Z-2025-004242');
      expect(said.effects).toContainEqual({ type: 'handoff', record: expect.objectContaining({ reason, caseNumber: 'Z-2025-004242' }) });
    }
  });

  it('does not repeat "Natuurlijk, ik zorg dat een medewerker u helpt" to a second request while waiting', () => {
    const queued = { state: 'queued', handoffId: 'h1', awaitingCallbackAnswer: false } as const;
    const first = step(initialState(), { kind: 'message', text: 'medewerker', nlu: parsed('medewerker', 'human'), now: '2026-11-28T10:00:00.000Z' }, ctx);
    expect(first.replies.map((r) => r.trace.reason)).toEqual(['explicit_request']);
    const again = step(first.state, { kind: 'message', text: 'medewerker!', nlu: parsed('medewerker!', 'human'), now: '2026-11-28T10:01:00.000Z', handoff: queued }, ctx);
    expect(again.replies).toEqual([]);
    expect(again.effects).toContainEqual({ type: 'handoff', record: expect.objectContaining({ reason: 'explicit_request' }) });
  });

  it('does not repeat an acknowledgement while the citizen waits for that person, except the crisis line', () => {
    const queued = { state: 'queued', handoffId: 'h1', awaitingCallbackAnswer: false } as const;
    const run = (prev: ReturnType<typeof initialState>, text: string, signal: HandoffSignal) =>
      step(prev, { kind: 'message', text, nlu: withSignal(text, 'none', signal), now: '2026-11-28T10:00:00.000Z', handoff: prev.handoffs.length ? queued : null }, ctx);
    const complaint = { reason: 'complaint', evidence: 'klacht' } as const;
    const first = run(initialState(), 'ik wil een klacht indienen', complaint);
    expect(first.replies.map((r) => r.trace.reason)).toEqual(['complaint']);
    const more = run(first.state, 'de mevrouw aan de balie was erg onbeleefd', complaint);
    expect(more.replies).toEqual([]);
    // The new words still reach the caseworker as evidence.
    expect(more.effects).toContainEqual({ type: 'handoff', record: expect.objectContaining({ reason: 'complaint' }) });
    // Another reason is acknowledged; distress always gets the crisis line.
    expect(run(more.state, 'ik heb schulden', { reason: 'financial_hardship', evidence: 'schulden' }).replies.map((r) => r.trace.reason)).toEqual(['financial_hardship']);
    const crisis = run(initialState(), 'ik zie het niet meer zitten', { reason: 'distress', evidence: 'niet meer zitten' });
    expect(run(crisis.state, 'ik wil niet meer leven', { reason: 'distress', evidence: 'niet meer leven' }).replies[0]!.text).toContain('113');
  });

  it('acknowledges a death and still starts the case question', () => {
    const d = driver();
    const said = d.sayParsed(withSignal('mijn man is overleden, hoe staat het met de aanvraag', 'case_status', { reason: 'bereavement', evidence: 'mijn man is overleden' }));
    expect(said.text).toContain('Gecondoleerd');
    expect(said.text).toContain('zaaknummer');
  });

  it('after a situation handed on mid-flow, offers the fact asked as a help for the person, not the question again', () => {
    const d = driver();
    d.sayParsed(parsed('hoe staat het met mijn aanvraag', 'case_status', [nr('Z-2026-000789')]));
    const debt = d.sayParsed(withSignal('de deurwaarder staat morgen voor de deur', 'none', { reason: 'financial_hardship', evidence: 'deurwaarder' }));
    expect(debt.replies.map((r) => r.trace.step)).toEqual(['financial_hardship', 'meanwhile_identity']);
    expect(debt.text).not.toMatch(/Ik zie geen|Wilt u liever een medewerker spreken/);
    // The fact sent next is still used: the case is checked.
    expect(d.sayParsed(parsed('1234 AB 30-11-1975', 'none', [pc('1234 AB'), bd('1975-11-30')])).replies[0]!.trace.step).toBe('case_flag');
    // Someone who does not understand is asked nothing more.
    const lost = driver();
    lost.sayParsed(parsed('hoe staat het met mijn aanvraag', 'case_status'));
    const said = lost.sayParsed(withSignal('ik begrijp het niet', 'none', { reason: 'vulnerability', evidence: 'begrijp het niet' }));
    expect(said.replies.map((r) => r.trace.step)).toEqual(['vulnerability']);
  });

  it('routes money trouble to debt support whatever the intent or case (routing.yaml byReason)', () => {
    for (const [text, intent] of [['I cannot pay my rent, I have debts', 'none'], ['ik heb schulden, hoe staat het met mijn dakkapel', 'case_status'], ['de deurwaarder komt, ik wil een klacht indienen', 'complaint']] as const) {
      const said = driver().sayParsed(withSignal(text, intent, { reason: 'financial_hardship', evidence: 'schulden' }));
      expect({ text, effects: said.effects }).toEqual({ text, effects: expect.arrayContaining([{ type: 'handoff', record: expect.objectContaining({ reason: 'financial_hardship', team: 'werk-en-inkomen' }) }]) });
    }
    // Other reasons keep the team of their intent.
    expect(driver().sayParsed(withSignal('ik wil een klacht indienen', 'complaint', { reason: 'complaint', evidence: 'klacht' })).effects).toContainEqual({ type: 'handoff', record: expect.objectContaining({ team: 'klachten' }) });
  });

  it('acknowledges a death and answers the case whose facts came in the same message', () => {
    const d = driver();
    const signal = { reason: 'bereavement', evidence: 'mijn man is overleden' } as const;
    const said = d.sayParsed({ ...withSignal('mijn man is overleden. Z-2026-000123 1234 AB 15-03-1980', 'none', signal), entities: [nr('Z-2026-000123'), pc('1234 AB'), bd('1980-03-15')] });
    expect(said.text).toContain('Gecondoleerd');
    expect(said.text).toContain(STATUS_123);
  });

  it('hands over on an explicit request in the middle of verification', () => {
    const d = driver();
    d.sayParsed(parsed('x', 'case_status', [nr('Z-2026-000123')]));
    const said = d.sayParsed(withSignal('ik wil een medewerker spreken', 'human', { reason: 'explicit_request', evidence: 'medewerker spreken' }));
    expect(said.effects).toContainEqual(expect.objectContaining({ type: 'handoff', record: expect.objectContaining({ reason: 'explicit_request', caseNumber: 'Z-2026-000123' }) }));
  });

  it('hands over after two fallbacks in a row', () => {
    const d = driver();
    expect(d.sayParsed(parsed('qwerty', 'none')).effects).toEqual([]);
    const second = d.sayParsed(parsed('asdf', 'none'));
    expect(second.effects).toContainEqual(expect.objectContaining({ type: 'handoff', record: expect.objectContaining({ reason: 'not_understood' }) }));
    // "Waarom?" then says why in plain words, not the caseworker's evidence as if the citizen wrote it.
    const why = d.sayParsed(parsed('waarom?', 'none')).text;
    expect(why).toMatch(/^Ik verwees u naar een medewerker omdat ik twee berichten na elkaar niet goed begreep\./);
    expect(why).not.toMatch(/two fallbacks|u schreef/);
  });

  it('quotes only the citizen\'s words when asked why a yes to the offer of a person handed over', () => {
    const d = driver();
    d.sayParsed(parsed('qwerty', 'none'));
    d.sayParsed(parsed('help', 'none'));
    d.sayParsed(parsed('ja graag', 'none'));
    const why = d.sayParsed(parsed('waarom?', 'none')).text;
    expect(why).not.toContain('antwoord op');
  });

  it('asks "gaat uw vraag over …?" when the classifier was close but unsure, and answers that question on yes', () => {
    const d = driver();
    const unsure = { ...parsed('wat kost een trouwerij op het stadhuis', 'none', [], 1), suggestion: { name: 'payment', confidence: 0.28 } };
    const asked = d.sayParsed(unsure);
    expect(asked.text).toBe('Ik weet niet zeker of ik u goed begrijp. Gaat uw vraag over een betaling van de gemeente aan u: wanneer en hoeveel? Antwoord met ja of nee.');
    expect(asked.replies[0]!.trace).toMatchObject({ dialog: 'none', step: 'suggest', intent: 'payment' });
    expect(d.state).toMatchObject({ pending: 'suggestion', suggested: 'payment' });
    const yes = d.sayParsed(parsed('ja', 'none', [], 1));
    expect(yes.text).toBe(dialogs.intents.get('payment')!.answer!.nl);
    expect(yes.replies[0]!.trace).toMatchObject({ dialog: 'payment', step: 'answer' });
    expect(d.state).toMatchObject({ pending: null, fallbacks: 0 });
    expect(d.state.suggested).toBeUndefined();
    // Not for a short follow-up on the answer just given ("hoe kan dat?"): that is about the answer.
    const after = driver();
    after.sayParsed(parsed('wanneer wordt de bijstand betaald', 'payment'));
    const how = after.sayParsed({ ...parsed('hoe kan dat', 'none', [], 1), suggestion: { name: 'change_details', confidence: 0.3 } });
    expect(how.replies[0]!.trace.step).toBe('fallback_after_answer');
  });

  it('on no asks to say it in other words, and hands over when that is not understood either', () => {
    const d = driver();
    d.sayParsed({ ...parsed('iets over geld', 'none', [], 1), suggestion: { name: 'payment', confidence: 0.2 } });
    const no = d.sayParsed(parsed('nee', 'none', [], 1));
    expect(no.text).toBe(dialogs.intents.get('none')!.answer!.nl);
    expect(no.effects).toEqual([]);
    const lost = d.sayParsed(parsed('asdf', 'none', [], 1));
    expect(lost.effects).toContainEqual(expect.objectContaining({ type: 'handoff', record: expect.objectContaining({ reason: 'not_understood' }) }));
  });

  it('takes a new question after "gaat uw vraag over …?" as the question it is', () => {
    const d = driver();
    d.sayParsed({ ...parsed('iets over geld', 'none', [], 1), suggestion: { name: 'payment', confidence: 0.2 } });
    const other = d.sayParsed(parsed('wat zijn jullie openingstijden', 'contact_hours'));
    expect(other.text).toBe(dialogs.intents.get('contact_hours')!.answer!.nl);
    expect(d.state.pending).toBeNull();
  });

  it('asks about a person when that came closest, and a yes hands over', () => {
    const d = driver();
    d.sayParsed({ ...parsed('kan ik iemand', 'none', [], 1), suggestion: { name: 'human', confidence: 0.3 } });
    const yes = d.sayParsed(parsed('ja graag', 'none', [], 1));
    expect(yes.effects).toContainEqual(expect.objectContaining({ type: 'handoff', record: expect.objectContaining({ reason: 'explicit_request' }) }));
  });

  it('does not suggest an intent without a topic, nor on the second miss', () => {
    const d = driver();
    expect(d.sayParsed({ ...parsed('hmm', 'none', [], 1), suggestion: { name: 'greeting', confidence: 0.3 } }).text).toBe(dialogs.intents.get('none')!.answer!.nl);
    const second = d.sayParsed({ ...parsed('iets over geld', 'none', [], 1), suggestion: { name: 'payment', confidence: 0.3 } });
    expect(second.effects).toContainEqual(expect.objectContaining({ type: 'handoff', record: expect.objectContaining({ reason: 'not_understood' }) }));
  });

  it('puts a trace with the dialog version on every reply', () => {
    const d = driver();
    for (const said of [d.sayParsed(parsed('hoi', 'greeting')), d.sayParsed(parsed('x', 'case_status')), d.say('waarom?')]) {
      for (const r of said.replies) expect(r.trace.dialogVersion).toBe(dialogs.version);
    }
  });
});

describe('dialog step: a nod', () => {
  it('answers "ok" after an answer with a nod, not with "Sorry, dat begrijp ik niet goed"', () => {
    // "ok top", "oh zo", "ok cool", "ok got it" got "Wat ik erover weet, staat in mijn antwoord hierboven".
    for (const said of ['ok', 'Oké!', 'prima', 'ah ok', 'helder', 'got it', '👍', 'ja', 'yes', 'k', 'jaja', 'ok ok ok', 'ok top', 'oh zo', 'ach zo', 'ok cool', 'ok got it', 'oké fijn', 'ok duidelijk']) {
      const d = driver();
      d.sayParsed(parsed('wat zijn de openingstijden', 'contact_hours'));
      const r = d.sayParsed(parsed(said, 'none'));
      expect({ said, step: r.replies[0]!.trace.step }).toEqual({ said, step: 'ack' });
      expect(r.text).not.toContain('begrijp');
    }
    // A nod is no answer: a miss just before it still counts.
    const d = driver();
    d.sayParsed(parsed('blabla', 'none'));
    d.sayParsed(parsed('ok', 'none'));
    expect(d.state.fallbacks).toBe(1);
  });

  it('lets the citizen look up what the flow asks ("momentje", "ok"), and goes on when it comes', () => {
    const d = driver();
    d.sayParsed(parsed('hoe staat het met mijn aanvraag', 'case_status'));
    for (const said of ['ok momentje', 'even zoeken', 'ok', 'one sec']) {
      const r = d.sayParsed(parsed(said, 'none'));
      expect({ said, step: r.replies[0]!.trace.step }).toEqual({ said, step: 'take_your_time' });
    }
    expect(d.state.active?.step).toBe('ask_number');
    expect(d.state.fallbacks).toBe(0);
    expect(d.sayParsed(parsed('Z-2026-000123', 'none', [nr('Z-2026-000123')])).text).toMatch(/postcode en uw geboortedatum/);
  });

  it('says nothing to a nod while the citizen waits for a person', () => {
    const r = step(initialState(), { kind: 'message', text: 'ok', nlu: parsed('ok', 'none'), now: '2026-11-28T10:00:00.000Z', handoff: { state: 'queued', handoffId: 'h1', awaitingCallbackAnswer: false } }, ctx);
    expect(r.replies).toEqual([]);
    expect(r.effects).toEqual([]);
  });
});

describe('dialog step: a citizen service number', () => {
  const withBsn = (text: string, intent: string) => ({ ...parsed(text, intent), entities: [e('bsn', '123456782')] });

  it('says it is not needed before the answer, after a crisis line', () => {
    const asked = driver().sayParsed(withBsn('mijn bsn is 123456782, hoe staat het met mijn uitkering', 'case_status'));
    expect(asked.replies.map((r) => r.trace.dialog)).toEqual(['privacy', 'case_status']);
    expect(asked.text).toContain('BSN) heb ik niet nodig');
    const signal: HandoffSignal = { reason: 'distress', evidence: 'ik wil niet meer leven' };
    const crisis = driver().sayParsed({ ...withBsn('ik wil niet meer leven. bsn 123456782', 'none'), handoff: signal, handoffs: [signal] });
    expect(crisis.replies[0]!.text).toContain('113');
    expect(crisis.replies.map((r) => r.trace.dialog)).toEqual(['handoff', 'privacy']);
  });
});

describe('dialog step: "wat betekent dat?" after a case\'s status', () => {
  it('says what the status means in plain words, with the decision term, and still explains "waarom?" after it', () => {
    const d = driver();
    d.sayParsed(parsed('x', 'case_status', [nr('Z-2026-000123'), pc('1234 AB'), bd('1980-03-15')]));
    const r = d.sayParsed(parsed('wat betekent dat?', 'none'));
    expect(r.replies[0]!.trace).toMatchObject({ dialog: 'case_status', step: 'means' });
    expect(r.replies[0]!.trace.sources).toEqual(expect.arrayContaining([expect.objectContaining({ kind: 'case', ref: 'Z-2026-000123' })]));
    expect(r.text).toBe('Dat betekent: uw aanvraag is nog niet klaar. Een medewerker werkt eraan. U hoeft nu niets te doen. Uiterlijk 15 januari 2027 krijgt u een brief met het besluit.');
    expect(d.sayParsed(parsed('waarom?', 'none')).replies[0]!.trace.step).toBe('explain');
    const granted = driver();
    granted.sayParsed(parsed('x', 'case_status', [nr('Z-2026-000456'), pc('5678 CD'), bd('1992-07-01')]));
    expect(granted.sayParsed(parsed('wat houdt dat in', 'none')).text).toMatch(/^Dat betekent: u krijgt wat u heeft aangevraagd/);
  });

  it('reads "dus ik krijg het?" after a granted status as asking what it means', () => {
    const d = driver();
    d.sayParsed(parsed('status', 'case_status', [nr('Z-2026-000456'), pc('5678 CD'), bd('1992-07-01')]));
    expect(d.sayParsed(parsed('dus ik krijg het?', 'payment', [], 0.7)).text).toMatch(/^Dat betekent: u krijgt wat u heeft aangevraagd/);
  });

  it('reads the kind of status from its words, and gives no meaning for a status of no known kind', () => {
    const rec = (statusText: string, decisionDue: string | null = null) => ({ number: 'Z-1', type: 't', statusText, decisionDate: null, decisionDue, postcode: '1234 AB', birthDate: '1980-01-01', phone: null, flags: [], source: 'embedded', fetchedAt: '2026-11-30T10:00:00Z' });
    expect(statusMeaning(dialogs, rec('Besluit genomen: afgewezen.'))?.nl).toMatch(/u krijgt niet wat u heeft aangevraagd.*bezwaar/);
    expect(statusMeaning(dialogs, rec('Besluit: niet toegekend'))?.nl).toMatch(/krijgt niet/);
    expect(statusMeaning(dialogs, rec('Wacht op aanvullende gegevens van de aanvrager.'))?.en).toMatch(/waiting for something from you/);
    expect(statusMeaning(dialogs, rec('Ontvangen', null))?.nl).toMatch(/Als er een besluit is, krijgt u een brief\.$/);
    expect(statusMeaning(dialogs, rec('Fase 3b'))).toBeNull();
  });

  it('takes "wat gebeurt er nu?" and "what happens next?" after a status as the same question', () => {
    for (const [question, start] of [['en wat gebeurt er nu?', /^Dat betekent: uw aanvraag is nog niet klaar/], ['moet ik nog iets doen?', /U hoeft nu niets te doen/], ['what happens next?', /^This means: your application is not finished yet/]] as const) {
      const d = createDriver(ctx, { parse: (t) => ({ ...parsed(t, 'none'), lang: question.startsWith('what') ? 'en' : 'nl' }) });
      d.sayParsed(parsed('x', 'case_status', [nr('Z-2026-000123'), pc('1234 AB'), bd('1980-03-15')]));
      const r = d.sayParsed({ ...parsed(question, 'none'), lang: question.startsWith('what') ? 'en' : 'nl' });
      expect({ question, step: r.replies[0]!.trace.step }).toEqual({ question, step: 'means' });
      expect(r.text).toMatch(start);
    }
  });

  it('takes "hoe lang duurt het nog?" after a status, also behind a thanks, as that question: the decision date, not the thanks and a score', () => {
    for (const [question, intent] of [['hoe lang duurt het nog?', 'case_status'], ['hoe lang nog', 'case_status'], ['wanneer krijg ik de brief', 'payment'], ['ok and when will i get the letter', 'payment'], ['ok dank je, en hoe lang duurt het nog?', 'thanks'], ['dankjewel, maar wat betekent dat precies?', 'thanks'], ['thanks, how long will it take?', 'thanks']] as const) {
      const lang = question.startsWith('thanks') || question.startsWith('ok and') ? 'en' : 'nl';
      const d = createDriver(ctx, { parse: (t) => ({ ...parsed(t, 'none'), lang }) });
      d.sayParsed(parsed('x', 'case_status', [nr('Z-2026-000123'), pc('1234 AB'), bd('1980-03-15')]));
      const r = d.sayParsed({ ...parsed(question, intent), lang });
      expect({ question, steps: r.replies.map((x) => x.trace.step) }).toEqual({ question, steps: ['means'] });
      expect(r.text).toMatch(lang === 'nl' ? /Uiterlijk 15 januari 2027 krijgt u een brief met het besluit/ : /By 15 January 2027 at the latest/);
    }
  });

  it('answers the question behind a thanks (the NLU\'s also) without "graag gedaan" and a score; a plain thanks still asks for one', () => {
    const d = driver();
    const asked = d.sayParsed({ ...parsed('bedankt, en wanneer zijn jullie open?', 'thanks'), also: { name: 'contact_hours', confidence: 0.96, before: false } });
    expect(asked.replies.map((r) => `${r.trace.dialog}.${r.trace.step}`)).toEqual(['contact_hours.answer']);
    expect(d.sayParsed(parsed('top bedankt', 'thanks')).replies.map((r) => r.trace.step)).toEqual(['answer', 'ask']);
  });

  it('answers "wanneer krijg ik het geld?" right after a status that names a payment date with that date first', () => {
    const d = driver();
    d.sayParsed(parsed('x', 'case_status', [nr('Z-2026-000456'), pc('5678 CD'), bd('1992-07-01')]));
    const money = d.sayParsed(parsed('wanneer krijg ik het geld?', 'payment'));
    expect(money.text).toMatch(/^In uw zaak Z-2026-000456 staat: Eerste betaling op 1 december 2026\. Een uitkering betalen we/);
    expect(money.replies[0]!.trace.sources.map((x) => x.kind)).toContain('case');
    // Not after a status without one, nor for a thing with its own answer.
    const other = driver();
    other.sayParsed(parsed('x', 'case_status', [nr('Z-2026-000123'), pc('1234 AB'), bd('1980-03-15')]));
    expect(other.sayParsed(parsed('wanneer krijg ik het geld?', 'payment')).text).toMatch(/^Een uitkering betalen we/);
    const toeslag = driver();
    toeslag.sayParsed(parsed('x', 'case_status', [nr('Z-2026-000456'), pc('5678 CD'), bd('1992-07-01')]));
    expect(toeslag.sayParsed(parsed('wanneer komt mijn zorgtoeslag', 'payment')).text).toMatch(/^Zorgtoeslag/);
  });

  it('answers "hoe lang duurt het?" after an answer with that answer\'s own words about time', () => {
    const d = driver();
    d.sayParsed(parsed('wat moet ik meenemen voor een nieuw paspoort', 'documents'));
    const long = d.sayParsed(parsed('en hoe lang duurt het?', 'none'));
    expect({ step: long.replies[0]!.trace.step, text: long.text }).toEqual({ step: 'time_in_answer', text: expect.stringMatching(/^In mijn antwoord staat: Ongeveer 5 werkdagen later kunt u het ophalen\. Wilt u meer weten\?/) });
    // It answered: the next message it cannot place is a first miss, not a second.
    expect(d.sayParsed(parsed('blabla', 'none')).effects).toEqual([]);
    // SMS writes "t" for "het", and the classifier is sure it is the case question.
    const sms = driver();
    sms.sayParsed(parsed('wat kost een paspoort', 'payment'));
    expect(sms.sayParsed(parsed('hoelang duurt t', 'case_status', [], 0.75)).replies[0]!.trace.step).toBe('time_in_answer');
    // Not the t of an English contraction: "why haven't I heard anything?" is no question about the answer before.
    const english = createDriver(ctx, { parse: (t) => ({ ...parsed(t, 'none'), lang: 'en' }) });
    english.sayParsed({ ...parsed('what are your opening hours', 'contact_hours', [], 0.95), lang: 'en' });
    expect(english.sayParsed({ ...parsed("why haven't I heard anything?", 'case_status', [], 0.8), lang: 'en' }).replies[0]!.trace.step).toBe('ask_number');
    const en = createDriver(ctx, { parse: (t) => ({ ...parsed(t, 'none'), lang: 'en' }) });
    en.sayParsed({ ...parsed('I want to object to a decision', 'objection'), lang: 'en' });
    expect(en.sayParsed({ ...parsed('how long do I have?', 'none'), lang: 'en' }).text).toMatch(/^My answer says: Do this within 6 weeks of the date of the letter\./);
    // Clock times are no span: an answer without one says it does not say how long (not "staat hierboven").
    const hours = driver();
    hours.sayParsed(parsed('wat is jullie adres', 'contact_hours'));
    expect(hours.sayParsed(parsed('hoe lang duurt het?', 'none')).replies[0]!.trace.step).toBe('time_unknown');
  });

  it('leaves "wat betekent dat?" after any other answer to the usual handling', () => {
    const d = driver();
    d.sayParsed(parsed('ik wil bezwaar maken', 'objection'));
    expect(d.sayParsed(parsed('wat betekent dat', 'none')).replies[0]!.trace.step).not.toBe('means');
  });
});

describe('dialog step: answers for a narrower topic (variants)', () => {
  const topicOf = (r: { replies: Array<{ trace: { sources: Array<{ kind: string; ref: string }> } }> }) => r.replies[0]!.trace.sources.find((x) => x.ref.startsWith('topic:'))?.ref ?? null;
  /** The topic of the first reply to one message in a new conversation, read as `intent`. */
  const topicFor = (text: string, intent: string, confidence = 0.9) => topicOf(driver().sayParsed(parsed(text, intent, [], confidence)));
  /** Each message, read as that intent with that confidence, gets that topic. */
  const expectTopics = (cases: ReadonlyArray<readonly [msg: string, intent: string, confidence: number, topic: string]>) => {
    for (const [msg, intent, confidence, topic] of cases) expect({ msg, topic: topicFor(msg, intent, confidence) }).toEqual({ msg, topic: `topic:${topic}` });
  };

  it('answers a short question on a topic without an intent from that topic, whatever intent it was read as', () => {
    const dog = driver().sayParsed(parsed('wat kost hondenbelasting', 'payment'));
    expect({ dialog: dog.replies[0]!.trace.dialog, topic: topicOf(dog) }).toEqual({ dialog: 'none', topic: 'topic:dog_tax' });
    expect(topicFor('hoe meld ik mijn nieuwe hond aan?', 'change_details')).toBe('topic:dog_tax');
    expect(topicFor('ik heb een hond gekocht, moet ik dat doorgeven?', 'change_details')).toBe('topic:dog_tax');
    // The intent's own variant comes first; a long message names such a topic only in passing.
    expect(topicFor('wat kost een parkeervergunning', 'payment')).toBe('topic:parking');
    // A greeting that names a topic: that topic's answer, not the introduction; a plain greeting still gets that.
    expect(topicOf(driver().sayParsed({ ...parsed('Hello I need help with my rent allowance', 'greeting', [], 0.72), lang: 'en' }))).toBe('topic:allowances');
    expect(driver().sayParsed(parsed('hoi ik schrijf namens mijn vader', 'greeting', [], 0.6)).replies[0]!.trace.dialog).toBe('greeting');
    // How long a passport is valid: its own answer, also when the classifier was sure of the case question; not a parking permit's.
    expect(topicFor('hoe lang is een paspoort geldig', 'case_status', 0.44)).toBe('topic:id_validity');
    expect(topicOf(driver().sayParsed({ ...parsed('how long is my passport valid', 'case_status', [], 0.85), lang: 'en' }))).toBe('topic:id_validity');
    expect(topicFor('is mijn parkeervergunning nog geldig', 'case_status', 0.59)).not.toBe('topic:id_validity');
    // "Wat moet ik meenemen voor een nieuw paspoort? de oude is verlopen" asks how to get a new one.
    expect(topicFor('welke papieren moet ik meenemen voor een nieuw paspoort? oude is verlopen', 'documents')).toBe('topic:id_documents');
    // Sick and unable to come: moving the appointment, and "hoe verzet ik die?" its sentence on how.
    const sick = driver();
    expect(topicOf(sick.sayParsed(parsed('ik ben ziek en kan niet naar mijn afspraak', 'contact_hours', [], 0.38)))).toBe('topic:appointment_change');
    expect(sick.sayParsed(parsed('hoe verzet ik die', 'none', [], 0.84)).text).toMatch(/^In mijn antwoord staat: Dat kan via de link in de e-mail over uw afspraak/);
    // "Wat kost dat?" after an answer payments have none for: its own words on cost, or what it knows; not the benefit dates.
    const noise = driver();
    noise.sayParsed(parsed('mijn buurman maakt lawaai', 'none', [], 0.93));
    expect(noise.sayParsed(parsed('wat kost dat', 'payment', [], 0.99)).text).toMatch(/^In mijn antwoord staat: Lukt dat niet\? Dan helpt Buurtbemiddeling u gratis/);
    const waste = driver();
    waste.sayParsed(parsed('ik wil grofvuil laten ophalen', 'none', [], 0.73));
    // Bulky waste has its costs in payment (the same topic): those, not "Wat ik erover weet, staat hierboven".
    expect(topicOf(waste.sayParsed(parsed('wat kost het', 'payment', [], 0.99)))).toBe('topic:waste');
    const fees = driver();
    fees.sayParsed(parsed('hoe vraag ik een paspoort aan', 'documents'));
    expect(topicOf(fees.sayParsed(parsed('wat kost dat', 'payment', [], 0.99)))).toBe('topic:id_documents');
    // "Mijn uitkering is te laag": what the amount depends on and where it is, not when it is paid.
    expect(topicFor('mijn uitkering is te laag', 'payment', 0.69)).toBe('topic:amount');
    // A variant with `unsure` words answers a message nobody placed only for those: "nieuwe baan", not "uren".
    expect(topicFor('ik heb een nieuwe baan', 'none', 0.22)).toBe('topic:circumstances');
    expect(topicFor('hoeveel uren', 'none', 0.3)).toBeNull();
    for (const text of ['ik ben op zoek naar een nieuwe baan', 'ik heb nog steeds geen werk gevonden', 'kunnen jullie mij helpen een nieuwe baan te vinden']) {
      expect({ text, topic: topicFor(text, 'none', 0.3) }).not.toEqual({ text, topic: 'topic:circumstances' });
    }
    const forget = driver();
    forget.sayParsed(parsed('ik heb een nieuwe baan', 'none', [], 0.22));
    expect(topicOf(forget.sayParsed(parsed('en wat als ik dat vergeet', 'none', [], 0.64)))).toBe('topic:not_reporting');
    // Of two things named, the longer word: the waste tax, not waste collection ("afval").
    expect(topicFor('wat is de afvalstoffenheffing', 'none', 0.38)).toBe('topic:taxes');
    // After "Wat wilt u weten over de afvalstoffenheffing?", the next message is about that; only the next one.
    const about = driver();
    expect(about.sayParsed(parsed('hallo, ik heb een vraag over de afvalstoffenheffing', 'greeting')).text).toBe('Wat wilt u weten over de afvalstoffenheffing? Stel uw vraag maar.');
    expect(topicOf(about.sayParsed(parsed('die is veel te hoog dit jaar', 'none', [], 0.59)))).toBe('topic:taxes');
    const dogs = driver();
    dogs.sayParsed(parsed('ik heb een vraag over de hondenbelasting', 'none', [], 0.43));
    expect(topicOf(dogs.sayParsed(parsed('wat kost dat', 'payment')))).toBe('topic:dog_tax');
    // An ordinary question after it stays on the topic, however sure the classifier is of its own reading.
    const plain = driver();
    plain.sayParsed(parsed('ik heb een vraag over de hondenbelasting', 'none', [], 0.43));
    expect(topicOf(plain.sayParsed(parsed('wanneer moet ik betalen?', 'payment', [], 0.99)))).toBe('topic:dog_tax');
    const sure = driver();
    sure.sayParsed(parsed('ik heb een vraag over de afvalstoffenheffing', 'none', [], 0.75));
    expect(topicOf(sure.sayParsed(parsed('laat maar, wanneer komt mijn uitkering', 'payment', [], 0.98)))).toBeNull();
    const once = driver();
    once.sayParsed(parsed('ik heb een vraag over de hondenbelasting', 'none', [], 0.43));
    once.sayParsed(parsed('wat zijn jullie openingstijden', 'contact_hours'));
    expect(topicOf(once.sayParsed(parsed('wat kost dat', 'payment')))).not.toBe('topic:dog_tax');
    const long = 'ik heb vorig jaar de hondenbelasting al betaald en nu heb ik een vraag over iets heel anders, namelijk wanneer de bijstand van deze maand op mijn rekening komt';
    expect(topicOf(driver().sayParsed(parsed(long, 'payment')))).toBeNull();
    // An objection is made, papers are sent and the office is reached the same way whatever it is about.
    expect(driver().sayParsed(parsed('bezwaar maken tegen de hondenbelasting', 'objection')).replies[0]!.trace.dialog).toBe('objection');
    expect(driver().sayParsed(parsed('which proof do I need for the dog tax exemption', 'documents')).replies[0]!.trace.dialog).toBe('documents');
    expect(driver().sayParsed(parsed('is there parking near your office?', 'contact_hours')).replies[0]!.trace.dialog).toBe('contact_hours');
    // A thanks that names the topic is still thanks.
    expect(driver().sayParsed(parsed('bedankt voor de uitleg over de hondenbelasting', 'thanks')).replies[0]!.trace.dialog).toBe('thanks');
  });

  it('matches a `when` phrase of more words only whole, or as its plural', () => {
    expect(topicFor('mag ik mijn eigen huisarts houden', 'none', 0.3)).not.toBe('topic:assets');
    expect(topicFor('ik heb een auto-ongeluk gehad', 'none', 0.3)).not.toBe('topic:assets');
    expect(topicFor('er klopt iets niet met mijn gegevens', 'change_details', 0.55)).not.toBe('topic:privacy');
    expect(topicFor('kan ik bijstand krijgen als ik een eigen huis heb', 'none', 0.3)).toBe('topic:assets');
    // Plurals still count: "gemeentelijke belastingen", "id cards".
    expect(topicFor('aanslag gemeentelijke belastingen ontvangen, kan het in termijnen', 'payment')).toBe('topic:taxes');
  });

  it('matches a `when` word of two letters only as a whole word: "ww" is UWV, "www.…" is not', () => {
    expect(topicFor('hoeveel ww krijg ik', 'payment')).toBe('topic:uwv');
    expect(topicFor('is mijn ww-uitkering al betaald?', 'payment')).toBe('topic:uwv');
    expect(topicFor('op www.voorbeeld.nl staat niet wanneer de bijstand komt', 'payment')).toBeNull();
  });

  it('answers paying back with how to ask for a payment plan, unless the message names what it is about', () => {
    expect(topicFor('ik moet geld terugbetalen maar dat lukt niet in een keer', 'payment')).toBe('topic:repayment');
    expect(topicFor('can I pay it back in instalments?', 'payment')).toBe('topic:repayment');
    // The verb split by "moet" ("dat ik geld terug moet betalen"), and money sent back ("moet ik dat terugstorten?").
    expect(topicFor('ik heb een brief gekregen dat ik geld terug moet betalen', 'payment')).toBe('topic:repayment');
    expect(topicFor('waarom 2x betaald deze maand, moet ik dat terugstorten?', 'payment')).toBe('topic:repayment');
    // A kind of question gives way to the thing: the toeslagen answer says where to ask for a payment plan.
    expect(topicFor('mijn huurtoeslag moet ik terugbetalen, kan dat in termijnen?', 'payment')).toBe('topic:allowances');
    // Two things named are still the intent's own answer.
    expect(topicFor('terugbetalen van zorgtoeslag en aow', 'payment')).toBeNull();
    // Money the citizen gets back is no repayment: it is a refund (before the refund answer, the general one).
    expect(topicFor('wanneer krijg ik de terugbetaling van de dubbele aanslag', 'payment')).toBe('topic:refund');
  });

  it('answers a passport or ID card for someone who cannot come to the town hall with the application at home', () => {
    const home = driver().sayParsed(parsed('mijn moeder is 88 en kan niet naar het gemeentehuis komen voor haar id-kaart', 'contact_hours'));
    expect(topicOf(home)).toBe('topic:id_at_home');
    expect(home.text).toMatch(/thuis aanvragen\. Een medewerker komt dan bij u thuis/);
    expect(home.text).not.toContain('Iemand anders mag het niet voor u ophalen');
    expect(topicFor('can you come to my home for a new passport? I am housebound', 'documents')).toBe('topic:id_at_home');
    // Read unsurely, or as nothing: still that answer, the narrower case of the passport.
    expect(topicFor('my mother is in a care home and needs a new id card', 'none', 0.3)).toBe('topic:id_at_home');
    expect(topicFor('mijn oma woont in een verzorgingshuis, hoe krijgt ze een nieuw paspoort', 'change_details', 0.45)).toBe('topic:id_at_home');
    // Only beside a passport or ID card (`with`): a visit at home for something else is not it.
    expect(topicFor('kunnen jullie aan huis komen voor het keukentafelgesprek?', 'documents')).not.toBe('topic:id_at_home');
    expect(topicFor('mijn man woont nu in een verpleeghuis', 'none', 0.3)).not.toBe('topic:id_at_home');
    // Collecting at the desk stays the desk, also for someone who comes by, or whose passport is at home.
    expect(topicFor('waar haal ik mijn paspoort op?', 'contact_hours')).toBe('topic:id_documents');
    expect(topicFor('kan ik langskomen om mijn paspoort op te halen?', 'contact_hours')).toBe('topic:id_documents');
    expect(topicFor('can I come by to pick up my passport?', 'contact_hours')).toBe('topic:id_documents');
    expect(topicFor('my passport is at home, do I need it for the appointment?', 'contact_hours')).toBe('topic:id_documents');
    expect(topicFor('I lost my ID card, I searched everywhere at home', 'documents')).toBe('topic:id_documents');
  });

  it('answers a passport needed in a hurry with the urgent application and the emergency passport, and a driving licence at 75 with the CBR first', () => {
    const urgent = driver().sayParsed(parsed('mijn paspoort is gestolen en ik vlieg morgen', 'none', [], 0.4));
    expect(topicOf(urgent)).toBe('topic:id_urgent');
    expect(urgent.text).toMatch(/noodpaspoort .* Koninklijke\s+Marechaussee/);
    expect(topicFor('I need an emergency passport, my flight is tomorrow', 'documents')).toBe('topic:id_urgent');
    expect(topicFor('kan ik met spoed een nieuwe id-kaart krijgen?', 'documents')).toBe('topic:id_urgent');
    // Tomorrow's appointment is no hurry; a hurry for something else is not the passport's.
    expect(topicFor('ik heb morgen een afspraak voor mijn paspoort, wat moet ik meenemen?', 'documents')).toBe('topic:id_documents');
    expect(topicFor('ik heb met spoed een uittreksel nodig', 'documents')).not.toBe('topic:id_urgent');
    const licence = driver().sayParsed(parsed('ik ben 76, moet ik mijn rijbewijs laten keuren?', 'documents'));
    expect(topicOf(licence)).toBe('topic:licence_75');
    expect(licence.text).toMatch(/^Bent u 75 jaar of ouder\? Dan heeft u voor een nieuw rijbewijs eerst een Gezondheidsverklaring nodig/);
    expect(topicFor('do I need a medical check for my driving licence? I am 77', 'documents')).toBe('topic:licence_75');
    // Only beside the driving licence: a passport photo is checked too, and a car goes for its check.
    expect(topicFor('wordt mijn pasfoto gekeurd bij de aanvraag van mijn paspoort?', 'documents')).not.toBe('topic:licence_75');
    // A driving licence alone has its own answer (what to bring for it).
    expect(topicFor('ik heb mijn rijbewijs verloren', 'documents')).toBe('topic:licence');
    expect(topicFor('ik ben 77 en moet mijn rijbewijs verlengen', 'documents')).toBe('topic:licence_75');
    // Review: a hurry or an age beside the validity is the hurry or the age; a flight far off, a price or "spoedig" is none.
    expect(topicFor('mijn paspoort is niet meer geldig en ik vlieg morgen', 'documents')).toBe('topic:id_urgent');
    expect(topicFor('is mijn rijbewijs nog geldig, ik ben 76', 'documents')).toBe('topic:licence_75');
    expect(topicFor('ik ben 82 en moet mijn rijbewijs verlengen', 'documents')).toBe('topic:licence_75');
    expect(topicFor('mijn vlucht is in augustus, hoe lang is mijn paspoort nog geldig?', 'documents')).toBe('topic:id_validity');
    expect(topicFor('ik wil spoedig een nieuw paspoort aanvragen', 'documents')).not.toBe('topic:id_urgent');
    expect(topicFor('kost een rijbewijs boven de 75 euro?', 'documents')).not.toBe('topic:licence_75');
  });

  it('answers a passport or licence to renew with applying for one, also when read as where to go; collecting stays collecting', () => {
    const renew = driver().sayParsed(parsed('waar kan ik me rijbewijs verlenge', 'contact_hours'));
    expect(renew.text).toMatch(/^Een nieuw rijbewijs vraagt u aan bij de balie/);
    expect(driver().sayParsed(parsed('paspoort verlopen wat nu', 'contact_hours', [], 0.5)).text).toMatch(/vraagt u aan bij de balie/);
    expect(driver().sayParsed(parsed('waar haal ik mijn paspoort op?', 'contact_hours')).text).toMatch(/haalt u op bij de balie/);
    // Only beside a passport, ID card or licence: another thing renewed is not this.
    expect(driver().sayParsed(parsed('waar kan ik mijn parkeervergunning verlengen?', 'contact_hours')).text).not.toMatch(/paspoort/i);
    // A kind of question: an appointment or applying at home named beside it answers (review).
    expect(topicFor('afspraak aanvragen paspoort', 'contact_hours')).toBe('topic:make_appointment');
    expect(driver().sayParsed(parsed('waar kan ik een nieuw paspoort aanvragen', 'contact_hours')).text).toMatch(/vraagt u aan bij de balie/);
    expect(topicFor('kan ik mijn id-kaart aan huis aanvragen', 'contact_hours')).toBe('topic:id_at_home');
  });

  it('answers a birth with a day named before "geboren", and moving abroad said as "verhuizen naar het buitenland"', () => {
    expect(topicFor('mijn dochter is gisteren geboren hoe geef ik haar aan', 'change_details')).toBe('topic:birth');
    expect(topicFor('our baby was born yesterday, how do we register her', 'change_details')).toBe('topic:birth');
    expect(topicFor('ik ga verhuizen naar het buitenland', 'change_details')).toBe('topic:to_abroad');
    expect(topicFor('ik ga verhuizen naar utrecht', 'change_details')).not.toBe('topic:to_abroad');
    expect(topicFor('ik ben vorig jaar verhuisd naar het buitenland en kom nu terug naar nederland', 'change_details')).not.toBe('topic:to_abroad');
  });

  it('answers when a passport or ID card is ready, whether a fence or tree needs a permit, and the paper container, as those topics (talking to the demo)', () => {
    expectTopics([
      ['hoe lang duurt een paspoort aanvragen', 'case_status', 0.8, 'id_ready'],
      ['wanneer is mn id kaart klaar', 'case_status', 0.8, 'id_ready'],
      ['how long does a passport take', 'case_status', 0.7, 'id_ready'],
      ['mag ik een schutting plaatsen', 'none', 0.4, 'permit_needed'],
      ['mag ik een boom in mijn tuin kappen', 'none', 0.4, 'permit_needed'],
      ['ik wil een uitrit maken', 'none', 0.4, 'permit_needed'],
      ['wanneer komt de papiercontainer', 'payment', 0.8, 'waste'],
      ['wanneer komt de plastic zak', 'payment', 0.8, 'waste'],
    ]);
    expect(driver().sayParsed(parsed('wanneer is mn id kaart klaar', 'case_status', [], 0.8)).text).toMatch(/^Een paspoort, ID-kaart of rijbewijs is meestal ongeveer 5 werkdagen na de aanvraag klaar\./);
    // How long it is valid, and a permit's decision, stay what they were.
    expect(topicFor('hoe lang is mijn paspoort geldig', 'documents')).toBe('topic:id_validity');
    expect(driver().sayParsed(parsed('hoe lang duurt een omgevingsvergunning', 'case_status', [], 0.8)).replies[0]!.trace.step).toBe('how_long');
  });

  it('answers an emergency seen in the street (unconscious, fire, gas) with 112 first, not "Sorry, dat begrijp ik niet" (talking to the demo)', () => {
    expectTopics([
      ['er ligt een man bewusteloos op straat', 'none', 0.97, 'emergency'],
      ['er is brand in de flat naast ons', 'none', 0.9, 'emergency'],
      ['ik ruik gas in de straat', 'none', 0.9, 'emergency'],
    ]);
    expect(driver().sayParsed(parsed('er ligt een man bewusteloos op straat', 'none', [], 0.97)).text).toMatch(/^Is er nu gevaar, is er brand, of is iemand gewond of onwel\? Bel dan meteen 112\./);
    expect(topicFor('ik wil de brandstofkosten van mijn auto weten', 'none', 0.4)).not.toBe('topic:emergency');
  });

  it('answers moving abroad named by the country ("wij verhuizen naar spanje") with leaving the country, and moving costs with special assistance', () => {
    expectTopics([
      ['wij verhuizen naar spanje', 'change_details', 0.97, 'to_country'],
      ['ik ga naar portugal verhuizen, wat moet ik doen', 'change_details', 0.9, 'to_country'],
      ["we're moving to Portugal next month", 'change_details', 0.9, 'to_country'],
      // Not placed by the classifier: the country with a word of living is enough.
      ['ik ga in spanje wonen', 'none', 0.4, 'to_country'],
      ['worden mijn verhuiskosten vergoed?', 'change_details', 0.42, 'moving_costs'],
      // Review: coming here, or a country named for something else, is no leaving; moving costs only when asked about.
      ['wij wonen in spanje en willen terug naar nederland verhuizen', 'change_details', 0.9, 'address'],
      ['ik verhuis naar utrecht, ik werk in duitsland', 'change_details', 0.9, 'address'],
      ['ik wil mijn verhuizing doorgeven, de verhuiskosten waren hoog', 'change_details', 0.9, 'address'],
      ['can I get help with moving costs', 'none', 0.4, 'special_assistance'],
    ]);
    expect(driver().sayParsed(parsed('wij verhuizen naar spanje', 'change_details', [], 0.97)).text).toMatch(/^Gaat u in het buitenland wonen\? Geef uw vertrek dan door aan de gemeente waar u nu woont\./);
    expect(driver().sayParsed(parsed('worden mijn verhuiskosten vergoed?', 'change_details', [], 0.42)).text).toMatch(/bijzondere bijstand/);
    // A country without moving or living is a holiday; one moved from is a move here.
    expect(topicFor('ik ga op vakantie naar spanje, moet ik iets doorgeven', 'change_details')).not.toBe('topic:to_country');
    expect(topicFor('ik ben verhuisd uit spanje en woon nu hier', 'change_details')).not.toBe('topic:to_country');
  });

  it('takes "wanneer komt mijn parkeervergunning?" as the case question, also when read as its cost; not when a permit is valid', () => {
    for (const [text, intent, confidence] of [['wanneer komt mijn parkeervergunning', 'payment', 0.8], ['wanneer komt mijn parkeervergunning', 'payment', 0.4],
      ['when will I get my parking permit?', 'payment', 0.8], ['wanneer krijg ik mijn vergunning voor de dakkapel', 'documents', 0.8]] as const) {
      const r = driver().sayParsed(parsed(text, intent, [], confidence));
      expect({ text, step: r.replies[0]!.trace.step }).toEqual({ text, step: 'ask_number' });
    }
    expect(driver().sayParsed(parsed('wanneer is mijn parkeervergunning geldig?', 'documents', [], 0.8)).replies[0]!.trace.step).not.toBe('ask_number');
    expect(driver().sayParsed(parsed('wanneer komt mijn uitkering?', 'payment', [], 0.9)).replies[0]!.trace.dialog).toBe('payment');
    // Review: a permit expiring or to collect is no status, and a residence permit is the IND's.
    for (const text of ['when will my parking permit expire', 'wanneer komt mijn parkeervergunning te vervallen', 'wanneer kom ik mijn vergunning ophalen', 'wanneer komt mijn verblijfsvergunning']) {
      expect({ text, step: driver().sayParsed(parsed(text, 'payment', [], 0.8)).replies[0]!.trace.step }).not.toEqual({ text, step: 'ask_number' });
    }
  });

  it('answers a move the classifier could not place, a lost decision letter, and moving costs, with their own answers', () => {
    expect(topicFor('ik verhuis volgende week naar amsterdam', 'none', 0.3)).toBe('topic:address');
    expect(topicFor('we are moving next month to Utrecht', 'none', 0.3)).toBe('topic:address');
    expect(topicFor('ik heb de brief over mijn besluit kwijt', 'case_status', 0.42)).toBe('topic:lost_letter');
    expect(topicFor('ik verhuis, kan ik verhuiskosten vergoed krijgen?', 'payment', 0.6)).toBe('topic:special_assistance');
  });

  it('answers withdrawing an application or an objection, and a lost letter, with how', () => {
    expect(topicFor('mag ik mijn aanvraag intrekken?', 'none', 0.5)).toBe('topic:withdraw');
    // Read unsurely as the case question: not the question for its number.
    const withdraw = driver().sayParsed(parsed('ik wil mijn aanvraag intrekken', 'case_status', [], 0.44));
    expect(topicOf(withdraw)).toBe('topic:withdraw');
    expect(withdraw.text).toMatch(/^U mag uw aanvraag altijd intrekken, zolang er nog geen besluit is\./);
    expect(topicFor('how do I withdraw my application', 'none', 0.6)).toBe('topic:withdraw');
    const objection = driver().sayParsed(parsed('ik wil mijn bezwaar intrekken', 'objection', [], 0.97));
    expect(objection.text).toMatch(/^U mag uw bezwaar altijd intrekken\./);
    // What the objection is against is no withdrawal of it.
    expect(topicFor('de gemeente wil mijn vergunning intrekken, kan ik bezwaar maken?', 'objection', 0.97)).toBeNull();
    // Right after the answer on how to object.
    const after = driver();
    after.sayParsed(parsed('hoe maak ik bezwaar', 'objection', [], 0.99));
    expect(after.sayParsed(parsed('kan ik het ook weer intrekken?', 'none', [], 0.5)).text).toMatch(/^U mag uw bezwaar altijd intrekken\./);
    expect(topicFor('ik heb mijn brief kwijt', 'none', 0.8)).toBe('topic:lost_letter');
    // A lost letter beside a question the classifier is sure of: that question.
    expect(topicFor('ik ben de brief kwijt, wanneer wordt mijn uitkering betaald?', 'payment', 0.9)).toBeNull();
    // What the municipality withdraws is what one objects to.
    expect(topicFor('ze willen mijn uitkering weer intrekken, kan ik bezwaar maken?', 'objection', 0.97)).toBeNull();
    // Calling the police: 112 in danger, Veilig Thuis for violence at home.
    expect(driver().sayParsed(parsed('kan ik de politie bellen? mijn ex staat voor de deur', 'none', [], 0.36)).text).toMatch(/^Is er nu gevaar\? Bel dan meteen 112\..*Veilig Thuis/);
    expect(topicFor('I lost the letter', 'none', 0.7)).toBe('topic:lost_letter');
  });

  it('answers a bike the municipality removed with the depot, only when a bike is named, and a newcomer with the first registration', () => {
    expect(topicFor('waar kan ik mijn fiets terugvinden die is weggehaald?', 'none', 0.4)).toBe('topic:bike_depot');
    expect(topicFor('my bike was removed, where is it?', 'none', 0.4)).toBe('topic:bike_depot');
    expect(topicFor('mijn container is niet opgehaald', 'none', 0.4)).toBe('topic:waste_bin');
    expect(topicFor('ik woon sinds kort in nederland, hoe schrijf ik me in?', 'change_details', 0.8)).toBe('topic:from_abroad');
  });

  it('answers the energy allowance and an energy bill that cannot be paid', () => {
    const energy = driver().sayParsed(parsed('Op welke datum wordt de energietoeslag uitbetaald?', 'payment', [], 0.9));
    expect(topicOf(energy)).toBe('topic:energy');
    expect(energy.text).toMatch(/energietoeslag van de gemeente.*binnen 4 weken na het besluit.*niet zomaar afsluiten/);
    expect(topicFor('can i get help with my energy bill', 'none', 0.4)).toBe('topic:energy');
    // Special assistance for it is this answer (it names special assistance), not the benefit dates.
    expect(topicFor('mijn energierekening is te hoog, kan ik bijzondere bijstand krijgen?', 'payment', 0.9)).toBe('topic:energy');
    // Only how to pay gives way to another body: less paid because of the insurance premium is less paid.
    expect(topicFor('waarom is mijn uitkering lager? er wordt zorgverzekering ingehouden', 'payment', 0.9)).toBe('topic:less_paid');
  });

  it('answers paying in instalments with how to ask for a payment plan, unless it is paying back or a tax', () => {
    const plan = driver().sayParsed(parsed('kan ik in termijnen betalen?', 'payment'));
    expect(topicOf(plan)).toBe('topic:instalments');
    expect(plan.text).toMatch(/betalingsregeling aan in Mijn Voorbeeld op www\.voorbeeld\.nl, of bel 14 0123\. Dan betaalt u elke maand een deel/);
    expect(topicFor('can I pay in instalments?', 'payment')).toBe('topic:instalments');
    // Narrower than how to pay: "hoe betaal ik de boete in termijnen?" is the payment plan.
    expect(topicFor('hoe betaal ik de boete in termijnen', 'payment')).toBe('topic:instalments');
    // Paying back in instalments is the repayment answer, which says how to ask for a plan.
    expect(topicFor('ik moet geld terugbetalen, kan ik in termijnen betalen?', 'payment')).toBe('topic:repayment');
    expect(topicFor('ik moet geld terugbetalen, hoe kan ik betalen in delen', 'payment')).toBe('topic:repayment');
    // A tax or an allowance named beside it answers.
    expect(topicFor('kan ik de ozb in termijnen betalen', 'payment')).toBe('topic:taxes');
    expect(topicFor('mijn zorgtoeslag terugbetalen in termijnen', 'payment')).toBe('topic:allowances');
    // What another body handles: that body's answer (the Belastingdienst, the insurer).
    expect(topicFor('kan ik mijn inkomstenbelasting in termijnen betalen?', 'payment')).toBe('topic:national_tax');
    expect(topicFor('kan ik mijn eigen risico in termijnen betalen?', 'payment')).toBe('topic:health_insurance');
    // Money paid to the citizen in parts is no payment plan.
    expect(topicFor('wordt mijn uitkering in termijnen uitbetaald?', 'payment')).not.toBe('topic:instalments');
    expect(topicFor('krijg ik mijn vakantiegeld in termijnen?', 'payment')).not.toBe('topic:instalments');
    expect(topicFor('Is the subsidie for my insulation paid in one go or in instalments?', 'payment')).not.toBe('topic:instalments');
    // "hoe vraag ik dat aan?" after it: the sentence that says how, not the one on debt help.
    const how = driver();
    how.sayParsed(parsed('kan ik in termijnen betalen?', 'payment'));
    expect(how.sayParsed(parsed('hoe vraag ik dat aan?', 'none', [], 0.5)).text).toMatch(/Vraag dan een betalingsregeling aan in Mijn Voorbeeld/);
  });

  it('answers remission, holiday pay, a disabled parking card, support at home and registering a birth (each got the fallback or a broader answer)', () => {
    // As the classifier read them.
    expectTopics([
      ['hoe vraag ik kwijtschelding aan', 'case_status', 0.66, 'remission'],
      ['kan ik kwijtschelding krijgen voor de afvalstoffenheffing', 'payment', 0.9, 'remission'],
      ['wanneer krijg ik mijn vakantiegeld', 'payment', 0.98, 'holiday_pay'],
      ['when do I get my holiday pay', 'payment', 0.98, 'holiday_pay'],
      ['hoe krijg ik een gehandicaptenparkeerkaart', 'none', 0.55, 'disabled_parking'],
      ['ik heb een blue badge nodig', 'none', 0.9, 'disabled_parking'],
      ['ik wil hulp bij het huishouden aanvragen', 'none', 0.93, 'wmo'],
      ['can I get a stairlift?', 'none', 0.51, 'wmo'],
      ['hoe meld ik een geboorte aan', 'none', 0.43, 'birth'],
    ]);
    expect(driver().sayParsed(parsed('hoe vraag ik kwijtschelding aan', 'payment')).text).toMatch(/^Heeft u een laag inkomen en weinig spaargeld\? Dan kunt u kwijtschelding vragen/);
    expect(driver().sayParsed(parsed('ik wil hulp bij het huishouden aanvragen', 'none', [], 0.93)).text).toMatch(/Wmo-ondersteuning\. Meld het op www\.voorbeeld\.nl\/wmo/);
    // Holiday pay of a benefit another body pays: that body.
    expect(topicFor('ik heb ww, wanneer krijg ik vakantiegeld', 'payment', 0.98)).toBe('topic:uwv');
    // A wheelchair alone is not support at home; a birth date is no birth.
    expect(topicFor('kan ik met mijn rolstoel naar binnen?', 'none', 0.4)).not.toBe('topic:wmo');
    expect(topicFor('ik heb mijn geboortedatum verkeerd ingevuld', 'none', 0.4)).not.toBe('topic:birth');
  });

  it('answers a certificate of good conduct (VOG), a tree to cut down and an event, as the classifier read them', () => {
    expectTopics([
      ['I need a certificate of good conduct', 'documents', 0.77, 'vog'],
      ['what is a VOG', 'none', 0.89, 'vog'],
      ['hoe vraag ik een vog aan', 'none', 0.59, 'vog'],
      ['wat kost een vog', 'payment', 0.96, 'vog'],
      // Justis has the case, not the municipality; so has Dienst Toeslagen, also for an "aanvraag".
      ['hoe staat het met mijn vog aanvraag', 'case_status', 0.98, 'vog'],
      ['hoe staat het met mijn huurtoeslag aanvraag', 'case_status', 0.98, 'allowances'],
      ['ik wil een boom kappen', 'none', 0.95, 'permit_needed'],
      ['ik wil een evenement organiseren', 'none', 0.79, 'permit_needed'],
      ['mogen we een straatfeest houden?', 'none', 0.86, 'permit_needed'],
    ]);
    // An application of our own is still the case question.
    expect(driver().sayParsed(parsed('hoe staat het met mijn aanvraag voor een parkeervergunning', 'case_status', [], 0.98)).replies[0]!.trace.step).toBe('ask_number');
    // How to apply, right after the cost: the VOG answer's sentences, with the question a "Dan …" answers.
    const d = driver();
    d.sayParsed(parsed('wat kost een vog', 'payment', [], 0.96));
    const how = d.sayParsed(parsed('en hoe vraag ik die aan?', 'none', [], 0.45)).text;
    expect(how).toMatch(/vraagt u meestal online aan bij Justis.*Lukt online niet\? Dan kunt u de VOG aan de balie bij ons aanvragen/);
    expect(how).not.toMatch(/Vraagt u hem aan de balie aan\?/);
  });

  it('found by a review: a case of our own on support at home stays the case question; aids after a death, a stillborn child, holiday pay as a narrower case', () => {
    // The municipality handles these applications: how one's own stands is the case question.
    for (const [msg, confidence] of [['is mijn gehandicaptenparkeerkaart al klaar?', 0.97], ['mijn traplift is nog steeds niet geplaatst, hoe lang nog?', 0.55], ['my mum wants to know whether the stairlift was approved yet', 0.59]] as const) {
      expect({ msg, step: driver().sayParsed(parsed(msg, 'case_status', [], confidence)).replies[0]!.trace.step }).toEqual({ msg, step: 'ask_number' });
    }
    expect(topicFor('hoe vraag ik een traplift aan', 'case_status', 0.6)).toBe('topic:wmo');
    // After a death: collecting the aids, not how to ask for support; a stillborn child: not child benefit.
    expect(topicFor('Mijn vader is gisteren overleden. De traplift van de WMO staat nog in zijn huis.', 'case_status', 0.5)).toBe('topic:wmo_return');
    expect(topicFor('ons kindje is dood geboren, hoe moet ik de geboorte melden?', 'documents', 0.5)).toBe('topic:stillborn');
    expect(driver().sayParsed(parsed('hoe meld ik een doodgeboren kindje aan', 'none', [], 0.7)).text).not.toMatch(/kinderbijslag/);
    // A scooter in the building is no support at home; an extract of a birth certificate is no birth.
    expect(topicFor('mag ik met mijn scootmobiel in het gemeentehuis?', 'none', 0.4)).not.toBe('topic:wmo');
    expect(topicFor('hoe vraag ik een akte van geboorte aan?', 'documents', 0.6)).not.toBe('topic:birth');
    // Holiday pay is narrower than how much and less paid; money the citizen wants back is no claim.
    expect(topicFor('hoeveel krijg ik aan vakantiegeld?', 'payment')).toBe('topic:holiday_pay');
    expect(topicFor('wordt er vakantiegeld ingehouden?', 'payment')).toBe('topic:holiday_pay');
    expect(topicFor('de energietoeslag is op mijn oude rekening gestort, kan ik die terugvragen?', 'payment')).not.toBe('topic:energy_repayment');
    expect(topicFor('can I get a fee waiver for my passport?', 'payment')).not.toBe('topic:remission');
  });

  it('answers a divorce, a pregnancy, school costs and transport, the elections and speaking in the council (each got the fallback or another answer)', () => {
    expectTopics([
      ['ik ga scheiden, wat moet ik regelen', 'none', 0.5, 'divorce'],
      ['ik ben zwanger, moet ik iets doorgeven', 'change_details', 0.8, 'pregnancy'],
      ['mijn kind gaat naar de middelbare school, krijg ik hulp met de kosten', 'payment', 0.9, 'school_costs'],
      ['hoe vraag ik leerlingenvervoer aan', 'none', 0.6, 'school_transport'],
      ['ik ben mijn stempas kwijt', 'none', 0.6, 'elections'],
      ['hoe stem ik per brief', 'none', 0.5, 'elections'],
      ['kan ik inspreken bij de gemeenteraad', 'none', 0.6, 'council'],
    ]);
    // Waste sorted apart is no divorce; how one's own school transport stands is the case question.
    expect(topicFor('ik doe mijn afval gescheiden', 'none', 0.6)).not.toBe('topic:divorce');
    expect(driver().sayParsed(parsed('hoe staat het met mijn aanvraag leerlingenvervoer', 'case_status', [], 0.98)).replies[0]!.trace.step).toBe('ask_number');
  });

  it('answers words written short or otherwise: "rekeningnr", "mijn id", "milieupark", a passport collected without an appointment', () => {
    expectTopics([
      ['ik heb een nieuw rekeningnr', 'change_details', 0.8, 'bank_account'],
      ['hoe verleng ik mijn id', 'none', 0.4, 'id_documents'],
      ['wanneer is het milieupark open', 'contact_hours', 0.9, 'waste'],
      ['kan ik mn paspoort ophalen zonder afspraak', 'contact_hours', 0.9, 'walk_in'],
      ["my neighbour's tree is hanging over my garden", 'none', 0.5, 'neighbours'],
      ["there's a rat problem in my street", 'none', 0.5, 'street_report'],
    ]);
    expect(topicFor('ik heb een goed idee voor de gemeente', 'none', 0.4)).toBeNull();
  });

  it('found by the second review: birds are no VOG, a status that names its own application of another body, a broken scooter is no aid returned', () => {
    expect(topicFor('ik heb veel last van de vogels op mijn balkon', 'none', 0.4)).not.toBe('topic:vog');
    expect(driver().sayParsed(parsed('hoe staat het met mijn melding over de vogels', 'case_status', [], 0.95)).replies[0]!.trace.step).toBe('ask_number');
    // "aanvraag" is ours, unless it is the application of the other body's topic named right before it.
    for (const msg of ['hoe staat het met mijn aanvraag nu mijn ww stopt', 'hoe staat het met mijn aanvraag voor een uitkering, want mijn huurtoeslag is gestopt', "what's the status of my application? I also get housing benefit"]) {
      expect({ msg, step: driver().sayParsed(parsed(msg, 'case_status', [], 0.95)).replies[0]!.trace.step }).toEqual({ msg, step: 'ask_number' });
    }
    expectTopics([
      ['hoe staat het met mijn vog aanvraag', 'case_status', 0.98, 'vog'],
      ['what is the status of my VOG application', 'case_status', 0.98, 'vog'],
      ['hoe staat het met mijn VOG-aanvraag', 'case_status', 0.98, 'vog'],
      ['waar vraag ik VOG aan', 'none', 0.5, 'vog'],
      ['hoe krijg ik een scootmobiel?', 'none', 0.5, 'wmo'],
      ['the municipality wants the energy allowance back', 'payment', 0.9, 'energy_repayment'],
    ]);
    expect(topicFor('mijn scootmobiel is kapot, kunnen jullie hem ophalen voor reparatie?', 'none', 0.5)).not.toBe('topic:wmo_return');
    // The stillborn answer: the birth is registered where the baby was born; the register entry when the parents are ready.
    expect(driver().sayParsed(parsed('ons kindje is dood geboren, hoe moet ik de geboorte melden?', 'documents', [], 0.5)).text).toMatch(/Was u 24 weken of langer zwanger\? Dan wordt de geboorte\s+aangegeven bij de gemeente waar uw kindje is geboren/);
  });

  it('reads whose application it is also from the words right after "aanvraag" ("de aanvraag van mijn vog")', () => {
    expectTopics([
      ['hoe staat het met de aanvraag van mijn vog', 'case_status', 0.98, 'vog'],
      ['what is the status of my application for a VOG', 'case_status', 0.98, 'vog'],
      ['hoe staat het met de aanvraag van mijn huurtoeslag', 'case_status', 0.98, 'allowances'],
    ]);
    // Our own applications stay the case question.
    for (const msg of ['hoe staat het met de aanvraag van mijn bijstand', 'hoe zit het met de aanvraag voor mijn parkeervergunning', 'hoe staat het met de aanvraag van mijn vog en mijn bijstand']) {
      expect({ msg, step: driver().sayParsed(parsed(msg, 'case_status', [], 0.95)).replies[0]!.trace.step }).toEqual({ msg, step: 'ask_number' });
    }
  });

  it('answers a carer and free legal advice, also when the classifier took the latter for where we are', () => {
    expectTopics([
      ['hoe word ik mantelzorger', 'none', 0.6, 'carer'],
      ['kan ik een mantelzorgcompliment krijgen', 'none', 0.6, 'carer'],
      ['I care for my mum, is there any support for carers?', 'none', 0.5, 'carer'],
      ['where can I get free legal advice', 'contact_hours', 0.65, 'legal_advice'],
      ['waar kan ik juridisch advies krijgen', 'none', 0.6, 'legal_advice'],
      ['ik heb een advocaat nodig maar geen geld', 'none', 0.64, 'legal_advice'],
    ]);
    expect(driver().sayParsed(parsed('waar kan ik juridisch advies krijgen', 'none', [], 0.6)).text).toMatch(/Juridisch Loket: www\.juridischloket\.nl of bel 0900 8020/);
  });

  it('answers paying back the energy allowance with when it is claimed back, not with how to get it', () => {
    const back = driver().sayParsed(parsed('moet ik de energietoeslag terugbetalen?', 'payment'));
    expect(topicOf(back)).toBe('topic:energy_repayment');
    expect(back.text).toMatch(/Had u geen recht op de energietoeslag\?.*Kreeg u geen brief\? Dan hoeft u nu niets te doen/);
    expect(topicFor('de gemeente wil de energietoeslag terug', 'payment')).toBe('topic:energy_repayment');
    expect(topicFor('do I have to pay back the energy allowance?', 'payment')).toBe('topic:energy_repayment');
    // Read unsurely: still that answer.
    const unsure = driver().sayParsed(parsed('energietoeslag terugbetalen???', 'none', [], 0.2));
    expect(topicOf(unsure)).toBe('topic:energy_repayment');
    // The energy bill is the supplier's, and the allowance itself is the energy answer.
    expect(topicFor('kan ik de energierekening terugbetalen in termijnen?', 'payment')).toBe('topic:energy');
    expect(topicFor('wanneer wordt de energietoeslag betaald?', 'payment')).toBe('topic:energy');
    expect(topicFor('ik moet geld terugbetalen', 'payment')).toBe('topic:repayment');
  });

  it('says a passport is not paid in instalments when asked right after its fees, not the payment plan for bills', () => {
    for (const [first, then, lang] of [
      ['wat kost een paspoort?', 'kan dat in termijnen?', 'none'],
      ['wat kost een rijbewijs?', 'kan ik dat in termijnen betalen?', 'payment'],
      ['what does a passport cost?', 'can I pay in instalments?', 'payment'],
    ] as const) {
      const d = driver();
      d.sayParsed(parsed(first, 'payment'));
      const r = d.sayParsed(parsed(then, lang, [], lang === 'none' ? 0.3 : 0.8));
      expect(r.text, then).toMatch(/In termijnen betalen kan voor deze documenten niet|You cannot pay for these documents in instalments/);
      expect(r.text, then).not.toMatch(/betalingsregeling|payment plan/);
    }
    // A fine named in the question is a bill of ours: the payment plan.
    const fine = driver();
    fine.sayParsed(parsed('wat kost een paspoort', 'payment'));
    expect(topicOf(fine.sayParsed(parsed('ik moet mijn boete nog betalen, kan dat in termijnen?', 'payment')))).toBe('topic:instalments');
  });

  it('quotes the sentence on a payment plan after the answer on how to pay, not the whole answer on instalments', () => {
    const d = driver();
    d.sayParsed(parsed('hoe betaal ik de boete', 'payment'));
    const r = d.sayParsed(parsed('kan dat ook in termijnen?', 'payment'));
    expect(r.replies[0]!.trace.step).toBe('how_in_answer');
    expect(r.text).toMatch(/Vraag dan een betalingsregeling aan/);
  });

  it('answers a question on the municipality\'s own taxes with instalments, remission and objecting', () => {
    const taxes = driver().sayParsed(parsed('kan ik de gemeentelijke belastingen in termijnen betalen', 'payment'));
    expect(topicOf(taxes)).toBe('topic:taxes');
    expect(taxes.text).toMatch(/in termijnen.*kwijtschelding.*binnen 6 weken bezwaar/);
    // Remission itself: the narrower answer that starts with it.
    expect(topicFor('kan ik kwijtschelding krijgen voor de gemeentelijke belastingen', 'payment')).toBe('topic:remission');
    // A payment plan for a tax is about the tax.
    expect(topicFor('aanslag gemeentebelasting ontvangen, kan ik een betalingsregeling krijgen', 'payment')).toBe('topic:taxes');
    // Named in a message no intent was sure of, it still answers.
    expect(topicFor('ozb in termijnen?', 'none')).toBe('topic:taxes');
  });

  it('answers "how much if I move in together" with the answer on reporting the change (same_as)', () => {
    const r = driver().sayParsed(parsed('hoeveel bijstand krijg ik als ik ga samenwonen', 'payment'));
    expect({ dialog: r.replies[0]!.trace.dialog, topic: topicOf(r) }).toEqual({ dialog: 'payment', topic: 'topic:circumstances' });
    expect(r.text).toMatch(/^Verandert er iets in uw werk, inkomen of gezin\?/);
    // The thing named wins over the change: a toeslag is reported elsewhere, and that answer says so.
    expect(topicFor('krijg ik nog zorgtoeslag als ik ga samenwonen', 'payment')).toBe('topic:allowances');
    // "die is gestopt" after the answer on huurtoeslag: why it stopped is in Mijn toeslagen, not the letter on a benefit of ours.
    const rent = driver();
    rent.sayParsed(parsed('het gaat over mijn huurtoeslag', 'payment'));
    const stopped = rent.sayParsed(parsed('die is gestopt', 'none', [], 0.53));
    expect({ step: stopped.replies[0]!.trace.step, text: stopped.text }).toEqual({ step: 'named_in_answer', text: expect.stringMatching(/^In mijn antwoord staat: Waarom uw toeslag gestopt of lager is, staat ook in Mijn toeslagen op www\.toeslagen\.nl\./) });
  });

  it('offers a person when the money has still not come, right after the payment answer', () => {
    const d = driver();
    d.sayParsed(parsed('mijn uitkering is te laat', 'payment'));
    const r = d.sayParsed(parsed('tis al de 3e en nog niks', 'case_status'));
    expect(r.replies[0]!.trace).toMatchObject({ dialog: 'payment', step: 'not_paid' });
    expect(d.state.pending).toBe('person_offer');
    expect(d.state.active).toBeNull();
    expect(d.sayParsed(parsed('ja', 'none')).effects.map((e) => e.type)).toEqual(['handoff']);
    // Only the date said: "het is al de 5e", "is al 3 dec", "it's the 5th already".
    for (const [said, lang] of [['het is al de 5e', 'nl'], ['is al 3 dec', 'nl'], ["it's the 5th already", 'en']] as const) {
      const date = driver();
      date.sayParsed({ ...parsed('mijn uitkering is te laat', 'payment'), lang });
      expect({ said, step: date.sayParsed({ ...parsed(said, 'none', [], 0.56), lang }).replies[0]!.trace.step }).toEqual({ said, step: 'not_paid' });
    }
    // "why so late this month?" is about the citizen's money, not about where the answer came from.
    const late = driver();
    late.sayParsed({ ...parsed('i need to know when my benefit is paid', 'payment'), lang: 'en' });
    expect(late.sayParsed({ ...parsed('why so late this month', 'none', [], 0.4), lang: 'en' }).replies[0]!.trace).toMatchObject({ dialog: 'payment', step: 'not_paid' });
    // "Ik heb al gekeken, mijn rekeningnummer klopt": the check the answer asks for is done.
    for (const [said, intent] of [['ik heb al gekeken mijn rekeningnummer klopt', 'change_details'], ['rekeningnummer is goed', 'none'], ['ja mijn rekening klopt', 'change_details'], ['I already checked, my account number is correct', 'change_details']] as const) {
      const checked = driver();
      checked.sayParsed(parsed('mijn uitkering is niet betaald', 'payment'));
      const r2 = checked.sayParsed(parsed(said, intent));
      expect({ said, step: r2.replies[0]!.trace.step, pending: checked.state.pending }).toEqual({ said, step: 'checked', pending: 'person_offer' });
      expect(r2.text).toMatch(/^(Dank u voor het nakijken\. .*Zal ik een medewerker vragen\?|Thank you for checking\. .*Shall I ask a staff member\?)/);
    }
    // A wrong account is no check done: "mijn rekening klopt niet" changes it.
    for (const said of ['mijn rekening klopt niet', 'mijn rekeningnummer klopt niet meer']) {
      const wrong = driver();
      wrong.sayParsed(parsed('mijn uitkering is niet betaald', 'payment'));
      expect({ said, step: wrong.sayParsed(parsed(said, 'change_details')).replies[0]!.trace.step }).not.toEqual({ said, step: 'checked' });
    }
    // Not after another answer: "nog niks" about a case is the case question.
    const other = driver();
    other.sayParsed(parsed('wat zijn de openingstijden', 'contact_hours'));
    expect(other.sayParsed(parsed('ik heb nog niks gehoord over mijn aanvraag', 'case_status')).replies[0]!.trace.dialog).toBe('case_status');
    // After a status that names the first payment: that date, then the same offer; not the status again.
    const status = driver();
    status.sayParsed(parsed('x', 'case_status', [nr('Z-2026-000456'), pc('5678 CD'), bd('1992-07-01')]));
    const none = status.sayParsed(parsed('maar het is 3 december en ik heb nog niks', 'case_status', [], 0.46));
    expect({ step: none.replies[0]!.trace.step, text: none.text, pending: status.state.pending }).toEqual({
      step: 'not_paid', text: expect.stringMatching(/^In uw zaak Z-2026-000456 staat: Eerste betaling op 1 december 2026\. Is uw geld er nog niet/), pending: 'person_offer',
    });
    expect(none.replies[0]!.trace.sources).toContainEqual(expect.objectContaining({ kind: 'case', ref: 'Z-2026-000456' }));
    // Said in other words: "mijn uitkering is er nog niet", "nog niet ontvangen".
    for (const said of ['mijn uitkering is er nog niet', 'nog niet ontvangen']) {
      const money = driver();
      money.sayParsed(parsed('x', 'case_status', [nr('Z-2026-000456'), pc('5678 CD'), bd('1992-07-01')]));
      expect({ said, step: money.sayParsed(parsed(said, 'none', [], 0.5)).replies[0]!.trace.step }).toEqual({ said, step: 'not_paid' });
    }
    // Not what is no money: the letter, the decision, understanding it, a wait of months.
    for (const said of ['ik snap het nog niet', 'ik heb de brief nog niet gekregen', 'ik heb nog geen besluit gezien', 'ik wacht al 2 maanden op antwoord']) {
      const other = driver();
      other.sayParsed(parsed('x', 'case_status', [nr('Z-2026-000456'), pc('5678 CD'), bd('1992-07-01')]));
      expect({ said, step: other.sayParsed(parsed(said, 'none', [], 0.5)).replies[0]!.trace.step }).not.toEqual({ said, step: 'not_paid' });
    }
    // A status without a payment in it: "nog niks" stays the case question.
    const permit = driver();
    permit.sayParsed(parsed('x', 'case_status', [nr('Z-2026-000124'), pc('1234 AB'), bd('1980-03-15')]));
    expect(permit.sayParsed(parsed('ik heb nog niks gehoord', 'case_status', [], 0.46)).replies[0]!.trace.step).not.toBe('not_paid');
  });

  it('answers a benefit that stopped with where it says why, objecting and help now; not someone who stopped working', () => {
    expect(topicFor('mn bijstand is gestopt waarom', 'payment')).toBe('topic:stopped');
    expect(topicFor('they stopped paying my benefit', 'payment')).toBe('topic:stopped');
    expect(topicFor('mijn aow is gestopt', 'payment')).toBe('topic:svb');
    expect(topicFor('ik ben gestopt met werken, krijg ik nu meer bijstand', 'payment')).toBeNull();
    expect(topicFor('my electricity gets cut off, when is the money paid', 'payment')).toBeNull();
  });

  it('answers someone who lost their job with WW first and how to apply; asking for bijstand alone gets the bijstand first', () => {
    const lost = driver().sayParsed(parsed('ik ben mijn baan kwijt, wat moet ik doen', 'none'));
    expect({ dialog: lost.replies[0]!.trace.dialog, topic: topicOf(lost) }).toEqual({ dialog: 'payment', topic: 'topic:apply' });
    expect(lost.text).toMatch(/WW-uitkering aan bij het UWV.*bijstand aanvragen.*www\.werk\.nl.*binnen 8 weken/s);
    expect(topicFor('I lost my job, what now', 'none')).toBe('topic:apply');
    // Read as the payment question, it is still about applying, not about when benefits are paid.
    expect(topicFor('ik ben werkloos geworden, kan ik bijstand krijgen', 'payment')).toBe('topic:apply');
    // The bijstand asked for, with no lost job named: the bijstand at the municipality first, WW only as the step before it after a lost job.
    for (const msg of ['hoe vraag ik bijstand aan', 'ik wil bijstand aanvragen']) {
      const asked = driver().sayParsed(parsed(msg, 'payment'));
      expect({ msg, topic: topicOf(asked), text: asked.text }).toEqual({ msg, topic: 'topic:social_assistance', text: expect.stringMatching(/^Heeft u te weinig geld om van te leven\? Dan kunt u bijstand aanvragen bij de gemeente\..*Bent u net uw baan kwijt\? Vraag dan eerst WW aan bij het UWV/s) });
    }
    expect(topicFor('I want to apply for social assistance', 'none', 0.3)).toBe('topic:social_assistance');
    // A benefit named wins over the kind of question: when the WW comes is UWV's answer.
    expect(topicFor('ik ben werkloos, wanneer komt mijn ww', 'payment')).toBe('topic:uwv');
    expect(topicFor('wanneer wordt de bijstand uitbetaald', 'payment')).toBeNull();
  });

  it('answers a newcomer\'s move from abroad with a first registration at the desk, not a move reported with DigiD (within)', () => {
    const r = driver().sayParsed(parsed('Hello, I just moved here from Poland, what do I need to register?', 'change_details'));
    expect(topicOf(r)).toBe('topic:from_abroad');
    expect(r.text).toMatch(/^Coming to live in the Netherlands\?.*desk.*BSN.*less than 4 months.*RNI desk/s);
    expect(topicFor('ik ben verhuisd naar de Dorpsstraat', 'change_details')).toBe('topic:address');
    expect(topicFor('ik kom uit het buitenland, hoe kan ik mij inschrijven bij de gemeente', 'change_details')).toBe('topic:from_abroad');
    // Named by the country it came from, with a word of moving (from_country, the same answer); a move within the country is not.
    for (const [said, lang, expected] of [['I moved to Amsterdam from Poland, how do I register?', 'en', /^Coming to live in the Netherlands\?/], ['ik ben net uit polen hierheen verhuisd, hoe schrijf ik me in?', 'nl', /^Komt u in Nederland wonen\?/], ['I moved from Utrecht to Amsterdam', 'en', /^You report a new address/]] as const) {
      expect({ said, text: driver().sayParsed({ ...parsed(said, 'change_details'), lang }).text }).toEqual({ said, text: expect.stringMatching(expected) });
    }
  });

  it('answers "hoeveel bijstand krijg ik?" with what it depends on, and a change in household with the change (within)', () => {
    const r = driver().sayParsed(parsed('hoeveel bijstand krijg ik per maand', 'payment'));
    expect(topicOf(r)).toBe('topic:amount');
    expect(r.text).toMatch(/hangt het bedrag af van uw leeftijd.*www\.voorbeeld\.nl\/bijstand/s);
    expect(topicFor('hoeveel bijstand krijg ik als ik ga samenwonen', 'payment')).toBe('topic:circumstances');
    expect(topicFor('hoeveel krijg ik van de zorgtoeslag', 'payment')).toBe('topic:allowances');
    // "hoeveel krijg ik?" without a benefit named: where one's own amount is, first.
    const own = driver().sayParsed(parsed('hoeveel krijg ik precies per maand', 'payment'));
    expect({ topic: topicOf(own), text: own.text }).toEqual({ topic: 'topic:amount', text: expect.stringMatching(/^Hoeveel u krijgt, staat in de brief met het besluit en in Mijn Voorbeeld/) });
  });

  it('points the way on topics of another office or team: neighbours, fireworks, graves, income tax, health insurance', () => {
    expect(topicFor('mijn buurman maakt elke nacht herrie, wat kan ik doen', 'none')).toBe('topic:neighbours');
    expect(topicFor('my neighbour blasts music every night', 'none')).toBe('topic:neighbours');
    expect(topicFor('mag ik vuurwerk afsteken op oudejaarsavond', 'none')).toBe('topic:fireworks');
    expect(topicFor('hoe verleng ik het grafrecht van mijn opa', 'none')).toBe('topic:burial');
    expect(topicFor('wat kost een graf', 'payment')).toBe('topic:burial');
    expect(topicFor('er staat graffiti op de muur', 'none')).toBe('topic:street_report');
    expect(topicFor('kunt u mijn aangifte inkomstenbelasting invullen', 'none')).toBe('topic:national_tax');
    expect(topicFor('kan ik bij jullie mijn zorgverzekering opzeggen', 'none')).toBe('topic:health_insurance');
    expect(topicFor('where can I dump an old sofa', 'none')).toBe('topic:waste');
    // The pass for the container: its own answer, also read as another intent ("waar krijg ik" leans to payment),
    // where the narrower case wins over the waste it is within as it does for an unsure message.
    for (const [msg, intent] of [['waar krijg ik een afvalpas', 'payment'], ['ik ben mijn milieupas kwijt', 'none'], ['I lost my card for the container', 'none'], ['hoe krijg ik een pasje voor de container', 'none']] as const) {
      expect({ msg, topic: topicFor(msg, intent, 0.6) }).toEqual({ msg, topic: 'topic:waste_pass' });
    }
    expect(driver().sayParsed(parsed('waar krijg ik een afvalpas', 'payment', [], 0.8)).text).toMatch(/^Met de afvalpas \(milieupas\) opent u de ondergrondse container.*www\.voorbeeld\.nl\/afvalpas/);
    const noise = driver().sayParsed(parsed('de buren maken herrie', 'none'));
    expect(noise.text).toMatch(/Buurtbemiddeling.*0900-8844.*112/s);
    // Named in passing, or a word of another meaning: not that topic.
    expect(topicFor('die belastingaangifte wordt nog eens mijn dood, tot wanneer kan ik mijn inkomen voor de bbz doorgeven', 'none')).not.toBe('topic:national_tax');
    expect(topicFor('nieuw rekening nummer graag veranderen, oude bank is dicht', 'change_details')).not.toBe('topic:waste');
  });

  it('answers a passport question with the passport answer, and "wat kost dat?" after it with the passport fees', () => {
    const d = driver();
    const docs = d.sayParsed(parsed('wat heb ik nodig voor een paspoort', 'documents'));
    expect({ dialog: docs.replies[0]!.trace.dialog, topic: topicOf(docs) }).toEqual({ dialog: 'documents', topic: 'topic:id_documents' });
    expect(docs.text).toContain('pasfoto');
    const cost = d.sayParsed(parsed('wat kost dat', 'payment'));
    expect({ dialog: cost.replies[0]!.trace.dialog, topic: topicOf(cost) }).toEqual({ dialog: 'payment', topic: 'topic:id_documents' });
    expect(cost.text).toContain('www.voorbeeld.nl/leges');
    expect(d.sayParsed(parsed('waarom?', 'none')).text).toContain('legesverordening');
    // "een nieuwe" is the thing just answered too.
    const renew = driver();
    renew.sayParsed(parsed('ik ben mijn paspoort kwijt', 'none'));
    expect(topicOf(renew.sayParsed(parsed('wat kost een nieuwe', 'payment')))).toBe('topic:id_documents');
    // What to bring to it, too: that answer's sentence on what to bring, not the whole answer again.
    const bring = driver();
    bring.sayParsed(parsed('mijn paspoort verloopt volgende maand, wat moet ik doen', 'none'));
    expect(bring.sayParsed(parsed('moet ik een foto meenemen', 'documents')).text).toMatch(/^In mijn antwoord staat: Neem mee: een goede pasfoto/);
    const lostEn = driver();
    lostEn.sayParsed(parsed('I lost my passport', 'none'));
    expect(topicOf(lostEn.sayParsed(parsed('how much is a new one?', 'payment')))).toBe('topic:id_documents');
    // "moet zij zelf ook mee?" after the ID card for a daughter: the sentence of that answer that says so, not the
    // whole answer again with a person offered. The topic is a child's ID card, whose answer says the child comes along.
    const child = driver();
    const forChild = child.sayParsed(parsed('ik wil een nieuwe ID-kaart aanvragen voor mijn dochter van 8. Wat moet ik meenemen?', 'documents'));
    expect(forChild.text).toContain('Uw kind komt zelf mee');
    const again = child.sayParsed(parsed('moet zij zelf ook mee?', 'documents'));
    expect({ text: again.text, steps: again.replies.map((r) => r.trace.step) }).toEqual({ text: expect.stringMatching(/^In mijn antwoord staat: Uw kind komt zelf mee, ook een baby\./), steps: ['how_in_answer'] });
    expect(topicFor('wat kost een uittreksel', 'payment')).toBe('topic:brp_extract');
    // "en een paspoort?" the classifier cannot place, right after the fees of a driving licence: the fees again.
    const fees = driver();
    fees.sayParsed(parsed('wat kost een rijbewijs', 'payment'));
    const next = fees.sayParsed(parsed('en een paspoort?', 'none'));
    expect({ dialog: next.replies[0]!.trace.dialog, topic: topicOf(next) }).toEqual({ dialog: 'payment', topic: 'topic:id_documents' });
    // A message of its own after the fees is not that question again.
    const lost = driver();
    lost.sayParsed(parsed('wat kost een rijbewijs', 'payment'));
    expect(lost.sayParsed(parsed('ik ben mijn rijbewijs kwijt', 'none')).replies[0]!.trace.dialog).toBe('documents');
  });

  it('keeps the intent\'s own answer when the topic is not named nor referred back to', () => {
    const d = driver();
    d.sayParsed(parsed('wanneer krijg ik mijn uitkering', 'payment'));
    // No thing named: what costs what in general (a benefit costs nothing to apply for), not a topic.
    const cost = d.sayParsed(parsed('wat kost dat', 'payment'));
    expect(topicOf(cost)).toBe('topic:costs');
    const after = driver();
    after.sayParsed(parsed('wat heb ik nodig voor een paspoort', 'documents'));
    // A long message that names the topic in passing asks something else.
    const story = 'Geachte heer, mevrouw, ik heb een brief gekregen over mijn aanvraag bijzondere bijstand. Daarin staat dat ik een kopie van mijn paspoort moet sturen en ook mijn bankafschriften van drie maanden. Welke papieren moet ik nog meer sturen voor de bijstand?';
    expect(topicOf(driver().sayParsed(parsed(story, 'documents')))).toBeNull();
    expect(topicOf(driver().sayParsed(parsed(`${story} En moet het paspoort ook?`, 'documents')))).toBe('topic:id_documents');
    // A longer message that names no topic is a question of its own.
    expect(topicOf(after.sayParsed(parsed('wanneer wordt de bijstand van deze maand op mijn rekening gestort', 'payment')))).toBeNull();
  });

  it('answers a message it cannot place, or is unsure is the case question, when it names a topic; a sure case question stays one', () => {
    const lost = driver().sayParsed(parsed('ik ben mijn rijbewijs kwijt', 'none', [], 0.6));
    expect({ dialog: lost.replies[0]!.trace.dialog, topic: topicOf(lost), intent: lost.replies[0]!.trace.intent }).toEqual({ dialog: 'documents', topic: 'topic:licence', intent: 'none' });
    expect(driver().sayParsed(parsed('mijn hond is weggelopen', 'none')).replies[0]!.trace.step).toBe('fallback');
    // Close to payment and naming the topic: the fees, not "gaat uw vraag over een betaling?" nor how to apply.
    const fees = driver().sayParsed({ ...parsed('wat kost een nieuw rijbewijs', 'none', [], 1), suggestion: { name: 'payment', confidence: 0.28 } });
    expect({ dialog: fees.replies[0]!.trace.dialog, topic: topicOf(fees) }).toEqual({ dialog: 'payment', topic: 'topic:licence' });
    expect(topicOf(driver().sayParsed(parsed('mijn id kaart is verlopen', 'case_status', [], 0.51)))).toBe('topic:id_documents');
    // When a passport is ready has no case number to look up: when such documents are ready (talking to the demo).
    expect(topicOf(driver().sayParsed(parsed('is mn paspoort al klaar', 'case_status', [], 0.95)))).toBe('topic:id_ready');
  });

  it('points the way on topics without an intent (variants of none), and answers "wat kost dat?" on them', () => {
    const d = driver();
    const waste = d.sayParsed(parsed('waar kan ik mijn grofvuil kwijt', 'none'));
    expect({ dialog: waste.replies[0]!.trace.dialog, step: waste.replies[0]!.trace.step, topic: topicOf(waste) }).toEqual({ dialog: 'none', step: 'answer', topic: 'topic:waste' });
    expect(waste.text).toContain('www.voorbeeld.nl/afval');
    expect(d.state.fallbacks).toBe(0);
    for (const [text, topic] of [['onze hond is overleden, hoe stop ik de hondenbelasting', 'topic:dog_tax'], ['lantaarnpaal kapot bij de speeltuin', 'topic:street_report'], ['ik mot een uittreksel hebbe van de gemeente waar haal ik die', 'topic:brp_extract'], ['ik ben kapot van het werk', null], ['help!!! ik kan mn DigiD wachtwoord nergens vinden', 'topic:digid'], ['waar kan ik mijn kerstboom kwijt', 'topic:waste'], ['theres a tree down across the cycle path', 'topic:street_report'], ['er ligt een dode rat op de stoep', 'topic:street_report'], ['mag ik zonder vergunning een schutting van 2 meter zetten', 'topic:permit_needed'], ['hebben we daar een vergunning voor nodig', 'topic:permit_needed'], ['ik heb een boete gekregen voor parkeren maar ik had een vergunning', 'topic:parking_fine'], ['€100 parking fine while I have a resident permit', 'topic:parking_fine']] as const) {
      expect({ text, topic: topicOf(driver().sayParsed(parsed(text, 'none'))) }).toEqual({ text, topic });
    }
    // Whether a permit is needed, also read as the documents question; a permit's status is not that.
    expect(topicOf(driver().sayParsed(parsed('do i need a permit for a 2 metre fence', 'documents')))).toBe('topic:permit_needed');
    expect(topicOf(driver().sayParsed(parsed('welke papieren heb ik nodig voor mijn vergunning', 'documents')))).toBeNull();
    const permit = driver();
    expect(topicOf(permit.sayParsed(parsed('ik wil een parkeervergunning aanvragen', 'none')))).toBe('topic:parking');
    expect(topicOf(permit.sayParsed(parsed('wat kost dat', 'payment')))).toBe('topic:parking');
  });

  it('answers "hoe lang duurt dat?" after the objection answer from the objection, not as the case question', () => {
    const d = driver();
    d.sayParsed(parsed('ik wil bezwaar maken', 'objection'));
    const time = d.sayParsed(parsed('hoe lang duurt dat', 'case_status', [], 0.9));
    expect({ dialog: time.replies[0]!.trace.dialog, topic: topicOf(time), active: d.state.active }).toEqual({ dialog: 'objection', topic: 'topic:objection_time', active: null });
    expect(d.sayParsed(parsed('waarom?', 'none')).text).toContain('artikel 7:10');
    // About the citizen's own objection: the case question. Not naming the variant: no variant.
    const own = driver();
    own.sayParsed(parsed('ik wil bezwaar maken', 'objection'));
    own.sayParsed(parsed('hoe lang duurt het nog met mijn bezwaar', 'case_status', [], 0.9));
    expect(own.state.active?.step).toBe('ask_number');
    const period = driver();
    period.sayParsed(parsed('ik wil bezwaar maken', 'objection'));
    const have = period.sayParsed(parsed('hoe lang heb ik', 'none'));
    expect({ step: have.replies[0]!.trace.step, text: have.text }).toEqual({ step: 'time_in_answer', text: expect.stringContaining('binnen 6 weken na de datum van de brief') });
    // A term asked without "hoe lang": "moet dat binnen een bepaalde tijd?", "is there a deadline?"
    for (const [question, lang] of [['moet dat binnen een bepaalde tijd', 'nl'], ['is er een termijn?', 'nl'], ['is there a deadline?', 'en']] as const) {
      const moved = createDriver(ctx, { parse: (t) => ({ ...parsed(t, 'none'), lang }) });
      moved.sayParsed({ ...parsed(lang === 'nl' ? 'ik ben verhuisd' : 'I moved house', 'change_details'), lang });
      const term = moved.sayParsed({ ...parsed(question, 'none'), lang });
      expect({ question, step: term.replies[0]!.trace.step }).toEqual({ question, step: 'time_in_answer' });
      expect(term.text).toMatch(/binnen 5 dagen|within 5 days/);
    }
    // After the fees of a passport, which name no time: the time of the passport answer itself.
    const fees = createDriver(ctx, { parse: (t) => ({ ...parsed(t, 'none'), lang: 'en' }) });
    fees.sayParsed({ ...parsed('I lost my passport', 'none'), lang: 'en' });
    fees.sayParsed({ ...parsed('how much does a new one cost', 'payment'), lang: 'en' });
    const took = fees.sayParsed({ ...parsed('and how long does it take', 'none'), lang: 'en' });
    expect({ step: took.replies[0]!.trace.step, text: took.text }).toEqual({ step: 'time_in_answer', text: expect.stringContaining('about 5 working days later') });
    // How or where to do it: "can I do it by email?" after the objection answer, whatever intent the e-mail suggested.
    const how = createDriver(ctx, { parse: (t) => ({ ...parsed(t, 'none'), lang: 'en' }) });
    how.sayParsed({ ...parsed('how do i object to a decision', 'objection'), lang: 'en' });
    const mail = how.sayParsed({ ...parsed('can i do it by email', 'contact_hours'), lang: 'en' });
    expect({ step: mail.replies[0]!.trace.step, text: mail.text }).toEqual({ step: 'how_in_answer', text: expect.stringMatching(/^My answer says: .*www\.voorbeeld\.nl\/bezwaar/) });
    // Whether to report it, after an answer that says so: that sentence, not the answer again and the offer of a person.
    const report = driver();
    report.sayParsed(parsed('ik ga samenwonen met mijn vriend, wat betekent dat voor mijn uitkering?', 'change_details'));
    const must = report.sayParsed(parsed('moet ik dat doorgeven', 'change_details'));
    expect({ step: must.replies[0]!.trace.step, text: must.text, pending: report.state.pending }).toEqual({ step: 'how_in_answer', text: expect.stringMatching(/^In mijn antwoord staat: Geef het meteen door in Mijn Voorbeeld/), pending: null });
    const online = driver();
    online.sayParsed(parsed('ik wil bezwaar maken', 'objection'));
    expect(online.sayParsed(parsed('kan dat ook online?', 'none')).replies[0]!.trace.step).toBe('how_in_answer');
    // How, after a variant that says nothing on how (how long an objection takes): the intent's own answer.
    const objectionTime = driver();
    objectionTime.sayParsed({ ...parsed('how do i object to a decision', 'objection'), lang: 'en' });
    objectionTime.sayParsed({ ...parsed('how long does that take', 'objection'), lang: 'en' });
    expect(objectionTime.sayParsed({ ...parsed('can i send it by email', 'documents', [], 0.9), lang: 'en' }).text).toMatch(/^My answer says: .*www\.voorbeeld\.nl\/bezwaar/);
    // Whether an appointment is needed, what to bring: the answer's own sentence, also from the same
    // topic's answer elsewhere (after the passport fees, the passport answer), without a word pointing back;
    // that one not as "In mijn antwoord staat", since the citizen was not shown it (quote-honest.test.ts).
    const passport = driver();
    passport.sayParsed(parsed('ik moet een paspoort aanvragen wat kost dat', 'payment'));
    const appointment = passport.sayParsed(parsed('moet ik een afspraak maken', 'contact_hours', [], 0.9));
    expect({ step: appointment.replies[0]!.trace.step, text: appointment.text }).toEqual({ step: 'how_in_answer', text: expect.stringMatching(/^Maak eerst een afspraak via www\.voorbeeld\.nl of bel 14 0123\. Wilt/) });
    expect(passport.sayParsed(parsed('wat moet ik meenemen', 'documents', [], 0.9)).text).toMatch(/^Neem mee: een goede pasfoto/);
    const card = driver();
    card.sayParsed({ ...parsed('how do I apply for an id card', 'documents'), lang: 'en' });
    expect(card.sayParsed({ ...parsed('do i need an appointment', 'contact_hours', [], 0.9), lang: 'en' }).text).toMatch(/^My answer says: First make an appointment on www\.voorbeeld\.nl or call 14 0123\. Want/);
    // How to apply, after an answer that says where: those sentences.
    const job = driver();
    job.sayParsed(parsed('ik ben mijn baan kwijt wat nu', 'payment'));
    // ("Vraag dan eerst …" comes with the question it answers: "Bent u uw werk kwijt?")
    expect(job.sayParsed(parsed('hoe vraag ik dat aan', 'none', [], 0.3)).text).toMatch(/^In mijn antwoord staat: Bent u uw werk kwijt\? Vraag dan eerst een WW-uitkering aan bij het UWV, op www\.uwv\.nl\. Vraag daarna de bijstand aan op www\.voorbeeld\.nl\/bijstand\./);
    // How long it stays valid is no time to wait: not the delivery time.
    const extract = driver();
    extract.sayParsed(parsed('ik wil een uittreksel', 'documents'));
    expect(extract.sayParsed(parsed('hoe lang is het geldig', 'none', [], 0.3)).replies[0]!.trace.step).not.toBe('time_in_answer');
    expect(extract.sayParsed(parsed('hoe lang duurt het', 'none', [], 0.3)).replies[0]!.trace.step).toBe('time_in_answer');
    // An answer that says nothing about it: not a sentence of it. After the move that is the move's own answer on coming in
    // (online needs no appointment), not how to make one (fq).
    const moving = driver();
    moving.sayParsed(parsed('ik ga verhuizen', 'change_details'));
    const moveAppointment = moving.sayParsed(parsed('moet ik een afspraak maken', 'contact_hours', [], 0.9));
    expect({ dialog: moveAppointment.replies[0]!.trace.dialog, step: moveAppointment.replies[0]!.trace.step, text: moveAppointment.text }).toEqual({ dialog: 'change_details', step: 'answer', text: expect.stringMatching(/^Nee, u hoeft niet zelf te komen\./) });
    // "wat kan ik doen?" right after an answer asks about it, not what the assistant can do.
    const rejected = driver();
    rejected.sayParsed(parsed('mijn aanvraag is afgewezen', 'objection'));
    expect(rejected.sayParsed(parsed('wat kan ik doen', 'none')).replies[0]!.trace.step).not.toBe('capabilities');
    expect(driver().sayParsed(parsed('wat kan ik hier doen', 'none')).replies[0]!.trace.step).toBe('capabilities');
  });

  it('answers "binnen hoeveel tijd?", "hoe?", "kan dat per post?" and "wat moet ik erin zetten?" right after an answer from its own sentences', () => {
    const d = driver();
    d.sayParsed(parsed('ik moet een bezwaar maken tegen een besluit hoe doe ik dat', 'objection'));
    // The classifier takes "binnen hoeveel tijd" for a payment question (0.75): it is about the objection.
    const time = d.sayParsed(parsed('binnen hoeveel tijd', 'payment', [], 0.75));
    expect({ step: time.replies[0]!.trace.step, text: time.text }).toEqual({ step: 'time_in_answer', text: expect.stringMatching(/^In mijn antwoord staat: Doe dat binnen 6 weken na de datum van de brief\. Wilt/) });
    // The date of the letter is no way to send it, and the reply ends with the phone number anyway.
    const post = d.sayParsed(parsed('kan dat ook per post', 'change_details', [], 0.56));
    expect(post.text).toMatch(/^In mijn antwoord staat: U kunt dat doen via www\.voorbeeld\.nl\/bezwaar of met een brief aan Gemeente Voorbeeld, Voorbeeldplein 1, 1234 AA Voorbeeld\. Wilt/);
    expect(d.sayParsed(parsed('wat moet ik erin zetten', 'none')).text).toMatch(/^In mijn antwoord staat: Schrijf erin over welk besluit het gaat/);
    // "hoe?" after the answer on reporting a change: how, in one sentence.
    const how = driver();
    how.sayParsed(parsed('hey ik ben bij me ouders ingetrokken moet ik dat doorgeven', 'change_details'));
    const said = how.sayParsed(parsed('hoe', 'none', [], 0.55));
    expect({ step: said.replies[0]!.trace.step, text: said.text }).toEqual({ step: 'how_in_answer', text: expect.stringMatching(/^In mijn antwoord staat: Geef het meteen door in Mijn Voorbeeld op www\.voorbeeld\.nl, met uw DigiD\. Wilt/) });
    // What happens if one does not: the answer on that, with the law it rests on.
    const not = how.sayParsed(parsed('en als ik dat niet doe', 'none'));
    expect({ topic: topicOf(not), text: not.text }).toEqual({ topic: 'topic:not_reporting', text: expect.stringMatching(/terugbetalen\. U kunt ook een boete krijgen/) });
    expect(how.sayParsed(parsed('waarom?', 'none')).text).toMatch(/artikel 58 van de Participatiewet/);
    // "wanneer?" after the answer on reporting a change: "meteen"; "hoe stuur ik het op?" after the papers: how, not where to read which.
    const when = driver();
    when.sayParsed(parsed('mijn vriend en ik gaan samenwonen. hij heeft een baan. wat betekent dat voor mijn uitkering?', 'change_details'));
    expect(when.sayParsed(parsed('moet ik dat doorgeven', 'change_details')).text).toMatch(/^In mijn antwoord staat: Geef het meteen door in Mijn Voorbeeld op www\.voorbeeld\.nl, met uw DigiD\. Wilt/);
    expect(when.sayParsed(parsed('wanneer', 'case_status', [], 0.7)).text).toMatch(/^In mijn antwoord staat: Geef het meteen door/);
    const from = driver();
    from.sayParsed(parsed('ik wil mijn uitkering stoppen want ik heb werk gevonden', 'change_details'));
    expect(from.sayParsed(parsed('per wanneer', 'payment', [], 0.7)).text).toMatch(/^In mijn antwoord staat: Geef het meteen door/);
    const papers = driver();
    papers.sayParsed(parsed('ik heb een brief gekregen dat ik informatie moet opsturen', 'documents'));
    expect(papers.sayParsed(parsed('hoe stuur ik het op', 'none')).text).toMatch(/^In mijn antwoord staat: U kunt papieren uploaden via Mijn Voorbeeld/);
    // "En als het er niet is?" after the payment answer: its own question on that and what to do; in English too.
    for (const [said, lang, expected] of [['en als het er niet is', 'nl', /^In mijn antwoord staat: Is er niets betaald, of klopt het bedrag niet\? Kijk eerst of uw rekeningnummer goed is/], ['ok en als het niet komt', 'nl', /^In mijn antwoord staat: Is er niets betaald/], ["what if it doesn't come", 'en', /^My answer says: Nothing paid/], ["ok but what if it doesn't come", 'en', /^My answer says: Nothing paid, or is the amount wrong\? First check/]] as const) {
      const ifNot = driver();
      ifNot.sayParsed({ ...parsed('wanneer wordt de bijstand gestort', 'payment'), lang });
      expect({ said, text: ifNot.sayParsed({ ...parsed(said, 'none', [], 0.8), lang }).text }).toEqual({ said, text: expect.stringMatching(expected) });
    }
    // "Hoe lang duurt het?" after an answer that says where to read that ("Daar ziet u ook … hoe lang het duurt"): with that place.
    const permit = driver();
    permit.sayParsed(parsed('hoe vraag ik een parkeervergunning aan', 'none', [], 0.4));
    expect(permit.sayParsed(parsed('hoe lang duurt het', 'case_status', [], 0.76)).text).toMatch(/^In mijn antwoord staat: Een parkeervergunning vraagt u aan op www\.voorbeeld\.nl\/parkeren\. Daar ziet u ook wat het kost en hoe lang het duurt\. Wilt/);
    // So after the fees, whose answer has no such sentence: the permit's own answer says it, with its place
    // (not as "in my answer": that was the fees').
    const fees = driver();
    fees.sayParsed(parsed('wat kost een parkeervergunning', 'payment'));
    expect(fees.sayParsed(parsed('hoe lang duurt het', 'case_status', [], 0.76)).text).toMatch(/^Een parkeervergunning vraagt u aan op www\.voorbeeld\.nl\/parkeren\. Daar ziet u ook/);
    // A question the assistant cannot place that names a word of one sentence ("moet ik aangifte doen?" after a lost ID card).
    const lost = driver();
    lost.sayParsed(parsed('ik ben mijn id kaart kwijt', 'case_status', [], 0.36));
    const police = lost.sayParsed(parsed('moet ik aangifte doen', 'none', [], 0.73));
    expect({ step: police.replies[0]!.trace.step, text: police.text }).toEqual({ step: 'named_in_answer', text: expect.stringMatching(/^In mijn antwoord staat: In Nederland hoeft u geen aangifte te doen bij de politie\./) });
    // Only a question or a request: "de buren bedreigen mij" is no question about the advice to talk to them first.
    const threat = driver();
    threat.sayParsed(parsed('mijn buren maken heel veel lawaai', 'none', [], 0.93));
    expect(threat.sayParsed(parsed('de buren bedreigen mij', 'none', [], 0.78)).replies[0]!.trace.step).toBe('fallback_after_answer');
    // A quoted question keeps its answer, and "Bel dan de politie" its condition.
    const danger = driver();
    danger.sayParsed(parsed('mijn buren maken heel veel lawaai', 'none', [], 0.93));
    expect(danger.sayParsed(parsed('zijn mijn buren gevaarlijk?', 'none', [], 0.62)).text).toMatch(/Is het gevaarlijk, of wordt u bedreigd\? Bel dan de politie: 0900-8844, of 112/);
    // "Wie moet ik dan bellen?" after the answer on noisy neighbours: whom it says to call, with the question "bel dan" answers; not a person.
    const noise = driver();
    noise.sayParsed(parsed('mijn buurman maakt veel lawaai', 'none', [], 0.92));
    const call = noise.sayParsed({ ...parsed('ja wie moet ik dan bellen', 'human', [], 0.5), handoff: { reason: 'explicit_request', evidence: 'ja wie moet ik dan bellen' }, handoffs: [{ reason: 'explicit_request', evidence: 'ja wie moet ik dan bellen' }] });
    expect({ effects: call.effects, text: call.text }).toEqual({ effects: [], text: expect.stringMatching(/^In mijn antwoord staat: Meld u aan op www\.voorbeeld\.nl\/buurtbemiddeling of bel 14 0123\. Is het gevaarlijk, of wordt u bedreigd\? Bel dan de politie/) });
    // So for "kan ik bellen?" and "can i call them?" after the DigiD answer, which names the helpdesk's number.
    for (const msg of ['kan ik bellen?', 'can i call them?']) {
      const digid = driver();
      digid.sayParsed(parsed('ik ben mijn digid kwijt', 'none', [], 0.9));
      const asked = digid.sayParsed({ ...parsed(msg, 'human', [], 0.5), handoffs: [{ reason: 'explicit_request', evidence: msg }] });
      expect({ msg, effects: asked.effects, text: asked.text }).toEqual({ msg, effects: [], text: expect.stringMatching(/088 123 6555/) });
    }
    // But someone to call, or a person on the phone, is a person asked for.
    for (const msg of ['kan ik iemand bellen?', 'kan ik bellen met een medewerker?', 'can i call someone to talk to', 'kan ik jullie bellen?']) {
      const digid = driver();
      digid.sayParsed(parsed('ik ben mijn digid kwijt', 'none', [], 0.9));
      const asked = digid.sayParsed({ ...parsed(msg, 'human', [], 0.5), handoffs: [{ reason: 'explicit_request', evidence: msg }] });
      expect({ msg, effects: asked.effects.map((e) => e.type) }).toEqual({ msg, effects: ['handoff'] });
    }
    // With nothing answered before, or in other words, it is still a person asked for.
    expect(driver().sayParsed({ ...parsed('wie moet ik bellen', 'human', [], 0.57), handoffs: [{ reason: 'explicit_request', evidence: 'wie moet ik bellen' }] }).effects.map((e) => e.type)).toEqual(['handoff']);
    // "Waar doe ik dat?" after reporting a change: where, not the opening hours; "waar?" after the hours: the desk, not the phone.
    const where = driver();
    where.sayParsed(parsed('ik ben gescheiden en moet ik dat doorgeven', 'change_details'));
    expect(where.sayParsed(parsed('waar doe ik dat', 'contact_hours', [], 0.42)).text).toMatch(/^In mijn antwoord staat: Geef het meteen door in Mijn Voorbeeld op www\.voorbeeld\.nl/);
    const desk = driver();
    desk.sayParsed(parsed('wat zijn jullie openingstijden', 'contact_hours'));
    expect(desk.sayParsed(parsed('waar?', 'contact_hours', [], 0.85)).text).toMatch(/^In mijn antwoord staat: De balie is open op dezelfde tijden: Voorbeeldplein 1/);
    // Picking it up: the sentence on the desk, from the extract's own answer after its fees, with the one that goes on from it
    // (as itself, not "In mijn antwoord staat": the fees' answer did not say it).
    const extract = driver();
    extract.sayParsed(parsed('wat kost een uittreksel', 'payment'));
    expect(extract.sayParsed(parsed('kan ik het ook ophalen', 'contact_hours', [], 0.7)).text).toMatch(/^U kunt het ook aan de balie aanvragen en ophalen\. Maak daarvoor eerst een afspraak/);
    // An objection whose term has passed: the answer for a late objection.
    expect(topicOf(driver().sayParsed(parsed('ik wil bezwaar maken maar de termijn is al voorbij', 'objection')))).toBe('topic:late');
    // A time question with a thing of its own is a question of its own.
    const own = driver();
    own.sayParsed(parsed('ik wil bezwaar maken', 'objection'));
    expect(own.sayParsed(parsed('hoe lang duurt een paspoort', 'documents', [], 0.9)).replies[0]!.trace.step).not.toBe('time_in_answer');
  });

  it('answers one kind of detail with its own answer, and two kinds with the intent\'s answer that covers all', () => {
    const topic = (text: string) => topicOf(driver().sayParsed(parsed(text, 'change_details')));
    expect(topic('ik wil mijn rekeningnummer wijzigen')).toBe('topic:bank_account');
    expect(topic('kan ik mijn uitkering laten storten op een andere rekening')).toBe('topic:bank_account');
    // Reaching 67 is the AOW, at the SVB, not applying after losing one's job.
    expect(topicOf(driver().sayParsed(parsed('waar moet ik mijn uitkering aanvragen als ik 67 word', 'payment')))).toBe('topic:svb');
    // A statement of the benefit is not its payment date.
    expect(topicOf(driver().sayParsed(parsed('kunt u mij een bevestiging sturen van mijn uitkering voor de woningcorporatie', 'none', [], 0.4)))).toBe('topic:statement');
    expect(topicOf(driver().sayParsed(parsed('where can I find my annual statement', 'payment')))).toBe('topic:statement');
    // A letter that the benefit stops: why and from when are in it (not "stopt de kinderbijslag als hij 18 wordt").
    expect(topicOf(driver().sayParsed(parsed('ik heb een brief gehad dat mijn bijstand stopt. klopt dat?', 'payment', [], 0.54)))).toBe('topic:stopped');
    expect(topicOf(driver().sayParsed(parsed('How do I let you know so the benefit stops?', 'payment')))).not.toBe('topic:stopped');
    // An objection after the 6 weeks, also as a follow-up; not papers sent late.
    expect(topicOf(driver().sayParsed(parsed('kan ik nog bezwaar maken na 6 weken? was op vakantie', 'objection')))).toBe('topic:late');
    expect(topicOf(driver().sayParsed(parsed('mijn uitkering is afgewezen omdat ik te laat papieren stuurde, ik ben het er niet mee eens', 'objection')))).not.toBe('topic:late');
    const late = driver();
    late.sayParsed(parsed('ik wil bezwaar maken', 'objection'));
    expect(late.sayParsed(parsed('ok en als het te laat is', 'none')).text).toMatch(/^U heeft 6 weken na de datum van de brief\. Zijn die voorbij\? Stuur uw bezwaar dan toch\./);
    // Studying with a benefit, also when the classifier cannot place it; then a side job is income to report (side_income, within circumstances).
    const study = driver();
    expect(topicOf(study.sayParsed(parsed('mag ik mijn uitkering houden als ik ga studeren', 'none', [], 0.3)))).toBe('topic:studying');
    expect(topicOf(study.sayParsed(parsed('en als ik een bijbaantje neem', 'payment', [], 0.7)))).toBe('topic:side_income');
    expect(topicFor('hoeveel mag ik bijverdienen', 'none', 0.3)).toBe('topic:side_income');
    expect(topicFor('mag ik een vriend laten logeren als ik bijstand heb', 'none', 0.3)).toBe('topic:guest');
    expect(topicFor('mijn zoon komt bij mij wonen, wat betekent dat voor mijn bijstand', 'payment', 0.8)).toBe('topic:guest');
    // Without social assistance named, a guest is no question of ours; a car to sell is what one owns.
    expect(topicFor('mijn moeder komt logeren met kerst', 'none', 0.3)).not.toBe('topic:guest');
    expect(topicFor('moet ik mijn auto verkopen als ik bijstand aanvraag', 'none', 0.3)).toBe('topic:assets');
    // Paying the municipality (a fine, fees), not being paid by it; not someone else's bill.
    expect(topicOf(driver().sayParsed(parsed('Hoe betaal ik de leges voor mijn evenementenvergunning?', 'payment')))).toBe('topic:paying_us');
    const fine = driver();
    fine.sayParsed({ ...parsed('i got a fine for my waste container', 'objection'), lang: 'en' });
    expect(fine.sayParsed({ ...parsed('how do i pay it', 'payment', [], 0.8), lang: 'en' }).text).toMatch(/^You pay a bill, tax assessment or fine from the municipality to the account number on the letter\./);
    expect(topicOf(driver().sayParsed({ ...parsed("Our electricity will be cut off next week because we can't pay the bill.", 'payment', [], 0.5), lang: 'en' }))).not.toBe('topic:paying_us');
    // A birth: registered within 3 working days, also when the classifier cannot place it; a passport for
    // the baby is still the passport, and a move with the baby the move.
    expect(topicOf(driver().sayParsed(parsed('wij krijgen een baby, moet ik dat doorgeven', 'change_details')))).toBe('topic:birth');
    expect(topicOf(driver().sayParsed(parsed('onze baby is geboren, wat moet ik regelen', 'none', [], 0.3)))).toBe('topic:birth');
    expect(topicOf(driver().sayParsed({ ...parsed('how long does a passport for my baby take', 'none', [], 0.3), lang: 'en' }))).toBe('topic:id_ready');
    expect(topicOf(driver().sayParsed(parsed('sinds 3 weken woon ik hier met mn vriendin en onze baby, hoe geef ik de verhuizing door?', 'change_details')))).toBe('topic:address');
    // Moving or cancelling an appointment: how, not the opening hours.
    expect(topicOf(driver().sayParsed(parsed('kan ik mijn afspraak verzetten', 'contact_hours', [], 0.9)))).toBe('topic:appointment_change');
    expect(topicOf(driver().sayParsed({ ...parsed('im on holiday next week, can we move my appointment', 'none', [], 0.3), lang: 'en' }))).toBe('topic:appointment_change');
    // A holiday abroad on the bijstand: 4 weeks a year, and "hoe lang?" after it that sentence; someone else on holiday is not that.
    const trip = driver();
    expect(topicOf(trip.sayParsed(parsed('mag ik op vakantie als ik bijstand heb', 'none', [], 0.5)))).toBe('topic:holiday');
    expect(trip.sayParsed(parsed('hoe lang', 'none', [], 0.5)).text).toMatch(/^In mijn antwoord staat: Dat mag, maar samen niet langer dan 4 weken per jaar\./);
    expect(topicOf(driver().sayParsed(parsed('kan de buurman van mijn moeder haar nieuwe pas ophalen terwijl zij op vakantie is?', 'documents', [], 0.5)))).not.toBe('topic:holiday');
    // An advance while the decision takes long; the rules for the bijstand are how to apply; an advance on huurtoeslag is the allowances'.
    expect(topicOf(driver().sayParsed(parsed('kan ik een voorschot krijgen', 'payment')))).toBe('topic:advance');
    expect(topicOf(driver().sayParsed(parsed('wat zijn de regels voor bijstand', 'payment', [], 0.57)))).toBe('topic:social_assistance');
    expect(topicOf(driver().sayParsed({ ...parsed("how much huurtoeslag will I actually get? the letter says 'voorschot' but no amount", 'payment'), lang: 'en' }))).toBe('topic:allowances');
    // Defects in a rented home: the landlord first, then the Huurcommissie, and the municipality when it is dangerous.
    expect(topicOf(driver().sayParsed(parsed('Ik kom uit Moldavië, hoe schrijf ik me in?', 'none', [], 0.3)))).not.toBe('topic:housing_defects');
    expect(topicOf(driver().sayParsed(parsed('Mijn zoon heeft lichamelijke gebreken, waar kan ik hulp krijgen?', 'none', [], 0.3)))).not.toBe('topic:housing_defects');
    expect(topicOf(driver().sayParsed(parsed('mijn huis is nat en er zit schimmel, de verhuurder doet niks', 'none', [], 0.3)))).toBe('topic:housing_defects');
    // A move without DigiD: the desk.
    expect(driver().sayParsed(parsed('hoe geef ik mijn verhuizing door als ik geen digid heb', 'change_details')).text).toContain('Heeft u geen DigiD? Dan kan het ook aan de balie.');
    // What happens to one's data, also when the classifier leans elsewhere; changing one's details is not that.
    expect(topicOf(driver().sayParsed(parsed('wat doen jullie met mijn gegevens', 'none', [], 0.27)))).toBe('topic:privacy');
    const erase = driver().sayParsed(parsed('mag ik mijn gesprek laten verwijderen', 'goodbye', [], 0.46));
    expect({ topic: topicOf(erase), text: erase.text }).toEqual({ topic: 'topic:privacy', text: expect.stringMatching(/laten verwijderen\? Dat mag u vragen/) });
    expect(topicOf(driver().sayParsed(parsed('ik wil mijn gegevens wijzigen', 'change_details', [], 0.9)))).not.toBe('topic:privacy');
    // "I didn't change anything" after the answer on a benefit that stopped: no change of details to report.
    const stopped = driver();
    stopped.sayParsed({ ...parsed('my benefit stopped, why?', 'payment'), lang: 'en' });
    expect(stopped.sayParsed({ ...parsed("I didn't change anything", 'change_details', [], 0.84), lang: 'en' }).replies[0]!.trace.dialog).not.toBe('change_details');
    expect(driver().sayParsed(parsed('ik heb niks veranderd aan mijn adres maar de post komt niet', 'change_details', [], 0.7)).replies[0]!.trace.dialog).not.toBe('change_details');
    // How to apply for something is not how an application stands, whatever the classifier leans to.
    const remission = driver().sayParsed(parsed('hoe vraag ik kwijtschelding aan', 'case_status', [], 0.67));
    expect({ topic: topicOf(remission), active: remission.replies[0]!.trace.dialog }).toEqual({ topic: 'topic:remission', active: 'payment' });
    // How one's own permit stands, though the classifier was unsure and the permit has an answer on applying: the case question.
    for (const text of ['goedemorgen ik wil weten hoe het zit met mijn parkeervergunning', 'hoe zit het nou met mijn parkeervergunning', "what's the status of my parking permit", "her parking card doesn't come haha what's the status on it"]) {
      expect({ text, step: driver().sayParsed(parsed(text, 'case_status', [], 0.59)).replies[0]!.trace.step }).toEqual({ text, step: 'ask_number' });
    }
    // Not for what another body handles: the municipality has no case for one's huurtoeslag or AOW.
    expect(topicFor('hoe zit het met mijn huurtoeslag', 'case_status', 0.44)).toBe('topic:allowances');
    expect(topicFor('hoe staat het met mijn aow', 'case_status', 0.46)).toBe('topic:svb');
    expect(topicFor('hoe staat het met mijn wia', 'case_status', 0.8)).toBe('topic:uwv');
    // Asked as when one hears about it, also when the classifier is sure it is the case question.
    expect(topicFor('hi, when will I hear about my housing benefit?', 'case_status', 0.9)).toBe('topic:allowances');
    expect(topicFor('wanneer hoor ik iets over mijn huurtoeslag', 'case_status', 0.9)).toBe('topic:allowances');
    // Or told as applied for and nothing heard: got the question for a case number, and a not_understood handoff after "welke instantie is dat dan".
    expect(topicFor('Goedemiddag, ik heb vorige maand huurtoeslag aangevraagd maar nog niks gehoord', 'case_status', 0.9)).toBe('topic:allowances');
    expect(topicFor('I applied for rent allowance last month and heard nothing', 'case_status', 0.9)).toBe('topic:allowances');
    expect(driver().sayParsed(parsed('ik heb bijstand aangevraagd maar nog niks gehoord', 'case_status', [], 0.9)).replies[0]!.trace.step).toBe('ask_number');
    expect(driver().sayParsed(parsed('wanneer hoor ik iets over mijn bijstand', 'case_status', [], 0.9)).replies[0]!.trace.step).toBe('ask_number');
    // Unless a case of ours is named: "hoe staat het met mijn bijstand nu mijn ww stopt" is the case question.
    expect(driver().sayParsed(parsed('hoe staat het met mijn bijstand nu mijn ww stopt', 'case_status', [], 0.44)).replies[0]!.trace.step).toBe('ask_number');
    // So for someone else's ("kan ik voor haar vragen hoe het met haar kwijtschelding staat"): that person's number and details.
    const mother = driver();
    const asked = mother.sayParsed(parsed('mn moeder snapt de computer niet. kan ik voor haar vragen hoe het met haar kwijtschelding staat', 'case_status', [], 0.42));
    expect({ step: asked.replies[0]!.trace.step, forOther: mother.state.facts.forOther }).toEqual({ step: 'ask_number', forOther: true });
    // Making one: where and how, not the opening hours; another one is a change, and coming without one the walk-in answer.
    const make = driver().sayParsed(parsed('kan ik een afspraak maken', 'contact_hours', [], 0.93));
    expect({ topic: topicOf(make), text: make.text }).toEqual({ topic: 'topic:make_appointment', text: expect.stringMatching(/^Een afspraak maakt u op www\.voorbeeld\.nl\/afspraak\./) });
    expect(topicOf(driver().sayParsed(parsed('ik wil een andere afspraak maken', 'contact_hours', [], 0.9)))).toBe('topic:appointment_change');
    expect(topicOf(driver().sayParsed(parsed('moet ik een afspraak maken of kan ik zo langskomen', 'contact_hours', [], 0.9)))).toBe('topic:walk_in');
    // Letting someone else arrange things, also when the classifier cannot place it.
    expect(topicOf(driver().sayParsed(parsed('hoe krijg ik een machtiging', 'none', [], 0.66)))).toBe('topic:authorisation');
    // Which account we pay into: the account we have, where to see it, and still when.
    expect(topicOf(driver().sayParsed(parsed('op welke rekening komt mijn uitkering', 'payment')))).toBe('topic:which_account');
    const paid = driver();
    paid.sayParsed(parsed('wanneer wordt mijn bijstand betaald', 'payment'));
    const which = paid.sayParsed(parsed('op welke rekening', 'none', [], 0.7));
    expect({ topic: topicOf(which), text: which.text }).toEqual({ topic: 'topic:which_account', text: expect.stringMatching(/^Wij betalen op het rekeningnummer dat wij van u hebben\. Een uitkering betalen we meestal rond de 1e/) });
    expect(topicOf(driver().sayParsed(parsed('wanneer staat mijn uitkering op mijn rekening', 'payment')))).not.toBe('topic:which_account');
    expect(topic('we switched banks, new account, please update it')).toBe('topic:bank_account');
    // Moving away is reported to the new municipality.
    expect(driver().sayParsed(parsed('ik ga verhuizen', 'change_details')).text).toMatch(/Verhuist u naar een andere gemeente\? Dan geeft u het door aan uw nieuwe gemeente\./);
    expect(topic('how do i change my email address')).toBe('topic:contact_details');
    expect(topic('ik ben verhuisd')).toBe('topic:address');
    expect(topic('ik ben getrouwd en wil de naam van mijn man gebruiken')).toBe('topic:name');
    expect(topic('ik ben verhuisd en heb een nieuw rekeningnummer')).toBeNull();
  });

  it('takes the variant of the intent it was closest to only for a short message', () => {
    const near = { name: 'change_details', confidence: 0.3 };
    expect(topicOf(driver().sayParsed({ ...parsed('nieuwe naam doorgeven', 'none', [], 1), suggestion: near }))).toBe('topic:name');
    const long = driver().sayParsed({ ...parsed('Mijn man is na een ruzie het huis uit gegaan. De toeslag staat op zijn naam. Wat nu?', 'none', [], 1), suggestion: near });
    expect(long.replies[0]!.trace.step).toBe('suggest');
    // Unless it names a topic of its own: a divorce is what such a message is about.
    const divorce = driver().sayParsed({ ...parsed('Mijn man en ik gaan scheiden, hij is het huis uit. De toeslag staat op zijn naam. Wat nu?', 'none', [], 1), suggestion: near });
    expect(topicOf(divorce)).toBe('topic:divorce');
  });

  it('reads "hoe lang duurt dat?" after an answer as about that answer, and "hoe lang duurt het nog?" as the case question', () => {
    const d = driver();
    d.sayParsed(parsed('ik wil een uittreksel', 'none'));
    const r = d.sayParsed(parsed('hoe lang duurt dat', 'case_status', [], 0.9));
    expect({ step: r.replies[0]!.trace.step, active: d.state.active }).toEqual({ step: 'time_in_answer', active: null });
    expect(r.text).toContain('binnen 5 werkdagen');
    const waiting = driver();
    waiting.sayParsed(parsed('wanneer krijg ik mijn uitkering', 'payment'));
    waiting.sayParsed(parsed('hoe lang duurt het nog', 'case_status', [], 0.9));
    expect(waiting.state.active?.step).toBe('ask_number');
    const fresh = driver();
    fresh.sayParsed(parsed('hoe lang duurt dat', 'case_status', [], 0.9));
    expect(fresh.state.active?.step).toBe('ask_number');
  });

  it('offers a person when the same topic answer comes twice, not when the intent\'s answer follows its variant', () => {
    const d = driver();
    d.sayParsed(parsed('wat kost een paspoort', 'payment'));
    expect(d.sayParsed(parsed('wanneer krijg ik mijn uitkering', 'payment')).replies.map((r) => r.trace.step)).toEqual(['answer']);
    const twice = driver();
    twice.sayParsed(parsed('wat kost een paspoort', 'payment'));
    expect(twice.sayParsed(parsed('hoe zit het met een rijbewijs?', 'payment')).replies.map((r) => r.trace.step)).toEqual(['answer', 'same_again']);
    // Without a question word, the thing it names is in one sentence of the answer: that sentence, and a person is still a word away.
    const named = driver();
    named.sayParsed(parsed('wat kost een paspoort', 'payment'));
    const said = named.sayParsed(parsed('en een rijbewijs?', 'payment'));
    expect({ steps: said.replies.map((r) => r.trace.step), text: said.text }).toEqual({ steps: ['named_in_answer'], text: expect.stringMatching(/^In mijn antwoord staat: Wat een paspoort, ID-kaart of rijbewijs kost, staat op www\.voorbeeld\.nl\/leges\. Wilt u meer weten\? Typ dan: medewerker/) });
    // What counts for the bijstand: a house, then a car, the sentence that names it.
    const owns = driver();
    const house = owns.sayParsed(parsed('kan ik de bijstand aanvragen als ik een eigen huis heb', 'none', [], 0.69));
    expect(house.replies[0]!.trace.sources).toEqual(expect.arrayContaining([expect.objectContaining({ ref: 'topic:assets' })]));
    expect(house.text).toMatch(/^Voor de bijstand kijken we ook naar wat u bezit/);
    const car = owns.sayParsed(parsed('en als ik een auto heb', 'none', [], 0.98));
    expect({ steps: car.replies.map((r) => r.trace.step), text: car.text }).toEqual({ steps: ['named_in_answer'], text: expect.stringMatching(/^In mijn antwoord staat: Voor de bijstand kijken we ook naar wat u bezit, zoals spaargeld, een auto of een eigen huis\. Wilt/) });
    expect(owns.sayParsed(parsed('waarom?', 'none')).text).toMatch(/artikel 34/);
  });
});

describe('dialog step: who am I talking to?', () => {
  it('says honestly that it is a program, and how to reach a person', () => {
    const ask: HandoffSignal = { reason: 'explicit_request', evidence: 'real person' };
    for (const nlu of [parsed('ben jij een robot?', 'none'), parsed('wie ben jij', 'none'), { ...parsed('are you a real person?', 'human'), handoff: ask, handoffs: [ask] }]) {
      const r = driver().sayParsed(nlu);
      expect({ said: nlu.text, step: r.replies[0]!.trace.step, effects: r.effects }).toEqual({ said: nlu.text, step: 'who_am_i', effects: [] });
      expect(r.text).toMatch(/computerprogramma, geen mens|computer program, not a person/);
    }
  });

  it('switches to English or Dutch when asked, without a person: it speaks both', () => {
    const barrier: HandoffSignal = { reason: 'vulnerability', evidence: 'in het engels' };
    const ask: HandoffSignal = { reason: 'explicit_request', evidence: 'speak english' };
    for (const nlu of [{ ...parsed('mag ik in het engels?', 'none'), handoff: barrier, handoffs: [barrier] }, parsed('hallo, is english ok?', 'greeting'), { ...parsed('do you speak english', 'human'), handoff: ask, handoffs: [ask] }, parsed('English please', 'none')]) {
      const d = driver();
      const r = d.sayParsed(nlu);
      expect({ said: nlu.text, step: r.replies[0]!.trace.step, effects: r.effects, lang: d.state.lang }).toEqual({ said: nlu.text, step: 'language', effects: [], lang: 'en' });
      expect(r.text).toContain('I will answer in English');
    }
    const d = driver();
    d.sayParsed(parsed('English please', 'none'));
    expect(d.sayParsed({ ...parsed('can we speak dutch?', 'none'), lang: 'en' }).text).toContain('Ik antwoord vanaf nu in het Nederlands');
    expect(d.state.lang).toBe('nl');
    // Back to the language of before, however it is said.
    for (const [back, lang] of [['kunnen we weer nederlands praten?', 'nl'], ['terug naar het Nederlands aub', 'nl'], ['can we go back to dutch?', 'nl'], ['back to english please', 'en'], ['switch to English', 'en']] as const) {
      const again = driver();
      again.sayParsed(lang === 'nl' ? parsed('English please', 'none') : parsed('hoe staat het met mijn aanvraag', 'case_status'));
      const r = again.sayParsed({ ...parsed(back, 'none'), lang: lang === 'nl' ? 'en' : 'nl' });
      expect({ back, lang: again.state.lang, text: r.text }).toEqual({ back, lang, text: expect.stringMatching(lang === 'nl' ? /Ik antwoord vanaf nu in het Nederlands/ : /I will answer in English/) });
    }
  });

  it('greets back in English when the first message is "hello", and keeps the conversation\'s language for a short word later on', () => {
    const d = driver();
    expect(d.sayParsed({ ...parsed('hello', 'greeting'), lang: 'en' }).text).toMatch(/^Hello! I am the digital assistant/);
    const dutch = driver();
    expect(dutch.sayParsed(parsed('hallo', 'greeting')).text).toContain('You can also write in English');
    dutch.sayParsed(parsed('hoe staat het met mijn aanvraag', 'case_status'));
    dutch.sayParsed({ ...parsed('thanks', 'thanks'), lang: 'en' });
    expect(dutch.state.lang).toBe('nl');
  });

  it('asks the case flow\'s question again in the language asked for', () => {
    const d = driver();
    d.sayParsed(parsed('hoe staat het met mijn aanvraag', 'case_status'));
    const r = d.sayParsed({ ...parsed('can we do this in english?', 'none'), lang: 'en' });
    expect(r.replies.map((x) => x.trace.step)).toEqual(['language_in_flow', 'ask_number']);
    expect(r.replies[1]!.text).toContain('case number');
    expect(d.state.active?.step).toBe('ask_number');
  });

  it('answers a language barrier in the language asked for, and still hands over; a language asked in passing changes nothing', () => {
    const barrier: HandoffSignal = { reason: 'vulnerability', evidence: 'spreek geen nederlands' };
    const d = driver();
    const r = d.sayParsed({ ...parsed('ik spreek geen nederlands, mag het in het engels?', 'none'), handoff: barrier, handoffs: [barrier] });
    expect(r.effects.map((x) => x.type)).toEqual(['handoff']);
    expect(d.state.lang).toBe('en');
    expect(r.text).toMatch(/help/);
    // The barrier alone names a language, but does not ask for it: the English message is answered in English.
    const newcomer: HandoffSignal = { reason: 'vulnerability', evidence: 'new in the Netherlands' };
    const english = driver();
    english.sayParsed({ ...parsed("Hello, I'm new in the Netherlands and I don't speak Dutch well. I applied for social assistance last month. How long does it take?", 'case_status', [], 0.5), lang: 'en', handoff: newcomer, handoffs: [newcomer] });
    expect(english.state.lang).toBe('en');
    const passing = driver();
    const objection = passing.sayParsed(parsed('kan ik mijn bezwaar in het engels schrijven?', 'objection'));
    expect(objection.replies[0]!.trace.dialog).toBe('objection');
    expect(passing.state.lang).toBe('nl');
  });

  it('answers a bare "help" with what is going on, 112 and the crisis line, and the offer of a person', () => {
    // Typed in a hurry too: a letter held down, an extra vowel, the shift key missed, said twice.
    for (const text of ['help', 'hlp', 'help me!!', 'ik heb hulp nodig', 'please help', 'helpp', 'HEEEELP', 'hulpp!!', 'hellup', 'help!!1', 'help me please', 'help, help', 'SOOOS', 'hulp aub']) {
      const d = driver();
      const r = d.sayParsed(parsed(text, 'none'));
      expect({ text, step: r.replies[0]!.trace.step, pending: d.state.pending }).toEqual({ text, step: 'bare_help', pending: 'person_offer' });
      expect(r.text).toContain('113');
      expect(r.text).toContain('112');
    }
    const yes = driver();
    yes.sayParsed(parsed('help', 'none'));
    expect(yes.sayParsed(parsed('ja', 'none')).effects.map((e) => e.type)).toEqual(['handoff']);
    // Help with something named is that question.
    expect(driver().sayParsed(parsed('help met mijn aanvraag', 'none')).replies[0]!.trace.step).not.toBe('bare_help');
    expect(driver().sayParsed(parsed('helpdesk', 'none')).replies[0]!.trace.step).not.toBe('bare_help');
  });

  it('answers only sad or dark emoji as a bare "help", not with "I do not understand"', () => {
    for (const text of ['😭😭😭', '💔', '🆘', '😔 💊', '😢😢!!']) {
      const d = driver();
      const r = d.sayParsed(parsed(text, 'none'));
      expect({ text, step: r.replies[0]!.trace.step, pending: d.state.pending }).toEqual({ text, step: 'sad_emoji', pending: 'person_offer' });
      expect(r.text).toContain('113');
    }
    // A thumb is a nod, a laugh no cry, and words with a sad face are what the words ask.
    expect(driver().sayParsed(parsed('👍', 'none')).replies[0]!.trace.step).toBe('ack');
    expect(driver().sayParsed(parsed('😂😂', 'none')).replies[0]!.trace.step).not.toBe('sad_emoji');
    expect(driver().sayParsed(parsed('wanneer zijn jullie open 😭', 'contact_hours')).replies[0]!.trace.dialog).toBe('contact_hours');
  });

  it('offers a person for help with filling in a form, which the chat cannot give', () => {
    for (const text of ['kunt u mij helpen met het invullen van een formulier', 'ik heb hulp nodig bij het invullen van de aanvraag', 'can you help me fill in the form?']) {
      const d = driver();
      const r = d.sayParsed(parsed(text, 'none'));
      expect({ text, step: r.replies[0]!.trace.step, pending: d.state.pending }).toEqual({ text, step: 'form_help', pending: 'person_offer' });
    }
    // Which form, or where it is, is a question the answers know.
    expect(driver().sayParsed(parsed('waar vind ik het formulier voor bijzondere bijstand', 'documents')).replies[0]!.trace.step).not.toBe('form_help');
  });

  it('says there is nothing to cancel when there is nothing', () => {
    const r = driver().sayParsed(parsed('annuleren', 'none'));
    expect(r.replies[0]!.trace.step).toBe('nothing_to_cancel');
    expect(r.text).not.toContain('begrijp');
  });
});

describe('dialog step: hello again', () => {
  it('does not introduce itself twice in a row', () => {
    const d = driver();
    expect(d.sayParsed(parsed('hallo', 'greeting')).replies[0]!.trace.dialog).toBe('greeting');
    expect(d.sayParsed(parsed('hallo??', 'greeting')).replies[0]!.trace.step).toBe('go_ahead');
  });
});

describe('dialog step: two questions in one message', () => {
  const two = (text: string, intent: string, also: string, before: boolean, entities: Entity[] = []) => ({ ...parsed(text, intent, entities), also: { name: also, confidence: 0.95, before } });

  it('answers both, the case question last so the next message answers it', () => {
    const d = driver();
    const said = d.sayParsed(two('wanneer zijn jullie open en hoe staat het met mijn aanvraag', 'case_status', 'contact_hours', true));
    expect(said.replies.map((r) => [r.trace.dialog, r.trace.intent])).toEqual([['contact_hours', 'contact_hours'], ['case_status', 'case_status']]);
    expect(said.replies[0]!.text).toBe(dialogs.intents.get('contact_hours')!.answer!.nl);
    expect(d.state.active?.step).toBe('ask_number');
    expect(d.sayParsed(parsed('Z-2026-000123', 'none', [nr('Z-2026-000123')])).text).toMatch(/postcode en uw geboortedatum/);
  });

  it('keeps the case question last when it came first, and uses the case number the message gave', () => {
    const d = driver();
    const said = d.sayParsed(two('hoe staat het met Z-2026-000123? en wat is jullie adres', 'case_status', 'contact_hours', false, [nr('Z-2026-000123')]));
    expect(said.replies.map((r) => r.trace.dialog)).toEqual(['contact_hours', 'case_status']);
    expect(said.replies[1]!.text).toMatch(/postcode en uw geboortedatum/);
  });

  it('leaves the case number to the case question: the plain one is answered as asked', () => {
    const d = driver();
    // The model is unsure of the whole message (0.5), which with a case number alone would make it the case question.
    const said = d.sayParsed({ ...two('hoe staat het met Z-2026-000123 en wanneer zijn jullie open', 'contact_hours', 'case_status', true, [nr('Z-2026-000123')]), intent: { name: 'contact_hours', confidence: 0.5 } });
    expect(said.replies.map((r) => r.trace.dialog)).toEqual(['contact_hours', 'case_status']);
    expect(said.replies[1]!.text).toMatch(/postcode en uw geboortedatum/);
  });

  it('answers two plain questions in the order asked', () => {
    const first = driver().sayParsed(two('hoe geef ik mijn adres door en wanneer wordt de uitkering betaald', 'payment', 'change_details', true));
    expect(first.replies.map((r) => r.trace.dialog)).toEqual(['change_details', 'payment']);
    const second = driver().sayParsed(two('hoe geef ik mijn adres door en wanneer wordt de uitkering betaald', 'change_details', 'payment', false));
    expect(second.replies.map((r) => r.trace.dialog)).toEqual(['change_details', 'payment']);
  });

  it("reads each question in its own words: when the benefit is paid, and the papers for a passport (not its fees)", () => {
    const text = 'hoi ik wil weten wanneer mijn uitkering komt en ook wat ik moet meenemen voor mijn paspoort';
    const start = text.indexOf('wat ik');
    const said = driver().sayParsed({ ...parsed(text, 'payment'), also: { name: 'documents', confidence: 0.86, before: false, start, end: text.length } });
    expect(said.replies.map((r) => r.trace.dialog)).toEqual(['payment', 'documents']);
    expect(said.replies[0]!.text).toMatch(/^Een uitkering betalen we meestal rond de 1e van de maand/);
    expect(said.replies[1]!.text).toMatch(/^Een paspoort, ID-kaart of rijbewijs vraagt u aan bij de balie/);
    // The first question asked second: a case number in the rest keeps its place in the words that are left.
    const other = 'wat is jullie adres, en hoe staat het met Z-2026-000123';
    const cut = other.indexOf(', en');
    const both = driver().sayParsed({ ...parsed(other, 'case_status', [{ type: 'case_number', value: 'Z-2026-000123', start: other.indexOf('Z-'), end: other.indexOf('Z-') + 13 }]), also: { name: 'contact_hours', confidence: 0.95, before: true, start: 0, end: cut } });
    expect(both.replies.map((r) => r.trace.dialog)).toEqual(['contact_hours', 'case_status']);
    expect(both.replies[1]!.text).toMatch(/postcode en uw geboortedatum/);
  });

  it('answers a third question too, each in its own words, the case question last; one case question at most', () => {
    const text = 'hoe laat zijn jullie open, wat kost een paspoort en hoe staat het met mijn aanvraag';
    const at = (part: string) => ({ start: text.indexOf(part), end: text.indexOf(part) + part.length });
    const three = { ...parsed(text, 'contact_hours'), also: { name: 'payment', confidence: 0.98, before: false, ...at('wat kost een paspoort') }, more: [{ name: 'case_status', confidence: 0.85, ...at('hoe staat het met mijn aanvraag') }] };
    const said = driver().sayParsed(three);
    expect(said.replies.map((r) => r.trace.dialog)).toEqual(['contact_hours', 'payment', 'case_status']);
    expect(said.replies[1]!.text).toMatch(/^Wat een paspoort, ID-kaart of rijbewijs kost/);
    // The hours are the hours, not where to collect a passport (the passport's words are its own question's).
    expect(said.replies[0]!.text).not.toMatch(/paspoort/);
    // A second case question after the first is not asked at once: the case flow asks one thing back.
    const twice = { ...three, intent: { name: 'case_status', confidence: 0.9 }, more: [{ name: 'case_status', confidence: 0.85, ...at('hoe staat het met mijn aanvraag') }] };
    expect(driver().sayParsed(twice).replies.filter((r) => r.trace.dialog === 'case_status')).toHaveLength(1);
  });

  it('answers one question inside a flow, while waiting for a person, and when the second is no question of its own', () => {
    const inFlow = driver();
    inFlow.sayParsed(parsed('hoe staat het met mijn aanvraag', 'case_status'));
    expect(inFlow.sayParsed(two('wat is jullie adres en welke papieren moet ik sturen', 'contact_hours', 'documents', false)).replies).toHaveLength(1);
    const queued = step(initialState(), { kind: 'message', text: 'x', nlu: two('wanneer zijn jullie open en welke papieren', 'contact_hours', 'documents', false), now: '2026-11-28T10:00:00.000Z', handoff: { state: 'queued', handoffId: 'h1', awaitingCallbackAnswer: false } }, ctx);
    expect(queued.replies.filter((r) => r.trace.dialog === 'documents')).toHaveLength(0);
    for (const also of ['human', 'complaint', 'thanks', 'greeting', 'none']) {
      const said = driver().sayParsed(two('wanneer zijn jullie open', 'contact_hours', also, false));
      expect(said.replies.map((r) => r.trace.dialog), also).toEqual(['contact_hours']);
    }
  });
});

describe('dialog step: where the assistant can go no further, it offers a person', () => {
  /** After the answer on changing details, the citizen asks the assistant to do it ("kan dat hier?"). */
  const askedToDoIt = (text: string) => {
    const d = driver();
    d.sayParsed(parsed('ik wil mijn adres wijzigen', 'change_details'));
    return { d, said: d.sayParsed(parsed(text, 'none', [], 0.6)) };
  };
  const queuedInput = (text: string, nlu = parsed(text, 'none')) => ({ kind: 'message' as const, text, nlu, now: '2026-11-28T10:00:00.000Z', handoff: { state: 'queued' as const, handoffId: 'h1', awaitingCallbackAnswer: false } });

  it('does not ask for a score at a thanks while the citizen waits for a person', () => {
    const r = step(initialState(), queuedInput("i'm fine, thanks", parsed("i'm fine, thanks", 'thanks')), ctx);
    expect(r.replies.map((x) => `${x.trace.dialog}/${x.trace.step}`)).toEqual(['thanks/answer']);
    expect(r.state.pending).toBeNull();
    expect(r.state.feedbackAbout).toBeUndefined();
  });

  it('gives the same answer twice in a row only with the offer of a person who knows more', () => {
    const d = driver();
    const first = d.sayParsed(parsed('wanneer wordt het betaald', 'payment'));
    expect(first.replies.map((r) => r.trace.step)).toEqual(['answer']);
    expect(d.state.pending).toBeNull();
    const again = d.sayParsed(parsed('en wanneer staat het op mijn rekening', 'payment'));
    expect(again.replies.map((r) => [r.trace.dialog, r.trace.step])).toEqual([['payment', 'answer'], ['payment', 'same_again']]);
    expect(again.replies[0]!.text).toBe(first.text);
    expect(again.replies[1]!.text).toMatch(/Zal ik een medewerker vragen/);
    expect(d.state.pending).toBe('person_offer');
    // "waarom?" still explains the answer itself.
    expect(d.sayParsed(parsed('waarom?', 'none')).replies[0]!.trace.sources).toEqual(expect.arrayContaining([expect.objectContaining({ ref: expect.stringContaining('payment') })]));
  });

  it('hands over on yes, with the yes as evidence of an explicit request', () => {
    const { d, said } = askedToDoIt('kan dat hier?');
    expect(said.replies[0]!.trace).toMatchObject({ dialog: 'help', step: 'not_here' });
    const yes = d.sayParsed(parsed('ja graag', 'none'));
    const handoff = yes.effects.find((e) => e.type === 'handoff');
    expect(handoff).toMatchObject({ record: { reason: 'explicit_request', evidence: expect.stringContaining('ja graag') } });
    expect(d.state.pending).toBeNull();
  });

  it('leaves it on no, and takes anything else as the new message it is', () => {
    const no = askedToDoIt('kunt u dat voor mij doen').d;
    const said = no.sayParsed(parsed('nee', 'none'));
    expect(said.replies[0]!.trace).toMatchObject({ dialog: 'help', step: 'no_person' });
    expect(said.effects).toEqual([]);
    // "Laat maar" is a no too (it got "Wat ik erover weet, staat in mijn antwoord hierboven", or a goodbye).
    for (const [text, intent] of [['nee hoor laat maar', 'goodbye'], ['laat maar', 'none'], ['never mind', 'none']] as const) {
      const r = askedToDoIt('kan dat hier?').d.sayParsed(parsed(text, intent, [], 0.6));
      expect({ text, step: r.replies[0]!.trace.step }).toEqual({ text, step: 'no_person' });
    }
    const other = askedToDoIt('can i do that here').d;
    expect(other.sayParsed(parsed('wat zijn jullie openingstijden', 'contact_hours')).replies[0]!.trace.dialog).toBe('contact_hours');
    expect(other.state.pending).toBeNull();
  });

  it('asks once more after a bare "ok", which may only take in the answer; a second "ok" is a yes', () => {
    const d = driver();
    d.sayParsed(parsed('wanneer wordt het betaald', 'payment'));
    // The same answer again ("en hoeveel" is the amount now, an answer of its own), with the offer of a person.
    d.sayParsed(parsed('en wanneer precies', 'payment'));
    const ok = d.sayParsed(parsed('ok', 'none'));
    expect(ok.effects).toEqual([]);
    expect(ok.replies[0]!.trace.step).toBe('person_offer_again');
    expect(d.sayParsed(parsed('ok', 'none')).effects).toContainEqual(expect.objectContaining({ type: 'handoff', record: expect.objectContaining({ reason: 'explicit_request' }) }));
  });

  it('reads "not sure", "weet ik niet zeker" and the spoken "weet ik nie" at the case number as not having it', () => {
    for (const text of ['not sure', 'weet ik niet zeker', 'ik ben niet zeker', 'weet ik nie', 'kweenie', 'heb ik nie', 'idk']) {
      const d = driver();
      d.sayParsed(parsed('hoe staat het met mijn aanvraag', 'case_status'));
      expect(d.sayParsed(parsed(text, 'none')).replies[0]!.trace.step, text).toBe('no_number');
    }
  });

  it('says where the case number is when the case question itself says there is none, and offers a person the next time', () => {
    for (const text of ['hoe staat het met mijn bijstandsaanvraag, ik heb geen zaaknummer', 'ik wil weten hoe het met mijn aanvraag staat maar ik weet het zaaknummer niet',
      'status of my application please, I lost my case number', "what's happening with my permit? I don't have a case number"]) {
      const d = driver();
      const first = d.sayParsed(parsed(text, 'case_status'));
      expect({ text, step: first.replies[0]!.trace.step }).toEqual({ text, step: 'no_number' });
      expect(d.state.active?.step).toBe('ask_number');
      expect(d.sayParsed(parsed('die brief heb ik niet meer', 'none')).replies[0]!.trace.step).toBe('no_number_offer');
    }
    // Not about the number: the question for it.
    for (const text of ['ik weet niet hoe het staat met mijn aanvraag', 'hoe staat het met mijn aanvraag, ik heb niks gehoord', 'mijn telefoonnummer is veranderd, hoe staat het met mijn aanvraag']) {
      expect({ text, step: driver().sayParsed(parsed(text, 'case_status')).replies[0]!.trace.step }).toEqual({ text, step: 'ask_number' });
    }
  });

  it('tells someone who moved which postcode to use: the one on the letter about the application', () => {
    const d = driver();
    d.sayParsed(parsed('hoe staat het met Z-2026-000123', 'case_status', [nr('Z-2026-000123')]));
    const both = d.sayParsed(parsed('geen idee wat mijn postcode is, ik ben net verhuisd', 'change_details', [], 0.5));
    expect({ step: both.replies[0]!.trace.step, text: both.text }).toEqual({ step: 'ask_both', text: expect.stringMatching(/^Bent u verhuisd\? .*postcode die op de brief over uw aanvraag staat, met uw geboortedatum/) });
    const pcOnly = driver();
    pcOnly.sayParsed(parsed('hoe staat het met Z-2026-000123', 'case_status', [nr('Z-2026-000123')]));
    pcOnly.sayParsed(parsed('15-03-1980', 'none', [bd('1980-03-15')]));
    expect(pcOnly.sayParsed(parsed('we moved last month', 'none')).text).toMatch(/^Bent u verhuisd\? .*Lukt het niet\? Typ dan: medewerker\.$/);
    // Without a move: the usual words, or for "dat weet ik niet" the offer of a person.
    const plain = driver();
    plain.sayParsed(parsed('hoe staat het met Z-2026-000123', 'case_status', [nr('Z-2026-000123')]));
    expect(plain.sayParsed(parsed('welke?', 'none')).text).toMatch(/^Ik zie geen postcode of geboortedatum/);
    expect(plain.sayParsed(parsed('dat weet ik niet', 'none')).text).toMatch(/^Geen probleem\. De postcode staat op de brief/);
  });

  it('asks the details of the person the application is for when the citizen asks for someone else', () => {
    const d = driver();
    expect(d.sayParsed(parsed('ik wil de status van de aanvraag van mijn moeder weten, zij kan zelf niet typen', 'case_status')).text).toMatch(/^Ik zoek het voor u op\. Wat is het zaaknummer\?/);
    const both = d.sayParsed(parsed('Z-2026-000123', 'none', [nr('Z-2026-000123')]));
    expect(both.text).toMatch(/^Vraagt u het voor iemand anders\? Dan heb ik de postcode en de geboortedatum nodig van de persoon voor wie de aanvraag is/);
    expect(d.sayParsed(parsed('1234 AB', 'none', [pc('1234 AB')])).text).toMatch(/^Wat is de geboortedatum van de persoon voor wie de aanvraag is\?/);
    expect(d.sayParsed(parsed('15-03-1980', 'none', [bd('1980-03-15')])).replies[0]!.trace.step).toBe('answer');
    // "mijn buurman heeft ook een dakkapel aangevraagd" after one's own status: not one's own status again.
    const neighbour = driver();
    neighbour.sayParsed(parsed('x', 'case_status', [nr('Z-2026-000123'), pc('1234 AB'), bd('1980-03-15')]));
    const asked = neighbour.sayParsed(parsed('mijn buurman heeft ook een dakkapel aangevraagd, hoe staat het daarmee', 'case_status'));
    expect({ text: asked.text, facts: neighbour.state.facts }).toEqual({ text: expect.stringMatching(/^Ik zoek het voor u op\. Wat is het zaaknummer\?/), facts: { forOther: true } });
    // A relative who applied is someone else's case; one's own application beside a relative is one's own.
    for (const [said, other] of [['mn dochter heeft leerlingenvervoer aangevraagd, is dat al rond?', true], ['my mum applied for care support 6 weeks ago, is there any news?', true],
      ['Mijn man heeft COPD. Hoe staat het met mijn aanvraag voor een gehandicaptenparkeerplaats?', false], ['Is mijn aanvraag leerlingenvervoer voor mijn zoon al verwerkt?', false],
      ['My neighbour got hers in two weeks but I have not heard anything about my permit', false]] as const) {
      const d2 = driver();
      d2.sayParsed(parsed(said, 'case_status'));
      expect({ said, other: !!d2.state.facts.forOther }).toEqual({ said, other });
    }
    // Said during the questions, in English, or not at all.
    const later = driver();
    later.sayParsed(parsed('hoe staat het met Z-2026-000123', 'case_status', [nr('Z-2026-000123')]));
    expect(later.sayParsed(parsed('het is de aanvraag van mijn vader, zijn postcode is 1234 AB', 'none', [pc('1234 AB')])).text).toMatch(/van de persoon voor wie de aanvraag is/);
    const en = createDriver(ctx, { parse: (t) => ({ ...parsed(t, 'none'), lang: 'en' }) });
    expect(en.sayParsed({ ...parsed("what's the status of my mum's application Z-2026-000123", 'case_status', [nr('Z-2026-000123')]), lang: 'en' }).text).toMatch(/^Asking for someone else\?/);
    expect(driver().sayParsed(parsed('ik woon bij mijn moeder, hoe staat het met Z-2026-000123', 'case_status', [nr('Z-2026-000123')])).text).toMatch(/^Om te controleren dat u het bent/);
    expect(driver().sayParsed(parsed('mijn vader is overleden. hoe staat het met zijn aanvraag voor de traplift? Z-2026-000123', 'case_status', [nr('Z-2026-000123')])).text).toMatch(/^Vraagt u het voor iemand anders\?/);
  });

  it("asks the other person's number and details after the citizen's own case, not the own status again", () => {
    const d = driver();
    d.sayParsed(parsed('x', 'case_status', [nr('Z-2026-000124'), pc('1234 AB'), bd('1980-03-15')]));
    const asked = d.sayParsed(parsed('en hoe staat het met de aanvraag van mijn moeder?', 'case_status'));
    expect(asked.text).toMatch(/^Ik zoek het voor u op\. Wat is het zaaknummer\?/);
    expect(asked.text).not.toContain('7 december 2026');
    expect(d.sayParsed(parsed('Z-2026-000456', 'none', [nr('Z-2026-000456')])).text).toMatch(/^Vraagt u het voor iemand anders\? Dan heb ik de postcode en de geboortedatum nodig/);
    expect(d.sayParsed(parsed('5678 CD 01-07-1992', 'none', [pc('5678 CD'), bd('1992-07-01')])).text).toContain('Eerste betaling op 1 december 2026');
    // With the number in the same message: that person's details are asked, not checked against the citizen's.
    const withNumber = driver();
    withNumber.sayParsed(parsed('x', 'case_status', [nr('Z-2026-000124'), pc('1234 AB'), bd('1980-03-15')]));
    expect(withNumber.sayParsed(parsed('en Z-2026-000456 van mijn moeder?', 'case_status', [nr('Z-2026-000456')])).text).toMatch(/^Vraagt u het voor iemand anders\?/);
  });

  it("asks the citizen's own postcode and birth date for their own case after someone else's, and calls that case not 'uw zaak'", () => {
    const d = driver();
    d.sayParsed(parsed('hoe staat het met de aanvraag van mijn moeder', 'case_status'));
    d.sayParsed(parsed('Z-2026-000456', 'none', [nr('Z-2026-000456')]));
    const told = d.sayParsed(parsed('5678 CD 01-07-1992', 'none', [pc('5678 CD'), bd('1992-07-01')]));
    expect(told.text).toMatch(/^Zaak Z-2026-000456 \(Bijstandsuitkering\): Besluit genomen/);
    // Her phone number is not one to call the citizen on.
    expect(d.state.facts.phone).toBeUndefined();
    // Not checked against the mother's postcode and birth date (which would count as a failed check).
    const own = d.sayParsed(parsed('en die van mij Z-2026-000123', 'case_status', [nr('Z-2026-000123')]));
    expect(own.text).toMatch(/^Om te controleren dat u het bent: wat is uw postcode en uw geboortedatum\?/);
    expect(d.state.failures).toEqual({});
    expect(d.sayParsed(parsed('1234 AB 15-03-1980', 'none', [pc('1234 AB'), bd('1980-03-15')])).text).toMatch(/^Uw zaak Z-2026-000123/);
    // The citizen's identity now, with the mother's case apart: not proved with the citizen's details.
    expect(d.state.verifiedIdentity).toEqual({ postcode: '1234 AB', birthDate: '1980-03-15', cases: ['Z-2026-000123'], others: ['Z-2026-000456'] });
    // "mijn eigen postcode?" in the mother's flow asks about a fact, not for the citizen's own case.
    const fact = driver();
    fact.sayParsed(parsed('hoe staat het met de aanvraag van mijn moeder', 'case_status'));
    fact.sayParsed(parsed('Z-2026-000456', 'none', [nr('Z-2026-000456')]));
    fact.sayParsed(parsed('moet ik mijn eigen postcode geven?', 'none', [], 0.3));
    expect(fact.state.facts).toMatchObject({ caseNumber: 'Z-2026-000456', forOther: true });
    // A citizen proved first stays proved: their own second case needs nothing more.
    const first = driver();
    first.sayParsed(parsed('x', 'case_status', [nr('Z-2026-000124'), pc('1234 AB'), bd('1980-03-15')]));
    first.sayParsed(parsed('en hoe staat het met de aanvraag van mijn moeder?', 'case_status'));
    first.sayParsed(parsed('Z-2026-000456', 'none', [nr('Z-2026-000456')]));
    first.sayParsed(parsed('5678 CD 01-07-1992', 'none', [pc('5678 CD'), bd('1992-07-01')]));
    expect(first.sayParsed(parsed('en mijn eigen aanvraag Z-2026-000123?', 'case_status', [nr('Z-2026-000123')])).text).toMatch(/^Uw zaak Z-2026-000123/);
    expect(first.state.verifiedIdentity).toEqual({ postcode: '1234 AB', birthDate: '1980-03-15', cases: ['Z-2026-000124', 'Z-2026-000123'], others: ['Z-2026-000456'] });
  });

  it("checks another person's postcode and birth date sent after a number that did not fit the citizen's own", () => {
    const d = driver();
    d.sayParsed(parsed('x', 'case_status', [nr('Z-2026-000124'), pc('1234 AB'), bd('1980-03-15')]));
    expect(d.sayParsed(parsed('en Z-2026-000456?', 'case_status', [nr('Z-2026-000456')])).text).toMatch(/hoort niet bij de postcode en geboortedatum die u eerder gaf/);
    expect(d.sayParsed(parsed('5678 CD 01-07-1992', 'none', [pc('5678 CD'), bd('1992-07-01')])).text).toContain('Eerste betaling op 1 december 2026');
  });

  it('offers a person the second time the citizen has no case number; no leaves the question', () => {
    const d = driver();
    d.sayParsed(parsed('hoe staat het met mijn aanvraag', 'case_status'));
    expect(d.sayParsed(parsed('weet ik niet', 'none')).replies[0]!.trace.step).toBe('no_number');
    const second = d.sayParsed(parsed('ik heb geen brief gekregen', 'none'));
    expect(second.replies[0]!.trace.step).toBe('no_number_offer');
    expect(second.text).toMatch(/Zal ik een medewerker vragen/);
    d.sayParsed(parsed('nee', 'none'));
    expect(d.state.active).toBeNull();
    // No letter or e-mail at all: where the number is written does not help, so a person at once.
    for (const said of ['ik heb geen brief gehad', 'I never got a letter']) {
      const noLetter = driver();
      noLetter.sayParsed(parsed('hoe staat het met mijn aanvraag', 'case_status'));
      const r = noLetter.sayParsed(parsed(said, 'none'));
      expect({ said, step: r.replies[0]!.trace.step, pending: noLetter.state.pending }).toEqual({ said, step: 'no_number_offer', pending: 'person_offer' });
    }
    // A number found after all still goes on with the question.
    const found = driver();
    found.sayParsed(parsed('hoe staat het met mijn aanvraag', 'case_status'));
    found.sayParsed(parsed('weet ik niet', 'none'));
    found.sayParsed(parsed('heb ik niet', 'none'));
    expect(found.sayParsed(parsed('o wacht Z-2026-000123', 'none', [nr('Z-2026-000123')])).text).toMatch(/postcode en uw geboortedatum/);
  });

  it('says it cannot change a bank account or phone number sent by itself, and offers a person', () => {
    const iban: Entity = { type: 'iban', value: 'NL91ABNA0417164300', start: 0, end: 18 };
    const d = driver();
    d.sayParsed(parsed('ik wil mijn rekeningnummer wijzigen', 'change_details'));
    const said = d.sayParsed(parsed('NL91ABNA0417164300', 'none', [iban]));
    expect(said.replies[0]!.trace).toMatchObject({ dialog: 'help', step: 'details_not_here' });
    expect(said.text).toMatch(/Mijn Voorbeeld/);
    expect(d.state.pending).toBe('person_offer');
    // A phone number the citizen was asked for is not that.
    const phone: Entity = { type: 'phone', value: '+31612345678', start: 0, end: 10 };
    const asked = driver();
    asked.sayParsed(parsed('hoe staat het met mijn aanvraag', 'case_status'));
    expect(asked.sayParsed(parsed('0612345678', 'none', [phone])).replies[0]!.trace.step).not.toBe('details_not_here');
  });

  it('offers no person to a citizen who already waits for one', () => {
    const first = step(initialState(), { kind: 'message', text: 'wanneer wordt het betaald', nlu: parsed('wanneer wordt het betaald', 'payment'), now: '2026-11-28T10:00:00.000Z' }, ctx);
    const again = step(first.state, queuedInput('en hoeveel', parsed('en hoeveel', 'payment')), ctx);
    expect(again.state.pending).not.toBe('person_offer');
    const notHere = step(initialState(), queuedInput('kan dat hier?'), ctx);
    expect(notHere.state.pending).not.toBe('person_offer');
  });

  it('asks what the citizen wants to know about the topic they name, in their words', () => {
    const d = driver();
    const said = d.sayParsed(parsed('hoi ik heb een vraag over mijn uitkering', 'greeting', [], 0.69));
    expect(said.text).toBe('Wat wilt u weten over uw uitkering? Stel uw vraag maar.');
    const en = driver();
    en.sayParsed({ ...parsed('I have a question about my benefit', 'none'), lang: 'en' });
    expect(en.state.lang).toBe('en');
    expect(driver().sayParsed({ ...parsed('I have a question about my benefit', 'none'), lang: 'en' }).text).toBe('What would you like to know about your benefit? Go ahead and ask.');
    // A question about the application the classifier is sure of is the case question.
    expect(driver().sayParsed(parsed('ik heb een vraag over mijn aanvraag', 'case_status', [], 0.88)).replies[0]!.trace.dialog).toBe('case_status');
  });

  it('asks what a letter is about when the citizen only says they got one, not "I do not understand"', () => {
    for (const msg of ['ik heb een brief gehad', 'Ik heb vandaag een brief van jullie gekregen.', 'hoi ik heb brief gekregen', 'mijn moeder heeft een brief gehad van de gemeente']) {
      const said = driver().sayParsed(parsed(msg, 'none', [], 0.83));
      expect({ msg, step: said.replies[0]!.trace.step }).toEqual({ msg, step: 'letter' });
      expect(said.text).toMatch(/^Waar gaat de brief over\? .*Staat er een zaaknummer in, zoals Z-2026-000123\? .*Begrijpt u de brief niet\?/);
    }
    for (const msg of ['I got a letter from you', 'we received a letter today', 'my mum has received a letter from the council']) {
      expect({ msg, text: driver().sayParsed({ ...parsed(msg, 'none', [], 0.83), lang: 'en' }).text }).toEqual({ msg, text: expect.stringMatching(/^What is the letter about\? /) });
    }
    // A letter with what it is about, or the word alone, is something else.
    for (const msg of ['ik heb een brief gehad over mijn uitkering', 'brief', 'ik heb een brief gehad dat ik moet terugbetalen']) {
      expect({ msg, step: driver().sayParsed(parsed(msg, 'none', [], 0.4)).replies[0]!.trace.step }).not.toEqual({ msg, step: 'letter' });
    }
  });
});

describe('dialog step: a question it cannot place right after an answer', () => {
  it('says that what it knows is in that answer, and that a person knows more', () => {
    const d = driver();
    d.sayParsed(parsed('hoe maak ik bezwaar', 'objection'));
    const said = d.sayParsed(parsed('kan dat ook per fax?', 'none'));
    expect(said.replies[0]!.trace).toMatchObject({ dialog: 'none', step: 'fallback_after_answer' });
    expect(said.text).toMatch(/antwoord hierboven/);
    expect(said.text).toMatch(/medewerker/);
    // It is still a miss: a second one brings a person.
    expect(d.sayParsed(parsed('???', 'none')).effects).toContainEqual(expect.objectContaining({ type: 'handoff', record: expect.objectContaining({ reason: 'not_understood' }) }));
  });

  it('takes a question after a thanks as a question, not as the end of the contact', () => {
    const d = driver();
    d.sayParsed(parsed('x', 'case_status', [nr('Z-2026-000124'), pc('1234 AB'), bd('1980-03-15')]));
    const said = d.sayParsed(parsed('dank u. moet ik de vergunning ergens ophalen?', 'thanks'));
    // Answered from the status just told (nothing to collect), not taken as the end of the contact.
    expect(said.replies.map((r) => r.trace.step)).toEqual(['pick_up']);
    expect(d.sayParsed(parsed('dank u. wie is de welstandscommissie eigenlijk? en moet ik nog iets doen', 'thanks')).replies.map((r) => r.trace.dialog)).not.toContain('goodbye');
    expect(d.state.pending).toBeNull();
    // A thanks and goodbye still ends it, with the score asked; it is answered as the goodbye it is ("Tot ziens!").
    expect(driver().sayParsed(parsed('bedankt, doei', 'thanks')).replies.map((r) => r.trace.dialog)).toEqual(['goodbye', 'feedback']);
  });

  it('says it cannot take a new address in the chat, right after the answer on how to report it', () => {
    const d = driver();
    d.sayParsed(parsed('ik wil graag mijn adres wijzigen', 'change_details'));
    const said = d.sayParsed(parsed('ik woon nu op de Kerkstraat 12', 'change_details', [], 0.9));
    expect({ step: said.replies[0]!.trace.step, pending: d.state.pending }).toEqual({ step: 'address_not_here', pending: 'person_offer' });
    expect(said.text).toMatch(/^Uw nieuwe adres kan ik in deze chat niet doorgeven\./);
    // Asking how, or first telling the move: the answer on how.
    const asks = driver();
    asks.sayParsed(parsed('ik wil graag mijn adres wijzigen', 'change_details'));
    expect(asks.sayParsed(parsed('ik woon nu op de Kerkstraat 12, hoe geef ik dat door?', 'change_details', [], 0.9)).replies[0]!.trace.step).not.toBe('address_not_here');
    expect(driver().sayParsed(parsed('ik ben verhuisd naar de Kerkstraat 12', 'change_details', [], 0.9)).replies[0]!.trace.step).not.toBe('address_not_here');
  });

  it('lists its topics after a greeting or a thanks, which answer nothing', () => {
    const d = driver();
    d.sayParsed(parsed('hoi', 'greeting'));
    expect(d.sayParsed(parsed('blabla', 'none')).replies[0]!.trace.step).toBe('fallback');
  });
});

describe('dialog step: where is my case number?', () => {
  it('says where it is written, whatever the classifier made of it, and takes the number sent next', () => {
    const d = driver();
    const said = d.sayParsed(parsed('where do i find my case number', 'contact_hours', [], 0.86));
    expect(said.replies[0]!.trace).toMatchObject({ dialog: 'case_status', step: 'where_number' });
    expect(said.text).toMatch(/at the top of the letter/);
    expect(d.sayParsed(parsed('Z-2026-000123', 'none', [nr('Z-2026-000123')])).text).toMatch(/your postcode and your date of birth/);
  });

  it('reads "waar staat dat?" as that question only while the number is asked', () => {
    const d = driver();
    d.sayParsed(parsed('hoe staat het met mijn aanvraag', 'case_status'));
    expect(d.sayParsed(parsed('waar staat dat?', 'none')).replies[0]!.trace.step).toBe('where_number');
    expect(d.state.active?.step).toBe('ask_number');
    expect(driver().sayParsed(parsed('waar staat dat?', 'none')).replies[0]!.trace.step).not.toBe('where_number');
  });
});

describe('dialog step: case facts outside a flow', () => {
  it('takes a bare case number as the case question', () => {
    const d = driver();
    const said = d.sayParsed(parsed('Z-2026-000123', 'none', [nr('Z-2026-000123')], 0.3));
    expect(said.text).toContain('postcode');
    expect(d.state.active?.caseNumber).toBe('Z-2026-000123');
  });

  it('answers postcode and birth date given after the flow ended as the same case question', () => {
    const d = driver();
    d.sayParsed(parsed('x', 'case_status', [nr('Z-2026-000123'), pc('1234 AB'), bd('1980-03-15')]));
    const again = d.sayParsed(parsed('1234 AB 15-03-1980', 'none', [pc('1234 AB'), bd('1980-03-15')], 0.2));
    expect(again.text).toContain(STATUS_123);
    expect(again.text).not.toMatch(/begrijp/);
  });
});

describe('dialog step: a form', () => {
  it('offers a person for a form the citizen does not know what to do with', () => {
    for (const said of ['ik weet niet meer wat ik moet doen met dit formulier', 'ik snap dat formulier echt niet', "I don't know how to fill in the form"]) {
      const r = driver().sayParsed(parsed(said, 'none', [], 0.5));
      expect({ said, step: r.replies[0]!.trace.step }).toEqual({ said, step: 'form_help' });
    }
  });
});

describe('dialog step: what is this?', () => {
  it('tells someone new to the chat what it is and what to ask, also after a clause of their own', () => {
    for (const said of ['wat is dit eigenlijk?', 'hoe werkt dit', 'my son set this up on my phone, what is it for', 'my grandson said i can chat here. is this how it works?', 'Is this ChatGPT?']) {
      const r = driver().sayParsed(parsed(said, 'none', [], 0.5));
      expect({ said, step: r.replies[0]!.trace.step }).toEqual({ said, step: 'what_is_this' });
      expect(r.text).toMatch(/^(Dit is de chat van Gemeente Voorbeeld\. Ik ben een computerprogramma, geen mens\.|This is the chat)/);
    }
    // A question the classifier is sure of is about its own subject; "what is it for" after an answer is about that answer.
    expect(driver().sayParsed(parsed("I received €312 marked 'Verrekening'. What is this for?", 'payment')).replies[0]!.trace.step).not.toBe('what_is_this');
    const after = driver();
    after.sayParsed(parsed('welke papieren moet ik sturen', 'documents'));
    expect(after.sayParsed(parsed('what is it for', 'none', [], 0.5)).replies[0]!.trace.step).not.toBe('what_is_this');
  });
});

describe('dialog step: what can I ask?', () => {
  it('says what it can help with, and invites a question, without calling it a message it did not understand', () => {
    for (const [said, step] of [['wat kan ik hier vragen?', 'capabilities'], ['Waarmee kan je me helpen', 'capabilities'], ['waarmee kun je me helpen', 'capabilities'], ['wat kan je allemaal', 'capabilities'], ['wat kunt u allemaal doen?', 'capabilities'], ['what can you do?', 'capabilities'], ['ik heb een vraag', 'go_ahead'], ['hallo, ik heb een vraagje', 'go_ahead'], ['I have a question', 'go_ahead']] as const) {
      const r = driver().sayParsed(parsed(said, 'none'));
      expect({ said, step: r.replies[0]!.trace.step, dialog: r.replies[0]!.trace.dialog }).toEqual({ said, step, dialog: 'help' });
      expect(r.text).not.toContain('begrijp');
    }
    // A bare "help" may be a cry for help: not the list of what it can do (see "a bare help" below).
    expect(driver().sayParsed(parsed('help', 'none')).replies[0]!.trace.step).toBe('bare_help');
    // Inside the case flow it is no new question: the flow asks again.
    const d = driver();
    d.sayParsed(parsed('hoe staat het met mijn aanvraag', 'case_status'));
    expect(d.sayParsed(parsed('ik heb een vraag', 'none')).replies[0]!.trace.dialog).toBe('case_status');
  });
});
