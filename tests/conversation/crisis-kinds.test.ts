/**
 * A crisis of a kind with words of its own keeps them for the whole wait, not only in the first answer:
 * violence at home (Veilig Thuis, by phone or chat; a call back only when it is safe, because a partner
 * may watch the phone) and danger to life now (112, never "bel nu 113" after "Bel nu meteen 112").
 * Every later message of a crisis wait gets the crisis line again, also a greeting; and "wat is 113?"
 * is answered. Through a real Loket with office hours and a fixed clock, open and closed.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { fixedClock } from '../../src/clock.ts';
import type { Loket } from '../../src/server/loket.ts';
import { CLOSED_SATURDAY as SATURDAY, OPEN_TUESDAY as TUESDAY, saidAlready, startLoket, toldAfter } from '../support/loket.ts';
import { atWork } from '../support/at-work.ts';

let loket: Loket | undefined;
afterEach(async () => {
  await loket?.close();
  loket = undefined;
});

async function boot(at: string): Promise<Loket> {
  loket = await startLoket({ LOKET_OFFICE_HOURS: 'mon-fri 08:30-17:00' }, { clock: fixedClock(at) });
  await atWork(loket);
  return loket;
}

/** Everything the bot says after `text` (the handoff service posts after the turn), polled until `until`. */
const told = (l: Loket, id: string, text: string, until: RegExp = /./): Promise<string[]> => toldAfter(l, id, text, until);

const VEILIG_THUIS = /Veilig Thuis.*0800-2000.*veiligthuis\.nl/;
const SAFE_THUIS_EN = /Veilig Thuis.*0800-2000.*veiligthuis\.nl/;

describe('violence at home: Veilig Thuis for the whole wait, and a call back only if safe', () => {
  it('closed: the offer asks whether a call is safe, a no is kept (not asked again), and each later message names Veilig Thuis and 112, never 113', async () => {
    const l = await boot(SATURDAY);
    const id = await saidAlready(l);
    const first = await told(l, id, 'mijn man slaat me. ik kan niet bellen, hij checkt mijn telefoon', /veilig bellen/);
    expect(first).toEqual([expect.stringMatching(/^Wat naar dat u dit meemaakt\..*112.*veiligthuis\.nl/), expect.stringMatching(/^We zijn nu gesloten\..*veiligthuis\.nl.*Kunnen wij u veilig bellen.*Antwoord met nee\. Dan antwoordt een medewerker alleen hier\.$/)]);
    const no = await told(l, id, 'nee', /bellen u niet/);
    expect(no).toEqual([expect.stringMatching(/^Goed, we bellen u niet\. Een medewerker antwoordt alleen hier.*112.*veiligthuis\.nl/)]);
    expect((await l.handoffs.list(['queued'])).find((h) => h.conversationId === id)).toMatchObject({ reason: 'distress', callback: null, callbackOffer: { answered: true } });
    const hello = await told(l, id, 'hallo', /wachtrij/);
    expect(hello).toEqual([expect.stringMatching(/^U staat in de wachtrij\. We zijn nu gesloten\..*112.*veiligthuis\.nl/)]);
    const why = await told(l, id, 'waarom moet ik met iemand praten?');
    expect(why).toEqual([expect.stringMatching(/geweld thuis.*112.*veiligthuis\.nl/)]);
    for (const t of [...first, ...no, ...hello, ...why]) {
      expect(t).toMatch(VEILIG_THUIS);
      expect(t).not.toMatch(/\b113\b/);
      expect(t).not.toMatch(/Zullen we u nog terugbellen/);
    }
    // The kind is on the handoff's evidence, where the rest of the wait reads it.
    expect((await l.handoffs.list(['queued'])).find((h) => h.conversationId === id)?.evidence).toEqual([expect.objectContaining({ reason: 'distress', kind: 'domestic_violence' })]);
  });

  it('in English, open: the place in the queue asked again comes with 112 and Veilig Thuis', async () => {
    const l = await boot(TUESDAY);
    const id = await saidAlready(l);
    await told(l, id, 'my husband hits me and i am scared to go home', /queue/);
    const again = await told(l, id, 'hello?', /queue/);
    expect(again).toEqual([expect.stringMatching(/^You are already in the queue\..*Call 112\..*/)]);
    expect(again[0]).toMatch(SAFE_THUIS_EN);
  });
});

describe('danger to life now: 112 for the whole wait', () => {
  it('"ik heb pillen gepakt" gets 112 first, and while closed no "bel nu 113" after it: the offer, and a greeting later, say 112', async () => {
    const l = await boot(SATURDAY);
    for (const pills of ['ik heb pillen gepakt', 'ik heb een hele strip pillen genomen']) {
      const id = await saidAlready(l);
      const first = await told(l, id, pills, /Zullen wij u daarna/);
      expect({ pills, first }).toEqual({ pills, first: [expect.stringMatching(/^Bel nu meteen 112\./), expect.stringMatching(/^Wacht niet op ons: bel nu meteen 112\. We zijn gesloten tot maandag 30 november om 8\.30 uur\./)] });
      const hello = await told(l, id, 'hallo', /112/);
      expect({ pills, hello }).toEqual({ pills, hello: [expect.stringMatching(/^Heeft u 112 nog niet gebeld\? Bel dan nu meteen 112\./)] });
      for (const t of [...first.slice(1), ...hello]) expect(t).not.toMatch(/bel (nu )?113/i);
    }
  });
});

describe('every later message of a crisis wait gets the crisis line', () => {
  it('a greeting gets the place with 113 and 112, not the welcome; a message kept gets them too; "wat is 113?" is explained', async () => {
    const l = await boot(TUESDAY);
    const id = await saidAlready(l);
    await told(l, id, 'ik wil niet meer leven', /wachtrij/);
    const hello = await told(l, id, 'hallo', /wachtrij/);
    expect(hello).toEqual([expect.stringMatching(/^U staat al in de wachtrij\..*Bel 113 of gratis 0800-0113.*Bel 112\.$/)]);
    const what = await told(l, id, 'wat is 113?');
    expect(what).toEqual([expect.stringMatching(/^113 Zelfmoordpreventie is een hulplijn\..*113\.nl.*ook in het Engels/)]);
    const kept = await told(l, id, 'ik weet het niet');
    expect(kept).toEqual([expect.stringMatching(/^Ik heb uw bericht bewaard\..*bel 113 of gratis 0800-0113.*Bel 112\.$/)]);
  });

  it('"who is veilig thuis?" is explained in English', async () => {
    const l = await boot(TUESDAY);
    const id = await saidAlready(l, 'hello');
    expect(await told(l, id, 'who is veilig thuis?')).toEqual([expect.stringMatching(/^Veilig Thuis \(safe at home\) helps with violence at home/)]);
  });
});

describe('a death told in few words is grief, not a crisis', () => {
  it('"mama is dood. wat moet ik regelen" gets condolences and what to arrange, not the crisis line', async () => {
    const l = await boot(TUESDAY);
    const id = await saidAlready(l);
    const said = await told(l, id, 'mama is dood. wat moet ik regelen', /wachtrij/);
    expect(said[0]).toBe('Gecondoleerd met uw verlies. Een medewerker helpt u graag persoonlijk verder.');
    expect(said.join(' ')).toMatch(/uitvaartondernemer/);
    expect(said.join(' ')).not.toMatch(/\b113\b/);
    expect((await l.handoffs.list(['queued'])).find((h) => h.conversationId === id)).toMatchObject({ reason: 'bereavement' });
  });
});
