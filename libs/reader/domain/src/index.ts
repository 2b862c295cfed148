export * from './lib/seed/seed-text';
export * from './lib/atomizer/lexicon';
export * from './lib/atomizer/atomize';
export * from './lib/atomizer/reading-stats';
export * from './lib/tests/comprehension-test';
