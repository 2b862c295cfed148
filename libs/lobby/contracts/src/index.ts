export * from './lib/lobby-http';
export * from './lib/lobby-module';
