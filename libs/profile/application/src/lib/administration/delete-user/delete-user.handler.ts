import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { AdministrationPolicy, ProfileError } from '@tall/profile/domain';
import { PROFILE_STORE, type ProfileStore } from '../../ports/profile-store.port';
import { AccountErasure } from '../account-erasure';
import { enforcePolicy } from '../administered-account';
import { DeleteUserCommand } from './delete-user.command';

@CommandHandler(DeleteUserCommand)
export class DeleteUserHandler implements ICommandHandler<DeleteUserCommand> {
  constructor(
    @Inject(PROFILE_STORE) private readonly store: ProfileStore,
    private readonly erasure: AccountErasure,
  ) {}

  async execute({ actor, userId }: DeleteUserCommand): Promise<void> {
    const result = await this.store.transaction(async (tx) => {
      const target = await tx.users.findById(userId, { lock: 'update' });
      if (!target || target.status === 'pending') throw new ProfileError('USER_NOT_FOUND', 'No such user');
      enforcePolicy(AdministrationPolicy.mayDelete(actor, target), 'erase this account');
      return this.erasure.erase(tx, target);
    });
    if (result.outcome === 'alreadyDeleted') throw new ProfileError('USER_DELETED', 'This account was already erased');
  }
}
