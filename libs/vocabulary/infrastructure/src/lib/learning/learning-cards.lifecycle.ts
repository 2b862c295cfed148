import { Inject, Injectable, Optional, type BeforeApplicationShutdown, type OnApplicationBootstrap, type OnModuleInit } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import type { Db } from 'mongodb';
import { EventRouting, EventsRegistrar, type EventHandler } from '@tall/platform/events';
import { LOGGER, type Logger } from '@tall/platform/observability';
import { addWeeks, dayOf, isoWeekOf } from '@tall/platform/calendar';
import { RpcRegistry } from '@tall/platform/rpc';
import { ScheduledJobs } from '@tall/platform/scheduling';
import {
  GetPracticeCardsQuery,
  GetUserWordsQuery,
  LEARNING_CLOCK,
  LEARNING_SETTINGS,
  LEARNING_STORE,
  LearningRotationRunner,
  ROTATION_STORE,
  type Clock,
  type LearningSettings,
} from '@tall/vocabulary/application';
import { GetPracticeCards, GetUserWords, VOCABULARY_MODULE } from '@tall/vocabulary/contracts';
import { LEARNING_COLLECTIONS } from '../persistence/collections';
import type { MongoLearningStore } from './mongo-learning-store';
import type { MongoRotationStore } from './mongo-rotation-store';
import { readerWordSavedHandler } from './reader-word-saved.handler';
import { weeklyRotationHandler } from './weekly-rotation.handler';

export const LEARNING_MAINTENANCE_JOB = 'learning-cards-maintenance';
/** The vocabulary database through the driver, for the outbox relay. */
export const LEARNING_DB = Symbol('LEARNING_DB');
/** How often an instance looks for a week's rotation left unfinished (a crash, a lost lease). */
const ROTATION_CHECK_MS = 60_000;
/** Removed cards (ids only, their events published) are deleted this long after removal. */
const REMOVED_KEPT_MS = 30 * 24 * 60 * 60 * 1000;
const RECONCILE_WINDOW_MS = 2 * 24 * 60 * 60 * 1000;
const RECONCILE_PAGE = 500;
/** Students' weekly active sets are kept this many weeks (the current one stays on the student). */
const WEEKS_KEPT = 12;

@Injectable()
export class LearningCardsLifecycle implements OnModuleInit, OnApplicationBootstrap, BeforeApplicationShutdown {
  private timer: NodeJS.Timeout | undefined;

  constructor(
    @Inject(LEARNING_STORE) private readonly store: MongoLearningStore,
    @Inject(ROTATION_STORE) private readonly rotations: MongoRotationStore,
    @Inject(LEARNING_DB) private readonly db: Db,
    @Inject(LEARNING_SETTINGS) private readonly settings: LearningSettings,
    @Inject(LEARNING_CLOCK) private readonly clock: Clock,
    @Inject(LOGGER) private readonly logger: Logger,
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
    private readonly rotation: LearningRotationRunner,
    private readonly registrar: EventsRegistrar,
    private readonly routing: EventRouting,
    private readonly jobs: ScheduledJobs,
    @Optional() @Inject(RpcRegistry) private readonly rpc?: RpcRegistry,
  ) {}

  async onModuleInit(): Promise<void> {
    await Promise.all([this.store.ensureIndexes(), this.rotations.ensureIndexes()]);
    for (const collection of [LEARNING_COLLECTIONS.cards, LEARNING_COLLECTIONS.weekEvents, LEARNING_COLLECTIONS.rotations]) {
      this.registrar.registerMongoSource(this.db, collection);
    }
    this.subscribe(weeklyRotationHandler(this.commands));
    this.subscribe(readerWordSavedHandler(this.commands));
    this.rpc?.provide(GetUserWords, (input) => this.queries.execute(new GetUserWordsQuery(input.userId)));
    this.rpc?.provide(GetPracticeCards, (input) => this.queries.execute(new GetPracticeCardsQuery(input.userId, input.limit)));
    this.jobs.register({
      name: LEARNING_MAINTENANCE_JOB,
      cron: '50 4 * * *',
      timeZone: this.settings.timeZone,
      period: (date) => dayOf(date, this.settings.timeZone),
      run: ({ signal }) => this.maintain(signal),
    });
  }

  onApplicationBootstrap(): void {
    // Finishes a rotation an instance left unfinished; cheap when there is none (one small query).
    this.rotation.kick();
    this.timer = setInterval(() => this.rotation.kick(), ROTATION_CHECK_MS);
    this.timer.unref();
  }

  async beforeApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.rotation.idle();
  }

  /** Daily: cohort sizes rechecked for students whose words changed lately; removed cards purged. */
  private async maintain(signal: AbortSignal): Promise<void> {
    const now = this.clock();
    let reconciled = 0;
    let after: string | null = null;
    for (;;) {
      const students = await this.store.changedStudents(new Date(now.getTime() - RECONCILE_WINDOW_MS), after, RECONCILE_PAGE);
      for (const userId of students) {
        if (signal.aborted) return;
        if (await this.store.reconcileCohortSizes(userId, now)) reconciled += 1;
      }
      if (students.length < RECONCILE_PAGE) break;
      after = students[students.length - 1];
    }
    const purged = await this.store.purgeRemoved(new Date(now.getTime() - REMOVED_KEPT_MS));
    const weeks = await this.rotations.purgeWeeksBefore(addWeeks(isoWeekOf(now, this.settings.timeZone), -WEEKS_KEPT));
    this.logger.info({ reconciled, purged, weeks }, 'learning cards maintenance done');
  }

  /** A topic only a context missing from this build publishes (the reader, today) cannot be subscribed to. */
  private subscribe(handler: EventHandler): void {
    const unpublished = handler.topics.filter((topic) => !this.routing.publisherOf(topic));
    if (unpublished.length > 0) {
      this.logger.warn({ handler: handler.name, topics: unpublished }, 'no module of this build publishes these topics: handler not subscribed');
      return;
    }
    this.registrar.registerHandler(VOCABULARY_MODULE.name, handler);
  }
}
