import type { EventEnvelope } from '@tall/platform/event-contracts';
import { waitFor } from '@tall/platform/testing';
import { Registry } from 'prom-client';
import { KafkaEventBroker } from '../broker/kafka-event-broker';
import { LocalEventBus } from '../bus/local-event-bus';
import { EventMetrics } from '../event-metrics';
import { documentWithOutbox } from '../outbox/mongo-outbox';
import { MongoOutboxSource } from '../relay/mongo-outbox-source';
import { OutboxRelay } from '../relay/outbox-relay';
import { createTopic, deleteTopics, kafkaBrokers, mongoFixture, pgFixture, testEvent, type MongoFixture, type PgFixture } from '../../test-support/event-stack';
import { EventParking } from './event-parking';
import { PgParkedEventStore } from './pg-parked-event-store';

jest.setTimeout(90_000);

/** A consumer that cannot apply payloads marked poison until `cured`. */
function recorder(name: string, topic: string) {
  const state = { applied: [] as string[], cured: false };
  const handler = {
    name,
    topics: [topic],
    handle: async (e: EventEnvelope) => {
      const { n, poison } = e.payload as { n: number; poison?: boolean };
      if (poison && !state.cured) throw new Error(`cannot apply ${e.key}:${n}`);
      state.applied.push(`${e.key}:${n}`);
    },
  };
  return { handler, state };
}

describe('poison events are parked in PostgreSQL, per consumer and key', () => {
  let pg: PgFixture;
  let mongo: MongoFixture;
  let store: PgParkedEventStore;
  let topic: string;

  beforeAll(async () => {
    pg = await pgFixture('parking');
    mongo = await mongoFixture('parking');
    store = new PgParkedEventStore(pg.pool, pg.schema);
    await Promise.all([store.migrate(), store.migrate()]); // instances start together
    topic = await createTopic('parking', 1);
  });

  afterAll(async () => {
    await deleteTopics([topic]);
    await mongo.close();
    await pg.close();
  });

  it('keeps a Kafka partition flowing: the poison event and the later ones of its key wait, other keys are applied, a replay applies them in order', async () => {
    const parking = new EventParking(store, { maxAttempts: 3, metrics: new EventMetrics(new Registry()) });
    await parking.start();
    const { handler, state } = recorder('parking.kafka', topic);
    const bus = new LocalEventBus();
    bus.subscribe(parking.guard(handler));
    const broker = new KafkaEventBroker({ brokers: kafkaBrokers(), clientId: 'parking-test', handlerBackoff: { initialMs: 20, maxMs: 50 } });
    try {
      // One partition: every key shares it, so a stall would hold all of them.
      await broker.produce([
        testEvent(topic, 'a', { n: 1, poison: true }),
        testEvent(topic, 'b', { n: 1 }),
        testEvent(topic, 'a', { n: 2 }),
        testEvent(topic, 'b', { n: 2 }),
      ]);
      await broker.subscribe('parking-kafka-group', [topic], (e) => bus.dispatch(e));
      await waitFor(() => state.applied.length === 2, { what: 'the events of key b' });
      expect(state.applied).toEqual(['b:1', 'b:2']);
      const parked = await waitFor(async () => {
        const { items } = await store.list({ limit: 10, offset: 0 });
        return items.length === 2 && items;
      }, { what: 'two parked events' });
      expect(parked.map((p) => [p.consumer, p.envelope.key, p.reason, p.attempts])).toEqual([
        ['parking.kafka', 'a', 'failed', 3],
        ['parking.kafka', 'a', 'waiting', 0],
      ]);
      expect(parked[0].lastError).toBe('cannot apply a:1');
      expect(await store.counts()).toEqual([{ consumer: 'parking.kafka', count: 2 }]);

      state.cured = true;
      expect(await parking.replay(parked[0])).toEqual({ applied: 2, remaining: 0, error: null });
      expect(state.applied).toEqual(['b:1', 'b:2', 'a:1', 'a:2']);
      await broker.produce([testEvent(topic, 'a', { n: 3 })]);
      await waitFor(() => state.applied.length === 5, { what: 'the next event of key a' });
      expect(state.applied[4]).toBe('a:3');
      expect(await store.blockedKeys()).toEqual([]);
    } finally {
      parking.stop();
      await broker.disconnect();
    }
  });

  it('lets an outbox drain past a poison event instead of retrying its batch forever', async () => {
    const parking = new EventParking(store, { maxAttempts: 2, metrics: new EventMetrics(new Registry()) });
    await parking.start();
    const { handler, state } = recorder('parking.relay', topic);
    const bus = new LocalEventBus();
    bus.subscribe(parking.guard(handler));
    const cards = mongo.db.collection<{ _id: string }>('cards');
    await cards.insertMany([
      documentWithOutbox({ _id: 'c1' }, [testEvent(topic, 'x', { n: 1, poison: true }), testEvent(topic, 'x', { n: 2 })]),
      documentWithOutbox({ _id: 'c2' }, [testEvent(topic, 'y', { n: 1 })]),
    ]);
    const relay = new OutboxRelay({ bus, pollIntervalMs: 10, backoff: { initialMs: 20, maxMs: 50 } });
    relay.register(new MongoOutboxSource(mongo.db, 'cards'));
    await relay.start();
    try {
      await waitFor(async () => (await cards.countDocuments({ _outboxPending: true })) === 0, { what: 'an empty outbox' });
      expect(state.applied).toEqual(['y:1']);
      const queue = await store.queue('parking.relay', 'x');
      expect(queue.map((p) => [p.reason, (p.envelope.payload as { n: number }).n])).toEqual([
        ['failed', 1],
        ['waiting', 2],
      ]);
      await parking.discard(queue[0]);
      expect(await parking.replay(queue[1])).toEqual({ applied: 1, remaining: 0, error: null });
      expect(state.applied).toEqual(['y:1', 'x:2']);
    } finally {
      await relay.stop();
      parking.stop();
    }
  });
});
