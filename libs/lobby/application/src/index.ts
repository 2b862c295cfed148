export * from './lib/lobby-store.port';
export * from './lib/lobby.service';
export * from './lib/lobby-roles.handler';
