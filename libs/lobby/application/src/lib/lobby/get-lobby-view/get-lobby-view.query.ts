import { Query } from '@nestjs/cqrs';
import type { Principal } from '@tall/platform/identity';
import type { LobbyView } from '@tall/lobby/contracts';

/** The products the signed-in user's role may open, and where they left off. */
export class GetLobbyViewQuery extends Query<LobbyView> {
  constructor(readonly principal: Principal) {
    super();
  }
}
