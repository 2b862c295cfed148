import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { LobbyView } from '@tall/lobby/contracts';
import { lobbyView } from '@tall/lobby/domain';
import { BUILT_MODULES, LOBBY_STORE, type LobbyStore } from '../../ports/lobby-store.port';
import { lobbyRoleOf } from '../lobby-role';
import { GetLobbyViewQuery } from './get-lobby-view.query';

/** Products of modules not in this build show as coming soon. */
@QueryHandler(GetLobbyViewQuery)
export class GetLobbyViewHandler implements IQueryHandler<GetLobbyViewQuery> {
  private readonly built: ReadonlySet<string>;

  constructor(
    @Inject(LOBBY_STORE) private readonly store: LobbyStore,
    @Inject(BUILT_MODULES) builtModules: readonly string[],
  ) {
    this.built = new Set(builtModules);
  }

  async execute({ principal }: GetLobbyViewQuery): Promise<LobbyView> {
    const [role, context] = await Promise.all([lobbyRoleOf(this.store, principal), this.store.context(principal.userId)]);
    return lobbyView(role, this.built, context);
  }
}
