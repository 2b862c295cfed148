import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CLOCK, type Clock } from '../../ports/credentials.port';
import { PROFILE_STORE, type ProfileStore } from '../../ports/profile-store.port';
import { RefreshTokenCodec } from '../../sign-in/refresh-token-codec';
import { revokeSession } from '../revoke-sessions';
import { LogoutCommand } from './logout.command';

@CommandHandler(LogoutCommand)
export class LogoutHandler implements ICommandHandler<LogoutCommand> {
  constructor(
    @Inject(PROFILE_STORE) private readonly store: ProfileStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ principal, refreshToken }: LogoutCommand): Promise<void> {
    await this.store.transaction(async (tx) => {
      const locked = await tx.sessions.lockToken(RefreshTokenCodec.hash(refreshToken));
      if (!locked || locked.session.userId !== principal.userId) return;
      await revokeSession(tx, principal.userId, locked.session.id, 'logout', this.clock.now());
    });
  }
}
