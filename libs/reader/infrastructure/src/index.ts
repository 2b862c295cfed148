export * from './lib/seed/seed-texts';
export * from './lib/import/text-import';
export { ReaderModule, type ReaderModuleOptions } from './lib/reader.module';
export { loadSeedLibrary, type SeedLoadReport } from './lib/seed/library-seed-loader';
export { readerDatabaseName } from './lib/persistence/reader-connections';
