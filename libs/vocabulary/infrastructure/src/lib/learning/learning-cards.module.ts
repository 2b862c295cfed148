import { Module, type DynamicModule } from '@nestjs/common';
import type { Db, MongoClient } from 'mongodb';
import { defaultDatabaseName, MONGO_CLIENT } from '@tall/platform/database';
import {
  LEARNING_CLOCK,
  LEARNING_DICTIONARY,
  LEARNING_SETTINGS,
  LEARNING_STORE,
  learningCollaborators,
  learningCommandHandlers,
  learningQueryHandlers,
  ROTATION_STORE,
  type Clock,
  type LearningSettings,
} from '@tall/vocabulary/application';
import { cohortCycle } from '@tall/vocabulary/domain';
import { LearningCardsController } from '../http/learning-cards.controller';
import { LearningCardsLifecycle } from './learning-cards.lifecycle';
import { ModuleRefDictionaryLookup } from './module-ref-dictionary-lookup';
import { MongoLearningStore } from './mongo-learning-store';
import { MongoRotationStore } from './mongo-rotation-store';

export interface LearningCardsModuleOptions {
  mongoUri: string;
  /** FSRS desired retention (LEARNING_DESIRED_RETENTION), 0.7..0.99. */
  desiredRetention: number;
  /** Weeks after creation a cohort is active again (LEARNING_COHORT_CYCLE), e.g. [1, 2, 4, 8]. */
  cohortCycleWeeks: number[];
  /** Calendar of cohort weeks and "today", e.g. `Europe/Amsterdam`. */
  timeZone: string;
  /** Tests only: the current time. */
  clock?: Clock;
}

const LEARNING_DB = Symbol('LEARNING_DB');

/**
 * Learning cards: personal dictionary, weekly cohorts, FSRS scheduling, the Monday rotation and
 * the reader's saved words. MongoDB database `<db>_vocabulary`, collections `learning_*`. The rest
 * of the context reaches its use cases through the command and query buses (reviews for the batch
 * endpoint, the user's data for export and erasure); the dictionary comes in through
 * `DICTIONARY_LOOKUP`, provided elsewhere in the app.
 */
@Module({})
export class LearningCardsModule {
  static forRoot(options: LearningCardsModuleOptions): DynamicModule {
    const settings: LearningSettings = {
      desiredRetention: options.desiredRetention,
      cohortCycle: cohortCycle(options.cohortCycleWeeks),
      timeZone: options.timeZone,
    };
    return {
      module: LearningCardsModule,
      controllers: [LearningCardsController],
      providers: [
        { provide: LEARNING_DB, inject: [MONGO_CLIENT], useFactory: (client: MongoClient) => client.db(`${defaultDatabaseName(options.mongoUri)}_vocabulary`) },
        { provide: LEARNING_STORE, inject: [LEARNING_DB], useFactory: (db: Db) => new MongoLearningStore(db) },
        { provide: ROTATION_STORE, inject: [LEARNING_DB], useFactory: (db: Db) => new MongoRotationStore(db) },
        { provide: LEARNING_SETTINGS, useValue: settings },
        { provide: LEARNING_CLOCK, useValue: options.clock ?? (() => new Date()) },
        { provide: LEARNING_DICTIONARY, useClass: ModuleRefDictionaryLookup },
        ...learningCollaborators,
        ...learningCommandHandlers,
        ...learningQueryHandlers,
        LearningCardsLifecycle,
      ],
    };
  }
}
