export * from './listening-fixture';
