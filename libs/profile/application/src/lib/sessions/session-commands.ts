import { Inject, Injectable } from '@nestjs/common';
import type { Principal } from '@tall/platform/identity';
import { SessionRevoked, type SessionView } from '@tall/profile/contracts';
import { ProfileError, type RevocationReason } from '@tall/profile/domain';
import { CLOCK, type Clock } from '../ports/credentials.port';
import { PROFILE_STORE, type ProfileStore, type ProfileTx } from '../ports/profile-store.port';
import { profileEvent } from '../profile-events';
import { RefreshTokenCodec } from '../sign-in/refresh-token-codec';

/** Revokes sessions inside a transaction and publishes one `session.revoked` per ended session. */
export async function revokeSessions(
  tx: ProfileTx,
  userId: string,
  reason: RevocationReason,
  at: Date,
  exceptSessionId?: string,
): Promise<string[]> {
  const ended = await tx.sessions.revokeAllOf(userId, reason, at, exceptSessionId);
  tx.publish(...ended.map((sessionId) => profileEvent(SessionRevoked, { userId, sessionId, reason }, userId)));
  return ended;
}

/** A signed-in user's own sessions: list them, end one, end all. */
@Injectable()
export class SessionCommands {
  constructor(
    @Inject(PROFILE_STORE) private readonly store: ProfileStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** Ends the session of this refresh token when it is the caller's; unknown tokens change nothing. */
  async logout(principal: Principal, refreshToken: string): Promise<void> {
    await this.store.transaction(async (tx) => {
      const locked = await tx.sessions.lockToken(RefreshTokenCodec.hash(refreshToken));
      if (!locked || locked.session.userId !== principal.userId) return;
      await this.end(tx, principal.userId, locked.session.id, 'logout');
    });
  }

  async logoutAll(principal: Principal): Promise<void> {
    await this.store.transaction((tx) => revokeSessions(tx, principal.userId, 'logoutAll', this.clock.now()));
  }

  async revoke(principal: Principal, sessionId: string): Promise<void> {
    await this.store.transaction(async (tx) => {
      const session = await tx.sessions.findById(sessionId);
      // Another user's session is as unknown as a session that does not exist.
      if (!session || session.userId !== principal.userId || session.revokedAt) {
        throw new ProfileError('SESSION_NOT_FOUND', 'No such session');
      }
      await this.end(tx, principal.userId, sessionId, 'revokedByUser');
    });
  }

  async list(principal: Principal): Promise<SessionView[]> {
    const sessions = await this.store.read((tx) => tx.sessions.listActive(principal.userId, this.clock.now()));
    return sessions.map((session) => ({
      id: session.id,
      deviceId: session.deviceId,
      deviceName: session.deviceName,
      createdAt: session.createdAt.toISOString(),
      lastUsedAt: session.lastUsedAt.toISOString(),
      current: session.id === principal.sessionId,
    }));
  }

  private async end(tx: ProfileTx, userId: string, sessionId: string, reason: RevocationReason): Promise<void> {
    if (await tx.sessions.revoke(sessionId, reason, this.clock.now())) {
      tx.publish(profileEvent(SessionRevoked, { userId, sessionId, reason }, userId));
    }
  }
}
