/** Slack text rules and the handoff message, as pure functions. */
import { describe, expect, it } from 'vitest';
import { escapeText, fromSlackText, queueSummary, renderHandoff } from '../../../channels/slack/blocks.ts';
import type { Handoff } from '../../../src/handoff/types.ts';

const handoff = (over: Partial<Handoff> = {}): Handoff => ({
  id: 'h-1', conversationId: 'c-1', channel: 'sms', state: 'queued', reason: 'financial_hardship', priority: 2,
  evidence: [{ reason: 'financial_hardship', evidence: 'ik kan de huur <niet> betalen & de deurwaarder komt', at: '2026-11-30T09:55:00Z' }],
  summary: 'Burger noemt <@U999> en schulden.', identity: null, caseNumber: 'Z-2026-000789', team: 'werk-en-inkomen', assignee: null,
  createdAt: '2026-11-30T09:55:00Z', queuedAt: '2026-11-30T09:55:00Z', claimedAt: null, lastCaseworkerReplyAt: null, lastCitizenMessageAt: null,
  closedAt: null, outcome: null, callback: null, callbackOffer: null, toldPosition: null, returned: false, version: 1, ...over,
});
const ctx = { now: '2026-11-30T10:05:00Z', slackUserOf: (u: string) => (u === 'anna' ? 'UANNA0001' : undefined), teams: ['klantcontact', 'werk-en-inkomen', 'klachten'] };
const texts = (blocks: unknown[]) => JSON.stringify(blocks);
const actionIds = (blocks: unknown[]) =>
  (blocks as Array<{ type: string; elements?: Array<{ action_id: string }> }>).filter((b) => b.type === 'actions').flatMap((b) => b.elements!.map((e) => e.action_id));

describe('escapeText', () => {
  it('escapes the three control characters and nothing else', () => {
    expect(escapeText('a <@U1> & <!channel> > *b*')).toBe('a &lt;@U1&gt; &amp; &lt;!channel&gt; &gt; *b*');
  });
});

describe('fromSlackText', () => {
  it('turns mentions, links and entities back into plain text', () => {
    expect(fromSlackText('hoi <@U123> zie <https://x.nl/a|de site> of <https://y.nl> &lt;3 &amp; <mailto:a@b.nl|a@b.nl> <tel:0612|0612> <!here> <#C1|algemeen>'))
      .toBe('hoi @U123 zie de site (https://x.nl/a) of https://y.nl <3 & a@b.nl 0612 @here #algemeen');
  });

  it('undoes escapeText', () => {
    const s = 'x < y && <@U1> > z';
    expect(fromSlackText(escapeText(s))).toBe(s);
  });
});

describe('renderHandoff', () => {
  it('shows reason, priority, channel, team, wait, case, evidence and summary, escaped', () => {
    const { blocks, text } = renderHandoff(handoff(), ctx);
    const all = texts(blocks);
    for (const part of ['Geldzorgen', 'P2 · Hoog', 'SMS', 'werk-en-inkomen', '10 min', 'Z-2026-000789', 'In de wachtrij']) expect(all).toContain(part);
    expect(all).toContain('ik kan de huur &lt;niet&gt; betalen &amp; de deurwaarder komt');
    expect(all).toContain('Burger noemt &lt;@U999&gt; en schulden.');
    expect(all).not.toContain('<@U999>');
    expect(text).toBe('Overdracht (P2 · Hoog): Geldzorgen — In de wachtrij');
  });

  it('has take over, release, a transfer menu and a close menu while open, carrying the handoff id, and none after', () => {
    expect(actionIds(renderHandoff(handoff(), ctx).blocks)).toEqual(['loket_claim', 'loket_release', 'loket_transfer', 'loket_close']);
    expect(actionIds(renderHandoff(handoff({ state: 'active', assignee: 'anna' }), ctx).blocks)).toHaveLength(4);
    expect(texts(renderHandoff(handoff(), ctx).blocks)).toContain('"value":"h-1"');
    // The transfer menu offers the other teams; the close menu the outcomes the console offers.
    const all = texts(renderHandoff(handoff(), ctx).blocks);
    expect(all).toContain('"value":"h-1|klachten"');
    expect(all).not.toContain('"value":"h-1|werk-en-inkomen"');
    for (const outcome of ['opgelost', 'doorverwezen', 'terugbellen', 'geen reactie', 'anders']) expect(all).toContain(`"value":"h-1|${outcome}"`);
    // Without other teams there is no transfer menu.
    expect(actionIds(renderHandoff(handoff(), { ...ctx, teams: ['werk-en-inkomen'] }).blocks)).toEqual(['loket_claim', 'loket_release', 'loket_close']);
    expect(actionIds(renderHandoff(handoff({ state: 'closed', outcome: 'done' }), ctx).blocks)).toEqual([]);
    expect(actionIds(renderHandoff(handoff({ state: 'released', assignee: 'anna' }), ctx).blocks)).toEqual([]);
  });

  it('says who holds it, mentioning linked caseworkers', () => {
    expect(texts(renderHandoff(handoff({ state: 'active', assignee: 'anna' }), ctx).blocks)).toContain('In behandeling door <@UANNA0001> (anna)');
    expect(texts(renderHandoff(handoff({ state: 'active', assignee: 'kees' }), ctx).blocks)).toContain('In behandeling door kees');
    expect(texts(renderHandoff(handoff({ returned: true }), ctx).blocks)).toContain('Terug in de wachtrij');
    expect(renderHandoff(handoff({ state: 'active', assignee: 'anna' }), ctx).text).toContain('In behandeling door anna');
  });

  it('changes its signature with state, assignee and team, not with the wait or the told position', () => {
    const base = renderHandoff(handoff(), ctx).signature;
    expect(renderHandoff(handoff({ toldPosition: 3, version: 2 }), { ...ctx, now: '2026-11-30T11:00:00Z' }).signature).toBe(base);
    expect(renderHandoff(handoff({ state: 'active', assignee: 'anna' }), ctx).signature).not.toBe(base);
    expect(renderHandoff(handoff({ team: 'klachten' }), ctx).signature).not.toBe(base);
  });
});

describe('queueSummary', () => {
  it('counts and lists the waiting, most urgent first', () => {
    const summary = queueSummary([
      handoff({ id: 'a', priority: 3, reason: 'complaint' }),
      handoff({ id: 'b', priority: 1, reason: 'distress' }),
      handoff({ id: 'c', state: 'active', assignee: 'anna' }),
    ], ctx.now);
    expect(summary.split('\n')).toEqual([
      'Loket: 2 wachtend, 1 in behandeling.',
      '• P1 · Spoed — Crisis / nood (werk-en-inkomen, SMS), wacht 10 min',
      '• P3 · Normaal — Klacht (werk-en-inkomen, SMS), wacht 10 min',
    ]);
  });
});
