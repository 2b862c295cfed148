export * from './lib/remote-call';
export * from './lib/user-data-export';
