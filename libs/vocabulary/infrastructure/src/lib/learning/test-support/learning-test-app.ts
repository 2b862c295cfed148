import { randomUUID } from 'node:crypto';
import { Module } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { MongoClient, type Db } from 'mongodb';
import type { EventEnvelope } from '@tall/platform/event-contracts';
import { LocalEventBus } from '@tall/platform/events';
import type { Principal } from '@tall/platform/identity';
import { createLogger } from '@tall/platform/observability';
import { freshDatabase, stackEnv, uniqueName, waitFor } from '@tall/platform/testing';
import { startPlatformTestApp } from '@tall/platform/test-app';
import { ReaderTopics } from '@tall/reader/contracts';
import { SYSTEM_MODULE } from '@tall/system/contracts';
import { DICTIONARY_LOOKUP, LearningRotationRunner, type DictionaryLookup, type DictionaryLookupWord } from '@tall/vocabulary/application';
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
  rotation: LearningRotationRunner;
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
  const pg = await freshDatabase('learning');
  const mongoName = options.mongoDatabase ?? uniqueName('learning_int');
  const mongoUri = stack.MONGODB_URI.replace(/\/[^/?]+(\?|$)/, `/${mongoName}$1`);
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

  const platform = await startPlatformTestApp({
    name: 'learning-int',
    databaseUrl: pg.url,
    mongoUri,
    logger,
    modules,
    hostedModules: modules.map((module) => module.name),
    events: { relay: { pollIntervalMs: 25 } },
    rpc: false,
    imports: [
      TestDictionaryModule,
      LearningCardsModule.forRoot({
        mongoUri,
        desiredRetention: options.desiredRetention ?? 0.9,
        cohortCycleWeeks: options.cohortCycleWeeks ?? [1, 2, 4, 8],
        timeZone: 'Europe/Amsterdam',
        clock: clock.read,
      }),
    ],
  });
  const app = platform.app;

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
  const tokenFor = async (userId: string, role: Principal['role'] = 'STUDENT') =>
    platform.tokenFor({ userId, role, sessionId: randomUUID() });

  return {
    app,
    clock,
    dictionary,
    db,
    published,
    rotation: app.get(LearningRotationRunner),
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
      await platform.close();
      if (!options.keep) await db.dropDatabase().catch(() => undefined);
      await mongo.close();
      await pg.drop();
    },
  };
}
