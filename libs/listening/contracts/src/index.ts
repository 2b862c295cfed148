export * from './lib/listening-events';
export * from './lib/listening-module';
export * from './lib/http/listening-http';
