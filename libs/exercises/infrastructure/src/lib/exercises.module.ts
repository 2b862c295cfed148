import { Inject, Injectable, Module, Optional, type DynamicModule, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import type { MongoClient } from 'mongodb';
import type { Model } from 'mongoose';
import {
  EXERCISE_CATALOG,
  exercisesCollaborators,
  exercisesCommandHandlers,
  exercisesQueryHandlers,
  EXERCISES_CLOCK,
  ExportExercisesDataQuery,
  PRACTICE_WORD_SOURCE,
  STUDENT_EXERCISE_STORE,
  WEEKLY_SET_STORE,
  type ExercisesClock,
} from '@tall/exercises/application';
import { EXERCISES_MODULE, ExportExercisesData } from '@tall/exercises/contracts';
import { MONGO_CLIENT } from '@tall/platform/database';
import { EventsRegistrar } from '@tall/platform/events';
import { BackgroundPreparation, HealthRegistry, LOGGER, type Logger } from '@tall/platform/observability';
import { RpcClient, RpcRegistry } from '@tall/platform/rpc';
import { ExercisesController } from './http/exercises.controller';
import { ExercisesErrorMapper } from './http/exercises-error.mapper';
import { exercisesConnectionProvider, exercisesDatabaseName, exercisesModelProviders } from './persistence/exercises-connection';
import {
  AUTHORED_EXERCISE_MODEL,
  EXERCISES_MODELS,
  EXERCISES_OUTBOX_COLLECTIONS,
  STUDENT_EXERCISES_MODEL,
  WEEKLY_SET_MODEL,
  type AuthoredExerciseDocument,
  type StudentExercisesDocument,
  type WeeklySetDocument,
} from './persistence/exercises-models';
import { MongoExerciseCatalog } from './persistence/mongo-exercise-catalog';
import { MongoStudentExerciseStore } from './persistence/mongo-student-exercise-store';
import { MongoWeeklySetStore } from './persistence/mongo-weekly-set-store';
import { loadSeedExercises } from './seed/exercise-seed-loader';
import { readSeedExercises, SEED_EXERCISES_DIR } from './seed/seed-exercises';
import { ExercisesUserDeletedHandler } from './user-data/exercises-user-deleted.handler';
import { RpcPracticeWordSource } from './words/rpc-practice-word-source';

export interface ExercisesModuleOptions {
  mongoUri: string;
  /** Tests: another seed directory, and the current time. */
  seedDirectory?: string;
  clock?: ExercisesClock;
}

const EXERCISES_OPTIONS = Symbol('EXERCISES_OPTIONS');

/**
 * Start-up, as the reader's: the outbox source, the erasure handler, the export call, then the
 * indexes and the seed exercises, retried in the background while MongoDB does not answer
 * (readiness reports the exercises as down until then).
 */
@Injectable()
class ExercisesLifecycle implements OnModuleInit, OnApplicationShutdown {
  private readonly preparation: BackgroundPreparation;

  constructor(
    @Inject(EXERCISES_OPTIONS) private readonly options: ExercisesModuleOptions,
    @Inject(MONGO_CLIENT) private readonly client: MongoClient,
    @Inject(EXERCISE_CATALOG) private readonly catalog: MongoExerciseCatalog,
    @Inject(WEEKLY_SET_STORE) private readonly sets: MongoWeeklySetStore,
    @Inject(AUTHORED_EXERCISE_MODEL.token) private readonly authored: Model<AuthoredExerciseDocument>,
    @Inject(QueryBus) private readonly queries: QueryBus,
    @Inject(ExercisesUserDeletedHandler) private readonly userDeleted: ExercisesUserDeletedHandler,
    @Inject(EventsRegistrar) private readonly registrar: EventsRegistrar,
    @Inject(HealthRegistry) health: HealthRegistry,
    @Inject(LOGGER) private readonly logger: Logger,
    @Optional() @Inject(RpcRegistry) private readonly rpc?: RpcRegistry,
  ) {
    this.preparation = new BackgroundPreparation({ name: 'exercises-catalog', subject: 'the exercises', prepare: () => this.prepare(), health, logger });
  }

  async onModuleInit(): Promise<void> {
    const db = this.client.db(exercisesDatabaseName(this.options.mongoUri));
    for (const collection of EXERCISES_OUTBOX_COLLECTIONS) this.registrar.registerMongoSource(db, collection);
    this.registrar.registerWhenPublished(EXERCISES_MODULE.name, this.userDeleted);
    this.rpc?.provide(ExportExercisesData, (input) => this.queries.execute(new ExportExercisesDataQuery(input.userId)));
    await this.preparation.start();
  }

  onApplicationShutdown(): void {
    // Not awaited: a try hanging on an unreachable database must not hold the shutdown.
    void this.preparation.stop();
  }

  private async prepare(): Promise<void> {
    await Promise.all([this.catalog.ensureIndexes(), this.sets.ensureIndexes()]);
    const report = await loadSeedExercises(this.authored, readSeedExercises(this.options.seedDirectory ?? SEED_EXERCISES_DIR));
    this.catalog.invalidate();
    this.logger.info({ ...report }, 'exercises seed loaded');
  }
}

/**
 * The exercises context: the school's exercises (order, match, buckets, cloze), each student's
 * weekly set made from their words, and attempts graded on the server. MongoDB database
 * `<db>_exercises` through mongoose; the words come from vocabulary's contract.
 */
@Module({})
export class ExercisesModule {
  static forRoot(options: ExercisesModuleOptions): DynamicModule {
    return {
      module: ExercisesModule,
      controllers: [ExercisesController],
      providers: [
        { provide: EXERCISES_OPTIONS, useValue: options },
        exercisesConnectionProvider(options.mongoUri),
        ...exercisesModelProviders(...EXERCISES_MODELS),
        {
          provide: EXERCISE_CATALOG,
          inject: [AUTHORED_EXERCISE_MODEL.token, LOGGER],
          useFactory: (exercises: Model<AuthoredExerciseDocument>, logger: Logger) => new MongoExerciseCatalog(exercises, { logger }),
        },
        { provide: STUDENT_EXERCISE_STORE, inject: [STUDENT_EXERCISES_MODEL.token], useFactory: (students: Model<StudentExercisesDocument>) => new MongoStudentExerciseStore(students) },
        { provide: WEEKLY_SET_STORE, inject: [WEEKLY_SET_MODEL.token], useFactory: (sets: Model<WeeklySetDocument>) => new MongoWeeklySetStore(sets) },
        { provide: PRACTICE_WORD_SOURCE, inject: [RpcClient], useFactory: (rpc: RpcClient) => new RpcPracticeWordSource(rpc) },
        { provide: EXERCISES_CLOCK, useValue: options.clock ?? (() => new Date()) },
        ...exercisesCollaborators,
        ...exercisesQueryHandlers,
        ...exercisesCommandHandlers,
        ExercisesErrorMapper,
        ExercisesUserDeletedHandler,
        ExercisesLifecycle,
      ],
    };
  }
}
