export * from './lib/pii-topics';
export * from './lib/personal-data';
export * from './lib/email-blind-index';
export * from './lib/pii-events';
export * from './lib/pii-calls';
export * from './lib/pii-http';
