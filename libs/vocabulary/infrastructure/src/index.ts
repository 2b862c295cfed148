export * from './lib/learning';
export { VocabularyModule, leitnerPolicyOf, type VocabularyModuleOptions } from './lib/vocabulary.module';
export { THEMATIC_RECOVERY_JOB } from './lib/vocabulary-lifecycle';
export { SEED_TOPICS_DIRECTORY, readSeed, SeedLoader, type SeedLoadReport } from './lib/dictionary/seed-loader';
export { VOCABULARY_MODULE } from '@tall/vocabulary/contracts';
