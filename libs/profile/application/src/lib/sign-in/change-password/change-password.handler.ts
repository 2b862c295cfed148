import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { UserUpdated } from '@tall/profile/contracts';
import { ProfileError } from '@tall/profile/domain';
import { AccountCreation } from '../../accounts/account-creation';
import { CLOCK, PASSWORD_HASHER, type Clock, type PasswordHasher } from '../../ports/credentials.port';
import { PROFILE_STORE, type ProfileStore } from '../../ports/profile-store.port';
import { profileEvent } from '../../profile-events';
import { revokeSessions } from '../../sessions/revoke-sessions';
import { CredentialCheck } from '../credential-check';
import { ChangePasswordCommand } from './change-password.command';

/** Every other session of the user ends; the one making the change stays signed in. */
@CommandHandler(ChangePasswordCommand)
export class ChangePasswordHandler implements ICommandHandler<ChangePasswordCommand> {
  constructor(
    @Inject(PROFILE_STORE) private readonly store: ProfileStore,
    @Inject(PASSWORD_HASHER) private readonly hasher: PasswordHasher,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly credentials: CredentialCheck,
    private readonly accounts: AccountCreation,
  ) {}

  async execute({ principal, currentPassword, newPassword }: ChangePasswordCommand): Promise<void> {
    const user = await this.store.read((tx) => tx.users.findById(principal.userId));
    if (!user || user.status !== 'active') throw new ProfileError('ACCOUNT_DISABLED', 'This account cannot change its password');
    try {
      await this.credentials.verify(user.emailIndex, user, currentPassword, { publishFailures: false });
    } catch (error) {
      if (error instanceof ProfileError && error.code === 'INVALID_CREDENTIALS') {
        throw new ProfileError('CURRENT_PASSWORD_INCORRECT', 'The current password is not right');
      }
      throw error;
    }
    this.accounts.checkPassword(newPassword);
    const hash = await this.hasher.hash(newPassword);
    await this.store.transaction(async (tx) => {
      const now = this.clock.now();
      await tx.users.update(user.id, { passwordHash: hash, updatedAt: now });
      if (user.emailIndex) await tx.failures.clear(user.emailIndex);
      await revokeSessions(tx, user.id, 'passwordChanged', now, principal.sessionId);
      tx.publish(profileEvent(UserUpdated, { userId: user.id, changed: ['password'] }, user.id));
    });
  }
}
