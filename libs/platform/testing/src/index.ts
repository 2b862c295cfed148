export * from './lib/stack-env';
export * from './lib/wait-for';
export * from './lib/fresh-database';
export * from './lib/epub-fixture';
