export * from './lib/review-outbox';
export * from './lib/offline.store';
