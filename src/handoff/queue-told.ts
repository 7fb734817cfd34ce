/**
 * What a waiting citizen is told about the queue: their place and wait (again when it changes
 * enough), the callback offer or when a person answers while closed, that nobody is at work while
 * open (and the wait once someone arrives), and the crisis variants of these texts. Used by the
 * handoff service (service.ts), which owns the writes (`save`).
 */
import type { Clock } from '../clock.ts';
import type { Outbox } from '../conversation/outbox.ts';
import type { DialogSet, Lang } from '../dialog/types.ts';
import type { Store } from '../store/types.ts';
import { crisisText } from '../dialog/crisis-kind.ts';
import { botMessage, formatWhen } from './announce.ts';
import { isOpen as officeOpen, nextOpening, type OfficeHours } from './office-hours.ts';
import { changedMeaningfully, estimateMinutes, movedBack, waiting } from './queue.ts';
import type { Presence } from './presence.ts';
import type { HandoffSettings } from './service.ts';
import type { Handoff } from './types.ts';

export interface QueueTellerDeps {
  store: Store;
  outbox: Outbox;
  clock: Clock;
  dialogs: DialogSet;
  officeHours: OfficeHours;
  settings: HandoffSettings;
  presence: Presence;
  /** The service's versioned write (throws when someone changed the handoff meanwhile). */
  save(prev: Handoff, changes: Partial<Handoff>): Promise<Handoff>;
  langOf(conversationId: string): Promise<Lang>;
}

export function queueTeller(deps: QueueTellerDeps) {
  const { store, outbox, clock, dialogs, settings, presence, save, langOf } = deps;
  const now = () => clock.now().toISOString();

  /**
   * Who can answer this handoff now: its team's caseworkers at work, and for a crisis everyone at
   * work, since a waiting crisis comes first in every inbox (src/caseworker/views.ts inboxOrder).
   */
  const isCrisis = (h: Handoff): boolean => h.reason === 'distress';
  const presentFor = (h: Handoff): Promise<number | null> => presence.count(isCrisis(h) ? undefined : h.team);

  /**
   * Tells waiting citizens of a team their new place, when it changed enough to be worth a message,
   * and the wait to those told nobody was at work, once someone is. While nobody is, no minutes.
   */
  async function tellPositions(team: string): Promise<void> {
    await tellLine(team, await store.handoffs.list({ states: ['queued'], team }));
  }

  /** tellPositions for every team with someone waiting: a crisis waits for anyone at work, whatever its team. */
  async function tellEveryTeam(): Promise<void> {
    const byTeam = new Map<string, Handoff[]>();
    for (const h of await store.handoffs.list({ states: ['queued'] })) byTeam.set(h.team, [...(byTeam.get(h.team) ?? []), h]);
    for (const [team, queued] of byTeam) await tellLine(team, queued);
  }

  /** The queued handoffs of one team, told their place; who is at work is counted once for the line. */
  async function tellLine(team: string, queued: Handoff[]): Promise<void> {
    const line = waiting(queued, now());
    if (line.length === 0) return;
    const [ofTeam, ofAll] = await Promise.all([presence.count(team), line.some(isCrisis) ? presence.count() : null]);
    const open = officeOpen(deps.officeHours, clock.now());
    for (const [index, h] of line.entries()) {
      const present = isCrisis(h) ? ofAll : ofTeam;
      if (present === 0) continue;
      const place = { position: index + 1, estimatedMinutes: estimateMinutes(index + 1, settings.minutesPerCitizen, present) };
      if (h.toldNobodyFree) {
        if (open) await tellStaffed(h, place);
        continue;
      }
      if (h.toldPosition === null || h.toldPosition === place.position) continue;
      const told = { position: h.toldPosition, estimatedMinutes: 0 };
      const key = changedMeaningfully(told, place) ? 'handoff.queue_update' : movedBack(told, place) ? 'handoff.queue_later' : null;
      if (!key) continue;
      const saved = await save(h, { toldPosition: place.position }).catch(() => null);
      if (saved) await outbox.post(h.conversationId, [botMessage(dialogs, h, key, await langOf(h.conversationId), { position: place.position, minutes: place.estimatedMinutes })]);
    }
  }

  /** Someone came to work for a citizen told nobody was: the wait now, once (a call booked: that it is a call). */
  async function tellStaffed(h: Handoff, place: { position: number; estimatedMinutes: number }): Promise<void> {
    const saved = await save(h, { toldPosition: place.position, toldNobodyFree: false }).catch(() => null);
    if (!saved) return;
    const lang = await langOf(h.conversationId);
    const vars = { position: place.position, minutes: place.estimatedMinutes };
    const message = h.callback
      ? botMessage(dialogs, h, 'callback.waiting_place', lang, { ...vars, phone: shownPhone(h, h.callback.phone) })
      : botMessage(dialogs, h, 'handoff.queue_staffed', lang, vars);
    await outbox.post(h.conversationId, [message]);
  }

  /**
   * Open, but nobody of the team at work: no minutes promised. The conversation stays in the queue,
   * with the callback offer once (the same offer, and the same answers, as after a long wait); the
   * first caseworker to arrive brings the wait (tellPositions). A call asked in the same message is
   * confirmed by its own answer ("zodra er een medewerker vrij is").
   */
  async function nobodyFree(h: Handoff, lang: Lang, opts: { callbackAsked?: boolean }): Promise<Handoff> {
    if (opts.callbackAsked) return save(h, { toldNobodyFree: true });
    if (h.callback) {
      const saved = await save(h, { toldNobodyFree: true });
      await outbox.post(h.conversationId, [botMessage(dialogs, h, 'callback.waiting_nobody', lang, { phone: shownPhone(h, h.callback.phone) })]);
      return saved;
    }
    if (!h.callbackOffer) {
      const saved = await save(h, { toldNobodyFree: true, callbackOffer: { reason: 'nobody_free', at: now(), answered: false } });
      await outbox.post(h.conversationId, [botMessage(dialogs, h, forCrisis(h, 'handoff.nobody_free'), lang)]);
      return saved;
    }
    const saved = h.toldNobodyFree ? h : await save(h, { toldNobodyFree: true });
    await outbox.post(h.conversationId, [botMessage(dialogs, h, forCrisis(h, 'handoff.nobody_free_again'), lang)]);
    return saved;
  }

  /**
   * A wait for a crisis is told without the invitation to stop waiting, and a long one, or one until
   * the office opens, with the crisis line again (`<key>_crisis` in dialogs/flows/handoff.yaml, or its
   * kind's `<key>_crisis.<kind>`: Veilig Thuis for violence at home, 112 for danger to life). So is
   * its end: the crisis line once more, and no score asked for the help.
   */
  const forCrisis = (h: Handoff, key: string): string => crisisText(dialogs, h.evidence, key);

  /**
   * The number a call goes to, as the citizen sees it: one they typed in full; the one from the case
   * system (the verified identity's) with only its last two digits, as the offer showed it.
   */
  const shownPhone = (h: Handoff, phone: string): string => (phone === h.identity?.phone ? `${phone.slice(0, 4)}${'•'.repeat(Math.max(0, phone.length - 6))}${phone.slice(-2)}` : phone);

  /**
   * The text for a new or repeated request: the place in the queue, or, when closed, a callback offer
   * (once), then when a person answers. `callbackAsked`: the same message asked for a callback (with
   * its number, or the assistant asks for it), whose confirmation says when, so the offer would ask
   * what was just answered.
   */
  async function queueMessage(h: Handoff, lang: Lang, key: 'handoff.queued' | 'handoff.already_queued', opts: { callbackAsked?: boolean } = {}): Promise<Handoff & { behind?: number }> {
    const at = clock.now();
    const when = () => formatWhen(nextOpening(deps.officeHours, at) ?? at, lang, settings.timeZone);
    if (h.callback && h.callback.notBefore > at.toISOString()) {
      // A scheduled callback is not waiting in line: asked again, the citizen hears when we call.
      if (key === 'handoff.already_queued') await outbox.post(h.conversationId, [botMessage(dialogs, h, 'callback.confirmed', lang, { phone: shownPhone(h, h.callback.phone), when: formatWhen(new Date(h.callback.notBefore), lang, settings.timeZone) })]);
      return h;
    }
    if (!officeOpen(deps.officeHours, at)) {
      if (opts.callbackAsked) return h;
      if (!h.callbackOffer) {
        const saved = await save(h, { callbackOffer: { reason: 'after_hours', at: at.toISOString(), answered: false } });
        await outbox.post(h.conversationId, [botMessage(dialogs, h, forCrisis(h, 'handoff.after_hours_offer'), lang, { when: when() })]);
        return saved;
      }
      // Offered already: "een medewerker komt zo bij u" would not be true at night.
      await outbox.post(h.conversationId, [botMessage(dialogs, h, forCrisis(h, 'handoff.queued_closed'), lang, { when: when() })]);
      return h;
    }
    const present = await presentFor(h);
    if (present === 0) return nobodyFree(h, lang, opts);
    // Counted by the store, so a long queue does not make every new handoff slower.
    const { ahead, total } = await store.handoffs.queuePlace(h, at.toISOString());
    const position = ahead + 1;
    const minutes = estimateMinutes(position, settings.minutesPerCitizen, present);
    const saved = await save(h, { toldPosition: position, ...(h.toldNobodyFree ? { toldNobodyFree: false } : {}) });
    // A call back booked for as soon as someone is free ("hoe laat bellen jullie?"): that it is a call, with the place.
    if (h.callback && key === 'handoff.already_queued') {
      await outbox.post(h.conversationId, [botMessage(dialogs, h, 'callback.waiting_place', lang, { phone: shownPhone(h, h.callback.phone), position, minutes })]);
      return { ...saved, behind: total - position };
    }
    await outbox.post(h.conversationId, [botMessage(dialogs, h, forCrisis(h, key), lang, { position, minutes })]);
    return { ...saved, behind: total - position };
  }

  return { tellPositions, tellEveryTeam, queueMessage, forCrisis, shownPhone };
}
