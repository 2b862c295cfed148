import { Query } from '@nestjs/cqrs';
import type { UserList, UserRole } from '@tall/profile/contracts';
import type { Actor } from '@tall/profile/domain';

export interface UserListFilter {
  role?: UserRole;
  page?: number;
  pageSize?: number;
}

/** A page of the accounts the actor may manage, with their names. */
export class ListUsersQuery extends Query<UserList> {
  constructor(
    readonly actor: Actor,
    readonly filter: UserListFilter,
  ) {
    super();
  }
}
