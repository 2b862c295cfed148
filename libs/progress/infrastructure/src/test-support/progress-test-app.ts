import { Inject, Injectable, Module, type OnModuleInit } from '@nestjs/common';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { Test } from '@nestjs/testing';
import { randomUUID } from 'node:crypto';
import { AccessTokenIssuer, AuthModule, type Principal } from '@tall/platform/auth';
import { APP_INFO, ConfigModule, loadConfig } from '@tall/platform/config';
import { DatabaseModule } from '@tall/platform/database';
import { consumerGroupOf, EventsModule, KafkaEventBroker, type EnvelopeConsumer, type EventBroker } from '@tall/platform/events';
import { configureHttp, errors, HttpPlatformModule } from '@tall/platform/http';
import { createLogger, ObservabilityModule } from '@tall/platform/observability';
import { RpcModule, RpcRegistry } from '@tall/platform/rpc';
import { SchedulingModule } from '@tall/platform/scheduling';
import { SecretsModule } from '@tall/platform/secrets';
import { stackEnv, uniqueName, waitFor } from '@tall/platform/testing';
import { GetDisplayNames, PII_MODULE } from '@tall/pii/contracts';
import { PROFILE_MODULE } from '@tall/profile/contracts';
import { PROGRESS_MODULE, type ProgressSourceTopics } from '@tall/progress/contracts';
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

/** Kept here for this lib's tests: the platform's testing lib now has it. */
export { freshDatabase } from '@tall/platform/testing';

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
 * The progress context hosted alone, as in its own process: profile and vocabulary "run
 * elsewhere", so every event reaches the handlers through Kafka; pii answers names in-process.
 */
export async function startProgressApp(options: { databaseUrl: string; topics: ProgressSourceTopics }): Promise<ProgressTestApp> {
  const stack = stackEnv();
  const config = loadConfig({ ...stack, DATABASE_URL: options.databaseUrl, CRON_ENABLED: 'false', LOG_LEVEL: 'silent' });
  const logger = createLogger({ level: process.env['TEST_LOG_LEVEL'] ?? 'silent' });
  const brokers = stack.KAFKA_BROKERS.split(',');
  const topics = options.topics;
  const modules = [
    { name: PROFILE_MODULE.name, publishes: [topics.users] },
    { name: 'vocabulary', publishes: [topics.thematicCards, topics.thematicProgress, topics.learningCards, topics.learningSchedule] },
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

  const moduleRef = await Test.createTestingModule({
    imports: [
      ConfigModule.forRoot(config),
      ObservabilityModule.forRoot({ logger }),
      HttpPlatformModule.forRoot({ minimumClientVersions: { web: '1.0.0', android: '1.0.0', desktop: '1.0.0' } }),
      DatabaseModule.forRoot({ postgresUrl: config.DATABASE_URL, postgresPoolSize: 6, mongoUri: config.MONGODB_URI }),
      EventsModule.forRoot({ clientId: 'progress-int', modules, hostedModules: hosted, logger, broker: new IsolatedGroupBroker(kafka, groupSuffix) }),
      SchedulingModule.forRoot({ enabled: false }),
      SecretsModule.forRoot({
        driver: 'aws',
        region: stack.AWS_REGION,
        endpoint: stack.AWS_ENDPOINT_URL_SECRETS_MANAGER,
        credentials: { accessKeyId: stack.AWS_ACCESS_KEY_ID, secretAccessKey: stack.AWS_SECRET_ACCESS_KEY },
      }),
      RpcModule.forRoot({ modules: modules.map((module) => module.name), hostedModules: hosted, signingSecretName: 'tall/test/rpc-key' }),
      AuthModule.forRoot({ keys: { kind: 'secret', secretName: 'tall/test/progress-int-jwt', issuer: true } }),
      FakePiiModule,
      ProgressModule.forRoot({ kafkaBrokers: brokers, topics }),
    ],
    providers: [
      { provide: APP_INFO, useValue: { name: 'Tall', version: 'test', instanceId: randomUUID(), hostedModules: hosted, startedAt: new Date().toISOString() } },
    ],
  }).compile();
  const app = moduleRef.createNestApplication<NestFastifyApplication>(new FastifyAdapter());
  configureHttp(app, logger);
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
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
    tokenFor: async (principal) => (await app.get(AccessTokenIssuer).issue(principal)).accessToken,
    close: async () => {
      await app.close();
      await producer.disconnect();
    },
  };
}
