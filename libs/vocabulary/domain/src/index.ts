export * from './lib/dictionary/seed-format';
export * from './lib/dictionary/dictionary-word';
export * from './lib/dictionary/word-id';
export * from './lib/thematic/leitner-policy';
export * from './lib/thematic/answer-check';
export * from './lib/thematic/streak';
export * from './lib/learning';
export * from './lib/vocabulary-error';
