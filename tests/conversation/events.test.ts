/** The event bus across instances: side effects run where an event happened, observers hear all. */
import { describe, expect, it } from 'vitest';
import { EventBus, type BusLink } from '../../src/conversation/events.ts';

function linked() {
  const published: Array<[string, unknown]> = [];
  const interest: Array<[string, boolean]> = [];
  const elsewhere = new Set<string>();
  const link: BusLink = {
    publish: (name, payload) => void published.push([name, payload]),
    watchedElsewhere: (id) => elsewhere.has(id),
    interest: (id, on) => void interest.push([id, on]),
  };
  const bus = new EventBus();
  return { bus, link, published, interest, elsewhere };
}

const batch = (conversationId: string) => ({ conversationId, activities: [], watermark: 1 });

describe('EventBus with a link to other instances', () => {
  it('gives events from other instances only to listeners that asked for them', () => {
    const { bus, link } = linked();
    bus.connect(link);
    const effects: string[] = [];
    const shown: string[] = [];
    bus.on('activities.appended', (b) => effects.push(b.conversationId));
    bus.on('activities.appended', (b) => shown.push(b.conversationId), { fromOtherInstances: true });
    bus.emit('activities.appended', batch('here'));
    bus.receive('activities.appended', batch('there'));
    expect(effects).toEqual(['here']);
    expect(shown).toEqual(['here', 'there']);
  });

  it('publishes handoff events always, and activities only where another instance watches', () => {
    const { bus, link, published, elsewhere } = linked();
    bus.connect(link);
    bus.emit('activities.appended', batch('a'));
    elsewhere.add('a');
    bus.emit('activities.appended', batch('a'));
    bus.emit('turn.failed', { conversationId: 'a', error: new Error('x') });
    bus.emit('conversation.opened', { conversationId: 'b', channel: 'web' });
    expect(published.map(([n]) => n)).toEqual(['activities.appended', 'conversation.opened']);
  });

  it('announces what it watches, once per conversation, also what it watched before it was linked', () => {
    const { bus, link, interest } = linked();
    const early = bus.watch('early');
    bus.connect(link);
    const one = bus.watch('a');
    const two = bus.watch('a');
    one();
    one();
    expect(interest).toEqual([['early', true], ['a', true]]);
    two();
    early();
    expect(interest).toEqual([['early', true], ['a', true], ['a', false], ['early', false]]);
  });
});
