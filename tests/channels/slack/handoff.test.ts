/**
 * Handoffs in Slack, through the real app: a new handoff posts a message with buttons and menus, the
 * buttons and thread replies are the console's verbs (the same 409 rules), and the message follows
 * every change.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fixedClock } from '../../../src/clock.ts';
import { HANDOFF_CHANNEL } from './fake-slack.ts';
import {
  ANNA, BRAM, STRANGER, blockText, buttonClick, buttonIds, menuChoice, sendForm, sendJson, settle, startSlackWorld, threadReply, type SlackWorld,
} from './helpers.ts';
import { botTexts } from '../../support/loket.ts';

const ASK_PERSON = 'ik wil een medewerker spreken';

let w: SlackWorld;
beforeEach(async () => {
  w = await startSlackWorld();
});
afterEach(async () => {
  await w.close();
});

/** A web citizen asks for a person; returns the conversation, the handoff and its Slack message ts. */
async function citizenAsksForPerson() {
  const conversation = await w.loket.service.open({ channel: 'web' });
  await w.loket.service.receive(conversation.id, { type: 'message', text: ASK_PERSON, from: { id: 'citizen-1' } });
  await settle(w.loket);
  const [handoff] = await w.loket.handoffs.list(['queued']);
  if (!handoff) throw new Error('no handoff was requested');
  const posted = w.slack.of('chat.postMessage').find((c) => !c.args.thread_ts);
  if (!posted) throw new Error('no handoff message was posted');
  const ts = String(posted.response.ts);
  return { conversationId: conversation.id, handoff, ts };
}

async function click(user: string, verb: 'claim' | 'release', handoffId: string, ts: string) {
  const res = await sendForm(w.loket, buttonClick(user, `loket_${verb}`, handoffId, ts));
  expect(res.statusCode).toBe(200);
  await settle(w.loket);
}

/** Picks `chosen` in the close or transfer menu of the handoff message. */
async function pick(user: string, verb: 'close' | 'transfer', handoffId: string, chosen: string, ts: string) {
  const res = await sendForm(w.loket, menuChoice(user, `loket_${verb}`, handoffId, chosen, ts));
  expect(res.statusCode).toBe(200);
  await settle(w.loket);
}

const ephemeralsFor = (user: string) => w.slack.of('chat.postEphemeral').filter((c) => c.args.user === user).map((c) => String(c.args.text));
const updates = () => w.slack.of('chat.update');
const lastUpdate = () => updates().at(-1)!;

describe('a new handoff', () => {
  it('posts one Block Kit message in SLACK_CHANNEL with the reason, priority, two buttons and two menus', async () => {
    const { handoff } = await citizenAsksForPerson();
    const posts = w.slack.of('chat.postMessage');
    expect(posts).toHaveLength(1);
    const [post] = posts;
    expect(post!.args.channel).toBe(HANDOFF_CHANNEL);
    expect(post!.authorization).toBe('Bearer xoxb-test-token');
    const text = blockText(post!.args);
    expect(text).toContain('Wil een medewerker');
    expect(text).toContain('P3 · Normaal');
    expect(text).toContain('Webchat');
    expect(text).toContain('In de wachtrij');
    expect(text).toContain(ASK_PERSON);
    expect(text).toContain('klantcontact');
    expect(buttonIds(post!.args)).toEqual(['loket_claim', 'loket_release', 'loket_transfer', 'loket_close']);
    expect(text).toContain('Overnemen / Take over');
    expect(text).toContain('Teruggeven / Release');
    expect(text).toContain('Sluiten met uitkomst… / Close…');
    expect(text).toContain('Doorzetten naar… / Transfer to…');
    expect(JSON.stringify(post!.args.blocks)).toContain(handoff.id);
  });
});

describe('the wait told with Slack on', () => {
  it('counts no consoles: caseworkers in Slack are not seen, so the citizen hears minutes, never that nobody is free', async () => {
    const { conversationId } = await citizenAsksForPerson();
    const said = (await botTexts(w.loket, conversationId)).join(' ');
    expect(said).toMatch(/minuten|minutes/);
    expect(said).not.toMatch(/geen medewerker vrij|No staff member is free/);
  });
});

describe('the Take over button', () => {
  it('claims the handoff for the mapped caseworker and updates the message', async () => {
    const { handoff, ts } = await citizenAsksForPerson();
    await click(ANNA, 'claim', handoff.id, ts);
    const claimed = await w.loket.handoffs.get(handoff.id);
    expect(claimed.state).toBe('active');
    expect(claimed.assignee).toBe('anna');
    expect(updates()).toHaveLength(1);
    expect(lastUpdate().args.ts).toBe(ts);
    expect(lastUpdate().args.channel).toBe(HANDOFF_CHANNEL);
    expect(blockText(lastUpdate().args)).toContain(`In behandeling door <@${ANNA}> (anna)`);
  });

  it('refuses a second caseworker with an ephemeral "already taken by" and changes nothing', async () => {
    const { handoff, ts } = await citizenAsksForPerson();
    await click(ANNA, 'claim', handoff.id, ts);
    await click(BRAM, 'claim', handoff.id, ts);
    expect(ephemeralsFor(BRAM)).toEqual(['This conversation is already taken by anna.']);
    expect((await w.loket.handoffs.get(handoff.id)).assignee).toBe('anna');
    expect(updates()).toHaveLength(1);
  });

  it('lets exactly one of two simultaneous clicks win', async () => {
    const { handoff, ts } = await citizenAsksForPerson();
    await Promise.all([ANNA, BRAM].map((u) => sendForm(w.loket, buttonClick(u, 'loket_claim', handoff.id, ts))));
    await settle(w.loket);
    const winner = (await w.loket.handoffs.get(handoff.id)).assignee;
    const loser = winner === 'anna' ? BRAM : ANNA;
    expect(['anna', 'bram']).toContain(winner);
    expect(ephemeralsFor(loser)).toEqual([`This conversation is already taken by ${winner}.`]);
    expect(ephemeralsFor(loser === ANNA ? BRAM : ANNA)).toEqual([]);
  });

  it('makes the console API answer 409 after a claim in Slack', async () => {
    const { handoff, ts } = await citizenAsksForPerson();
    await click(ANNA, 'claim', handoff.id, ts);
    const login = await w.loket.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'admin', password: 'admin-password-1' } });
    const token = (login.json() as { token: string }).token;
    const res = await w.loket.app.inject({ method: 'POST', url: `/api/v1/handoffs/${handoff.id}/claim`, headers: { authorization: `Bearer ${token}` } });
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ error: { code: 'HANDOFF_TAKEN' } });
  });

  it('refuses in Slack after a claim in the console, and the message shows who took it', async () => {
    const { handoff, ts } = await citizenAsksForPerson();
    await w.loket.handoffs.claim(handoff.id, (await w.loket.auth.listUsers()).find((u) => u.username === 'bram')!);
    await settle(w.loket);
    expect(blockText(lastUpdate().args)).toContain(`<@${BRAM}> (bram)`);
    await click(ANNA, 'claim', handoff.id, ts);
    expect(ephemeralsFor(ANNA)).toEqual(['This conversation is already taken by bram.']);
  });

  it('tells a Slack user who is not linked to an account, and changes nothing', async () => {
    const { handoff, ts } = await citizenAsksForPerson();
    await click(STRANGER, 'claim', handoff.id, ts);
    expect(ephemeralsFor(STRANGER)).toHaveLength(1);
    expect(ephemeralsFor(STRANGER)[0]).toMatch(/^Je bent niet gekoppeld aan een Loket-account/);
    expect((await w.loket.handoffs.get(handoff.id)).state).toBe('queued');
    expect(updates()).toHaveLength(0);
  });
});

describe('Release and Close', () => {
  it('releases to the assistant: the message says so and loses its buttons', async () => {
    const { handoff, ts } = await citizenAsksForPerson();
    await click(ANNA, 'claim', handoff.id, ts);
    await click(ANNA, 'release', handoff.id, ts);
    expect((await w.loket.handoffs.get(handoff.id)).state).toBe('released');
    expect(updates()).toHaveLength(2);
    expect(blockText(lastUpdate().args)).toContain('Teruggegeven aan de assistent');
    expect(buttonIds(lastUpdate().args)).toEqual([]);
  });

  it('closes with the outcome picked: the message says so, and a later click is explained, not done', async () => {
    const { handoff, ts } = await citizenAsksForPerson();
    await pick(ANNA, 'close', handoff.id, 'doorverwezen', ts);
    const closed = await w.loket.handoffs.get(handoff.id);
    expect(closed).toMatchObject({ state: 'closed', outcome: 'doorverwezen' });
    expect(blockText(lastUpdate().args)).toContain('Afgesloten');
    expect(blockText(lastUpdate().args)).toContain('doorverwezen');
    expect(buttonIds(lastUpdate().args)).toEqual([]);
    await click(BRAM, 'claim', handoff.id, ts);
    expect(ephemeralsFor(BRAM)).toEqual(['This handoff is closed; you cannot claim it.']);
    expect((await w.loket.handoffs.get(handoff.id)).version).toBe(closed.version);
    expect(updates()).toHaveLength(1);
  });

  it('transfers to the team picked, with a note saying it was done in Slack', async () => {
    const { handoff, ts } = await citizenAsksForPerson();
    await pick(ANNA, 'transfer', handoff.id, 'vergunningen', ts);
    const moved = await w.loket.handoffs.get(handoff.id);
    expect(moved.team).toBe('vergunningen');
    expect(blockText(lastUpdate().args)).toContain('vergunningen');
    const notes = await w.loket.store.handoffs.notes(handoff.id);
    expect(notes.map((n) => n.text).join('\n')).toContain('doorgezet via Slack');
    // A caseworker without a Loket account cannot move it.
    await pick(STRANGER, 'transfer', handoff.id, 'klachten', ts);
    expect((await w.loket.handoffs.get(handoff.id)).team).toBe('vergunningen');
  });

  it('follows transfers made in the console', async () => {
    const { handoff } = await citizenAsksForPerson();
    const admin = (await w.loket.auth.listUsers()).find((u) => u.username === 'admin')!;
    await w.loket.handoffs.transfer(handoff.id, admin, { team: 'vergunningen', note: 'vergunningzaak' });
    await settle(w.loket);
    expect(blockText(lastUpdate().args)).toContain('vergunningen');
    await w.loket.handoffs.transfer(handoff.id, admin, { caseworker: 'bram', note: 'graag jij' });
    await settle(w.loket);
    expect(blockText(lastUpdate().args)).toContain(`In behandeling door <@${BRAM}> (bram)`);
  });
});

describe('thread replies', () => {
  it('sends the mapped caseworker’s reply to the citizen', async () => {
    const { conversationId, handoff, ts } = await citizenAsksForPerson();
    await click(ANNA, 'claim', handoff.id, ts);
    await sendJson(w.loket, threadReply(ANNA, ts, 'Goedemorgen, ik help u verder &amp; kijk even mee.'));
    await settle(w.loket);
    const { activities } = await w.loket.service.activities(conversationId, 0);
    const fromAnna = activities.filter((s) => s.activity.from.role === 'caseworker');
    expect(fromAnna.map((s) => s.activity.text)).toEqual(['Goedemorgen, ik help u verder & kijk even mee.']);
    expect(fromAnna[0]!.activity.from.name).toBe('Anna');
    // Typed in the thread already: not echoed back into it.
    expect(w.slack.of('chat.postMessage').filter((c) => String(c.args.text).includes('ik help u verder'))).toHaveLength(0);
  });

  it('keeps a reply starting with note: internal', async () => {
    const { conversationId, handoff, ts } = await citizenAsksForPerson();
    await click(ANNA, 'claim', handoff.id, ts);
    const before = (await w.loket.service.activities(conversationId, 0)).activities.length;
    await sendJson(w.loket, threadReply(ANNA, ts, 'note: burger klinkt gestrest, terugbellen'));
    await settle(w.loket);
    const after = await w.loket.service.activities(conversationId, 0);
    expect(after.activities).toHaveLength(before);
    expect(await w.loket.handoffs.notes(handoff.id)).toEqual([expect.objectContaining({ author: 'anna', text: 'burger klinkt gestrest, terugbellen' })]);
    expect(ephemeralsFor(ANNA)).toEqual([expect.stringMatching(/^Notitie opgeslagen/)]);
  });

  it('explains when the replier does not hold the conversation', async () => {
    const { conversationId, handoff, ts } = await citizenAsksForPerson();
    await click(ANNA, 'claim', handoff.id, ts);
    await sendJson(w.loket, threadReply(BRAM, ts, 'ik neem het over'));
    await settle(w.loket);
    expect(ephemeralsFor(BRAM)).toEqual(['This conversation is held by anna. Ask them or a supervisor to transfer it to you.']);
    const { activities } = await w.loket.service.activities(conversationId, 0);
    expect(activities.some((s) => s.activity.text === 'ik neem het over')).toBe(false);
  });

  it('ignores bot posts, edits and replies in threads that are not handoffs', async () => {
    const { conversationId, handoff, ts } = await citizenAsksForPerson();
    await click(ANNA, 'claim', handoff.id, ts);
    const before = (await w.loket.service.activities(conversationId, 0)).activities.length;
    const bot = threadReply(ANNA, ts, 'van een bot');
    (bot.event as Record<string, unknown>).bot_id = 'BOTHER';
    const edit = threadReply(ANNA, ts, 'bewerkt');
    (edit.event as Record<string, unknown>).subtype = 'message_changed';
    for (const body of [bot, edit, threadReply(ANNA, '1699999999.000001', 'elders')]) expect((await sendJson(w.loket, body)).statusCode).toBe(200);
    await settle(w.loket);
    expect((await w.loket.service.activities(conversationId, 0)).activities).toHaveLength(before);
    expect(ephemeralsFor(ANNA)).toEqual([]);
  });
});

describe('citizen messages during a handoff', () => {
  it('appear in the thread as escaped plain text', async () => {
    const { conversationId, ts } = await citizenAsksForPerson();
    await w.loket.service.receive(conversationId, { type: 'message', text: 'hallo <@U123> kijk op <https://evil.example|hier> & <!channel>', from: { id: 'citizen-1' } });
    await settle(w.loket);
    const inThread = w.slack.of('chat.postMessage').filter((c) => c.args.thread_ts === ts);
    expect(inThread).toHaveLength(1);
    expect(inThread[0]!.args.channel).toBe(HANDOFF_CHANNEL);
    expect(inThread[0]!.args.text).toBe('Burger: hallo &lt;@U123&gt; kijk op &lt;https://evil.example|hier&gt; &amp; &lt;!channel&gt;');
    expect(String(inThread[0]!.args.text)).not.toMatch(/<[@!h]/);
  });

  it('are not posted for conversations without a Slack handoff message', async () => {
    const conversation = await w.loket.service.open({ channel: 'web' });
    await w.loket.service.receive(conversation.id, { type: 'message', text: 'hallo', from: { id: 'citizen-2' } });
    await settle(w.loket);
    expect(w.slack.of('chat.postMessage')).toHaveLength(0);
  });

  it('console notes appear in the thread, marked internal', async () => {
    const { handoff, ts } = await citizenAsksForPerson();
    const admin = (await w.loket.auth.listUsers()).find((u) => u.username === 'admin')!;
    await w.loket.handoffs.note(handoff.id, admin, 'let op: <@UALL>');
    await settle(w.loket);
    const inThread = w.slack.of('chat.postMessage').filter((c) => c.args.thread_ts === ts);
    expect(inThread.map((c) => c.args.text)).toEqual(['Interne notitie van admin: let op: &lt;@UALL&gt;']);
  });
});

describe('a claimed handoff left unanswered', () => {
  it('goes back to the queue, and the message says so with its buttons', async () => {
    await w.close();
    const clock = fixedClock(new Date());
    w = await startSlackWorld({ LOKET_REPLY_TIMEOUT_SECONDS: '60' }, clock);
    const { handoff, ts } = await citizenAsksForPerson();
    await click(ANNA, 'claim', handoff.id, ts);
    clock.advance(61_000);
    await w.loket.handoffs.sweep();
    await settle(w.loket);
    const back = await w.loket.handoffs.get(handoff.id);
    expect(back).toMatchObject({ state: 'queued', assignee: null, returned: true });
    expect(blockText(lastUpdate().args)).toContain('Terug in de wachtrij');
    expect(buttonIds(lastUpdate().args)).toEqual(['loket_claim', 'loket_release', 'loket_transfer', 'loket_close']);
  });
});
