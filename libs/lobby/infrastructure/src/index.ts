export { LobbyModule, LOBBY_INBOX_TRIM_JOB, type LobbyModuleOptions } from './lib/lobby.module';
export { LOBBY_MODULE } from '@tall/lobby/contracts';
