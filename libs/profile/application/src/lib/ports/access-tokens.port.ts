import type { Principal } from '@tall/platform/identity';

export interface IssuedAccessToken {
  accessToken: string;
  /** Seconds until it expires. */
  expiresIn: number;
}

/** Signs the short-lived access token of a session; the signing keys live with the platform's auth. */
export interface AccessTokens {
  issue(principal: Principal): Promise<IssuedAccessToken>;
}

export const ACCESS_TOKENS = Symbol('ACCESS_TOKENS');
