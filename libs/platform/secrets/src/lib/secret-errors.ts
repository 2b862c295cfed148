export type SecretErrorCode = 'SECRET_NOT_FOUND' | 'SECRET_STORE_UNAVAILABLE' | 'SECRET_STORE_CORRUPT';

export abstract class SecretStoreError extends Error {
  abstract readonly code: SecretErrorCode;
}

export class SecretNotFoundError extends SecretStoreError {
  readonly code = 'SECRET_NOT_FOUND';
  constructor(readonly secretName: string, readonly versionId?: string, options?: { cause?: unknown }) {
    super(versionId ? `Secret ${secretName} has no version ${versionId}` : `Secret ${secretName} does not exist`, options);
    this.name = 'SecretNotFoundError';
  }
}

/**
 * The store could not be reached or could not serve (network, timeouts, 5xx, no credentials).
 * The application should refuse readiness rather than run without its keys.
 */
export class SecretStoreUnavailableError extends SecretStoreError {
  readonly code = 'SECRET_STORE_UNAVAILABLE';
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'SecretStoreUnavailableError';
  }
}

/** The local secrets file exists but cannot be understood; never silently replaced. */
export class SecretStoreCorruptError extends SecretStoreError {
  readonly code = 'SECRET_STORE_CORRUPT';
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'SecretStoreCorruptError';
  }
}

export function isSecretStoreUnavailable(error: unknown): error is SecretStoreUnavailableError {
  return error instanceof SecretStoreUnavailableError;
}
