/**
 * Restart durability: a conversation begun before a full stop goes on after a start on the same
 * SQLite file, with the same token, the same transcript, and the verified facts remembered.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DEMO, DL, activities, bearer, openStream, say, startConversation, startLoket, type Conversation, type TestLoket } from './helpers.ts';

const dir = mkdtempSync(join(tmpdir(), 'loket-restart-'));
const databaseUrl = `sqlite:${join(dir, 'loket.db')}`;
let running: TestLoket | undefined;

afterAll(async () => {
  await running?.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe('a web conversation across a restart', () => {
  let c: Conversation;
  let before: Array<{ id: string; text?: string }>;

  it('holds the first part of the conversation, then stops completely', async () => {
    running = await startLoket({ databaseUrl });
    c = await startConversation(running);
    expect((await say(running, c, DEMO.question)).statusCode).toBe(200);
    expect((await say(running, c, DEMO.answers)).statusCode).toBe(200);
    before = (await activities(running, c)).activities;
    expect(before.at(-1)!.text).toContain(DEMO.status);
    await running.stop();
    running = undefined;
  });

  it('accepts the same token after the restart (the signing secret is kept in the store)', async () => {
    running = await startLoket({ databaseUrl });
    const res = await running.app.inject({ method: 'GET', url: `${DL}/conversations/${c.conversationId}?watermark=${before.length}`, headers: bearer(c.token) });
    expect(res.statusCode).toBe(200);
    expect(res.json().conversationId).toBe(c.conversationId);
  });

  it('lists the earlier activities unchanged, with no second welcome', async () => {
    const after = (await activities(running!, c)).activities;
    expect(after).toEqual(before);
  });

  it('remembers the verified identity: another case of the same person is told without asking again', async () => {
    const res = await say(running!, c, 'en hoe staat het met Z-2026-000124?');
    expect(res.statusCode).toBe(200);
    const replies = (await activities(running!, c, before.length)).activities.filter((a) => a.from.role === 'bot');
    expect(replies.map((r) => r.text).join('\n')).toContain('Besluit genomen: toegekend');
    expect(replies.map((r) => r.text).join('\n')).not.toMatch(/postcode/i);
  });

  it('streams after the watermark on the new instance, continuing the numbering', async () => {
    const base = await running!.listen();
    const re = (await (await fetch(`${base}${DL}/conversations/${c.conversationId}?watermark=${before.length}`, { headers: bearer(c.token) })).json()) as Conversation;
    const stream = await openStream(re.streamUrl);
    try {
      const first = await stream.next(() => true);
      expect(first.id).toBe(`${c.conversationId}|${String(before.length + 1).padStart(7, '0')}`);
      expect(first.text).toBe('en hoe staat het met Z-2026-000124?');
    } finally {
      await stream.close();
    }
  });

  it('does not give a new conversation the old one by accident', async () => {
    const fresh = await startConversation(running!);
    expect(fresh.conversationId).not.toBe(c.conversationId);
    expect((await activities(running!, fresh)).activities).toHaveLength(1);
  });
});
