export * from './lib/activity-policy';
export * from './lib/review-policy';
export * from './lib/progress-facts';
export * from './lib/student-record';
export * from './lib/reading-policy';
export * from './lib/listening-policy';
export * from './lib/exercise-policy';
