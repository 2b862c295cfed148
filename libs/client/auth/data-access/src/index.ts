export * from './lib/auth.store';
export * from './lib/device';
