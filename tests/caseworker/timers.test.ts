/**
 * The handoff timers, driven by `loket.handoffs.sweep()` with a fixed clock that the tests move:
 * the callback offer after a long wait, the return to the queue when a caseworker does not answer,
 * and the callback offer outside office hours.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { fixedClock } from '../../src/clock.ts';
import type { Loket } from '../../src/server/loket.ts';
import { OPEN_TUESDAY as TUESDAY, CLOSED_SATURDAY as SATURDAY } from '../support/loket.ts';
import { ADMIN, addCaseworker, as, citizen, events, login, startLoket, texts, type Citizen, type Session } from './helpers.ts';
import { atWork } from '../support/at-work.ts';

const WAIT = 120;
const REPLY_TIMEOUT = 60;

let loket: Loket | undefined;
afterEach(async () => {
  await loket?.close();
  loket = undefined;
});

async function boot(at: string, officeHours = 'always') {
  const clock = fixedClock(at);
  loket = await startLoket({ LOKET_OFFICE_HOURS: officeHours, LOKET_HANDOFF_WAIT_SECONDS: String(WAIT), LOKET_REPLY_TIMEOUT_SECONDS: String(REPLY_TIMEOUT) }, clock);
  const admin = await login(loket, ADMIN.username, ADMIN.password);
  // Someone at work: the wait is told in minutes, and the callback offered only after WAIT.
  await atWork(loket);
  return { loket, clock, admin };
}

/** Verifies case Z-2026-000123, so the assistant knows the phone number on file (+31612345678). */
async function verify(c: Citizen) {
  await c.say('hoe staat het met mijn aanvraag Z-2026-000123');
  await c.say('1234 AB');
  const told = await c.say('15-03-1980');
  expect(texts(told).join(' ')).toContain('advies welstandscommissie');
}

describe('nobody claims within LOKET_HANDOFF_WAIT_SECONDS', () => {
  it('offers the citizen a callback only after the wait has passed', async () => {
    const { loket, clock } = await boot(TUESDAY);
    const c = await citizen(loket);
    await c.askForPerson();
    await c.news();
    clock.advance((WAIT - 1) * 1000);
    await loket.handoffs.sweep();
    expect(await c.news()).toEqual([]);
    clock.advance(2000);
    await loket.handoffs.sweep();
    const offer = await c.news();
    expect(texts(offer)).toEqual([expect.stringContaining('Zullen we u terugbellen?')]);
    await loket.handoffs.sweep();
    expect(await c.news()).toEqual([]); // offered once
  });

  it('tells a waiting citizen who is moved back three places by people who need help first', async () => {
    const { loket } = await boot(TUESDAY);
    const c = await citizen(loket);
    expect(texts(await c.say('ik wil een medewerker spreken')).join(' ')).toContain('U bent nummer 1.');
    for (let i = 0; i < 2; i++) await (await citizen(loket)).say('ik zie het niet meer zitten');
    expect(texts(await c.news())).toEqual([]);
    await (await citizen(loket)).say('ik zie het niet meer zitten');
    expect(texts(await c.news())).toEqual(['Er zijn mensen bijgekomen die eerst hulp nodig hebben. U bent nu nummer 4 in de wachtrij. Nog ongeveer 16 minuten.']);
  });

  it('tells a wait for a crisis without the invitation to stop waiting, and a long one with the crisis line again', async () => {
    const { loket, clock } = await boot(TUESDAY);
    const c = await citizen(loket);
    const first = texts(await c.say('ik zie het niet meer zitten')).join(' ');
    expect(first).toMatch(/113.*U staat in de wachtrij\. U bent nummer 1\./);
    expect(first).not.toContain('annuleren');
    clock.advance((WAIT + 1) * 1000);
    await loket.handoffs.sweep();
    expect(texts(await c.news()).join(' ')).toMatch(/Zullen we u terugbellen\?.*bel 113 of gratis 0800-0113, dag en nacht\. Bent u in direct gevaar\? Bel 112\./);
    // An ordinary wait keeps both as they were.
    const plain = await citizen(loket);
    expect(texts(await plain.say('ik wil een medewerker spreken')).join(' ')).toContain('Typ dan: annuleren.');
  });

  it('keeps the citizen in the queue when they say no to the call: no to a call is no to the call, not to the person', async () => {
    const { loket, clock } = await boot(TUESDAY);
    const c = await citizen(loket);
    await c.say('ik kan niet goed lezen');
    clock.advance((WAIT + 1) * 1000);
    await loket.handoffs.sweep();
    await c.news();
    const answer = await c.say('nee');
    expect(events(answer, 'handoff.status')).toEqual([]);
    expect(texts(answer).join(' ')).toMatch(/^Goed\. U blijft in de wachtrij\. .*annuleren\. U kunt ons ook bellen op 14 0123/);
    expect(await c.handoff()).toMatchObject({ state: 'queued', reason: 'vulnerability' });
    // Offered once: no second offer on the next sweep.
    clock.advance((WAIT + 1) * 1000);
    await loket.handoffs.sweep();
    expect(texts(await c.news()).join(' ')).not.toContain('Zullen we u terugbellen?');
  });

  it('records a callback on the known phone number when the citizen says yes', async () => {
    const { loket, clock, admin } = await boot(TUESDAY);
    const c = await citizen(loket);
    await verify(c);
    const id = await c.askForPerson();
    clock.advance((WAIT + 1) * 1000);
    await loket.handoffs.sweep();
    await c.news();
    const answer = await c.say('ja graag');
    expect(texts(answer)).toEqual([expect.stringContaining('We bellen u terug op +316••••••78')]);
    const h = (await as(loket, admin).get(`/api/v1/handoffs/${id}`)).json();
    expect(h.callback).toMatchObject({ phone: '+31612345678' });
    expect(h.state).toBe('queued');
  });
});

describe('the callback offer is answered by the message right after it, or after one question in between', () => {
  it("asks the offer again once after another question and its answer; after a second one, 'ok' is about that answer, not a yes to a call", async () => {
    const { loket, clock, admin } = await boot(TUESDAY);
    const c = await citizen(loket);
    await verify(c);
    const id = await c.askForPerson();
    clock.advance((WAIT + 1) * 1000);
    await loket.handoffs.sweep();
    expect(texts(await c.news()).join(' ')).toContain('Zullen we u terugbellen?');
    const hours = texts(await c.say('wat zijn jullie openingstijden'));
    expect(hours.join(' ')).toContain('14 0123');
    expect(hours.at(-1)).toBe('Zullen we u nog terugbellen? Antwoord met ja of nee.');
    const cost = texts(await c.say('wat kost een paspoort')).join(' ');
    expect(cost).toContain('leges');
    expect(cost).not.toContain('terugbellen');
    expect(texts(await c.say('ok')).join(' ')).not.toContain('We bellen u terug');
    const h = (await as(loket, admin).get(`/api/v1/handoffs/${id}`)).json();
    expect(h).toMatchObject({ state: 'queued', callback: null });
    // Asking for the call in words still works.
    expect(texts(await c.say('bel me maar terug')).join(' ')).toMatch(/bellen|nummer/i);
  });

  it("takes 'ja' after the offer asked again as a yes to it, and a number sent alone later as the number to call", async () => {
    const { loket } = await boot(SATURDAY, 'mon-fri 08:30-17:00');
    const c = await citizen(loket);
    expect(texts(await c.say('ik wil een medewerker spreken')).join(' ')).toContain('Zullen we u terugbellen?');
    expect(texts(await c.say('hoe laat zijn jullie open?')).at(-1)).toBe('Zullen we u nog terugbellen? Antwoord met ja of nee.');
    expect(texts(await c.say('ja'))).toEqual([expect.stringContaining('Op welk telefoonnummer')]);
    // A question in between the yes and the number: answered, then the number asked again, once.
    const cost = texts(await c.say('wat kost een paspoort'));
    expect(cost.join(' ')).toContain('leges');
    expect(cost.at(-1)).toBe('Wilt u nog dat we u terugbellen? Stuur dan uw telefoonnummer, zo: 06-12345678.');
    expect(texts(await c.say('06-87654321')).join(' ')).toContain('We bellen u terug op +31687654321, vanaf maandag 30 november om 8.30 uur.');
    expect((await c.handoff())?.callback).toMatchObject({ phone: '+31687654321' });
  });

  it('calls back at the time asked for, on the first open day: in the request, or sent after the call is booked', async () => {
    const { loket } = await boot(SATURDAY, 'mon-fri 08:30-17:00');
    const asks = await citizen(loket);
    expect(texts(await asks.say('kunt u mij maandag om 14.00 terugbellen? 06-87654321')).join(' ')).toContain('We bellen u maandag 30 november om 14.00 uur terug op +31687654321.');
    expect((await asks.handoff())?.callback).toMatchObject({ phone: '+31687654321', notBefore: '2026-11-30T13:00:00.000Z' });
    const later = await citizen(loket);
    await later.say('ik wil een medewerker spreken');
    await later.say('ja');
    expect(texts(await later.say('06-87654321')).join(' ')).toContain('vanaf maandag 30 november om 8.30 uur.');
    // "half 3" is half past two; a number that is no time ("10 minuten nog?") moves nothing.
    expect(texts(await later.say('kan het om half 3?')).join(' ')).toContain('We bellen u maandag 30 november om 14.30 uur terug');
    expect(texts(await later.say('10 minuten nog?')).join(' ')).not.toContain('We bellen u');
    // A weekday named: that day (Tuesday 1 December), also to move a booked call (Wednesday 2 December).
    const tuesday = await citizen(loket);
    expect(texts(await tuesday.say('kunt u mij dinsdag om 10 uur terugbellen? 06-87654321')).join(' ')).toContain('We bellen u dinsdag 1 december om 10.00 uur terug');
    expect(texts(await tuesday.say('kan het woensdag om 11 uur?')).join(' ')).toContain('We bellen u woensdag 2 december om 11.00 uur terug');
    // A time the office is never open: said, and the next opening instead.
    const evening = await citizen(loket);
    expect(texts(await evening.say('bel me terug om 20 uur, 06-87654321')).join(' ')).toContain('Om 20.00 uur zijn we niet open. We bellen u terug op +31687654321, vanaf maandag 30 november om 8.30 uur.');
  });

  it('takes a phone number sent alone, after the offer was declined or passed by, as the number to call; not a number in a story', async () => {
    const { loket } = await boot(SATURDAY, 'mon-fri 08:30-17:00');
    const declined = await citizen(loket);
    await declined.say('ik wil een medewerker spreken');
    expect(texts(await declined.say('nee')).join(' ')).toContain('U kunt ons dan ook bellen');
    expect(texts(await declined.say('mijn nummer is 06-87654321')).join(' ')).toContain('We bellen u terug op +31687654321');
    const story = await citizen(loket);
    await story.say('ik wil een medewerker spreken');
    await story.say('nee');
    expect(texts(await story.say('mijn buurman met nummer 06-87654321 maakt veel lawaai')).join(' ')).not.toContain('We bellen u terug');
    expect((await story.handoff())?.callback ?? null).toBeNull();
  });

  it('does not ask the offer again after a goodbye or thanks, nor after a question of its own (the case number)', async () => {
    const { loket } = await boot(SATURDAY, 'mon-fri 08:30-17:00');
    for (const said of ['bedankt', 'doei']) {
      const c = await citizen(loket);
      await c.say('ik wil een medewerker spreken');
      expect({ said, told: texts(await c.say(said)).join(' ') }).not.toEqual({ said, told: expect.stringContaining('terugbellen') });
    }
    const c = await citizen(loket);
    await c.say('ik wil een medewerker spreken');
    const asked = texts(await c.say('hoe staat het met mijn aanvraag'));
    expect(asked.at(-1)).toContain('Wat is uw zaaknummer?');
  });

  it('takes a yes after many queue updates since the offer as a yes to it', async () => {
    const { loket, clock } = await boot(TUESDAY);
    const c = await citizen(loket);
    expect(texts(await c.say('ik wil een medewerker spreken')).join(' ')).toContain('U bent nummer 1.');
    clock.advance((WAIT + 1) * 1000);
    await loket.handoffs.sweep();
    expect(texts(await c.news()).join(' ')).toContain('Zullen we u terugbellen?');
    // People who need help first keep coming: one 'moved back' update per three, 18 in all.
    for (let i = 0; i < 54; i++) await (await citizen(loket)).say('ik zie het niet meer zitten');
    expect(texts(await c.news()).filter((t) => t.startsWith('Er zijn mensen bijgekomen'))).toHaveLength(18);
    expect(texts(await c.say('ja graag')).join(' ')).toMatch(/telefoonnummer/i);
    expect(texts(await c.say('0612345678')).join(' ')).toContain('We bellen u terug');
    expect((await c.handoff())?.callback).toMatchObject({ phone: '+31612345678' });
  });

  it("takes 'ja', then 'nee' to the question for the number, as no to the offered call: the question stays for the next opening", async () => {
    const { loket } = await boot(SATURDAY, 'mon-fri 08:30-17:00');
    const c = await citizen(loket);
    expect(texts(await c.say('ik wil een medewerker spreken')).join(' ')).toContain('terugbellen');
    expect(texts(await c.say('ja')).join(' ')).toMatch(/telefoonnummer/i);
    const no = texts(await c.say('nee')).join(' ');
    expect(no).toContain('Uw vraag blijft bij ons staan');
    expect(no).not.toContain('Een medewerker helpt u hier');
    expect((await c.handoff())?.callbackOffer).toMatchObject({ answered: true });
  });
});

describe('claimed, but no caseworker reply within LOKET_REPLY_TIMEOUT_SECONDS', () => {
  let anna: Session;

  it('goes back to the queue marked as returned, and the citizen hears another person will come', async () => {
    const { loket, clock, admin } = await boot(TUESDAY);
    anna = await addCaseworker(loket, admin, 'anna');
    const c = await citizen(loket);
    const id = await c.askForPerson();
    expect((await as(loket, anna).post(`/api/v1/handoffs/${id}/claim`)).statusCode).toBe(200);
    await c.news();
    clock.advance((REPLY_TIMEOUT - 1) * 1000);
    await loket.handoffs.sweep();
    expect((await c.handoff())?.state).toBe('active');
    clock.advance(2000);
    await loket.handoffs.sweep();
    const back = (await as(loket, admin).get('/api/v1/handoffs')).json().items.find((h: { id: string }) => h.id === id);
    expect(back).toMatchObject({ state: 'queued', assignee: null, returned: true });
    expect(texts(await c.news()).join(' ')).toContain('Een andere medewerker neemt uw vraag over');
    // A new claim clears the mark.
    const again = await as(loket, admin).post(`/api/v1/handoffs/${id}/claim`);
    expect(again.json()).toMatchObject({ state: 'active', returned: false });
  });

  it('gives the crisis line again when a crisis goes back to the queue unanswered', async () => {
    const { loket, clock, admin } = await boot(TUESDAY);
    anna = await addCaseworker(loket, admin, 'anna');
    const c = await citizen(loket);
    const id = await c.askForPerson('ik zie het niet meer zitten');
    await as(loket, anna).post(`/api/v1/handoffs/${id}/claim`);
    await c.news();
    clock.advance((REPLY_TIMEOUT + 1) * 1000);
    await loket.handoffs.sweep();
    expect(await c.handoff()).toMatchObject({ state: 'queued', returned: true });
    const told = texts(await c.news()).join(' ');
    expect(told).toContain('Een andere medewerker komt zo snel mogelijk bij u');
    expect(told).toContain('bel 113 of gratis 0800-0113, dag en nacht');
  });

  it('stays with the caseworker who answered, until the citizen writes and waits too long again', async () => {
    const { loket, clock, admin } = await boot(TUESDAY);
    anna = await addCaseworker(loket, admin, 'anna');
    const c = await citizen(loket);
    const id = await c.askForPerson();
    await as(loket, anna).post(`/api/v1/handoffs/${id}/claim`);
    clock.advance(10_000);
    await as(loket, anna).post(`/api/v1/handoffs/${id}/messages`, { text: 'Ik kijk ernaar.' });
    clock.advance((REPLY_TIMEOUT + 30) * 1000);
    await loket.handoffs.sweep();
    expect((await c.handoff())?.state).toBe('active');
    await c.say('hallo? bent u er nog?');
    clock.advance((REPLY_TIMEOUT + 1) * 1000);
    await loket.handoffs.sweep();
    expect(await c.handoff()).toMatchObject({ state: 'queued', returned: true });
  });
});

describe('outside office hours', () => {
  it('offers a callback at once, asks the phone number when it is not known, and calls not before the next opening', async () => {
    const { loket, admin } = await boot(SATURDAY, 'mon-fri 08:30-17:00');
    const c = await citizen(loket);
    const asked = await c.say('ik wil een medewerker spreken');
    expect(texts(asked).join(' ')).toContain('We zijn nu gesloten');
    expect(texts(asked).join(' ')).toContain('maandag 30 november om 8.30 uur');
    const id = (await c.handoff())!.id;
    expect(texts(await c.say('ja'))).toEqual([expect.stringContaining('Op welk telefoonnummer')]);
    expect(texts(await c.say('06-87654321')).join(' ')).toContain('We bellen u terug op');
    const h = (await as(loket, admin).get(`/api/v1/handoffs/${id}`)).json();
    expect(h.callback.phone).toMatch(/^(\+316|06)-?87654321$/);
    expect(h.callback.notBefore).toBe('2026-11-30T07:30:00.000Z');
  });

  it('answers "kan ik nu bellen?" and "ik wil nu iemand spreken" with that we are closed, when we open and the callback, not "Ik zorg dat een medewerker u helpt"', async () => {
    const { loket } = await boot(SATURDAY, 'mon-fri 08:30-17:00');
    // "can I call now?" asks for the phone number (contact_hours since the bigram weights of 68ff759): the hours
    // answer, which says we are closed and when we open, answers it; an English request for a person is here instead.
    for (const asked of ['kan ik nu bellen?', 'ik wil nu iemand spreken', 'I want to talk to someone now']) {
      const c = await citizen(loket);
      // The welcome comes with the first message.
      const told = texts(await c.say(asked)).filter((t) => !t.startsWith('Hallo!'));
      expect({ asked, told }).toEqual({ asked, told: [expect.stringMatching(/^(We zijn nu gesloten\. We zijn weer open op maandag 30 november om 8\.30 uur\. Zullen we u terugbellen\? Dat doen we zodra we open zijn\.|We are closed now\. We open again on Monday 30 November at 08:30\. Shall we call you back\?)/)] });
      expect({ asked, handoff: (await c.handoff())?.state }).toEqual({ asked, handoff: 'queued' });
      expect({ asked, told: texts(await c.say(asked.startsWith('I ') ? 'yes' : 'ja')) }).toEqual({ asked, told: [expect.stringMatching(/Op welk telefoonnummer|Which phone number/)] });
    }
  });

  it('does not ask the phone number when it is known', async () => {
    const { loket } = await boot(SATURDAY, 'mon-fri 08:30-17:00');
    const c = await citizen(loket);
    await verify(c);
    await c.say('ik wil een medewerker spreken');
    const answer = texts(await c.say('ja'));
    expect(answer).toEqual([expect.stringContaining('We bellen u terug op +316••••••78')]);
    expect(answer.join(' ')).not.toContain('Op welk telefoonnummer');
  });

  it('says when a person answers, not "Een medewerker helpt u hier", to a no to the number of a callback asked for while closed', async () => {
    const { loket } = await boot(SATURDAY, 'mon-fri 08:30-17:00');
    const c = await citizen(loket);
    expect(texts(await c.say('kan iemand mij bellen over mijn bijstand')).join(' ')).toContain('Op welk telefoonnummer');
    const told = texts(await c.say('nee')).join(' ');
    expect(told).toContain('Een medewerker antwoordt hier als we weer open zijn.');
    expect(told).not.toContain('Een medewerker helpt u hier');
  });

  it('does not offer the callback just asked for, and tells it again when asked how long', async () => {
    const { loket } = await boot(SATURDAY, 'mon-fri 08:30-17:00');
    const c = await citizen(loket);
    const asked = texts(await c.say('kunt u mij terugbellen op 06-87654321')).join(' ');
    expect(asked).toContain('We bellen u terug op +31687654321, vanaf maandag 30 november om 8.30 uur.');
    expect(asked).not.toContain('Zullen we u terugbellen?');
    expect(texts(await c.say('hoe lang duurt het nog?')).join(' ')).toContain('We bellen u terug op +31687654321');
  });

  it('asks only for the number of a callback asked without one ("kan iemand mij morgen bellen?" too), then says when', async () => {
    const { loket } = await boot(SATURDAY, 'mon-fri 08:30-17:00');
    for (const request of ['kunt u mij terugbellen', 'kan iemand mij morgen bellen over mijn aanvraag?']) {
      const c = await citizen(loket);
      const asked = texts(await c.say(request)).join(' ');
      expect({ request, asked }).toEqual({ request, asked: expect.stringContaining('Op welk telefoonnummer kunnen we u bellen?') });
      expect(asked).not.toContain('Zullen we u terugbellen?');
      expect(texts(await c.say('06-87654321')).join(' ')).toContain('We bellen u terug op +31687654321, vanaf maandag 30 november om 8.30 uur.');
    }
  });

  it('says when a person answers, not "een medewerker komt zo bij u", to a citizen who declined the callback', async () => {
    const { loket } = await boot(SATURDAY, 'mon-fri 08:30-17:00');
    const c = await citizen(loket);
    await c.say('ik wil een medewerker spreken');
    await c.say('nee');
    const told = texts(await c.say('hoe lang duurt het nog?')).join(' ');
    expect(told).toContain('We zijn nu gesloten. Een medewerker antwoordt hier vanaf maandag 30 november om 8.30 uur.');
    expect(told).not.toContain('komt zo bij u');
  });

  it('answers thanks while waiting with where the wait stands (or the call booked), not with "U kunt ook altijd een medewerker spreken"', async () => {
    const { loket } = await boot(SATURDAY, 'mon-fri 08:30-17:00');
    const c = await citizen(loket);
    await c.say('ik wil een medewerker spreken');
    await c.say('nee');
    const thanks = texts(await c.say('bedankt'));
    expect(thanks).toEqual(['Graag gedaan!', expect.stringContaining('Een medewerker antwoordt hier vanaf maandag 30 november om 8.30 uur.')]);
    const called = await citizen(loket);
    await called.say('kunt u mij terugbellen op 06-87654321');
    expect(texts(await called.say('dank je wel')).join(' ')).toContain('We bellen u terug op +31687654321');
  });

  it('answers "hoe lang duurt dat?" and "ben ik nu aan de beurt?" while waiting with the wait, not the case question; for a complaint, also the six weeks of its answer', async () => {
    const { loket } = await boot(TUESDAY);
    const c = await citizen(loket);
    await c.say('ik wil een medewerker spreken');
    for (const asked of ['hoe lang duurt dat?', 'how long does that take?', 'ben ik nu aan de beurt?', 'ben ik bijna aan de beurt']) {
      const told = texts(await c.say(asked)).join(' ');
      expect({ asked, told }).toEqual({ asked, told: expect.stringMatching(/^(U staat al in de wachtrij|You are already in the queue)/) });
    }
    const k = await citizen(loket);
    await k.say('ik wil een klacht indienen');
    const weeks = texts(await k.say('hoe lang duurt het voordat mijn klacht behandeld is?'));
    expect(weeks).toEqual([expect.stringContaining('binnen 6 weken een antwoord op uw klacht'), expect.stringContaining('U staat al in de wachtrij')]);
    const en = await citizen(loket);
    await en.say('I want to file a complaint');
    expect(texts(await en.say('when will my complaint be handled?')).join(' ')).toContain('within 6 weeks');
  });

  it('takes "nee morgen pas" to the question for the number as a call later, not none', async () => {
    const { loket } = await boot(SATURDAY, 'mon-fri 08:30-17:00');
    const later = await citizen(loket);
    await later.say('kan iemand mij bellen?');
    const told = texts(await later.say('nee morgen pas')).join(' ');
    expect(told).toMatch(/^Dat kan\. Schrijf erbij wanneer het u uitkomt\..*Op welk telefoonnummer/);
    expect(told).not.toContain('U blijft in de wachtrij');
    expect(texts(await later.say('na 5 uur graag, 06-87654321')).join(' ')).toContain('We bellen u terug op +31687654321');
    // "nee laat maar" is still no call.
    const none = await citizen(loket);
    await none.say('kan iemand mij bellen?');
    expect(texts(await none.say('nee laat maar')).join(' ')).not.toContain('Schrijf erbij');
  });

  it('still gives the crisis line at once, and sends no timeout offer while closed', async () => {
    const { loket, clock } = await boot(SATURDAY, 'mon-fri 08:30-17:00');
    const c = await citizen(loket);
    const told = texts(await c.say('ik zie het niet meer zitten')).join(' ');
    expect(told).toContain('113');
    expect(told).toContain('We zijn nu gesloten');
    clock.advance((WAIT + 60) * 1000);
    await loket.handoffs.sweep();
    expect(await c.news()).toEqual([]);
  });
});
