// Ports and settings the infrastructure binds.
export * from './lib/dictionary/dictionary-store.port';
export * from './lib/dictionary/dictionary-content-store.port';
export * from './lib/thematic/thematic-settings';
export * from './lib/thematic/thematic-store.port';
export * from './lib/learning/dictionary-lookup.port';
export * from './lib/learning/learning-settings';
export * from './lib/learning/learning-store.port';
export * from './lib/learning/rotation-store.port';
export { LearningRotationRunner, ROTATION_BATCH_SIZE, ROTATION_LEASE_MS } from './lib/learning/learning-rotation-runner';

// Messages and their results.
export * from './lib/dictionary/list-topics/list-topics.query';
export * from './lib/dictionary/list-topic-words/list-topic-words.query';
export * from './lib/dictionary/get-reader-lexicon/get-reader-lexicon.query';
export * from './lib/dictionary/get-level-words/get-level-words.query';
export * from './lib/dictionary/list-dictionary-content/list-dictionary-content.query';
export * from './lib/dictionary/publish-dictionary-entry/publish-dictionary-entry.command';
export * from './lib/dictionary/archive-dictionary-entry/archive-dictionary-entry.command';
export * from './lib/thematic/draw-thematic-session/draw-thematic-session.query';
export * from './lib/thematic/review-thematic-card/review-thematic-card.command';
export * from './lib/thematic/recover-thematic-reviews/recover-thematic-reviews.command';
export * from './lib/thematic/get-thematic-stats/get-thematic-stats.query';
export * from './lib/learning/list-my-words/list-my-words.query';
export * from './lib/learning/add-my-word/add-my-word.command';
export * from './lib/learning/add-reader-word/add-reader-word.command';
export { readerCardId } from './lib/learning/add-reader-word/add-reader-word.handler';
export * from './lib/learning/remove-my-word/remove-my-word.command';
export * from './lib/learning/review-learning-card/review-learning-card.command';
export * from './lib/learning/get-today-queue/get-today-queue.query';
export * from './lib/learning/get-my-schedule/get-my-schedule.query';
export * from './lib/learning/get-learning-stats/get-learning-stats.query';
export * from './lib/learning/get-user-words/get-user-words.query';
export * from './lib/learning/get-practice-cards/get-practice-cards.query';
export * from './lib/learning/export-learning-data/export-learning-data.query';
export * from './lib/learning/erase-learning-data/erase-learning-data.command';
export * from './lib/learning/request-week-rotation/request-week-rotation.command';
export * from './lib/sync/sync-review-batch/sync-review-batch.command';
export * from './lib/export/export-vocabulary-data/export-vocabulary-data.query';
export * from './lib/export/erase-vocabulary-data/erase-vocabulary-data.command';

// Handler arrays, one set per Nest module.
export * from './lib/vocabulary-handlers';
export * from './lib/learning/learning-handlers';
