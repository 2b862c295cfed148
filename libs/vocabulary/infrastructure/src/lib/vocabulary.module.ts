import { Module, type DynamicModule } from '@nestjs/common';
import type { MongoClient } from 'mongodb';
import type { Model } from 'mongoose';
import { MONGO_CLIENT } from '@tall/platform/database';
import {
  DICTIONARY_CHANGES,
  DICTIONARY_CONTENT_STORE,
  DICTIONARY_LOOKUP,
  DICTIONARY_STORE,
  type DictionaryStore,
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
import { CachedDictionaryStore } from './dictionary/cached-dictionary.store';
import { DictionaryContentUpdatedHandler } from './dictionary/content-updated.handler';
import { DictionaryLookupAdapter } from './dictionary/dictionary-lookup.adapter';
import { MongoDictionaryContentStore } from './dictionary/mongo-dictionary-content.store';
import { MongoDictionaryStore } from './dictionary/mongo-dictionary.store';
import { SEED_TOPICS_DIRECTORY, SeedLoader } from './dictionary/seed-loader';
import { VocabularyUserDeletedHandler } from './export/user-deleted.handler';
import { LearningCardsModule } from './learning/learning-cards.module';
import { DictionaryController } from './http/dictionary.controller';
import { ReviewBatchController } from './http/review-batch.controller';
import { ThematicController } from './http/thematic.controller';
import { DICTIONARY_SEED_LOAD_MODEL, type SeedLoadDocument } from './persistence/dictionary-seed-load.schema';
import { DICTIONARY_TOPIC_MODEL, type TopicDocument } from './persistence/dictionary-topic.schema';
import { DICTIONARY_WORD_MODEL, type WordDocument } from './persistence/dictionary-word.schema';
import { THEMATIC_CARD_MODEL, type ThematicCardDocument } from './persistence/thematic-card.schema';
import { THEMATIC_PROGRESS_MODEL, type ThematicProgressDocument } from './persistence/thematic-progress.schema';
import { THEMATIC_REVIEW_MODEL, type ThematicReviewDocument } from './persistence/thematic-review.schema';
import { modelProviders, vocabularyConnectionProvider, vocabularyDatabaseName } from './persistence/vocabulary-connection';
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
 * `thematic_*` and `learning_*` collections, written and read through the mongoose models of
 * `persistence/` (ADR 12); the outbox relay reads them through the driver.
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
        vocabularyConnectionProvider(options.mongoUri),
        ...modelProviders(DICTIONARY_TOPIC_MODEL, DICTIONARY_WORD_MODEL, DICTIONARY_SEED_LOAD_MODEL, THEMATIC_CARD_MODEL, THEMATIC_REVIEW_MODEL, THEMATIC_PROGRESS_MODEL),
        // The outbox relay reads the thematic collections through the driver.
        { provide: VOCABULARY_DB, inject: [MONGO_CLIENT], useFactory: (client: MongoClient) => client.db(vocabularyDatabaseName(options.mongoUri)) },
        {
          provide: MongoDictionaryStore,
          inject: [DICTIONARY_TOPIC_MODEL.token, DICTIONARY_WORD_MODEL.token],
          useFactory: (topics: Model<TopicDocument>, words: Model<WordDocument>) => new MongoDictionaryStore(topics, words),
        },
        {
          provide: DICTIONARY_CONTENT_STORE,
          inject: [DICTIONARY_TOPIC_MODEL.token, DICTIONARY_WORD_MODEL.token],
          useFactory: (topics: Model<TopicDocument>, words: Model<WordDocument>) => new MongoDictionaryContentStore(topics, words),
        },
        // Requests read the dictionary from memory (see CachedDictionaryStore); an admin's change here is served at once.
        { provide: CachedDictionaryStore, inject: [DICTIONARY_CONTENT_STORE], useFactory: (store: MongoDictionaryContentStore) => new CachedDictionaryStore(store) },
        { provide: DICTIONARY_STORE, useExisting: CachedDictionaryStore },
        { provide: DICTIONARY_CHANGES, inject: [CachedDictionaryStore], useFactory: (cache: CachedDictionaryStore) => ({ changed: () => cache.invalidate() }) },
        {
          provide: THEMATIC_STORE,
          inject: [THEMATIC_CARD_MODEL.token, THEMATIC_REVIEW_MODEL.token, THEMATIC_PROGRESS_MODEL.token],
          useFactory: (cards: Model<ThematicCardDocument>, reviews: Model<ThematicReviewDocument>, progress: Model<ThematicProgressDocument>) =>
            new MongoThematicStore(cards, reviews, progress),
        },
        {
          provide: SEED_LOADER,
          inject: [DICTIONARY_TOPIC_MODEL.token, DICTIONARY_WORD_MODEL.token, DICTIONARY_SEED_LOAD_MODEL.token],
          useFactory: (topics: Model<TopicDocument>, words: Model<WordDocument>, loads: Model<SeedLoadDocument>) =>
            new SeedLoader({ topics, words, loads }, options.seedDirectory ?? SEED_TOPICS_DIRECTORY),
        },
        { provide: DICTIONARY_LOOKUP, inject: [DICTIONARY_STORE], useFactory: (store: DictionaryStore) => new DictionaryLookupAdapter(store) },
        { provide: THEMATIC_SETTINGS, useValue: settings },
        { provide: VOCABULARY_CLOCK, useValue: options.clock ?? (() => new Date()) },
        ...vocabularyCollaborators,
        ...vocabularyCommandHandlers,
        ...vocabularyQueryHandlers,
        VocabularyUserDeletedHandler,
        DictionaryContentUpdatedHandler,
        VocabularyLifecycle,
      ],
    };
  }
}
