export type StorageErrorCode =
  | 'STORAGE_OBJECT_NOT_FOUND'
  | 'STORAGE_INVALID_KEY'
  | 'STORAGE_INVALID_OPTIONS'
  | 'STORAGE_UNAVAILABLE';

export abstract class StorageError extends Error {
  abstract readonly code: StorageErrorCode;
}

export class ObjectNotFoundError extends StorageError {
  readonly code = 'STORAGE_OBJECT_NOT_FOUND';
  constructor(readonly key: string, options?: { cause?: unknown }) {
    super(`Object not found: ${key}`, options);
    this.name = 'ObjectNotFoundError';
  }
}

export class InvalidObjectKeyError extends StorageError {
  readonly code = 'STORAGE_INVALID_KEY';
  constructor(readonly key: string, reason: string) {
    super(`Invalid object key ${JSON.stringify(key.slice(0, 200))}: ${reason}`);
    this.name = 'InvalidObjectKeyError';
  }
}

export class InvalidStorageOptionsError extends StorageError {
  readonly code = 'STORAGE_INVALID_OPTIONS';
  constructor(message: string) {
    super(message);
    this.name = 'InvalidStorageOptionsError';
  }
}

/** The backing store could not be reached (network, timeouts, 5xx): a readiness failure, not a bug. */
export class StorageUnavailableError extends StorageError {
  readonly code = 'STORAGE_UNAVAILABLE';
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'StorageUnavailableError';
  }
}
