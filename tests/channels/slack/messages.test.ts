/** The handoff ↔ Slack message table behaves the same in memory and in SQLite, and SQLite keeps it. */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { memoryHandoffMessages, sqliteHandoffMessages, type HandoffMessageTable } from '../../../channels/slack/messages.ts';
import { tempDir } from '../../support/loket.ts';

const row = { handoffId: 'h-1', conversationId: 'c-1', channel: 'C1', ts: '1700000000.000100', rendered: 'queued|' };

describe.each([
  ['memory', () => memoryHandoffMessages()],
  ['sqlite', () => sqliteHandoffMessages(new Database(':memory:'))],
] as Array<[string, () => HandoffMessageTable]>)('%s handoff messages', (_name, make) => {
  it('finds a saved message by handoff and by thread', async () => {
    const t = make();
    expect(await t.get('h-1')).toBeNull();
    await t.save(row);
    expect(await t.get('h-1')).toEqual(row);
    expect(await t.byThread('C1', '1700000000.000100')).toEqual(row);
    expect(await t.byThread('C2', '1700000000.000100')).toBeNull();
  });

  it('replaces the row of a handoff on save', async () => {
    const t = make();
    await t.save(row);
    await t.save({ ...row, rendered: 'active|anna' });
    expect((await t.get('h-1'))?.rendered).toBe('active|anna');
  });
});

describe('sqlite handoff messages', () => {
  it('survive a restart', async () => {
    const dir = tempDir('loket-slack-');
    const file = join(dir, 'loket.db');
    const first = new Database(file);
    await sqliteHandoffMessages(first).save(row);
    first.close();
    const second = new Database(file);
    expect(await sqliteHandoffMessages(second).get('h-1')).toEqual(row);
    second.close();
    rmSync(dir, { recursive: true, force: true });
  });
});
