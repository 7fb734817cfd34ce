/**
 * Found wrong (helper fw): "waarom?" after a fallback said "Ik heb nog geen antwoord gegeven", or explained the answer
 * before the fallback; "waarom?" after the feedback question explained the "Graag gedaan" before it; "waar staat dat?",
 * "is dat zeker?", "says who?", "are you sure?" after an answer got a quote, "staat hierboven" or a person instead of
 * what the answer rested on; a second "waarom?" said the same words again. A crisis said beside it keeps its crisis line.
 */
import { describe, expect, it } from 'vitest';
import type { Loket } from '../../src/server/loket.ts';
import { saidAfter, saidAlready } from '../support/loket.ts';
import { useLoket } from '../support/use-loket.ts';

let loket: Loket;
useLoket((started) => (loket = started));

const CRISIS = /113/;
const PASSPORT_NL = 'hoe vraag ik een paspoort aan?';
const PASSPORT_EN = 'how do i apply for a passport?';

/** The replies (text and trace) to `asked`, said after `before` in a new conversation. */
async function repliesAfter(before: readonly string[], asked: string) {
  const id = await saidAlready(loket, ...before);
  const { replies } = await loket.service.receive(id, { type: 'message', text: asked, from: { id: 'citizen' } });
  return replies.map((r) => ({ text: r.activity.text as string, trace: r.activity.channelData?.trace as { dialog: string; step: string; intent: string; sources: { kind: string; ref: string }[] } }));
}

describe('"waarom?" right after a fallback', () => {
  it('says the message was not understood, not that nothing was answered', async () => {
    const [nl] = await repliesAfter(['blablabla qwerty'], 'waarom?');
    expect(nl!.text).toMatch(/^Ik begreep uw bericht niet\./);
    expect(nl!.trace).toMatchObject({ dialog: 'why', step: 'explain_not_placed', intent: 'why', sources: [{ kind: 'rule', ref: 'fallback-not-placed' }, { kind: 'dialog', ref: 'dialogs/why.yaml' }] });
    expect(await saidAfter(loket, ['asdf qwerty zxcv'], 'why?')).toMatch(/^I did not understand your message\./);
  });

  it('after an answer, why the answer above was pointed to, not the answer\'s own source', async () => {
    expect(await saidAfter(loket, [PASSPORT_NL, 'blablabla qwerty'], 'waarom?')).toMatch(/^Ik kon uw vraag niet beantwoorden\./);
    expect(await saidAfter(loket, [PASSPORT_EN, 'blablabla qwerty'], 'why?')).toMatch(/^I could not answer your question\./);
  });

  it('a crisis beside it keeps its crisis line', async () => {
    expect(await saidAfter(loket, ['blablabla qwerty'], 'waarom? ik wil dood')).toMatch(CRISIS);
    expect(await saidAfter(loket, ['blablabla qwerty'], 'why? i want to die')).toMatch(CRISIS);
  });
});

describe('"waarom?" right after the feedback question', () => {
  it('why a score is asked, not why "Graag gedaan" was said', async () => {
    const [nl] = await repliesAfter(['bedankt'], 'waarom?');
    expect(nl!.text).toMatch(/^Ik vroeg om een cijfer/);
    expect(nl!.trace).toMatchObject({ dialog: 'why', step: 'explain_feedback' });
    expect(await saidAfter(loket, ['thank you'], 'why?')).toMatch(/^I asked for a rating/);
  });

  it('a crisis beside it keeps its crisis line', async () => {
    expect(await saidAfter(loket, ['bedankt'], 'waarom? ik wil dood')).toMatch(CRISIS);
  });
});

describe('"waar staat dat?", "is dat zeker?", "says who?" right after an answer', () => {
  it('what the answer rested on', async () => {
    for (const asked of ['waar staat dat?', 'is dat zeker?', 'weet je dat zeker?', 'wie zegt dat?', 'hoe weet u dat?']) {
      const [r] = await repliesAfter(['hoe maak ik bezwaar?'], asked);
      expect({ asked, text: r!.text }).toEqual({ asked, text: expect.stringMatching(/Algemene wet bestuursrecht/) });
      expect(r!.trace).toMatchObject({ dialog: 'why', step: 'explain' });
    }
    for (const asked of ['says who?', 'are you sure?', 'is that certain?', 'where does it say that?', 'who says so?']) {
      expect({ asked, said: await saidAfter(loket, [PASSPORT_EN], asked) }).toEqual({ asked, said: expect.stringMatching(/^This answer comes from the standard information/) });
    }
  });

  it('a crisis beside it keeps its crisis line', async () => {
    expect(await saidAfter(loket, ['hoe maak ik bezwaar?'], 'is dat zeker? ik wil dood')).toMatch(CRISIS);
    expect(await saidAfter(loket, [PASSPORT_EN], 'says who? i want to die')).toMatch(CRISIS);
  });
});

describe('"waarom?" twice in a row', () => {
  it('says that is all it knows, and who knows more, not the same words again', async () => {
    const id = await saidAlready(loket, 'ik ga verhuizen', 'waarom?');
    const { replies } = await loket.service.receive(id, { type: 'message', text: 'waarom?', from: { id: 'citizen' } });
    expect(replies[0]!.activity.text).toMatch(/^Meer weet ik er niet over\. Een verhuizing moet u binnen 5 dagen doorgeven\..*medewerker/);
    expect(replies[0]!.activity.channelData?.trace).toMatchObject({ dialog: 'why', step: 'explain_again' });
    expect(await saidAfter(loket, [PASSPORT_EN, 'why?'], 'why?')).toMatch(/^That is all I know about it\. This answer comes from/);
  });

  it('a crisis beside it keeps its crisis line', async () => {
    expect(await saidAfter(loket, ['ik ga verhuizen', 'waarom?'], 'waarom? ik wil dood')).toMatch(CRISIS);
  });
});

describe('"waarom 5 dagen?" after an answer that says "5 werkdagen"', () => {
  it('what the answer rested on, not the payment dates', async () => {
    for (const before of [['hoe vraag ik een paspoort aan?'], ['hoe vraag ik een paspoort aan?', 'wanneer kan ik het ophalen?']]) {
      const [r] = await repliesAfter(before, 'waarom 5 dagen?');
      expect({ before, text: r!.text }).toEqual({ before, text: expect.stringMatching(/^Dit antwoord komt uit de vaste informatie van Gemeente Voorbeeld over paspoorten/) });
      expect(r!.trace).toMatchObject({ dialog: 'why', intent: 'why' });
    }
  });

  it('a crisis beside it keeps its crisis line', async () => {
    expect(await saidAfter(loket, ['hoe vraag ik een paspoort aan?'], 'waarom 5 dagen? ik wil dood')).toMatch(CRISIS);
  });
});
