export * from './lib/seed/seed-texts';
