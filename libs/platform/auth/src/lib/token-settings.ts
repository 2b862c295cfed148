/** Claims every access token carries and every verifier checks. */
export interface AccessTokenSettings {
  issuer: string;
  audience: string;
  /** Lifetime in seconds (15 minutes in production). */
  ttlSeconds: number;
}

export const ACCESS_TOKEN_TYPE = 'at+jwt';
/** The one algorithm accepted: Ed25519 signatures. Never taken from the token. */
export const ACCESS_TOKEN_ALGORITHM = 'EdDSA';

export const DEFAULT_ACCESS_TOKEN_SETTINGS: AccessTokenSettings = {
  issuer: 'tall',
  audience: 'tall-api',
  ttlSeconds: 15 * 60,
};

/** Secrets Manager name of the signing key set (created at first start). */
export const DEFAULT_JWT_KEYS_SECRET = 'tall/jwt-signing-keys';
