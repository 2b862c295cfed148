import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { UserDisabled, UserEnabled, type UserView } from '@tall/profile/contracts';
import { AdministrationPolicy } from '@tall/profile/domain';
import { CLOCK, type Clock } from '../../ports/credentials.port';
import { PROFILE_STORE, type ProfileStore } from '../../ports/profile-store.port';
import { profileEvent } from '../../profile-events';
import { revokeSessions } from '../../sessions/revoke-sessions';
import { enforcePolicy, lockAdministeredAccount } from '../administered-account';
import { toUserView } from '../user-view';
import { SetUserDisabledCommand } from './set-user-disabled.command';

/** Idempotent; disabling ends the account's sessions at once. */
@CommandHandler(SetUserDisabledCommand)
export class SetUserDisabledHandler implements ICommandHandler<SetUserDisabledCommand> {
  constructor(
    @Inject(PROFILE_STORE) private readonly store: ProfileStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ actor, userId, disabled }: SetUserDisabledCommand): Promise<UserView> {
    return this.store.transaction(async (tx) => {
      const target = await lockAdministeredAccount(tx, userId);
      enforcePolicy(AdministrationPolicy.mayChangeStatus(actor, target), disabled ? 'disable this account' : 'enable this account');
      const status = disabled ? 'disabled' : 'active';
      if (target.status === status) return toUserView(target);
      const now = this.clock.now();
      await tx.users.update(target.id, { status, updatedAt: now });
      if (disabled) {
        tx.publish(profileEvent(UserDisabled, { userId: target.id, role: target.role }, target.id));
        await revokeSessions(tx, target.id, 'accountDisabled', now);
      } else {
        tx.publish(profileEvent(UserEnabled, { userId: target.id, role: target.role }, target.id));
      }
      return toUserView({ ...target, status });
    });
  }
}
