/**
 * A short summary for the caseworker who takes over: what the citizen came for, what the assistant
 * already told them and what we know, so nobody asks again. Built from the transcript and the dialog
 * state; no model, no guessing. It also reaches the citizen's own client (handoff.initiate), so it
 * holds nothing of the staff's: who helped before and their notes are in the detail's `earlier`
 * (handoffsBefore), for caseworkers only.
 */
import type { ActivityJson, StoredActivity } from '../conversation/types.ts';
import { inOtherScript } from '../dialog/not-understood.ts';
import { extractEntities, replaceEntities } from '../nlu/entities/index.ts';
import { OTHER_LANGUAGE_NAMES, otherLanguage } from '../nlu/language.ts';
import type { EntityType } from '../nlu/types.ts';
import { initialState } from '../dialog/texts.ts';
import type { DialogSet, DialogState, Trace } from '../dialog/types.ts';
import type { Store } from '../store/types.ts';
import { isOpen, type Handoff, type Note } from './types.ts';

const clip = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

/** What a quote in the summary shows instead of personal data (the identity panel has what was verified). */
const IN_WORDS: Partial<Record<EntityType, string>> = { bsn: '[BSN]', iban: '[rekeningnummer]', phone: '[telefoonnummer]', postcode: '[postcode]' };

/** The text with BSN, IBAN, phone number and postcode replaced by what they are. */
function withoutPersonalData(text: string): string {
  return replaceEntities(text, (e) => IN_WORDS[e.type]);
}

/** Three words or more besides numbers, postcodes and dates: not "ja", "AB-123-C" or "1234 AB 30-11-1975". */
function saysSomething(text: string): boolean {
  let rest = text;
  for (const e of extractEntities(text).reverse()) rest = rest.slice(0, e.start) + ' ' + rest.slice(e.end);
  return (rest.match(/\p{L}{2,}/gu) ?? []).length >= 3;
}

export interface SummaryContext {
  /** The plain Dutch topic of an intent ("onze openingstijden, …"), for what the assistant answered. */
  topic?: (dialog: string) => string | undefined;
}

export function summarize(transcript: StoredActivity[], state: DialogState, ctx: SummaryContext = {}): string {
  const messages = transcript.filter((s) => s.activity.type === 'message').map((s) => s.activity);
  const fromCitizen = messages.filter((a) => a.from.role === 'user');
  const citizen = fromCitizen.map((a) => a.text ?? '');
  const parts: string[] = [];
  if (citizen.length > 0) parts.push(`Vraag: "${clip(withoutPersonalData(firstQuestion(fromCitizen, messages) ?? citizen[0]!), 160)}".`);
  const { told, missed } = toldByAssistant(messages.filter((a) => a.from.role === 'bot').map((a) => (a.channelData as { trace?: Trace } | undefined)?.trace), ctx);
  if (told.length) parts.push(`Assistent gaf: ${told.join('; ')}.`);
  if (missed) parts.push(`Assistent begreep ${missed}× een bericht niet.`);
  if (citizen.length > 1) {
    // Not "1234 AB 30-11-1975" or "ja": the row is read in every team's inbox; the last message that says something.
    const last = citizen.slice(1).reverse().find(saysSomething);
    parts.push(last ? `Burger schreef ${citizen.length}×; laatst: "${clip(withoutPersonalData(last), 160)}".` : `Burger schreef ${citizen.length}×.`);
  }
  const proved = state.verifiedIdentity;
  if (proved) {
    parts.push(`Geverifieerd (postcode + geboortedatum) voor ${proved.cases.join(', ')}${proved.forOther ? ', met de gegevens van degene voor wie de burger het vraagt' : ''}.`);
    if (proved.others?.length) parts.push(`Ook geverifieerd voor ${proved.others.join(', ')}, met de gegevens van degene voor wie de burger het vraagt.`);
  } else if (state.facts.caseNumber) parts.push(`Zaak genoemd: ${state.facts.caseNumber} (niet geverifieerd).`);
  if (state.facts.caseType) parts.push(`Soort zaak: ${state.facts.caseType}.`);
  if (state.facts.phone) parts.push('Telefoonnummer bekend.');
  // The caseworker should answer in the language the assistant used, or ask for an interpreter.
  if (state.lang === 'en') parts.push('Schrijft in het Engels (de assistent antwoordde in het Engels).');
  const other = citizen.map((t) => otherLanguage(t)).find((l) => l !== null);
  if (other) parts.push(`Schrijft in het ${OTHER_LANGUAGE_NAMES[other] ?? other}: misschien is een tolk nodig.`);
  else if (citizen.some(inOtherScript)) parts.push('Schrijft in een andere taal dan Nederlands of Engels: misschien is een tolk nodig.');
  return parts.join(' ') || 'Nog geen berichten van de burger.';
}

/** Answers to a message that asked nothing yet: a greeting ("hoi"), a nod, "ik heb een vraag", a "waarom?" before any answer. */
const NOTHING_ASKED: ReadonlySet<string> = new Set(['greeting', 'help:greeting_after_welcome', 'help:go_ahead', 'help:ack', 'help:take_your_time', 'why:nothing_to_explain']);

/**
 * The citizen's first message that asked something: "hoi" first and then the question is the
 * question, not "hoi". Told by what the assistant answered it with (its replies' traces).
 */
function firstQuestion(fromCitizen: ActivityJson[], messages: ActivityJson[]): string | undefined {
  const answered = new Set<string>();
  for (const m of messages) {
    const t = (m.channelData as { trace?: Trace } | undefined)?.trace;
    if (m.from.role === 'bot' && m.replyToId && t && !NOTHING_ASKED.has(t.dialog) && !NOTHING_ASKED.has(`${t.dialog}:${t.step}`)) answered.add(m.replyToId);
  }
  return fromCitizen.find((a) => a.id !== undefined && answered.has(a.id))?.text;
}

/** What the assistant answered, in order and once each, from the traces of its messages. */
function toldByAssistant(traces: Array<Trace | undefined>, ctx: SummaryContext): { told: string[]; missed: number } {
  const told: string[] = [];
  let missed = 0;
  for (const t of traces) {
    if (!t) continue;
    if (t.dialog === 'none') {
      if (t.step !== 'suggest') missed++;
      continue;
    }
    const line = toldLine(t, ctx);
    if (line && !told.includes(line)) told.push(line);
  }
  return { told: told.slice(-6), missed };
}

function toldLine(t: Trace, ctx: SummaryContext): string | undefined {
  if (t.dialog === 'case_status') {
    const ref = t.sources.find((s) => s.kind === 'case')?.ref;
    if (t.step === 'answer' && ref) return `de status van ${ref}`;
    if (t.step === 'mismatch') return 'gegevens klopten niet bij de zaak';
    if (t.step === 'locked' || t.step === 'guarded') return 'zaak even geblokkeerd na te veel pogingen';
    return undefined;
  }
  if (t.dialog === 'why') return 'uitleg waarop een antwoord gebaseerd is';
  if (t.dialog === 'glossary') return 'uitleg van een woord uit een brief of status';
  if (t.dialog === 'concern') return 'gevraagd hoe het met de burger gaat (113 genoemd)';
  const topic = ctx.topic?.(t.dialog);
  return topic ? `antwoord over ${topic}` : undefined;
}

/** A handoff before another in the same conversation, with its holder's name and its notes. */
export interface Before {
  handoff: Handoff;
  /** The display name of who held it, or null when nobody took it. */
  by: string | null;
  /** With the author's display name: a colleague who never wrote in this conversation is known to the console by username only. */
  notes: Array<Note & { authorName: string }>;
}

/** The handoffs of `current`'s conversation that came before it (ended ones), oldest first. */
export async function handoffsBefore(store: Store, current: Handoff): Promise<Before[]> {
  const all = await store.handoffs.ofConversation(current.conversationId);
  const before = all.slice(0, Math.max(0, all.findIndex((h) => h.id === current.id))).filter((h) => !isOpen(h));
  const names = new Map<string, string>();
  const nameOf = async (username: string) => {
    if (!names.has(username)) names.set(username, (await store.users.get(username))?.name ?? username);
    return names.get(username)!;
  };
  const out: Before[] = [];
  for (const h of before) {
    const notes = await Promise.all((await store.handoffs.notes(h.id)).map(async (n) => ({ ...n, authorName: await nameOf(n.author) })));
    out.push({ handoff: h, by: h.assignee ? await nameOf(h.assignee) : null, notes });
  }
  return out;
}

/** The summary of a conversation as it stands. `state`: the dialog state of the turn at hand, else the stored one. */
export async function summaryOf(store: Store, dialogs: DialogSet, conversationId: string, state?: DialogState, transcript?: StoredActivity[]): Promise<string> {
  // Fresh: the turns since may have run in another process (LOKET_WORKERS), like the transcript read below.
  const known = state ?? (await store.getConversation(conversationId, { fresh: true }))?.state ?? initialState();
  const said = transcript ?? (await store.listActivities(conversationId, 0, 10_000));
  return summarize(said, known, { topic: (id) => dialogs.intents.get(id)?.topic?.nl });
}
