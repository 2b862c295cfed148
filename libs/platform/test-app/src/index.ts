export * from './lib/platform-test-app';
