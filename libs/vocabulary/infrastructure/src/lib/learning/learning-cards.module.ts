import { Module, type DynamicModule } from '@nestjs/common';
import type { MongoClient } from 'mongodb';
import type { Model } from 'mongoose';
import { MONGO_CLIENT } from '@tall/platform/database';
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
import { LEARNING_CARD_MODEL, type LearningCardDocument } from '../persistence/learning-card.schema';
import { LEARNING_REVIEW_MODEL, type LearningReviewDocument } from '../persistence/learning-review.schema';
import { LEARNING_ROTATION_MODEL, type LearningRotationDocument } from '../persistence/learning-rotation.schema';
import { LEARNING_STUDENT_MODEL, type LearningStudentDocument } from '../persistence/learning-student.schema';
import { LEARNING_WEEK_EVENTS_MODEL, type LearningWeekEventsDocument } from '../persistence/learning-week-events.schema';
import { LEARNING_WEEK_MODEL, type LearningWeekDocument } from '../persistence/learning-week.schema';
import { modelProviders, vocabularyConnectionProvider, vocabularyDatabaseName } from '../persistence/vocabulary-connection';
import { LEARNING_DB, LearningCardsLifecycle } from './learning-cards.lifecycle';
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
        vocabularyConnectionProvider(options.mongoUri),
        ...modelProviders(LEARNING_CARD_MODEL, LEARNING_REVIEW_MODEL, LEARNING_STUDENT_MODEL, LEARNING_WEEK_MODEL, LEARNING_WEEK_EVENTS_MODEL, LEARNING_ROTATION_MODEL),
        // The outbox relay reads the learning collections through the driver.
        { provide: LEARNING_DB, inject: [MONGO_CLIENT], useFactory: (client: MongoClient) => client.db(vocabularyDatabaseName(options.mongoUri)) },
        {
          provide: LEARNING_STORE,
          inject: [LEARNING_CARD_MODEL.token, LEARNING_REVIEW_MODEL.token, LEARNING_STUDENT_MODEL.token, LEARNING_WEEK_MODEL.token],
          useFactory: (cards: Model<LearningCardDocument>, reviews: Model<LearningReviewDocument>, students: Model<LearningStudentDocument>, weeks: Model<LearningWeekDocument>) =>
            new MongoLearningStore(cards, reviews, students, weeks),
        },
        {
          provide: ROTATION_STORE,
          inject: [LEARNING_ROTATION_MODEL.token, LEARNING_WEEK_MODEL.token, LEARNING_WEEK_EVENTS_MODEL.token, LEARNING_STUDENT_MODEL.token],
          useFactory: (
            rotations: Model<LearningRotationDocument>,
            weeks: Model<LearningWeekDocument>,
            weekEvents: Model<LearningWeekEventsDocument>,
            students: Model<LearningStudentDocument>,
          ) => new MongoRotationStore(rotations, weeks, weekEvents, students),
        },
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
