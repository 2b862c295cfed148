import { EVENT_HEADERS } from '@tall/platform/event-contracts';
import { waitFor } from '@tall/platform/testing';
import { KafkaEventBroker } from '../broker/kafka-event-broker';
import { LocalEventBus } from '../bus/local-event-bus';
import { inTransaction } from '../sql-executor';
import { createTopic, deleteTopics, kafkaBrokers, pgFixture, recordTopic, testEvent, type PgFixture } from '../../test-support/event-stack';
import { OutboxRelay } from './outbox-relay';
import { PgOutboxSource } from './pg-outbox-source';

jest.setTimeout(60_000);

describe('PostgreSQL outbox → relay → Kafka', () => {
  let pg: PgFixture;
  let topic: string;
  let broker: KafkaEventBroker;

  beforeAll(async () => {
    pg = await pgFixture('outbox');
    topic = await createTopic('outbox.relay');
    broker = new KafkaEventBroker({ brokers: kafkaBrokers(), clientId: 'outbox-relay-test' });
  });

  afterAll(async () => {
    await broker.disconnect();
    await deleteTopics([topic]);
    await pg.close();
  });

  it('publishes a committed event keyed by aggregate id with the envelope headers; a rollback publishes nothing', async () => {
    const recorder = await recordTopic(topic);
    const relay = new OutboxRelay({ broker, bus: new LocalEventBus(), pollIntervalMs: 20 });
    relay.register(new PgOutboxSource(pg.pool, pg.schema));
    await relay.start();
    try {
      const committed = testEvent(topic, 'user-42', { name: 'kept' });
      const rolledBack = testEvent(topic, 'user-43', { name: 'dropped' });
      await inTransaction(pg.pool, (tx) => pg.outbox.append(tx, [committed]));
      await expect(
        inTransaction(pg.pool, async (tx) => {
          await pg.outbox.append(tx, [rolledBack]);
          throw new Error('business rule failed');
        }),
      ).rejects.toThrow('business rule failed');

      const [message] = await waitFor(() => recorder.messages.length > 0 && recorder.messages, { what: 'the Kafka message' });
      expect(message.key?.toString()).toBe('user-42');
      expect(JSON.parse(String(message.value))).toEqual(committed);
      expect(Object.fromEntries(Object.entries(message.headers ?? {}).map(([k, v]) => [k, v?.toString()]))).toEqual({
        [EVENT_HEADERS.id]: committed.id,
        [EVENT_HEADERS.type]: 'test.happened',
        [EVENT_HEADERS.version]: '1',
        [EVENT_HEADERS.correlationId]: committed.correlationId,
      });
      // The relay marks the row after Kafka acknowledges, so the consumer may see the message first.
      const rows = await waitFor(
        async () => {
          const result = await pg.pool.query(`SELECT id, published_at FROM ${pg.outbox.table}`);
          return result.rows.every((row) => row.published_at !== null) && result.rows;
        },
        { what: 'the outbox row marked published' },
      );
      expect(rows).toEqual([{ id: committed.id, published_at: expect.any(Date) }]);
      // Give a wrongly published rolled-back event time to show up.
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect(recorder.messages).toHaveLength(1);
    } finally {
      await relay.stop();
      await recorder.stop();
    }
  });

  it('keeps a key behind its failed event while other keys flow, and records the attempt', async () => {
    const seen: string[] = [];
    let failing = true;
    const bus = new LocalEventBus();
    bus.subscribe({
      name: 'test.recorder',
      topics: [topic],
      handle: async (e) => {
        const label = `${e.key}:${(e.payload as { n: number }).n}`;
        if (failing && label === 'a:1') throw new Error('a:1 is not ready');
        seen.push(label);
      },
    });
    const relay = new OutboxRelay({ bus, broker: null });
    const source = new PgOutboxSource(pg.pool, pg.schema, { backoff: { initialMs: 300, maxMs: 300 } });
    relay.register(source);
    await pg.pool.query(`DELETE FROM ${pg.outbox.table}`);
    await inTransaction(pg.pool, (tx) =>
      pg.outbox.append(tx, [testEvent(topic, 'a', { n: 1 }), testEvent(topic, 'b', { n: 1 }), testEvent(topic, 'a', { n: 2 }), testEvent(topic, 'b', { n: 2 })]),
    );
    expect(await relay.drainOnce()).toEqual([expect.objectContaining({ published: 0, failed: true })]);
    const { rows } = await pg.pool.query(`SELECT key, attempts, last_error FROM ${pg.outbox.table} WHERE attempts > 0`);
    expect(rows).toEqual([{ key: 'a', attempts: 1, last_error: expect.stringContaining('a:1 is not ready') }]);
    // a:1 backs off; b is not held back by it, a:2 is.
    await relay.drainOnce();
    expect(seen).toEqual(['b:1', 'b:2']);
    failing = false;
    await waitFor(async () => (await relay.drainOnce())[0].published > 0, { intervalMs: 50 });
    expect(seen).toEqual(['b:1', 'b:2', 'a:1', 'a:2']);
    expect(await source.stats()).toEqual({ pending: 0, oldestAgeSeconds: 0 });
    await relay.stop();
  });

  it('deletes rows published longer ago than the retention', async () => {
    await pg.pool.query(`DELETE FROM ${pg.outbox.table}`);
    await inTransaction(pg.pool, (tx) => pg.outbox.append(tx, [testEvent(topic, 'old', {}), testEvent(topic, 'new', {}), testEvent(topic, 'pending', {})]));
    await pg.pool.query(`UPDATE ${pg.outbox.table} SET published_at = now() - interval '2 hours' WHERE key = 'old'`);
    await pg.pool.query(`UPDATE ${pg.outbox.table} SET published_at = now() WHERE key = 'new'`);
    await new PgOutboxSource(pg.pool, pg.schema, { retainPublishedMs: 3600_000 }).maintain();
    const { rows } = await pg.pool.query(`SELECT key FROM ${pg.outbox.table} ORDER BY seq`);
    expect(rows.map((row) => row.key)).toEqual(['new', 'pending']);
  });
});
