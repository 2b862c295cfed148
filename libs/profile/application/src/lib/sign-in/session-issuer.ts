import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { AuthResponse, UserRole } from '@tall/profile/contracts';
import { REFRESH_TOKEN_TTL_MS } from '@tall/profile/domain';
import { ACCESS_TOKENS, type AccessTokens } from '../ports/access-tokens.port';
import type { ProfileTx } from '../ports/profile-store.port';
import { RefreshTokenCodec } from './refresh-token-codec';

export interface Device {
  deviceId?: string;
  deviceName?: string;
}

export interface StartedSession {
  sessionId: string;
  refreshToken: string;
}

/** Starts sessions and hands out token pairs: the refresh token stored hashed, the access token signed. */
@Injectable()
export class SessionIssuer {
  constructor(@Inject(ACCESS_TOKENS) private readonly accessTokens: AccessTokens) {}

  /** Inside the caller's transaction: a new session (refresh-token family) with its first token. */
  async start(tx: ProfileTx, userId: string, device: Device, now: Date): Promise<StartedSession> {
    const sessionId = randomUUID();
    const expiresAt = new Date(now.getTime() + REFRESH_TOKEN_TTL_MS);
    await tx.sessions.create({
      id: sessionId,
      userId,
      deviceId: device.deviceId ?? null,
      deviceName: device.deviceName ?? null,
      createdAt: now,
      expiresAt,
    });
    const refreshToken = await this.nextToken(tx, sessionId, now);
    return { sessionId, refreshToken };
  }

  /** Inside the caller's transaction: the next refresh token of a session. */
  async nextToken(tx: ProfileTx, sessionId: string, now: Date): Promise<string> {
    const { token, hash } = RefreshTokenCodec.generate();
    await tx.sessions.insertToken({
      tokenHash: hash,
      sessionId,
      createdAt: now,
      expiresAt: new Date(now.getTime() + REFRESH_TOKEN_TTL_MS),
      spentAt: null,
    });
    return token;
  }

  /** After the commit: the response of register, login and refresh. */
  async respond(user: { id: string; role: UserRole }, session: StartedSession): Promise<AuthResponse> {
    const issued = await this.accessTokens.issue({ userId: user.id, role: user.role, sessionId: session.sessionId });
    return {
      user: { id: user.id, role: user.role },
      accessToken: issued.accessToken,
      refreshToken: session.refreshToken,
      accessTokenExpiresIn: issued.expiresIn,
    };
  }
}
