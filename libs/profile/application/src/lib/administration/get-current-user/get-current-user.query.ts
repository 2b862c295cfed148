import { Query } from '@nestjs/cqrs';
import type { UserView } from '@tall/profile/contracts';

/** The signed-in account: id, role, status, created. */
export class GetCurrentUserQuery extends Query<UserView> {
  constructor(readonly userId: string) {
    super();
  }
}
