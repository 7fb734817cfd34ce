/**
 * Found wrong (helper fw): the callback question asked again after "waarom?" carried the classifier's guess as its intent
 * in the trace. Outside office hours, with a fixed clock, so that the callback question is surely asked (the test failed
 * to check anything when it was not).
 */
import { describe, expect, it } from 'vitest';
import { fixedClock } from '../../src/clock.ts';
import type { Loket } from '../../src/server/loket.ts';
import { CLOSED_SATURDAY, saidAlready } from '../support/loket.ts';
import { useLoket } from '../support/use-loket.ts';

let loket: Loket;
useLoket((started) => (loket = started), { LOKET_OFFICE_HOURS: 'mon-fri 08:30-17:00' }, { clock: fixedClock(CLOSED_SATURDAY) });

describe('"waarom?" right after a handoff whose callback question is asked again', () => {
  it('every reply of the turn reads the message as a why, in its trace', async () => {
    const id = await saidAlready(loket, 'ik heb schulden');
    const { replies } = await loket.service.receive(id, { type: 'message', text: 'waarom?', from: { id: 'citizen' } });
    const said = replies.map((r) => ({ text: r.activity.text as string, intent: (r.activity.channelData?.trace as { intent: string }).intent }));
    expect(said[0]!.text).toMatch(/^Ik verwees u naar een medewerker omdat u schreef: "schulden"\./);
    expect(said.map((r) => r.text)).toContainEqual(expect.stringMatching(/terugbellen\? Antwoord met ja of nee\./));
    for (const r of said) expect({ text: r.text, intent: r.intent }).toEqual({ text: r.text, intent: 'why' });
  });
});
