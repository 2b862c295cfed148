import { MAX_PRESIGN_EXPIRY_SECONDS } from './object-storage.port';
import { InvalidObjectKeyError, InvalidStorageOptionsError } from './storage-errors';

// S3's own limit; the local driver keeps it so keys stay portable between drivers.
const MAX_KEY_BYTES = 1024;
// eslint-disable-next-line no-control-regex
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f]/;

/**
 * Rejects keys that could escape the local storage directory or mean different objects on
 * different drivers: absolute paths, `.`/`..` segments, empty segments, backslashes.
 */
export function assertValidObjectKey(key: string): void {
  if (typeof key !== 'string' || key.length === 0) throw new InvalidObjectKeyError(String(key), 'empty');
  if (Buffer.byteLength(key, 'utf8') > MAX_KEY_BYTES) throw new InvalidObjectKeyError(key, `longer than ${MAX_KEY_BYTES} bytes`);
  if (CONTROL_CHARACTERS.test(key)) throw new InvalidObjectKeyError(key, 'contains control characters');
  // Backslash is a separator on Windows and would let "..\\" through the segment check there.
  if (key.includes('\\')) throw new InvalidObjectKeyError(key, 'contains a backslash');
  if (key.startsWith('/') || /^[a-zA-Z]:/.test(key)) throw new InvalidObjectKeyError(key, 'is an absolute path');
  for (const segment of key.split('/')) {
    if (segment === '') throw new InvalidObjectKeyError(key, 'has an empty path segment');
    if (segment === '.' || segment === '..') throw new InvalidObjectKeyError(key, `has a "${segment}" segment`);
  }
}

export function assertValidExpiry(expiresInSeconds: number): void {
  if (!Number.isInteger(expiresInSeconds) || expiresInSeconds < 1 || expiresInSeconds > MAX_PRESIGN_EXPIRY_SECONDS) {
    throw new InvalidStorageOptionsError(
      `expiresInSeconds must be an integer between 1 and ${MAX_PRESIGN_EXPIRY_SECONDS}, got ${expiresInSeconds}`,
    );
  }
}

export function assertValidContentType(contentType: string): void {
  // A loose media-type shape check: it ends up in a header and, for the local driver, in a signature.
  if (typeof contentType !== 'string' || !/^[\w!#$&^.+-]+\/[\w!#$&^.+-]+(\s*;.*)?$/.test(contentType) || CONTROL_CHARACTERS.test(contentType)) {
    throw new InvalidStorageOptionsError(`Invalid content type: ${JSON.stringify(contentType)}`);
  }
}
