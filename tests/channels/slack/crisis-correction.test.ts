/**
 * A false crisis corrected in the console (POST /api/v1/handoffs/{id}/reason) reaches Slack as any
 * change does: the handoff message shows the new reason and priority, and the note is in its thread.
 * In Slack itself the holder (or a supervisor or admin) corrects it with "Geen crisis?": a form with
 * the reason it was instead and a note, which corrects it and records it for learning as the console does.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ERRORS } from '../../../src/errors.ts';
import { NOT_CRISIS_REASONS } from '../../../src/handoff/crisis-correction.ts';
import { as, login } from '../../caseworker/helpers.ts';
import { ANNA, BRAM, STRANGER, blockText, buttonClick, buttonIds, sendForm, settle, startSlackWorld, viewSubmission, type SlackWorld } from './helpers.ts';

const LEAD = 'ULEAD00005';
/** The button's action id, and the form's block and element ids (channels/slack/blocks.ts NOT_CRISIS). */
const NOT_CRISIS = { button: 'loket_not_crisis', reason: 'reason', note: 'note' } as const;

let w: SlackWorld;
beforeEach(async () => {
  w = await startSlackWorld();
});
afterEach(async () => {
  await w.close();
});

it('updates the handoff message to the new reason and priority, and puts the "Geen crisis" note in its thread', async () => {
  const conversation = await w.loket.service.open({ channel: 'web' });
  await w.loket.service.receive(conversation.id, { type: 'message', text: 'ik zie het niet meer zitten met die stoel van mijn oma', from: { id: 'citizen-1' } });
  await settle(w.loket);
  const [handoff] = await w.loket.handoffs.list(['queued']);
  expect(handoff).toMatchObject({ reason: 'distress' });
  const posted = w.slack.of('chat.postMessage').find((c) => !c.args.thread_ts)!;
  expect(blockText(posted.args)).toContain('Crisis / nood');

  const anna = await login(w.loket, 'anna', 'anna-password-1');
  expect((await as(w.loket, anna).post(`/api/v1/handoffs/${handoff!.id}/claim`)).statusCode).toBe(200);
  const res = await as(w.loket, anna).post(`/api/v1/handoffs/${handoff!.id}/reason`, { reason: 'frustration', note: 'Boos over de stoel, geen crisis.' });
  expect(res.statusCode).toBe(200);
  await settle(w.loket);

  const update = blockText(w.slack.of('chat.update').at(-1)!.args);
  expect(update).toContain('Frustratie');
  expect(update).toContain('P3 · Normaal');
  expect(update).not.toContain('Crisis / nood');
  const thread = w.slack.of('chat.postMessage').filter((c) => c.args.thread_ts === posted.response.ts).map((c) => JSON.stringify(c.args));
  expect(thread.some((t) => t.includes('Geen crisis: Boos over de stoel, geen crisis.'))).toBe(true);
});

const CRISIS_WORDS = 'ik zie het niet meer zitten met die stoel van mijn oma';
const NOTE = 'Boos over de stoel, geen crisis.';

/** A web citizen's words read as a crisis; returns the handoff and its Slack message ts. */
async function falseCrisis() {
  const conversation = await w.loket.service.open({ channel: 'web' });
  await w.loket.service.receive(conversation.id, { type: 'message', text: CRISIS_WORDS, from: { id: 'citizen-1' } });
  await settle(w.loket);
  const [handoff] = await w.loket.handoffs.list(['queued']);
  if (handoff?.reason !== 'distress') throw new Error('no crisis was handed off');
  const posted = w.slack.of('chat.postMessage').find((c) => !c.args.thread_ts)!;
  return { handoff, ts: String(posted.response.ts) };
}

async function send(fields: Record<string, string>) {
  const res = await sendForm(w.loket, fields);
  expect(res.statusCode).toBe(200);
  await settle(w.loket);
}

/** The form as it is sent: a reason picked and a note written. */
const filledIn = (reason: string, note: string) => ({
  [NOT_CRISIS.reason]: { [NOT_CRISIS.reason]: { type: 'static_select', selected_option: { text: { type: 'plain_text', text: reason }, value: reason } } },
  [NOT_CRISIS.note]: { [NOT_CRISIS.note]: { type: 'plain_text_input', value: note } },
});

const ephemeralsFor = (user: string) => w.slack.of('chat.postEphemeral').filter((c) => c.args.user === user).map((c) => String(c.args.text));
const openedForm = () => w.slack.of('views.open').at(-1)!.args.view as Record<string, unknown>;

describe('the "Geen crisis?" button', () => {
  it('is on the message of a crisis, and gone once it is corrected', async () => {
    const { handoff, ts } = await falseCrisis();
    const posted = w.slack.of('chat.postMessage').find((c) => !c.args.thread_ts)!;
    expect(buttonIds(posted.args)).toContain(NOT_CRISIS.button);
    expect(blockText(posted.args)).toContain('Geen crisis?');

    await send(buttonClick(ANNA, 'loket_claim', handoff.id, ts));
    await send(buttonClick(ANNA, NOT_CRISIS.button, handoff.id, ts));
    await send(viewSubmission(ANNA, openedForm(), filledIn('frustration', NOTE)));
    expect(buttonIds(w.slack.of('chat.update').at(-1)!.args)).not.toContain(NOT_CRISIS.button);
  });

  it('opens a form for the holder with the reasons in Dutch and a required note; sending it corrects the crisis and records it for learning', async () => {
    const { handoff, ts } = await falseCrisis();
    await send(buttonClick(ANNA, 'loket_claim', handoff.id, ts));
    await send(buttonClick(ANNA, NOT_CRISIS.button, handoff.id, ts));

    const [opened] = w.slack.of('views.open');
    expect(opened!.args.trigger_id).toBe('123.456.abc');
    const form = openedForm() as { type: string; blocks: Array<{ type: string; block_id?: string; optional?: boolean; element?: { options?: Array<{ text: { text: string }; value: string }> } }> };
    expect(form.type).toBe('modal');
    const inputs = form.blocks.filter((b) => b.type === 'input');
    expect(inputs.map((b) => b.block_id)).toEqual([NOT_CRISIS.reason, NOT_CRISIS.note]);
    expect(inputs.every((b) => !b.optional)).toBe(true);
    expect(inputs[0]!.element!.options!.map((o) => o.text.text)).toEqual([
      'Geldzorgen', 'Overlijden', 'Kwetsbaar / hulp nodig', 'Frustratie', 'Klacht', 'Wil een medewerker', 'Geen bijzondere situatie (wil een medewerker)',
    ]);
    expect(inputs[0]!.element!.options!.map((o) => o.value)).toEqual([...NOT_CRISIS_REASONS]);
    expect((await w.loket.handoffs.get(handoff.id)).reason).toBe('distress');

    await send(viewSubmission(ANNA, openedForm(), filledIn('frustration', NOTE)));
    expect(await w.loket.handoffs.get(handoff.id)).toMatchObject({ reason: 'frustration', priority: 3, correctedFrom: 'distress', correctedBy: 'anna' });
    const corrections = await w.loket.store.corrections.list({ limit: 10 });
    expect(corrections).toEqual([expect.objectContaining({ text: CRISIS_WORDS, reason: 'frustration', by: 'anna', conversationId: handoff.conversationId })]);
    expect(ephemeralsFor(ANNA)).toEqual([]);
    const thread = w.slack.of('chat.postMessage').filter((c) => c.args.thread_ts === ts).map((c) => JSON.stringify(c.args));
    expect(thread.some((t) => t.includes(`Geen crisis: ${NOTE}`))).toBe(true);
  });

  it('tells a colleague who does not hold the conversation why, without a form', async () => {
    const { handoff, ts } = await falseCrisis();
    await send(buttonClick(ANNA, 'loket_claim', handoff.id, ts));
    await send(buttonClick(BRAM, NOT_CRISIS.button, handoff.id, ts));
    expect(ephemeralsFor(BRAM)).toEqual(['This conversation is held by anna. Ask them or a supervisor to transfer it to you.']);
    expect(w.slack.of('views.open')).toHaveLength(0);
  });

  it('tells a caseworker to take a waiting crisis over first, and one not linked to an account that they are not', async () => {
    const { handoff, ts } = await falseCrisis();
    await send(buttonClick(ANNA, NOT_CRISIS.button, handoff.id, ts));
    expect(ephemeralsFor(ANNA)).toEqual([ERRORS.HANDOFF_CRISIS_NOT_HELD.message]);
    await send(buttonClick(STRANGER, NOT_CRISIS.button, handoff.id, ts));
    expect(ephemeralsFor(STRANGER)[0]).toMatch(/^Je bent niet gekoppeld aan een Loket-account/);
    expect(w.slack.of('views.open')).toHaveLength(0);
  });

  it('lets an admin correct a crisis nobody has taken yet', async () => {
    await w.close();
    w = await startSlackWorld({ SLACK_CASEWORKERS: `${ANNA}=anna,${BRAM}=bram,${LEAD}=admin` });
    const { handoff, ts } = await falseCrisis();
    await send(buttonClick(LEAD, NOT_CRISIS.button, handoff.id, ts));
    await send(viewSubmission(LEAD, openedForm(), filledIn('none', 'Grapje, wil gewoon iemand spreken.')));
    expect(await w.loket.handoffs.get(handoff.id)).toMatchObject({ state: 'queued', reason: 'explicit_request', correctedBy: 'admin' });
  });

  it('explains a refusal after the form is sent, the way the buttons do, and changes nothing', async () => {
    const { handoff, ts } = await falseCrisis();
    await send(buttonClick(ANNA, 'loket_claim', handoff.id, ts));
    await send(buttonClick(ANNA, NOT_CRISIS.button, handoff.id, ts));
    // Meanwhile a supervisor moves the conversation to Bram in the console.
    const admin = (await w.loket.auth.listUsers()).find((u) => u.username === 'admin')!;
    await w.loket.handoffs.transfer(handoff.id, admin, { caseworker: 'bram', note: 'Bram kent deze burger.' });
    await send(viewSubmission(ANNA, openedForm(), filledIn('frustration', NOTE)));
    expect(ephemeralsFor(ANNA)).toEqual(['This conversation is held by bram. Ask them or a supervisor to transfer it to you.']);
    expect((await w.loket.handoffs.get(handoff.id)).reason).toBe('distress');
    expect(await w.loket.store.corrections.list({ limit: 10 })).toEqual([]);
  });
});
