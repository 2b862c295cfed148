export * from './lib/typed-text';
export * from './lib/typed-answer';
