import { Inject, Injectable, Module, type DynamicModule, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import type { Pool } from 'pg';
import { migrateSchema, PG_POOL } from '@tall/platform/database';
import { EventRouting, EventsRegistrar, PgInbox, type EventHandler } from '@tall/platform/events';
import { LOGGER, type Logger } from '@tall/platform/observability';
import { RpcClient, RpcRegistry } from '@tall/platform/rpc';
import { dayOf } from '@tall/platform/calendar';
import { ScheduledJobs } from '@tall/platform/scheduling';
import {
  DISPLAY_NAMES,
  ExportProgressDataQuery,
  PROGRESS_CLOCK,
  PROGRESS_LOGGER,
  PROGRESS_PROJECTION,
  PROGRESS_READ_STORE,
  progressCommandHandlers,
  progressQueryHandlers,
  type Clock,
  type ProgressLogger,
} from '@tall/progress/application';
import { ExportProgressData, PROGRESS_MODULE, PROGRESS_SOURCE_TOPICS, PROGRESS_TIME_ZONE, type ProgressSourceTopics } from '@tall/progress/contracts';
import { progressEventHandlers } from './events/progress-event-handlers';
import { ProgressErrorMapper } from './http/progress-error.mapper';
import { MyProgressController, TeacherStudentsController } from './http/progress.controllers';
import { keepTopicHistory, withKafkaAdmin } from './kafka/topic-history';
import { PgProgressProjection } from './persistence/pg-progress-projection';
import { PgProgressReadStore } from './persistence/pg-progress-read-store';
import { PROGRESS_SCHEMA, progressMigrations } from './persistence/progress-schema';
import { PiiDisplayNames } from './pii-display-names';

export interface ProgressModuleOptions {
  /** The app's brokers: the topics progress replays are then set to keep their whole history. */
  kafkaBrokers?: string[];
  kafkaClientId?: string;
  /** Default `progress`; tests use their own. */
  schema?: string;
  /** Default PROGRESS_SOURCE_TOPICS; tests use their own topics. */
  topics?: ProgressSourceTopics;
}

export const PROGRESS_OPTIONS = Symbol('PROGRESS_OPTIONS');
export const PROGRESS_INBOX_PRUNE_JOB = 'progress-inbox-prune';
/** Longer than any redelivery: outbox retries take minutes, and a rebuild writes into a fresh schema. */
const INBOX_KEEP_DAYS = 30;

@Injectable()
class ProgressLifecycle implements OnModuleInit, OnApplicationShutdown {
  private stopped = false;

  constructor(
    @Inject(PROGRESS_OPTIONS) private readonly options: ProgressModuleOptions,
    @Inject(PG_POOL) private readonly pool: Pool,
    @Inject(CommandBus) private readonly commands: CommandBus,
    @Inject(QueryBus) private readonly queries: QueryBus,
    @Inject(PROGRESS_LOGGER) private readonly progressLogger: ProgressLogger,
    @Inject(EventsRegistrar) private readonly registrar: EventsRegistrar,
    @Inject(EventRouting) private readonly routing: EventRouting,
    @Inject(RpcRegistry) private readonly rpc: RpcRegistry,
    @Inject(ScheduledJobs) private readonly jobs: ScheduledJobs,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  async onModuleInit(): Promise<void> {
    const schema = this.options.schema ?? PROGRESS_SCHEMA;
    await migrateSchema(this.pool, schema, progressMigrations(schema));
    for (const handler of progressEventHandlers(this.commands, { topics: this.options.topics, logger: this.progressLogger })) this.subscribe(handler);
    this.rpc.provide(ExportProgressData, ({ userId }) => this.queries.execute(new ExportProgressDataQuery(userId)));
    const inbox = new PgInbox(schema);
    this.jobs.register({
      name: PROGRESS_INBOX_PRUNE_JOB,
      cron: '50 4 * * *',
      timeZone: PROGRESS_TIME_ZONE,
      period: (date) => dayOf(date, PROGRESS_TIME_ZONE),
      run: async () => inbox.prune(this.pool, new Date(Date.now() - INBOX_KEEP_DAYS * 86_400_000)),
    });
    if (this.options.kafkaBrokers?.length) void this.keepHistory(this.options.kafkaBrokers);
  }

  onApplicationShutdown(): void {
    this.stopped = true;
  }

  /** A build without the publishing context (vocabulary not built yet, say) has nothing to deliver: skip. */
  private subscribe(handler: EventHandler): void {
    const unpublished = handler.topics.filter((topic) => !this.routing.publisherOf(topic));
    if (unpublished.length > 0) {
      this.logger.warn({ handler: handler.name, topics: unpublished }, 'no module of this build publishes these topics: handler not subscribed');
      return;
    }
    this.registrar.registerHandler(PROGRESS_MODULE.name, handler);
  }

  /** In the background: topics appear when their publishers' processes first start. */
  private async keepHistory(brokers: string[]): Promise<void> {
    let pending = Object.values(this.options.topics ?? PROGRESS_SOURCE_TOPICS).filter((topic) => this.routing.publisherOf(topic));
    for (let attempt = 1; pending.length > 0 && !this.stopped; attempt++) {
      try {
        pending = await withKafkaAdmin(brokers, `${this.options.kafkaClientId ?? 'tall'}-progress-admin`, (admin) => keepTopicHistory(admin, pending, this.logger));
      } catch (error) {
        if (attempt % 10 === 1) this.logger.warn({ attempt, err: error instanceof Error ? error.message : String(error) }, 'could not set the retention of the topics progress replays; retrying');
      }
      if (pending.length > 0) await new Promise((resolve) => setTimeout(resolve, Math.min(60_000, 1_000 * 2 ** Math.min(attempt, 6))).unref());
    }
  }
}

/**
 * The progress context: a read model of every student's learning, built only from events
 * (PostgreSQL schema `progress`), and the student and teacher views of it.
 */
@Module({})
export class ProgressModule {
  static forRoot(options: ProgressModuleOptions = {}): DynamicModule {
    const schema = options.schema ?? PROGRESS_SCHEMA;
    return {
      module: ProgressModule,
      controllers: [MyProgressController, TeacherStudentsController],
      providers: [
        { provide: PROGRESS_OPTIONS, useValue: options },
        ...progressQueryHandlers,
        ...progressCommandHandlers,
        { provide: PROGRESS_PROJECTION, inject: [PG_POOL], useFactory: (pool: Pool) => new PgProgressProjection(pool, schema) },
        { provide: PROGRESS_READ_STORE, inject: [PG_POOL], useFactory: (pool: Pool) => new PgProgressReadStore(pool, schema) },
        { provide: DISPLAY_NAMES, inject: [RpcClient], useFactory: (rpc: RpcClient) => new PiiDisplayNames(rpc) },
        { provide: PROGRESS_CLOCK, useValue: { now: () => new Date() } satisfies Clock },
        { provide: PROGRESS_LOGGER, inject: [LOGGER], useFactory: (logger: Logger): ProgressLogger => logger.child({ component: 'progress' }) },
        ProgressErrorMapper,
        ProgressLifecycle,
      ],
    };
  }
}
