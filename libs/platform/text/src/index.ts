export * from './lib/typed-text';
