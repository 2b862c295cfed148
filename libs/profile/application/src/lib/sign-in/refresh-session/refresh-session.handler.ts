import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { RefreshReused, SessionRevoked, type AuthResponse } from '@tall/profile/contracts';
import { ProfileError, REFRESH_TOKEN_TTL_MS, type UserAccount } from '@tall/profile/domain';
import { CLOCK, type Clock } from '../../ports/credentials.port';
import { PROFILE_STORE, type ProfileStore } from '../../ports/profile-store.port';
import { profileEvent } from '../../profile-events';
import { RefreshTokenCodec } from '../refresh-token-codec';
import { SessionIssuer } from '../session-issuer';
import { RefreshSessionCommand } from './refresh-session.command';

type Outcome =
  | { kind: 'rotated'; user: UserAccount; sessionId: string; refreshToken: string }
  | { kind: 'reused' }
  | { kind: 'invalid' }
  | { kind: 'disabled' };

/**
 * Rotates a refresh token: the presented one is spent and a new one issued in the same
 * transaction, under a row lock — of two concurrent requests with one token, the second waits
 * and then finds it spent. A spent token presented again means it leaked: the whole session
 * (every token of the family, the newest too) is revoked and `refresh.reused` published.
 * The role comes from the account, so a role change shows from the next refresh.
 */
@CommandHandler(RefreshSessionCommand)
export class RefreshSessionHandler implements ICommandHandler<RefreshSessionCommand> {
  constructor(
    @Inject(PROFILE_STORE) private readonly store: ProfileStore,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly sessions: SessionIssuer,
  ) {}

  async execute({ refreshToken }: RefreshSessionCommand): Promise<AuthResponse> {
    const hash = RefreshTokenCodec.hash(refreshToken);
    const outcome = await this.store.transaction(async (tx): Promise<Outcome> => {
      const now = this.clock.now();
      const locked = await tx.sessions.lockToken(hash);
      if (!locked) return { kind: 'invalid' };
      const { token, session } = locked;
      if (token.spentAt) {
        if (await tx.sessions.revoke(session.id, 'refreshReused', now)) {
          tx.publish(
            profileEvent(RefreshReused, { userId: session.userId, sessionId: session.id }, session.userId),
            profileEvent(SessionRevoked, { userId: session.userId, sessionId: session.id, reason: 'refreshReused' }, session.userId),
          );
        }
        return { kind: 'reused' };
      }
      if (session.revokedAt || token.expiresAt <= now || session.expiresAt <= now) return { kind: 'invalid' };
      const user = await tx.users.findById(session.userId);
      if (!user || user.status === 'deleted' || user.status === 'pending') return { kind: 'invalid' };
      if (user.status === 'disabled') return { kind: 'disabled' };
      if (!(await tx.sessions.spendToken(hash, now))) return { kind: 'reused' };
      const next = await this.sessions.nextToken(tx, session.id, now);
      await tx.sessions.touch(session.id, now, new Date(now.getTime() + REFRESH_TOKEN_TTL_MS));
      return { kind: 'rotated', user, sessionId: session.id, refreshToken: next };
    });
    switch (outcome.kind) {
      case 'rotated':
        return this.sessions.respond(outcome.user, { sessionId: outcome.sessionId, refreshToken: outcome.refreshToken });
      case 'reused':
        throw new ProfileError('REFRESH_TOKEN_REUSED', 'This refresh token was already used: the session has been ended for safety');
      case 'disabled':
        throw new ProfileError('ACCOUNT_DISABLED', 'This account is disabled');
      default:
        throw new ProfileError('REFRESH_TOKEN_INVALID', 'The refresh token is not valid: sign in again');
    }
  }
}
