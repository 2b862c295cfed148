import type { EventEnvelope } from '@tall/platform/event-contracts';
import { stackEnv, uniqueName } from '@tall/platform/testing';
import { Kafka, logLevel, type Consumer, type KafkaMessage } from 'kafkajs';
import { MongoClient, type Db } from 'mongodb';
import { randomUUID } from 'node:crypto';
import { Pool } from 'pg';
import { PgInbox } from '../lib/inbox/pg-inbox';
import { PgOutbox } from '../lib/outbox/pg-outbox';

/** Integration-test fixtures on the running local stack: each test gets its own names. */

export interface PgFixture {
  pool: Pool;
  schema: string;
  outbox: PgOutbox;
  inbox: PgInbox;
  /** Another pool on the same database, e.g. for a second relay instance. */
  newPool(max?: number): Pool;
  close(): Promise<void>;
}

export async function pgFixture(prefix = 'events'): Promise<PgFixture> {
  const pools: Pool[] = [];
  const newPool = (max = 10) => {
    const pool = new Pool({ connectionString: stackEnv().DATABASE_URL, max });
    // An idle client dropped by the server must not crash the test process.
    pool.on('error', () => undefined);
    pools.push(pool);
    return pool;
  };
  const pool = newPool();
  const schema = uniqueName(prefix).toLowerCase();
  const outbox = new PgOutbox(schema);
  const inbox = new PgInbox(schema);
  await pool.query(outbox.migrationSql());
  await pool.query(inbox.migrationSql());
  return {
    pool,
    schema,
    outbox,
    inbox,
    newPool,
    close: async () => {
      await pool.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`).catch(() => undefined);
      await Promise.all(pools.map((p) => p.end().catch(() => undefined)));
    },
  };
}

export interface MongoFixture {
  client: MongoClient;
  db: Db;
  close(): Promise<void>;
}

export async function mongoFixture(prefix = 'events'): Promise<MongoFixture> {
  const client = await MongoClient.connect(stackEnv().MONGODB_URI);
  const db = client.db(uniqueName(prefix));
  return {
    client,
    db,
    close: async () => {
      await db.dropDatabase().catch(() => undefined);
      await client.close();
    },
  };
}

export function kafkaBrokers(): string[] {
  return stackEnv().KAFKA_BROKERS.split(',');
}

export function rawKafka(): Kafka {
  return new Kafka({ clientId: uniqueName('test'), brokers: kafkaBrokers(), logLevel: logLevel.NOTHING });
}

export async function createTopic(prefix: string, partitions = 3): Promise<string> {
  const topic = uniqueName(prefix).replace(/_/g, '.');
  const admin = rawKafka().admin();
  await admin.connect();
  try {
    await admin.createTopics({ topics: [{ topic, numPartitions: partitions }], waitForLeaders: true });
  } finally {
    await admin.disconnect();
  }
  return topic;
}

export async function deleteTopics(topics: string[]): Promise<void> {
  const admin = rawKafka().admin();
  try {
    await admin.connect();
    await admin.deleteTopics({ topics, timeout: 5_000 });
  } catch {
    // Best effort: a leftover test topic is harmless.
  } finally {
    await admin.disconnect().catch(() => undefined);
  }
}

/** Reads a topic from the beginning with a plain kafkajs consumer (raw messages, headers). */
export async function recordTopic(topic: string): Promise<{ messages: KafkaMessage[]; stop(): Promise<void> }> {
  const messages: KafkaMessage[] = [];
  const consumer: Consumer = rawKafka().consumer({ groupId: uniqueName('recorder'), maxWaitTimeInMs: 100 });
  await consumer.connect();
  await consumer.subscribe({ topics: [topic], fromBeginning: true });
  await consumer.run({ eachMessage: async ({ message }) => void messages.push(message) });
  return { messages, stop: () => consumer.disconnect() };
}

export function testEvent(topic: string, key: string, payload: Record<string, unknown>): EventEnvelope {
  return {
    id: randomUUID(),
    type: 'test.happened',
    version: 1,
    topic,
    key,
    occurredAt: new Date().toISOString(),
    correlationId: randomUUID(),
    causationId: null,
    payload,
  };
}
