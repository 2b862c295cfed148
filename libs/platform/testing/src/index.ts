export * from './lib/stack-env';
export * from './lib/wait-for';
