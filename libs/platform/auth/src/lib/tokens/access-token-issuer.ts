import { randomUUID } from 'node:crypto';
import type { JwtKeys } from '../keys/jwt-keys';
import type { Principal } from '@tall/platform/identity';
import { ACCESS_TOKEN_ALGORITHM, ACCESS_TOKEN_TYPE, type AccessTokenSettings } from '../token-settings';
import { signCompact } from './compact-jws';

export interface IssuedAccessToken {
  accessToken: string;
  /** Seconds until it expires. */
  expiresIn: number;
}

/** Signs access tokens. Only the profile context issues them. */
export class AccessTokenIssuer {
  constructor(
    private readonly keys: JwtKeys,
    private readonly settings: AccessTokenSettings,
  ) {}

  async issue(principal: Principal, now = new Date()): Promise<IssuedAccessToken> {
    const { kid, privateKey } = this.keys.signingKey();
    const issuedAt = Math.floor(now.getTime() / 1000);
    const accessToken = signCompact(
      { alg: ACCESS_TOKEN_ALGORITHM, typ: ACCESS_TOKEN_TYPE, kid },
      {
        iss: this.settings.issuer,
        aud: this.settings.audience,
        sub: principal.userId,
        role: principal.role,
        sid: principal.sessionId,
        iat: issuedAt,
        exp: issuedAt + this.settings.ttlSeconds,
        jti: randomUUID(),
      },
      privateKey,
    );
    return { accessToken, expiresIn: this.settings.ttlSeconds };
  }
}
