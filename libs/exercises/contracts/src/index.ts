export * from './lib/exercise-events';
export * from './lib/exercises-module';
export * from './lib/http/exercises-http';
