/** A refresh token lives 7 days from its issue; every use spends it and issues the next one. */
export const REFRESH_TOKEN_TTL_MS = 7 * 24 * 60 * 60 * 1000;

/** Why a session ended early (the `session.revoked` reasons). */
export type RevocationReason =
  | 'logout'
  | 'logoutAll'
  | 'revokedByUser'
  | 'passwordChanged'
  | 'refreshReused'
  | 'accountDisabled'
  | 'accountDeleted';

export interface Session {
  id: string;
  userId: string;
  deviceId: string | null;
  deviceName: string | null;
  createdAt: Date;
  lastUsedAt: Date;
  revokedAt: Date | null;
}

export interface RefreshTokenRecord {
  tokenHash: string;
  sessionId: string;
  createdAt: Date;
  expiresAt: Date;
  spentAt: Date | null;
}
