export * from './lib/account.store';
