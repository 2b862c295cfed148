import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { ProfileError } from '@tall/profile/domain';
import { PERSONAL_DATA_GATEWAY, type PersonalDataGateway } from '../../ports/credentials.port';
import { PROFILE_STORE, type ProfileStore } from '../../ports/profile-store.port';
import { AccountErasure } from '../../administration/account-erasure';
import { CredentialCheck } from '../../sign-in/credential-check';
import { EraseOwnAccountCommand } from './erase-own-account.command';

/**
 * Wrong passwords count towards the sign-in lockout, as when signing in, without `login.failed`.
 * The refusals keep the codes and messages this route has always answered with.
 */
@CommandHandler(EraseOwnAccountCommand)
export class EraseOwnAccountHandler implements ICommandHandler<EraseOwnAccountCommand> {
  constructor(
    @Inject(PROFILE_STORE) private readonly store: ProfileStore,
    @Inject(PERSONAL_DATA_GATEWAY) private readonly personalData: PersonalDataGateway,
    private readonly credentials: CredentialCheck,
    private readonly erasure: AccountErasure,
  ) {}

  async execute({ userId, password }: EraseOwnAccountCommand): Promise<void> {
    const user = await this.store.read((tx) => tx.users.findById(userId));
    if (user?.status === 'deleted') throw new ProfileError('PII_ERASED', "This user's personal data was erased");
    const candidate = user?.status === 'active' ? user : null;
    try {
      await this.credentials.verify(candidate?.emailIndex ?? null, candidate, password, { publishFailures: false });
    } catch (error) {
      if (!(error instanceof ProfileError)) throw error;
      if (error.code === 'ACCOUNT_LOCKED') throw new ProfileError('ACCOUNT_LOCKED', 'Too many wrong passwords: try again later', error.details);
      if (error.code === 'INVALID_CREDENTIALS') throw new ProfileError('REAUTHENTICATION_FAILED', 'The password is not correct');
      throw error;
    }
    await this.store.transaction(async (tx) => {
      const target = await tx.users.findById(userId, { lock: 'update' });
      if (!target) throw new ProfileError('USER_NOT_FOUND', 'No such user');
      // user.deleted goes out with the change: every context removes or anonymises the user's data.
      await this.erasure.erase(tx, target);
    });
    // pii shreds on user.deleted as well; asking now makes the export and every read answer 410 at once.
    await this.personalData.erase(userId);
  }
}
