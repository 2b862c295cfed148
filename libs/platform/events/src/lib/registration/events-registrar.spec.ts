import { InMemoryEventBroker } from '../broker/in-memory-event-broker';
import { LocalEventBus } from '../bus/local-event-bus';
import { OutboxRelay } from '../relay/outbox-relay';
import { EventRouting } from '../routing/event-routing';
import { EventsRegistrar } from './events-registrar';

const modules = [
  { name: 'profile', publishes: ['user.events.v2'] },
  { name: 'vocabulary', publishes: ['vocab.cards.v1'] },
  { name: 'progress', publishes: [] },
];

function registrar(hosted: string[]) {
  const broker = new InMemoryEventBroker();
  const bus = new LocalEventBus();
  const relay = new OutboxRelay({ bus, broker });
  return { broker, bus, registrar: new EventsRegistrar({ routing: new EventRouting(modules, hosted, true), bus, relay, broker }) };
}

describe('EventsRegistrar', () => {
  it('splits a handler between the local bus and its module consumer group', async () => {
    const { broker, bus, registrar: events } = registrar(['vocabulary', 'progress']);
    const seen: string[] = [];
    events.registerHandler('progress', {
      name: 'progress.onActivity',
      topics: ['user.events.v2', 'vocab.cards.v1'],
      handle: async (e) => void seen.push(e.topic),
    });
    await events.start();
    await events.consumersReady();
    const envelope = (topic: string) => ({
      id: '00000000-0000-4000-8000-000000000001',
      type: 't',
      version: 1,
      topic,
      key: 'k',
      occurredAt: '',
      correlationId: '',
      causationId: null,
      payload: {},
    });
    await bus.dispatch(envelope('vocab.cards.v1'));
    await bus.dispatch(envelope('user.events.v2')); // not fed locally: profile runs elsewhere
    await broker.produce([envelope('user.events.v2')]);
    expect(seen).toEqual(['vocab.cards.v1', 'user.events.v2']);
    await events.stop();
  });

  it('subscribes a handler only when some module of the build publishes its topic', async () => {
    const { registrar: events } = registrar(['progress']);
    const published = events.registerWhenPublished('progress', { name: 'progress.onUser', topics: ['user.events.v2'], handle: async () => undefined });
    const orphan = events.registerWhenPublished('progress', { name: 'progress.onQuiz', topics: ['quiz.events.v1'], handle: async () => undefined });

    expect(published?.kafkaTopics).toEqual(['user.events.v2']);
    expect(orphan).toBeNull();
    expect(events.routes.map((route) => route.handler)).toEqual(['progress.onUser']);
  });

  it('refuses duplicate handler names and Kafka-fed handlers registered after start', async () => {
    const { registrar: events } = registrar(['progress']);
    events.registerHandler('progress', { name: 'progress.a', topics: ['user.events.v2'], handle: async () => undefined });
    expect(() => events.registerHandler('progress', { name: 'progress.a', topics: ['vocab.cards.v1'], handle: async () => undefined })).toThrow(
      /registered twice/,
    );
    await events.start();
    expect(() => events.registerHandler('progress', { name: 'progress.b', topics: ['user.events.v2'], handle: async () => undefined })).toThrow(
      /after start/,
    );
    await events.stop();
  });
});
