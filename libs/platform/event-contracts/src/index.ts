export * from './lib/event-envelope';
export * from './lib/event-contract';
export * from './lib/event-registry';
export * from './lib/schema-compatibility';
