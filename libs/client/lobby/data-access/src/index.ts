export * from './lib/lobby.store';
