/**
 * The one place that imports botbuilder-core. A turn is a botbuilder TurnContext around the citizen's
 * activity; `sendActivities` does not send anything itself: it buffers the replies so the pipeline
 * can store them together with the new state in one transaction, and only then deliver them.
 */
import { BotAdapter, TurnContext } from 'botbuilder-core';
import type { Activity, ConversationReference, ResourceResponse } from 'botbuilder-core';
import type { ActivityJson } from './types.ts';
import { extended } from '../objects.ts';

/** Per-turn service keys (botbuilder's TurnContext.turnState is keyed by symbols). */
export const OUTBOX = Symbol('loket.outbox');

export interface TurnOutbox {
  /** Assigns the next id for an outbound activity (the pipeline numbers them after the inbound one). */
  nextId(): string;
  sent: ActivityJson[];
}

export class LoketAdapter extends BotAdapter {
  async sendActivities(context: TurnContext, activities: Partial<Activity>[]): Promise<ResourceResponse[]> {
    const outbox = context.turnState.get(OUTBOX) as TurnOutbox | undefined;
    if (!outbox) throw new Error('sendActivities outside a Loket turn');
    return activities.map((a) => {
      const id = outbox.nextId();
      outbox.sent.push(extended(a as ActivityJson, { id }));
      return { id };
    });
  }

  async updateActivity(): Promise<void> {
    throw new Error('Loket does not edit sent activities');
  }

  async deleteActivity(): Promise<void> {
    throw new Error('Loket does not delete sent activities');
  }

  async continueConversation(_reference: Partial<ConversationReference>, _logic: (ctx: TurnContext) => Promise<void>): Promise<void> {
    throw new Error('proactive messages go through the conversation service');
  }

  /** Runs one turn: middleware, then `logic`, with replies collected in `outbox`. */
  async runTurn(activity: ActivityJson, outbox: TurnOutbox, logic: (ctx: TurnContext) => Promise<void>): Promise<void> {
    const context = new TurnContext(this, activity as Partial<Activity>);
    context.turnState.set(OUTBOX, outbox);
    await this.runMiddleware(context, logic);
  }
}

/** A bot message in reply to `incoming`, addressed the way botbuilder does it. */
export function replyActivity(incoming: ActivityJson, text: string, channelData: Record<string, unknown>, locale: string): Partial<Activity> {
  return replyTo(incoming)(text, channelData, locale);
}

/** `replyActivity` for several replies to one activity: its conversation reference is taken once. */
export function replyTo(incoming: ActivityJson): (text: string, channelData: Record<string, unknown>, locale: string) => Partial<Activity> {
  const reference = TurnContext.getConversationReference(incoming as Partial<Activity>);
  return (text, channelData, locale) => TurnContext.applyConversationReference({ type: 'message', text, textFormat: 'plain', locale, channelData }, reference);
}

export type { TurnContext };
