import { createHash, randomBytes } from 'node:crypto';
import { Kafka, logLevel, type Admin, type Consumer } from 'kafkajs';
import type { Pool } from 'pg';
import { inTransaction, migrateSchema, sqlIdentifier } from '@tall/platform/database';
import { consumerGroupOf, fromKafkaMessage, handlesEvent, type EventHandler } from '@tall/platform/events';
import { RecordProgressFactHandler } from '@tall/progress/application';
import { progressEventHandlers } from '../events/progress-event-handlers';
import { PROGRESS_MODULE, PROGRESS_SOURCE_TOPICS, type ProgressSourceTopics } from '@tall/progress/contracts';
import { PgProgressProjection } from '../persistence/pg-progress-projection';
import { PROGRESS_SCHEMA, progressMigrations } from '../persistence/progress-schema';

export interface RebuildLogger {
  info(fields: Record<string, unknown>, message: string): void;
  warn(fields: Record<string, unknown>, message: string): void;
}

export interface RebuildOptions {
  pool: Pool;
  brokers: string[];
  clientId?: string;
  /** The empty schema to build into; never the live one. */
  schema: string;
  /** Drop the target schema first when it exists (default: refuse). */
  replace?: boolean;
  topics?: ProgressSourceTopics;
  logger?: RebuildLogger;
  /** Partitions applied at once; one user's facts from different topics serialise in the store. */
  concurrency?: number;
}

export interface RebuildReport {
  schema: string;
  /** Per topic: the messages replayed, and partitions whose history no longer starts at offset 0. */
  topics: Array<{ topic: string; messages: number; truncatedPartitions: number[] }>;
  events: number;
  durationMs: number;
}

/**
 * Rebuilds the read model from the topics alone: creates `schema` empty, reads every consumed
 * topic from its first offset up to the end offsets seen at start, with a consumer group of its
 * own (deleted afterwards), and applies each event with the very handlers the live app uses.
 * Events published after the start are not included; compare with the live model when the
 * topics are quiet, and swap only while no process hosts progress (see swapIntoLive).
 */
export async function rebuildProgress(options: RebuildOptions): Promise<RebuildReport> {
  const started = Date.now();
  const target = sqlIdentifier(options.schema);
  if (target === PROGRESS_SCHEMA) throw new Error(`Refusing to rebuild into the live schema ${PROGRESS_SCHEMA}: name an empty one`);
  const topics = options.topics ?? PROGRESS_SOURCE_TOPICS;
  await prepareSchema(options.pool, target, options.replace ?? false);
  // The live handlers' adapters and command handler, without the app's Nest container and CommandBus.
  const handlers = progressEventHandlers(new RecordProgressFactHandler(new PgProgressProjection(options.pool, target)), { topics, logger: options.logger });
  const kafka = new Kafka({ clientId: options.clientId ?? 'tall-progress-rebuild', brokers: options.brokers, logLevel: logLevel.NOTHING });
  const admin = kafka.admin();
  await admin.connect();
  const groupId = `tall.progress.rebuild.${Date.now().toString(36)}.${randomBytes(3).toString('hex')}`;
  try {
    const { ends, report } = await endOffsets(admin, Object.values(topics), options.logger);
    const remaining = new Map([...ends].filter(([, end]) => end.next < end.high).map(([key, end]) => [key, end.high]));
    let events = 0;
    if (remaining.size > 0) {
      const consumer = kafka.consumer({ groupId, maxWaitTimeInMs: 250, sessionTimeout: 30_000 });
      await consumer.connect();
      try {
        events = await replay(consumer, [...new Set([...remaining.keys()].map((key) => key.split('#')[0]))], remaining, handlers, options);
      } finally {
        await consumer.disconnect().catch(() => undefined);
      }
      await admin.deleteGroups([groupId]).catch(() => undefined);
    }
    const result = { schema: target, topics: report, events, durationMs: Date.now() - started };
    options.logger?.info({ ...result, topics: undefined }, 'progress rebuilt from the topics');
    return result;
  } finally {
    await admin.disconnect().catch(() => undefined);
  }
}

async function prepareSchema(pool: Pool, schema: string, replace: boolean): Promise<void> {
  const { rowCount } = await pool.query('SELECT 1 FROM information_schema.schemata WHERE schema_name = $1', [schema]);
  if (rowCount === 1) {
    if (!replace) throw new Error(`Schema ${schema} exists: name another one, or pass replace to drop it first`);
    await pool.query(`DROP SCHEMA ${schema} CASCADE`);
  }
  await migrateSchema(pool, schema, progressMigrations(schema));
}

interface PartitionEnd {
  /** First offset still held (0 unless retention removed older events). */
  next: number;
  /** One past the last offset at start: the rebuild stops there. */
  high: number;
}

async function endOffsets(admin: Admin, topics: string[], logger?: RebuildLogger) {
  const existing = new Set(await admin.listTopics());
  const ends = new Map<string, PartitionEnd>();
  const report: RebuildReport['topics'] = [];
  for (const topic of topics) {
    if (!existing.has(topic)) {
      report.push({ topic, messages: 0, truncatedPartitions: [] });
      continue;
    }
    const offsets = await admin.fetchTopicOffsets(topic);
    const truncated = offsets.filter((offset) => Number(offset.low) > 0).map((offset) => offset.partition);
    if (truncated.length > 0) {
      logger?.warn({ topic, partitions: truncated }, 'the topic no longer holds its first events: the rebuild cannot reproduce what they did');
    }
    for (const offset of offsets) ends.set(`${topic}#${offset.partition}`, { next: Number(offset.low), high: Number(offset.high) });
    report.push({ topic, messages: offsets.reduce((sum, offset) => sum + Number(offset.high) - Number(offset.low), 0), truncatedPartitions: truncated });
  }
  return { ends, report };
}

/** Reads until every partition reached its end offset; resolves with the number of events applied. */
function replay(
  consumer: Consumer,
  topics: string[],
  remaining: Map<string, number>,
  handlers: EventHandler[],
  options: RebuildOptions,
): Promise<number> {
  let applied = 0;
  let lastReport = Date.now();
  return new Promise<number>((resolve, reject) => {
    const run = async () => {
      await consumer.subscribe({ topics, fromBeginning: true });
      await consumer.run({
        autoCommit: false,
        partitionsConsumedConcurrently: options.concurrency ?? 3,
        eachMessage: async ({ topic, partition, message }) => {
          const key = `${topic}#${partition}`;
          const end = remaining.get(key);
          if (end === undefined || Number(message.offset) >= end) return;
          let envelope;
          try {
            envelope = fromKafkaMessage(message);
          } catch (error) {
            options.logger?.warn({ topic, partition, offset: message.offset, err: String(error) }, 'skipping a malformed message');
          }
          if (envelope) {
            for (const handler of handlers) if (handlesEvent(handler, envelope)) await applyWithRetry(handler, envelope);
            applied++;
          }
          if (Number(message.offset) + 1 >= end) remaining.delete(key);
          if (Date.now() - lastReport > 5_000) {
            lastReport = Date.now();
            options.logger?.info({ applied, partitionsLeft: remaining.size }, 'rebuilding progress');
          }
          if (remaining.size === 0) resolve(applied);
        },
      });
    };
    run().catch(reject);
    consumer.on(consumer.events.CRASH, (event) => {
      if (!event.payload.restart) reject(event.payload.error);
    });
  });
}

async function applyWithRetry(handler: EventHandler, envelope: Parameters<EventHandler['handle']>[0]): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await handler.handle(envelope);
      return;
    } catch (error) {
      if (attempt >= 5) throw error;
      await new Promise((resolve) => setTimeout(resolve, 200 * 2 ** attempt));
    }
  }
}

/**
 * Makes a rebuilt schema the live one, keeping the old as `progress_replaced_<time>`. Only while
 * no process hosts progress: a running one would keep writing into the old schema's tables
 * until its next statement, and what it applied after the rebuild's cut would be missing.
 * Migration checksums are rewritten to the live schema's, so the next start sees them applied.
 */
export async function swapIntoLive(pool: Pool, rebuilt: string): Promise<string> {
  const source = sqlIdentifier(rebuilt);
  if (source === PROGRESS_SCHEMA) throw new Error('The rebuilt schema is already the live one');
  const replaced = `${PROGRESS_SCHEMA}_replaced_${new Date().toISOString().replace(/\D/g, '').slice(0, 14)}`;
  await inTransaction(pool, async (tx) => {
    const { rowCount } = await tx.query('SELECT 1 FROM information_schema.schemata WHERE schema_name = $1', [PROGRESS_SCHEMA]);
    if (rowCount === 1) await tx.query(`ALTER SCHEMA ${PROGRESS_SCHEMA} RENAME TO ${replaced}`);
    await tx.query(`ALTER SCHEMA ${source} RENAME TO ${PROGRESS_SCHEMA}`);
    for (const migration of progressMigrations(PROGRESS_SCHEMA)) {
      const checksum = createHash('sha256').update(migration.sql).digest('hex');
      await tx.query(`UPDATE ${PROGRESS_SCHEMA}.schema_migrations SET checksum = $2 WHERE id = $1`, [migration.id, checksum]);
    }
  });
  return replaced;
}

/**
 * Signs that a process hosts progress now: members in its Kafka consumer group, or events it
 * applied in the last `quietSeconds`. Empty when none (a swap is then safe).
 */
export async function progressInUse(pool: Pool, brokers: string[], quietSeconds = 30): Promise<string[]> {
  const signs: string[] = [];
  const { rows } = await pool.query<{ recent: number }>(
    `SELECT count(*)::int AS recent FROM ${PROGRESS_SCHEMA}.inbox WHERE processed_at > now() - make_interval(secs => $1)`,
    [quietSeconds],
  ).catch(() => ({ rows: [{ recent: 0 }] }));
  if (rows[0].recent > 0) signs.push(`${rows[0].recent} events applied to ${PROGRESS_SCHEMA} in the last ${quietSeconds} s`);
  if (brokers.length > 0) {
    const admin = new Kafka({ clientId: 'tall-progress-rebuild', brokers, logLevel: logLevel.NOTHING }).admin();
    await admin.connect();
    try {
      const group = consumerGroupOf(PROGRESS_MODULE.name);
      const { groups } = await admin.describeGroups([group]);
      const members = groups[0]?.members.length ?? 0;
      if (members > 0) signs.push(`${members} members in the Kafka consumer group ${group}`);
    } finally {
      await admin.disconnect().catch(() => undefined);
    }
  }
  return signs;
}
