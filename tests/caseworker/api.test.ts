/**
 * The caseworker API (CONTRACTS §5) against the real app: auth and CSRF, the handoff verbs, what the
 * citizen sees of them, the inbox order, transcripts, users, and the OpenAPI document.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../src/clock.ts';
import { MAX_CASEWORKER_TEXT } from '../../src/handoff/service.ts';
import type { Loket } from '../../src/server/loket.ts';
import { ADMIN, addCaseworker, as, ASK_PERSON, citizen, code, events, login, message, startLoket, texts, type Session } from './helpers.ts';
import { atWork } from '../support/at-work.ts';

const clock = fixedClock('2026-11-24T09:00:00Z'); // a Tuesday, 10:00 in Amsterdam
let loket: Loket;
let admin: Session;
let anna: Session;
let bram: Session;

beforeAll(async () => {
  loket = await startLoket({}, clock);
  // Someone at work: the wait is told in minutes (tests/handoff/presence.test.ts: nobody at work).
  await atWork(loket);
  admin = await login(loket, ADMIN.username, ADMIN.password);
  anna = await addCaseworker(loket, admin, 'anna', { name: 'Anna de Vries' });
  bram = await addCaseworker(loket, admin, 'bram', { name: 'Bram Bakker' });
});
afterAll(() => loket?.close());

describe('authentication', () => {
  it('refuses a request without a session with 401', async () => {
    const res = await loket.app.inject({ method: 'GET', url: '/api/v1/handoffs' });
    expect(res.statusCode).toBe(401);
    expect(code(res)).toBe('UNAUTHENTICATED');
  });

  it('refuses a wrong password with 401, and says nothing about which part was wrong', async () => {
    const res = await loket.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'anna', password: 'wrong-password-1' } });
    expect(res.statusCode).toBe(401);
    expect(code(res)).toBe('LOGIN_FAILED');
    const unknown = await loket.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'nobody', password: 'wrong-password-1' } });
    expect(unknown.statusCode).toBe(401);
    expect(message(unknown)).toBe(message(res));
  });

  it('sets an HttpOnly, SameSite=Strict session cookie at login, and /auth/me restores the CSRF token', async () => {
    const res = await loket.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'anna', password: 'anna-password-1' } });
    const cookie = String(res.headers['set-cookie']);
    expect(cookie).toMatch(/^loket_session=[^;]+;/);
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Strict');
    const { token, csrfToken, user } = res.json();
    expect(user).toEqual({ username: 'anna', name: 'Anna de Vries', role: 'caseworker', teams: ['klantcontact'] });
    expect(JSON.stringify(res.json())).not.toContain('password');
    const me = await loket.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie: `loket_session=${token}` } });
    expect(me.statusCode).toBe(200);
    expect(me.json()).toMatchObject({ user: { username: 'anna' }, csrfToken });
  });

  it('refuses a caseworker on an admin route with 403', async () => {
    const res = await as(loket, anna).get('/api/v1/users');
    expect(res.statusCode).toBe(403);
    expect(code(res)).toBe('FORBIDDEN');
    const create = await as(loket, anna).post('/api/v1/users', { username: 'mallory', password: 'mallory-password', name: 'M', role: 'admin', teams: [] });
    expect(create.statusCode).toBe(403);
  });

  it('refuses a cookie POST without the X-CSRF-Token header with 403, and accepts it with the header', async () => {
    const c = await citizen(loket);
    const id = await c.askForPerson();
    const without = await as(loket, anna, { cookie: true, csrf: false }).post(`/api/v1/handoffs/${id}/notes`, { text: 'intern' });
    expect(without.statusCode).toBe(403);
    expect(code(without)).toBe('CSRF_FAILED');
    const wrong = await loket.app.inject({ method: 'POST', url: `/api/v1/handoffs/${id}/notes`, headers: { cookie: `loket_session=${anna.token}`, 'x-csrf-token': bram.csrf }, payload: { text: 'intern' } });
    expect(wrong.statusCode).toBe(403);
    const withHeader = await as(loket, anna, { cookie: true }).post(`/api/v1/handoffs/${id}/notes`, { text: 'intern' });
    expect(withHeader.statusCode).toBe(201);
    // GETs with the cookie need no CSRF header.
    expect((await as(loket, anna, { cookie: true }).get(`/api/v1/handoffs/${id}`)).statusCode).toBe(200);
  });

  it('ends the session at logout', async () => {
    const s = await login(loket, 'bram', 'bram-password-1');
    expect((await as(loket, s).post('/api/v1/auth/logout')).statusCode).toBe(200);
    expect((await as(loket, s).get('/api/v1/auth/me')).statusCode).toBe(401);
  });
});

describe('waiting for a person', () => {
  it('answers "hoe lang duurt het nog?" with the place in the queue, and a question about a case as one', async () => {
    const c = await citizen(loket);
    await c.askForPerson();
    await c.news();
    const wait = texts(await c.say('hoe lang duurt het nog?')).join(' ');
    expect(wait).toMatch(/U staat al in de wachtrij\. U bent nummer \d+\. Het duurt nog ongeveer \d+ minuten\./);
    for (const said of ['hoe lang nog dan', 'duurt het nog lang?', 'how much longer', 'waarom moet ik wachten', 'wanneer krijg ik antwoord?', 'when will I get an answer?']) {
      expect({ said, wait: texts(await c.say(said)).join(' ') }).toEqual({ said, wait: expect.stringMatching(/(U staat al in de wachtrij|You are already in the queue)\. (U bent nummer|You are number) \d+/) });
    }
    const english = texts(await c.say('how long do I have to wait?')).join(' ');
    expect(english).toMatch(/U staat al in de wachtrij|You are already in the queue/);
    // "English" while waiting: from now on in English, the wait said in it.
    const switched = texts(await c.say('English'));
    expect(switched[0]).toBe('Of course. I will answer in English from now on.');
    expect(switched.join(' ')).toMatch(/You are already in the queue\. You are number \d+/);
    // Not the wait: the case flow answers, and the queue is not mentioned.
    const asked = texts(await c.say('hoe lang duurt mijn aanvraag nog')).join(' ');
    expect(asked).toContain('zaaknummer');
    expect(asked).not.toContain('wachtrij');
  });

  it('answers a goodbye while waiting with the place kept and how to give it up; no score asked', async () => {
    for (const bye of ['doei', 'bye']) {
      const c = await citizen(loket);
      await c.askForPerson();
      await c.news();
      const told = texts(await c.say(bye)).join(' ');
      expect({ bye, told }).toEqual({ bye, told: expect.stringMatching(/(U staat nog in de wachtrij|You are still in the queue)\. .*(annuleren|cancel)\.$/) });
      expect(await c.handoff()).toMatchObject({ state: 'queued' });
    }
  });
});

describe('waiting for a person: what the assistant cannot place', () => {
  it('keeps it for the caseworker instead of listing its topics, and never counts it towards another handoff', async () => {
    const c = await citizen(loket);
    const id = await c.askForPerson();
    await c.news();
    expect(texts(await c.say('ok en nu?')).join(' ')).toMatch(/U staat al in de wachtrij\. U bent nummer \d+/);
    for (const said of ['de brief ligt bij mijn zus', 'ik heb de brief van 3 november hier']) {
      const reply = texts(await c.say(said)).join(' ');
      expect(reply).toContain('Ik heb uw bericht bewaard');
      expect(reply).not.toContain('begrijp');
    }
    // The same answer a second time says nothing new: that message is kept for the person too.
    expect(texts(await c.say('ik moet geld terugbetalen aan de gemeente')).join(' ')).toContain('In de brief staat hoeveel en waarom');
    expect(texts(await c.say('ik moet geld terugbetalen, hoe gaat dat')).join(' ')).toContain('Ik heb uw bericht bewaard');
    // Two messages it could not place did not end in a second, not_understood handoff.
    const open = await c.handoff();
    expect(open?.id).toBe(id);
    expect(open?.evidence.map((e) => e.reason)).not.toContain('not_understood');
  });
});

describe('what the caseworker reads first', () => {
  it('follows the conversation while the citizen waits: the case named, then verified', async () => {
    const c = await citizen(loket);
    await c.say('mijn aanvraag Z-2025-004242 duurt al veel te lang');
    expect(await c.handoff()).toMatchObject({ reason: 'frustration', caseNumber: 'Z-2025-004242', summary: expect.stringContaining('Zaak genoemd: Z-2025-004242 (niet geverifieerd)') });
    // The facts sent while waiting verify the case (it is overdue, so a person answers it anyway).
    expect(texts(await c.say('9012EF 29 februari 1968')).join(' ')).toContain('Uw gegevens kloppen');
    const h = await c.handoff();
    expect(h?.summary).toContain('Geverifieerd (postcode + geboortedatum) voor Z-2025-004242');
    expect(h?.summary).not.toContain('niet geverifieerd');
    expect(h?.identity).toMatchObject({ cases: ['Z-2025-004242'] });
  });

  it('keeps the citizen\'s last message current while they wait and while a caseworker holds it', async () => {
    const c = await citizen(loket);
    const id = await c.askForPerson('mijn man is overleden, ik wil iemand spreken');
    await c.say('ik moet ook de huurtoeslag van mijn man stopzetten, hoe doe ik dat?');
    const waiting = (await as(loket, anna).get(`/api/v1/handoffs/${id}`)).json();
    expect(waiting.summary).toContain('Burger schreef 2×; laatst: "ik moet ook de huurtoeslag van mijn man stopzetten, hoe doe ik dat?"');
    await as(loket, anna).post(`/api/v1/handoffs/${id}/claim`);
    clock.advance(1000);
    await c.say('en zijn paspoort, moet ik dat inleveren?');
    const held = (await as(loket, anna).get(`/api/v1/handoffs/${id}`)).json();
    expect(held.summary).toContain('Burger schreef 3×; laatst: "en zijn paspoort, moet ik dat inleveren?"');
    expect(held.lastCitizenMessageAt > held.claimedAt).toBe(true);
    // A postcode and birth date, or a bare "ja", is not quoted in a row every team reads: the last message that says something.
    clock.advance(1000);
    await c.say('1234 AB 30-11-1975');
    await c.say('ja');
    const facts = (await as(loket, anna).get(`/api/v1/handoffs/${id}`)).json().summary;
    expect(facts).toContain('Burger schreef 5×; laatst: "en zijn paspoort, moet ik dat inleveren?"');
    expect(facts).not.toMatch(/1234 AB|30-11-1975/);
    // Personal data inside a message that says something is named, not shown.
    await c.say('u kunt mij bellen op 0612345678 of mailen, postcode 1234 AB');
    const named = (await as(loket, anna).get(`/api/v1/handoffs/${id}`)).json().summary;
    expect(named).toContain('laatst: "u kunt mij bellen op [telefoonnummer] of mailen, postcode [postcode]"');
    await as(loket, anna).post(`/api/v1/handoffs/${id}/close`, { outcome: 'geholpen' });
  });
});

describe('what the caseworker reads first: what the citizen came for and was told', () => {
  it('keeps the first question and lists what the assistant answered, however long the conversation', async () => {
    const c = await citizen(loket);
    await c.say('hoe staat het met mijn aanvraag');
    await c.say('Z-2026-000123');
    await c.say('1234 AB 15-03-1980');
    await c.say('wat zijn de openingstijden');
    await c.say('welke papieren moet ik opsturen');
    await c.say('en wat betekent welstand');
    await c.askForPerson();
    const summary = (await c.handoff())!.summary;
    expect(summary).toContain('Vraag: "hoe staat het met mijn aanvraag".');
    expect(summary).toMatch(/Assistent gaf: de status van Z-2026-000123; antwoord over [^.;]*openingstijden[^;]*; antwoord over [^;]*(papieren|documenten)/);
    expect(summary).toContain(`Burger schreef 7×; laatst: "${ASK_PERSON}".`);
  });

  it('takes as the question the first message that asked something, not the greeting or nod before it', async () => {
    const c = await citizen(loket);
    await c.say('hoi');
    await c.say('goedemiddag');
    await c.say('ik heb een vraag');
    await c.say('waarom?');
    await c.say('welke papieren moet ik opsturen');
    await c.askForPerson();
    expect((await c.handoff())!.summary).toContain('Vraag: "welke papieren moet ik opsturen".');
    // A greeting and a request for a person: that request is what the citizen came for.
    const d = await citizen(loket);
    await d.say('hallo');
    await d.askForPerson();
    expect((await d.handoff())!.summary).toContain(`Vraag: "${ASK_PERSON}".`);
  });

  it('counts the messages the assistant did not understand', async () => {
    const c = await citizen(loket);
    await c.say('blorp fnerk zwiebel');
    await c.askForPerson();
    expect((await c.handoff())!.summary).toContain('Assistent begreep 1× een bericht niet.');
  });

  it('is brought up to date when the conversation goes back to a queue, with what was said meanwhile', async () => {
    const c = await citizen(loket);
    const id = await c.askForPerson();
    await as(loket, anna).post(`/api/v1/handoffs/${id}/claim`);
    await c.say('het gaat om de brief van 3 november over mijn toeslag');
    await as(loket, anna).post(`/api/v1/handoffs/${id}/transfer`, { team: 'werk-en-inkomen', note: 'toeslag' });
    const summary = (await as(loket, anna).get(`/api/v1/handoffs/${id}`)).json().summary;
    expect(summary).toContain('laatst: "het gaat om de brief van 3 november over mijn toeslag"');
  });

  it('tells the caseworker who helped before in the same conversation, how it ended and what they noted; the citizen gets none of it', async () => {
    const c = await citizen(loket);
    const first = await c.askForPerson();
    await as(loket, anna).post(`/api/v1/handoffs/${first}/claim`);
    await as(loket, anna).post(`/api/v1/handoffs/${first}/notes`, { text: 'burger wacht op brief van de belastingdienst' });
    await as(loket, anna).post(`/api/v1/handoffs/${first}/release`, { note: 'dakkapel uitgelegd' });
    const second = await c.askForPerson('ik wil toch weer een medewerker');
    expect(second).not.toBe(first);
    const detail = (await as(loket, bram).get(`/api/v1/handoffs/${second}`)).json();
    // For caseworkers only: none of it in the summary, which the citizen's own client gets in handoff.initiate.
    expect(detail.summary).not.toMatch(/Anna|belastingdienst|dakkapel uitgelegd/);
    expect(JSON.stringify(await c.all())).not.toMatch(/Anna de Vries|belastingdienst|dakkapel uitgelegd/);
    expect(detail.earlier).toHaveLength(1);
    expect(detail.earlier[0]).toMatchObject({ id: first, assignee: 'anna', assigneeName: 'Anna de Vries', outcome: 'released', state: 'released' });
    expect(detail.earlier[0].notes.map((n: { text: string }) => n.text)).toEqual(['burger wacht op brief van de belastingdienst', 'dakkapel uitgelegd']);
    // The first handoff's own detail has nothing before it.
    expect((await as(loket, bram).get(`/api/v1/handoffs/${first}`)).json().earlier).toEqual([]);
    // Nobody took it: no holder.
    const d = await citizen(loket);
    const unclaimed = await d.askForPerson();
    await as(loket, bram).post(`/api/v1/handoffs/${unclaimed}/close`, { outcome: 'geen reactie' });
    await d.askForPerson();
    const again = (await as(loket, bram).get(`/api/v1/handoffs/${(await d.handoff())!.id}`)).json();
    expect(again.earlier).toEqual([expect.objectContaining({ id: unclaimed, assignee: null, assigneeName: null, outcome: 'geen reactie' })]);
  });
});

describe('what the citizen\'s own client gets of a handoff', () => {
  it('gets no identity, no phone number from the case system and no name of a case flag; the caseworker gets them', async () => {
    const c = await citizen(loket);
    await c.say('hoe staat het met Z-2026-000789');
    const got = await c.say('1234 AB 30-11-1975');
    const initiate = events(got, 'handoff.initiate')[0]!;
    expect(initiate.value).toMatchObject({ reason: 'case_flag', verified: true, case: 'Z-2026-000789' });
    const everything = JSON.stringify(await c.all());
    expect(everything).not.toContain('hardship');
    expect(everything).not.toContain('+31611112222');
    const detail = (await as(loket, anna).get(`/api/v1/handoffs/${(initiate.value as { handoffId: string }).handoffId}`)).json();
    expect(JSON.stringify(detail.evidence)).toContain('case-flag:hardship');
    expect(detail.identity).toMatchObject({ phone: '+31611112222' });
  });
});

describe('what the caseworker reads first, after a plain request', () => {
  it('shows a case verified while waiting as verified', async () => {
    const c = await citizen(loket);
    await c.askForPerson();
    expect((await c.handoff())?.identity).toBeNull();
    expect(texts(await c.say('Z-2026-000123 1234 AB 15-03-1980')).join(' ')).toContain('In behandeling');
    const h = await c.handoff();
    expect(h).toMatchObject({ state: 'queued', caseNumber: 'Z-2026-000123', identity: { postcode: '1234 AB', cases: ['Z-2026-000123'] } });
    expect(h?.summary).toContain('Geverifieerd (postcode + geboortedatum) voor Z-2026-000123');
  });

  it("says that details proved for someone else's case are that person's", async () => {
    const c = await citizen(loket);
    await c.askForPerson();
    await c.say('hoe staat het met de aanvraag van mijn moeder');
    await c.say('Z-2026-000456');
    expect(texts(await c.say('5678 CD 01-07-1992')).join(' ')).toContain('Zaak Z-2026-000456');
    const h = await c.handoff();
    expect(h?.summary).toContain('Geverifieerd (postcode + geboortedatum) voor Z-2026-000456, met de gegevens van degene voor wie de burger het vraagt.');
    expect(h?.identity).toMatchObject({ cases: ['Z-2026-000456'], forOther: true });
    // The citizen proved first, then the mother's case: hers apart.
    const both = await citizen(loket);
    await both.askForPerson();
    await both.say('Z-2026-000124 1234 AB 15-03-1980');
    await both.say('en hoe staat het met de aanvraag van mijn moeder');
    await both.say('Z-2026-000456');
    await both.say('5678 CD 01-07-1992');
    const h2 = await both.handoff();
    expect(h2?.summary).toContain('Geverifieerd (postcode + geboortedatum) voor Z-2026-000124. Ook geverifieerd voor Z-2026-000456, met de gegevens van degene voor wie de burger het vraagt.');
    expect(h2?.identity).toMatchObject({ postcode: '1234 AB', cases: ['Z-2026-000124'], others: ['Z-2026-000456'] });
  });
});

describe('a person offered where the assistant can go no further', () => {
  it('offers one to a citizen without a case number, and yes queues them for the case question', async () => {
    const c = await citizen(loket);
    await c.say('hoe staat het met mijn aanvraag');
    expect(texts(await c.say('weet ik niet')).join(' ')).toContain('bovenaan de brief');
    expect(texts(await c.say('ik heb geen brief gekregen')).join(' ')).toContain('Zal ik een medewerker vragen?');
    expect(await c.handoff()).toBeNull();
    const yes = await c.say('ja graag');
    expect(events(yes, 'handoff.initiate')).toHaveLength(1);
    expect(await c.handoff()).toMatchObject({ state: 'queued', reason: 'explicit_request', evidence: [expect.objectContaining({ evidence: expect.stringContaining('ja graag') })] });
  });

  it('says what it cannot do in the chat, and no leaves it there', async () => {
    const c = await citizen(loket);
    await c.say('ik wil mijn adres wijzigen');
    expect(texts(await c.say('kan dat hier?')).join(' ')).toContain('Dat kan ik in deze chat niet voor u regelen');
    expect(texts(await c.say('nee')).join(' ')).toContain('Kan ik u ergens anders mee helpen?');
    expect(await c.handoff()).toBeNull();
  });
});

describe('asking to be called back', () => {
  it('asks the number, or takes it from the message, and records the callback on the handoff', async () => {
    const asks = await citizen(loket);
    expect(texts(await asks.say('kunt u mij terugbellen?')).join(' ')).toContain('Op welk telefoonnummer kunnen we u bellen?');
    // Open now: as soon as someone is free, not "vanaf dinsdag om 08:57".
    expect(texts(await asks.say('0612345678')).join(' ')).toContain('We bellen u terug op +31612345678, zodra er een medewerker vrij is.');
    expect((await asks.handoff())?.callback).toMatchObject({ phone: '+31612345678' });
    // Asked when: the wait, not the opening hours.
    for (const said of ['hoe lang duurt het voordat jullie bellen', 'wanneer bellen jullie?', 'when will you call me back?']) {
      expect({ said, wait: texts(await asks.say(said)).join(' ') }).toEqual({ said, wait: expect.stringMatching(/We bellen u terug op \+31612345678|We bellen u op \+31612345678 zodra|We will call you on \+31612345678 as soon|U staat al in de wachtrij|You are already in the queue/) });
    }

    const gives = await citizen(loket);
    expect(texts(await gives.say('ik wil graag teruggebeld worden op 06-87654321')).join(' ')).toContain('We bellen u terug op +31687654321');
    expect((await gives.handoff())).toMatchObject({ reason: 'explicit_request', callback: { phone: '+31687654321' } });
  });

  it('offers the number already known instead of asking for it, showing only its end', async () => {
    for (const yes of ['ja, op het nummer dat jullie al hebben', 'ja graag']) {
      const c = await citizen(loket);
      await c.say('hoe staat het met Z-2026-000123');
      await c.say('1234 AB 15-03-1980');
      const asked = texts(await c.say('kunt u mij terugbellen?')).join(' ');
      expect(asked).toContain('Zullen we u bellen op het nummer dat wij van u hebben (het eindigt op 78)?');
      expect(asked).not.toContain('+31612345678');
      // The number from the case system is shown as the offer showed it: only its end.
      expect(texts(await c.say(yes)).join(' ')).toContain('We bellen u terug op +316••••••78');
      expect(await c.handoff()).toMatchObject({ callback: { phone: '+31612345678' } });
    }
    // Not that number: asked for the other one, nothing arranged.
    for (const no of ['nee, niet dat nummer', 'mijn nummer is veranderd', 'ja maar een ander nummer']) {
      const other = await citizen(loket);
      await other.say('hoe staat het met Z-2026-000123');
      await other.say('1234 AB 15-03-1980');
      await other.say('kunt u mij terugbellen?');
      expect({ no, told: texts(await other.say(no)).join(' ') }).toEqual({ no, told: expect.stringContaining('Op welk telefoonnummer kunnen we u bellen?') });
      expect(await other.handoff()).toMatchObject({ callback: null });
    }
    // Another number sent instead is the one called.
    const c = await citizen(loket);
    await c.say('hoe staat het met Z-2026-000123');
    await c.say('1234 AB 15-03-1980');
    await c.say('bel me terug aub');
    expect(texts(await c.say('bel liever 06-87654321')).join(' ')).toContain('We bellen u terug op +31687654321');
  });

  it('answers another question asked instead of the number, and keeps the citizen in the queue', async () => {
    const c = await citizen(loket);
    await c.say('kunt u mij terugbellen?');
    const hours = texts(await c.say('wat zijn jullie openingstijden')).join(' ');
    expect(hours).not.toContain('Ik zie geen telefoonnummer');
    expect(hours).toMatch(/14 0123/);
    expect(await c.handoff()).toMatchObject({ state: 'queued', callback: null });
    // A number written wrong is still asked again.
    const d = await citizen(loket);
    await d.say('kunt u mij terugbellen?');
    expect(texts(await d.say('06-1234')).join(' ')).toContain('Ik zie geen telefoonnummer');
  });

  it('keeps the citizen in the queue when they would rather not give a number', async () => {
    const c = await citizen(loket);
    await c.say('bel me terug aub');
    expect(texts(await c.say('nee laat maar')).join(' ')).toContain('U blijft in de wachtrij');
    expect(await c.handoff()).toMatchObject({ state: 'queued', callback: null });
  });
});

describe('claiming a handoff', () => {
  it("never shows the citizen an account's name ('admin') for a person: 'een medewerker' instead", async () => {
    const c = await citizen(loket);
    const id = await c.askForPerson();
    expect((await as(loket, admin).post(`/api/v1/handoffs/${id}/claim`)).statusCode).toBe(200);
    const joined = await c.news();
    expect(texts(joined)).toEqual(['Een medewerker van de gemeente helpt u nu verder.']);
    expect(JSON.stringify(joined)).not.toMatch(/admin/i);
    await as(loket, admin).post(`/api/v1/handoffs/${id}/messages`, { text: 'Goedemorgen, waarmee kan ik helpen?' });
    const [msg] = (await c.news()).filter((a) => a.type === 'message');
    expect(msg!.from).toMatchObject({ role: 'caseworker', name: 'Medewerker' });
    // Moved to that account by a colleague: 'een collega', not 'admin'.
    const d = await citizen(loket);
    const other = await d.askForPerson();
    await as(loket, admin).post(`/api/v1/handoffs/${other}/transfer`, { caseworker: 'admin', note: 'neem ik' });
    expect(texts(await d.news()).join(' ')).toContain('Uw vraag is doorgezet naar een collega.');
  });

  it('gives it to the first caseworker, tells the citizen who joined, and refuses the second with HANDOFF_TAKEN naming the holder', async () => {
    const c = await citizen(loket);
    const id = await c.askForPerson();
    await c.news();
    const first = await as(loket, anna).post(`/api/v1/handoffs/${id}/claim`);
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({ id, state: 'active', assignee: 'anna' });
    const seen = await c.news();
    expect(events(seen, 'handoff.status')[0]?.value).toMatchObject({ state: 'accepted' });
    expect(texts(seen).join(' ')).toContain('Anna van de gemeente');
    expect(texts(seen).join(' ')).not.toContain('de Vries');

    const second = await as(loket, bram).post(`/api/v1/handoffs/${id}/claim`);
    expect(second.statusCode).toBe(409);
    expect(code(second)).toBe('HANDOFF_TAKEN');
    expect(message(second)).toContain('anna');
    // The console asks for Dutch: the same code, the sentence in Dutch; an empty reply likewise.
    const nl = await loket.app.inject({ method: 'POST', url: `/api/v1/handoffs/${id}/claim`, headers: { authorization: `Bearer ${bram.token}`, 'accept-language': 'nl' }, payload: {} });
    expect(nl.json()).toEqual({ error: { code: 'HANDOFF_TAKEN', message: 'Dit gesprek is al overgenomen door anna.' } });
    const empty = await loket.app.inject({ method: 'POST', url: `/api/v1/handoffs/${id}/messages`, headers: { authorization: `Bearer ${anna.token}`, 'accept-language': 'nl-NL,nl;q=0.9' }, payload: { text: '   ' } });
    expect(empty.json()).toEqual({ error: { code: 'TEXT_EMPTY', message: 'De tekst is leeg. Schrijf iets.' } });
  });

  it('lets exactly one of ten caseworkers racing for the same handoff win', async () => {
    const racers = await Promise.all(Array.from({ length: 10 }, (_, i) => addCaseworker(loket, admin, `racer${i}`)));
    const c = await citizen(loket);
    const id = await c.askForPerson();
    const results = await Promise.all(racers.map((s) => as(loket, s).post(`/api/v1/handoffs/${id}/claim`)));
    const won = results.filter((r) => r.statusCode === 200);
    const lost = results.filter((r) => r.statusCode === 409);
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(9);
    const winner = (won[0]!.json() as { assignee: string }).assignee;
    for (const r of lost) {
      expect(code(r)).toBe('HANDOFF_TAKEN');
      expect(message(r)).toContain(winner);
    }
    expect((await c.all()).filter((a) => a.name === 'handoff.status')).toHaveLength(1);
  });

  it('refuses to claim a closed handoff with 409', async () => {
    const c = await citizen(loket);
    const id = await c.askForPerson();
    expect((await as(loket, anna).post(`/api/v1/handoffs/${id}/close`, { outcome: 'opgelost' })).statusCode).toBe(200);
    const res = await as(loket, bram).post(`/api/v1/handoffs/${id}/claim`);
    expect(res.statusCode).toBe(409);
    expect(code(res)).toBe('HANDOFF_WRONG_STATE');
  });

  it('answers 404 for a handoff that does not exist', async () => {
    const res = await as(loket, anna).post('/api/v1/handoffs/nope/claim');
    expect(res.statusCode).toBe(404);
    expect(code(res)).toBe('HANDOFF_NOT_FOUND');
  });
});

describe('replies and notes', () => {
  let c: Awaited<ReturnType<typeof citizen>>;
  let id: string;
  beforeAll(async () => {
    c = await citizen(loket);
    id = await c.askForPerson();
    expect((await as(loket, anna).post(`/api/v1/handoffs/${id}/claim`)).statusCode).toBe(200);
    await c.news();
  });

  it('delivers a reply to the citizen as a caseworker message with the first name only', async () => {
    const res = await as(loket, anna, { cookie: true }).post(`/api/v1/handoffs/${id}/messages`, { text: 'Goedemorgen, ik kijk even mee.' });
    expect(res.statusCode).toBe(200);
    const replies = (await c.news()).filter((a) => a.from.role === 'caseworker');
    expect(replies).toHaveLength(1);
    expect(replies[0]).toMatchObject({ type: 'message', text: 'Goedemorgen, ik kijk even mee.', from: { role: 'caseworker', name: 'Anna' } });
  });

  it('keeps a note internal: it is in the handoff, never in the citizen conversation', async () => {
    const secret = 'Intern: burger klonk gehaast, let op bij terugbellen';
    expect((await as(loket, anna).post(`/api/v1/handoffs/${id}/notes`, { text: secret })).statusCode).toBe(201);
    const all = await c.all();
    expect(JSON.stringify(all)).not.toContain('gehaast');
    const detail = (await as(loket, anna).get(`/api/v1/handoffs/${id}`)).json();
    expect(detail.notes.map((n: { text: string }) => n.text)).toContain(secret);
    expect(detail.notes.find((n: { text: string }) => n.text === secret)).toMatchObject({ author: 'anna' });
  });

  it('refuses an empty reply with TEXT_EMPTY and an over-long one with 400', async () => {
    for (const text of ['', '   \n ']) {
      const res = await as(loket, anna).post(`/api/v1/handoffs/${id}/messages`, { text });
      expect(res.statusCode).toBe(400);
      expect(code(res)).toBe('TEXT_EMPTY');
    }
    const long = await as(loket, anna).post(`/api/v1/handoffs/${id}/messages`, { text: 'x'.repeat(MAX_CASEWORKER_TEXT + 1) });
    expect(long.statusCode).toBe(400);
    expect(code(long)).toBe('TEXT_TOO_LONG');
    expect(message(long)).toContain(String(MAX_CASEWORKER_TEXT));
    const emptyNote = await as(loket, anna).post(`/api/v1/handoffs/${id}/notes`, { text: '' });
    expect(code(emptyNote)).toBe('TEXT_EMPTY');
    expect((await c.news()).filter((a) => a.from.role === 'caseworker')).toHaveLength(0);
  });

  it('refuses a reply that shows nothing or is broken, by the rules of a citizen message, and counts characters, not UTF-16 units', async () => {
    // Zero-width space, joiner and a direction mark: an empty bubble on the citizen's screen.
    for (const text of ['\u200b', '\u200d\u200e \u00ad', '\ufeff']) {
      const res = await as(loket, anna).post(`/api/v1/handoffs/${id}/messages`, { text });
      expect({ text, status: res.statusCode, code: code(res) }).toEqual({ text, status: 400, code: 'TEXT_EMPTY' });
    }
    for (const text of ['hallo \ud83d', 'bel ons\u0007', 'u kunt \ufffd']) {
      const res = await as(loket, anna).post(`/api/v1/handoffs/${id}/messages`, { text });
      expect({ text, status: res.statusCode, code: code(res) }).toEqual({ text, status: 400, code: 'TEXT_NOT_TEXT' });
      expect(message(res)).toContain('plain text');
    }
    const note = await as(loket, anna).post(`/api/v1/handoffs/${id}/notes`, { text: '\u200b\u200b' });
    expect(code(note)).toBe('TEXT_EMPTY');
    expect((await c.news()).filter((a) => a.from.role === 'caseworker')).toHaveLength(0);
    // 2,000 emoji are 4,000 UTF-16 units but 2,000 characters: within the limit.
    const emoji = await as(loket, anna).post(`/api/v1/handoffs/${id}/messages`, { text: '👍'.repeat(MAX_CASEWORKER_TEXT) });
    expect(emoji.statusCode).toBeLessThan(300);
    const sent = (await c.news()).filter((a) => a.from.role === 'caseworker');
    expect(sent.map((a) => a.text)).toEqual(['👍'.repeat(MAX_CASEWORKER_TEXT)]);
  });

  it('refuses a reply from a caseworker who does not hold the conversation', async () => {
    const res = await as(loket, bram).post(`/api/v1/handoffs/${id}/messages`, { text: 'hallo' });
    expect(res.statusCode).toBe(409);
    expect(code(res)).toBe('HANDOFF_NOT_YOURS');
  });
});

describe('a crisis while a caseworker holds the conversation', () => {
  it('gives the crisis line at once, and the handoff held becomes one for distress at priority 1, with no second handoff', async () => {
    const c = await citizen(loket);
    const id = await c.askForPerson();
    await as(loket, anna).post(`/api/v1/handoffs/${id}/claim`);
    await as(loket, anna).post(`/api/v1/handoffs/${id}/messages`, { text: 'Dag, met Anna. Waar gaat uw vraag over?' });
    await c.news();
    // Anything else stays for the caseworker: no reply of the assistant's own.
    expect((await c.say('de eerste betaling is nog niet binnen')).filter((a) => a.type === 'message')).toEqual([]);
    const told = (await c.say('ik wil niet meer leven als dit zo doorgaat')).filter((a) => a.type === 'message').map((a) => a.text).join(' ');
    expect(told).toMatch(/bel 113 of gratis 0800-0113, dag en nacht\. Bent u in direct gevaar\? Bel 112\./);
    const detail = (await as(loket, anna).get(`/api/v1/handoffs/${id}`)).json();
    expect(detail).toMatchObject({ state: 'active', assignee: 'anna', reason: 'distress', priority: 1 });
    expect(JSON.stringify(detail.evidence)).toContain('niet meer leven');
    const open = (await as(loket, admin).get('/api/v1/handoffs?state=queued')).json().items.filter((h: { conversationId: string }) => h.conversationId === c.id);
    expect(open).toEqual([]);
  });
});

describe('the end of a conversation about a crisis', () => {
  it('is not closed from the queue before anyone spoke with the citizen; closed after that, with the crisis line and no score', async () => {
    const c = await citizen(loket);
    const id = await c.askForPerson('ik zie het niet meer zitten');
    await c.news();
    const refused = await as(loket, admin).post(`/api/v1/handoffs/${id}/close`, { outcome: 'geen reactie' });
    expect(refused.statusCode).toBe(409);
    expect(code(refused)).toBe('HANDOFF_CRISIS_UNCLAIMED');
    expect(message(refused)).toMatch(/Take it over first/);
    expect(await c.handoff()).toMatchObject({ id, state: 'queued' });
    expect(texts(await c.news())).toEqual([]);

    await as(loket, anna).post(`/api/v1/handoffs/${id}/claim`);
    expect((await as(loket, anna).post(`/api/v1/handoffs/${id}/close`, { outcome: 'geholpen' })).statusCode).toBe(200);
    const told = texts(await c.news()).join(' ');
    expect(told).toContain('De medewerker heeft het gesprek afgesloten.');
    expect(told).toContain('Bel 113 of gratis 0800-0113, dag en nacht. Bent u in direct gevaar? Bel 112.');
    expect(told).not.toContain('Hoe tevreden');
    await c.say('4');
    expect(await c.scores()).toEqual([]);
  });

  it('is handed back to the assistant only with a note, and the citizen gets the crisis line, not a score question', async () => {
    const c = await citizen(loket);
    await c.say('I do not want to live anymore');
    const id = (await c.handoff())!.id;
    await as(loket, anna).post(`/api/v1/handoffs/${id}/claim`);
    await c.news();
    const bare = await as(loket, anna).post(`/api/v1/handoffs/${id}/release`, {});
    expect(bare.statusCode).toBe(400);
    expect(code(bare)).toBe('HANDOFF_CRISIS_NOTE');
    expect((await as(loket, anna).post(`/api/v1/handoffs/${id}/release`, { note: '   ' })).statusCode).toBe(400);
    expect(await c.handoff()).toMatchObject({ id, state: 'active' });

    const res = await as(loket, anna).post(`/api/v1/handoffs/${id}/release`, { note: 'Gebeld, huisarts komt vanmiddag langs' });
    expect(res.statusCode).toBe(200);
    const told = texts(await c.news()).join(' ');
    expect(told).toContain('The caseworker has handed the conversation back to me.');
    expect(told).toContain('Call 113 or free on 0800-0113, day and night.');
    expect(told).not.toContain('How satisfied');
    await c.say('5');
    expect(await c.scores()).toEqual([]);
  });

  it('goes to the front desk whatever the case is about, and waits at the top of every inbox, other teams\' too', async () => {
    const local = await startLoket({}, fixedClock('2026-11-24T09:00:00Z'));
    try {
      const a = await login(local, ADMIN.username, ADMIN.password);
      const piet = await addCaseworker(local, a, 'piet', { name: 'Piet Jansen', teams: ['parkeren'] });
      const parking = await citizen(local);
      await parking.say('hoe staat het met mijn parkeervergunning Z-2026-000124');
      await parking.say('1234 AB 15-03-1980');
      await parking.askForPerson();
      const crisis = await citizen(local);
      await crisis.say('hoe staat het met mijn parkeervergunning Z-2026-000124');
      await crisis.say('1234 AB 15-03-1980');
      await crisis.say('ik zie het echt niet meer zitten, ik wil er een eind aan maken');
      expect(await crisis.handoff()).toMatchObject({ reason: 'distress', team: 'klantcontact' });
      expect(await parking.handoff()).toMatchObject({ reason: 'explicit_request', team: 'parkeren' });
      // Piet works in parkeren only: the crisis of the front desk still comes first in his inbox.
      const items = (await as(local, piet).get('/api/v1/handoffs')).json().items;
      expect(items.map((h: { reason: string; team: string }) => `${h.reason}@${h.team}`)).toEqual(['distress@klantcontact', 'explicit_request@parkeren']);
    } finally {
      await local.close();
    }
  });

  it('moves a waiting handoff to the front desk when a crisis comes up in it', async () => {
    const local = await startLoket({}, fixedClock('2026-11-24T09:00:00Z'));
    try {
      const c = await citizen(local);
      await c.say('hoe staat het met mijn parkeervergunning Z-2026-000124');
      await c.say('1234 AB 15-03-1980');
      await c.askForPerson();
      expect(await c.handoff()).toMatchObject({ team: 'parkeren' });
      await c.say('ik wil niet meer leven');
      expect(await c.handoff()).toMatchObject({ reason: 'distress', priority: 1, team: 'klantcontact' });
    } finally {
      await local.close();
    }
  });
});

describe('release, close and transfer', () => {
  it('hands back to the assistant on release: the next citizen message gets the assistant again, and a reply is refused', async () => {
    const c = await citizen(loket);
    const id = await c.askForPerson();
    await as(loket, anna).post(`/api/v1/handoffs/${id}/claim`);
    await c.news();
    const res = await as(loket, anna).post(`/api/v1/handoffs/${id}/release`, { note: 'vraag beantwoord' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ state: 'released' });
    const told = await c.news();
    expect(events(told, 'handoff.status')[0]?.value).toMatchObject({ state: 'completed' });
    // While a person held it the assistant was silent; now it answers again.
    const answer = await c.say('wat zijn de openingstijden');
    const bot = answer.filter((a) => a.type === 'message' && a.from.role === 'bot');
    expect(bot.length).toBeGreaterThan(0);
    expect(bot[0]!.text).toContain('14 0123');
    expect((bot[0]!.channelData as { trace: { dialog: string } }).trace.dialog).not.toBe('handoff');

    const late = await as(loket, anna).post(`/api/v1/handoffs/${id}/messages`, { text: 'nog één ding' });
    expect(late.statusCode).toBe(409);
    expect(code(late)).toBe('HANDOFF_WRONG_STATE');
    const notes = (await as(loket, anna).get(`/api/v1/handoffs/${id}`)).json().notes;
    expect(notes.map((n: { text: string }) => n.text)).toContain('vraag beantwoord');
  });

  it('the assistant stays silent while a person holds the conversation', async () => {
    const c = await citizen(loket);
    const id = await c.askForPerson();
    await as(loket, anna).post(`/api/v1/handoffs/${id}/claim`);
    await c.news();
    const quiet = await c.say('wat zijn de openingstijden');
    expect(quiet.filter((a) => a.from.role === 'bot' && a.type === 'message')).toHaveLength(0);
    await as(loket, anna).post(`/api/v1/handoffs/${id}/close`, { outcome: 'anders' });
  });

  it('ends the handoff on close with the outcome, and the next citizen message starts with the assistant', async () => {
    const c = await citizen(loket);
    const id = await c.askForPerson();
    await as(loket, anna).post(`/api/v1/handoffs/${id}/claim`);
    const res = await as(loket, anna).post(`/api/v1/handoffs/${id}/close`, { outcome: 'doorverwezen: naar het Juridisch Loket' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ state: 'closed', outcome: 'doorverwezen: naar het Juridisch Loket' });
    const told = await c.news();
    expect(events(told, 'handoff.status').at(-1)?.value).toMatchObject({ state: 'completed' });
    expect(await c.handoff()).toBeNull();
    const next = await c.say('wat zijn de openingstijden');
    expect(next[0]).toMatchObject({ type: 'message', from: { role: 'bot' } });
    expect(next[0]!.text).toContain('14 0123');
    const closed = (await as(loket, anna).get('/api/v1/handoffs?state=closed')).json();
    expect(closed.items.map((h: { id: string }) => h.id)).toContain(id);
  });

  it('says so when a handoff no caseworker wrote on is closed (also one taken and passed on), and asks no score for help never given', async () => {
    const c = await citizen(loket);
    const id = await c.askForPerson();
    await c.news();
    expect((await as(loket, anna).post(`/api/v1/handoffs/${id}/close`, { outcome: 'spam' })).statusCode).toBe(200);
    const told = texts(await c.news()).join(' ');
    expect(told).toMatch(/^Een medewerker heeft uw vraag afgesloten, zonder gesprek\./);
    expect(told).not.toContain('Hoe tevreden');
    await c.say('4');
    expect(await c.scores()).toEqual([]);
    // Taken over and passed on to a team, then closed there, with nobody having written: no score either.
    const passed = await citizen(loket);
    const third = await passed.askForPerson();
    await as(loket, anna).post(`/api/v1/handoffs/${third}/claim`);
    await as(loket, anna).post(`/api/v1/handoffs/${third}/transfer`, { team: 'vergunningen', note: 'gaat over een dakkapel' });
    await passed.news();
    // Now in another team's queue: not anna's to close any more (close-rights.test.ts), but a supervisor's.
    expect((await as(loket, admin).post(`/api/v1/handoffs/${third}/close`, { outcome: 'opgelost' })).statusCode).toBe(200);
    const passedTold = texts(await passed.news()).join(' ');
    expect(passedTold).toMatch(/^Een medewerker heeft uw vraag afgesloten, zonder gesprek\./);
    expect(passedTold).not.toContain('Hoe tevreden');
    // After a conversation with a person the score is asked, as before.
    const talked = await citizen(loket);
    const other = await talked.askForPerson();
    await as(loket, anna).post(`/api/v1/handoffs/${other}/claim`);
    await as(loket, anna).post(`/api/v1/handoffs/${other}/messages`, { text: 'Goedemiddag, ik help u verder.' });
    await as(loket, anna).post(`/api/v1/handoffs/${other}/close`, { outcome: 'geholpen' });
    expect(texts(await talked.news()).join(' ')).toContain('Hoe tevreden bent u over de hulp?');
  });

  it('transfers to a team with a note: back in that team\'s queue, the citizen is told, the note is kept', async () => {
    const c = await citizen(loket);
    const id = await c.askForPerson();
    await as(loket, anna).post(`/api/v1/handoffs/${id}/claim`);
    await c.news();
    const res = await as(loket, anna).post(`/api/v1/handoffs/${id}/transfer`, { team: 'vergunningen', note: 'gaat over een dakkapel' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ state: 'queued', team: 'vergunningen', assignee: null });
    // Not the team's id ("vergunningen" means nothing to the citizen), and their place in that queue.
    const told = texts(await c.news()).join(' ');
    expect(told).toContain('Uw vraag is doorgezet naar een collega van een ander team.');
    expect(told).not.toContain('vergunningen');
    expect(told).toMatch(/U bent nummer \d+\./);
    const detail = (await as(loket, anna).get(`/api/v1/handoffs/${id}`)).json();
    expect(detail.notes.some((n: { text: string }) => n.text.includes('gaat over een dakkapel'))).toBe(true);
    expect(JSON.stringify(await c.all())).not.toContain('dakkapel');
  });

  it('transfers to a named caseworker, who then holds it', async () => {
    const c = await citizen(loket);
    const id = await c.askForPerson();
    const res = await as(loket, anna).post(`/api/v1/handoffs/${id}/transfer`, { caseworker: 'bram', note: 'Bram kent deze burger' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ state: 'active', assignee: 'bram' });
    expect(texts(await c.news()).join(' ')).toContain('Bram');
    expect((await as(loket, bram).post(`/api/v1/handoffs/${id}/messages`, { text: 'Hallo, met Bram.' })).statusCode).toBe(200);
  });

  it('lets only a supervisor move a conversation someone else holds', async () => {
    const c = await citizen(loket);
    const id = await c.askForPerson();
    await as(loket, anna).post(`/api/v1/handoffs/${id}/claim`);
    const res = await as(loket, bram).post(`/api/v1/handoffs/${id}/transfer`, { team: 'klachten', note: 'niet van mij' });
    expect(res.statusCode).toBe(403);
    expect((await as(loket, admin).post(`/api/v1/handoffs/${id}/transfer`, { team: 'klachten', note: 'supervisor verplaatst' })).statusCode).toBe(200);
  });

  it('refuses a transfer without a team or caseworker', async () => {
    const c = await citizen(loket);
    const id = await c.askForPerson();
    const res = await as(loket, anna).post(`/api/v1/handoffs/${id}/transfer`, { note: 'ergens heen' });
    expect(res.statusCode).toBe(400);
  });

  it('refuses a transfer to a team that does not exist with TEAM_NOT_FOUND, naming the teams; the citizen is told nothing', async () => {
    const c = await citizen(loket);
    const id = await c.askForPerson();
    await c.news();
    const res = await as(loket, anna).post(`/api/v1/handoffs/${id}/transfer`, { team: 'bestaatniet', note: 'x' });
    expect(res.statusCode).toBe(404);
    expect(code(res)).toBe('TEAM_NOT_FOUND');
    expect(message(res)).toMatch(/"bestaatniet".*klachten.*klantcontact/);
    expect(await c.news()).toEqual([]);
    expect(await c.handoff()).toMatchObject({ state: 'queued', team: 'klantcontact' });
  });
});

describe('the inbox and the detail', () => {
  it('lists distress before an explicit request, with the wait in seconds', async () => {
    const local = await startLoket({}, fixedClock('2026-11-24T09:00:00Z'));
    try {
      const a = await login(local, ADMIN.username, ADMIN.password);
      const asker = await citizen(local);
      await asker.askForPerson();
      const later = await citizen(local);
      await later.askForPerson('ik zie het niet meer zitten');
      const res = await as(local, a).get('/api/v1/handoffs');
      expect(res.statusCode).toBe(200);
      const { items, total } = res.json();
      expect(total).toBe(2);
      expect(items.map((h: { reason: string }) => h.reason)).toEqual(['distress', 'explicit_request']);
      expect(items[0]).toMatchObject({ priority: 1, state: 'queued', channel: 'web', returned: false });
      for (const h of items) expect(typeof h.waitedSeconds).toBe('number');
    } finally {
      await local.close();
    }
  });

  it('counts the wait from when the handoff entered the queue', async () => {
    const c = await citizen(loket);
    const id = await c.askForPerson();
    clock.advance(125_000);
    const h = (await as(loket, anna).get(`/api/v1/handoffs/${id}`)).json();
    expect(h.waitedSeconds).toBe(125);
    await as(loket, anna).post(`/api/v1/handoffs/${id}/close`, { outcome: 'geen reactie' });
  });

  it('keeps the wait once claimed and closed: until the claim, not reset to 0', async () => {
    const c = await citizen(loket);
    const id = await c.askForPerson();
    clock.advance(93_000);
    await as(loket, anna).post(`/api/v1/handoffs/${id}/claim`);
    clock.advance(600_000);
    expect((await as(loket, anna).get(`/api/v1/handoffs/${id}`)).json().waitedSeconds).toBe(93);
    await as(loket, anna).post(`/api/v1/handoffs/${id}/close`, { outcome: 'geholpen' });
    expect((await as(loket, anna).get(`/api/v1/handoffs/${id}`)).json().waitedSeconds).toBe(93);
  });

  it('shows the evidence, the summary and "not verified" for an anonymous citizen', async () => {
    const c = await citizen(loket);
    const id = await c.askForPerson();
    const h = (await as(loket, anna).get(`/api/v1/handoffs/${id}`)).json();
    expect(h).toMatchObject({ reason: 'explicit_request', priority: 3, identity: { verified: false }, case: null });
    expect(h.evidence[0].evidence).toMatch(/medewerker/);
    expect(ASK_PERSON).toContain(h.evidence[0].evidence);
    expect(h.summary).toContain(ASK_PERSON);
  });

  it('tells the caseworker that the citizen writes in English, and not for a Dutch conversation', async () => {
    const c = await citizen(loket);
    const id = await c.askForPerson('ik spreek geen nederlands, mag het in het engels?');
    const h = (await as(loket, anna).get(`/api/v1/handoffs/${id}`)).json();
    expect(h.reason).toBe('vulnerability');
    expect(h.summary).toContain('Schrijft in het Engels');
    const dutch = await citizen(loket);
    const other = await dutch.askForPerson();
    expect((await as(loket, anna).get(`/api/v1/handoffs/${other}`)).json().summary).not.toContain('Engels');
  });

  it('gives the case panel when the identity is verified for that case', async () => {
    const c = await citizen(loket);
    await c.say('hoe staat het met mijn aanvraag Z-2026-000123');
    await c.say('1234 AB');
    await c.say('15-03-1980');
    const id = await c.askForPerson();
    const h = (await as(loket, anna).get(`/api/v1/handoffs/${id}`)).json();
    expect(h.identity).toMatchObject({ verified: true, postcode: '1234 AB' });
    expect(h.case).toMatchObject({ number: 'Z-2026-000123', type: 'Omgevingsvergunning (dakkapel)' });
  });

  it('gives the full transcript with a trace on every bot message', async () => {
    const c = await citizen(loket);
    await c.say('wat zijn de openingstijden');
    const res = await as(loket, anna).get(`/api/v1/conversations/${c.id}/transcript`);
    expect(res.statusCode).toBe(200);
    const { activities } = res.json();
    const bot = activities.filter((a: { type: string; from: { role: string } }) => a.type === 'message' && a.from.role === 'bot');
    expect(bot.length).toBeGreaterThanOrEqual(2);
    for (const a of bot) {
      expect(a.channelData.trace).toMatchObject({ dialog: expect.any(String), step: expect.any(String), intent: expect.any(String), confidence: expect.any(Number), dialogVersion: expect.any(String), sources: expect.any(Array) });
    }
    expect(activities.some((a: { from: { role: string }; text: string }) => a.from.role === 'user' && a.text === 'wat zijn de openingstijden')).toBe(true);
    expect((await as(loket, anna).get('/api/v1/conversations/nope/transcript')).statusCode).toBe(404);
  });
});

describe('user accounts (admin)', () => {
  it('creates an account (201), refuses a duplicate (409), and lists it without the password', async () => {
    const body = { username: 'carla', password: 'carla-password-1', name: 'Carla Smit', role: 'supervisor', teams: ['klachten'] };
    const res = await as(loket, admin).post('/api/v1/users', body);
    expect(res.statusCode).toBe(201);
    expect(res.json()).toEqual({ username: 'carla', name: 'Carla Smit', role: 'supervisor', teams: ['klachten'] });
    const dup = await as(loket, admin).post('/api/v1/users', body);
    expect(dup.statusCode).toBe(409);
    expect(code(dup)).toBe('USER_EXISTS');
    const list = await as(loket, admin).get('/api/v1/users');
    expect(list.statusCode).toBe(200);
    expect(list.json().items.map((u: { username: string }) => u.username)).toEqual(expect.arrayContaining(['admin', 'anna', 'carla']));
    expect(list.body).not.toMatch(/password|scrypt/i);
    expect((await login(loket, 'carla', 'carla-password-1')).token).toBeTruthy();
  });

  it('refuses a weak password or a bad role with 400', async () => {
    expect((await as(loket, admin).post('/api/v1/users', { username: 'dirk', password: 'short', name: 'Dirk', role: 'caseworker', teams: [] })).statusCode).toBe(400);
    expect((await as(loket, admin).post('/api/v1/users', { username: 'dirk', password: 'dirk-password-1', name: 'Dirk', role: 'king', teams: [] })).statusCode).toBe(400);
  });
});

describe('the OpenAPI document', () => {
  it('lists every caseworker path of CONTRACTS §5', async () => {
    const res = await loket.app.inject({ method: 'GET', url: '/docs/json' });
    expect(res.statusCode).toBe(200);
    const paths = res.json().paths as Record<string, Record<string, unknown>>;
    const expected: Array<[string, string]> = [
      ['/api/v1/auth/login', 'post'],
      ['/api/v1/handoffs', 'get'],
      ['/api/v1/handoffs/{id}', 'get'],
      ['/api/v1/handoffs/{id}/claim', 'post'],
      ['/api/v1/handoffs/{id}/messages', 'post'],
      ['/api/v1/handoffs/{id}/notes', 'post'],
      ['/api/v1/handoffs/{id}/release', 'post'],
      ['/api/v1/handoffs/{id}/close', 'post'],
      ['/api/v1/handoffs/{id}/transfer', 'post'],
      ['/api/v1/users', 'get'],
      ['/api/v1/users', 'post'],
      ['/api/v1/conversations/{id}/transcript', 'get'],
      ['/api/v1/events', 'get'],
    ];
    for (const [path, method] of expected) expect(paths[path]?.[method], `${method.toUpperCase()} ${path}`).toBeDefined();
  });
});
