/** SLACK_CASEWORKERS: parsing, and finding the account a Slack user acts as. */
import { describe, expect, it } from 'vitest';
import { caseworkerDirectory, parseCaseworkerMap } from '../../../channels/slack/caseworkers.ts';
import { openSqliteStore } from '../../../src/store/sqlite.ts';

describe('parseCaseworkerMap', () => {
  it('reads U…=username pairs, spaces allowed', () => {
    expect([...parseCaseworkerMap(' U0123ABC=anna, W0456DEF = bram ,')]).toEqual([['U0123ABC', 'anna'], ['W0456DEF', 'bram']]);
  });

  it('is empty when unset', () => {
    expect(parseCaseworkerMap(undefined).size).toBe(0);
  });

  it.each(['anna', 'U0123ABC=', '=anna', 'u0123abc=anna', 'U0123ABC=anna=x', 'C0123ABC=anna'])('refuses "%s" with CONFIG_INVALID', (raw) => {
    expect(() => parseCaseworkerMap(raw)).toThrow(expect.objectContaining({ code: 'CONFIG_INVALID' }));
  });
});

describe('caseworkerDirectory', () => {
  it('finds the account of a mapped Slack user, without its password hash', async () => {
    const store = openSqliteStore(':memory:');
    await store.users.insert({ username: 'anna', name: 'Anna de Vries', role: 'caseworker', teams: ['klantcontact'], createdAt: '2026-01-01T00:00:00Z' }, 'hash');
    const dir = caseworkerDirectory(parseCaseworkerMap('U0123ABC=anna,U0456DEF=ghost'), store.users);
    expect(await dir.userFor('U0123ABC')).toEqual({ username: 'anna', name: 'Anna de Vries', role: 'caseworker', teams: ['klantcontact'], createdAt: '2026-01-01T00:00:00Z' });
    expect(await dir.userFor('U0456DEF')).toBeNull();
    expect(await dir.userFor('U9999999')).toBeNull();
    expect(dir.isCaseworker('U0456DEF')).toBe(true);
    expect(dir.isCaseworker('U9999999')).toBe(false);
    expect(dir.slackUserOf('anna')).toBe('U0123ABC');
    await store.close();
  });
});
