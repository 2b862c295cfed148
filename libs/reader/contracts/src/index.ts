export * from './lib/reader-events';
export * from './lib/reader-module';
export * from './lib/http/reader-http';
