/**
 * One-time codes: 6-digit SMS verification codes (10 minutes, 3 tries, once) and 8-digit link codes
 * to continue a conversation on another channel (30 minutes, once). Only salted hashes are stored.
 */
import { createHash, randomInt } from 'node:crypto';
import type { Clock } from '../clock.ts';
import type { CodeTable } from '../store/types.ts';

export const CODE_TTL_MS = 10 * 60_000;
export const CODE_TRIES = 3;
export const LINK_TTL_MS = 30 * 60_000;

export function createCodes(table: CodeTable, clock: Clock, pepper: string, random: (max: number) => number = (max) => randomInt(0, max)) {
  const hash = (scope: string, code: string) => createHash('sha256').update(`${pepper}:${scope}:${code}`).digest('hex');
  const inMs = (ms: number) => new Date(clock.now().getTime() + ms).toISOString();
  return {
    async issueVerification(conversationId: string, caseNumber: string): Promise<string> {
      const code = String(random(1_000_000)).padStart(6, '0');
      await table.issueVerification(conversationId, caseNumber, hash(`${conversationId}:${caseNumber}`, code), inMs(CODE_TTL_MS));
      return code;
    },
    checkVerification(conversationId: string, caseNumber: string, code: string): Promise<boolean> {
      return table.checkVerification(conversationId, caseNumber, hash(`${conversationId}:${caseNumber}`, code), clock.now().toISOString(), CODE_TRIES);
    },
    async issueLink(conversationId: string): Promise<string> {
      const code = String(random(100_000_000)).padStart(8, '0');
      await table.issueLink(hash('link', code), conversationId, inMs(LINK_TTL_MS));
      return code;
    },
    redeemLink(code: string): Promise<string | null> {
      return table.redeemLink(hash('link', code.replace(/\s+/g, '')), clock.now().toISOString());
    },
  };
}

export type Codes = ReturnType<typeof createCodes>;
