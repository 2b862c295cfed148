export * from './lib/progress-module';
export * from './lib/progress-topics';
export * from './lib/http/progress-http';
