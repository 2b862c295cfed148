import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { ProfileError } from '@tall/profile/domain';
import { CLOCK, type Clock } from '../../ports/credentials.port';
import { PROFILE_STORE, type ProfileStore } from '../../ports/profile-store.port';
import { revokeSession } from '../revoke-sessions';
import { RevokeSessionCommand } from './revoke-session.command';

@CommandHandler(RevokeSessionCommand)
export class RevokeSessionHandler implements ICommandHandler<RevokeSessionCommand> {
  constructor(
    @Inject(PROFILE_STORE) private readonly store: ProfileStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ principal, sessionId }: RevokeSessionCommand): Promise<void> {
    await this.store.transaction(async (tx) => {
      const session = await tx.sessions.findById(sessionId);
      // Another user's session is as unknown as a session that does not exist.
      if (!session || session.userId !== principal.userId || session.revokedAt) {
        throw new ProfileError('SESSION_NOT_FOUND', 'No such session');
      }
      await revokeSession(tx, principal.userId, sessionId, 'revokedByUser', this.clock.now());
    });
  }
}
