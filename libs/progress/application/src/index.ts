export * from './lib/progress-ports';
export * from './lib/progress-refusal';
export * from './lib/progress-event-handlers';
export * from './lib/progress-queries';
export * from './lib/students-csv';
