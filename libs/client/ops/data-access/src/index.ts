export * from './lib/operations.store';
