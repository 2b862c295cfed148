import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { LoginSucceeded, type AuthResponse } from '@tall/profile/contracts';
import { ProfileError } from '@tall/profile/domain';
import { CLOCK, EMAIL_INDEXER, PASSWORD_HASHER, type Clock, type EmailIndexer, type PasswordHasher } from '../../ports/credentials.port';
import { PROFILE_STORE, type ProfileStore } from '../../ports/profile-store.port';
import { profileEvent } from '../../profile-events';
import { CredentialCheck } from '../credential-check';
import { SessionIssuer } from '../session-issuer';
import { LoginCommand } from './login.command';

/**
 * A wrong password and an unknown email get the same answer after the same work (a dummy
 * verify); a disabled account is told so only after its password was right.
 */
@CommandHandler(LoginCommand)
export class LoginHandler implements ICommandHandler<LoginCommand> {
  constructor(
    @Inject(PROFILE_STORE) private readonly store: ProfileStore,
    @Inject(EMAIL_INDEXER) private readonly emails: EmailIndexer,
    @Inject(PASSWORD_HASHER) private readonly hasher: PasswordHasher,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly credentials: CredentialCheck,
    private readonly sessions: SessionIssuer,
  ) {}

  async execute({ request }: LoginCommand): Promise<AuthResponse> {
    const emailIndex = await this.emails.indexOf(request.email);
    const candidate = await this.store.read((tx) => tx.users.findByEmailIndex(emailIndex));
    const account = await this.credentials.verify(emailIndex, candidate, request.password, { publishFailures: true });
    if (account.status === 'disabled') {
      await this.store.transaction(async (tx) => tx.publish(this.credentials.failed(account, 'account_disabled')));
      throw new ProfileError('ACCOUNT_DISABLED', 'This account is disabled');
    }
    // Parameters raised since the hash was made: upgrade it now that the password is known.
    const rehashed = this.hasher.needsRehash(account.passwordHash) ? await this.hasher.hash(request.password) : undefined;
    const now = this.clock.now();
    const session = await this.store.transaction(async (tx) => {
      await tx.failures.clear(emailIndex);
      if (rehashed) await tx.users.update(account.id, { passwordHash: rehashed, updatedAt: now });
      const started = await this.sessions.start(tx, account.id, { deviceId: request.deviceId, deviceName: request.deviceName }, now);
      tx.publish(profileEvent(LoginSucceeded, { userId: account.id, sessionId: started.sessionId, role: account.role }, account.id));
      return started;
    });
    return this.sessions.respond(account, session);
  }
}
