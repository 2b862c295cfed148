import { Inject, Injectable, Module, type OnModuleInit } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { consumerGroupOf, KafkaEventBroker, type EnvelopeConsumer, type EventBroker } from '@tall/platform/events';
import { errors } from '@tall/platform/http';
import type { Principal } from '@tall/platform/identity';
import { createLogger } from '@tall/platform/observability';
import { RpcRegistry } from '@tall/platform/rpc';
import { startPlatformTestApp } from '@tall/platform/test-app';
import { stackEnv, uniqueName, waitFor } from '@tall/platform/testing';
import { GetDisplayNames, PII_MODULE } from '@tall/pii/contracts';
import { PROFILE_MODULE } from '@tall/profile/contracts';
import { PROGRESS_MODULE, type ProgressSourceTopics } from '@tall/progress/contracts';
import { READER_MODULE } from '@tall/reader/contracts';
import { LISTENING_MODULE } from '@tall/listening/contracts';
import { EXERCISES_MODULE } from '@tall/exercises/contracts';
import { withKafkaAdmin } from '../lib/kafka/topic-history';
import { ProgressModule } from '../lib/progress.module';

/** Test-only topic names, so a test consumes and replays only what it produced. */
export function testTopics(): ProgressSourceTopics {
  const suffix = uniqueName('t').replace(/_/g, '.');
  return {
    users: `user.events.v2.${suffix}`,
    thematicCards: `vocab.cards.v1.${suffix}`,
    thematicProgress: `vocab.progress.v1.${suffix}`,
    learningCards: `learning.cards.v1.${suffix}`,
    learningSchedule: `learning.schedule.v1.${suffix}`,
    reading: `reader.events.v1.${suffix}`,
    watching: `video.events.v1.${suffix}`,
    videoAnswers: `video.results.v1.${suffix}`,
    exercises: `exercise.results.v1.${suffix}`,
  };
}

/** Stands in for pii: names of the ids it knows, or a 503 while `down`. */
export class FakePii {
  down = false;
  readonly names = new Map<string, { firstName: string; lastName: string }>();
  readonly asked: Array<{ userIds: string[]; purpose: string; reader?: string }> = [];
}

@Injectable()
class FakePiiCalls implements OnModuleInit {
  constructor(
    @Inject(RpcRegistry) private readonly rpc: RpcRegistry,
    @Inject(FakePii) private readonly pii: FakePii,
  ) {}

  onModuleInit(): void {
    this.rpc.provide(GetDisplayNames, async ({ userIds, purpose }, context) => {
      this.pii.asked.push({ userIds, purpose, reader: context.principal?.userId });
      if (this.pii.down) throw errors.unavailable('pii');
      return { names: userIds.flatMap((userId) => { const name = this.pii.names.get(userId); return name ? [{ userId, ...name }] : []; }) };
    });
  }
}

/** The platform's Kafka broker under a consumer group of this test's own (groups are per module name). */
class IsolatedGroupBroker implements EventBroker {
  constructor(
    private readonly inner: KafkaEventBroker,
    private readonly suffix: string,
  ) {}
  produce = (envelopes: Parameters<EventBroker['produce']>[0]) => this.inner.produce(envelopes);
  subscribe = (groupId: string, topics: readonly string[], onEvent: EnvelopeConsumer) => this.inner.subscribe(`${groupId}.${this.suffix}`, topics, onEvent);
  ensureTopics = (topics: readonly string[]) => this.inner.ensureTopics(topics);
  healthCheck = () => this.inner.healthCheck();
  disconnect = () => this.inner.disconnect();
}

export interface ProgressTestApp {
  app: NestFastifyApplication;
  pii: FakePii;
  topics: ProgressSourceTopics;
  /** The platform's producer, as a relay in another process would use it. */
  broker: KafkaEventBroker;
  /** Resolves once the progress consumer group has processed everything in its topics. */
  caughtUp(timeoutMs?: number): Promise<void>;
  tokenFor(principal: Principal): Promise<string>;
  close(): Promise<void>;
}

/**
 * The progress context hosted alone, as in its own process: profile, vocabulary, the reader,
 * listening and exercises "run elsewhere", so every event reaches the handlers through Kafka; pii answers names in-process.
 */
export async function startProgressApp(options: { databaseUrl: string; topics: ProgressSourceTopics }): Promise<ProgressTestApp> {
  const stack = stackEnv();
  const logger = createLogger({ level: process.env['TEST_LOG_LEVEL'] ?? 'silent' });
  const brokers = stack.KAFKA_BROKERS.split(',');
  const topics = options.topics;
  const modules = [
    { name: PROFILE_MODULE.name, publishes: [topics.users] },
    { name: 'vocabulary', publishes: [topics.thematicCards, topics.thematicProgress, topics.learningCards, topics.learningSchedule] },
    { name: READER_MODULE.name, publishes: [topics.reading] },
    { name: LISTENING_MODULE.name, publishes: [topics.watching, topics.videoAnswers] },
    { name: EXERCISES_MODULE.name, publishes: [topics.exercises] },
    { name: PII_MODULE.name, publishes: [] },
    { name: PROGRESS_MODULE.name, publishes: [] },
  ];
  const hosted = [PROGRESS_MODULE.name, PII_MODULE.name];
  const kafka = new KafkaEventBroker({ brokers, clientId: 'progress-int', logger });
  const producer = new KafkaEventBroker({ brokers, clientId: 'progress-int-producer', logger });
  const pii = new FakePii();
  const groupSuffix = uniqueName('g');

  @Module({ providers: [{ provide: FakePii, useValue: pii }, FakePiiCalls] })
  class FakePiiModule {}

  const platform = await startPlatformTestApp({
    name: 'progress-int',
    databaseUrl: options.databaseUrl,
    config: { CRON_ENABLED: 'false', LOG_LEVEL: 'silent' },
    logger,
    modules,
    hostedModules: hosted,
    events: { broker: new IsolatedGroupBroker(kafka, groupSuffix) },
    secrets: 'stack',
    rpc: { modules: modules.map((module) => module.name) },
    postgresPoolSize: 6,
    imports: [FakePiiModule, ProgressModule.forRoot({ kafkaBrokers: brokers, topics })],
  });
  const app = platform.app;
  return {
    app,
    pii,
    topics,
    broker: producer,
    caughtUp: (timeoutMs = 60_000) =>
      waitFor(
        () =>
          withKafkaAdmin(brokers, 'progress-int-lag', async (admin) => {
            for (const topic of Object.values(topics)) {
              const ends = await admin.fetchTopicOffsets(topic);
              const [committed] = await admin.fetchOffsets({ groupId: `${consumerGroupOf(PROGRESS_MODULE.name)}.${groupSuffix}`, topics: [topic] });
              for (const end of ends) {
                const offset = committed?.partitions.find((partition) => partition.partition === end.partition)?.offset ?? '-1';
                if (Number(end.high) > 0 && Number(offset) < Number(end.high)) return false;
              }
            }
            return true;
          }),
        { timeoutMs, intervalMs: 250, what: 'the progress consumer group to catch up' },
      ).then(() => undefined),
    tokenFor: platform.tokenFor,
    close: async () => {
      await platform.close();
      await producer.disconnect();
    },
  };
}
