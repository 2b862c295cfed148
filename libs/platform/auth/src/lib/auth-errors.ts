/** Why an access token was refused; mapped to 401 TOKEN_EXPIRED / TOKEN_INVALID at the HTTP edge. */
export class AccessTokenError extends Error {
  constructor(
    readonly code: 'TOKEN_EXPIRED' | 'TOKEN_INVALID',
    /** For logs and tests only; never sent to the caller. */
    readonly reason: string,
  ) {
    super(code === 'TOKEN_EXPIRED' ? 'The access token has expired' : 'The access token is not valid');
    this.name = 'AccessTokenError';
  }
}

/** Signing keys are not available in this process (verify-only, or the store never answered). */
export class SigningKeyUnavailableError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SigningKeyUnavailableError';
  }
}
