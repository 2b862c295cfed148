export * from './lib/system-topics';
export * from './lib/system-events';
export * from './lib/system-http';
