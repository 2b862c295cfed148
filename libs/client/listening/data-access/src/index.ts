export * from './lib/listening-types';
export * from './lib/listening-api';
export * from './lib/timed-questions';
export * from './lib/watch-clock';
export * from './lib/viewing-reporter';
export * from './lib/video-library.store';
export * from './lib/player.store';
