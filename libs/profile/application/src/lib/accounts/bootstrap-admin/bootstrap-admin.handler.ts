import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { ProfileError } from '@tall/profile/domain';
import { EMAIL_INDEXER, type EmailIndexer } from '../../ports/credentials.port';
import { PROFILE_STORE, type ProfileStore } from '../../ports/profile-store.port';
import { AccountCreation } from '../account-creation';
import { BootstrapAdminCommand, type BootstrapOutcome } from './bootstrap-admin.command';

@CommandHandler(BootstrapAdminCommand)
export class BootstrapAdminHandler implements ICommandHandler<BootstrapAdminCommand> {
  constructor(
    private readonly accounts: AccountCreation,
    @Inject(PROFILE_STORE) private readonly store: ProfileStore,
    @Inject(EMAIL_INDEXER) private readonly emails: EmailIndexer,
  ) {}

  async execute({ request }: BootstrapAdminCommand): Promise<BootstrapOutcome> {
    const existing = await this.existing(request.email);
    if (existing) return { outcome: 'exists', userId: existing };
    try {
      const { user } = await this.accounts.create({
        role: 'TECH_ADMIN',
        password: request.password,
        origin: 'bootstrap',
        personal: { email: request.email, firstName: request.firstName ?? 'Tall', lastName: request.lastName ?? 'Administrator' },
      });
      return { outcome: 'created', userId: user.id };
    } catch (error) {
      // Another instance starting at the same moment created it first.
      const winner = error instanceof ProfileError && error.code === 'EMAIL_TAKEN' ? await this.existing(request.email) : null;
      if (winner) return { outcome: 'exists', userId: winner };
      throw error;
    }
  }

  private async existing(email: string): Promise<string | null> {
    const index = await this.emails.indexOf(email);
    const user = await this.store.read((tx) => tx.users.findByEmailIndex(index));
    // A registration still in progress (or abandoned) does not count: creation settles it.
    return user && user.status !== 'pending' ? user.id : null;
  }
}
