import type { EventEnvelope } from '@tall/platform/event-contracts';
import { Kafka, Partitioners, type Admin, type Consumer, type EachBatchPayload, type Producer } from 'kafkajs';
import { defaultEventMetrics, type EventMetrics } from '../event-metrics';
import { errorFields, silentLogger, type EventsLogger } from '../events-logger';
import { backoffDelay, Sleeper, type BackoffOptions } from '../retry-backoff';
import type { EnvelopeConsumer, EventBroker } from './event-broker';
import { KAFKA_LOG_LEVEL, kafkaLogCreator } from './kafka-log';
import { chunkBySize, fromKafkaMessage, toTopicMessages } from './kafka-messages';

export interface KafkaEventBrokerOptions {
  brokers: string[];
  clientId: string;
  logger?: EventsLogger;
  metrics?: EventMetrics;
  /** Partitions of the topics ensureTopics creates. */
  partitions?: number;
  /** Replication factor of created topics; -1 takes the broker's default. */
  replicationFactor?: number;
  /** A produce call fails after this, so the relay's backoff takes over during an outage. */
  produceTimeoutMs?: number;
  /** Bytes per produce request (below the broker's message.max.bytes, 1 MiB by default). */
  maxRequestBytes?: number;
  /** Retry of a failing handler, in place (the partition waits: order is kept). */
  handlerBackoff?: BackoffOptions;
  /** New consumer groups start at the beginning of the topics, so no event is missed. */
  fromBeginning?: boolean;
  /**
   * Partitions of one consumer processed concurrently (order is per partition anyway). Default
   * 1: handlers of different keys often update one read-model document, and FerretDB 1.24
   * loses one of two concurrent updates of a document.
   */
  partitionsConsumedConcurrently?: number;
  /** How often consumer lag is read from committed offsets, besides after every batch. */
  lagIntervalMs?: number;
  /** Consumer session timeout; a handler retry loop heartbeats well within it. */
  sessionTimeoutMs?: number;
}

interface Subscription {
  groupId: string;
  topics: readonly string[];
  consumer: Consumer;
  /** Per topic, per partition: messages not yet processed. */
  lag: Map<string, Map<number, number>>;
}

/**
 * EventBroker on Kafka (kafkajs). The producer is idempotent with one request in flight and
 * acks from all replicas, so retries neither duplicate nor reorder a key's events inside one
 * producer session; after a failed send the producer is replaced, and the outbox relay sends
 * the batch again (consumers dedupe through their inbox).
 */
export class KafkaEventBroker implements EventBroker {
  private readonly kafka: Kafka;
  private readonly logger: EventsLogger;
  private readonly metrics: EventMetrics;
  private readonly options: Required<
    Pick<
      KafkaEventBrokerOptions,
      'partitions' | 'replicationFactor' | 'produceTimeoutMs' | 'maxRequestBytes' | 'handlerBackoff' | 'fromBeginning' | 'partitionsConsumedConcurrently' | 'lagIntervalMs' | 'sessionTimeoutMs'
    >
  >;
  private producer: Promise<Producer> | undefined;
  private admin: Promise<Admin> | undefined;
  private readonly subscriptions: Subscription[] = [];
  private readonly sleeper = new Sleeper();
  private lagTimer: NodeJS.Timeout | undefined;
  private closed = false;

  constructor(options: KafkaEventBrokerOptions) {
    this.logger = options.logger ?? silentLogger;
    this.metrics = options.metrics ?? defaultEventMetrics();
    this.options = {
      partitions: options.partitions ?? 3,
      replicationFactor: options.replicationFactor ?? -1,
      produceTimeoutMs: options.produceTimeoutMs ?? 10_000,
      maxRequestBytes: options.maxRequestBytes ?? 512 * 1024,
      handlerBackoff: options.handlerBackoff ?? { initialMs: 200, maxMs: 5_000 },
      fromBeginning: options.fromBeginning ?? true,
      partitionsConsumedConcurrently: options.partitionsConsumedConcurrently ?? 1,
      lagIntervalMs: options.lagIntervalMs ?? 15_000,
      sessionTimeoutMs: options.sessionTimeoutMs ?? 10_000,
    };
    this.kafka = new Kafka({
      clientId: options.clientId,
      brokers: options.brokers,
      connectionTimeout: 3_000,
      requestTimeout: 10_000,
      // Bounded, so calls fail within seconds while the broker is down instead of hanging.
      retry: { retries: 3, initialRetryTime: 200, maxRetryTime: 2_000 },
      logLevel: KAFKA_LOG_LEVEL,
      logCreator: kafkaLogCreator(this.logger),
    });
  }

  async produce(envelopes: readonly EventEnvelope[]): Promise<void> {
    if (envelopes.length === 0) return;
    if (this.closed) throw new Error('Kafka broker is disconnected');
    const connecting = this.connectedProducer();
    try {
      const producer = await withTimeout(connecting, this.options.produceTimeoutMs, 'Kafka producer connect');
      // In order, one request at a time: a later chunk never lands before an earlier one.
      for (const chunk of chunkBySize(envelopes, this.options.maxRequestBytes)) {
        await withTimeout(
          producer.sendBatch({ topicMessages: toTopicMessages(chunk), acks: -1, timeout: this.options.produceTimeoutMs }),
          this.options.produceTimeoutMs,
          'Kafka produce',
        );
      }
    } catch (error) {
      this.discardProducer(connecting);
      throw error;
    }
  }

  async subscribe(groupId: string, topics: readonly string[], onEvent: EnvelopeConsumer): Promise<void> {
    if (this.closed) throw new Error('Kafka broker is disconnected');
    const consumer = this.kafka.consumer({
      groupId,
      // Short: after a broker restart the group waits for the old member's session to expire
      // before the restarted consumer gets its partitions back (30 s here cost 30 s of lag).
      sessionTimeout: this.options.sessionTimeoutMs,
      heartbeatInterval: 2_000,
      maxWaitTimeInMs: 250,
      retry: {
        retries: 5,
        initialRetryTime: 300,
        maxRetryTime: 5_000,
        // Whatever crashed the consumer (broker gone, rebalance storm), start it again:
        // a consumer that gives up silently stops the module's read models.
        restartOnFailure: async (error) => {
          if (this.closed) return false;
          this.logger.warn({ groupId, ...errorFields(error) }, 'Kafka consumer crashed; restarting');
          return true;
        },
      },
    });
    const subscription: Subscription = { groupId, topics, consumer, lag: new Map() };
    this.subscriptions.push(subscription);
    try {
      await consumer.connect();
      await consumer.subscribe({ topics: [...topics], fromBeginning: this.options.fromBeginning });
      await consumer.run({
        autoCommit: true,
        autoCommitInterval: 1_000,
        eachBatchAutoResolve: false,
        partitionsConsumedConcurrently: this.options.partitionsConsumedConcurrently,
        eachBatch: (payload) => this.consumeBatch(subscription, payload, onEvent),
      });
    } catch (error) {
      this.subscriptions.splice(this.subscriptions.indexOf(subscription), 1);
      await consumer.disconnect().catch(() => undefined);
      throw error;
    }
    this.startLagTimer();
  }

  async ensureTopics(topics: readonly string[]): Promise<void> {
    if (topics.length === 0) return;
    try {
      const admin = await this.connectedAdmin();
      // Only the missing ones: creating an existing topic makes kafkajs log an error at every start.
      const existing = new Set(await admin.listTopics());
      const missing = [...new Set(topics)].filter((topic) => !existing.has(topic));
      if (missing.length === 0) return;
      await admin.createTopics({
        waitForLeaders: true,
        topics: missing.map((topic) => ({
          topic,
          numPartitions: this.options.partitions,
          replicationFactor: this.options.replicationFactor,
        })),
      });
    } catch (error) {
      this.discardAdmin();
      throw error;
    }
  }

  async healthCheck(): Promise<void> {
    const connecting = this.connectedAdmin();
    try {
      const admin = await withTimeout(connecting, 5_000, 'Kafka admin connect');
      await withTimeout(admin.describeCluster(), 5_000, 'Kafka describeCluster');
    } catch (error) {
      this.discardAdmin();
      throw error;
    }
  }

  async disconnect(): Promise<void> {
    this.closed = true;
    this.sleeper.wake();
    if (this.lagTimer) clearInterval(this.lagTimer);
    const producer = this.producer;
    const admin = this.admin;
    this.producer = undefined;
    this.admin = undefined;
    await Promise.all([
      ...this.subscriptions.map((subscription) => subscription.consumer.disconnect().catch(() => undefined)),
      producer?.then((p) => p.disconnect()).catch(() => undefined),
      admin?.then((a) => a.disconnect()).catch(() => undefined),
    ]);
  }

  private async consumeBatch(subscription: Subscription, payload: EachBatchPayload, onEvent: EnvelopeConsumer): Promise<void> {
    const { batch, resolveOffset, heartbeat, commitOffsetsIfNecessary, isRunning, isStale } = payload;
    const live = () => isRunning() && !isStale() && !this.closed;
    for (const message of batch.messages) {
      if (!live()) return;
      let envelope: EventEnvelope | undefined;
      try {
        envelope = fromKafkaMessage(message);
      } catch (error) {
        // Retrying cannot fix it and blocking would stop the partition: log and move on.
        this.logger.warn(
          { groupId: subscription.groupId, topic: batch.topic, partition: batch.partition, offset: message.offset, ...errorFields(error) },
          'skipping malformed Kafka message',
        );
      }
      if (envelope && !(await this.handleWithRetry(subscription, envelope, onEvent, live, heartbeat))) return;
      resolveOffset(message.offset);
      this.recordLag(subscription, batch.topic, batch.partition, Number(batch.highWatermark) - Number(message.offset) - 1);
      await commitOffsetsIfNecessary();
      await heartbeat();
    }
  }

  /** True once handled; false when the consumer stopped or lost the partition meanwhile. */
  private async handleWithRetry(
    subscription: Subscription,
    envelope: EventEnvelope,
    onEvent: EnvelopeConsumer,
    live: () => boolean,
    heartbeat: () => Promise<void>,
  ): Promise<boolean> {
    for (let attempt = 1; ; attempt++) {
      try {
        await onEvent(envelope);
        return true;
      } catch (error) {
        this.logger.warn(
          { groupId: subscription.groupId, eventId: envelope.id, type: envelope.type, attempt, ...errorFields(error) },
          'event handler failed; retrying',
        );
      }
      if (!live()) return false;
      // Sleep in slices with heartbeats, so a long backoff does not cost the partition.
      const until = Date.now() + backoffDelay(attempt, this.options.handlerBackoff);
      while (Date.now() < until) {
        await this.sleeper.sleep(Math.min(1_000, until - Date.now()));
        if (!live()) return false;
        await heartbeat();
      }
    }
  }

  private recordLag(subscription: Subscription, topic: string, partition: number, lag: number): void {
    const partitions = subscription.lag.get(topic) ?? new Map<number, number>();
    partitions.set(partition, Math.max(0, lag));
    subscription.lag.set(topic, partitions);
    const total = [...partitions.values()].reduce((sum, value) => sum + value, 0);
    this.metrics.consumerLag.set({ group: subscription.groupId, topic }, total);
  }

  /** Lag from committed offsets: also moves while a consumer is stuck or idle. */
  private startLagTimer(): void {
    if (this.lagTimer) return;
    this.lagTimer = setInterval(() => void this.refreshLag(), this.options.lagIntervalMs);
    this.lagTimer.unref();
  }

  private async refreshLag(): Promise<void> {
    try {
      const admin = await withTimeout(this.connectedAdmin(), 5_000, 'Kafka admin connect');
      for (const subscription of this.subscriptions) {
        const committed = await admin.fetchOffsets({ groupId: subscription.groupId, topics: [...subscription.topics] });
        for (const { topic, partitions } of committed) {
          const ends = await admin.fetchTopicOffsets(topic);
          const high = new Map(ends.map((end) => [end.partition, Number(end.high)]));
          const low = new Map(ends.map((end) => [end.partition, Number(end.low)]));
          for (const { partition, offset } of partitions) {
            // A committed offset is the next one to read; none yet means from the low watermark.
            const position = Number(offset) >= 0 ? Number(offset) : (low.get(partition) ?? 0);
            this.recordLag(subscription, topic, partition, (high.get(partition) ?? 0) - position);
          }
        }
      }
    } catch (error) {
      this.discardAdmin();
      this.logger.debug(errorFields(error), 'consumer lag unavailable');
    }
  }

  private connectedProducer(): Promise<Producer> {
    this.producer ??= (async () => {
      const producer = this.kafka.producer({
        idempotent: true,
        maxInFlightRequests: 1,
        // Java-compatible murmur2: the same key lands on the same partition as from any client.
        createPartitioner: Partitioners.DefaultPartitioner,
        retry: { retries: 3, initialRetryTime: 100, maxRetryTime: 1_000 },
      });
      try {
        await producer.connect();
      } catch (error) {
        await producer.disconnect().catch(() => undefined);
        throw error;
      }
      return producer;
    })();
    return this.producer;
  }

  /** A producer whose send failed may have lost its idempotence state: start a fresh one. */
  private discardProducer(failed: Promise<Producer>): void {
    if (this.producer !== failed) return;
    this.producer = undefined;
    failed.then((producer) => producer.disconnect()).catch(() => undefined);
  }

  private connectedAdmin(): Promise<Admin> {
    this.admin ??= (async () => {
      const admin = this.kafka.admin();
      await admin.connect();
      return admin;
    })();
    return this.admin;
  }

  private discardAdmin(): void {
    const admin = this.admin;
    this.admin = undefined;
    admin?.then((a) => a.disconnect()).catch(() => undefined);
  }
}

async function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} timed out after ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
