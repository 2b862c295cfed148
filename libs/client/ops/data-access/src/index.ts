export * from './lib/operations.store';
export * from './lib/parked-events.store';
