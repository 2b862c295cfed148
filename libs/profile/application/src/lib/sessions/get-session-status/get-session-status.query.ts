import { Query } from '@nestjs/cqrs';
import type { SessionStatusView } from '@tall/profile/contracts';

/**
 * Whether an access token's session still runs, and the account's current role: what the
 * access-token check of every process asks when it has not cached the answer. Null: no such session.
 */
export class GetSessionStatusQuery extends Query<SessionStatusView | null> {
  constructor(readonly sessionId: string) {
    super();
  }
}
