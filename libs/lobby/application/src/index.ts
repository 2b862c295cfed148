import { GetLobbyViewHandler } from './lib/lobby/get-lobby-view/get-lobby-view.handler';
import { SaveNavigationContextHandler } from './lib/lobby/save-navigation-context/save-navigation-context.handler';
import { ForgetUserHandler } from './lib/roles/forget-user/forget-user.handler';
import { LearnRoleHandler } from './lib/roles/learn-role/learn-role.handler';
import { ExportLobbyDataHandler } from './lib/user-data/export-lobby-data/export-lobby-data.handler';

export * from './lib/ports/lobby-store.port';
export * from './lib/lobby-error';

export * from './lib/lobby/get-lobby-view/get-lobby-view.query';
export * from './lib/lobby/save-navigation-context/save-navigation-context.command';
export * from './lib/roles/learn-role/learn-role.command';
export * from './lib/roles/forget-user/forget-user.command';
export * from './lib/user-data/export-lobby-data/export-lobby-data.query';

export const lobbyQueryHandlers = [GetLobbyViewHandler, ExportLobbyDataHandler];
export const lobbyCommandHandlers = [SaveNavigationContextHandler, LearnRoleHandler, ForgetUserHandler];
