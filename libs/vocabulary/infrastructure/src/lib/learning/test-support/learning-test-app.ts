import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { Module, type DynamicModule } from '@nestjs/common';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { Test } from '@nestjs/testing';
import { MongoClient, type Db } from 'mongodb';
import { Client } from 'pg';
import { AccessTokenIssuer, AuthModule, type Principal } from '@tall/platform/auth';
import type { EventEnvelope } from '@tall/platform/event-contracts';
import { DatabaseModule } from '@tall/platform/database';
import { EventsModule, LocalEventBus } from '@tall/platform/events';
import { configureHttp, HttpPlatformModule } from '@tall/platform/http';
import { createLogger, ObservabilityModule } from '@tall/platform/observability';
import { SchedulingModule } from '@tall/platform/scheduling';
import { SecretsModule } from '@tall/platform/secrets';
import { stackEnv, uniqueName, waitFor } from '@tall/platform/testing';
import { ReaderTopics } from '@tall/reader/contracts';
import { SYSTEM_MODULE } from '@tall/system/contracts';
import { DICTIONARY_LOOKUP, LearningRotationService, type DictionaryLookup, type DictionaryLookupWord } from '@tall/vocabulary/application';
import { VOCABULARY_MODULE, VocabularyTopics } from '@tall/vocabulary/contracts';
import { LearningCardsModule } from '../learning-cards.module';

/** A clock the test moves. */
export class TestClock {
  constructor(public now = new Date()) {}
  set(iso: string): void {
    this.now = new Date(iso);
  }
  advance(ms: number): void {
    this.now = new Date(this.now.getTime() + ms);
  }
  readonly read = (): Date => new Date(this.now.getTime());
}

/** Stands in for the dictionary (the other half of this context), behind the port learning cards use. */
export class TestDictionary implements DictionaryLookup {
  readonly words = new Map<string, DictionaryLookupWord>();
  async findWord(wordId: string): Promise<DictionaryLookupWord | null> {
    return this.words.get(wordId) ?? null;
  }
}

export interface LearningTestApp {
  app: NestFastifyApplication;
  clock: TestClock;
  dictionary: TestDictionary;
  /** The vocabulary database (`<db>_vocabulary`). */
  db: Db;
  /** Every event relayed from the learning outboxes, in order. */
  published: EventEnvelope[];
  rotation: LearningRotationService;
  tokenFor(userId: string): Promise<string>;
  /** Bodies are asserted field by field, so they are read untyped. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  request(method: string, url: string, userId: string | null, payload?: unknown, role?: Principal['role']): Promise<{ status: number; body: any }>;
  /** Feeds an event to this app's handlers as the relay would. */
  deliver(envelope: EventEnvelope): Promise<void>;
  /** Waits until the learning outboxes are drained. */
  drained(): Promise<void>;
  close(): Promise<void>;
}

export interface LearningTestAppOptions {
  cohortCycleWeeks?: number[];
  desiredRetention?: number;
  start?: string;
  /** Use this MongoDB database name (a restart test reuses one); default a fresh one. */
  mongoDatabase?: string;
  /** Keep the databases on close (a restart test). */
  keep?: boolean;
}

/**
 * LearningCardsModule in a Nest app with the real platform modules on the local stack (MongoDB,
 * PostgreSQL for the scheduler's tables): its controllers, handlers, outbox sources and relay.
 * The system and reader contexts are declared (they publish the topics consumed) but their
 * events are fed by the test.
 */
export async function startLearningTestApp(options: LearningTestAppOptions = {}): Promise<LearningTestApp> {
  const stack = stackEnv();
  const pgName = uniqueName('learning_int').toLowerCase();
  const mongoName = options.mongoDatabase ?? uniqueName('learning_int');
  const admin = new Client({ connectionString: stack.DATABASE_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${pgName}`);
  await admin.end();
  const databaseUrl = stack.DATABASE_URL.replace(/\/[^/?]+(\?|$)/, `/${pgName}$1`);
  const mongoUri = stack.MONGODB_URI.replace(/\/[^/?]+(\?|$)/, `/${mongoName}$1`);
  const directory = mkdtempSync(join(tmpdir(), 'tall-learning-'));
  const logger = createLogger({ level: 'silent' });
  const clock = new TestClock(new Date(options.start ?? '2026-11-25T10:00:00Z'));
  const dictionary = new TestDictionary();
  const modules = [
    { name: VOCABULARY_MODULE.name, publishes: [...VOCABULARY_MODULE.publishes] },
    { name: SYSTEM_MODULE.name, publishes: [...SYSTEM_MODULE.publishes] },
    { name: 'reader', publishes: [ReaderTopics.words] },
  ];

  @Module({ providers: [{ provide: DICTIONARY_LOOKUP, useValue: dictionary }] })
  class TestDictionaryModule {}

  const imports: Array<DynamicModule | typeof TestDictionaryModule> = [
    ObservabilityModule.forRoot({ logger }),
    HttpPlatformModule.forRoot({ minimumClientVersions: { web: '1.0.0', android: '1.0.0', desktop: '1.0.0' } }),
    DatabaseModule.forRoot({ postgresUrl: databaseUrl, postgresPoolSize: 3, mongoUri }),
    EventsModule.forRoot({ clientId: 'learning-int', modules, hostedModules: modules.map((module) => module.name), logger, relay: { pollIntervalMs: 25 } }),
    SchedulingModule.forRoot({ enabled: false }),
    SecretsModule.forRoot({ driver: 'local', file: join(directory, 'secrets.json') }),
    AuthModule.forRoot({ keys: { kind: 'secret', secretName: 'test/learning-jwt', issuer: true } }),
    TestDictionaryModule,
    LearningCardsModule.forRoot({
      mongoUri,
      desiredRetention: options.desiredRetention ?? 0.9,
      cohortCycleWeeks: options.cohortCycleWeeks ?? [1, 2, 4, 8],
      timeZone: 'Europe/Amsterdam',
      clock: clock.read,
    }),
  ];
  const moduleRef = await Test.createTestingModule({ imports }).compile();
  const app = moduleRef.createNestApplication<NestFastifyApplication>(new FastifyAdapter());
  configureHttp(app, logger);
  await app.init();
  await app.getHttpAdapter().getInstance().ready();

  const published: EventEnvelope[] = [];
  const learningTopics: string[] = [VocabularyTopics.learningCards, VocabularyTopics.learningSchedule];
  app.get(LocalEventBus).subscribe({
    name: `test.capture.${randomUUID()}`,
    topics: learningTopics,
    handle: async (envelope) => void published.push(envelope),
  });

  const mongo = new MongoClient(mongoUri);
  await mongo.connect();
  const db = mongo.db(`${mongoName}_vocabulary`);
  const issuer = app.get(AccessTokenIssuer);
  const tokenFor = async (userId: string, role: Principal['role'] = 'STUDENT') =>
    (await issuer.issue({ userId, role, sessionId: randomUUID() })).accessToken;

  return {
    app,
    clock,
    dictionary,
    db,
    published,
    rotation: app.get(LearningRotationService),
    tokenFor: (userId) => tokenFor(userId),
    async request(method, url, userId, payload, role = 'STUDENT') {
      const headers: Record<string, string> = userId ? { authorization: `Bearer ${await tokenFor(userId, role)}` } : {};
      if (payload !== undefined) headers['content-type'] = 'application/json';
      const response = await app.inject({
        method: method as 'GET',
        url: `/api/v1/vocabulary${url}`,
        headers,
        payload: payload === undefined ? undefined : JSON.stringify(payload),
      });
      return { status: response.statusCode, body: response.body ? response.json() : undefined };
    },
    deliver: (envelope) => app.get(LocalEventBus).dispatch(envelope),
    async drained() {
      await waitFor(
        async () => {
          const pending = await Promise.all(
            ['learning_cards', 'learning_week_events', 'learning_rotations'].map((name) => db.collection(name).countDocuments({ _outboxPending: true })),
          );
          return pending.every((count) => count === 0);
        },
        { timeoutMs: 20_000, what: 'the learning outboxes to drain' },
      );
    },
    async close() {
      await app.close();
      if (!options.keep) await db.dropDatabase().catch(() => undefined);
      await mongo.close();
      rmSync(directory, { recursive: true, force: true });
      const client = new Client({ connectionString: stack.DATABASE_URL });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${pgName} WITH (FORCE)`).catch(() => undefined);
      await client.end();
    },
  };
}
