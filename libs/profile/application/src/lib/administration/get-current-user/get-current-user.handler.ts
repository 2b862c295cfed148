import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { UserView } from '@tall/profile/contracts';
import { ProfileError } from '@tall/profile/domain';
import { PROFILE_STORE, type ProfileStore } from '../../ports/profile-store.port';
import { toUserView } from '../user-view';
import { GetCurrentUserQuery } from './get-current-user.query';

@QueryHandler(GetCurrentUserQuery)
export class GetCurrentUserHandler implements IQueryHandler<GetCurrentUserQuery> {
  constructor(@Inject(PROFILE_STORE) private readonly store: ProfileStore) {}

  async execute({ userId }: GetCurrentUserQuery): Promise<UserView> {
    const user = await this.store.read((tx) => tx.users.findById(userId));
    if (!user || user.status === 'pending') throw new ProfileError('USER_NOT_FOUND', 'No such user');
    return toUserView(user);
  }
}
