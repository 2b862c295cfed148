export * from './reader-fixture';
