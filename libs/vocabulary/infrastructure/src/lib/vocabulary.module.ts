import { Module, type DynamicModule } from '@nestjs/common';
import type { Db, MongoClient } from 'mongodb';
import { defaultDatabaseName, MONGO_CLIENT } from '@tall/platform/database';
import {
  DICTIONARY_LOOKUP,
  DICTIONARY_STORE,
  THEMATIC_SETTINGS,
  THEMATIC_STORE,
  VOCABULARY_CLOCK,
  vocabularyCollaborators,
  vocabularyCommandHandlers,
  vocabularyQueryHandlers,
  type ThematicClock,
  type ThematicSettings,
} from '@tall/vocabulary/application';
import { LeitnerPolicy, LeitnerSettingsError } from '@tall/vocabulary/domain';
import { DictionaryLookupAdapter } from './dictionary/dictionary-lookup.adapter';
import { MongoDictionaryStore } from './dictionary/mongo-dictionary.store';
import { SEED_TOPICS_DIRECTORY, SeedLoader } from './dictionary/seed-loader';
import { VocabularyUserDeletedHandler } from './export/user-deleted.handler';
import { LearningCardsModule } from './learning/learning-cards.module';
import { DictionaryController } from './http/dictionary.controller';
import { ReviewBatchController } from './http/review-batch.controller';
import { ThematicController } from './http/thematic.controller';
import { MongoThematicStore } from './thematic/mongo-thematic.store';
import { SEED_LOADER, VOCABULARY_DB, VocabularyLifecycle } from './vocabulary-lifecycle';

export interface VocabularyModuleOptions {
  mongoUri: string;
  thematic: {
    /** THEMATIC_BOX_INTERVALS, in ms. */
    boxIntervalsMs: number[];
    /** THEMATIC_TOP_BOXES */
    topBoxes: number;
    /** THEMATIC_MASTERY_THRESHOLD */
    masteryThreshold: number;
    /** THEMATIC_SESSION_SIZE */
    sessionSize: number;
  };
  learning: {
    /** LEARNING_DESIRED_RETENTION */
    desiredRetention: number;
    /** LEARNING_COHORT_CYCLE */
    cohortCycleWeeks: number[];
  };
  /** Whose days count for intervals, "due today" and streaks. Default Europe/Amsterdam. */
  timeZone?: string;
  /** Tests only: another seed directory, and the current time. */
  seedDirectory?: string;
  clock?: ThematicClock;
}

const SETTING_VARIABLES = {
  intervals: 'THEMATIC_BOX_INTERVALS',
  topBoxes: 'THEMATIC_TOP_BOXES',
  masteryThreshold: 'THEMATIC_MASTERY_THRESHOLD',
} as const;

/** The configured Leitner policy; a setting that cannot schedule stops the start, naming its variable. */
export function leitnerPolicyOf(thematic: VocabularyModuleOptions['thematic'], timeZone: string): LeitnerPolicy {
  try {
    return new LeitnerPolicy({ intervalsMs: thematic.boxIntervalsMs, topBoxes: thematic.topBoxes, masteryThreshold: thematic.masteryThreshold, timeZone });
  } catch (error) {
    if (error instanceof LeitnerSettingsError) throw new Error(`Invalid configuration: ${SETTING_VARIABLES[error.setting]} ${error.message}`);
    throw error;
  }
}

/**
 * The vocabulary context: the school's dictionary, thematic cards (Leitner boxes per topic),
 * learning cards (LearningCardsModule: personal words, FSRS, weekly cohorts), offline sync of
 * both, GDPR export and erasure. MongoDB database `<db>_vocabulary`: `dictionary_*`,
 * `thematic_*` and `learning_*` collections.
 */
@Module({})
export class VocabularyModule {
  static forRoot(options: VocabularyModuleOptions): DynamicModule {
    const timeZone = options.timeZone ?? 'Europe/Amsterdam';
    const settings: ThematicSettings = { policy: leitnerPolicyOf(options.thematic, timeZone), sessionSize: options.thematic.sessionSize, timeZone };
    return {
      module: VocabularyModule,
      imports: [
        LearningCardsModule.forRoot({
          mongoUri: options.mongoUri,
          desiredRetention: options.learning.desiredRetention,
          cohortCycleWeeks: options.learning.cohortCycleWeeks,
          timeZone,
          clock: options.clock,
        }),
      ],
      controllers: [DictionaryController, ThematicController, ReviewBatchController],
      providers: [
        { provide: VOCABULARY_DB, inject: [MONGO_CLIENT], useFactory: (client: MongoClient) => client.db(`${defaultDatabaseName(options.mongoUri)}_vocabulary`) },
        { provide: DICTIONARY_STORE, inject: [VOCABULARY_DB], useFactory: (db: Db) => new MongoDictionaryStore(db) },
        { provide: THEMATIC_STORE, inject: [VOCABULARY_DB], useFactory: (db: Db) => new MongoThematicStore(db) },
        {
          provide: SEED_LOADER,
          inject: [DICTIONARY_STORE, VOCABULARY_DB],
          useFactory: (store: MongoDictionaryStore, db: Db) => new SeedLoader(store, db, options.seedDirectory ?? SEED_TOPICS_DIRECTORY),
        },
        { provide: DICTIONARY_LOOKUP, inject: [DICTIONARY_STORE], useFactory: (store: MongoDictionaryStore) => new DictionaryLookupAdapter(store) },
        { provide: THEMATIC_SETTINGS, useValue: settings },
        { provide: VOCABULARY_CLOCK, useValue: options.clock ?? (() => new Date()) },
        ...vocabularyCollaborators,
        ...vocabularyCommandHandlers,
        ...vocabularyQueryHandlers,
        VocabularyUserDeletedHandler,
        VocabularyLifecycle,
      ],
    };
  }
}
