export * from './lib/seed/seed-texts';
export * from './lib/import/text-import';
