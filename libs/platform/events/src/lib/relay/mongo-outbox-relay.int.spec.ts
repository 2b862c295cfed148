import type { EventEnvelope } from '@tall/platform/event-contracts';
import { waitFor } from '@tall/platform/testing';
import { KafkaEventBroker } from '../broker/kafka-event-broker';
import { LocalEventBus } from '../bus/local-event-bus';
import { documentWithOutbox, OUTBOX_FIELD, OUTBOX_PENDING_FIELD, withOutbox } from '../outbox/mongo-outbox';
import { createTopic, deleteTopics, kafkaBrokers, mongoFixture, recordTopic, testEvent, type MongoFixture } from '../../test-support/event-stack';
import { MongoOutboxSource } from './mongo-outbox-source';
import { MongoRelayLease } from './mongo-relay-lease';
import { OutboxRelay } from './outbox-relay';

jest.setTimeout(60_000);

interface Card {
  _id: string;
  reviews: number;
  [OUTBOX_FIELD]?: EventEnvelope[];
  [OUTBOX_PENDING_FIELD]?: true;
}

describe('MongoDB in-document outbox → relay', () => {
  let mongo: MongoFixture;
  let topic: string;

  beforeAll(async () => {
    mongo = await mongoFixture('outbox');
    topic = await createTopic('mongo.outbox');
  });

  afterAll(async () => {
    await deleteTopics([topic]);
    await mongo.close();
  });

  it('publishes the events of one updateOne to Kafka and removes them from the document', async () => {
    const cards = mongo.db.collection<Card>('cards');
    const created = testEvent(topic, 'card-1', { step: 'created' });
    await cards.insertOne(documentWithOutbox({ _id: 'card-1', reviews: 0 }, [created]));
    const reviewed = testEvent(topic, 'card-1', { step: 'reviewed' });
    const result = await cards.updateOne({ _id: 'card-1' }, withOutbox({ $inc: { reviews: 1 } }, [reviewed]));
    expect(result.modifiedCount).toBe(1);
    expect((await cards.findOne({ _id: 'card-1' }))?.[OUTBOX_FIELD]?.map((e) => e.id)).toEqual([created.id, reviewed.id]);

    const broker = new KafkaEventBroker({ brokers: kafkaBrokers(), clientId: 'mongo-outbox-test' });
    const recorder = await recordTopic(topic);
    const relay = new OutboxRelay({ broker, pollIntervalMs: 20 });
    relay.register(new MongoOutboxSource(mongo.db, 'cards'));
    await relay.start();
    try {
      const messages = await waitFor(() => recorder.messages.length >= 2 && recorder.messages, { what: 'two Kafka messages' });
      expect(messages.map((m) => JSON.parse(String(m.value)).payload.step)).toEqual(['created', 'reviewed']);
      expect(messages.map((m) => m.key?.toString())).toEqual(['card-1', 'card-1']);
      const card = await waitFor(async () => {
        const found = await cards.findOne({ _id: 'card-1' });
        return found && found[OUTBOX_PENDING_FIELD] === undefined && found;
      });
      expect(card).toEqual({ _id: 'card-1', reviews: 1, [OUTBOX_FIELD]: [] });
    } finally {
      await relay.stop();
      await recorder.stop();
      await broker.disconnect();
    }
  });

  it('publishes each document’s events once and in order with two relays sharing the lease', async () => {
    const cards = mongo.db.collection<Card>('ordered');
    const documents = 20;
    const perDocument = 15;
    await cards.insertMany([...Array(documents).keys()].map((i) => ({ _id: `card-${i}`, reviews: 0 })));
    // Written before the relays run: FerretDB 1.24 loses one of two concurrent updates of a
    // document, so a relay removing events while a writer pushes would lose data there.
    for (let n = 0; n < perDocument; n++) {
      await Promise.all(
        [...Array(documents).keys()].map((i) =>
          cards.updateOne({ _id: `card-${i}` }, withOutbox({ $inc: { reviews: 1 } }, [testEvent(topic, `card-${i}`, { n })])),
        ),
      );
    }
    const seen = new Map<string, number[]>();
    const deliveries = new Map<string, number>();
    const relays = [0, 1].map(() => {
      const bus = new LocalEventBus();
      bus.subscribe({
        name: 'test.recorder',
        topics: [topic],
        handle: async (e) => {
          seen.set(e.key, [...(seen.get(e.key) ?? []), (e.payload as { n: number }).n]);
          deliveries.set(e.id, (deliveries.get(e.id) ?? 0) + 1);
        },
      });
      const relay = new OutboxRelay({ bus, pollIntervalMs: 10, batchSize: 7 });
      relay.register(new MongoOutboxSource(mongo.db, 'ordered'));
      return relay;
    });
    await Promise.all(relays.map((relay) => relay.start()));
    try {
      await waitFor(() => deliveries.size === documents * perDocument, { what: 'all events' });
      // The holder stops and releases the lease: the other relay takes over at once.
      await Promise.all(relays.map((relay) => relay.stop()));
      await relays[1].start();
      await cards.updateOne({ _id: 'card-0' }, withOutbox({ $inc: { reviews: 1 } }, [testEvent(topic, 'card-0', { n: perDocument })]));
      await waitFor(() => deliveries.size === documents * perDocument + 1, { timeoutMs: 5_000, what: 'the event after the hand-over' });
    } finally {
      await Promise.all(relays.map((relay) => relay.stop()));
    }
    for (const [key, numbers] of seen) {
      expect({ key, numbers }).toEqual({ key, numbers: [...Array(key === 'card-0' ? perDocument + 1 : perDocument).keys()] });
    }
    expect([...deliveries.values()].filter((count) => count !== 1)).toEqual([]);
    expect(await cards.countDocuments({ [OUTBOX_PENDING_FIELD]: true })).toBe(0);
    expect((await cards.findOne({ _id: 'card-3' }))?.reviews).toBe(perDocument);
  });

  it('publishes the events of one key in the order they were written across documents, in batches smaller than the backlog, while writers go on', async () => {
    const cards = mongo.db.collection<Card>('across');
    const documents = 12;
    await cards.insertMany([...Array(documents).keys()].map((i) => ({ _id: `c-${i}`, reviews: 0 })));
    const seen = new Map<string, number[]>();
    const bus = new LocalEventBus();
    bus.subscribe({
      name: 'test.recorder',
      topics: [topic],
      handle: async (e) => void seen.set(e.key, [...(seen.get(e.key) ?? []), (e.payload as { n: number }).n]),
    });
    const relay = new OutboxRelay({ bus, pollIntervalMs: 5, batchSize: 5 });
    relay.register(new MongoOutboxSource(mongo.db, 'across'));
    // Two students, each writing sequentially into cards picked in a scrambled order, so a
    // student's later events often sit in documents whose earlier events are already gone.
    const written = 60;
    const write = async (student: string, stride: number) => {
      for (let n = 0; n < written; n++) {
        const card = `c-${(n * stride + (student === 'a' ? 0 : 5)) % documents}`;
        await cards.updateOne({ _id: card }, withOutbox({ $inc: { reviews: 1 } }, [testEvent(topic, student, { n })]));
        if (n === 20) await relay.start();
      }
    };
    try {
      await Promise.all([write('a', 7), write('b', 5)]);
      await waitFor(() => (seen.get('a')?.length ?? 0) + (seen.get('b')?.length ?? 0) >= 2 * written, { what: 'all events' });
    } finally {
      await relay.stop();
    }
    expect(seen.get('a')).toEqual([...Array(written).keys()]);
    expect(seen.get('b')).toEqual([...Array(written).keys()]);
    expect(await cards.countDocuments({ [OUTBOX_PENDING_FIELD]: true })).toBe(0);
    const reviews = (await cards.find().toArray()).reduce((sum, card) => sum + card.reviews, 0);
    expect(reviews).toBe(2 * written);
  });

  it('holds back everything after a failing event (a later document may hold its key) until it goes out, and reports stats', async () => {
    const cards = mongo.db.collection<Card>('failing');
    await cards.insertMany([
      documentWithOutbox({ _id: 'bad', reviews: 0 }, [testEvent(topic, 'student', { n: 1 }), testEvent(topic, 'student', { n: 2 })]),
      documentWithOutbox({ _id: 'later', reviews: 0 }, [testEvent(topic, 'student', { n: 3 })]),
    ]);
    const source = new MongoOutboxSource(mongo.db, 'failing');
    expect(await source.stats()).toEqual({ pending: 3, oldestAgeSeconds: expect.any(Number) });
    let failing = true;
    const seen: number[] = [];
    const bus = new LocalEventBus();
    bus.subscribe({
      name: 'test.recorder',
      topics: [topic],
      handle: async (e) => {
        const { n } = e.payload as { n: number };
        if (failing && n === 2) throw new Error('2 is broken');
        seen.push(n);
      },
    });
    const relay = new OutboxRelay({ bus });
    relay.register(source);
    try {
      await relay.drainOnce();
      await relay.drainOnce();
      // 1 went out; 2 fails, and 3 (another document, same key) must not overtake it.
      expect(seen).toEqual([1]);
      expect(source.retrying.get('bad')).toMatchObject({ attempts: 2, lastError: expect.stringContaining('2 is broken') });
      expect((await source.stats()).pending).toBe(2);
      failing = false;
      await relay.drainOnce();
      expect(seen).toEqual([1, 2, 3]);
      expect(source.retrying.size).toBe(0);
      // The drain just read every pending document: the gauges need no query of their own.
      const finds = jest.spyOn((source as unknown as { collection: { find: () => unknown } }).collection, 'find');
      for (let scrape = 0; scrape < 20; scrape++) expect(await source.stats()).toEqual({ pending: 0, oldestAgeSeconds: 0 });
      expect(finds).not.toHaveBeenCalled();
    } finally {
      await relay.stop();
    }
  });

  it('hands the lease over by slot: held while renewed, free after release or when the holder dies', async () => {
    const slotMs = 1_000;
    const a = new MongoRelayLease(mongo.db, 'lease-test', slotMs);
    const b = new MongoRelayLease(mongo.db, 'lease-test', slotMs);
    const t0 = Math.ceil(Date.now() / slotMs) * slotMs + 10 * slotMs;
    expect(await a.acquire(t0)).toBe(true);
    expect(await b.acquire(t0 + 100)).toBe(false);
    // a renews in the last third of its slot, so b finds the next slot taken too.
    expect(await a.acquire(t0 + 800)).toBe(true);
    expect(await b.acquire(t0 + slotMs + 10)).toBe(false);
    expect(await a.acquire(t0 + slotMs + 20)).toBe(true);
    // a dies (no more renewals): its pre-taken slot passes, then b gets the lease.
    expect(await b.acquire(t0 + 2 * slotMs + 10)).toBe(true);
    expect(await a.acquire(t0 + 2 * slotMs + 20)).toBe(false);
    await b.release();
    expect(await a.acquire(t0 + 2 * slotMs + 30)).toBe(true);
  });
});
