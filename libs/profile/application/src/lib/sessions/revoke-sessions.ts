import { SessionRevoked } from '@tall/profile/contracts';
import type { RevocationReason } from '@tall/profile/domain';
import type { ProfileTx } from '../ports/profile-store.port';
import { profileEvent } from '../profile-events';

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

/** Inside a transaction: ends one session unless it already ended, and says so once. */
export async function revokeSession(tx: ProfileTx, userId: string, sessionId: string, reason: RevocationReason, at: Date): Promise<void> {
  if (await tx.sessions.revoke(sessionId, reason, at)) {
    tx.publish(profileEvent(SessionRevoked, { userId, sessionId, reason }, userId));
  }
}
