export * from './lib/dictionary/seed-format';
