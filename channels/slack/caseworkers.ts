/**
 * Which Slack user acts as which caseworker account (SLACK_CASEWORKERS, CONTRACTS §8):
 *
 *     SLACK_CASEWORKERS=U0123ABC=anna,U0456DEF=bram
 *
 * Accounts are looked up when someone acts, so an account created after start-up works at once.
 */
import { LoketError } from '../../src/errors.ts';
import type { User, UserTable } from '../../src/store/types.ts';

const SLACK_USER = /^[UW][A-Z0-9]{2,}$/;

/** Parses the setting; a malformed entry stops the boot with CONFIG_INVALID naming it. */
export function parseCaseworkerMap(raw: string | undefined): ReadonlyMap<string, string> {
  const map = new Map<string, string>();
  for (const entry of (raw ?? '').split(',').map((e) => e.trim()).filter(Boolean)) {
    const [slackId, username, extra] = entry.split('=').map((p) => p.trim());
    if (!slackId || !username || extra !== undefined || !SLACK_USER.test(slackId)) {
      throw new LoketError('CONFIG_INVALID', [`- SLACK_CASEWORKERS: "${entry}" should look like U0123ABC=username`]);
    }
    map.set(slackId, username);
  }
  return map;
}

export interface CaseworkerDirectory {
  /** The caseworker account a Slack user acts as; null when not mapped or the account does not exist. */
  userFor(slackUserId: string): Promise<User | null>;
  /** True for Slack users mapped to an account (their DMs are not citizen messages). */
  isCaseworker(slackUserId: string): boolean;
  /** The Slack user of an account, to mention in messages. */
  slackUserOf(username: string): string | undefined;
}

export function caseworkerDirectory(map: ReadonlyMap<string, string>, users: UserTable): CaseworkerDirectory {
  const bySlack = new Map(map);
  const byUsername = new Map([...map].map(([slackId, username]) => [username, slackId] as const));
  return {
    async userFor(slackUserId) {
      const username = bySlack.get(slackUserId);
      if (!username) return null;
      const found = await users.get(username);
      if (!found) return null;
      const { passwordHash: _, ...user } = found;
      return user;
    },
    isCaseworker: (slackUserId) => bySlack.has(slackUserId),
    slackUserOf: (username) => byUsername.get(username),
  };
}
