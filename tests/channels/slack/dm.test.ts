/**
 * Direct messages to the app from people who are not caseworkers: a citizen channel like SMS. Their
 * turns run through the same conversation service, and every answer comes back as a DM.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { HANDOFF_CHANNEL } from './fake-slack.ts';
import { ANNA, CITIZEN, buttonClick, directMessage, sendForm, sendJson, settle, startSlackWorld, threadReply, type SlackWorld } from './helpers.ts';

let w: SlackWorld;
beforeEach(async () => {
  w = await startSlackWorld();
});
afterEach(async () => {
  await w.close();
});

const DM = `D${CITIZEN.slice(1)}`;
const dmsTo = (channel: string) => w.slack.of('chat.postMessage').filter((c) => c.args.channel === channel).map((c) => String(c.args.text));

async function dm(text: string, user = CITIZEN): Promise<string[]> {
  const before = dmsTo(`D${user.slice(1)}`).length;
  const res = await sendJson(w.loket, directMessage(user, text));
  expect(res.statusCode).toBe(200);
  await settle(w.loket);
  return dmsTo(`D${user.slice(1)}`).slice(before);
}

describe('a direct message from a citizen', () => {
  it('opens a Slack conversation and answers by DM', async () => {
    const answers = await dm('wat zijn jullie openingstijden?');
    expect(answers.length).toBeGreaterThan(0);
    const conversationId = await w.loket.store.addresses.find('slack', CITIZEN);
    expect(conversationId).not.toBeNull();
    const { activities } = await w.loket.service.activities(conversationId!, 0);
    expect(activities[0]!.activity).toMatchObject({ text: 'wat zijn jullie openingstijden?', from: { id: CITIZEN, role: 'user' }, channelId: 'slack' });
    const botTexts = activities.filter((s) => s.activity.from.role === 'bot' && s.activity.type === 'message').map((s) => s.activity.text);
    expect(answers).toEqual(botTexts.map((t) => t!.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')));
  });

  it('answers a status question after verification', async () => {
    await dm('hoe staat het met mijn aanvraag Z-2026-000123');
    await dm('1234 AB');
    const answers = await dm('15-03-1980');
    expect(answers.join('\n')).toContain('welstandscommissie');
  });

  it('keeps one conversation per Slack user', async () => {
    await dm('hallo');
    await dm('wat zijn jullie openingstijden?');
    const conversationId = await w.loket.store.addresses.find('slack', CITIZEN);
    const { activities } = await w.loket.service.activities(conversationId!, 0);
    expect(activities.filter((s) => s.activity.from.role === 'user')).toHaveLength(2);
  });

  it('is processed once when Slack retries it', async () => {
    const body = directMessage(CITIZEN, 'wat zijn jullie openingstijden?');
    expect((await sendJson(w.loket, body)).statusCode).toBe(200);
    await settle(w.loket);
    const answers = dmsTo(DM).length;
    const retry = await sendJson(w.loket, body, { headers: { 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'http_timeout' } });
    expect(retry.statusCode).toBe(200);
    await settle(w.loket);
    expect(dmsTo(DM)).toHaveLength(answers);
    const conversationId = await w.loket.store.addresses.find('slack', CITIZEN);
    const { activities } = await w.loket.service.activities(conversationId!, 0);
    expect(activities.filter((s) => s.activity.from.role === 'user')).toHaveLength(1);
  });

  it('unwraps Slack formatting before the assistant reads it', async () => {
    await dm('mijn mail is <mailto:jan@example.nl|jan@example.nl> &amp; zo');
    const conversationId = await w.loket.store.addresses.find('slack', CITIZEN);
    const { activities } = await w.loket.service.activities(conversationId!, 0);
    expect(activities[0]!.activity.text).toBe('mijn mail is jan@example.nl & zo');
  });

  it('gets a caseworker’s thread reply as a DM after asking for a person', async () => {
    await dm('ik wil een medewerker spreken');
    const post = w.slack.of('chat.postMessage').find((c) => c.args.channel === HANDOFF_CHANNEL && !c.args.thread_ts)!;
    expect(JSON.stringify(post.args.blocks)).toContain('Slack');
    const ts = String(post.response.ts);
    const [handoff] = await w.loket.handoffs.list(['queued']);
    await sendForm(w.loket, buttonClick(ANNA, 'loket_claim', handoff!.id, ts));
    await settle(w.loket);
    await sendJson(w.loket, threadReply(ANNA, ts, 'Hallo, ik ben Anna. Waarmee kan ik helpen?'));
    await settle(w.loket);
    expect(dmsTo(DM)).toContain('Anna: Hallo, ik ben Anna. Waarmee kan ik helpen?');
    // What the citizen writes next shows up in the thread. Slack sends typed brackets as entities;
    // they become text for the assistant and are escaped again for the thread.
    await dm('Ik heb een vraag over &lt;@UANNA0001&gt; mijn vergunning');
    const thread = w.slack.of('chat.postMessage').filter((c) => c.args.thread_ts === ts).map((c) => c.args.text);
    expect(thread).toEqual(['Burger: Ik heb een vraag over &lt;@UANNA0001&gt; mijn vergunning']);
  });
});

describe('direct messages that are not a citizen’s', () => {
  it('ignores DMs from mapped caseworkers', async () => {
    expect(await dm('hallo', ANNA)).toEqual([]);
    expect(await w.loket.store.addresses.find('slack', ANNA)).toBeNull();
  });

  it('answers a file without text with the attachments message', async () => {
    const body = directMessage(CITIZEN, '');
    (body.event as Record<string, unknown>).subtype = 'file_share';
    await sendJson(w.loket, body);
    await settle(w.loket);
    expect(dmsTo(DM)).toEqual(['This channel does not accept files. Type your question as text, or ask to talk to a person.']);
  });
});

describe('the DM sender', () => {
  it('opens the DM with conversations.open when it has not seen the user write', async () => {
    await w.loket.slack!.sender.send('UNEWUSER9', { type: 'message', id: 'a1', conversation: { id: 'c1' }, from: { id: 'loket', role: 'bot' }, text: 'Uw afspraak is <morgen>' }, 'c1');
    expect(w.slack.of('conversations.open').map((c) => c.args.users)).toEqual(['UNEWUSER9']);
    expect(dmsTo('DNEWUSER9')).toEqual(['Uw afspraak is &lt;morgen&gt;']);
  });
});
