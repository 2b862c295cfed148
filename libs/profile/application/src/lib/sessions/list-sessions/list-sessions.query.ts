import { Query } from '@nestjs/cqrs';
import type { Principal } from '@tall/platform/identity';
import type { SessionView } from '@tall/profile/contracts';

/** The signed-in user's live sessions, the current one marked. */
export class ListSessionsQuery extends Query<SessionView[]> {
  constructor(readonly principal: Principal) {
    super();
  }
}
