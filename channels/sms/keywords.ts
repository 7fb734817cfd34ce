/**
 * STOP / START / HELP, answered by the channel before any turn (they are about the number, not the
 * conversation). STOP is recorded per channel and number; from then on nothing is sent there (the
 * confirmation of the STOP itself, and an answer to HELP, excepted) until START.
 */
import type { Clock } from '../../src/clock.ts';
import type { InboundSms, Keyword } from './inbound.ts';
import type { TwilioOutbound } from './outbound.ts';
import type { SmsTables } from './sqlite.ts';
import { HELP_WHILE_STOPPED, KEYWORD_REPLIES } from './texts.ts';

export interface KeywordDeps {
  tables: SmsTables;
  outbound: TwilioOutbound;
  clock: Clock;
}

export async function handleKeyword(msg: InboundSms & { keyword: Keyword }, deps: KeywordDeps): Promise<void> {
  const now = deps.clock.now().toISOString();
  const reply = KEYWORD_REPLIES[msg.keyword];
  switch (msg.keyword) {
    case 'stop':
      await deps.tables.setOptOut(msg.channel, msg.address, true, msg.text.trim().slice(0, 20), now);
      deps.outbound.queueText(msg.channel, msg.address, reply, { evenIfOptedOut: true });
      return;
    case 'start':
      await deps.tables.setOptOut(msg.channel, msg.address, false, msg.text.trim().slice(0, 20), now);
      deps.outbound.queueText(msg.channel, msg.address, reply);
      return;
    case 'help':
      // Answered even after STOP (once per HELP, only when asked), with how to start again.
      if (await deps.tables.isOptedOut(msg.channel, msg.address)) {
        deps.outbound.queueText(msg.channel, msg.address, HELP_WHILE_STOPPED, { evenIfOptedOut: true });
      } else deps.outbound.queueText(msg.channel, msg.address, reply);
      return;
  }
}
