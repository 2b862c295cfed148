export * from './lib/exercise/exercise';
export * from './lib/exercise/exercise-problems';
export * from './lib/exercise/sentence-parts';
export * from './lib/exercise/public-exercise';
export * from './lib/exercise/grade-exercise';
export * from './lib/weekly/weekly-ids';
export * from './lib/weekly/weekly-set';
export * from './lib/seed/seed-exercise';
