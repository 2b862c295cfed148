export * from './exercises-fixture';
