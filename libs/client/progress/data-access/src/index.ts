export * from './lib/progress.store';
