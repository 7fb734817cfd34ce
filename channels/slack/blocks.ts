/**
 * What caseworkers see in Slack: the Block Kit message of a handoff, the lines posted in its thread,
 * and the small texts of ephemeral answers. Pure functions; Slack's text rules live here too.
 *
 * Slack parses `<…>` in message text as mentions and links and `&` as the start of an entity, so
 * every piece of citizen text goes through `escapeText` first
 * (https://api.slack.com/reference/surfaces/formatting#escaping).
 */
import type { types as slack } from '@slack/bolt';
import type { Handoff } from '../../src/handoff/types.ts';
import { waitedSeconds } from '../../src/handoff/queue.ts';
import { channelLabel, notCrisisLabel, OUTCOMES, priorityLabel, reasonLabel } from '../../src/caseworker/labels.ts';
import { MAX_CASEWORKER_TEXT } from '../../src/handoff/caseworker-text.ts';
import { NOT_CRISIS_REASONS } from '../../src/handoff/crisis-correction.ts';

export { channelLabel, priorityLabel, reasonLabel };

/** claim and release are buttons (value: the handoff id); close and transfer are menus (see choice()). */
export const ACTION = { claim: 'loket_claim', release: 'loket_release', close: 'loket_close', transfer: 'loket_transfer' } as const;
export type ActionVerb = keyof typeof ACTION;

/**
 * "Geen crisis?": a button on an open crisis (value: the handoff id) that opens a form (a modal,
 * callback_id `view`) with the reason it was instead and a note why; `reason` and `note` are the ids
 * of both its input block and its element.
 */
export const NOT_CRISIS = { button: 'loket_not_crisis', view: 'loket_not_crisis', reason: 'reason', note: 'note' } as const;

/** The note a transfer from Slack leaves (the console asks for one; a menu cannot). */
export const TRANSFERRED_FROM_SLACK = 'doorgezet via Slack';

/** A menu option's value carries the handoff and the choice: `<handoff id>|<outcome or team>`. */
export function choice(value: string): { handoffId: string; chosen: string } {
  const at = value.indexOf('|');
  return at < 0 ? { handoffId: value, chosen: '' } : { handoffId: value.slice(0, at), chosen: value.slice(at + 1) };
}


export const TEXTS = {
  notLinked: 'Je bent niet gekoppeld aan een Loket-account. Vraag een beheerder je Slack-gebruiker op te nemen in SLACK_CASEWORKERS.',
  noteSaved: 'Notitie opgeslagen. Die blijft intern en gaat niet naar de burger.',
  failed: 'Dat lukte niet door een fout aan onze kant. Probeer het opnieuw of gebruik de console.',
} as const;

/** Escapes `&`, `<` and `>` so text stays text: no mentions, no links, no @channel. */
export function escapeText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * Slack message text back to plain text: `<@U1>` → `@U1`, `<https://x|label>` → `label (https://x)`,
 * `<mailto:a@b.nl|a@b.nl>` → `a@b.nl`, `<!here>` → `@here`, entities unescaped.
 */
export function fromSlackText(text: string): string {
  return text
    .replace(/<([^<>]*)>/g, (_m, inner: string) => {
      const [target = '', label] = inner.split('|', 2);
      if (target.startsWith('@')) return label ? `@${label}` : target;
      if (target.startsWith('#')) return `#${label ?? target.slice(1)}`;
      if (target.startsWith('!')) return `@${(label ?? target.slice(1)).split('^')[0]}`;
      const bare = target.replace(/^(mailto|tel):/, '');
      if (!label || label === bare || label === target) return bare;
      return `${label} (${bare})`;
    })
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

export interface RenderContext {
  /** ISO now, for the waiting time. */
  now: string;
  /** The Slack user of a caseworker account, to mention instead of naming. */
  slackUserOf(username: string): string | undefined;
  /** The teams a handoff can be transferred to (dialogs/routing.yaml). */
  teams: readonly string[];
}

export interface RenderedHandoff {
  /** Notification and fallback text. */
  text: string;
  blocks: unknown[];
  /** What the message shows that can change; the message is updated only when this differs. */
  signature: string;
}

/** The handoff as one Block Kit message with its buttons and menus while it is open. */
export function renderHandoff(h: Handoff, ctx: RenderContext): RenderedHandoff {
  const who = (username: string | null) => {
    if (!username) return 'onbekend';
    const slackId = ctx.slackUserOf(username);
    return slackId ? `<@${slackId}> (${escapeText(username)})` : escapeText(username);
  };
  const status = statusLine(h, who);
  const open = h.state === 'queued' || h.state === 'active';
  const queuedUnix = Math.floor(Date.parse(h.queuedAt) / 1000);
  const waitMinutes = Math.round(waitedSeconds(h, ctx.now) / 60);
  const fields = [
    `*Reden*\n${reasonLabel(h.reason)}`,
    `*Prioriteit*\n${priorityLabel(h.priority)}`,
    `*Kanaal*\n${channelLabel(h.channel)}`,
    `*Team*\n${escapeText(h.team)}`,
    `*Wachttijd*\n${waitMinutes} min (sinds <!date^${queuedUnix}^{time}|${h.queuedAt.slice(11, 16)} UTC>)`,
    `*Zaak*\n${h.caseNumber ? escapeText(h.caseNumber) : '—'}`,
  ];
  const evidence = h.evidence.slice(-5).map((e) => `> ${reasonLabel(e.reason)}: “${escapeText(oneLine(e.evidence))}”`).join('\n');
  const blocks: unknown[] = [
    { type: 'header', text: { type: 'plain_text', text: `Overdracht: ${reasonLabel(h.reason)}`.slice(0, 150) } },
    { type: 'section', text: { type: 'mrkdwn', text: `*Status:* ${status}` } },
    { type: 'section', fields: fields.map((text) => ({ type: 'mrkdwn', text })) },
    { type: 'section', text: { type: 'mrkdwn', text: clip(`*Aanleiding*\n${evidence || '—'}`) } },
    { type: 'section', text: { type: 'mrkdwn', text: clip(`*Samenvatting*\n${escapeText(h.summary || '—')}`) } },
  ];
  if (open) blocks.push({ type: 'actions', block_id: 'loket_handoff', elements: buttons(h, ctx.teams) });
  blocks.push({ type: 'context', elements: [{ type: 'mrkdwn', text: `Loket · overdracht ${h.id} · antwoord in deze draad; begin met \`note:\` voor een interne notitie` }] });
  return {
    text: `Overdracht (${priorityLabel(h.priority)}): ${reasonLabel(h.reason)} — ${stripMentions(status)}`,
    blocks,
    signature: [h.state, h.assignee ?? '', h.team, h.priority, h.reason, h.returned, h.outcome ?? '', h.evidence.length].join('|'),
  };
}

function statusLine(h: Handoff, who: (u: string | null) => string): string {
  switch (h.state) {
    case 'queued':
      return h.returned ? 'Terug in de wachtrij (niet op tijd beantwoord)' : 'In de wachtrij';
    case 'active':
      return `In behandeling door ${who(h.assignee)}`;
    case 'released':
      return `Teruggegeven aan de assistent door ${who(h.assignee)}`;
    case 'closed':
      return `Afgesloten${h.assignee ? ` door ${who(h.assignee)}` : ''} (${escapeText(h.outcome ?? 'closed')})`;
  }
}

const option = (handoffId: string, value: string, label: string) => ({ text: { type: 'plain_text', text: label.slice(0, 75) }, value: `${handoffId}|${value}`.slice(0, 150) });

function buttons(h: Handoff, teams: readonly string[]): unknown[] {
  const otherTeams = teams.filter((t) => t !== h.team);
  return [
    { type: 'button', action_id: ACTION.claim, value: h.id, style: 'primary', text: { type: 'plain_text', text: 'Overnemen / Take over' } },
    { type: 'button', action_id: ACTION.release, value: h.id, text: { type: 'plain_text', text: 'Teruggeven / Release' } },
    // One message for the whole channel: whoever clicks is checked then (the holder, or a supervisor or admin).
    ...(h.reason === 'distress' ? [{ type: 'button', action_id: NOT_CRISIS.button, value: h.id, text: { type: 'plain_text', text: 'Geen crisis?' } }] : []),
    ...(otherTeams.length ? [{
      type: 'static_select', action_id: ACTION.transfer, placeholder: { type: 'plain_text', text: 'Doorzetten naar… / Transfer to…' },
      options: otherTeams.slice(0, 100).map((t) => option(h.id, t, t)),
    }] : []),
    {
      type: 'static_select', action_id: ACTION.close, placeholder: { type: 'plain_text', text: 'Sluiten met uitkomst… / Close…' },
      options: Object.entries(OUTCOMES).map(([value, label]) => option(h.id, value, label)),
      confirm: {
        title: { type: 'plain_text', text: 'Gesprek sluiten?' },
        text: { type: 'plain_text', text: 'Het gesprek met de burger wordt beëindigd.' },
        confirm: { type: 'plain_text', text: 'Sluiten' },
        deny: { type: 'plain_text', text: 'Annuleren' },
      },
    },
  ];
}

/**
 * The "Geen crisis?" form for handoff `handoffId`. `private_metadata` carries the handoff and the
 * channel of its message, where a refusal is explained after the form closed.
 */
export function notCrisisModal(handoffId: string, channel: string): slack.ModalView {
  return {
    type: 'modal',
    callback_id: NOT_CRISIS.view,
    private_metadata: JSON.stringify({ handoffId, channel }),
    title: { type: 'plain_text', text: 'Geen crisis?' },
    submit: { type: 'plain_text', text: 'Opslaan' },
    close: { type: 'plain_text', text: 'Annuleren' },
    blocks: [
      { type: 'section', text: { type: 'plain_text', text: 'De burger krijgt vanaf nu de gewone teksten, niet die voor een crisis. Het bericht wordt bewaard als correctie, om van te leren.' } },
      {
        type: 'input', block_id: NOT_CRISIS.reason, label: { type: 'plain_text', text: 'Wat was het wel?' },
        element: {
          type: 'static_select', action_id: NOT_CRISIS.reason, placeholder: { type: 'plain_text', text: 'Kies wat het wel is' },
          options: NOT_CRISIS_REASONS.map((r) => ({ text: { type: 'plain_text', text: notCrisisLabel(r).slice(0, 75) }, value: r })),
        },
      },
      {
        type: 'input', block_id: NOT_CRISIS.note, label: { type: 'plain_text', text: 'Waarom geen crisis? (interne notitie)' },
        element: { type: 'plain_text_input', action_id: NOT_CRISIS.note, multiline: true, max_length: MAX_CASEWORKER_TEXT },
      },
    ],
  };
}

/** What the "Geen crisis?" form carries along (see notCrisisModal); empty ids when it is not ours. */
export function notCrisisMetadata(raw: string | undefined): { handoffId: string; channel: string } {
  try {
    const { handoffId, channel } = JSON.parse(raw ?? '') as { handoffId?: unknown; channel?: unknown };
    return { handoffId: typeof handoffId === 'string' ? handoffId : '', channel: typeof channel === 'string' ? channel : '' };
  } catch {
    return { handoffId: '', channel: '' };
  }
}

/** The thread line for a citizen's message: plain text, escaped. */
export function citizenLine(text: string): string {
  return `Burger: ${escapeText(text)}`;
}

/** The thread line for a message a caseworker sent from elsewhere (the console). */
export function caseworkerLine(name: string, text: string): string {
  return `${escapeText(name)} (console) aan de burger: ${escapeText(text)}`;
}

export function noteLine(author: string, text: string): string {
  return `Interne notitie van ${escapeText(author)}: ${escapeText(text)}`;
}

const oneLine = (s: string) => s.replace(/\s+/g, ' ').trim();
const stripMentions = (s: string) => s.replace(/<@[A-Z0-9]+> \(([^)]*)\)/g, '$1');
/** Section text is limited to 3000 characters. */
const clip = (s: string) => (s.length > 3000 ? `${s.slice(0, 2999)}…` : s);

/** The answer to the slash command: what is waiting and what is being handled. */
export function queueSummary(open: Handoff[], now: string): string {
  const queued = open.filter((h) => h.state === 'queued').sort((a, b) => a.priority - b.priority || a.queuedAt.localeCompare(b.queuedAt));
  const active = open.filter((h) => h.state === 'active').length;
  const head = `Loket: ${queued.length} wachtend, ${active} in behandeling.`;
  const lines = queued.slice(0, 5).map((h) =>
    `• ${priorityLabel(h.priority)} — ${reasonLabel(h.reason)} (${escapeText(h.team)}, ${channelLabel(h.channel)}), wacht ${Math.round(waitedSeconds(h, now) / 60)} min`);
  return [head, ...lines].join('\n');
}
