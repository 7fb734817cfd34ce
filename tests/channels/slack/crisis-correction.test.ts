/**
 * A false crisis corrected in the console (POST /api/v1/handoffs/{id}/reason) reaches Slack as any
 * change does: the handoff message shows the new reason and priority, and the note is in its thread.
 */
import { afterEach, beforeEach, expect, it } from 'vitest';
import { as, login } from '../../caseworker/helpers.ts';
import { blockText, settle, startSlackWorld, type SlackWorld } from './helpers.ts';

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
