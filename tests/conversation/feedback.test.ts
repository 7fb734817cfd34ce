import { afterEach, describe, expect, it } from 'vitest';
import type { Loket } from '../../src/server/loket.ts';
import { say, startLoket } from '../support/loket.ts';

const running: Loket[] = [];
afterEach(async () => {
  for (const l of running.splice(0)) await l.close();
});

async function setup() {
  const loket = await startLoket();
  running.push(loket);
  const { id } = await loket.service.open({ channel: 'web', welcome: true });
  return { loket, id };
}

/** The citizen asks for a person; the admin claims the handoff and closes it or hands it back. */
async function handedBack(loket: Loket, id: string, how: 'close' | 'release') {
  await say(loket, id, 'ik wil een medewerker spreken');
  const [h] = await loket.handoffs.list(['queued']);
  const user = (await loket.store.users.get('admin'))!;
  await loket.handoffs.claim(h!.id, user);
  if (how === 'close') await loket.handoffs.close(h!.id, user, 'opgelost');
  else await loket.handoffs.release(h!.id, user);
  return h!;
}

describe('feedback after every contact', () => {
  it('asks for a score after a goodbye, records it with the comment, and asks once', async () => {
    const { loket, id } = await setup();
    await say(loket, id, 'wat zijn de openingstijden');
    const bye = await say(loket, id, 'bedankt, doei');
    expect(bye.at(-1)).toContain('cijfer van 1');
    expect(await say(loket, id, '4 duidelijk antwoord')).toEqual([expect.stringContaining('Dank u wel voor uw cijfer')]);
    expect(await loket.store.feedback.list({})).toEqual([expect.objectContaining({ conversationId: id, score: 4, comment: 'duidelijk antwoord', about: 'contact', channel: 'web' })]);
    expect((await say(loket, id, 'dank je')).join(' ')).not.toContain('cijfer van 1');
  });

  it('stores the score and the words sent after it in the commits of their own turns', async () => {
    const { loket, id } = await setup();
    await say(loket, id, 'wat zijn de openingstijden');
    await say(loket, id, 'bedankt, doei');
    expect(await say(loket, id, '4')).toEqual([expect.stringContaining('Dank u wel voor uw cijfer')]);
    expect((await say(loket, id, 'wel lang gewacht')).join(' ')).toContain('Dank u wel voor uw uitleg');
    expect(await loket.store.feedback.list({})).toEqual([expect.objectContaining({ conversationId: id, score: 4, comment: 'wel lang gewacht', about: 'contact' })]);
  });

  it('takes a score in words ("goed", "het was prima maar het duurde lang", "niet goed"), but not a nod or a question', async () => {
    for (const [said, score, comment] of [['goed', 4, ''], ['heel goed!', 5, ''], ['het was prima maar het duurde lang', 4, 'het was prima maar het duurde lang'], ['niet goed', 2, ''], ['bad', 2, '']] as const) {
      const { loket, id } = await setup();
      await say(loket, id, 'bedankt');
      const thanks = (await say(loket, id, said)).join(' ');
      expect({ said, thanks }).toEqual({ said, thanks: expect.stringMatching(score <= 2 ? /Jammer dat het niet goed ging/ : /^(Dank u wel voor uw antwoord|Thank you for your answer)\. / ) });
      expect(await loket.store.feedback.list({})).toEqual([expect.objectContaining({ conversationId: id, score, comment, about: 'contact' })]);
    }
    for (const said of ['ok', 'goed, en wanneer zijn jullie open?']) {
      const { loket, id } = await setup();
      await say(loket, id, 'bedankt');
      await say(loket, id, said);
      expect({ said, feedback: await loket.store.feedback.list({}) }).toEqual({ said, feedback: [] });
    }
    // Seven Lokets, each with a store of its own: about 20 s alone, more on a busy machine.
  }, 90_000);

  it('takes a mark as people give one: "een 4", "ik geef een 8", "vijf sterren", stars, a thumb or a face; not "een 2e vraag"', async () => {
    const { loket } = await setup();
    const cases = [['een 4', 4, ''], ['ik geef een 8', 4, ''], ['vijf sterren', 5, ''], ['4 sterren, snel geholpen', 4, 'snel geholpen'], ['cijfer: 3', 3, ''],
      ['⭐⭐⭐⭐', 4, ''], ['***', 3, ''], ['👍', 4, ''], ['👎', 2, ''], ['😡', 1, ''], ['I would give it a 4', 4, '']] as const;
    for (const [said, score, comment] of cases) {
      const { id } = await loket.service.open({ channel: 'web', welcome: true });
      await say(loket, id, 'bedankt');
      await say(loket, id, said);
      const stored = (await loket.store.feedback.list({})).filter((f) => f.conversationId === id);
      expect({ said, stored }).toEqual({ said, stored: [expect.objectContaining({ score, comment })] });
    }
    const { id } = await loket.service.open({ channel: 'web', welcome: true });
    await say(loket, id, 'bedankt');
    expect((await say(loket, id, 'een 2e vraag: wat kost een paspoort')).join(' ')).toContain('leges');
    expect((await loket.store.feedback.list({})).filter((f) => f.conversationId === id)).toEqual([]);
  });

  it('lets a citizen skip it, or just go on with another question', async () => {
    const { loket, id } = await setup();
    await say(loket, id, 'bedankt');
    const next = await say(loket, id, 'wat zijn de openingstijden');
    expect(next.join(' ')).toContain('14 0123');
    expect(await loket.store.feedback.list({})).toEqual([]);
  });

  it('asks again after a caseworker closes the handoff, and a low score offers a person', async () => {
    const { loket, id } = await setup();
    const h = await handedBack(loket, id, 'close');
    const reply = await say(loket, id, '2');
    expect(reply.join(' ')).toContain('Jammer dat het niet goed ging');
    expect(await loket.store.feedback.list({})).toEqual([expect.objectContaining({ score: 2, about: `handoff:${h.id}` })]);
    // The same handoff is not scored twice: a later "5" is an ordinary message.
    await say(loket, id, '5');
    expect(await loket.store.feedback.list({})).toHaveLength(1);
  });

  it('adds words sent after the score to its comment, and takes a question after it as a question', async () => {
    const { loket, id } = await setup();
    await say(loket, id, 'bedankt');
    await say(loket, id, '4');
    expect((await say(loket, id, 'snel en duidelijk')).join(' ')).toContain('Dank u wel voor uw uitleg');
    expect((await say(loket, id, 'wat zijn de openingstijden')).join(' ')).toContain('14 0123');
    expect(await loket.store.feedback.list({})).toEqual([expect.objectContaining({ conversationId: id, score: 4, comment: 'snel en duidelijk' })]);
  });

  it('answers a question about a topic after the score ("hoe vraag ik een paspoort aan", "waar kan ik mijn grofvuil kwijt?"), not files it as a comment; "duurde wel lang?" is one', async () => {
    for (const [asked, answer] of [
      ['hoe vraag ik een paspoort aan', /^Een paspoort, ID-kaart of rijbewijs vraagt u aan bij de balie/],
      ['waar kan ik mijn grofvuil kwijt?', /grofvuil/],
      ['how do i get a passport', /^You apply for a passport, ID card or driving licence at the desk/],
    ] as const) {
      const { loket, id } = await setup();
      await say(loket, id, /^how/.test(asked) ? 'thanks' : 'bedankt');
      await say(loket, id, '4');
      const reply = (await say(loket, id, asked)).join(' ');
      expect({ asked, reply }).toEqual({ asked, reply: expect.stringMatching(answer) });
      expect({ asked, feedback: await loket.store.feedback.list({}) }).toEqual({ asked, feedback: [expect.objectContaining({ score: 4, comment: '' })] });
    }
    const remark = await setup();
    await say(remark.loket, remark.id, 'bedankt');
    await say(remark.loket, remark.id, '3');
    expect((await say(remark.loket, remark.id, 'duurde wel lang?')).join(' ')).toContain('Dank u wel voor uw uitleg');
    expect(await remark.loket.store.feedback.list({})).toEqual([expect.objectContaining({ score: 3, comment: 'duurde wel lang?' })]);
  });

  it('takes a remark about the contact after the score as its comment, not as a complaint; a complaint asked for is one', async () => {
    for (const [remark, lang] of [['de wachttijd was lang', 'nl'], ['slechte service, veel te lang moeten wachten', 'nl'], ['jullie medewerkers zijn onbeschoft', 'nl'], ['I am not happy with how this went', 'en']] as const) {
      const { loket, id } = await setup();
      await say(loket, id, lang === 'nl' ? 'bedankt' : 'thanks');
      await say(loket, id, '4');
      const reply = (await say(loket, id, remark)).join(' ');
      expect({ remark, reply }).toEqual({ remark, reply: expect.stringMatching(/^(Dank u wel voor uw uitleg\..*klacht|Thank you for explaining\..*complaint)/) });
      expect({ remark, handoffs: await loket.handoffs.list(['queued']) }).toEqual({ remark, handoffs: [] });
      expect((await loket.store.feedback.list({}))[0]).toMatchObject({ score: 4, comment: remark });
      // The way to a complaint is one word.
      await say(loket, id, lang === 'nl' ? 'klacht' : 'complaint');
      expect(await loket.handoffs.list(['queued'])).toEqual([expect.objectContaining({ reason: 'complaint' })]);
    }
    const filed = await setup();
    await say(filed.loket, filed.id, 'bedankt');
    await say(filed.loket, filed.id, '4');
    await say(filed.loket, filed.id, 'ik wil een klacht indienen over de medewerker');
    expect(await filed.loket.handoffs.list(['queued'])).toEqual([expect.objectContaining({ reason: 'complaint' })]);
  });

  it('does not check in ("gaat het goed met u?") on a plain remark after the score, which the model alone leaned on', async () => {
    const { loket, id } = await setup();
    await say(loket, id, 'bedankt');
    await say(loket, id, '4');
    const reply = (await say(loket, id, 'het ging snel')).join(' ');
    expect(reply).toBe('Dank u wel voor uw uitleg. We lezen het en leren ervan.');
    expect((await loket.store.feedback.list({}))[0]).toMatchObject({ score: 4, comment: 'het ging snel' });
    // Crisis words after a score are a crisis still.
    const crisis = await setup();
    await say(crisis.loket, crisis.id, 'bedankt');
    await say(crisis.loket, crisis.id, '2');
    expect((await say(crisis.loket, crisis.id, 'ik wil niet meer leven')).join(' ')).toContain('113');
    expect(await crisis.loket.handoffs.list(['queued'])).toEqual([expect.objectContaining({ reason: 'distress' })]);
  });

  it('takes being fed up with the service after a low score ("2 ik ben er klaar mee, niks opgelost") as its comment, not a crisis; "2. ik wil niet meer leven" is one', async () => {
    const fedUp = 'ik ben er klaar mee, niks opgelost';
    // With the score, in one message: the low score's thanks and the offer of a person.
    const one = await setup();
    await say(one.loket, one.id, 'bedankt');
    const reply = (await say(one.loket, one.id, `2 ${fedUp}`)).join(' ');
    expect(reply).toBe('Dank u wel. Jammer dat het niet goed ging. We kijken ernaar. Wilt u een medewerker spreken? Zeg het gerust.');
    expect(await one.loket.handoffs.list(['queued'])).toEqual([]);
    expect(await one.loket.store.feedback.list({})).toEqual([expect.objectContaining({ score: 2, comment: fedUp })]);
    // After the score, in a message of its own: the comment, and the offer of a person again.
    const two = await setup();
    await say(two.loket, two.id, 'bedankt');
    await say(two.loket, two.id, '2');
    expect((await say(two.loket, two.id, fedUp)).join(' ')).toBe('Dank u wel voor uw uitleg. Wilt u er met een medewerker over praten? Antwoord met ja of nee.');
    expect(await two.loket.handoffs.list(['queued'])).toEqual([]);
    expect(await two.loket.store.feedback.list({})).toEqual([expect.objectContaining({ score: 2, comment: fedUp })]);
    expect((await say(two.loket, two.id, 'ja')).join(' ')).toContain('Ik zorg dat een medewerker u helpt');
    // A crisis after a score is a crisis still, in one message or two.
    // So are words of despair beside the frustration that only the crisis model heard ("het leven ook").
    for (const said of [['2. ik wil niet meer leven'], ['2', 'ik ben er klaar mee, ik wil niet meer leven'], ['1 waardeloos, ik ben er klaar mee, het leven ook']]) {
      const crisis = await setup();
      await say(crisis.loket, crisis.id, 'bedankt');
      let last = '';
      for (const m of said) last = (await say(crisis.loket, crisis.id, m)).join(' ');
      expect({ said, last }).toEqual({ said, last: expect.stringContaining('113') });
      expect({ said, handoffs: await crisis.loket.handoffs.list(['queued']) }).toEqual({ said, handoffs: [expect.objectContaining({ reason: 'distress' })] });
    }
  });

  it('answers a question written with the score, and takes "nee" after a score as nothing to add', async () => {
    const { loket, id } = await setup();
    await say(loket, id, 'bedankt');
    const reply = (await say(loket, id, '2 want ik wilde eigenlijk weten of jullie op zaterdag open zijn')).join(' ');
    expect(reply).toMatch(/Jammer dat het niet goed ging.*(zaterdag|U kunt ons bellen op 14 0123)/);
    expect(await loket.store.feedback.list({})).toEqual([expect.objectContaining({ score: 2, comment: 'want ik wilde eigenlijk weten of jullie op zaterdag open zijn' })]);
    // Asked without a question mark, in English: "I was wondering if …".
    const wondering = await setup();
    await say(wondering.loket, wondering.id, 'thanks');
    expect((await say(wondering.loket, wondering.id, '3 but I was wondering if you are open on saturdays')).join(' ')).toMatch(/Saturday|14 0123/);
    const nothing = await setup();
    await say(nothing.loket, nothing.id, 'tot ziens');
    await say(nothing.loket, nothing.id, '3');
    expect((await say(nothing.loket, nothing.id, 'nee')).join(' ')).toMatch(/^Goed\. Fijne dag!/);
    expect((await nothing.loket.store.feedback.list({}))[0]).toMatchObject({ score: 3, comment: '' });
  });

  it('takes "nvt" or "niks" after a score (as on a form) as nothing to add, not as a comment', async () => {
    for (const said of ['nvt', 'n.v.t.', 'niks']) {
      const { loket, id } = await setup();
      await say(loket, id, 'bedankt');
      await say(loket, id, '3');
      expect({ said, reply: (await say(loket, id, said)).join(' ') }).toEqual({ said, reply: expect.stringMatching(/^Goed\. Fijne dag!/) });
      expect({ said, feedback: await loket.store.feedback.list({}) }).toEqual({ said, feedback: [expect.objectContaining({ score: 3, comment: '' })] });
    }
  });

  it('takes thanks after the score as its comment', async () => {
    const { loket, id } = await setup();
    await say(loket, id, 'wat zijn de openingstijden');
    await say(loket, id, 'dank je wel, fijne dag');
    await say(loket, id, '5');
    expect((await say(loket, id, 'super geholpen, dank je')).join(' ')).toContain('Dank u wel voor uw uitleg');
    expect(await loket.store.feedback.list({})).toEqual([expect.objectContaining({ score: 5, comment: 'super geholpen, dank je' })]);
  });

  it('hands over to a person when a low score is followed by "ja", and leaves it at "nee"', async () => {
    const yes = await setup();
    await say(yes.loket, yes.id, 'doei');
    expect((await say(yes.loket, yes.id, '2')).join(' ')).toContain('Wilt u een medewerker spreken?');
    expect((await say(yes.loket, yes.id, 'ik moest lang zoeken')).join(' ')).toContain('Antwoord met ja of nee');
    expect((await say(yes.loket, yes.id, 'ja graag')).join(' ')).toContain('Ik zorg dat een medewerker u helpt');
    expect(await yes.loket.handoffs.list(['queued'])).toEqual([expect.objectContaining({ conversationId: yes.id, reason: 'explicit_request' })]);
    expect(await yes.loket.store.feedback.list({})).toEqual([expect.objectContaining({ score: 2, comment: 'ik moest lang zoeken' })]);

    const no = await setup();
    await say(no.loket, no.id, 'doei');
    await say(no.loket, no.id, '1 waardeloos');
    expect(await say(no.loket, no.id, 'nee')).toEqual([expect.stringContaining('Fijne dag')]);
    expect(await no.loket.handoffs.list(['queued'])).toEqual([]);
  });

  it('does not take a birth date for a score after a caseworker handed the conversation back', async () => {
    const { loket, id } = await setup();
    await handedBack(loket, id, 'release');
    await say(loket, id, 'hoe staat het met mijn aanvraag');
    await say(loket, id, 'Z-2026-000456');
    await say(loket, id, '5678 CD');
    expect((await say(loket, id, '1 juli 1992')).join(' ')).toContain('Eerste betaling op 1 december 2026');
    expect(await loket.store.feedback.list({})).toEqual([]);
  });

  it('shows supervisors the scores and their average', async () => {
    const { loket, id } = await setup();
    await say(loket, id, 'doei');
    await say(loket, id, '5');
    const login = await loket.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'admin', password: 'admin-password-1' } });
    const res = await loket.app.inject({ method: 'GET', url: '/api/v1/feedback', headers: { authorization: `Bearer ${login.json().token}` } });
    expect(res.json()).toMatchObject({ total: 1, average: 5 });
  });
});
