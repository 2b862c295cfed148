// Relay case of `npm run bench` (BENCH_CASES=relay): how fast the outbox relay drains a MongoDB
// in-document outbox to Kafka, against the same events produced straight to Kafka through the
// same producer (so the ratio is the cost of reading, ordering and removing them in the store).
// Events of 60 students sit in 3,000 documents, two each, as a classroom burst leaves them.
import { randomUUID } from 'node:crypto';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const EVENTS_PER_DOCUMENT = 2;

/** @param ctx {{ root: string, mongoUri: string, kafkaBrokers: string[], log: (m: string) => void, rounds: number }} */
export async function relayCases({ root, mongoUri, kafkaBrokers, log, rounds }) {
  const require = createRequire(import.meta.url);
  const events = require(join(root, 'dist/api/libs/platform/events/src/index.js'));
  const { MongoClient } = require('mongodb');
  const documents = Number(process.env.BENCH_RELAY_DOCUMENTS ?? 3000);
  const total = documents * EVENTS_PER_DOCUMENT;
  const topic = `bench.relay.${Date.now().toString(36)}`;
  const client = new MongoClient(mongoUri);
  await client.connect();
  const db = client.db();
  const broker = new events.KafkaEventBroker({ brokers: kafkaBrokers, clientId: 'bench-relay' });
  await broker.ensureTopics([topic]);

  const envelope = (key, n) => ({
    id: randomUUID(),
    type: 'bench.happened',
    version: 1,
    topic,
    key,
    occurredAt: new Date().toISOString(),
    correlationId: randomUUID(),
    causationId: null,
    actorId: null,
    payload: { n },
  });

  async function relayRun(round) {
    const name = `relay_${round}`;
    const collection = db.collection(name);
    const source = new events.MongoOutboxSource(db, name);
    const relay = new events.OutboxRelay({ broker, batchSize: Number(process.env.BENCH_RELAY_BATCH ?? 2000), pollIntervalMs: 10, statsIntervalMs: 60_000 });
    relay.register(source);
    await relay.drainOnce(); // takes the lease and creates the index, on an empty collection
    const docs = [...Array(documents).keys()].map((i) =>
      events.documentWithOutbox({ _id: `card-${i}`, userId: `student-${i % 60}` }, [...Array(EVENTS_PER_DOCUMENT).keys()].map((n) => envelope(`student-${i % 60}`, n))),
    );
    for (let i = 0; i < docs.length; i += 500) await collection.insertMany(docs.slice(i, i + 500));
    const t0 = performance.now();
    let published = 0;
    for (;;) {
      const [result] = await relay.drainOnce();
      published += result.published;
      if (result.failed) throw new Error(`relay batch failed: ${result.error}`);
      if (result.published === 0 && !result.full) break;
    }
    const seconds = (performance.now() - t0) / 1000;
    await relay.stop();
    const left = await collection.countDocuments({ [events.OUTBOX_PENDING_FIELD]: true });
    await collection.drop();
    return { eventsPerSecond: Math.round(published / seconds), published, left };
  }

  async function produceRun() {
    const batch = [...Array(total).keys()].map((i) => envelope(`student-${i % 60}`, i));
    const t0 = performance.now();
    for (let i = 0; i < batch.length; i += 500) await broker.produce(batch.slice(i, i + 500));
    return { eventsPerSecond: Math.round(total / ((performance.now() - t0) / 1000)) };
  }

  try {
    log(`relay: ${total} events in ${documents} documents, drained to Kafka; baseline: the same count produced directly`);
    await produceRun(); // connects the producer and warms the topic
    const relayRuns = [];
    const baseRuns = [];
    for (let round = 0; round < rounds; round += 1) {
      relayRuns.push(await relayRun(round));
      baseRuns.push(await produceRun());
    }
    const median = (values) => [...values].sort((x, y) => x - y)[Math.floor(values.length / 2)];
    const t = { rps: median(relayRuns.map((r) => r.eventsPerSecond)), p99: '—', errors: relayRuns.reduce((n, r) => n + r.left + (r.published === total ? 0 : 1), 0) };
    const b = { rps: median(baseRuns.map((r) => r.eventsPerSecond)), p99: '—', errors: 0 };
    return [
      {
        name: 'relay: Mongo outbox → Kafka, events/s (vs producing the same events directly)',
        tall: t,
        base: b,
        ratio: t.rps / b.rps,
        met: t.rps >= 1000 && t.errors === 0,
        targetText: '≥ 1,000 events/s, none left behind',
      },
    ];
  } finally {
    await broker.disconnect();
    await client.close();
  }
}
