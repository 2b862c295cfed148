import type { EventEnvelope } from '@tall/platform/event-contracts';
import type { EventHandler } from './event-handler';
import { EventDispatchError, LocalEventBus } from './local-event-bus';

const envelope = (topic: string, type: string): EventEnvelope => ({
  id: '00000000-0000-4000-8000-000000000001',
  type,
  version: 1,
  topic,
  key: 'k',
  occurredAt: new Date(0).toISOString(),
  correlationId: 'c',
  causationId: null,
  payload: {},
});

function handler(name: string, topics: string[], types?: string[], fail = false): EventHandler & { seen: string[] } {
  const seen: string[] = [];
  return {
    name,
    topics,
    types,
    seen,
    handle: async (event) => {
      seen.push(event.type);
      if (fail) throw new Error(`${name} broke`);
    },
  };
}

describe('LocalEventBus', () => {
  it('delivers to handlers of the topic, filtered by type when types are given', async () => {
    const bus = new LocalEventBus();
    const all = handler('a.all', ['user.events.v2']);
    const created = handler('b.created', ['user.events.v2'], ['user.created']);
    const other = handler('c.other', ['vocab.cards.v1']);
    [all, created, other].forEach((h) => bus.subscribe(h));
    await bus.dispatch(envelope('user.events.v2', 'user.created'));
    await bus.dispatch(envelope('user.events.v2', 'user.renamed'));
    expect(all.seen).toEqual(['user.created', 'user.renamed']);
    expect(created.seen).toEqual(['user.created']);
    expect(other.seen).toEqual([]);
  });

  it('runs every handler and then throws when one failed', async () => {
    const bus = new LocalEventBus();
    const failing = handler('a.failing', ['t'], undefined, true);
    const fine = handler('b.fine', ['t']);
    bus.subscribe(failing);
    bus.subscribe(fine);
    const dispatch = bus.dispatch(envelope('t', 'x'));
    await expect(dispatch).rejects.toBeInstanceOf(EventDispatchError);
    await expect(bus.dispatch(envelope('t', 'x'))).rejects.toThrow(/a\.failing \(a\.failing broke\)/);
    expect(fine.seen).toEqual(['x', 'x']);
  });

  it('subscribes a handler to a subset of its topics only', async () => {
    const bus = new LocalEventBus();
    const h = handler('a.two', ['t1', 't2']);
    bus.subscribe(h, ['t2']);
    await bus.dispatch(envelope('t1', 'x'));
    await bus.dispatch(envelope('t2', 'y'));
    expect(h.seen).toEqual(['y']);
    expect(() => bus.subscribe(handler('b', ['t1']), ['t3'])).toThrow(/does not handle t3/);
  });

  it('refuses two handlers with one name (the name is the inbox key) and unsubscribes', async () => {
    const bus = new LocalEventBus();
    const unsubscribe = bus.subscribe(handler('a', ['t']));
    expect(() => bus.subscribe(handler('a', ['t']))).toThrow(/subscribed twice/);
    unsubscribe();
    expect(bus.handlersFor(envelope('t', 'x'))).toEqual([]);
  });
});
