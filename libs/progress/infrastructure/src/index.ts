export { ProgressModule, PROGRESS_INBOX_PRUNE_JOB, type ProgressModuleOptions } from './lib/progress.module';
export { PROGRESS_SCHEMA, progressMigrations, READ_MODEL_TABLES } from './lib/persistence/progress-schema';
export { PgProgressProjection } from './lib/persistence/pg-progress-projection';
export { compareReadModels, dumpReadModel, type TableDifference } from './lib/rebuild/read-model-comparison';
export { rebuildProgress, swapIntoLive, progressInUse, type RebuildOptions, type RebuildReport } from './lib/rebuild/progress-rebuild';
