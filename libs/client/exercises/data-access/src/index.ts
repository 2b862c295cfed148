export * from './lib/exercise-types';
export * from './lib/exercises-api';
export * from './lib/exercise-answers';
export * from './lib/catalog.store';
export * from './lib/weekly.store';
export * from './lib/exercise.store';
