export * from './lib/users.store';
