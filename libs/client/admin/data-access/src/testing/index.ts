export * from './content-fixture';
