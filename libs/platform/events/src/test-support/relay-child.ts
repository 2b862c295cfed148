/**
 * An outbox relay in its own process, for the crash test: PgOutboxSource(OUTBOX_SCHEMA) → Kafka.
 * Run with `node -r tools/ts/swc-register.js relay-child.ts`; prints "ready" once draining.
 * AFTER_PRODUCE_DELAY_MS widens the window between Kafka's ack and the outbox commit, where a
 * crash makes the relay publish the batch again.
 */
import { Pool } from 'pg';
import type { EventBroker } from '../lib/broker/event-broker';
import { KafkaEventBroker } from '../lib/broker/kafka-event-broker';
import type { EventsLogger } from '../lib/events-logger';
import { OutboxRelay } from '../lib/relay/outbox-relay';
import { PgOutboxSource } from '../lib/relay/pg-outbox-source';

function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is required`);
  return value;
}

const line = (level: string) => (obj: object, msg?: string) => process.stderr.write(`${JSON.stringify({ level, msg, ...obj })}\n`);
const logger: EventsLogger = { debug: () => undefined, info: line('info'), warn: line('warn'), error: line('error') };

async function main(): Promise<void> {
  const pool = new Pool({ connectionString: required('DATABASE_URL'), max: 4 });
  pool.on('error', (error) => logger.warn({ err: error.message }, 'idle client error'));
  const broker = new KafkaEventBroker({ brokers: required('KAFKA_BROKERS').split(','), clientId: 'relay-child', logger });
  const delayMs = Number(process.env['AFTER_PRODUCE_DELAY_MS'] ?? 0);
  const slowCommit: EventBroker = {
    ensureTopics: (topics) => broker.ensureTopics(topics),
    subscribe: (groupId, topics, onEvent) => broker.subscribe(groupId, topics, onEvent),
    healthCheck: () => broker.healthCheck(),
    disconnect: () => broker.disconnect(),
    produce: async (envelopes) => {
      await broker.produce(envelopes);
      if (delayMs > 0) await new Promise((resolve) => setTimeout(resolve, delayMs));
    },
  };
  const relay = new OutboxRelay({ broker: slowCommit, logger, batchSize: 100, pollIntervalMs: 20 });
  relay.register(new PgOutboxSource(pool, required('OUTBOX_SCHEMA')));
  await relay.start();
  process.stdout.write('ready\n');
  process.once('SIGTERM', () => {
    void (async () => {
      await relay.stop();
      await broker.disconnect();
      await pool.end();
      process.exit(0);
    })();
  });
}

main().catch((error: unknown) => {
  logger.error({ err: error instanceof Error ? error.stack : String(error) }, 'relay child failed');
  process.exit(1);
});
