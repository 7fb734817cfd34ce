/** Group commit and the row cache of the embedded store, checked against a second connection to the same file. */
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { StoredActivity } from '../../src/conversation/types.ts';
import type { DialogState } from '../../src/dialog/types.ts';
import { initialState } from '../../src/dialog/texts.ts';
import { isLoketError } from '../../src/errors.ts';
import { activityId } from '../../src/store/ids.ts';
import { openSqliteStore } from '../../src/store/sqlite.ts';
import { VERIFIED_PHONE_REFRESH_MS, type ConversationRow, type Store } from '../../src/store/types.ts';
import { tempDir } from '../support/loket.ts';

const NOW = '2026-11-28T12:00:00.000Z';
const open: Array<{ close(): unknown }> = [];
afterEach(async () => {
  for (const c of open.splice(0).reverse()) await c.close();
});

function setup(): { store: Store; other: Database.Database; file: string } {
  const file = join(tempDir(), 'loket.db');
  const store = openSqliteStore(file);
  open.push(store);
  // A second connection sees only what has been committed.
  const other = new Database(file, { readonly: true });
  open.push(other);
  return { store, other, file };
}

/**
 * A new store with the conversations a, b and c, and a trigger on its file that refuses (with 'boom') an
 * insert into `table` when `when` holds: a write that fails inside a batch of turns.
 */
async function refusing(table: string, when: string): Promise<{ store: Store; other: Database.Database; a: ConversationRow; b: ConversationRow; c: ConversationRow }> {
  const { store, other, file } = setup();
  const [a, b, c] = await Promise.all(['a', 'b', 'c'].map((id) => store.openConversation({ id, channel: 'web', userId: null, now: NOW })));
  const writer = new Database(file);
  writer.exec(`CREATE TRIGGER refuse BEFORE INSERT ON ${table} WHEN ${when} BEGIN SELECT RAISE(ABORT, 'boom'); END`);
  writer.close();
  return { store, other, a: a!, b: b!, c: c! };
}

function message(row: ConversationRow, offset: number, text: string): StoredActivity {
  const seq = row.lastSeq + offset;
  return { seq, activity: { type: 'message', id: activityId(row.id, seq), timestamp: NOW, conversation: { id: row.id }, from: { id: 'c', role: 'user' }, text } };
}

function turn(row: ConversationRow, text: string, state: DialogState = { ...initialState(), turns: 1 }) {
  return { conversationId: row.id, expectedEtag: row.etag, state, activities: [message(row, 1, text)], handoffs: [] };
}

const committed = (db: Database.Database, conversationId: string) =>
  (db.prepare('SELECT count(*) AS n FROM activities WHERE conversation_id = ?').get(conversationId) as { n: number }).n;

async function codeOf(p: Promise<unknown>): Promise<string | undefined> {
  const err = await p.then(() => null, (e: unknown) => e);
  return isLoketError(err) ? err.code : String(err);
}

describe('the embedded store: group commit', () => {
  it('writes the turns committed in one tick together, and resolves each only once it is committed', async () => {
    const { store, other } = setup();
    const rows = await Promise.all(['a', 'b', 'c'].map((id) => store.openConversation({ id, channel: 'web', userId: null, now: NOW })));
    const seenAtResolve: number[] = [];
    const commits = rows.map((row) =>
      store.commitTurn(turn(row, `hallo ${row.id}`), NOW).then((etag) => {
        seenAtResolve.push(committed(other, row.id));
        return etag;
      }),
    );
    // Queued, not written yet: nothing is visible to another connection in this tick.
    expect(rows.map((r) => committed(other, r.id))).toEqual([0, 0, 0]);
    const etags = await Promise.all(commits);
    expect(seenAtResolve).toEqual([1, 1, 1]);
    for (const [i, row] of rows.entries()) {
      const fresh = await store.getConversation(row.id);
      expect(fresh).toMatchObject({ etag: etags[i], lastSeq: 1, state: { turns: 1 } });
      expect((await store.listActivities(row.id, 0, 10)).map((a) => a.activity.text)).toEqual([`hallo ${row.id}`]);
    }
  });

  it('rejects only the turn whose own write fails; the others in the batch are stored', async () => {
    const { store, other, a, b, c } = await refusing('activities', "NEW.json LIKE '%boom%'");
    const stale = { ...turn(c, 'stale'), expectedEtag: 'not-the-etag' };
    const results = await Promise.allSettled([store.commitTurn(turn(a, 'fine'), NOW), store.commitTurn(turn(b, 'boom'), NOW), store.commitTurn(stale, NOW)]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'rejected']);
    expect(await codeOf(Promise.reject((results[2] as PromiseRejectedResult).reason))).toBe('CONVERSATION_CONFLICT');
    expect([committed(other, 'a'), committed(other, 'b'), committed(other, 'c')]).toEqual([1, 0, 0]);
    // The failed turns left their rows as they were (state and last_seq untouched).
    expect(await store.getConversation('b')).toMatchObject({ etag: b.etag, lastSeq: 0, state: null });
    expect(await store.getConversation('c')).toMatchObject({ etag: c.etag, lastSeq: 0, state: null });
  });

  it('undoes all of a turn that fails part-way (its message and state were written), and stores the turns around it', async () => {
    // Fails b's last write: its state, its message and its address are in by then.
    const { store, other, a, b, c } = await refusing('verified_phones', "NEW.phone = '+31600000000'");
    const commit = (row: ConversationRow, verifiedPhone: string) =>
      store.commitTurn({ ...turn(row, `hallo ${row.id}`), via: { channel: 'sms', address: `${verifiedPhone}-${row.id}` }, verifiedPhone }, NOW);
    const results = await Promise.allSettled([commit(a, '+31611111111'), commit(b, '+31600000000'), commit(c, '+31622222222')]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect([committed(other, 'a'), committed(other, 'b'), committed(other, 'c')]).toEqual([1, 0, 1]);
    expect(await store.getConversation('b')).toMatchObject({ etag: b.etag, lastSeq: 0, state: null });
    expect(other.prepare('SELECT conversation_id FROM addresses ORDER BY conversation_id').all()).toEqual([{ conversation_id: 'a' }, { conversation_id: 'c' }]);
    expect(other.prepare('SELECT conversation_id FROM verified_phones ORDER BY conversation_id').all()).toEqual([{ conversation_id: 'a' }, { conversation_id: 'c' }]);
    // b can run again on its row as stored.
    await store.commitTurn(turn((await store.getConversation('b'))!, 'opnieuw'), NOW);
    expect(committed(other, 'b')).toBe(1);
  });

  it('rejects every turn of a batch when the database refuses the writes (locked), and loses nothing committed before', async () => {
    const { store, other, file } = setup();
    const [a, b] = await Promise.all(['a', 'b'].map((id) => store.openConversation({ id, channel: 'web', userId: null, now: NOW })));
    await store.commitTurn(turn(a!, 'eerder'), NOW);
    const a1 = (await store.getConversation('a'))!;
    // Another connection holds the write lock, and this store may not wait for it.
    (store.raw as Database.Database).pragma('busy_timeout = 0');
    const locker = new Database(file);
    locker.exec('BEGIN IMMEDIATE');
    const results = await Promise.allSettled([store.commitTurn(turn(a1, 'later'), NOW), store.commitTurn(turn(b!, 'ook'), NOW)]);
    locker.exec('ROLLBACK');
    locker.close();
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected']);
    expect([committed(other, 'a'), committed(other, 'b')]).toEqual([1, 0]);
    expect((await store.listActivities('a', 0, 10)).map((x) => x.activity.text)).toEqual(['eerder']);
    // The rejected turn can run again on the row as it is stored.
    const again = (await store.getConversation('a'))!;
    expect(again.etag).toBe(a1.etag);
    await store.commitTurn(turn(again, 'later'), NOW);
    expect((await store.listActivities('a', 0, 10)).map((x) => x.activity.text)).toEqual(['eerder', 'later']);
  });

  it('writes queued turns before the store closes', async () => {
    const { store, file } = setup();
    const row = await store.openConversation({ id: 'a', channel: 'web', userId: null, now: NOW });
    const pending = store.commitTurn(turn(row, 'net op tijd'), NOW);
    open.splice(open.indexOf(store), 1);
    await store.close();
    await pending;
    const reopened = openSqliteStore(file);
    open.push(reopened);
    expect((await reopened.listActivities('a', 0, 10)).map((x) => x.activity.text)).toEqual(['net op tijd']);
  });
});

describe('the embedded store: the channel a message came by', () => {
  it('is recorded as the last used address in the turn\'s own commit, and not when the commit fails', async () => {
    const { store, other } = setup();
    const row = await store.openConversation({ id: 'a', channel: 'web', userId: null, now: NOW });
    await store.addresses.attach('a', 'web', 'a', '2026-11-28T11:00:00.000Z');
    await store.commitTurn({ ...turn(row, 'via sms'), via: { channel: 'sms', address: '+31612345678' } }, NOW);
    expect((await store.addresses.list('a')).map((x) => x.channel)).toEqual(['sms', 'web']);
    expect(other.prepare("SELECT conversation_id FROM addresses WHERE channel = 'sms'").get()).toEqual({ conversation_id: 'a' });
    // A stale eTag: nothing of the turn is written, also not the address.
    const stale = { ...turn(row, 'te laat'), via: { channel: 'whatsapp' as const, address: '+31687654321' } };
    expect(await codeOf(store.commitTurn(stale, NOW))).toBe('CONVERSATION_CONFLICT');
    expect(await store.addresses.find('whatsapp', '+31687654321')).toBeNull();
  });
});

describe('the embedded store: addresses stay in the order they were last used', () => {
  const at = (minutes: number) => new Date(Date.parse(NOW) + minutes * 60_000).toISOString();
  const order = async (store: Store, id: string) => (await store.addresses.list(id)).map((x) => `${x.channel} ${x.lastSeen.slice(11, 16)}`);

  it('puts the channel of each turn first, also when the citizen switches back within seconds', async () => {
    const { store } = setup();
    let row = await store.openConversation({ id: 'a', channel: 'web', userId: null, now: at(0) });
    const web = { channel: 'web' as const, address: 'a' };
    const sms = { channel: 'sms' as const, address: '+31612345678' };
    const say = async (via: typeof web | typeof sms, now: string) => {
      await store.commitTurn({ ...turn(row, 'hallo'), via }, now);
      row = (await store.getConversation('a'))!;
    };
    await say(web, at(0));
    await say(sms, at(0.1));
    expect(await order(store, 'a')).toEqual(['sms 12:00', 'web 12:00']);
    await say(web, at(0.2));
    expect((await store.addresses.list('a'))[0]).toMatchObject({ channel: 'web', lastSeen: at(0.2) });
    await say(sms, at(0.3));
    expect((await store.addresses.list('a'))[0]).toMatchObject({ channel: 'sms', lastSeen: at(0.3) });
    // Already first and seen within ADDRESS_SEEN_GRANULARITY_MS: the row is left as it is (no write).
    await say(sms, at(5));
    expect((await store.addresses.list('a'))[0]).toMatchObject({ channel: 'sms', lastSeen: at(0.3) });
    // Seen that long ago: last_seen moves on.
    await say(sms, at(10.3));
    expect((await store.addresses.list('a'))[0]).toMatchObject({ channel: 'sms', lastSeen: at(10.3) });
  });

  it('takes an address back from the conversation it was moved to, however recent', async () => {
    const { store } = setup();
    const a = await store.openConversation({ id: 'a', channel: 'web', userId: null, now: at(0) });
    await store.openConversation({ id: 'b', channel: 'web', userId: null, now: at(0) });
    await store.commitTurn({ ...turn(a, 'hallo'), via: { channel: 'web', address: 'a' } }, at(0));
    // Moved to b ("LINK …" typed in a), then a's next turn comes by it again.
    await store.addresses.attach('b', 'web', 'a', at(0.1));
    expect(await store.addresses.find('web', 'a')).toBe('b');
    await store.commitTurn({ ...turn((await store.getConversation('a'))!, 'nog iets'), via: { channel: 'web', address: 'a' } }, at(0.2));
    expect(await store.addresses.find('web', 'a')).toBe('a');
    expect(await store.addresses.list('b')).toEqual([]);
  });

  it('keeps the order when another process attached an address since (decided inside the write)', async () => {
    const { store, file } = setup();
    const a = await store.openConversation({ id: 'a', channel: 'web', userId: null, now: at(0) });
    await store.commitTurn({ ...turn(a, 'hallo'), via: { channel: 'web', address: 'a' } }, at(0));
    const elsewhere = new Database(file);
    elsewhere.prepare("INSERT INTO addresses (channel, address, conversation_id, last_seen) VALUES ('sms', '+31612345678', 'a', ?)").run(at(0.1));
    elsewhere.close();
    await store.commitTurn({ ...turn((await store.getConversation('a'))!, 'weer op het web'), via: { channel: 'web', address: 'a' } }, at(0.2));
    expect(await order(store, 'a')).toEqual(['web 12:00', 'sms 12:00']);
    expect((await store.addresses.list('a'))[0]!.lastSeen).toBe(at(0.2));
  });
});

describe('the embedded store: the verified phone of a conversation', () => {
  const at = (minutes: number) => new Date(Date.parse(NOW) + minutes * 60_000).toISOString();
  const PHONE = '+31612345678';
  const storedAt = (db: Database.Database, phone = PHONE) => (db.prepare('SELECT at FROM verified_phones WHERE phone = ?').get(phone) as { at: string } | undefined)?.at;

  it('is written when new, and its time renewed only once it is VERIFIED_PHONE_REFRESH_MS old', async () => {
    const { store, other } = setup();
    expect(VERIFIED_PHONE_REFRESH_MS).toBe(10 * 60_000);
    let row = await store.openConversation({ id: 'a', channel: 'web', userId: null, now: at(0) });
    const say = async (now: string, verifiedPhone?: string) => {
      await store.commitTurn({ ...turn(row, 'hallo'), ...(verifiedPhone ? { verifiedPhone } : {}) }, now);
      row = (await store.getConversation('a'))!;
    };
    await say(at(0));
    expect(storedAt(other)).toBeUndefined();
    await say(at(1), PHONE);
    expect(storedAt(other)).toBe(at(1));
    await say(at(5), PHONE);
    await say(at(10.9), PHONE);
    expect(storedAt(other)).toBe(at(1));
    // Continuing from that phone looks back 24 hours from the stored time.
    const since = (minutes: number) => new Date(Date.parse(at(minutes)) - 24 * 3600_000).toISOString();
    expect(await store.codes.findByVerifiedPhone(PHONE, since(24 * 60 + 1))).toBe('a');
    expect(await store.codes.findByVerifiedPhone(PHONE, since(24 * 60 + 1.01))).toBeNull();
    await say(at(11), PHONE);
    expect(storedAt(other)).toBe(at(11));
    // Appending (a welcome, a caseworker's message) writes no phone: what is known of it still holds.
    await store.appendActivities('a', [{ type: 'message', conversation: { id: 'a' }, from: { id: 'loket', role: 'bot' }, text: 'hallo' }], at(12));
    row = (await store.getConversation('a'))!;
    await say(at(13), PHONE);
    expect(storedAt(other)).toBe(at(11));
    // Another number verified: written at once.
    await say(at(14), '+31687654321');
    expect(storedAt(other, '+31687654321')).toBe(at(14));
  });

  it('is written again when the row was written elsewhere, or the store restarted', async () => {
    const { store, other, file } = setup();
    let row = await store.openConversation({ id: 'a', channel: 'web', userId: null, now: at(0) });
    await store.commitTurn({ ...turn(row, 'hallo'), verifiedPhone: PHONE }, at(0));
    // Another process ran a turn of this conversation, renewing the phone's time.
    const elsewhere = new Database(file);
    elsewhere.prepare("UPDATE conversations SET etag = 'theirs', last_seq = last_seq + 1 WHERE id = 'a'").run();
    elsewhere.prepare('UPDATE verified_phones SET at = ? WHERE phone = ?').run(at(2), PHONE);
    elsewhere.close();
    row = (await store.getConversation('a'))!;
    expect(await codeOf(store.commitTurn({ ...turn(row, 'oud'), verifiedPhone: PHONE }, at(3)))).toBe('CONVERSATION_CONFLICT');
    row = (await store.getConversation('a'))!;
    await store.commitTurn({ ...turn(row, 'vers'), verifiedPhone: PHONE }, at(4));
    expect(storedAt(other)).toBe(at(4));
    open.splice(open.indexOf(store), 1);
    await store.close();
    const reopened = openSqliteStore(file);
    open.push(reopened);
    await reopened.commitTurn({ ...turn((await reopened.getConversation('a'))!, 'na de herstart'), verifiedPhone: PHONE }, at(5));
    expect(storedAt(other)).toBe(at(5));
  });
});

describe('the embedded store: another process holds the write lock', () => {
  it('waits for it without blocking the event loop, then commits', async () => {
    const { store, file } = setup();
    const row = await store.openConversation({ id: 'a', channel: 'web', userId: null, now: NOW });
    const elsewhere = new Database(file);
    elsewhere.prepare('BEGIN IMMEDIATE').run();
    let ticks = 0;
    const ticker = setInterval(() => ticks++, 5);
    const done = store.commitTurn(turn(row, 'even wachten'), NOW);
    await new Promise((r) => setTimeout(r, 300));
    // Still waiting, and the event loop went on meanwhile (SQLite's busy handler would have slept in it:
    // a tick or none). 300 ms, not 120: a CI run on two busy cores once got exactly 5 ticks in 120 ms.
    expect(await Promise.race([done.then(() => 'committed'), Promise.resolve('waiting')])).toBe('waiting');
    expect(ticks).toBeGreaterThan(5);
    elsewhere.prepare('COMMIT').run();
    elsewhere.close();
    await done;
    clearInterval(ticker);
    expect(await store.listActivities('a', 0, 10)).toHaveLength(1);
  });
});

describe('the embedded store: row cache', () => {
  it('reads a row once and keeps it up to date with its own writes', async () => {
    const { store } = setup();
    const row = await store.openConversation({ id: 'a', channel: 'web', userId: null, now: NOW });
    expect(await store.getConversation('a')).toBe(await store.getConversation('a'));
    const etag = await store.commitTurn(turn(row, 'hallo'), NOW);
    expect(await store.getConversation('a')).toMatchObject({ etag, lastSeq: 1, state: { turns: 1 } });
    const { etag: appended } = await store.appendActivities('a', [{ type: 'message', conversation: { id: 'a' }, from: { id: 'loket', role: 'bot' }, text: 'welkom' }], NOW);
    expect(await store.getConversation('a')).toMatchObject({ etag: appended, lastSeq: 2, state: { turns: 1 } });
  });

  it('notices a row written by another process at commit (eTag), and reads it fresh afterwards', async () => {
    const { store, file } = setup();
    const row = await store.openConversation({ id: 'a', channel: 'web', userId: null, now: NOW });
    const elsewhere = new Database(file);
    elsewhere.prepare("UPDATE conversations SET etag = 'theirs', last_seq = 5 WHERE id = 'a'").run();
    elsewhere.close();
    expect(await store.getConversation('a')).toMatchObject({ etag: row.etag }); // cached, stale
    expect(await codeOf(store.commitTurn(turn(row, 'hallo'), NOW))).toBe('CONVERSATION_CONFLICT');
    expect(await store.getConversation('a')).toMatchObject({ etag: 'theirs', lastSeq: 5 });
  });
});
