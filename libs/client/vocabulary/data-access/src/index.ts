export * from './lib/thematic.store';
export * from './lib/learning.store';
