/**
 * The end of a contact, found wrong by talking to the demo (helper fj): "ging wel", "het was ok", "it was ok",
 * "not bad", "ja hoor prima" to the feedback question got "I do not understand"; "nee dank je" got a new "Graag
 * gedaan! Heeft u nog een vraag?"; "wacht ik heb nog een vraag" and "nog 1 vraag" asked for a case number; after
 * a score "bedankt" was stored as its comment; "nee" to "Heeft u nog een vraag?" after a thanks was not understood;
 * after a caseworker's closing question "goed" and "nee" were not its answer, and "bedankt" asked the score again.
 */
import { describe, expect, it } from 'vitest';
import type { Loket } from '../../src/server/loket.ts';
import { say, saidAfter } from '../support/loket.ts';
import { useLoket } from '../support/use-loket.ts';

let loket: Loket;
useLoket((started) => (loket = started));

const CRISIS = /113/;
const NOT_UNDERSTOOD = /begrijp ik niet|did not understand/;

/** A new conversation that said `before`; returns its id and the scores stored for it. */
async function conversation(before: readonly string[]) {
  const { id } = await loket.service.open({ channel: 'web', welcome: true });
  for (const m of before) await say(loket, id, m);
  const scores = async () => (await loket.store.feedback.list({})).filter((f) => f.conversationId === id);
  return { id, scores };
}

/** A conversation a caseworker took, answered and closed (their closing message asks for a score). */
async function closedByCaseworker(ask = 'ik wil een medewerker spreken') {
  const c = await conversation([ask]);
  const h = await loket.store.handoffs.openFor(c.id);
  const user = (await loket.store.users.get('admin'))!;
  await loket.handoffs.claim(h!.id, user);
  await loket.handoffs.reply(h!.id, user, 'Hallo, waarmee kan ik helpen?');
  await loket.handoffs.close(h!.id, user, 'opgelost');
  return c;
}

describe('the feedback question answered in words', () => {
  it('"ging wel", "het was ok", "it was ok", "not bad": a 3; "ja hoor prima": a 4', async () => {
    for (const [thanks, said, score] of [['bedankt', 'ging wel', 3], ['bedankt', 'het was ok', 3], ['thanks', 'it was ok', 3], ['thanks', 'not bad', 3], ['bedankt', 'ja hoor prima', 4]] as const) {
      const c = await conversation([thanks]);
      const reply = (await say(loket, c.id, said)).join(' ');
      expect({ said, reply }).toEqual({ said, reply: expect.stringMatching(/^(Dank u wel voor uw antwoord|Thank you for your answer)\./) });
      expect({ said, stored: await c.scores() }).toEqual({ said, stored: [expect.objectContaining({ score })] });
    }
  });

  it('"viel tegen", "het viel me tegen": a 2, with the offer of a person', async () => {
    for (const [thanks, said] of [['bedankt', 'viel tegen'], ['bedankt', 'het viel me tegen']] as const) {
      const c = await conversation([thanks]);
      expect({ said, reply: (await say(loket, c.id, said)).join(' ') }).toEqual({ said, reply: expect.stringMatching(/Jammer dat het niet goed ging|sorry it did not go well/) });
      expect({ said, stored: await c.scores() }).toEqual({ said, stored: [expect.objectContaining({ score: 2 })] });
    }
  });

  it('"nee dank je", "nee bedankt", "no thank you": no score, and a goodbye, not a new thanks', async () => {
    for (const [thanks, said] of [['bedankt', 'nee dank je'], ['bedankt', 'nee bedankt'], ['thanks', 'no thank you']] as const) {
      const c = await conversation([thanks]);
      expect({ said, reply: await say(loket, c.id, said) }).toEqual({ said, reply: [expect.stringMatching(/^(Goed\. Fijne dag!|All right\. Have a nice day!)$/)] });
      expect(await c.scores()).toEqual([]);
    }
  });

  it('"wacht ik heb nog een vraag", "nog 1 vraag", "i have another question": go ahead, not the case number', async () => {
    for (const [thanks, said] of [['bedankt', 'wacht ik heb nog een vraag'], ['bedankt', 'nog 1 vraag'], ['thanks', 'i have another question']] as const) {
      const reply = await saidAfter(loket, [thanks], said);
      expect({ said, reply }).toEqual({ said, reply: expect.stringMatching(/^(Stel uw vraag maar|Go ahead and ask)/) });
    }
  });

  it('"bedankt" after the thanks for a score is a thanks back, not a comment; "nee" then is a goodbye', async () => {
    const c = await conversation(['bedankt', '5']);
    expect(await say(loket, c.id, 'bedankt')).toEqual(['Graag gedaan!']);
    expect(await c.scores()).toEqual([expect.objectContaining({ score: 5, comment: '' })]);
    expect((await say(loket, c.id, 'nee')).join(' ')).toBe('Goed. Fijne dag!');
  });

  it('a crisis in the words stays a crisis', async () => {
    expect(await saidAfter(loket, ['bedankt'], 'ging wel, maar ik wil dood')).toMatch(CRISIS);
    expect(await saidAfter(loket, ['thanks'], 'no thank you, i want to die')).toMatch(CRISIS);
    expect(await saidAfter(loket, ['bedankt'], 'nog 1 vraag, ik wil niet meer leven')).toMatch(CRISIS);
  });
});

describe('after a caseworker closed the conversation with the question for a score', () => {
  it('"goed" is its answer (a 4), "nee" skips it', async () => {
    const good = await closedByCaseworker();
    expect((await say(loket, good.id, 'goed')).join(' ')).toMatch(/^Dank u wel voor uw antwoord\./);
    expect(await good.scores()).toEqual([expect.objectContaining({ score: 4 })]);
    const no = await closedByCaseworker();
    expect((await say(loket, no.id, 'nee')).join(' ')).toBe('Goed. Fijne dag!');
    expect(await no.scores()).toEqual([]);
  });

  it('"bedankt" does not ask the score once more; "nee" to "Heeft u nog een vraag?" then is a goodbye, not "not understood"', async () => {
    const c = await closedByCaseworker();
    const thanks = (await say(loket, c.id, 'bedankt')).join(' ');
    expect(thanks).toMatch(/^Graag gedaan!/);
    expect(thanks).not.toMatch(/Hoe tevreden/);
    const no = (await say(loket, c.id, 'nee')).join(' ');
    expect(no).toBe('Goed. Fijne dag!');
    expect(no).not.toMatch(NOT_UNDERSTOOD);
  });

  it('a number later still scores the help; "nee" later is not a skip of it', async () => {
    const c = await closedByCaseworker();
    await say(loket, c.id, 'wat zijn de openingstijden');
    expect((await say(loket, c.id, '4')).join(' ')).toMatch(/Dank u wel voor uw cijfer/);
    expect(await c.scores()).toEqual([expect.objectContaining({ score: 4 })]);
  });

  it('a crisis as the answer still gets the crisis line', async () => {
    const c = await closedByCaseworker();
    expect((await say(loket, c.id, 'het was ok maar ik wil dood')).join(' ')).toMatch(CRISIS);
  });
});

describe('asking whether one can call someone, while waiting for a person', () => {
  const CALL = /^(Ja, dat kan\. We zijn nu open\. Bel ons op 14 0123\.|Yes, you can\. We are open now\. Call us on 14 0123\.)/;
  it('while waiting for a person: the number too, and the place in the queue', async () => {
    for (const said of ['kan ik iemand bellen?', 'mag ik u bellen?', 'can i call someone?']) {
      const reply = await saidAfter(loket, [said.startsWith('can') ? 'i want to talk to a person' : 'ik wil een medewerker spreken', said.startsWith('can') ? 'no' : 'nee'], said);
      expect({ said, reply }).toEqual({ said, reply: expect.stringMatching(CALL) });
    }
  });

  it('with a crisis beside it: the crisis line', async () => {
    expect(await saidAfter(loket, ['ik wil een medewerker spreken', 'nee'], 'kan ik iemand bellen? ik wil dood')).toMatch(CRISIS);
    expect(await saidAfter(loket, ['i want to talk to a person', 'no'], 'can i call someone? i want to die')).toMatch(CRISIS);
  });
});
