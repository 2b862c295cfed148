import { Inject, Injectable, Module, type OnModuleInit } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { MongoClient, type Db } from 'mongodb';
import type { EventEnvelope } from '@tall/platform/event-contracts';
import { EventsRegistrar } from '@tall/platform/events';
import type { Principal } from '@tall/platform/identity';
import { createLogger } from '@tall/platform/observability';
import { stackEnv, uniqueName, waitFor } from '@tall/platform/testing';
import { startPlatformTestApp } from '@tall/platform/test-app';
import { ADMIN_MODULE } from '@tall/admin/contracts';
import { PROFILE_MODULE } from '@tall/profile/contracts';
import { VOCABULARY_MODULE, VocabularyTopics } from '@tall/vocabulary/contracts';
import { VocabularyModule } from '../lib/vocabulary.module';

/** A small seed of two topics: nouns with de and het, a plural-only noun, irregular, regular and separable verbs. */
export const FIXTURE_SEED_DIRECTORY = join(__dirname, 'seed-fixture/topics');

/** The time the app sees; tests move it to walk cards through the boxes. */
export class TestClock {
  constructor(public now = new Date('2026-03-02T09:00:00Z')) {}
  advanceDays(days: number): Date {
    this.now = new Date(this.now.getTime() + days * 24 * 60 * 60 * 1000);
    return this.now;
  }
}

/** Every thematic event the context published, as the progress context would receive it. */
export class PublishedEvents {
  readonly envelopes: EventEnvelope[] = [];
  of(type: string, userId?: string): EventEnvelope[] {
    return this.envelopes.filter((envelope) => envelope.type === type && (!userId || (envelope.payload as { userId?: string }).userId === userId));
  }
}

@Injectable()
class EventRecorder implements OnModuleInit {
  constructor(
    @Inject(EventsRegistrar) private readonly registrar: EventsRegistrar,
    @Inject(PublishedEvents) private readonly published: PublishedEvents,
  ) {}

  onModuleInit(): void {
    this.registrar.registerHandler(VOCABULARY_MODULE.name, {
      name: 'test.recordThematicEvents',
      topics: [VocabularyTopics.thematicCards, VocabularyTopics.thematicProgress, VocabularyTopics.learningCards],
      handle: async (envelope) => void this.published.envelopes.push(envelope),
    });
  }
}

export interface VocabularyTestApp {
  app: NestFastifyApplication;
  clock: TestClock;
  events: PublishedEvents;
  /** The context's own database. */
  db: Db;
  request(method: 'GET' | 'POST' | 'DELETE', url: string, who?: Principal, payload?: unknown): Promise<{ status: number; body: any }>; // eslint-disable-line @typescript-eslint/no-explicit-any
  close(): Promise<void>;
}

export interface VocabularyTestAppOptions {
  seedDirectory?: string;
  thematic?: Partial<{ boxIntervalsMs: number[]; topBoxes: number; masteryThreshold: number; sessionSize: number }>;
}

const DAY = 24 * 60 * 60 * 1000;

/** The vocabulary context in a Nest app with the real platform modules on the local stack, in a database of its own. */
export async function startVocabularyApp(options: VocabularyTestAppOptions = {}): Promise<VocabularyTestApp> {
  const stack = stackEnv();
  const database = uniqueName('vocab_int').toLowerCase();
  const mongoUri = stack.MONGODB_URI.replace(/\/[^/?]+(\?|$)/, `/${database}$1`);
  const logger = createLogger({ level: 'silent' });
  const clock = new TestClock();
  const events = new PublishedEvents();
  const modules = [VOCABULARY_MODULE, PROFILE_MODULE, ADMIN_MODULE].map(({ name, publishes }) => ({ name, publishes: [...publishes] }));
  const hosted = [VOCABULARY_MODULE.name];

  @Module({ providers: [{ provide: PublishedEvents, useValue: events }, EventRecorder] })
  class EventRecorderModule {}

  const platform = await startPlatformTestApp({
    name: 'vocabulary-int',
    databaseUrl: stack.DATABASE_URL,
    mongoUri,
    config: { MONGODB_URI: mongoUri, KAFKA_BROKERS: '' },
    logger,
    modules,
    hostedModules: hosted,
    // Profile's and the admin context's events reach the handlers in memory, as in a full build.
    events: { hostedModules: [...hosted, PROFILE_MODULE.name, ADMIN_MODULE.name], relay: { pollIntervalMs: 50 } },
    scheduling: { migrate: false },
    secrets: 'stack',
    rpc: { requiredCalls: ['exportUserData'] },
    postgresPoolSize: 2,
    imports: [
      EventRecorderModule,
      VocabularyModule.forRoot({
        mongoUri,
        thematic: {
          boxIntervalsMs: options.thematic?.boxIntervalsMs ?? [0, 1 * DAY, 3 * DAY, 7 * DAY, 14 * DAY, 30 * DAY, 90 * DAY],
          topBoxes: options.thematic?.topBoxes ?? 2,
          masteryThreshold: options.thematic?.masteryThreshold ?? 0.9,
          sessionSize: options.thematic?.sessionSize ?? 10,
        },
        learning: { desiredRetention: 0.9, cohortCycleWeeks: [1, 2, 4, 8] },
        seedDirectory: options.seedDirectory ?? FIXTURE_SEED_DIRECTORY,
        clock: () => clock.now,
      }),
    ],
  });
  const app = platform.app;
  await waitFor(async () => (await app.inject({ method: 'GET', url: '/health/ready' })).statusCode === 200, { what: 'the vocabulary app to be ready' });

  const client = new MongoClient(stack.MONGODB_URI);
  await client.connect();
  const db = client.db(`${database}_vocabulary`);
  return {
    app,
    clock,
    events,
    db,
    async request(method, url, who, payload) {
      const headers: Record<string, string> = who ? { authorization: `Bearer ${await platform.tokenFor(who)}` } : {};
      if (payload !== undefined) headers['content-type'] = 'application/json';
      const response = await app.inject({ method, url: `/api/v1/vocabulary${url}`, headers, payload: payload === undefined ? undefined : JSON.stringify(payload) });
      return { status: response.statusCode, body: response.body ? response.json() : undefined };
    },
    async close() {
      await platform.close();
      await db.dropDatabase().catch(() => undefined);
      await client.close();
    },
  };
}

export function student(): Principal {
  return { userId: randomUUID(), role: 'STUDENT', sessionId: randomUUID() };
}
