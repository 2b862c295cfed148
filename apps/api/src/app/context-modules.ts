import type { DynamicModule, Type } from '@nestjs/common';
import type { AppConfig } from '@tall/platform/config';
import { PII_MODULE } from '@tall/pii/contracts';
import { PiiModule } from '@tall/pii/infrastructure';
import { PROGRESS_MODULE } from '@tall/progress/contracts';
import { ProgressModule } from '@tall/progress/infrastructure';
import { LOBBY_MODULE } from '@tall/lobby/contracts';
import { LobbyModule } from '@tall/lobby/infrastructure';
import { PROFILE_MODULE } from '@tall/profile/contracts';
import { ProfileModule } from '@tall/profile/infrastructure';
import { SYSTEM_MODULE } from '@tall/system/contracts';
import { SystemModule } from '@tall/system/infrastructure';
import { READER_MODULE } from '@tall/reader/contracts';
import { ReaderModule } from '@tall/reader/infrastructure';
import { LISTENING_MODULE } from '@tall/listening/contracts';
import { ListeningModule } from '@tall/listening/infrastructure';
import { EXERCISES_MODULE } from '@tall/exercises/contracts';
import { ExercisesModule } from '@tall/exercises/infrastructure';
import { VOCABULARY_MODULE } from '@tall/vocabulary/contracts';
import { VocabularyModule } from '@tall/vocabulary/infrastructure';
import { ADMIN_MODULE } from '@tall/admin/contracts';
import { AdminModule } from '@tall/admin/infrastructure';

export interface ContextModule {
  name: string;
  /** Topics this context publishes: decides whether its events reach others in memory or via Kafka. */
  publishes: readonly string[];
  module: (config: AppConfig) => DynamicModule | Type;
}

/** Every bounded context this build can host; `MODULES` picks among them. */
export const CONTEXT_MODULES: ContextModule[] = [
  { ...SYSTEM_MODULE, module: () => SystemModule },
  { ...PROFILE_MODULE, module: (config) => ProfileModule.forRoot(profileOptions(config)) },
  { ...PII_MODULE, module: () => PiiModule },
  { ...PROGRESS_MODULE, module: (config) => ProgressModule.forRoot({ kafkaBrokers: config.KAFKA_BROKERS, kafkaClientId: config.KAFKA_CLIENT_ID }) },
  {
    ...LOBBY_MODULE,
    module: (config) => LobbyModule.forRoot({ mongoUri: config.MONGODB_URI, builtModules: () => CONTEXT_MODULES.map((context) => context.name) }),
  },
  { ...VOCABULARY_MODULE, module: (config) => VocabularyModule.forRoot(vocabularyOptions(config)) },
  { ...READER_MODULE, module: (config) => ReaderModule.forRoot({ mongoUri: config.MONGODB_URI }) },
  { ...LISTENING_MODULE, module: (config) => ListeningModule.forRoot({ mongoUri: config.MONGODB_URI, urlTtlSeconds: config.LISTENING_URL_TTL_SECONDS }) },
  { ...EXERCISES_MODULE, module: (config) => ExercisesModule.forRoot({ mongoUri: config.MONGODB_URI }) },
  { ...ADMIN_MODULE, module: (config) => AdminModule.forRoot({ mongoUri: config.MONGODB_URI }) },
];

function profileOptions(config: AppConfig) {
  if (Boolean(config.ADMIN_EMAIL) !== Boolean(config.ADMIN_PASSWORD)) {
    throw new Error('ADMIN_EMAIL and ADMIN_PASSWORD go together: set both or neither');
  }
  return {
    databaseUrl: config.DATABASE_URL,
    poolSize: config.DATABASE_POOL_SIZE,
    registrationOpen: config.REGISTRATION === 'open',
    authRateLimitPerMinute: config.AUTH_RATE_LIMIT_PER_MINUTE,
    authAccountRateLimitPerMinute: config.AUTH_ACCOUNT_RATE_LIMIT_PER_MINUTE,
    defaultClientVersions: { web: config.MIN_CLIENT_VERSION_WEB, android: config.MIN_CLIENT_VERSION_ANDROID, desktop: config.MIN_CLIENT_VERSION_DESKTOP },
    admin: config.ADMIN_EMAIL && config.ADMIN_PASSWORD ? { email: config.ADMIN_EMAIL, password: config.ADMIN_PASSWORD } : undefined,
  };
}

function vocabularyOptions(config: AppConfig) {
  return {
    mongoUri: config.MONGODB_URI,
    thematic: {
      boxIntervalsMs: config.THEMATIC_BOX_INTERVALS,
      topBoxes: config.THEMATIC_TOP_BOXES,
      masteryThreshold: config.THEMATIC_MASTERY_THRESHOLD,
      sessionSize: config.THEMATIC_SESSION_SIZE,
    },
    learning: { desiredRetention: config.LEARNING_DESIRED_RETENTION, cohortCycleWeeks: config.LEARNING_COHORT_CYCLE },
  };
}
