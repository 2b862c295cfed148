export * from './lib/vocabulary-topics';
export * from './lib/vocabulary-events';
export * from './lib/vocabulary-module';
export * from './lib/http/review-http';
export * from './lib/http/thematic-http';
export * from './lib/http/dictionary-http';
export * from './lib/http/learning-http';
export * from './lib/vocabulary-calls';
