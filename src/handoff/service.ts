/**
 * The handoff lifecycle as verbs: request, claim, reply, note, release, close, transfer, a call made
 * for a callback (callback-attempts.ts), and the citizen's cancel and callback answers. Each verb checks the state, writes with the version it read
 * (so of two caseworkers racing, exactly one wins), tells the citizen, and announces the change.
 */
import { randomUUID } from 'node:crypto';
import type { Clock } from '../clock.ts';
import type { EventBus } from '../conversation/events.ts';
import type { Outbox } from '../conversation/outbox.ts';
import type { ChannelId } from '../conversation/types.ts';
import type { DialogSet, DialogState, HandoffRecord, Lang } from '../dialog/types.ts';
import { isLoketError, LoketError } from '../errors.ts';
import type { Store, User } from '../store/types.ts';
import { botMessage, caseworkerMessage, formatWhen, initiateEvent, shownName, statusEvent } from './announce.ts';
import { formatTime, initialState, text } from '../dialog/texts.ts';
import { callbackAttempts } from './callback-attempts.ts';
import { checkCaseworkerText } from './caseworker-text.ts';
import { carries, forgottenRequests } from './forgotten.ts';
import { crisisCorrector } from './crisis-correction.ts';
import { teamsOf } from '../dialog/routing.ts';
import { instant, isOpen as officeOpen, localTime, nextOpenAtMinute, nextOpening, type OfficeHours } from './office-hours.ts';
import { isLead } from './may-act.ts';
import type { Presence } from './presence.ts';
import { queueTeller } from './queue-told.ts';
import { isReplyOverdue, replyDueAt } from './reply-due.ts';
import { handoffsBefore, summaryOf } from './summary.ts';
import { isOpen, type Handoff, type HandoffState, type VerifiedIdentity } from './types.ts';

export interface HandoffSettings {
  /** Nobody took it within this time: offer a callback. */
  waitSeconds: number;
  /** Claimed, but the citizen got no answer within this time: back to the queue. */
  replyTimeoutSeconds: number;
  /** Rough handling time per waiting citizen, for the estimated wait. */
  minutesPerCitizen: number;
  timeZone: string;
}

export interface HandoffDeps {
  store: Store;
  outbox: Outbox;
  bus: EventBus;
  clock: Clock;
  dialogs: DialogSet;
  officeHours: OfficeHours;
  settings: HandoffSettings;
  /** Which caseworkers are at work (presence.ts): the wait told counts them. */
  presence: Presence;
}


/** The identity the citizen proved in this conversation, with the phone we know, for the caseworker. */
function identityOf(state: DialogState): VerifiedIdentity | null {
  return state.verifiedIdentity ? { ...state.verifiedIdentity, ...(state.facts.phone ? { phone: state.facts.phone } : {}) } : null;
}

export function createHandoffService(deps: HandoffDeps) {
  const { store, outbox, bus, clock, dialogs, settings } = deps;
  const now = () => clock.now().toISOString();
  const forgotten = forgottenRequests(store, clock, dialogs);

  async function mustGet(id: string): Promise<Handoff> {
    const h = await store.handoffs.get(id);
    if (!h) throw new LoketError('HANDOFF_NOT_FOUND', [id]);
    return h;
  }

  /**
   * Whether a caseworker spoke with the citizen since this handoff began: wrote in the chat, or took a
   * callback or a crisis over (the talk may have been by phone). A claim that was passed on, or timed
   * out, with nothing written is no talk.
   */
  async function caseworkerSpoke(h: Handoff): Promise<boolean> {
    if (h.lastCaseworkerReplyAt) return true;
    if (!h.claimedAt) return false;
    if (h.callback || h.reason === 'distress') return true;
    const said = await store.listActivities(h.conversationId, 0, 10_000);
    return said.some((s) => s.activity.from?.role === 'caseworker' && s.activity.timestamp >= h.createdAt);
  }

  async function langOf(conversationId: string): Promise<Lang> {
    // Fresh: with LOKET_WORKERS the citizen's turns may have run in another process since this one cached the row.
    return (await store.getConversation(conversationId, { fresh: true }))?.state?.lang ?? 'nl';
  }

  /** Writes the next version; on a lost race, says who won. */
  async function save(prev: Handoff, changes: Partial<Handoff>): Promise<Handoff> {
    const next: Handoff = { ...prev, ...changes, version: prev.version + 1 };
    if (!(await store.handoffs.update(next))) {
      const current = await store.handoffs.get(prev.id);
      if (current?.state === 'active' && current.assignee) throw new LoketError('HANDOFF_TAKEN', [current.assignee]);
      throw new LoketError('HANDOFF_CHANGED');
    }
    bus.emit('handoff.changed', { handoff: next });
    return next;
  }

  /**
   * Who may end or move a handoff: one held by a colleague only that colleague, or a supervisor or admin;
   * one waiting in a queue only its own team, or a supervisor or admin (another team's conversation is
   * not closed unread). Taking one over (claim) stays open to all: helping another team out is fine.
   */
  const mayAct = (h: Handoff, user: User) => {
    if (isLead(user)) return;
    if (h.state === 'active' && h.assignee !== user.username) throw new LoketError('HANDOFF_NOT_YOURS', [h.assignee ?? 'nobody']);
    if (h.state === 'queued' && !user.teams.includes(h.team)) throw new LoketError('HANDOFF_OTHER_TEAM', [h.team]);
  };

  const expectState = (h: Handoff, verb: string, ...states: HandoffState[]) => {
    if (!states.includes(h.state)) {
      if (verb === 'claim' && h.state === 'active' && h.assignee) throw new LoketError('HANDOFF_TAKEN', [h.assignee]);
      throw new LoketError('HANDOFF_WRONG_STATE', [h.state, verb]);
    }
  };

  const { tellPositions, tellEveryTeam, queueMessage, forCrisis, shownPhone } = queueTeller({ ...deps, save, langOf });
  const correctCrisis = crisisCorrector({ ...deps, mustGet, save, tellPositions, checkText: checkCaseworkerText });
  const calls = callbackAttempts({ ...deps, save, get: mustGet, langOf, checkText: checkCaseworkerText });

  const service = {
    async request(conversationId: string, channel: ChannelId, records: HandoffRecord[], state: DialogState, opts: { callbackAsked?: boolean } = {}): Promise<Handoff> {
      const at = now();
      const open = await store.handoffs.openFor(conversationId);
      // A request the open handoff already carries (a retried turn, or the sweep after a slow one): nothing to do again.
      if (open && records.every((r) => carries([open], r))) return open;
      const evidence = records.map((r) => ({ reason: r.reason, evidence: r.evidence, at: r.at, ...(r.kind ? { kind: r.kind } : {}) }));
      const strongest = [...records].sort((a, b) => a.priority - b.priority)[0]!;
      const identity = identityOf(state);
      const transcript = await store.listActivities(conversationId, 0, 10_000);
      const summary = await summaryOf(store, dialogs, conversationId, state, transcript);
      if (open) {
        const stronger = strongest.priority < open.priority;
        const updated = await save(open, {
          evidence: [...open.evidence, ...evidence],
          ...(stronger ? { reason: strongest.reason, priority: strongest.priority } : {}),
          // Still waiting: a stronger reason takes it to that reason's team (a crisis to the front desk).
          ...(stronger && open.state === 'queued' && strongest.team ? { team: strongest.team } : {}),
          identity: identity ?? open.identity,
          // What the caseworker reads first follows what is known now (verified since, a case named since).
          summary,
          caseNumber: open.caseNumber ?? strongest.caseNumber ?? state.facts.caseNumber ?? null,
        });
        if (updated.state === 'queued') await queueMessage(updated, state.lang, 'handoff.already_queued', opts);
        if (stronger) await tellPositions(updated.team);
        if (updated.team !== open.team) await tellPositions(open.team);
        return updated;
      }
      const h: Handoff = {
        id: randomUUID(), conversationId, channel, state: 'queued',
        reason: strongest.reason, priority: strongest.priority, evidence,
        summary,
        identity, caseNumber: strongest.caseNumber ?? state.facts.caseNumber ?? null,
        team: strongest.team ?? dialogs.routing.defaultTeam, assignee: null,
        createdAt: at, queuedAt: at, claimedAt: null, lastCaseworkerReplyAt: null, lastCitizenMessageAt: null,
        closedAt: null, outcome: null, callback: null, callbackOffer: null, toldPosition: null, returned: false, version: 1,
      };
      await store.handoffs.insert(h);
      bus.emit('handoff.changed', { handoff: h });
      await outbox.post(conversationId, [initiateEvent(h, transcript)]);
      const { behind, ...told } = await queueMessage(h, state.lang, 'handoff.queued', opts);
      // Only a handoff that went ahead of others (a higher priority) moves anyone else.
      if (behind) await tellPositions(h.team);
      return told;
    },

    async claim(id: string, user: User): Promise<Handoff> {
      const h = await mustGet(id);
      expectState(h, 'claim', 'queued');
      const claimed = await save(h, { state: 'active', assignee: user.username, claimedAt: now(), lastCaseworkerReplyAt: null, returned: false });
      const name = shownName(user);
      const key = name ? 'handoff.accepted' : 'handoff.accepted_unnamed';
      const lang = await langOf(h.conversationId);
      await outbox.post(h.conversationId, [statusEvent(claimed, 'accepted', text(dialogs, key, lang, { name: name ?? '' })), botMessage(dialogs, claimed, key, lang, { name: name ?? '' })]);
      await tellPositions(h.team);
      return claimed;
    },

    async reply(id: string, user: User, text: string): Promise<Handoff> {
      const body = checkCaseworkerText(text);
      const h = await mustGet(id);
      expectState(h, 'reply to', 'active');
      if (h.assignee !== user.username) throw new LoketError('HANDOFF_NOT_YOURS', [h.assignee ?? 'nobody']);
      const saved = await save(h, { lastCaseworkerReplyAt: now() });
      await outbox.post(h.conversationId, [caseworkerMessage(h, user, body)]);
      return saved;
    },

    async note(id: string, user: User, text: string): Promise<void> {
      const body = checkCaseworkerText(text);
      const h = await mustGet(id);
      const note = { handoffId: h.id, author: user.username, text: body, at: now() };
      await store.handoffs.addNote(note);
      bus.emit('handoff.noted', { handoff: h, note });
    },

    async release(id: string, user: User, note?: string): Promise<Handoff> {
      const h = await mustGet(id);
      expectState(h, 'release', 'active');
      mayAct(h, user);
      // A crisis handed back to the assistant: whoever reads this conversation next must know how it was left.
      if (h.reason === 'distress' && !note?.trim()) throw new LoketError('HANDOFF_CRISIS_NOTE');
      if (note?.trim()) await store.handoffs.addNote({ handoffId: h.id, author: user.username, text: checkCaseworkerText(note), at: now() });
      const released = await save(h, { state: 'released', closedAt: now(), closedBy: user.username, outcome: 'released' });
      const lang = await langOf(h.conversationId);
      const key = forCrisis(h, 'handoff.released');
      await outbox.post(h.conversationId, [statusEvent(released, 'completed', text(dialogs, key, lang)), botMessage(dialogs, released, key, lang)]);
      return released;
    },

    async close(id: string, user: User, outcome: string): Promise<Handoff> {
      const h = await mustGet(id);
      expectState(h, 'close', 'queued', 'active');
      mayAct(h, user);
      // A crisis is closed only by someone who took it over: it was promised a person.
      if (h.reason === 'distress' && h.state === 'queued') throw new LoketError('HANDOFF_CRISIS_UNCLAIMED');
      const closed = await save(h, { state: 'closed', closedAt: now(), closedBy: user.username, outcome: outcome.trim() || 'closed' });
      await store.handoffs.addNote({ handoffId: h.id, author: user.username, text: `closed: ${closed.outcome}`, at: now() });
      const lang = await langOf(h.conversationId);
      // Closed before any caseworker wrote to the citizen (also when one took it and passed it on): said
      // as it is, and no score asked for help never given.
      const key = forCrisis(h, (await caseworkerSpoke(h)) ? 'handoff.closed' : 'handoff.closed_unclaimed');
      await outbox.post(h.conversationId, [statusEvent(closed, 'completed', text(dialogs, key, lang)), botMessage(dialogs, closed, key, lang)]);
      if (h.state === 'queued') await tellPositions(h.team);
      return closed;
    },

    async transfer(id: string, user: User, to: { team?: string; caseworker?: string; note: string }): Promise<Handoff> {
      const h = await mustGet(id);
      expectState(h, 'transfer', 'queued', 'active');
      mayAct(h, user);
      if (!to.team && !to.caseworker) throw new LoketError('BAD_REQUEST', ['name a "team" or a "caseworker" to transfer to']);
      const note = checkCaseworkerText(to.note);
      const lang = await langOf(h.conversationId);
      let changes: Partial<Handoff>;
      let target: string;
      if (to.caseworker) {
        const other = await store.users.get(to.caseworker);
        if (!other) throw new LoketError('USER_NOT_FOUND', [to.caseworker]);
        changes = { state: 'active', assignee: other.username, claimedAt: now(), lastCaseworkerReplyAt: null, ...(to.team ? { team: to.team } : {}) };
        target = shownName(other) ?? text(dialogs, 'handoff.a_colleague', lang);
      } else {
        // A team nobody works in, or a typing mistake, would leave the citizen in a queue nobody reads.
        const teams = new Set([...teamsOf(dialogs), ...(await store.users.list()).flatMap((u) => u.teams)]);
        if (!teams.has(to.team!)) throw new LoketError('TEAM_NOT_FOUND', [to.team!, [...teams].sort().join(', ')]);
        // The next caseworker reads first what happened up to now, not what it was when it first came in.
        changes = { state: 'queued', assignee: null, team: to.team!, toldPosition: null, requeuedAt: now(), summary: await summaryOf(store, dialogs, h.conversationId) };
        // The team's id ("werk-en-inkomen") means nothing to the citizen, and is Dutch in an English chat.
        target = text(dialogs, 'handoff.a_team', lang);
      }
      const transferNote = { handoffId: h.id, author: user.username, text: `transfer to ${to.caseworker ?? to.team}: ${note}`, at: now() };
      await store.handoffs.addNote(transferNote);
      // Live, as any note: open consoles show it, and the colleague it goes to is told (console main.js).
      bus.emit('handoff.noted', { handoff: h, note: transferNote, ...(to.caseworker ? { transferredTo: to.caseworker } : {}) });
      const moved = await save(h, changes);
      await outbox.post(h.conversationId, [botMessage(dialogs, moved, 'handoff.transferred', lang, { target })]);
      if (moved.state !== 'queued') {
        if (h.state === 'queued') await tellPositions(h.team);
        return moved;
      }
      // In another queue now: the citizen hears their place in it (or, while closed, when someone answers).
      const { behind: _behind, ...told } = await queueMessage(moved, lang, 'handoff.already_queued');
      await tellPositions(moved.team);
      if (h.team !== moved.team) await tellPositions(h.team);
      return told;
    },

    /** Citizen side: "annuleren" while waiting. */
    async cancel(conversationId: string): Promise<void> {
      const h = await store.handoffs.openFor(conversationId);
      if (!h || h.state !== 'queued') return;
      const closed = await save(h, { state: 'closed', closedAt: now(), closedBy: null, outcome: 'cancelled_by_citizen' });
      await outbox.post(conversationId, [statusEvent(closed, 'completed', text(dialogs, 'handoff.cancelled', await langOf(conversationId)))]);
      await tellPositions(h.team);
    },

    /**
     * Citizen side: a case verified while a handoff is open (no new reason to hand off). The
     * caseworker then sees the verified identity and a summary that says so.
     */
    async identityVerified(conversationId: string, state: DialogState): Promise<void> {
      const identity = identityOf(state);
      if (!identity) return;
      // A caseworker may change the handoff at the same moment (claim, reply): then read it again.
      for (let attempt = 0; ; attempt++) {
        const h = await store.handoffs.openFor(conversationId);
        const known = (c: string) => h?.identity?.cases.includes(c) || h?.identity?.others?.includes(c);
        if (!h || [...identity.cases, ...(identity.others ?? [])].every(known)) return;
        try {
          await save(h, { identity, summary: await summaryOf(store, dialogs, conversationId, state), caseNumber: h.caseNumber ?? state.facts.caseNumber ?? null });
          return;
        } catch (err) {
          if (attempt > 0 || !isLoketError(err)) throw err;
        }
      }
    },

    /** Citizen side: "hoe lang duurt het nog?" while waiting: the place in the queue, as when they asked again for a person. */
    async tellPlace(conversationId: string, lang: Lang): Promise<void> {
      const h = await store.handoffs.openFor(conversationId);
      if (h?.state === 'queued') await queueMessage(h, lang, 'handoff.already_queued');
    },

    /** Citizen side: yes to the callback offer, with the number to call. */
    async requestCallback(conversationId: string, phone: string, asked?: { minute: number; date?: string }): Promise<void> {
      const h = await store.handoffs.openFor(conversationId);
      if (!h) return;
      const at = clock.now();
      // A time asked for ("dinsdag om 10 uur"): the first day from then the office is open at it; else the next opening.
      const booked = asked ? nextOpenAtMinute(deps.officeHours, at, asked.minute, asked.date) : null;
      const notBefore = booked ?? nextOpening(deps.officeHours, at) ?? at;
      const saved = await save(h, {
        callback: { phone, requestedAt: at.toISOString(), notBefore: notBefore.toISOString() },
        callbackOffer: h.callbackOffer ? { ...h.callbackOffer, answered: true } : null,
      });
      const lang = await langOf(conversationId);
      // While we are open the call comes as soon as someone is free: "vanaf dinsdag om 08:57" would read as an appointment.
      const key = booked ? 'callback.confirmed_at' : asked ? 'callback.confirmed_time_closed' : officeOpen(deps.officeHours, at) ? 'callback.confirmed_soon' : 'callback.confirmed';
      const time = asked ? formatTime(instant({ date: localTime(at, settings.timeZone).date, minute: asked.minute }, settings.timeZone).toISOString(), lang, settings.timeZone) : '';
      await outbox.post(conversationId, [botMessage(dialogs, saved, key, lang, { phone: shownPhone(saved, phone), when: formatWhen(notBefore, lang, settings.timeZone), time })]);
    },

    /** Citizen side: no to the callback offer; the citizen stays in the queue. */
    async declineCallback(conversationId: string): Promise<void> {
      const h = await store.handoffs.openFor(conversationId);
      if (!h?.callbackOffer) return;
      const lang = await langOf(conversationId);
      // No to a call back is no to the call, not to the person: the citizen keeps their place in the queue.
      const kept = await save(h, { callbackOffer: { ...h.callbackOffer, answered: true } });
      // Nobody free now, or for too long: the citizen keeps waiting for someone free.
      const key = forCrisis(h, h.callbackOffer.reason === 'after_hours' ? 'callback.declined_after_hours' : 'callback.declined_timeout');
      await outbox.post(conversationId, [botMessage(dialogs, kept, key, lang)]);
    },

    /** Citizen side: the first message after the callback offer was about something else; the offer lapses, unsaid. */
    async passCallbackOffer(conversationId: string): Promise<void> {
      const h = await store.handoffs.openFor(conversationId);
      // A caseworker's claim or a queue update may have changed the handoff meanwhile: the turn is stored,
      // so a lost write here only leaves the offer open, as before this message.
      if (h?.callbackOffer && !h.callbackOffer.answered && !h.callback) await save(h, { callbackOffer: { ...h.callbackOffer, answered: true } }).catch(() => undefined);
    },

    /**
     * The citizen wrote while waiting for or talking with a person: when (for the reply timeout and the
     * console's "wacht op antwoord"), and the summary again, so the caseworker does not read a last
     * message that is no longer the last ("ik moet ook de huurtoeslag van mijn man stopzetten" came after).
     */
    async citizenWrote(conversationId: string, state: DialogState): Promise<void> {
      const h = await store.handoffs.openFor(conversationId);
      if (!h) return;
      // A caseworker's change at the same moment wins; the next message brings the summary up to date.
      await save(h, { lastCitizenMessageAt: now(), summary: await summaryOf(store, dialogs, conversationId, state) }).catch(() => undefined);
    },

    /** Timers: callback offers for long waits, and claimed conversations left without an answer. */
    async sweep(): Promise<void> {
      // A person promised in a stored turn whose handoff was never made (a crash after the commit): queue it now.
      const failed = await forgotten.queueAll((q, row) => service.request(q.conversationId, row.channel, [q.record], row.state ?? initialState()));
      const at = clock.now();
      const iso = at.toISOString();
      for (const h of await store.handoffs.list({ states: ['queued', 'active'] })) {
        if (h.state === 'queued' && !h.callbackOffer && !h.callback && officeOpen(deps.officeHours, at)
          && Date.parse(iso) - Date.parse(h.requeuedAt ?? h.queuedAt) > settings.waitSeconds * 1000) {
          const saved = await save(h, { callbackOffer: { reason: 'timeout', at: iso, answered: false } }).catch(() => null);
          if (saved) await outbox.post(h.conversationId, [botMessage(dialogs, saved, forCrisis(h, 'handoff.timeout_offer'), await langOf(h.conversationId))]);
        }
        if (isReplyOverdue(h, settings.replyTimeoutSeconds, iso)) {
          const summary = await summaryOf(store, dialogs, h.conversationId);
          const back = await save(h, { state: 'queued', assignee: null, returned: true, toldPosition: null, requeuedAt: iso, summary }).catch(() => null);
          if (back) {
            await outbox.post(h.conversationId, [botMessage(dialogs, back, forCrisis(h, 'handoff.requeued'), await langOf(h.conversationId))]);
            await tellPositions(back.team);
          }
        }
      }
      if (failed) throw failed;
    },

    /** A caseworker came to work (presence.ts): who was told nobody was at work hears the wait (queue-told.ts). */
    someoneArrived: tellEveryTeam,

    /** A caseworker says a crisis was none (crisis-correction.ts). */
    correctCrisis,
    /** A call made for the callback request, by its holder or a supervisor (callback-attempts.ts). */
    recordCallbackAttempt: calls.record,
    get: mustGet,
    /** When the holder's answer is due before the sweep returns the conversation to the queue (ISO), or null. */
    replyDueAt: (h: Handoff): string | null => replyDueAt(h, settings.replyTimeoutSeconds),
    list: (states?: HandoffState[], team?: string) => store.handoffs.list({ ...(states ? { states } : {}), ...(team ? { team } : {}) }),
    notes: (id: string) => store.handoffs.notes(id),
    /** The handoffs of its conversation before this one, with who held them and their notes. */
    before: (h: Handoff) => handoffsBefore(store, h),
    isOpen,
  };
  return service;
}

export type HandoffService = ReturnType<typeof createHandoffService>;
export { MAX_CASEWORKER_TEXT } from './caseworker-text.ts';
