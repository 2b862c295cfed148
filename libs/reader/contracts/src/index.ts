export * from './lib/reader-events';
